import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  addSource,
  findSourceFor,
  inferSourceKind,
  type NewSource,
  parseRegistry,
  type Registry,
  removeSource,
  serializeRegistry,
  slugFor,
} from './registry.js';

const text = readFileSync(new URL('./fixtures/sources.yaml', import.meta.url), 'utf8');

function loaded(): Registry {
  const r = parseRegistry(text, 'sources.yaml');
  if (!r.ok) assert.fail(r.message);
  return r.value;
}

function added(r: Registry, e: NewSource): Registry {
  const a = addSource(r, e);
  if (!a.ok) assert.fail(a.message);
  return a.value;
}

describe('parseRegistry', () => {
  it('reads entries and fills in ids and kinds', () => {
    const r = loaded();
    assert.deepEqual(
      r.sources.map((s) => [s.id, s.kind, s.type, s.language, s.weight]),
      [
        ['lumen-ledger', 'feed', 'news', 'en', undefined],
        ['fogbridge-example', 'feed', 'news', 'zh', 0.5],
        ['orbital-labs', 'page', 'official', 'en', 2],
        ['local-corpus', 'directory', 'blog', 'mixed', undefined],
      ],
    );
    assert.equal(r.sources[0]?.feedTitle, 'AI Desk & Friends | Lumen Ledger');
  });

  it('round-trips: serialise, parse, serialise gives the same text and records', () => {
    const r = loaded();
    const once = serializeRegistry(r);
    const again = parseRegistry(once, 'again.yaml');
    assert.ok(again.ok);
    assert.deepEqual(again.value, r);
    assert.equal(serializeRegistry(again.value), once);
    assert.match(once, /^# Tidings source registry/);
  });

  it('keeps every: as written, through a round trip', () => {
    const r = parseRegistry(
      'sources:\n  - name: A\n    url: https://a.example/\n    type: news\n    language: en\n    every: 2h\n  - name: B\n    url: https://b.example/\n    type: news\n    language: en\n    every: 45\n',
      'x.yaml',
    );
    if (!r.ok) assert.fail(r.message);
    assert.deepEqual(
      r.value.sources.map((s) => s.every),
      ['2h', 45],
    );
    const again = parseRegistry(serializeRegistry(r.value), 'again.yaml');
    assert.ok(again.ok);
    assert.deepEqual(again.value, r.value);
  });

  it('an empty or comment-only file is an empty registry', () => {
    assert.deepEqual(parseRegistry('', 'x.yaml'), { ok: true, value: { sources: [] } });
    assert.deepEqual(parseRegistry('# nothing yet\nsources:\n', 'x.yaml'), { ok: true, value: { sources: [] } });
  });

  const bad: Array<{ name: string; yaml: string; message: RegExp }> = [
    {
      name: 'bad YAML names the line',
      yaml: 'version: 1\nsources:\n  - name: A\n    url: [unclosed\n',
      message: /^reg\.yaml line \d+, column \d+: bad YAML: /,
    },
    {
      name: 'tab-indented YAML names the line',
      yaml: 'version: 1\nsources:\n\t- name: A\n',
      message: /^reg\.yaml line 3, column \d+: bad YAML/,
    },
    {
      name: 'duplicate key names the line',
      yaml: 'version: 1\nsources:\n  - name: A\n    name: B\n',
      message: /^reg\.yaml line 4, column \d+: bad YAML: .*unique/i,
    },
    {
      name: 'unknown type names file, line, entry and field',
      yaml: 'sources:\n  - name: A\n    url: https://a.example/feed\n    type: magazine\n    language: en\n',
      message:
        /^reg\.yaml line 4: source 1 \("A"\), field "type": expected one of official, news, social, blog, research, aggregator$/,
    },
    {
      name: 'missing language',
      yaml: 'sources:\n  - id: a-one\n    name: A\n    url: https://a.example/\n    type: news\n',
      message: /^reg\.yaml line 2: source 1 \("a-one"\), field "language": missing$/,
    },
    {
      name: 'misspelt field',
      yaml: 'sources:\n  - name: A\n    url: https://a.example/\n    type: news\n    langauge: en\n    language: en\n',
      message: /source 1 \("A"\), field "langauge": unknown/,
    },
    {
      name: 'both url and path',
      yaml: 'sources:\n  - name: A\n    url: https://a.example/\n    path: ./a\n    type: news\n    language: en\n',
      message: /line 3: source 1 \("A"\), field "url": expected exactly one of url and path/,
    },
    {
      name: 'not an http URL',
      yaml: 'sources:\n  - name: A\n    url: ftp://a.example/\n    type: news\n    language: en\n',
      message: /line 3: .*field "url": expected an absolute http\(s\) URL/,
    },
    {
      name: 'weight out of range',
      yaml: 'sources:\n  - name: A\n    url: https://a.example/\n    type: news\n    language: en\n    weight: 11\n',
      message: /line 6: .*field "weight"/,
    },
    {
      name: 'every: too short names file, line, source and field',
      yaml: 'sources:\n  - name: A\n    url: https://a.example/\n    type: news\n    language: en\n  - id: b-wire\n    name: B\n    url: https://b.example/\n    type: news\n    language: en\n    every: 10s\n',
      message:
        /^reg\.yaml line 11: source 2 \("b-wire"\), field "every": "10s" is less than 1 minute; expected minutes as a number \(30\) or a time such as "90s", "30m", "2h", "1d", from 1 minute to 7 days$/,
    },
    {
      name: 'every: not a time',
      yaml: 'sources:\n  - name: A\n    url: https://a.example/\n    type: news\n    language: en\n    every: hourly\n',
      message: /^reg\.yaml line 6: source 1 \("A"\), field "every": "hourly" is not a time/,
    },
    {
      name: 'second entry duplicates the first',
      yaml: 'sources:\n  - name: A\n    url: https://a.example/feed\n    type: news\n    language: en\n  - name: B\n    url: https://www.a.example/feed/\n    type: blog\n    language: en\n',
      message: /line 6: source 2 \("B"\): source https:\/\/www\.a\.example\/feed\/ is already registered as "a"/,
    },
    { name: 'sources is not a list', yaml: 'sources: 3\n', message: /^reg\.yaml: field "sources"/ },
    { name: 'unknown top-level key', yaml: 'feeds: []\n', message: /^reg\.yaml: top level: unknown/ },
  ];
  for (const c of bad) {
    it(c.name, () => {
      const r = parseRegistry(c.yaml, 'reg.yaml');
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.equal(r.code, 'config_error');
      assert.match(r.message, c.message);
      assert.equal(r.subject, 'reg.yaml');
    });
  }
});

describe('addSource', () => {
  it('derives a unique slug id with -2 on collision and infers the kind', () => {
    let r: Registry = { sources: [] };
    r = added(r, { name: 'Tessel & Grain', url: 'https://tessel.example/feed/', type: 'blog', language: 'en' });
    r = added(r, { name: 'Tessel & Grain', url: 'https://tessel.example/research/', type: 'research', language: 'en' });
    r = added(r, { name: 'Tessel & Grain', url: 'https://tessel.example/x.opml', type: 'aggregator', language: 'en' });
    assert.deepEqual(
      r.sources.map((s) => [s.id, s.kind]),
      [
        ['tessel-and-grain', 'feed'],
        ['tessel-and-grain-2', 'page'],
        ['tessel-and-grain-3', 'opml'],
      ],
    );
  });
  it('keeps an explicit kind and id', () => {
    const r = added(
      { sources: [] },
      { id: 'my-id', name: 'X', url: 'https://x.example/page', kind: 'feed', type: 'news', language: 'other' },
    );
    assert.deepEqual(r.sources[0], {
      id: 'my-id',
      name: 'X',
      url: 'https://x.example/page',
      kind: 'feed',
      type: 'news',
      language: 'other',
    });
  });
  it('does not change the registry it was given', () => {
    const r = loaded();
    const before = structuredClone(r);
    added(r, { name: 'New', url: 'https://new.example/rss', type: 'news', language: 'en' });
    assert.deepEqual(r, before);
  });
  const rejects: Array<{ name: string; entry: NewSource; code: string; message: RegExp }> = [
    {
      name: 'same URL, other spelling',
      entry: { name: 'Again', url: 'https://lumen-ledger.example/ai/feed#top', type: 'news', language: 'en' },
      code: 'bad_input',
      message:
        /^source https:\/\/lumen-ledger\.example\/ai\/feed#top is already registered as "lumen-ledger" \(Lumen Ledger\)$/,
    },
    {
      name: 'same path',
      entry: { name: 'Corpus', path: 'examples/./corpus', type: 'blog', language: 'en' },
      code: 'bad_input',
      message: /already registered as "local-corpus"/,
    },
    {
      name: 'taken id',
      entry: { id: 'orbital-labs', name: 'Other', url: 'https://other.example/', type: 'news', language: 'en' },
      code: 'bad_input',
      message: /id "orbital-labs" is already taken/,
    },
    {
      name: 'bad type',
      entry: { name: 'Bad', url: 'https://bad.example/', type: 'tabloid' as 'news', language: 'en' },
      code: 'bad_input',
      message: /^source "Bad": field "type": expected one of/,
    },
  ];
  for (const c of rejects) {
    it(`rejects ${c.name}`, () => {
      const r = addSource(loaded(), c.entry);
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.equal(r.code, c.code);
      assert.match(r.message, c.message);
    });
  }
});

describe('removeSource', () => {
  const cases: Array<{ name: string; key: string; left: string[] | null }> = [
    { name: 'by id', key: 'orbital-labs', left: ['lumen-ledger', 'fogbridge-example', 'local-corpus'] },
    {
      name: 'by URL',
      key: 'https://www.fogbridge.example/rss.xml',
      left: ['lumen-ledger', 'orbital-labs', 'local-corpus'],
    },
    {
      name: 'by URL without www and slash',
      key: 'https://lumen-ledger.example/ai/feed',
      left: ['fogbridge-example', 'orbital-labs', 'local-corpus'],
    },
    { name: 'by path', key: 'examples/corpus/', left: ['lumen-ledger', 'fogbridge-example', 'orbital-labs'] },
    { name: 'unknown', key: 'nope', left: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = removeSource(loaded(), c.key);
      if (c.left === null) {
        assert.equal(r.ok, false);
        if (!r.ok) assert.equal(r.code, 'not_found');
        return;
      }
      assert.ok(r.ok);
      assert.deepEqual(
        r.value.sources.map((s) => s.id),
        c.left,
      );
    });
  }
});

