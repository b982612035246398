import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { type Feed, parseFeed } from './feed.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function parsed(text: string, options?: { baseUrl?: string; name?: string }): Feed {
  const r = parseFeed(text, options);
  if (!r.ok) assert.fail(`expected a feed, got ${r.code}: ${r.message}`);
  return r.value;
}

describe('parseFeed: RSS 2.0', () => {
  const feed = parsed(fixture('rss2.xml'), { baseUrl: 'https://lumen-ledger.example/ai/feed/' });
  it('reads the channel', () => {
    assert.equal(feed.format, 'rss2');
    assert.equal(feed.title, 'AI Desk & Friends | Lumen Ledger');
    assert.equal(feed.siteUrl, 'https://lumen-ledger.example/ai/');
    assert.equal(feed.feedUrl, 'https://lumen-ledger.example/ai/feed/');
    assert.equal(feed.language, 'en-us');
    assert.equal(feed.items.length, 2);
    assert.deepEqual(feed.problems, []);
  });
  it('strips HTML from a CDATA title and resolves a relative link', () => {
    const item = feed.items[0];
    assert.equal(item?.title, 'Orbital Labs raises $40 million for photonic racks');
    assert.equal(item?.url, 'https://lumen-ledger.example/2026/05/10/orbital-labs-raises/');
    assert.equal(item?.guid, 'lumen-4411');
  });
  it('takes content:encoded, dc:creator, and an EST pubDate', () => {
    const item = feed.items[0];
    assert.equal(
      item?.contentHtml,
      '<p>Orbital Labs said on Sunday it raised $40 million.</p><p>“We are early,” said its founder.</p>',
    );
    assert.equal(item?.author, 'Mara Quell');
    assert.equal(item?.published, '2026-05-10T13:30:00.000Z');
    assert.equal(item?.summary, 'The startup says its racks cut power draw by 30%.');
  });
  it('uses a permalink guid as the link and reads an RSS author', () => {
    const item = feed.items[1];
    assert.equal(item?.url, 'https://lumen-ledger.example/2026/05/09/tessel-grain/');
    assert.equal(item?.title, 'Tessel & Grain ships a 5GW plan');
    assert.equal(item?.author, 'Ivo Brandt');
    assert.equal(item?.published, '2026-05-09T21:05:00.000Z');
    assert.equal(item?.summary, 'A plan with five gigawatts & no timeline.');
    assert.equal(item?.contentHtml, null);
  });
});

describe('parseFeed: RSS 1.0 / RDF', () => {
  const feed = parsed(fixture('rdf.xml'));
  it('reads the channel and items, zone-less dates as China time', () => {
    assert.equal(feed.format, 'rdf');
    assert.equal(feed.title, '雾桥科技评论');
    assert.equal(feed.language, 'zh-CN');
    assert.deepEqual(
      feed.items.map((i) => [i.url, i.title, i.published, i.author, i.guid]),
      [
        [
          'https://fogbridge.example/a/1',
          '青石云发布新一代推理芯片',
          '2026-05-10T00:30:00.000Z',
          '林晓',
          'https://fogbridge.example/a/1',
        ],
        [
          'https://fogbridge.example/a/2',
          '算力租赁价格回落',
          '2026-05-09T13:15:00.000Z',
          null,
          'https://fogbridge.example/a/2',
        ],
      ],
    );
    assert.equal(feed.items[0]?.summary, '据称性能提升15倍。');
  });
});

describe('parseFeed: Atom', () => {
  const feed = parsed(fixture('atom.xml'), { baseUrl: 'https://qubit-courier.example/feeds/main' });
  it('reads the feed with xml:base', () => {
    assert.equal(feed.format, 'atom');
    assert.equal(feed.title, 'Qubit Courier');
    assert.equal(feed.siteUrl, 'https://qubit-courier.example/blog/');
    assert.equal(feed.feedUrl, 'https://qubit-courier.example/blog/atom.xml');
    assert.equal(feed.language, 'en');
  });
  it('picks rel=alternate, keeps a text title literal, prefers published, keeps xhtml content', () => {
    const e = feed.items[0];
    assert.equal(e?.url, 'https://qubit-courier.example/blog/2026/why-tokens');
    assert.equal(e?.title, 'Why 1,000 tokens/s <matters>');
    assert.equal(e?.published, '2026-05-09T17:00:00.000Z');
    assert.equal(e?.author, 'Dana Orr');
    assert.equal(e?.summary, 'Speed, explained.');
    assert.match(e?.contentHtml ?? '', /<p>Fast inference is <b>cheap<\/b> now\.<\/p>/);
  });
  it('uses entry xml:base, falls back to updated and to the feed author, escapes text content', () => {
    const e = feed.items[1];
    assert.equal(e?.url, 'https://mirror.qubit-courier.example/archive/plain-and-simple');
    assert.equal(e?.title, 'Plain & simple');
    assert.equal(e?.published, '2026-05-09T12:00:00.000Z');
    assert.equal(e?.author, 'Courier Staff');
    assert.equal(e?.contentHtml, '<p>First line &lt;not a tag&gt;.</p>\n<p>Second paragraph.</p>');
  });
});

