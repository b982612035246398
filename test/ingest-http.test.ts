// Ingest over HTTP from a local server this test starts: feeds, pages and every kind of failure.
// Each failure is reported against its item, the run goes on, and nothing stored is altered.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createFetcher, type Fetcher } from '../src/fetch/fetcher.js';
import { ingest, type IngestReport } from '../src/pipeline/ingest.js';
import { createArticleStore } from '../src/store/article-store.js';
import { openDatabase, type Database } from '../src/store/database.js';

const para = (topic: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>${topic} paragraph ${i + 1}: the compute deal covers a 300MW data centre and was described by analysts as a turning point for the neocloud business, with contracts signed for several years.</p>`,
  ).join('');

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${body}</article><footer>© Local News</footer></body></html>`;

let server: http.Server;
let base = '';

function routes(url: string, res: http.ServerResponse): undefined {
  const send = (status: number, body: string, headers: http.OutgoingHttpHeaders = {}): undefined => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };
  switch (url) {
    case '/robots.txt':
      return send(200, 'User-agent: *\nDisallow: /private/\n', { 'content-type': 'text/plain' });
    case '/feed.xml':
      return send(
        200,
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Local AI News</title><link>${base}/</link>
        <item><title>Deal story</title><link>${base}/a/deal?utm_source=rss</link><pubDate>Sun, 10 May 2026 08:00:00 GMT</pubDate></item>
        <item><title>Chip story</title><link>${base}/a/chip</link></item>
        <item><title>Missing story</title><link>${base}/a/missing</link></item>
        <item><title>Broken server</title><link>${base}/a/broken</link></item>
        <item><title>Busy server</title><link>${base}/a/busy</link></item>
        <item><title>Looping</title><link>${base}/a/loop1</link></item>
        <item><title>Private</title><link>${base}/private/x</link></item>
        <item><title>No link at all</title><description>short</description></item>
      </channel></rss>`,
        { 'content-type': 'application/rss+xml' },
      );
    case '/a/deal':
      return send(200, page('Deal story', para('Deal', 6)));
    case '/a/chip':
      return send(200, page('Chip story', para('Chip', 5)));
    case '/a/broken':
      return send(500, 'oops');
    case '/a/busy':
      return send(429, 'slow down', { 'retry-after': '120' });
    case '/a/loop1':
      return send(302, '', { location: '/a/loop2' });
    case '/a/loop2':
      return send(302, '', { location: '/a/loop1' });
    case '/a/slow':
      return void setTimeout(() => send(200, page('Slow story', para('Slow', 5))), 3_000);
    case '/bad-feed.xml':
      return send(200, '<rss><channel><item><title>unclosed', { 'content-type': 'application/rss+xml' });
    default:
      return send(404, 'not here');
  }
}

before(async () => {
  server = http.createServer((req, res) => routes(new URL(req.url ?? '/', 'http://x').pathname, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('ingest over HTTP', () => {
  let db: Database;
  let fetcher: Fetcher;
  let cacheDir: string;
  before(async () => {
    db = await openDatabase({ kind: 'pglite', dataDir: null });
    cacheDir = await mkdtemp(path.join(os.tmpdir(), 'tidings-http-cache-'));
    fetcher = createFetcher({
      allowHosts: ['127.0.0.1'],
      cacheDir,
      perHostIntervalMs: 0,
      timeoutMs: 5_000,
      maxRedirects: 3,
    });
  });
  after(async () => {
    await fetcher.close();
    await db.close();
    await rm(cacheDir, { recursive: true, force: true });
  });

  const run = (inputs: string[], f: Fetcher = fetcher): Promise<IngestReport> =>
    ingest(inputs, {
      store: createArticleStore(db),
      fetcher: f,
      findSource: () => null,
      now: () => new Date('2026-05-10T12:00:00Z'),
      maxBytes: 1 << 20,
      concurrency: 4,
    });

  test('a feed: good pages stored, each bad item failed with its cause, the run goes on', async () => {
    const report = await run([`${base}/feed.xml`]);
    assert.equal(report.counts.new, 2);
    const failures = report.outcomes.flatMap((o) => (o.status === 'failed' ? [o.failure] : []));
    const codes = failures.map((f) => f.code).sort();
    assert.deepEqual(codes, [
      'bad_input',
      'not_found',
      'rate_limited',
      'redirect_loop',
      'robots_disallowed',
      'server_error',
    ]);
    for (const f of failures)
      assert.match(f.message, /127\.0\.0\.1|item|No link/, `message names the item: ${f.message}`);
    assert.ok(failures.find((f) => f.code === 'rate_limited')?.message.includes('120'), 'Retry-After is reported');
  });

  test('the same feed again changes nothing', async () => {
    const before = await db.query<{ n: number }>(
      'SELECT (SELECT count(*) FROM articles)::int + (SELECT count(*) FROM sightings)::int AS n',
    );
    const report = await run([`${base}/feed.xml`]);
    assert.equal(report.counts.new, 0);
    const afterRows = await db.query<{ n: number }>(
      'SELECT (SELECT count(*) FROM articles)::int + (SELECT count(*) FROM sightings)::int AS n',
    );
    assert.deepEqual(afterRows, before);
  });

  test('a page slower than the timeout fails with timeout, naming the URL', async () => {
    const impatient = createFetcher({
      allowHosts: ['127.0.0.1'],
      cacheDir: null,
      perHostIntervalMs: 0,
      timeoutMs: 500,
    });
    try {
      const report = await run([`${base}/a/slow`], impatient);
      const o = report.outcomes[0];
      assert.ok(o?.status === 'failed');
      assert.equal(o.failure.code, 'timeout');
      assert.match(o.failure.message, /\/a\/slow/);
    } finally {
      await impatient.close();
    }
  });

  test('malformed feed, unreachable host and blocked address are failures that name the input', async () => {
    const strict = createFetcher({ cacheDir: null, perHostIntervalMs: 0, timeoutMs: 2_000 });
    try {
      const blocked = await run([`${base}/a/chip`], strict);
      assert.equal(blocked.outcomes[0]?.status, 'failed');
      assert.equal(blocked.outcomes[0]?.status === 'failed' && blocked.outcomes[0].failure.code, 'blocked_address');
    } finally {
      await strict.close();
    }
    const report = await run([`${base}/bad-feed.xml`, 'http://127.0.0.1:1/nothing-listens-here', `${base}/a/deal`]);
    const statuses = report.outcomes.map((o) => (o.status === 'failed' ? o.failure.code : o.status));
    assert.deepEqual(statuses, ['bad_input', 'network_error', 'duplicate']);
    const stored = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
    assert.equal(stored[0]?.n, 2);
  });
});