describe('findSourceFor', () => {
  const r = added(
    added(loaded(), {
      name: 'Lumen Ledger',
      url: 'https://lumen-ledger.example/research/feed/',
      type: 'research',
      language: 'en',
    }),
    { id: 'abs-feeds', name: 'Abs', path: '/srv/feeds', type: 'news', language: 'en' },
  );
  const cases: Array<{ name: string; target: string; want: string | null }> = [
    { name: 'exact feed URL', target: 'https://lumen-ledger.example/ai/feed/', want: 'lumen-ledger' },
    {
      name: 'article on the same host goes to the first source',
      target: 'https://lumen-ledger.example/2026/05/10/x/',
      want: 'lumen-ledger',
    },
    {
      name: 'longest shared path wins',
      target: 'https://lumen-ledger.example/research/2026/paper',
      want: 'lumen-ledger-2',
    },
    { name: 'www. is ignored', target: 'https://fogbridge.example/a/1', want: 'fogbridge-example' },
    { name: 'other host', target: 'https://elsewhere.example/a', want: null },
    { name: 'file inside a directory source', target: 'examples/corpus/en/page.html', want: 'local-corpus' },
    { name: 'the directory itself', target: './examples/corpus', want: 'local-corpus' },
    {
      name: 'a file: URL inside an absolute directory source',
      target: 'file:///srv/feeds/a.xml?x=1',
      want: 'abs-feeds',
    },
    { name: 'sibling directory with a common prefix', target: 'examples/corpus-old/page.html', want: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(findSourceFor(r, c.target)?.id ?? null, c.want);
    });
  }
});

