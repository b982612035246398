import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseOpml } from './opml.js';

describe('parseOpml', () => {
  it('reads nested outlines with folder categories, languages and case-insensitive attributes', () => {
    const r = parseOpml(readFileSync(new URL('./fixtures/subscriptions.opml', import.meta.url), 'utf8'));
    assert.ok(r.ok);
    assert.deepEqual(r.value, [
      {
        title: 'Top level feed',
        xmlUrl: 'https://lumen-ledger.example/ai/feed/',
        htmlUrl: 'https://lumen-ledger.example/ai/',
        language: null,
        category: null,
      },
      {
        title: 'Qubit & Courier',
        xmlUrl: 'https://qubit-courier.example/blog/atom.xml',
        htmlUrl: null,
        language: 'en',
        category: 'News',
      },
      {
        title: '雾桥科技评论',
        xmlUrl: 'https://fogbridge.example/rss',
        htmlUrl: null,
        language: 'zh-CN',
        category: 'News / 中文',
      },
      {
        title: 'Tagged',
        xmlUrl: 'https://tagged.example/feed',
        htmlUrl: null,
        language: null,
        category: '/Research/Labs',
      },
      { title: 'Relative one', xmlUrl: 'feeds/local.xml', htmlUrl: null, language: null, category: null },
    ]);
  });

  const bad: Array<{ name: string; text: string; code: string; message: RegExp }> = [
    { name: 'empty file', text: '  ', code: 'empty_input', message: /^subs\.opml: the OPML file is empty$/ },
    {
      name: 'malformed XML',
      text: '<opml>\n<body>\n<outline text="x">\n</body></opml>',
      code: 'bad_input',
      message: /^subs\.opml: malformed XML at line 4/,
    },
    {
      name: 'a feed, not OPML',
      text: '<rss version="2.0"><channel/></rss>',
      code: 'unsupported',
      message: /root element <rss>/,
    },
  ];
  for (const c of bad) {
    it(c.name, () => {
      const r = parseOpml(c.text, { name: 'subs.opml' });
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.equal(r.code, c.code);
      assert.match(r.message, c.message);
    });
  }

  it('resolves relative xmlUrl against the file base', () => {
    const text =
      '<opml version="2.0"><body><outline text="Local" xmlUrl="feeds/a.xml" htmlUrl="https://a.example/"/></body></opml>';
    const local = parseOpml(text, { baseUrl: 'file:///corpus/subs.opml' });
    assert.ok(local.ok);
    assert.equal(local.value[0]?.xmlUrl, 'file:///corpus/feeds/a.xml');
    const remote = parseOpml(text, { baseUrl: 'https://lists.example/subs.opml' });
    assert.ok(remote.ok);
    assert.equal(remote.value[0]?.xmlUrl, 'https://lists.example/feeds/a.xml');
  });

  it('an OPML file with no body has no entries', () => {
    const r = parseOpml('<opml version="1.0"><head/></opml>');
    assert.deepEqual(r, { ok: true, value: [] });
  });
});
