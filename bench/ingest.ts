// Ingest throughput: N generated local HTML pages into the embedded store (PGlite) and into the
// PostgreSQL server, each in its own child process so peak memory is measured per engine.
//   node --import tsx bench/ingest.ts [--count 10000] [--backend both|pglite|postgres]

import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ingest } from '../src/pipeline/ingest.js';
import { createArticleStore } from '../src/store/article-store.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { freshServerDatabase } from '../test/support/backends.js';
import { generatePages } from './generate-pages.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    backend: { type: 'string', default: 'both' },
    child: { type: 'string' },
    pages: { type: 'string' },
  },
});
const count = Number(values.count);
const serverUrl = process.env.TIDINGS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

if (values.child) {
  await child(values.child as 'pglite' | 'postgres', values.pages!);
} else {
  await parent();
}

async function parent(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-bench-pages-'));
  const t0 = performance.now();
  await generatePages(dir, count);
  console.log(`generated ${count} pages in ${((performance.now() - t0) / 1000).toFixed(1)} s (${dir})`);
  const engines = values.backend === 'both' ? ['pglite', 'postgres'] : [values.backend!];
  const rows: string[] = [];
  for (const engine of engines) {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', import.meta.filename, '--child', engine, '--pages', dir, '--count', String(count)],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const line = run.stdout.trim().split('\n').pop() ?? '';
    rows.push(line);
  }
  await rm(dir, { recursive: true, force: true });
  console.log('\nengine    pages   new     dup  failed   seconds  articles/s  peak RSS MB');
  for (const r of rows) console.log(r);
}

async function child(engine: 'pglite' | 'postgres', dir: string): Promise<void> {
  let db: Database;
  let dispose: () => Promise<void>;
  let dataDir: string | null = null;
  if (engine === 'pglite') {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tidings-bench-db-'));
    db = await openDatabase({ kind: 'pglite', dataDir });
    dispose = () => db.close();
  } else {
    const fresh = await freshServerDatabase(serverUrl);
    db = fresh.db;
    dispose = fresh.dispose;
  }
  const store = createArticleStore(db);
  const t0 = performance.now();
  const report = await ingest([dir], {
    store,
    fetcher: null,
    findSource: () => null,
    now: () => new Date(),
    maxBytes: 20 << 20,
    concurrency: 4,
  });
  const seconds = (performance.now() - t0) / 1000;
  const stored = await store.countArticles();
  await dispose();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const { counts } = report;
  const failures = report.outcomes.filter((o) => o.status === 'failed').slice(0, 3);
  for (const f of failures) if (f.status === 'failed') console.error(`  failure: ${f.failure.message}`);
  console.log(
    `${engine.padEnd(9)} ${String(count).padStart(5)} ${String(counts.new).padStart(5)} ${String(counts.duplicate).padStart(5)} ${String(counts.failed).padStart(6)}` +
      ` ${seconds.toFixed(1).padStart(9)} ${(stored / seconds).toFixed(1).padStart(11)} ${peakMb.toFixed(0).padStart(12)}`,
  );
}