describe('parseFeed: JSON Feed', () => {
  it('reads 1.1 with authors, content_text, relative url, and a skipped non-object item', () => {
    const feed = parsed(fixture('jsonfeed-1.1.json'));
    assert.equal(feed.format, 'jsonfeed');
    assert.equal(feed.title, 'Parallax Notes');
    assert.equal(feed.feedUrl, 'https://parallax-notes.example/feed.json');
    const [a, b] = feed.items;
    assert.equal(feed.items.length, 2);
    assert.equal(a?.author, 'Remy Vale');
    assert.equal(a?.published, '2026-05-10T08:00:00.000Z');
    assert.equal(a?.contentHtml, '<p>An invented deal, for tests.</p>');
    assert.equal(b?.guid, '8');
    assert.equal(b?.url, 'https://parallax-notes.example/p/8');
    assert.equal(b?.author, 'Parallax Team');
    assert.equal(b?.published, '2026-05-08T00:00:00.000Z');
    assert.equal(b?.contentHtml, '<p>Body one.</p>\n<p>Body &lt;two&gt;.</p>');
    assert.deepEqual(feed.problems, ['item 3 is not an object and was skipped']);
  });
  it('reads 1.0 with author and external_url', () => {
    const feed = parsed(fixture('jsonfeed-1.0.json'));
    assert.equal(feed.items[0]?.url, 'https://elsewhere.example/story');
    assert.equal(feed.items[0]?.author, 'Sol Ember');
  });
});

describe('parseFeed: items without links', () => {
  it('keeps the items with url null and lists them in problems', () => {
    const feed = parsed(fixture('no-links.xml'));
    assert.deepEqual(
      feed.items.map((i) => i.url),
      [null, null, 'https://linkless.example/3'],
    );
    assert.deepEqual(feed.problems, [
      'item 1 ("First flash") has no link',
      'item 2 ("Second flash") has no usable link ("javascript:void(0)")',
      'item 2 ("Second flash") has an unreadable date "not a date"',
    ]);
  });
});

describe('parseFeed: bad input', () => {
  const cases: Array<{ name: string; text: string; code: string; message: RegExp }> = [
    { name: 'empty file', text: '', code: 'empty_input', message: /^wire\.xml: the feed is empty$/ },
    { name: 'whitespace and BOM only', text: '\uFEFF  \n', code: 'empty_input', message: /empty/ },
    {
      name: 'no element at all',
      text: '<!-- nothing here -->',
      code: 'bad_input',
      message: /^wire\.xml: no XML element found \(line 1, column 22: no root element\)$/,
    },
    { name: 'malformed JSON', text: '{"version": ', code: 'bad_input', message: /^wire\.xml: malformed JSON/ },
    { name: 'JSON that is not a feed', text: '{"hello": 1}', code: 'unsupported', message: /not a JSON Feed/ },
    {
      name: 'an OPML file',
      text: '<opml version="2.0"><body/></opml>',
      code: 'unsupported',
      message: /root element <opml>/,
    },
    { name: 'plain text', text: 'hello world', code: 'bad_input', message: /neither XML nor JSON/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = parseFeed(c.text, { name: 'wire.xml' });
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.equal(r.code, c.code);
      assert.match(r.message, c.message);
      assert.equal(r.subject, 'wire.xml');
    });
  }
  it('repairs a bare ampersand instead of failing', () => {
    const feed = parsed(
      '<rss version="2.0"><channel><title>A & B</title><item><link>https://x.example/?a=1&b=2</link></item></channel></rss>',
    );
    assert.equal(feed.title, 'A & B');
    assert.equal(feed.items[0]?.url, 'https://x.example/?a=1&b=2');
  });
});
