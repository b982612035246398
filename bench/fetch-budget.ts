// The fetch budget: how long an ingest run takes when a feed's item pages sit on a host that cannot be
// reached. A local server serves one feed whose N items link to a dead host: a loopback port where
// nothing listens (connection refused) or one that accepts and never answers (every request times
// out). Each item has a summary, so it is kept from the feed either way; what is measured is the time
// the run spends fetching. The product's fetcher settings (1 s between requests to one host, 20 s
// timeout, 8 at once) are used, with the budget as shipped and, for comparison, with it turned off.
//
//   node --import tsx bench/fetch-budget.ts [--count 500] [--off-count 20] [--timeout-ms 20000]

import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { createFetcher } from '../src/fetch/fetcher.js';
import { ingest } from '../src/pipeline/ingest.js';
import { createArticleStore } from '../src/store/article-store.js';
import { openDatabase } from '../src/store/database.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const COUNT = arg('count', 500);
const OFF_COUNT = arg('off-count', 20);
const TIMEOUT_MS = arg('timeout-ms', 20_000);

async function closedPort(host: string): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, host, resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Accepts connections and never answers: every request to it times out. */
async function silentServer(host: string): Promise<{ port: number; close: () => void }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

async function feedServer(itemBase: () => string, count: () => number): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    if (req.url === '/robots.txt') {
      res.writeHead(404).end();
      return;
    }
    const items = Array.from(
      { length: count() },
      (_, i) =>
        `<item><title>Item ${i}</title><link>${itemBase()}/story/${i}</link><pubDate>Sun, 10 May 2026 08:00:00 GMT</pubDate><description>Story ${i}: Carrow Robotics said it shipped ${100 + i} warehouse robots to customers in Ohio this quarter.</description></item>`,
    ).join('');
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>${items}</channel></rss>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`, close: () => server.close() };
}

interface Case {
  readonly name: string;
  readonly budget: boolean;
  readonly count: number;
  readonly host: 'refused' | 'silent';
}

async function runCase(
  c: Case,
): Promise<{ ms: number; fetchMs: number; kept: number; failed: number; skipped: number }> {
  const silent = c.host === 'silent' ? await silentServer('127.0.0.3') : null;
  const base =
    c.host === 'refused' ? `http://127.0.0.2:${await closedPort('127.0.0.2')}` : `http://127.0.0.3:${silent!.port}`;
  const feed = await feedServer(
    () => base,
    () => c.count,
  );
  const db = await openDatabase({ kind: 'pglite', dataDir: null });
  const fetcher = createFetcher({
    allowHosts: ['127.0.0.1', '127.0.0.2', '127.0.0.3'],
    cacheDir: null,
    timeoutMs: TIMEOUT_MS,
    perHostIntervalMs: 1_000,
    concurrency: 8,
    ...(c.budget ? {} : { maxHostFailures: Number.POSITIVE_INFINITY, maxUnreachableFetches: Number.POSITIVE_INFINITY }),
  });
  // Time spent fetching: from the start until the first item is handed on (expandFeed fetches every
  // item's page before it yields any), so storing the kept items is not counted.
  const t0 = performance.now();
  let firstItem = 0;
  try {
    const report = await ingest([feed.url], {
      store: createArticleStore(db),
      fetcher,
      findSource: () => null,
      now: () => new Date('2026-05-10T12:00:00Z'),
      maxBytes: 1 << 20,
      concurrency: 8,
      onItem: (_o, done) => {
        if (done === 1) firstItem = performance.now();
      },
    });
    const ms = performance.now() - t0;
    const notes = report.outcomes.flatMap((o) => (o.status !== 'failed' ? (o.notes ?? []) : []));
    return {
      ms,
      fetchMs: firstItem - t0,
      kept: report.counts.new + report.counts.duplicate,
      failed: report.counts.failed,
      skipped: notes.filter((n) => /skipped after|budget is spent/.test(n)).length,
    };
  } finally {
    await fetcher.close();
    await db.close();
    feed.close();
    silent?.close();
  }
}

const cases: Case[] = [
  { name: `refused, budget on, ${COUNT} URLs`, budget: true, count: COUNT, host: 'refused' },
  { name: `refused, budget off, ${OFF_COUNT} URLs`, budget: false, count: OFF_COUNT, host: 'refused' },
  { name: `no answer, budget on, ${COUNT} URLs`, budget: true, count: COUNT, host: 'silent' },
  { name: `no answer, budget off, ${OFF_COUNT} URLs`, budget: false, count: OFF_COUNT, host: 'silent' },
];

console.log(
  `fetch budget: one feed, N item pages on a dead host; 1 s per-host interval, ${TIMEOUT_MS} ms timeout, 8 at once`,
);
console.log('| case | fetching s | whole run s | per URL ms | items kept | failed | skipped by the budget |');
console.log('|---|---|---|---|---|---|---|');
for (const c of cases) {
  const r = await runCase(c);
  console.log(
    `| ${c.name} | ${(r.fetchMs / 1000).toFixed(1)} | ${(r.ms / 1000).toFixed(1)} | ${(r.fetchMs / c.count).toFixed(0)} | ${r.kept} | ${r.failed} | ${r.skipped} |`,
  );
}
