// One `tidings watch --once` cycle when nothing changed (issue 16): N feed sources (default 100),
// each on its own loopback host (127.0.0.2, 127.0.0.3 ...) served by this bench, every feed
// answering 304 to a conditional GET. A first cycle reads the feeds and stores their items (full
// text in the feed, so no page is fetched); then the sources are made due and `watch --once` is run
// again, --runs times. Reported per run: the cycle's own time (the seconds its line prints), the
// process from start to exit (Node and tsx start-up, opening the store, robots.txt, the cycle), and
// what the server answered (304s, 200s), the process's CPU seconds (user + system, /usr/bin/time)
// and the machine's load average. The same with the store on the local PostgreSQL server when
// --store postgres or both. With --warm N, a running `tidings watch` (every: 1 in sources.yaml) is
// then left to poll the 100 sources N more times in one process: the cycle time without start-up.
// With --workers, bench/queue-workers.ts runs after it in the same run (articles per second with
// 1, 2 and 4 workers).
//
//   node --import tsx bench/watch-cycle.ts [--sources 100] [--items 2] [--runs 3] [--store embedded|postgres|both]
//        [--warm 3] [--server postgres://postgres@127.0.0.1:5432/test] [--workers 1,2,4 --count 300]

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { createFetcher } from '../src/fetch/fetcher.js';
import { openDatabase } from '../src/store/database.js';
import { pollDueSources } from '../src/watch/poll.js';
import { createSourceSchedule } from '../src/watch/schedule.js';
import { page } from './generate-pages.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = pathToFileURL(path.join(root, 'node_modules/tsx/dist/esm/index.mjs')).href;
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const sourceCount = Number(arg('sources', '100'));
const itemsPerFeed = Number(arg('items', '2'));
const runs = Number(arg('runs', '3'));
const stores = arg('store', 'embedded') === 'both' ? ['embedded', 'postgres'] : [arg('store', 'embedded')];
const server = arg('server', process.env.TIDINGS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const workers = arg('workers', '');
const warm = Number(arg('warm', '0'));
const TIME = '/usr/bin/time';
if (sourceCount < 1 || sourceCount > 250) throw new Error('--sources: 1 to 250 (one loopback address each)');

// The feeds: source s has items s*itemsPerFeed ... , full text in content:encoded.
function feed(s: number): string {
  const items = Array.from({ length: itemsPerFeed }, (_, k) => {
    const i = s * itemsPerFeed + k;
    const html = page(i, 7).html;
    const title = /<h1>(.*?)<\/h1>/.exec(html)![1]!;
    const body = [...html.matchAll(/<p>(.*?)<\/p>/g)].map((m) => `<p>${m[1]}</p>`).join('');
    return (
      `<item><title>${title}</title><link>http://127.0.0.${s + 2}/story/${i}</link><guid>http://127.0.0.${s + 2}/story/${i}</guid>` +
      `<pubDate>Sun, 10 May 2026 0${k % 10}:00:00 GMT</pubDate><content:encoded><![CDATA[${body}]]></content:encoded></item>`
    );
  }).join('\n');
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>` +
    `<title>Bench Wire ${s}</title><link>http://127.0.0.${s + 2}/</link>\n${items}\n</channel></rss>\n`
  );
}

const answered = new Map<string, number>();
const count = (what: string) => answered.set(what, (answered.get(what) ?? 0) + 1);
const servers: http.Server[] = [];
let port = 0;
for (let s = 0; s < sourceCount; s++) {
  const body = feed(s);
  const tag = `"bench-${s}-1"`;
  const srv = http.createServer((req, res) => {
    if (req.url === '/robots.txt') {
      count('robots.txt');
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    } else if (req.url === '/feed.xml' && req.headers['if-none-match'] === tag) {
      count('304');
      res.writeHead(304, { etag: tag }).end();
    } else if (req.url === '/feed.xml') {
      count('200');
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: tag }).end(body);
    } else {
      count('404');
      res.writeHead(404).end();
    }
  });
  // Every source on the same port of its own address, so URLs differ by host only.
  await new Promise<void>((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(port, `127.0.0.${s + 2}`, () => resolve());
  });
  if (port === 0) port = (srv.address() as AddressInfo).port;
  servers.push(srv);
}
const hosts = Array.from({ length: sourceCount }, (_, s) => `127.0.0.${s + 2}`);