describe('inferSourceKind and slugFor', () => {
  const kinds: Array<[string, boolean, string]> = [
    ['https://a.example/feed/', true, 'feed'],
    ['https://a.example/rss', true, 'feed'],
    ['https://a.example/index.xml', true, 'feed'],
    ['https://a.example/feed.json', true, 'feed'],
    ['https://a.example/?feed=rss2', true, 'feed'],
    ['https://a.example/list.opml', true, 'opml'],
    ['https://a.example/reading.urls', true, 'urllist'],
    ['https://a.example/2026/05/story.html', true, 'page'],
    ['corpus/', false, 'directory'],
    ['corpus', false, 'directory'],
    ['corpus/page.html.gz', false, 'file'],
    ['notes/today.md', false, 'file'],
    ['subs.opml', false, 'opml'],
    ['feeds/wire.rss', false, 'feed'],
    ['my.urls', false, 'urllist'],
  ];
  for (const [loc, isUrl, want] of kinds) it(`kind of ${loc}`, () => assert.equal(inferSourceKind(loc, isUrl), want));
  const slugs: Array<[string, string | undefined, string]> = [
    ['TechCrunch', undefined, 'techcrunch'],
    ['Café Élan — AI', undefined, 'cafe-elan-ai'],
    ['机器之心', 'https://www.jiqizhixin.example/rss', 'jiqizhixin-example'],
    ['机器之心', undefined, 'source'],
  ];
  for (const [name, url, want] of slugs) it(`slug of ${name}`, () => assert.equal(slugFor(name, url), want));
});
