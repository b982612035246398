// Hostile clients against `tidings serve`: a real server (site + API, wired as serve-command does)
// on 127.0.0.1 with an ephemeral port, reading a store built from the e2e fixture corpus. The
// computations run in a worker that burns a known amount of CPU per task
// (src/server/slow-compute-worker.fixture.ts), so they are in flight for long enough to observe:
// - a static file and a cached answer are answered while uncached computations run (they finish
//   first), because the computing is off the event loop;
// - identical requests share one computation; computations beyond the bound are refused at once
//   with 503 and Retry-After, and not remembered;
// - malformed parameters are 400 {error: {code, message}} with no stack, before any store read;
// - an internal error is a generic 500 (details to the log only), an unreachable store a 503, a
//   computation past its time limit a 503 whose worker is replaced.
// After each case the same server still answers normal requests.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { cardFor, digestFor } from '../src/pipeline/edition.js';
import { createApi, type ApiDeps, type ApiOptions } from '../src/server/api.js';
import { apiDeps } from '../src/server/api-store.js';
import { createComputePool, type ComputePool, type ComputePoolOptions } from '../src/server/compute-pool.js';
import { openE2eStore, type E2eStore } from '../src/server/e2e-store.fixture.js';
import { rawRequest, type RawResponse } from '../src/server/http-client.fixture.js';
import { openStaticSite, type StaticSite } from '../src/server/static-site.js';
import { createTidingsServer, listen, shutdown } from '../src/server/server.js';
import { cardSchema, digestSchema } from '../src/write/schemas.js';

const SLOW_WORKER = new URL('../src/server/slow-compute-worker.fixture.ts', import.meta.url);
const DAYS = ['2026-03-02', '2026-03-03'] as const;
const CSS = 'body { color: #222; }\n'.repeat(40);

interface Served {
  readonly port: number;
  readonly pool: ComputePool;
  readonly logs: string[];
  get(target: string, headers?: Record<string, string>): Promise<RawResponse & { json: any; at: number }>;
  close(): Promise<void>;
}

/** Looks like a stack trace or a path on the server. */
const LEAK = /\n\s+at |node_modules|\.ts:\d|wasm|\/srv\/|secret/;

const cursor = (list: string, key: unknown) => Buffer.from(JSON.stringify({ v: 1, list, key })).toString('base64url');

