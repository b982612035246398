// When and how `tidings watch` polls its sources (issue 16), against feeds served by this test on
// 127.0.0.1: `every:` honoured, a feed's <ttl> and an answer's max-age lengthen the wait, a source
// answering 429/503 with Retry-After (seconds or an HTTP date) is not polled before it, a failing
// source backs off and recovers, a 304 (conditional GET) or the same bytes queue nothing; end to end,
// a second `watch --once` over an unchanged feed stores nothing and fetches no page; a bad `every:`
// names file, line and source. No external host is contacted.

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createFetcher, type Fetcher } from '../src/fetch/fetcher.js';
import { send, startLocalServer, type LocalServer } from '../src/fetch/local-server.fixture.js';
import { parseRegistry } from '../src/sources/registry.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { acceptPolled, pollDueSources, watchedSources, type PollResult } from '../src/watch/poll.js';
import { createSourceSchedule, type SourceSchedule } from '../src/watch/schedule.js';
import { runTidings } from './support/run-cli.js';

const MIN = 60_000;

function rss(title: string, items: readonly { slug: string; title: string }[], head = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>${title}</title><link>https://wire.example/</link>${head}
${items.map((i) => `<item><title>${i.title}</title><link>PAGE/${i.slug}</link><guid>PAGE/${i.slug}</guid><pubDate>Sun, 10 May 2026 08:00:00 GMT</pubDate></item>`).join('\n')}
</channel></rss>
`;
}

describe('polling rules, source by source (in-process store, the polite fetcher, a local server)', () => {
  let server: LocalServer;
  let dir: string;
  let db: Database;
  let fetcher: Fetcher;
  let schedule: SourceSchedule;
  let t0: Date;
  let flakyFixed = false;
  let busyFixed = false;
  const at = (minutes: number) => new Date(t0.getTime() + minutes * MIN);
  const items = [
    { slug: 'a', title: 'Alpha' },
    { slug: 'b', title: 'Beta' },
  ];

  before(async () => {
    t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
    server = await startLocalServer((req: http.IncomingMessage, res: http.ServerResponse) => {
      const xml = { 'content-type': 'application/rss+xml; charset=utf-8' };
      switch (req.url) {
        case '/news.xml': {
          const tag = '"news-1"';
          if (req.headers['if-none-match'] === tag) return send(res, 304, '', { etag: tag });
          return send(res, 200, rss('News', items), { ...xml, etag: tag });
        }
        case '/slow.xml':
          return send(res, 200, rss('Slow', items), xml); // no validators: the same bytes every time
        case '/ttl.xml':
          return send(res, 200, rss('TTL', items, '<ttl>90</ttl>'), xml);
        case '/cached.xml':
          return send(res, 200, rss('Cached', items), { ...xml, 'cache-control': 'public, max-age=7200' });
        case '/busy.xml':
          if (busyFixed) return send(res, 200, rss('Busy', items), xml);
          return send(res, 503, 'busy', { 'retry-after': '3600' });
        case '/limited.xml':
          return send(res, 429, 'slow down', { 'retry-after': new Date(t0.getTime() + 120 * MIN).toUTCString() });
        case '/flaky.xml':
          if (flakyFixed) return send(res, 200, rss('Flaky', items), xml);
          return send(res, 500, 'oops');
        default:
          return send(res, 404, 'not here');
      }
    });
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-polling-'));
    db = await openDatabase({ kind: 'pglite', dataDir: null });
    schedule = createSourceSchedule(db);
    fetcher = createFetcher({ allowHosts: ['127.0.0.1'], cacheDir: path.join(dir, 'cache'), perHostIntervalMs: 0 });
  });
  after(async () => {
    await fetcher.close();
    await db.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const registryYaml = () => {
    const entry = (id: string, file: string, extra = '') =>
      `  - id: ${id}\n    name: ${id}\n    url: ${server.base}/${file}\n    type: news\n    language: en\n${extra}`;
    return (
      `version: 1\nsources:\n${entry('news', 'news.xml')}${entry('slow', 'slow.xml', '    every: 2h\n')}${entry('ttl', 'ttl.xml')}${entry('cached', 'cached.xml')}` +
      `${entry('busy', 'busy.xml')}${entry('limited', 'limited.xml')}${entry('flaky', 'flaky.xml')}`
    );
  };

  async function pollAt(minutes: number): Promise<{ result: PollResult; asked: string[] }> {
    const parsed = parseRegistry(registryYaml(), 'sources.yaml');
    if (!parsed.ok) assert.fail(parsed.message);
    const before = server.seen.length;
    const result = await pollDueSources(
      watchedSources(parsed.value.sources, 15 * MIN),
      { schedule, fetcher, maxBytes: 1 << 20, findSource: () => null },
      at(minutes),
    );
    // The cycle's jobs would run here; then the bodies are accepted.
    await acceptPolled(schedule, result.toAccept);
    const asked = server.seen
      .slice(before)
      .map((r) => r.path)
      .filter((p) => p !== '/robots.txt')
      .sort();
    return { result, asked };
  }

  async function waits(): Promise<Record<string, [number, string | null, number]>> {
    const rows = await schedule.rows(['news', 'slow', 'ttl', 'cached', 'busy', 'limited', 'flaky']);
    return Object.fromEntries(
      [...rows].map(([k, r]) => [
        k,
        [Math.round((r.nextDue.getTime() - r.lastPolled.getTime()) / MIN), r.reason, r.failures],
      ]),
    );
  }

  test('first poll: each source waits its every:, TTL, max-age, back-off or Retry-After', async () => {
    const { result, asked } = await pollAt(0);
    assert.deepEqual(asked, [
      '/busy.xml',
      '/cached.xml',
      '/flaky.xml',
      '/limited.xml',
      '/news.xml',
      '/slow.xml',
      '/ttl.xml',
    ]);
    assert.equal(result.polled, 7);
    assert.equal(result.notModified, 0);
    assert.equal(result.plan.later.length, 4 * items.length, 'the four readable feeds, one job per item');
    assert.deepEqual(result.unreadable.map((u) => u.key).sort(), ['busy', 'flaky', 'limited']);
    assert.deepEqual(await waits(), {
      news: [15, 'every', 0],
      slow: [120, 'every', 0],
      ttl: [90, 'ttl', 0],
      cached: [120, 'max-age', 0],
      busy: [60, 'retry-after', 1], // back-off alone would be 30 min
      limited: [120, 'retry-after', 1], // an HTTP date two hours on
      flaky: [30, 'backoff', 1],
    });
  });

  test('16 min on: only the 15-minute feed is polled; its 304 queues nothing', async () => {
    const { result, asked } = await pollAt(16);
    assert.deepEqual(asked, ['/news.xml']);
    const conditional = server.seen.filter((r) => r.path === '/news.xml').at(-1)!;
    assert.equal(conditional.headers['if-none-match'], '"news-1"');
    assert.equal(result.notModified, 1);
    assert.equal(result.plan.first.length + result.plan.later.length, 0);
    assert.equal(result.total - result.due, 6);
  });

  test('31 min on: the failing source is tried again and backs off further; Retry-After sources still wait', async () => {
    const { result, asked } = await pollAt(31);
    assert.deepEqual(asked, ['/flaky.xml', '/news.xml']);
    assert.equal(result.unreadable[0]?.failures, 2);
    assert.deepEqual((await waits()).flaky, [60, 'backoff', 2]);
  });

  test('92 min on: the sources recover (back on their interval), the TTL and Retry-After have run out; every: 2h still waits', async () => {
    flakyFixed = true;
    busyFixed = true;
    const { result, asked } = await pollAt(92);
    assert.deepEqual(asked, ['/busy.xml', '/flaky.xml', '/news.xml', '/ttl.xml']);
    assert.equal(result.unreadable.length, 0);
    assert.equal(result.notModified, 2, 'news (304) and ttl (the same bytes)');
    assert.equal(result.plan.later.length, 2 * items.length, 'busy and flaky, read for the first time');
    const w = await waits();
    assert.deepEqual(
      [w.flaky, w.busy, w.ttl],
      [
        [15, 'every', 0],
        [15, 'every', 0],
        [90, 'ttl', 0],
      ],
    );
  });

  test('121 min on: every: 2h and max-age have run out, the dated Retry-After too; 304s and same bytes queue nothing', async () => {
    const { result, asked } = await pollAt(121);
    // news, busy and flaky were polled at 92 (due at 107); slow, cached and limited wait until 120.
    assert.deepEqual(asked, ['/busy.xml', '/cached.xml', '/flaky.xml', '/limited.xml', '/news.xml', '/slow.xml']);
    assert.equal(result.notModified, 5, 'news answered 304; slow, cached, busy and flaky the bytes read before');
    assert.equal(result.plan.first.length + result.plan.later.length, 0);
    // The date it asked for has passed: back-off alone (15 min x 4).
    assert.deepEqual((await waits()).limited, [60, 'backoff', 2]);
  });

  test('the next cycle is when the first source is due', async () => {
    const parsed = parseRegistry(registryYaml(), 'sources.yaml');
    if (!parsed.ok) assert.fail(parsed.message);
    const sources = watchedSources(parsed.value.sources, 15 * MIN);
    // news, busy and flaky were polled at 121 on a 15-minute interval; the rest wait longer.
    assert.deepEqual(await schedule.earliestDue(sources, at(121)), at(136));
    assert.deepEqual(await schedule.earliestDue(sources, at(140)), at(140), 'one due already: now');
    assert.deepEqual(
      await schedule.earliestDue([...sources, { key: 'never-polled', intervalMs: MIN }], at(121)),
      at(121),
    );
    assert.equal(await schedule.earliestDue([], at(121)), null);
  });

  test('a shortened every: counts at once; a longer one does not make a source due early', async () => {
    assert.ok((await schedule.due([{ key: 'slow', intervalMs: 30 * MIN }], at(152))).has('slow'));
    assert.ok(!(await schedule.due([{ key: 'slow', intervalMs: 120 * MIN }], at(152))).has('slow'));
    // A source waiting on a back-off is not made due by its interval.
    assert.ok(!(await schedule.due([{ key: 'limited', intervalMs: 1 * MIN }], at(130))).has('limited'));
  });
});

describe('tidings watch --once over a local feed: an unchanged feed stores nothing and fetches no page', () => {
  let server: LocalServer;
  let dir: string;
  before(async () => {
    server = await startLocalServer((req, res) => {
      if (req.url === '/wire.xml') {
        const tag = '"wire-1"';
        if (req.headers['if-none-match'] === tag) return send(res, 304, '', { etag: tag });
        const body = rss('Gridline Wire', [
          { slug: 'chips', title: 'Chip maker opens a plant' },
          { slug: 'model', title: 'Lab releases a model' },
        ]).replaceAll('PAGE', server.base);
        return send(res, 200, body, { 'content-type': 'application/rss+xml; charset=utf-8', etag: tag });
      }
      const page = /^\/(chips|model)$/.exec(req.url ?? '');
      if (page !== null) {
        const topic =
          page[1] === 'chips'
            ? 'a chip plant in Ohio employing 2,000 people from next year'
            : 'an open-weights language model with a long context window';
        const para = (n: number) =>
          `<p>Paragraph ${n} of the report on ${topic}. The company said the work began last spring and that customers in three countries had asked for it; analysts expect more of the same.</p>`;
        return send(
          res,
          200,
          `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${page[1]} | Gridline Wire</title><meta property="article:published_time" content="2026-05-10T08:00:00Z"></head><body><article><h1>Report on ${topic}</h1>${[1, 2, 3, 4, 5].map(para).join('')}</article></body></html>`,
        );
      }
      return send(res, 404, 'not here');
    });
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-watch-304-'));
    await mkdir(dir, { recursive: true });
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('the second cycle gets a 304 and queues no job; the store is unchanged', async () => {
    await writeFile(
      path.join(dir, 'sources.yaml'),
      `version: 1\nsources:\n  - id: gridline\n    name: Gridline Wire\n    url: ${server.base}/wire.xml\n    kind: feed\n    type: news\n    language: en\n    every: 1\n`,
    );
    const data = path.join(dir, 'data');
    const cycle = () =>
      runTidings(
        ['--data', data, 'watch', '--once', '--allow-host', '127.0.0.1', '--out', path.join(dir, 'site')],
        dir,
      );
    const first = await cycle();
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /watch cycle \S+: 2 new, 0 duplicate, 0 failed, 0 not modified, /);
    const pages = () => server.seen.filter((r) => r.path === '/chips' || r.path === '/model').length;
    assert.equal(pages(), 2);

    // One minute later (every: 1): the source is due again.
    const db = await openDatabase({ kind: 'pglite', dataDir: path.join(data, 'db') });
    await db.query(
      "UPDATE watch_sources SET next_due = now() - interval '1 second', last_polled = now() - interval '61 seconds'",
    );
    await db.close();
    const seenBefore = server.seen.length;
    const second = await cycle();
    assert.equal(second.code, 0, second.err);
    assert.match(
      second.out,
      /watch cycle \S+: 0 new, 0 duplicate, 0 failed, 1 not modified, 0 stories touched, 0 pages rewritten, \d+\.\d s; nothing new, edition and site left as they are\n$/,
    );
    const asked = server.seen.slice(seenBefore).filter((r) => r.path !== '/robots.txt');
    assert.deepEqual(
      asked.map((r) => [r.path, r.headers['if-none-match']]),
      [['/wire.xml', '"wire-1"']],
    );
    assert.equal(pages(), 2, 'no page fetched again');
    const listed = await runTidings(['--data', data, 'articles', '--json'], dir);
    assert.equal(listed.out.trim().split('\n').length, 2);

    // watch --schedule: when the source is polled next and why; nothing fetched.
    const seenNow = server.seen.length;
    const schedule = await runTidings(['--data', data, 'watch', '--schedule'], dir);
    assert.equal(schedule.code, 0, schedule.err);
    assert.match(schedule.out, /^gridline {2}every 1 min {2}next \d{4}-\d\d-\d\dT\S+ \(its interval\)\n$/);
    assert.equal(server.seen.length, seenNow);
  });

  test('a bad every: stops watch before it polls, naming the file, the line and the source', async () => {
    await writeFile(
      path.join(dir, 'sources.yaml'),
      `version: 1\nsources:\n  - id: gridline\n    name: Gridline Wire\n    url: ${server.base}/wire.xml\n    type: news\n    language: en\n    every: 5s\n`,
    );
    const before = server.seen.length;
    const res = await runTidings(
      ['--data', path.join(dir, 'bad'), 'watch', '--once', '--allow-host', '127.0.0.1'],
      dir,
    );
    assert.equal(res.code, 2, res.err);
    assert.match(res.err, /sources\.yaml line 8: source 1 \("gridline"\), field "every": "5s" is less than 1 minute/);
    assert.equal(server.seen.length, before, 'nothing fetched');
  });
});
