import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalUrl } from './canonical-url.js';

const cases: Array<[name: string, input: string, expected: string]> = [
  ['strips utm parameters', 'https://News.Example/a/b?utm_source=x&utm_medium=rss', 'https://news.example/a/b'],
  ['keeps real parameters, sorted', 'https://n.example/p?id=3&fbclid=zz&a=1', 'https://n.example/p?a=1&id=3'],
  ['drops fragment and default port', 'http://n.example:80/x#comments', 'http://n.example/x'],
  ['drops trailing slash on a path', 'https://n.example/story/', 'https://n.example/story'],
  ['keeps root slash', 'https://n.example/', 'https://n.example/'],
  [
    'WeChat share parameters',
    'https://mp.example/s?__biz=1&mid=2&scene=21&chksm=ab',
    'https://mp.example/s?__biz=1&mid=2',
  ],
  ['file URLs pass through', 'file:///tmp/a.html', 'file:///tmp/a.html'],
  ['not a URL: unchanged', '  notaurl ', 'notaurl'],
];

for (const [name, input, expected] of cases) {
  test(`canonicalUrl: ${name}`, () => assert.equal(canonicalUrl(input), expected));
}
