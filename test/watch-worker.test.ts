// `tidings watch --once` with `tidings worker`s on the local PostgreSQL server (issue 16): the
// store ends with exactly the articles a single-process `tidings ingest` stores from the same
// pages; again with a worker killed by SIGKILL mid-run (its jobs are run again when their lease
// expires). Also: a job run twice stores nothing twice, a worker refuses the embedded store, and a
// second watch waits for the first. Needs TIDINGS_TEST_DATABASE_URL (scripts/test.sh sets it).

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { runIngestJob } from '../src/queue/ingest-job.js';
import { createArticleStore } from '../src/store/article-store.js';
import { openDatabase } from '../src/store/database.js';
import { freshServerDatabase } from './support/backends.js';
import { runTidings } from './support/run-cli.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = process.env.TIDINGS_TEST_DATABASE_URL;
const skip = server ? false : 'no TIDINGS_TEST_DATABASE_URL (scripts/test.sh sets it)';

// tsx by its path: the children run from a temporary directory, where the bare name does not resolve.
const TSX = pathToFileURL(path.join(root, 'node_modules/tsx/dist/esm/index.mjs')).href;

const PAGES = 100;
/** Pages whose text is another page's, under another address: each is a sighting, not an article. */
const COPIES = 6;

// Words for generated prose: pages drawn from them share almost no 4-word runs, so no two distinct
// pages are near-duplicates of each other.
const WORDS = (
  'model chip cluster training inference latency token budget vendor cloud contract region megawatt campus ' +
  'benchmark dataset license release weights parameter context window agent safety policy regulator filing ' +
  'investor round valuation revenue margin customer partner pilot deployment rollout outage incident patch ' +
  'researcher paper preprint result accuracy error rate memory bandwidth interconnect rack cooling power grid ' +
  'startup founder board executive hiring team lab office city province market share quarter forecast ' +
  'open closed source weights audit review standard draft rule comment period hearing court ruling appeal'
).split(' ');

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function sentence(next: () => number): string {
  const n = 12 + Math.floor(next() * 10);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]!);
  return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`;
}

function page(i: number): string {
  const next = rng(1000 + i);
  const paragraphs = Array.from(
    { length: 6 },
    () => `<p>${Array.from({ length: 4 }, () => sentence(next)).join(' ')}</p>`,
  ).join('\n      ');
  const day = String(1 + (i % 28)).padStart(2, '0');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Report ${i}: ${WORDS[i % WORDS.length]} update | Gridline Wire</title>
    <meta property="og:site_name" content="Gridline Wire">
    <meta property="article:published_time" content="2026-05-${day}T09:00:00Z">
  </head>
  <body>
    <nav><a href="/">Home</a> <a href="/ai">AI</a></nav>
    <article>
      <h1>Report ${i}: ${WORDS[i % WORDS.length]} update</h1>
      <p class="byline">By Desk ${i % 7}</p>
      ${paragraphs}
    </article>
    <footer>© 2026 Gridline Wire</footer>
  </body>
</html>
`;
}

async function writePages(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < PAGES; i++) await writeFile(path.join(dir, `report-${String(i).padStart(3, '0')}.html`), page(i));
  // Exact copies under other names (and so other addresses): the same article seen again.
  for (let c = 0; c < COPIES; c++) await writeFile(path.join(dir, `mirror-${c}.html`), page(c * 11));
}

