import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { makeInput, makePost } from './outputs.fixture.js';
import { renderOutputs, writeOutputs } from './write-outputs.js';

describe('writeOutputs', () => {
  it('writes the agreed layout and returns the site-relative paths', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tidings-outputs-'));
    try {
      const written = await writeOutputs(dir, makeInput());
      assert.ok(written.ok);
      const expected = [
        'feeds/en/rss.xml',
        'feeds/en/atom.xml',
        'feeds/en/feed.json',
        'feeds/zh/rss.xml',
        'feeds/zh/atom.xml',
        'feeds/zh/feed.json',
        'feeds/en/topics/anthropic.rss.xml',
        'feeds/zh/topics/data-centers.feed.json',
        'newsletter/2026-05-10.en.html',
        'newsletter/2026-05-10.zh.txt',
        'newsletter/2026-05-08.en.html',
        'exports/s0/x.en.txt',
        'exports/s0/x.zh.txt',
        'exports/s0/weibo.txt',
        'exports/s0/wechat.html',
        'exports/s1/wechat.html',
      ];
      for (const p of expected) assert.ok(written.value.includes(p), `wrote ${p}`);
      for (const p of written.value) assert.ok((await readFile(path.join(dir, p), 'utf8')).length > 0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names what it skipped through onSkip', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tidings-outputs-'));
    try {
      const input = makeInput();
      input.posts.push({
        storyId: '../x',
        date: '2026-05-10',
        post: { en: makePost('en', '../x'), zh: makePost('zh', '../x') },
      });
      const skipped: string[] = [];
      const written = await writeOutputs(dir, input, (m) => skipped.push(m));
      assert.ok(written.ok);
      assert.deepEqual(skipped, ['story "../x": the id is not a safe directory name']);
      assert.ok(written.value.includes('exports/s1/x.en.txt'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is deterministic: the same input gives the same bytes', () => {
    assert.deepEqual(renderOutputs(makeInput()), renderOutputs(makeInput()));
  });

  const bad = [
    { name: 'a story id that is a path', storyId: '../../etc', skipped: /story "\.\.\/\.\.\/etc"/ },
    { name: 'a story id with a slash', storyId: 'a/b', skipped: /story "a\/b"/ },
  ];
  for (const c of bad) {
    it(`skips ${c.name} and keeps the rest`, () => {
      const input = makeInput();
      input.posts.push({
        storyId: c.storyId,
        date: '2026-05-10',
        post: { en: makePost('en', c.storyId), zh: makePost('zh', c.storyId) },
      });
      const r = renderOutputs(input);
      assert.match(r.skipped.join('\n'), c.skipped);
      assert.ok(r.files.every((f) => !f.path.includes('..') && !f.path.includes('a/b/')));
      assert.ok(r.files.some((f) => f.path === 'exports/s1/weibo.txt'));
    });
  }

  const badBase = ['/relative/', 'http://127.0.0.1:8080', 'ftp://example.com/'];
  for (const baseUrl of badBase) {
    it(`refuses the base URL "${baseUrl}"`, async () => {
      const r = await writeOutputs('/nonexistent-never-written', { ...makeInput(), baseUrl });
      assert.equal(r.ok, false);
      assert.match(r.ok ? '' : r.message, /base URL/);
    });
  }
});
