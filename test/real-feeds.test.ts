// Feeds as they are in real coverage, through the `tidings` command in-process, against a local
// server this test starts: item pages that 404, 500 or never answer, one URL listed 120 times, and
// a host where nothing listens. An item whose page cannot be fetched is kept from the feed's own
// summary and says so in the digest's sources; each failure is reported once; a dead host is given
// up after a few failures, so the run finishes promptly.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { main, type Io } from '../src/cli/main.js';

const para = (topic: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>${topic} paragraph ${i + 1}: Quillmark Systems said its new inference cluster in Tarrow has 4,000 accelerators and will serve customers from June, according to the company.</p>`,
  ).join('');
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`;

const SUMMARY = {
  missing:
    'Velmora Labs said on Monday it raised $40 million to build a speech model for call centres, led by Harrow Ventures.',
  broken: 'Brannock Compute will open a 120MW data centre in Norrland next March, the company said in a statement.',
  slow: 'Ostrel AI released an open-weights coding model with 32 billion parameters under the Apache 2.0 licence.',
  repeat: 'Lumen Forge cut the price of its hosted embedding model by 60% for all customers starting this week.',
  dead: (i: number) =>
    `Dead-host story ${i}: Carrow Robotics said it shipped ${100 + i} warehouse robots to customers in Ohio this quarter.`,
};
const DEAD_ITEMS = 40;
const REPEATS = 120;

let server: http.Server;
let base = '';
let dead = '';
const hanging: http.ServerResponse[] = [];

function item(title: string, link: string, description?: string): string {
  return `<item><title>${title}</title><link>${link}</link><pubDate>Sun, 10 May 2026 08:00:00 GMT</pubDate>${description ? `<description>${description}</description>` : ''}</item>`;
}

function feed(): string {
  const items = [
    item('Quillmark cluster', `${base}/a/good`),
    item('Velmora raises $40 million', `${base}/a/missing`, SUMMARY.missing),
    item('Brannock Norrland', `${base}/a/broken`, SUMMARY.broken),
    item('Ostrel open weights', `${base}/a/slow`, SUMMARY.slow),
    item('Gone without a word', `${base}/a/gone`),
    ...Array.from({ length: REPEATS }, () => item('Lumen Forge price cut', `${base}/a/repeat`, SUMMARY.repeat)),
    ...Array.from({ length: DEAD_ITEMS }, (_, i) => item(`Dead host ${i}`, `${dead}/d/${i}`, SUMMARY.dead(i))),
  ];
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Real AI News</title><link>${base}/</link>${items.join('')}</channel></rss>`;
}

const hits = new Map<string, number>();

before(async () => {
  server = http.createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(p, (hits.get(p) ?? 0) + 1);
    const send = (status: number, body: string, type = 'text/html; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (p === '/robots.txt') return send(200, 'User-agent: *\nAllow: /\n', 'text/plain');
    if (p === '/feed.xml') return send(200, feed(), 'application/rss+xml');
    if (p === '/a/good') return send(200, page('Quillmark opens Tarrow inference cluster', para('Quillmark', 5)));
    if (p === '/a/broken') return send(500, 'oops');
    if (p === '/a/slow') return void hanging.push(res); // never answers
    return send(404, 'not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port on another loopback address where nothing listens: connections are refused.
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.2', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  dead = `http://127.0.0.2:${port}`;
});
after(() => {
  for (const res of hanging) res.destroy();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

async function run(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), errIsTty: false };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    const code = await main(args, io);
    return { code, out, err };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('real feeds: pages that cannot be fetched', () => {
  let dir: string;
  let ingested: { code: number; out: string; err: string };
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-real-feeds-'));
    ingested = await run(
      ['ingest', `${base}/feed.xml`, '--allow-host', '127.0.0.1,127.0.0.2', '--data', path.join(dir, 'data')],
      { TIDINGS_FETCH_TIMEOUT_MS: '1500' },
    );
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('items whose page failed are kept from the feed summary; an item with no summary fails', () => {
    const all = ingested.out + ingested.err;
    assert.equal(ingested.code, 1, all);
    // good page, 3 kept from summaries (404, 500, timeout), the repeated one, each dead-host item.
    assert.match(
      all,
      new RegExp(`Ingest finished: ${1 + 3 + 1 + DEAD_ITEMS} new, ${REPEATS - 1} duplicate, 1 failed\\.`),
      all,
    );
    assert.match(all, /\/a\/gone/);
    assert.match(all, /kept from the feed's summary/);
  });

  test('each failure is reported once per URL; a URL listed 120 times is fetched once', () => {
    const all = ingested.out + ingested.err;
    const lines = all.split('\n');
    // Once in the summary's list (the item line above it says the same of the one item).
    assert.equal(lines.filter((l) => l.startsWith('  - ') && l.includes('/a/repeat')).length, 1, all);
    assert.equal(lines.filter((l) => l.includes('/a/gone') && l.startsWith('  - ')).length, 1, all);
    assert.equal(hits.get('/a/repeat'), 1);
    assert.equal(hits.get('/a/slow'), 1);
  });

  test('a dead host is given up after a few failures (its timing: bench/fetch-budget.ts)', () => {
    const all = ingested.out + ingested.err;
    assert.match(all, /host 127\.0\.0\.2 unreachable: skipped after 3 failures/);
  });

  test("the digest's sources say which items came from the feed's summary, in both faces", async () => {
    const data = ['--data', path.join(dir, 'data')];
    const en = await run(['digest', '--date', '2026-05-10', '--lang', 'en', '--format', 'md', ...data]);
    assert.equal(en.code, 0, en.err);
    assert.match(en.out, /\(News, from the feed's summary\)/);
    const zh = await run(['digest', '--date', '2026-05-10', '--lang', 'zh', '--format', 'md', ...data]);
    assert.equal(zh.code, 0, zh.err);
    assert.match(zh.out, /（新闻，来自订阅源摘要）/);
    const json = await run(['digest', '--date', '2026-05-10', '--lang', 'en', '--format', 'json', ...data]);
    const digest = JSON.parse(json.out) as {
      tiers: Array<{ items: Array<{ sources: Array<{ url: string | null; fromFeedSummary?: true }> }> }>;
    };
    const sources = digest.tiers.flatMap((t) => t.items.flatMap((i) => i.sources));
    assert.ok(sources.some((s) => s.url?.endsWith('/a/missing') && s.fromFeedSummary === true));
    assert.ok(sources.some((s) => s.url?.endsWith('/a/good') && s.fromFeedSummary === undefined));
  });
});
