import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseUrlList } from './url-list.js';

describe('parseUrlList', () => {
  it('keeps URLs, skips comments and blanks, reports junk and repeats with line numbers', () => {
    const text = [
      '\uFEFF# invented reading list',
      'https://lumen-ledger.example/2026/05/10/a/',
      '',
      '   https://qubit-courier.example/blog/x#section   # trailing comment',
      'not a url',
      'ftp://files.example/x',
      'lumen-ledger.example/no-scheme',
      'https://two.example/a https://two.example/b',
      'https://lumen-ledger.example/2026/05/10/a/',
      '\t# indented comment',
      'HTTPS://Upper.Example/Path',
    ].join('\r\n');
    const r = parseUrlList(text, { name: 'list.urls' });
    assert.deepEqual(r.urls, [
      'https://lumen-ledger.example/2026/05/10/a/',
      'https://qubit-courier.example/blog/x#section',
      'https://upper.example/Path',
    ]);
    assert.deepEqual(r.problems, [
      'list.urls line 5: "not a url" is not an http(s) URL',
      'list.urls line 6: "ftp://files.example/x" is not an http(s) URL',
      'list.urls line 7: "lumen-ledger.example/no-scheme" is relative and the list has no base URL',
      'list.urls line 8: "https://two.example/a https://two.example/b" is not an http(s) URL',
      'list.urls line 9: repeats line 2',
    ]);
  });

  it('resolves relative lines against a file: base, keeping the query for the reader to drop', () => {
    const r = parseUrlList('pages/a.html?utm_source=x  # tracked\n../b.md\nhttps://c.example/\n', {
      baseUrl: 'file:///corpus/lists/pages.urls',
    });
    assert.deepEqual(r.urls, [
      'file:///corpus/lists/pages/a.html?utm_source=x',
      'file:///corpus/b.md',
      'https://c.example/',
    ]);
    assert.deepEqual(r.problems, []);
  });

  it('a list fetched over HTTP resolves against its URL and cannot name local files', () => {
    const r = parseUrlList('/story/1\nfile:///etc/passwd\n', {
      name: 'remote',
      baseUrl: 'https://lists.example/reading.urls',
    });
    assert.deepEqual(r.urls, ['https://lists.example/story/1']);
    assert.deepEqual(r.problems, ['remote line 2: "file:///etc/passwd" is not an http(s) URL']);
  });

  const shapes: Array<{ name: string; text: string; urls: number; problems: number }> = [
    { name: 'empty text', text: '', urls: 0, problems: 0 },
    { name: 'only comments', text: '# a\n# b\n', urls: 0, problems: 0 },
    { name: 'old Mac line endings', text: 'https://a.example/\rhttps://b.example/', urls: 2, problems: 0 },
  ];
  for (const c of shapes) {
    it(c.name, () => {
      const r = parseUrlList(c.text);
      assert.equal(r.urls.length, c.urls);
      assert.equal(r.problems.length, c.problems);
    });
  }
});
