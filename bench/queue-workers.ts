// Ingest through the job queue (issue 16): articles per second with 1, 2 and 4 `tidings worker`
// processes on the local PostgreSQL server, in one run. Generates N pages (bench/generate-pages.ts),
// and for each worker count: a fresh database, the workers started and ready, then
// `tidings watch --once --no-fetch` over the directory; the queue is drained when every job of the
// cycle is completed. Reported: seconds from the first job queued to the last completed, articles
// per second over that span, and the whole cycle (planning, queue, stories, edition, site).
//
//   node --import tsx bench/queue-workers.ts [--count 300] [--workers 1,2,4] [--server postgres://postgres@127.0.0.1:5432/test]

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { generatePages } from './generate-pages.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = pathToFileURL(path.join(root, 'node_modules/tsx/dist/esm/index.mjs')).href;
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const count = Number(arg('count', '300'));
const workerCounts = arg('workers', '1,2,4').split(',').map(Number);
const server = arg('server', process.env.TIDINGS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');

function start(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): { proc: ChildProcess; err: () => string; out: () => string; exited: Promise<number | null> } {
  const proc = spawn(process.execPath, ['--import', TSX, path.join(root, 'test/support/tidings-main.ts'), ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  let out = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  return { proc, err: () => err, out: () => out, exited: new Promise((r) => proc.on('exit', (code) => r(code))) };
}

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text)).rows;
  } catch {
    return [];
  } finally {
    await c.end();
  }
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-bench-queue-'));
await generatePages(path.join(dir, 'pages'), count);
await writeFile(
  path.join(dir, 'sources.yaml'),
  'version: 1\nsources:\n  - id: bench\n    name: Bench Wire\n    kind: directory\n    type: news\n    language: mixed\n    path: pages\n',
);
const rows: string[] = [];
try {
  for (const k of workerCounts) {
    const name = `tidings_bench_${randomBytes(5).toString('hex')}`;
    await query(server, `CREATE DATABASE ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    const env = { TIDINGS_DATABASE_URL: url.toString(), TIDINGS_DATA: path.join(dir, `data-${k}`) };
    // The schema (store and queue) made before the clock starts.
    const init = start(['worker', '--no-fetch'], env, dir);
    while (!init.err().includes('tidings worker: pid')) await new Promise((r) => setTimeout(r, 100));
    init.proc.kill('SIGTERM');
    await init.exited;
    const workers = Array.from({ length: k }, () => start(['worker', '--no-fetch'], env, dir));
    while (!workers.every((w) => w.err().includes('tidings worker: pid'))) await new Promise((r) => setTimeout(r, 100));
    const began = Date.now();
    const watch = start(['watch', '--once', '--no-fetch', '--out', path.join(dir, `site-${k}`)], env, dir);
    let firstQueued = 0;
    let drained = 0;
    while (drained === 0) {
      await new Promise((r) => setTimeout(r, 100));
      const [r] = await query<{ all: string; done: string; first: Date | null; last: Date | null }>(
        url.toString(),
        `SELECT count(*) AS all, count(*) FILTER (WHERE state = 'completed') AS done, min(created_on) AS first, max(completed_on) AS last
         FROM (SELECT state, created_on, completed_on FROM pgboss.job UNION ALL SELECT state, created_on, completed_on FROM pgboss.archive) j`,
      );
      if (r && Number(r.all) >= count && Number(r.done) === Number(r.all)) {
        firstQueued = new Date(r.first!).getTime();
        drained = new Date(r.last!).getTime();
      }
      if (watch.proc.exitCode !== null && drained === 0)
        throw new Error(`watch ended before the queue drained: ${watch.err().slice(-2000)}`);
    }
    const code = await watch.exited;
    const cycle = (Date.now() - began) / 1000;
    for (const w of workers) w.proc.kill('SIGTERM');
    const processed = await Promise.all(
      workers.map(async (w) => {
        await w.exited;
        return Number(/processed (\d+) jobs/.exec(w.out())?.[1] ?? 0);
      }),
    );
    const [stored] = await query<{ n: string }>(url.toString(), 'SELECT count(*) AS n FROM articles');
    const seconds = (drained - firstQueued) / 1000;
    const line = `| ${k} | ${count} | ${stored?.n} | ${seconds.toFixed(1)} | ${(Number(stored?.n) / seconds).toFixed(1)} | ${cycle.toFixed(1)} | ${processed.join(' + ')} | ${code} |`;
    rows.push(line);
    console.log(line);
    console.log(watch.out().trim().split('\n').at(-1));
    await query(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
console.log(
  '\n| workers | pages | articles stored | queue seconds | articles/s | whole cycle s | jobs per worker | exit |\n|---|---|---|---|---|---|---|---|',
);
for (const r of rows) console.log(r);
