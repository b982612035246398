// A crash at any point loses nothing already committed: a child ingesting into the embedded store
// is killed with SIGKILL mid-run; the store must open, hold only whole articles, and a re-run
// must finish the job without duplicating anything.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generatePages } from '../bench/generate-pages.js';
import { ingest } from '../src/pipeline/ingest.js';
import { createArticleStore } from '../src/store/article-store.js';
import { openDatabase } from '../src/store/database.js';

const PAGES = 400;

test('SIGKILL during ingest loses nothing committed; a re-run completes without duplicates', {
  timeout: 240_000,
}, async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'tidings-crash-'));
  const pagesDir = path.join(root, 'pages');
  const dataDir = path.join(root, 'db');
  try {
    await generatePages(pagesDir, PAGES, 7);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'support/ingest-child.ts'), dataDir, pagesDir],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    // Kill once some articles are committed, well before the end.
    await new Promise<void>((resolve, reject) => {
      let lines = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        lines += chunk.toString().split('\n').filter(Boolean).length;
        if (lines >= 40) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
      child.on('error', reject);
    });

    const db = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const [counts] = await db.query<{ articles: number; orphans: number; unbanded: number }>(`
        SELECT (SELECT count(*) FROM articles)::int AS articles,
               (SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sightings s WHERE s.article_id = a.id))::int AS orphans,
               (SELECT count(*) FROM articles a WHERE length(a.body) >= 200 AND NOT EXISTS (SELECT 1 FROM article_bands b WHERE b.article_id = a.id))::int AS unbanded`);
      assert.ok(
        counts!.articles >= 30 && counts!.articles < PAGES,
        `some but not all stored before the kill: ${counts!.articles}`,
      );
      assert.equal(counts!.orphans, 0, 'every stored article has its sighting (one transaction)');
      assert.equal(counts!.unbanded, 0, 'every stored article has its bands (one transaction)');

      const report = await ingest([pagesDir], {
        store: createArticleStore(db),
        fetcher: null,
        findSource: () => null,
        now: () => new Date(),
        maxBytes: 1 << 20,
        concurrency: 1,
      });
      assert.equal(report.counts.failed, 0);
      assert.equal(report.counts.new + counts!.articles, PAGES);
      const [final] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
      assert.equal(final!.n, PAGES);
    } finally {
      await db.close();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