interface Run {
  cycleSeconds: number;
  wallSeconds: number;
  cpuSeconds: number;
  load: number;
  line: string;
  answers: string;
  code: number | null;
}

function tidings(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ code: number | null; out: string; err: string; wall: number; cpu: number }> {
  const began = performance.now();
  // /usr/bin/time prints the child's CPU seconds last on stderr.
  const proc = spawn(
    TIME,
    ['-f', 'CPU %U %S', process.execPath, '--import', TSX, path.join(root, 'test/support/tidings-main.ts'), ...args],
    { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) =>
    proc.on('exit', (code) => {
      const cpu = /CPU (\d+\.\d+) (\d+\.\d+)\s*$/.exec(err);
      resolve({
        code,
        out,
        err,
        wall: (performance.now() - began) / 1000,
        cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN,
      });
    }),
  );
}

async function pgQuery(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-bench-watch-'));

// The polling step alone, in this process (warm after its first round): the 100 conditional GETs,
// the schedule read and written (PGlite in memory), wall and CPU time. What a running watch spends
// on a cycle with nothing new, without the start-up of a process.
{
  const db = await openDatabase({ kind: 'pglite', dataDir: null });
  const schedule = createSourceSchedule(db);
  const polled = hosts.map((h, s) => ({
    key: `bench-${s}`,
    location: `http://${h}:${port}/feed.xml`,
    intervalMs: 15 * 60_000,
  }));
  for (let round = 0; round < 4; round++) {
    await db.query("UPDATE watch_sources SET next_due = now() - interval '1 second'");
    // A fetcher per round, as each `watch --once` has: nothing of the last round in memory.
    const fetcher = createFetcher({ allowHosts: hosts, cacheDir: path.join(dir, 'inprocess-cache') });
    answered.clear();
    const cpu = process.cpuUsage();
    const began = performance.now();
    const result = await pollDueSources(
      polled,
      { schedule, fetcher, maxBytes: 20 << 20, findSource: () => null },
      new Date(),
    );
    await schedule.acceptMany(result.toAccept);
    const wall = performance.now() - began;
    const used = process.cpuUsage(cpu);
    await fetcher.close();
    const answers = [...answered]
      .sort()
      .map(([k, v]) => `${v} ${k}`)
      .join(', ');
    console.log(
      `[in-process poll] round ${round + 1}${round === 0 ? ' (first read: 200s)' : ''}: ${wall.toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU, load ${os.loadavg()[0]!.toFixed(1)}; ${result.notModified} not modified; server answered ${answers}`,
    );
  }
  await db.close();
}
const sourcesYaml = `${[
  'version: 1',
  'sources:',
  ...hosts.flatMap((h, s) => [
    `  - id: bench-${s}`,
    `    name: Bench Wire ${s}`,
    `    url: http://${h}:${port}/feed.xml`,
    '    kind: feed',
    '    type: news',
    '    language: mixed',
  ]),
].join('\n')}\n`;
await writeFile(path.join(dir, 'sources.yaml'), sourcesYaml);
const results: string[] = [];
try {
  for (const store of stores) {
    let dbName: string | null = null;
    const env: NodeJS.ProcessEnv = { TIDINGS_DATA: path.join(dir, `data-${store}`) };
    if (store === 'postgres') {
      dbName = `tidings_bench_${randomBytes(5).toString('hex')}`;
      await pgQuery(server, `CREATE DATABASE ${dbName}`);
      const url = new URL(server);
      url.pathname = `/${dbName}`;
      env.TIDINGS_DATABASE_URL = url.toString();
    }
    const args = ['watch', '--once', '--allow-host', hosts.join(','), '--out', path.join(dir, `site-${store}`)];
    const makeDue = async () => {
      const sql = "UPDATE watch_sources SET next_due = now() - interval '1 second'";
      if (env.TIDINGS_DATABASE_URL) return pgQuery(env.TIDINGS_DATABASE_URL, sql);
      const db = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, `data-${store}`, 'db') });
      try {
        await db.query(sql);
      } finally {
        await db.close();
      }
    };
    try {
      answered.clear();
      const first = await tidings(args, env, dir);
      const firstLine = first.out.trim().split('\n').at(-1) ?? '';
      console.log(
        `[${store}] first cycle (${sourceCount} feeds, ${sourceCount * itemsPerFeed} items): exit ${first.code}, ${first.wall.toFixed(1)} s; ${firstLine}`,
      );
      if (!/ 0 failed/.test(firstLine)) console.log(first.err.slice(-3000));
      const measured: Run[] = [];
      for (let r = 0; r < runs; r++) {
        await makeDue();
        answered.clear();
        const load = os.loadavg()[0]!;
        const run = await tidings(args, env, dir);
        const line = run.out.trim().split('\n').at(-1) ?? '';
        const cycleSeconds = Number(/, (\d+\.\d) s;? /.exec(`${line} `)?.[1] ?? NaN);
        const answers = [...answered]
          .sort()
          .map(([k, v]) => `${v} ${k}`)
          .join(', ');
        measured.push({
          cycleSeconds,
          wallSeconds: run.wall,
          cpuSeconds: run.cpu,
          load,
          line,
          answers,
          code: run.code,
        });
        console.log(
          `[${store}] run ${r + 1}: exit ${run.code}, process ${run.wall.toFixed(2)} s (CPU ${run.cpu.toFixed(2)} s, load ${load.toFixed(1)}); server answered ${answers}; ${line}`,
        );
        if (run.code !== 0) console.log(run.err.slice(-3000));
      }
      for (const [i, m] of measured.entries()) {
        results.push(
          `| ${store} | ${sourceCount} | --once ${i + 1} | ${m.cycleSeconds.toFixed(1)} | ${m.wallSeconds.toFixed(1)} | ${m.cpuSeconds.toFixed(1)} | ${m.load.toFixed(1)} | ${m.answers} | ${m.code} |`,
        );
      }
      if (warm > 0) {
        // One running watch: every source due each minute; the loop wakes when the first is due.
        await writeFile(
          path.join(dir, 'sources.yaml'),
          sourcesYaml.replaceAll('    kind: feed\n', '    kind: feed\n    every: 1\n'),
        );
        answered.clear();
        const proc = spawn(
          process.execPath,
          [
            '--import',
            TSX,
            path.join(root, 'test/support/tidings-main.ts'),
            ...args.filter((a) => a !== '--once'),
            '--every',
            '0.25',
          ],
          { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let out = '';
        proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
        proc.stderr!.on('data', () => undefined);
        const polled = () =>
          out.split('\n').filter((l) => / 100 not modified| \d+ not modified/.test(l) && !/no source due/.test(l));
        const deadline = Date.now() + (warm + 2) * 120_000;
        while (polled().length < warm + 1 && Date.now() < deadline && proc.exitCode === null)
          await new Promise((r) => setTimeout(r, 500));
        proc.kill('SIGTERM');
        await new Promise((r) => proc.on('exit', r));
        // The first polling cycle may be the one that finds every: 1 for the first time; the rest are warm.
        for (const [i, line] of polled().slice(1).entries()) {
          console.log(`[${store}] running watch, cycle ${i + 1}: ${line}`);
          results.push(
            `| ${store} | ${sourceCount} | running ${i + 1} | ${/, (\d+\.\d) s;? /.exec(`${line} `)?.[1] ?? '?'} | | | ${os.loadavg()[0]!.toFixed(1)} | | |`,
          );
        }
        await writeFile(path.join(dir, 'sources.yaml'), sourcesYaml);
      }
    } finally {
      if (dbName !== null)
        await pgQuery(server, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    }
  }
} finally {
  for (const s of servers) s.close();
  await rm(dir, { recursive: true, force: true });
}
console.log(
  '\n| store | sources | run | cycle s (its line) | process s | process CPU s | load avg | server answered | exit |\n|---|---|---|---|---|---|---|---|---|',
);
for (const r of results) console.log(r);

if (workers !== '') {
  console.log(`\nbench/queue-workers.ts --count ${arg('count', '300')} --workers ${workers}, in the same run:`);
  const child = spawn(
    process.execPath,
    [
      '--import',
      TSX,
      path.join(root, 'bench/queue-workers.ts'),
      '--count',
      arg('count', '300'),
      '--workers',
      workers,
      '--server',
      server,
    ],
    { stdio: 'inherit' },
  );
  process.exitCode = await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}
