import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { prunePages, SITE_MARKER, summarise, writePages } from './write-site.js';

describe('write-site', () => {
  test('a rebuild removes its own stale pages, and nothing in a folder that is not a site of ours', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tidings-prune-'));
    try {
      await mkdir(path.join(dir, 'en/stories'), { recursive: true });
      await writeFile(path.join(dir, 'en/stories/old.html'), 'old');
      await writeFile(path.join(dir, 'en/notes.txt'), 'not a page');
      // First build into a folder we did not make: nothing is removed, the marker is written.
      const first = await writePages(dir, [{ path: 'en/stories/new.html', kind: 'story', body: 'new' }]);
      assert.ok(first.ok);
      assert.deepEqual(await prunePages(dir, ['en/stories/new.html']), { ok: true, value: [] });
      assert.ok(existsSync(path.join(dir, 'en/stories/old.html')));
      assert.ok(existsSync(path.join(dir, SITE_MARKER)));
      // Second build: the marker is there, so the page this build did not write goes.
      assert.deepEqual(await prunePages(dir, ['en/stories/new.html']), { ok: true, value: ['en/stories/old.html'] });
      assert.ok(!existsSync(path.join(dir, 'en/stories/old.html')));
      assert.ok(existsSync(path.join(dir, 'en/stories/new.html')));
      assert.ok(existsSync(path.join(dir, 'en/notes.txt')), 'only .html pages are ours to remove');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('summary per kind: pages, bytes, min, median, max', () => {
    const pages = [10, 30, 20].map((n, i) => ({
      path: `en/cards/${i}.html`,
      kind: 'card' as const,
      body: 'x'.repeat(n),
    }));
    assert.deepEqual(summarise(pages).get('card'), { pages: 3, bytes: 60, min: 10, median: 20, max: 30 });
  });
});