interface Child {
  readonly proc: ChildProcess;
  out: string;
  err: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startTidings(args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Child {
  const proc = spawn(process.execPath, ['--import', TSX, path.join(root, 'test/support/tidings-main.ts'), ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const child: Child = {
    proc,
    out: '',
    err: '',
    exited: new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal }))),
  };
  proc.stdout!.on('data', (d: Buffer) => (child.out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (child.err += d.toString()));
  return child;
}

async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  child?: Child,
  timeoutMs = 120_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end || child?.proc.exitCode != null)
      throw new Error(`timed out waiting for ${what}${child ? `; the child said: ${child.err.slice(-2000)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function snapshot(url: string): Promise<{ ids: string[]; sightings: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ids = (await client.query<{ id: string }>('SELECT id FROM articles ORDER BY id')).rows.map((r) => r.id);
    const [s] = (await client.query<{ n: string }>('SELECT count(*) AS n FROM sightings')).rows;
    return { ids, sightings: Number(s!.n) };
  } finally {
    await client.end();
  }
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const jobLines = (c: Child) =>
  c.err.split('\n').filter((l) => /^tidings worker: .+: (\d+ new|\d+ duplicate|nothing stored)/.test(l)).length;

describe('tidings watch --once and tidings worker on PostgreSQL', { skip }, () => {
  let dir: string;
  let pagesDir: string;
  let baseline: { ids: string[]; sightings: number };
  const disposers: Array<() => Promise<void>> = [];

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-watch-'));
    pagesDir = path.join(dir, 'pages');
    await writePages(pagesDir);
    await writeFile(
      path.join(dir, 'sources.yaml'),
      'version: 1\nsources:\n  - id: gridline\n    name: Gridline Wire\n    kind: directory\n    type: news\n    language: en\n    path: pages\n',
    );
    // The reference: one process, `tidings ingest`, on a database of its own.
    const fresh = await freshServerDatabase(server!);
    disposers.push(fresh.dispose);
    const ingested = await runTidings(
      ['--data', path.join(dir, 'ref'), '--database-url', fresh.url, 'ingest', '--no-fetch'],
      dir,
    );
    assert.equal(ingested.code, 0, ingested.err);
    assert.match(ingested.out, new RegExp(`Ingest finished: ${PAGES} new, ${COPIES} duplicate, 0 failed\\.`));
    baseline = await snapshot(fresh.url);
    assert.equal(baseline.ids.length, PAGES);
    assert.equal(baseline.sightings, PAGES + COPIES);
  });
  after(async () => {
    for (const d of disposers) await d().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  test('two workers and watch --once store exactly what a single-process ingest stores; SIGTERM exits 0 with "processed N jobs" last', async () => {
    const fresh = await freshServerDatabase(server!);
    disposers.push(fresh.dispose);
    const env = { TIDINGS_DATABASE_URL: fresh.url, TIDINGS_DATA: path.join(dir, 'two') };
    const workers = [
      startTidings(['worker', '--no-fetch'], env, dir),
      startTidings(['worker', '--no-fetch', '--concurrency', '2'], env, dir),
    ];
    try {
      await until(
        'both workers to start',
        () => workers.every((w) => w.err.includes('tidings worker: pid')),
        workers[0],
      );
      const watched = await runTidings(
        [
          '--data',
          path.join(dir, 'two'),
          '--database-url',
          fresh.url,
          'watch',
          '--once',
          '--no-fetch',
          '--out',
          path.join(dir, 'two-site'),
        ],
        dir,
      );
      assert.equal(watched.code, 0, watched.err);
      assert.doesNotMatch(watched.err, /running the jobs here/, 'with workers alive, watch leaves the jobs to them');
      assert.match(
        watched.out,
        new RegExp(
          `watch cycle \\S+: ${PAGES} new, ${COPIES} duplicate, 0 failed, \\d+ not modified, [1-9]\\d* stor(y|ies) touched, [1-9]\\d* pages? rewritten, \\d+\\.\\d s\\n$`,
        ),
      );
      assert.deepEqual(await snapshot(fresh.url), baseline);
      for (const w of workers) w.proc.kill('SIGTERM');
      const done = await Promise.all(workers.map((w) => w.exited));
      const counts = workers.map((w, i) => {
        assert.deepEqual(done[i], { code: 0, signal: null }, w.err);
        const lines = w.out.trimEnd().split('\n');
        const m = /^processed (\d+) jobs$/.exec(lines.at(-1)!);
        assert.ok(m, `the last line is "processed N jobs": ${w.out}`);
        return Number(m[1]);
      });
      assert.equal(counts[0]! + counts[1]!, PAGES + COPIES, 'every job processed once, by one of the two');
      assert.ok(
        counts.every((n) => n > 0),
        `both workers took jobs: ${counts.join(', ')}`,
      );
    } finally {
      for (const w of workers) if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
    }
  });

  test('a worker killed with SIGKILL mid-run loses nothing: its jobs are run again after their lease, and the store is the same', async () => {
    const fresh = await freshServerDatabase(server!);
    disposers.push(fresh.dispose);
    const env = {
      TIDINGS_DATABASE_URL: fresh.url,
      TIDINGS_DATA: path.join(dir, 'kill'),
      TIDINGS_JOB_LEASE_SECONDS: '3',
    };
    const previousLease = process.env.TIDINGS_JOB_LEASE_SECONDS;
    process.env.TIDINGS_JOB_LEASE_SECONDS = '3';
    const victim = startTidings(['worker', '--no-fetch', '--concurrency', '4'], env, dir);
    let rescuer: Child | null = null;
    try {
      await until('the worker to start', () => victim.err.includes('tidings worker: pid'), victim);
      const watching = runTidings(
        [
          '--data',
          path.join(dir, 'kill'),
          '--database-url',
          fresh.url,
          'watch',
          '--once',
          '--no-fetch',
          '--out',
          path.join(dir, 'kill-site'),
        ],
        dir,
      );
      await until('the worker to finish 10 jobs', () => jobLines(victim) >= 10, victim);
      victim.proc.kill('SIGKILL');
      assert.deepEqual(await victim.exited, { code: null, signal: 'SIGKILL' });
      const [held] = await sql<{ n: string }>(fresh.url, "SELECT count(*) AS n FROM pgboss.job WHERE state = 'active'");
      assert.ok(Number(held!.n) >= 1, 'the killed worker held jobs it never finished');
      assert.ok(jobLines(victim) < PAGES + COPIES, 'killed mid-run');
      rescuer = startTidings(['worker', '--no-fetch', '--concurrency', '2'], env, dir);
      const watched = await watching;
      assert.equal(watched.code, 0, watched.err);
      // A job whose page the killed worker had stored but not yet marked done is run again and finds
      // its page stored: the cycle counts it as a duplicate, though the store holds it once.
      const tally = /watch cycle \S+: (\d+) new, (\d+) duplicate, 0 failed/.exec(watched.out);
      assert.ok(tally, watched.out);
      assert.equal(Number(tally[1]) + Number(tally[2]), PAGES + COPIES);
      assert.ok(Number(tally[1]) <= PAGES && Number(tally[2]) >= COPIES, tally[0]);
      assert.deepEqual(await snapshot(fresh.url), baseline);
      const [retried] = await sql<{ n: string }>(
        fresh.url,
        'SELECT count(*) AS n FROM (SELECT retry_count FROM pgboss.job UNION ALL SELECT retry_count FROM pgboss.archive) j WHERE retry_count > 0',
      );
      assert.ok(Number(retried!.n) >= 1, 'the jobs the killed worker held were run again');
      rescuer.proc.kill('SIGTERM');
      assert.deepEqual(await rescuer.exited, { code: 0, signal: null }, rescuer.err);
    } finally {
      if (previousLease === undefined) delete process.env.TIDINGS_JOB_LEASE_SECONDS;
      else process.env.TIDINGS_JOB_LEASE_SECONDS = previousLease;
      if (victim.proc.exitCode === null && victim.proc.signalCode === null) victim.proc.kill('SIGKILL');
      if (rescuer && rescuer.proc.exitCode === null) rescuer.proc.kill('SIGKILL');
    }
  });

  test('a job run twice (a lease that ran out under a slow worker) stores nothing twice', async () => {
    const fresh = await freshServerDatabase(server!);
    disposers.push(fresh.dispose);
    const store = createArticleStore(fresh.db);
    const deps = {
      store,
      fetcher: null,
      findSource: () => null,
      now: () => new Date(),
      maxBytes: 1 << 20,
      concurrency: 1,
    };
    const job = { kind: 'input' as const, input: path.join(pagesDir, 'report-005.html') };
    // At once, as two workers holding the same job would, then once more.
    const [a, b] = await Promise.all([runIngestJob(job, deps), runIngestJob(job, deps)]);
    const c = await runIngestJob(job, deps);
    assert.deepEqual(
      [a, b, c].map((r) => r.output.new + r.output.duplicate),
      [1, 1, 1],
    );
    assert.equal(a.output.new + b.output.new, 1, 'one of the two stored it; the other found it');
    assert.deepEqual(c.output, {
      new: 0,
      duplicate: 1,
      failed: 0,
      articleIds: a.output.articleIds,
      failures: [],
      notices: [],
    });
    const after = await snapshot(fresh.url);
    assert.equal(after.ids.length, 1);
    assert.equal(after.sightings, 1, 'one address, one sighting');
    // An exact copy under another address: one article, two sightings.
    await runIngestJob({ kind: 'input', input: path.join(pagesDir, 'mirror-0.html') }, deps);
    await runIngestJob({ kind: 'input', input: path.join(pagesDir, 'report-000.html') }, deps);
    const copies = await snapshot(fresh.url);
    assert.equal(copies.ids.length, 2);
    assert.equal(copies.sightings, 3);
  });

  test('a second watch waits for the first and says so', async () => {
    const fresh = await freshServerDatabase(server!);
    disposers.push(fresh.dispose);
    const lock = new pg.Client({ connectionString: fresh.url });
    await lock.connect();
    // Hold the editor lock as a running watch does.
    await lock.query('SELECT pg_advisory_lock($1, 0)', [0x7469_6432]);
    const small = path.join(dir, 'small');
    await mkdir(path.join(small, 'pages'), { recursive: true });
    await writeFile(path.join(small, 'pages', 'one.html'), page(1));
    await writeFile(
      path.join(small, 'sources.yaml'),
      'version: 1\nsources:\n  - id: gridline\n    name: Gridline Wire\n    kind: directory\n    type: news\n    language: en\n    path: pages\n',
    );
    const second = startTidings(
      ['watch', '--once', '--no-fetch', '--out', path.join(small, 'site')],
      { TIDINGS_DATABASE_URL: fresh.url, TIDINGS_DATA: path.join(small, 'data') },
      small,
    );
    try {
      await until(
        'the second watch to say it waits',
        () => second.err.includes('another watch is the editor of this database'),
        second,
      );
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(second.proc.exitCode, null, 'it waits');
      assert.equal((await snapshot(fresh.url)).ids.length, 0, 'and does nothing while it waits');
      await lock.end();
      const done = await second.exited;
      assert.equal(done.code, 0, second.err);
      assert.match(second.err, /the other watch finished; going on/);
      assert.match(second.out, /watch cycle \S+: 1 new, 0 duplicate, 0 failed/);
    } finally {
      if (second.proc.exitCode === null) second.proc.kill('SIGKILL');
      await lock.end().catch(() => undefined);
    }
  });
});

describe('tidings worker with the embedded store', () => {
  test('refuses to start, saying why (exit 2)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-worker-embedded-'));
    const previous = process.env.TIDINGS_DATABASE_URL;
    delete process.env.TIDINGS_DATABASE_URL;
    try {
      const res = await runTidings(['--data', path.join(dir, 'data'), 'worker'], dir);
      assert.equal(res.code, 2);
      assert.match(res.err, /needs a PostgreSQL server/);
      assert.match(res.err, /embedded one \(PGlite\)/);
      assert.match(res.err, /TIDINGS_DATABASE_URL/);
    } finally {
      if (previous !== undefined) process.env.TIDINGS_DATABASE_URL = previous;
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// A feed with two items carrying their full text and one carrying a summary only (its page cannot be
// fetched here), a page with no article text, and pages: each feed item is a job of its own.
function feed(): string {
  const item = (i: number, full: boolean) => {
    const next = rng(5000 + i);
    const text = Array.from(
      { length: 5 },
      () => `<p>${Array.from({ length: 4 }, () => sentence(next)).join(' ')}</p>`,
    ).join('');
    return `<item><title>Feed story ${i}</title><link>https://gridline.example/feed-story-${i}</link><guid>https://gridline.example/feed-story-${i}</guid>
      <pubDate>Sun, 10 May 2026 0${i}:00:00 GMT</pubDate><description>${full ? 'Short summary.' : `Summary of feed story ${i}: ${sentence(next)} ${sentence(next)}`}</description>
      ${full ? `<content:encoded><![CDATA[${text}]]></content:encoded>` : ''}</item>`;
  };
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Gridline Wire: AI</title><link>https://gridline.example/</link>
${item(1, true)}${item(2, true)}${item(3, false)}
</channel></rss>
`;
}

describe('tidings watch --once without workers', () => {
  let dir: string;
  let reference: string[];
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-watch-alone-'));
    await mkdir(path.join(dir, 'pages'), { recursive: true });
    for (let i = 0; i < 5; i++) await writeFile(path.join(dir, 'pages', `report-${i}.html`), page(200 + i));
    await writeFile(path.join(dir, 'pages', 'mirror.html'), page(201));
    await writeFile(
      path.join(dir, 'pages', 'empty.html'),
      '<!DOCTYPE html><html><head><title>Nothing</title></head><body><nav><a href="/">Home</a></nav></body></html>\n',
    );
    await writeFile(path.join(dir, 'pages', 'wire.xml'), feed());
    await writeFile(
      path.join(dir, 'sources.yaml'),
      'version: 1\nsources:\n  - id: gridline\n    name: Gridline Wire\n    kind: directory\n    type: news\n    language: en\n    path: pages\n',
    );
    const ingested = await runTidings(['--data', path.join(dir, 'ref'), 'ingest', '--no-fetch'], dir);
    assert.equal(ingested.code, 1, 'the empty page fails');
    assert.match(ingested.out, /Ingest finished: 8 new, 1 duplicate, 1 failed\./);
    reference = await embeddedIds(path.join(dir, 'ref'), dir);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  async function embeddedIds(data: string, cwd: string): Promise<string[]> {
    const res = await runTidings(['--data', data, 'articles', '--json'], cwd);
    assert.equal(res.code, 0, res.err);
    return res.out
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: string }).id)
      .sort();
  }

  test('embedded store: runs every job itself, stores what ingest stores, exits 1 as run does when an item failed', async () => {
    const res = await runTidings(
      ['--data', path.join(dir, 'alone'), 'watch', '--once', '--no-fetch', '--out', path.join(dir, 'alone-site')],
      dir,
    );
    assert.equal(res.code, 1, res.err);
    assert.match(
      res.out,
      /watch cycle \S+: 8 new, 1 duplicate, 1 failed, 0 not modified, [1-9]\d* stor(y|ies) touched, \d+ pages? rewritten, \d+\.\d s\n$/,
    );
    // The feed's items span several days: each day they count on gets its edition, not only the latest.
    const days = readdirSync(path.join(dir, 'alone', 'out')).sort();
    assert.ok(days.length > 1, `editions written: ${days.join(', ')}`);
    assert.match(res.out, /Also written, for earlier days these articles count on: /);
    assert.match(res.err, /empty\.html: no article text found/);
    assert.deepEqual(await embeddedIds(path.join(dir, 'alone'), dir), reference);
  });

  test('PostgreSQL with no worker running: watch takes its jobs itself and says so', { skip }, async () => {
    const fresh = await freshServerDatabase(server!);
    try {
      const res = await runTidings(
        [
          '--data',
          path.join(dir, 'pg'),
          '--database-url',
          fresh.url,
          'watch',
          '--once',
          '--no-fetch',
          '--out',
          path.join(dir, 'pg-site'),
        ],
        dir,
      );
      assert.equal(res.code, 1, res.err);
      assert.match(res.err, /no worker is running: running the jobs here/);
      assert.match(res.out, /watch cycle \S+: 8 new, 1 duplicate, 1 failed/);
      assert.deepEqual((await snapshot(fresh.url)).ids, reference);
      // Each feed item was a job of its own.
      const [jobs] = await sql<{ n: string }>(
        fresh.url,
        "SELECT count(*) AS n FROM (SELECT data FROM pgboss.job UNION ALL SELECT data FROM pgboss.archive) j WHERE data->>'kind' = 'feed-item'",
      );
      assert.equal(Number(jobs!.n), 3);
    } finally {
      await fresh.dispose();
    }
  });
});

describe('tidings watch: each source on its schedule, a failing one backing off', () => {
  test('a source that cannot be read waits 2x, 4x the interval; read again, it is back on the interval; a source not due is not polled', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-watch-backoff-'));
    try {
      await mkdir(path.join(dir, 'pages'), { recursive: true });
      await writeFile(path.join(dir, 'pages', 'one.html'), page(300));
      await writeFile(
        path.join(dir, 'sources.yaml'),
        [
          'version: 1',
          'sources:',
          '  - id: good',
          '    name: Gridline Wire',
          '    kind: directory',
          '    type: news',
          '    language: en',
          '    path: pages',
          '  - id: gone',
          '    name: Lost Wire',
          '    kind: page',
          '    type: news',
          '    language: en',
          '    path: later/two.html',
          '',
        ].join('\n'),
      );
      const data = path.join(dir, 'data');
      const cycle = (args: string[] = []) =>
        runTidings(
          ['--data', data, 'watch', '--once', '--no-fetch', '--every', '10', '--out', path.join(dir, 'site'), ...args],
          dir,
        );
      const rows = async (): Promise<Map<string, { failures: number; waitMin: number; problem: string | null }>> => {
        const db = await openDatabase({ kind: 'pglite', dataDir: path.join(data, 'db') });
        try {
          const list = await db.query<{
            source_key: string;
            failures: number;
            next_due: Date;
            last_polled: Date;
            last_problem: string | null;
          }>('SELECT * FROM watch_sources');
          return new Map(
            list.map((r) => [
              r.source_key,
              {
                failures: r.failures,
                waitMin: Math.round((new Date(r.next_due).getTime() - new Date(r.last_polled).getTime()) / 60_000),
                problem: r.last_problem,
              },
            ]),
          );
        } finally {
          await db.close();
        }
      };
      const makeDue = async () => {
        const db = await openDatabase({ kind: 'pglite', dataDir: path.join(data, 'db') });
        await db.query("UPDATE watch_sources SET next_due = now() - interval '1 second'");
        await db.close();
      };

      const first = await cycle();
      assert.equal(first.code, 1, first.err);
      assert.match(first.out, /watch cycle \S+: 1 new, 0 duplicate, 1 failed/);
      assert.match(first.err, /source "gone" could not be read \(1 in a row\); next try /);
      let state = await rows();
      assert.deepEqual(state.get('good'), { failures: 0, waitMin: 10, problem: null });
      assert.equal(state.get('gone')?.failures, 1);
      assert.equal(state.get('gone')?.waitMin, 20);
      assert.match(state.get('gone')!.problem!, /later\/two\.html: no such file, directory or URL/);

      const early = await cycle();
      assert.equal(early.code, 0, early.err);
      assert.match(early.out, /watch cycle \S+: no source due \(2 waiting\); edition and site left as they are/);

      await makeDue();
      const again = await cycle();
      assert.match(again.out, /watch cycle \S+: 0 new, 1 duplicate, 1 failed/);
      state = await rows();
      assert.deepEqual([state.get('gone')?.failures, state.get('gone')?.waitMin], [2, 40]);

      await mkdir(path.join(dir, 'later'));
      await writeFile(path.join(dir, 'later', 'two.html'), page(301));
      await makeDue();
      const back = await cycle();
      assert.equal(back.code, 0, back.err);
      assert.match(back.out, /watch cycle \S+: 1 new, 1 duplicate, 0 failed/);
      state = await rows();
      assert.deepEqual(state.get('gone'), { failures: 0, waitMin: 10, problem: null });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
