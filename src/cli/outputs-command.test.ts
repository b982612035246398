import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { main } from './main.js';
import { normaliseBaseUrl } from './outputs-command.js';

describe('normaliseBaseUrl', () => {
  const cases = [
    { name: 'default', input: undefined, expected: 'http://127.0.0.1:8080/' },
    {
      name: 'adds the trailing slash',
      input: 'https://news.example/tidings',
      expected: 'https://news.example/tidings/',
    },
    { name: 'keeps a path prefix', input: 'https://news.example/a/b/', expected: 'https://news.example/a/b/' },
    { name: 'refuses ftp', input: 'ftp://news.example/', expected: null },
    { name: 'refuses javascript', input: 'javascript:alert(1)', expected: null },
    { name: 'refuses a relative path', input: '/site/', expected: null },
  ];
  for (const c of cases) it(c.name, () => assert.equal(normaliseBaseUrl(c.input), c.expected));
});

describe('tidings export / newsletter: usage errors name the problem (exit 2)', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });
  const run = async (args: string[]) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tidings-outputs-cli-'));
    dirs.push(dir);
    let err = '';
    const code = await main(['--data', dir, ...args], { out: () => {}, err: (s) => void (err += s), errIsTty: false });
    return { code, err };
  };
  const cases = [
    { name: 'no platform', args: ['export', 's1'], expect: /--platform/ },
    { name: 'an unknown platform', args: ['export', 's1', '--platform', 'myspace'], expect: /myspace/ },
    { name: 'Weibo in English', args: ['export', 's1', '--platform', 'weibo', '--lang', 'en'], expect: /Chinese face/ },
    {
      name: 'a base URL that is not http(s)',
      args: ['export', 's1', '--platform', 'x', '--base-url', 'ftp://x/'],
      expect: /not an http\(s\) URL/,
    },
    { name: 'a newsletter format that does not exist', args: ['newsletter', '--format', 'pdf'], expect: /pdf/ },
    { name: 'a newsletter date that is not a date', args: ['newsletter', '--date', 'yesterday'], expect: /not a date/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { code, err } = await run(c.args);
      assert.equal(code, 2);
      assert.match(err, c.expect);
    });
  }
});