async function until(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('tidings serve against hostile clients', () => {
  let store: E2eStore;
  let site: StaticSite;
  let siteDir: string;
  let articleIds: string[];
  const servers: Served[] = [];

  async function serve(pool: Partial<ComputePoolOptions>, options: ApiOptions = {}, deps?: ApiDeps): Promise<Served> {
    const logs: string[] = [];
    const computePool = createComputePool({ rubric: store.edition.rubric, module: SLOW_WORKER, ...pool });
    const api = createApi(deps ?? apiDeps(store.db, store.edition.rubric), {
      log: (line) => logs.push(line),
      ...options,
      pool: computePool,
    });
    const server: http.Server = createTidingsServer({ site, api, log: (line) => logs.push(line) });
    const { port } = await listen(server, '127.0.0.1', 0);
    const started = performance.now();
    const served: Served = {
      port,
      pool: computePool,
      logs,
      async get(target, headers = {}) {
        const r = await rawRequest(port, target, { headers });
        const text = r.body.toString();
        return {
          ...r,
          at: performance.now() - started,
          json: r.headers['content-type']?.startsWith('application/json') && text ? JSON.parse(text) : null,
        };
      },
      async close() {
        await shutdown(server, 1000);
        await api.close();
        await computePool.close();
      },
    };
    servers.push(served);
    return served;
  }

  /** The server still does its normal work: the site, a list, a digest, a card. */
  async function assertHealthy(s: Served): Promise<void> {
    const css = await s.get('/assets/site.css');
    assert.equal(css.status, 200);
    assert.equal(css.body.toString(), CSS);
    const list = await s.get('/api/v1/digests');
    assert.equal(list.status, 200, JSON.stringify(list.json));
    assert.deepEqual(
      list.json.data.map((d: { date: string }) => d.date),
      [...DAYS].reverse(),
    );
    const digest = await s.get(`/api/v1/digests/${DAYS[0]}?lang=zh`);
    assert.equal(digest.status, 200, JSON.stringify(digest.json));
    assert.equal(digestSchema.parse(digest.json.data).language, 'zh');
    const card = await s.get(`/api/v1/cards/${articleIds[0]}?lang=en`);
    assert.equal(card.status, 200, JSON.stringify(card.json));
  }

  function assertError(r: RawResponse & { json: any }, status: number, code: string, what = ''): void {
    assert.equal(r.status, status, `${what}: ${status} expected: ${r.body.toString().slice(0, 300)}`);
    assert.equal(r.headers['content-type'], 'application/json; charset=utf-8', what);
    assert.equal(r.headers['access-control-allow-origin'], '*', what);
    assert.equal(r.headers['cache-control'], 'no-store');
    assert.deepEqual(Object.keys(r.json), ['error']);
    assert.deepEqual(Object.keys(r.json.error).sort(), ['code', 'message']);
    assert.equal(r.json.error.code, code);
    assert.equal(typeof r.json.error.message, 'string');
    assert.doesNotMatch(r.body.toString(), LEAK);
  }

  before(async () => {
    store = await openE2eStore();
    siteDir = await mkdtemp(path.join(os.tmpdir(), 'tidings-hostile-serve-'));
    await mkdir(path.join(siteDir, 'assets'));
    await writeFile(path.join(siteDir, 'assets/site.css'), CSS);
    await writeFile(path.join(siteDir, 'index.html'), '<!doctype html><title>t</title>');
    site = await openStaticSite(siteDir);
    articleIds = (await store.edition.articles.listArticles({})).map((a) => a.id);
    assert.ok(articleIds.length >= 6);
  });
  after(async () => {
    for (const s of servers) await s.close();
    await store.close();
    await rm(siteDir, { recursive: true, force: true });
  });

  test('while uncached computations run, a static file and a cached answer are answered first', async () => {
    const s = await serve({ workerData: { spinMs: 700 } }, { maxComputing: 2, maxWaiting: 8 });
    const cached = await s.get(`/api/v1/digests/${DAYS[1]}?lang=en`);
    assert.equal(cached.status, 200);
    const startedBefore = s.pool.stats().started;
    // Three uncached computations, 0.7 s of CPU each in one worker: 2 s of computing in all.
    const computing = [
      `/api/v1/digests/${DAYS[0]}?lang=en`,
      `/api/v1/digests/${DAYS[0]}?lang=zh`,
      `/api/v1/cards/${articleIds[1]}`,
    ].map((t) => s.get(t));
    await until('a computation is in the worker', () => s.pool.stats().started > startedBefore);
    const [css, again] = await Promise.all([s.get('/assets/site.css'), s.get(`/api/v1/digests/${DAYS[1]}?lang=en`)]);
    const done = await Promise.all(computing);
    assert.equal(css.status, 200);
    assert.equal(again.status, 200);
    assert.equal(again.headers.etag, cached.headers.etag);
    for (const r of done) assert.equal(r.status, 200, JSON.stringify(r.json));
    const firstComputed = Math.min(...done.map((r) => r.at));
    assert.ok(
      css.at < firstComputed,
      `the CSS (${css.at.toFixed(0)} ms) came after a computation (${firstComputed.toFixed(0)} ms)`,
    );
    assert.ok(
      again.at < firstComputed,
      `the cached digest (${again.at.toFixed(0)} ms) came after a computation (${firstComputed.toFixed(0)} ms)`,
    );
    assert.equal(s.pool.stats().completed, startedBefore + 3);
    await assertHealthy(s);
  });

  test('identical requests share one computation; beyond the bound, 503 with Retry-After at once, not remembered', async () => {
    const s = await serve({ workerData: { spinMs: 800 } }, { maxComputing: 1, maxWaiting: 1 });
    // Six asks for one digest, spelled two ways (lang=en is the default): one computation.
    const same = Array.from({ length: 6 }, (_, i) => s.get(`/api/v1/digests/${DAYS[1]}${i % 2 ? '?lang=en' : ''}`));
    await until('the digest is in the worker', () => s.pool.stats().started === 1);
    // Four different cards: one may wait its turn, the other three are refused.
    const cards = articleIds.slice(1, 5).map((id) => s.get(`/api/v1/cards/${id}?lang=zh`));
    const answers = await Promise.all(same);
    const cardAnswers = await Promise.all(cards);
    for (const r of answers) assert.equal(r.status, 200);
    assert.equal(new Set(answers.map((r) => r.headers.etag)).size, 1);
    assert.equal(new Set(answers.map((r) => r.body.toString())).size, 1);
    const busy = cardAnswers.filter((r) => r.status === 503);
    const computed = cardAnswers.filter((r) => r.status === 200);
    assert.equal(busy.length, 3, cardAnswers.map((r) => r.status).join(' '));
    assert.equal(computed.length, 1);
    for (const r of busy) {
      assertError(r, 503, 'busy');
      assert.match(r.headers['retry-after'] ?? '', /^[1-9]\d?$/);
      assert.ok(Number(r.headers['retry-after']) <= 60);
      // Refused at once, not after waiting for the digest.
      assert.ok(r.at < Math.min(...answers.map((a) => a.at)), 'a 503 waited for the computations');
    }
    assert.equal(s.pool.stats().started, 2, 'one computation for the six digests, one for the card that waited');
    // A refusal is not remembered: asked again, each card is computed.
    for (const id of articleIds.slice(1, 5)) assert.equal((await s.get(`/api/v1/cards/${id}?lang=zh`)).status, 200);
    await assertHealthy(s);
  });

  const hostile: Array<[string, string]> = [
    ['a month 13, day 45', '/api/v1/digests/2026-13-45'],
    ['year 0000 (PostgreSQL has none)', '/api/v1/digests/0000-01-01'],
    ['year 0000 as a date filter', '/api/v1/stories?date=0000-01-01'],
    ['a garbage cursor', '/api/v1/digests?cursor=garbage'],
    ['a 10 KB cursor', `/api/v1/stories?cursor=${'A'.repeat(10_000)}`],
    ['a cursor with a bad date', `/api/v1/digests?cursor=${cursor('digests', { date: '2026-02-30' })}`],
    [
      'a story cursor whose time is not a date',
      `/api/v1/stories?cursor=${cursor('stories', { lastActive: 'notadate', id: 'abc123abc123' })}`,
    ],
    [
      'a story cursor with an impossible day',
      `/api/v1/stories?cursor=${cursor('stories', { lastActive: '2026-02-30 10:00:00+00', id: 'abc123abc123' })}`,
    ],
    [
      'an article cursor with month 99',
      `/api/v1/articles?cursor=${cursor('articles', { published: '2026-99-99', id: 'abc123abc123' })}`,
    ],
    [
      'an article cursor with a NUL in its id',
      `/api/v1/articles?cursor=${cursor('articles', { published: null, id: 'a\u0000b' })}`,
    ],
    [
      'an article cursor with an hour 25',
      `/api/v1/articles?cursor=${cursor('articles', { published: '2026-03-02 25:00:00+00', id: 'abc123abc123' })}`,
    ],
    ['since not a date', '/api/v1/articles?since=notadate'],
    ['since in year 0000', '/api/v1/articles?since=0000-01-01'],
    ['since at hour 25', '/api/v1/articles?since=2026-03-02T25:00:00Z'],
    ['since on February 30', '/api/v1/articles?since=2026-02-30T08:00:00Z'],
    ['since with a +99:00 zone', '/api/v1/articles?since=2026-03-02T08:00:00%2B99:00'],
    ['a huge limit', '/api/v1/stories?limit=99999999999'],
    ['a negative limit', '/api/v1/articles?limit=-1'],
    ['a limit in exponent form', '/api/v1/digests?limit=1e2'],
    ['a 5,000-character story id', `/api/v1/stories/${'a'.repeat(5000)}`],
    ['a 100-character article id', `/api/v1/cards/${'b'.repeat(100)}`],
    ['an id with a NUL', '/api/v1/articles/ab%00cd'],
    ['a broken escape in the path', '/api/v1/stories/%e4%b8'],
    ['an encoded slash in an id', '/api/v1/cards/ab%2Fcd'],
    ['an unknown parameter on a digest', `/api/v1/digests/${DAYS[0]}?lang=en&debug=1`],
  ];
  test('malformed parameters: 400 {error: {code, message}}, no stack, no store read, no computation', async () => {
    const s = await serve({});
    for (const [why, target] of hostile) {
      const r = await s.get(target);
      assertError(r, 400, 'bad_input', why);
      assert.ok(r.json.error.message.length < 300, `${why}: the message echoes too much`);
    }
    assert.deepEqual(s.logs, [], 'nothing reached the store or went wrong');
    assert.equal(s.pool.stats().started, 0);
    await assertHealthy(s);
  });

  test('what the checks let through, the store accepts: edge dates, times and zones give 200', async () => {
    const s = await serve({});
    const since = [
      '0001-01-01',
      '9999-12-31',
      '2024-02-29',
      '2026-03-02T08:00Z',
      '2026-03-02T23:59:59.999999-11:00',
      '2026-03-02T08:00:00%2B1459',
      '0001-01-01T00:00:00%2B14:00',
    ];
    for (const value of since) {
      const r = await s.get(`/api/v1/articles?since=${value}`);
      assert.equal(r.status, 200, `since=${value}: ${r.body.toString().slice(0, 200)}`);
    }
    for (const date of ['0001-01-01', '9999-12-31']) {
      assert.equal((await s.get(`/api/v1/stories?date=${date}`)).status, 200, date);
      assert.equal((await s.get(`/api/v1/digests/${date}`)).status, 404, date);
    }
    const storeTimes = [
      '2026-03-02 08:00:00+00',
      '0001-01-01 00:00:00.5+05:30',
      '9999-12-31 23:59:59.999999-15:59:59',
      '1890-01-01 00:00:00+00:01:15',
    ];
    for (const lastActive of storeTimes) {
      const r = await s.get(`/api/v1/stories?cursor=${cursor('stories', { lastActive, id: 'abc123abc123' })}`);
      assert.equal(r.status, 200, `${lastActive}: ${r.body.toString().slice(0, 200)}`);
      const a = await s.get(
        `/api/v1/articles?cursor=${cursor('articles', { published: lastActive, id: 'abc123abc123' })}`,
      );
      assert.equal(a.status, 200, `${lastActive}: ${a.body.toString().slice(0, 200)}`);
    }
    assert.equal((await s.get(`/api/v1/digests?cursor=${cursor('digests', { date: '0001-01-01' })}`)).status, 200);
    assert.deepEqual(s.logs, []);
  });

  test('an internal error is a generic 500 (details logged, not sent); an unreachable store is 503 with Retry-After', async () => {
    const deps = apiDeps(store.db, store.edition.rubric);
    const broken: ApiDeps = {
      edition: deps.edition,
      queries: {
        ...deps.queries,
        days: async () => {
          throw new TypeError('secret detail: cannot read /srv/private/tidings/db');
        },
        stories: async () => {
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        },
      },
    };
    const s = await serve({ workerData: { throwOn: articleIds[2] } }, {}, broken);
    const internal = await s.get('/api/v1/digests');
    assertError(internal, 500, 'internal_error');
    assert.equal(internal.json.error.message, 'internal error');
    const down = await s.get('/api/v1/stories');
    assertError(down, 503, 'store_error');
    assert.match(down.headers['retry-after'] ?? '', /^\d+$/);
    // A computation that throws in the worker: the same generic 500; the worker carries on.
    const thrown = await s.get(`/api/v1/cards/${articleIds[2]}`);
    assertError(thrown, 500, 'internal_error');
    const log = s.logs.join('\n');
    assert.match(log, /GET \/api\/v1\/digests: TypeError: secret detail/);
    assert.match(log, /GET \/api\/v1\/stories: .*ECONNREFUSED/);
    assert.match(log, /secret worker detail/);
    assert.equal(s.pool.stats().spawned, 1);
    // Errors are not remembered either: the working routes of this server still answer.
    assert.equal((await s.get(`/api/v1/cards/${articleIds[3]}`)).status, 200);
    assert.equal((await s.get(`/api/v1/stories/${(await store.edition.stories.listStories())[0]!.id}`)).status, 200);
  });

  test('a computation past the time limit is a 503; its worker is replaced and the next request answered', async () => {
    // The limit leaves room for the replacement worker to start and write a digest on a loaded
    // 2-core machine (at 1.5 s the healthy digest after it was itself cut off, under load 20).
    const s = await serve({ timeoutMs: 5000, workerData: { hangOn: articleIds[4], hangMs: 60_000 } });
    const hung = await s.get(`/api/v1/cards/${articleIds[4]}?lang=en`);
    assertError(hung, 503, 'timeout');
    assert.match(hung.headers['retry-after'] ?? '', /^\d+$/);
    assert.match(s.logs.join('\n'), /took longer than 5000 ms/);
    await assertHealthy(s);
    assert.equal(s.pool.stats().spawned, 2);
    assert.equal(s.pool.stats().timedOut, 1);
  });

  test('after all that, the default server answers normally, the same answers as the CLI writes', async () => {
    const logs: string[] = [];
    const api = createApi(apiDeps(store.db, store.edition.rubric), { log: (line) => logs.push(line) });
    const server = createTidingsServer({ site, api, log: (line) => logs.push(line) });
    const { port } = await listen(server, '127.0.0.1', 0);
    try {
      const get = async (target: string) => {
        const r = await rawRequest(port, target);
        return { status: r.status, json: JSON.parse(r.body.toString()) as any };
      };
      for (const date of DAYS) {
        for (const lang of ['en', 'zh'] as const) {
          const r = await get(`/api/v1/digests/${date}?lang=${lang}`);
          assert.equal(r.status, 200);
          const expected = await digestFor(store.edition, date, lang);
          assert.ok(expected.ok);
          assert.deepEqual(r.json.data, JSON.parse(JSON.stringify(expected.value)), `digest ${date} ${lang}`);
        }
      }
      for (const id of articleIds.slice(0, 3)) {
        const r = await get(`/api/v1/cards/${id}`);
        assert.equal(r.status, 200);
        const expected = await cardFor(store.edition, id, null);
        assert.ok(expected.ok);
        assert.deepEqual(r.json.data, JSON.parse(JSON.stringify(expected.value)), `card ${id}`);
        cardSchema.parse(r.json.data);
      }
      assert.equal((await get('/api/v1/stories?limit=2')).status, 200);
      assert.equal((await get('/api/v1/articles?limit=2')).status, 200);
      assert.deepEqual(logs, []);
    } finally {
      await shutdown(server, 1000);
      await api.close();
    }
  });
});
