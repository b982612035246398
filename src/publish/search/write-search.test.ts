import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import vm from 'node:vm';
import { JSDOM } from 'jsdom';
import { loadSearchCore, type SearchIndex } from './search-core.js';
import { buildSearchIndex, writeSearch, type SearchDoc } from './write-search.js';

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> chips &amp; more';
const DOCS: SearchDoc[] = [
  {
    lang: 'en',
    path: 'en/stories/a.html',
    kind: 'story',
    date: '2026-03-02',
    title: `Chips ${HOSTILE}`,
    text: `New chips. ${HOSTILE}`,
  },
  { lang: 'zh', path: 'zh/stories/a.html', kind: 'story', date: '2026-03-02', title: '新芯片', text: '新款芯片发布。' },
];

function runIndexScript(text: string): SearchIndex {
  const sandbox: { window: { TIDINGS_SEARCH_INDEX?: SearchIndex } } = { window: {} };
  vm.runInNewContext(text, sandbox);
  assert.ok(sandbox.window.TIDINGS_SEARCH_INDEX, 'the index script sets window.TIDINGS_SEARCH_INDEX');
  return sandbox.window.TIDINGS_SEARCH_INDEX;
}

describe('writeSearch', () => {
  it('writes the index as a script setting a global, and the client script', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tidings-search-'));
    try {
      const written = await writeSearch(dir, DOCS);
      assert.ok(written.ok, written.ok ? '' : written.message);
      assert.equal(written.value.docs, 2);
      const indexText = await readFile(path.join(dir, 'assets/search-index.js'), 'utf8');
      assert.equal(written.value.indexBytes, Buffer.byteLength(indexText));
      const index = runIndexScript(indexText);
      assert.doesNotMatch(indexText, /<script/i, 'markup in indexed text is escaped as \\u003c');
      assert.deepEqual(
        loadSearchCore()
          .search(index, '芯片')
          .results.map((r) => r.path),
        ['zh/stories/a.html'],
      );
      const client = await readFile(path.join(dir, 'assets/search.js'), 'utf8');
      assert.match(client, /TidingsSearch/);
      const code = client
        .split('\n')
        .filter((l) => !/^\s*\/\//.test(l))
        .join('\n');
      assert.doesNotMatch(code, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names each refused document and indexes the rest', () => {
    const bad = [
      { lang: 'fr', path: 'fr/a.html', kind: 'story', title: 't', text: '' },
      { lang: 'en', path: '../etc/passwd', kind: 'story', title: 't', text: '' },
      { lang: 'en', path: 'https://evil.example/x', kind: 'story', title: 't', text: '' },
      { lang: 'en', path: '/en/a.html', kind: 'story', title: 't', text: '' },
      { lang: 'en', path: 'en/b.html', kind: 'tweet', title: 't', text: '' },
      { lang: 'en', path: 'en/c.html', kind: 'story', title: 't', text: '', date: 'March 2' },
      { lang: 'en', path: 'en/stories/a.html', kind: 'story', title: 'twice', text: '' },
    ] as unknown as SearchDoc[];
    const { index, skipped } = buildSearchIndex([...DOCS, ...bad]);
    assert.equal(index.docs.length, 2);
    assert.deepEqual(
      skipped.map((s) => s.path),
      [
        'fr/a.html',
        '../etc/passwd',
        'https://evil.example/x',
        '/en/a.html',
        'en/b.html',
        'en/c.html',
        'en/stories/a.html',
      ],
    );
    for (const s of skipped)
      assert.match(s.message, new RegExp(`^search document ${s.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
  });

  it('drops the title from the start of the text (it is indexed as the title)', () => {
    const { index } = buildSearchIndex([
      {
        lang: 'zh',
        path: 'zh/s.html',
        kind: 'story',
        title: '英伟达发布芯片',
        text: ' 英伟达发布芯片 周二发布了新款芯片。',
      },
    ]);
    assert.equal(index.texts[0], '周二发布了新款芯片。');
    assert.deepEqual(
      loadSearchCore()
        .search(index, '英伟达')
        .results.map((r) => r.path),
      ['zh/s.html'],
    );
  });

  it('caps text per document and stores a text shared by two pages once', () => {
    const long = 'word '.repeat(2000);
    const { index } = buildSearchIndex(
      [
        { lang: 'en', path: 'en/articles/x.html', kind: 'article', title: 'Reader', text: long },
        { lang: 'zh', path: 'zh/articles/x.html', kind: 'article', title: '阅读', text: long },
      ],
      { textCap: 300 },
    );
    assert.equal(index.texts.length, 1);
    assert.ok(index.texts[0]!.length <= 300);
    assert.equal(index.docs[0]![5], index.docs[1]![5]);
  });
});

describe('search page rendering', () => {
  it('puts indexed text and the query into the page as text only, links relative to the page', async () => {
    const index = buildSearchIndex(DOCS).index;
    const dom = new JSDOM(
      '<!doctype html><html lang="en"><body><p id="search-status"></p><ol id="search-results"></ol></body></html>',
    );
    const doc = dom.window.document;
    loadSearchCore().render(doc, index, 'chips <img src=x onerror=alert(1)>', 'en', '../');
    assert.equal(doc.querySelectorAll('#search-results img, #search-results script').length, 0);
    assert.match(doc.getElementById('search-status')!.textContent!, /<img src=x onerror=alert\(1\)>/);
    loadSearchCore().render(doc, index, 'chips', 'en', '../');
    const items = [...doc.querySelectorAll('#search-results li')];
    assert.equal(items.length, 1);
    assert.equal(items[0]!.querySelector('a')!.getAttribute('href'), '../en/stories/a.html');
    assert.equal(items[0]!.getAttribute('data-lang'), 'en');
    assert.equal(doc.querySelectorAll('#search-results img, #search-results script').length, 0);
    assert.ok(items[0]!.textContent!.includes('<img src=x onerror="window.__pwned=1">'), 'markup shows as text');
    assert.deepEqual(
      [...items[0]!.querySelectorAll('mark')].map((m) => m.textContent),
      ['Chips', 'chips', 'chips', 'chips'],
    );
  });

  it('says so when nothing matches, when the query is empty and when the index is missing', () => {
    const index = buildSearchIndex(DOCS).index;
    const doc = new JSDOM(
      '<!doctype html><html lang="zh-Hans"><body><p id="search-status"></p><ol id="search-results"></ol></body></html>',
    ).window.document;
    const core = loadSearchCore();
    core.render(doc, index, '量子', 'zh', '../');
    assert.equal(doc.getElementById('search-status')!.textContent, '没有找到“量子”。');
    core.render(doc, index, '', 'zh', '../');
    assert.match(doc.getElementById('search-status')!.textContent!, /输入/);
    core.render(doc, null, 'x', 'zh', '../');
    assert.match(doc.getElementById('search-status')!.textContent!, /索引/);
    assert.equal(doc.querySelectorAll('#search-results li').length, 0);
  });
});
