// /healthz and /metrics (ops.ts) on an in-memory store: the cycle log read back, 503 when the
// store does not answer or a watch has not finished a cycle for three intervals, and metrics text
// that a strict exposition-format reader accepts, with escaped label values.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends, freshServerDatabase } from '../../test/support/backends.js';
import { parseExposition } from '../../test/support/exposition.js';
import { openJobQueue } from '../queue/job-queue.js';
import { openDatabase, type Database } from '../store/database.js';
import { recordCycle } from '../watch/cycle-log.js';
import { createOps, renderExposition, type LiveWatch } from './ops.js';
import { addressUrl, createTidingsServer, listen, shutdown } from './server.js';

async function serveOps(
  db: Database,
  live: (() => LiveWatch) | null,
  now?: () => Date,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createTidingsServer({
    site: null,
    api: null,
    ops: createOps({ db, live, ...(now ? { now } : {}) }),
    log: () => undefined,
  });
  const url = addressUrl(await listen(server, '127.0.0.1', 0));
  return { url, close: () => shutdown(server) };
}

describe('ops endpoints', () => {
  let db: Database;
  before(async () => {
    db = await openDatabase({ kind: 'pglite', dataDir: null });
    await recordCycle(db, {
      startedAt: new Date('2026-12-01T10:00:00Z'),
      finishedAt: new Date('2026-12-01T10:00:04Z'),
      outcome: 'ok',
      newArticles: 5,
      duplicates: 2,
      failed: 1,
      storiesTouched: 4,
      pagesRewritten: 30,
      fetches: { '200': 6, '304': 3, not_found: 1 },
    });
    await recordCycle(db, {
      startedAt: new Date('2026-12-01T10:15:00Z'),
      finishedAt: new Date('2026-12-01T10:15:01Z'),
      outcome: 'idle',
      newArticles: 0,
      duplicates: 0,
      failed: 0,
      storiesTouched: 0,
      pagesRewritten: 0,
      fetches: { '304': 9 },
    });
  });
  after(() => db.close());

  test('/healthz names the last cycle; 200 while the store answers', async () => {
    const s = await serveOps(db, null, () => new Date('2026-12-01T10:20:00Z'));
    try {
      const res = await fetch(`${s.url}healthz`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const body = (await res.json()) as {
        status: string;
        lastCycle: { outcome: string; finishedAt: string; durationSeconds: number; ageSeconds: number };
      };
      assert.equal(body.status, 'ok');
      assert.equal(body.lastCycle.outcome, 'idle');
      assert.equal(body.lastCycle.finishedAt, '2026-12-01T10:15:01.000Z');
      assert.equal(body.lastCycle.durationSeconds, 1);
      assert.equal(body.lastCycle.ageSeconds, 299);
      const head = await fetch(`${s.url}healthz`, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal((await fetch(`${s.url}healthz`, { method: 'POST' })).status, 405);
      assert.equal((await fetch(`${s.url}healthz/`)).status, 404);
    } finally {
      await s.close();
    }
  });

  test('/healthz is 503 when a watch in this process has not finished a cycle for three intervals', async () => {
    const live: LiveWatch = {
      queued: 2,
      running: 1,
      failedLastCycle: 0,
      cycling: true,
      lastCycle: null,
      startedAt: new Date('2026-12-01T11:00:00Z'),
      everyMs: 60_000,
    };
    const s = await serveOps(
      db,
      () => live,
      () => new Date('2026-12-01T11:05:00Z'),
    );
    try {
      const res = await fetch(`${s.url}healthz`);
      assert.equal(res.status, 503);
      const body = (await res.json()) as { status: string; problems: string[]; cycling: boolean };
      assert.equal(body.status, 'unavailable');
      assert.equal(body.cycling, true);
      assert.match(body.problems[0]!, /no watch cycle has finished for 300 s/);
      // The in-process queue is what /metrics shows for jobs with the embedded store.
      const metrics = parseExposition(await (await fetch(`${s.url}metrics`)).text());
      const jobs = metrics.samples.filter((x) => x.name === 'tidings_jobs').map((x) => [x.labels.state, x.value]);
      assert.deepEqual(jobs, [
        ['queued', 2],
        ['running', 1],
        ['failed', 0],
      ]);
    } finally {
      await s.close();
    }
  });

  test('/metrics sums the cycle log in the exposition format', async () => {
    const s = await serveOps(db, null);
    try {
      const res = await fetch(`${s.url}metrics`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
      const m = parseExposition(await res.text());
      const v = (name: string, labels: Record<string, string> = {}) =>
        m.samples.find((x) => x.name === name && JSON.stringify(x.labels) === JSON.stringify(labels))?.value;
      assert.equal(v('tidings_store_up'), 1);
      assert.equal(v('tidings_articles_total', { outcome: 'new' }), 5);
      assert.equal(v('tidings_articles_total', { outcome: 'failed' }), 1);
      assert.equal(v('tidings_fetches_total', { status: '304' }), 12);
      assert.equal(v('tidings_fetches_total', { status: 'not_found' }), 1);
      assert.equal(v('tidings_cycles_total', { outcome: 'idle' }), 1);
      assert.equal(v('tidings_cycle_duration_seconds_sum'), 5);
      assert.equal(v('tidings_cycle_duration_seconds_count'), 2);
      assert.equal(v('tidings_last_cycle_duration_seconds'), 1);
      assert.equal(v('tidings_pages_rewritten_total'), 30);
      assert.equal(m.types.get('tidings_fetches_total'), 'counter');
    } finally {
      await s.close();
    }
  });

  test('/healthz is 503 and /metrics says tidings_store_up 0 when the store is gone', async () => {
    // A store whose every query fails as a closed one does.
    const gone: Database = { ...db, query: () => Promise.reject(new Error('PGlite is closed')) };
    const s = await serveOps(gone, null);
    try {
      const res = await fetch(`${s.url}healthz`);
      assert.equal(res.status, 503);
      const body = (await res.json()) as { store: { reachable: boolean } };
      assert.equal(body.store.reachable, false);
      const m = parseExposition(await (await fetch(`${s.url}metrics`)).text());
      assert.equal(m.samples.find((x) => x.name === 'tidings_store_up')?.value, 0);
    } finally {
      await s.close();
    }
  });

  test('label values and help text are escaped; the strict reader refuses what the format forbids', () => {
    const text = renderExposition([
      { name: 'x_total', help: 'a \\ back\nslash', type: 'counter', samples: [['', { status: 'say "hi"\\\n' }, 1]] },
    ]);
    assert.equal(
      text,
      '# HELP x_total a \\\\ back\\nslash\n# TYPE x_total counter\nx_total{status="say \\"hi\\"\\\\\\n"} 1\n',
    );
    assert.equal(parseExposition(text).samples[0]!.labels.status, 'say "hi"\\\n');
    assert.throws(() => renderExposition([{ name: 'bad-name', help: '', type: 'gauge', samples: [] }]));
    assert.throws(() => parseExposition('a 1\nb 2\na{x="1"} 3\n'), /not together/);
    assert.throws(() => parseExposition('a{x="\\t"} 1\n'), /bad escape/);
    assert.throws(() => parseExposition('a 1\n# TYPE a gauge\n'), /after its samples/);
    assert.throws(() => parseExposition('a one\n'), /not a float/);
    assert.throws(() => parseExposition('a 1\na 2\n'), /twice/);
    assert.throws(() => parseExposition('a 1'), /newline/);
  });
});

// With PostgreSQL, /metrics reads the jobs' states from pg-boss's own table in the same database.
const server = process.env.TIDINGS_TEST_DATABASE_URL;
describe('ops endpoints on PostgreSQL', {
  skip: server ? false : 'no TIDINGS_TEST_DATABASE_URL (scripts/test.sh sets it)',
}, () => {
  test('tidings_jobs counts queued and running jobs in the queue', async () => {
    const fresh = await freshServerDatabase(server!);
    const queue = await openJobQueue(fresh.url, { leaseSeconds: 60, retryLimit: 0 });
    const s = await serveOps(fresh.db, null);
    try {
      const before = parseExposition(await (await fetch(`${s.url}metrics`)).text());
      assert.deepEqual(
        before.samples.filter((x) => x.name === 'tidings_jobs').map((x) => x.value),
        [0, 0, 0],
      );
      await queue.enqueue('cycle-1', [
        { kind: 'input', input: '/nowhere/a.html' },
        { kind: 'input', input: '/nowhere/b.html' },
        { kind: 'input', input: '/nowhere/c.html' },
      ]);
      const taken = await queue.take();
      assert.ok(taken !== null);
      const second = await queue.take();
      await queue.fail(second!.id, 'could not be read');
      const m = parseExposition(await (await fetch(`${s.url}metrics`)).text());
      const jobs = Object.fromEntries(
        m.samples.filter((x) => x.name === 'tidings_jobs').map((x) => [x.labels.state, x.value]),
      );
      assert.deepEqual(jobs, { queued: 1, running: 1, failed: 1 });
    } finally {
      await s.close();
      await queue.close();
      await fresh.dispose();
    }
  });
});

// A cycle-log row damaged directly with SQL (watch_cycles.fetches, parsed with zod when read): the
// store still answers; /healthz names the row, /metrics reports everything else.
for (const backend of backends()) {
  describe(`a damaged cycle-log row on ${backend.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    const cycle = (at: string, fetches: Record<string, number>) => ({
      startedAt: new Date(at),
      finishedAt: new Date(Date.parse(at) + 2000),
      outcome: 'ok' as const,
      newArticles: 1,
      duplicates: 0,
      failed: 0,
      storiesTouched: 1,
      pagesRewritten: 3,
      fetches,
    });
    before(async () => {
      ({ db, dispose } = await backend.open());
      await recordCycle(db, cycle('2026-12-01T10:00:00Z', { '200': 4 }));
      await recordCycle(db, cycle('2026-12-01T10:15:00Z', { '200': 2, '304': 1 }));
      await recordCycle(db, cycle('2026-12-01T10:30:00Z', { '304': 5 }));
      // The first: a count that is no count; the last: no object at all.
      await db.query(
        `UPDATE watch_cycles SET fetches = '{"200": "many", "404": 1}' WHERE started_at = '2026-12-01T10:00:00Z'`,
      );
      await db.query(`UPDATE watch_cycles SET fetches = '"oops"' WHERE started_at = '2026-12-01T10:30:00Z'`);
    });
    after(async () => dispose());

    test('/healthz: 503 naming the row and the problem, the store reachable; /metrics still up', async () => {
      const [last] = await db.query<{ id: string | number }>(
        'SELECT id FROM watch_cycles ORDER BY finished_at DESC LIMIT 1',
      );
      const s = await serveOps(db, null, () => new Date('2026-12-01T10:35:00Z'));
      try {
        const res = await fetch(`${s.url}healthz`);
        assert.equal(res.status, 503);
        const body = (await res.json()) as { store: { reachable: boolean }; problems: string[]; lastCycle: unknown };
        assert.equal(body.store.reachable, true);
        assert.equal(body.lastCycle, null);
        assert.deepEqual(body.problems, [
          `the last watch cycle cannot be read: watch_cycles row ${last!.id}: fetches is malformed: (root): expected record, received string`,
        ]);
        const m = parseExposition(await (await fetch(`${s.url}metrics`)).text());
        const v = (name: string, labels: Record<string, string> = {}) =>
          m.samples.find((x) => x.name === name && JSON.stringify(x.labels) === JSON.stringify(labels))?.value;
        assert.equal(v('tidings_store_up'), 1);
        assert.equal(v('tidings_cycles_total', { outcome: 'ok' }), 3);
        assert.equal(v('tidings_fetches_total', { status: '200' }), 2);
        assert.equal(v('tidings_fetches_total', { status: '304' }), 1);
        assert.equal(v('tidings_fetches_total', { status: '404' }), 1);
        assert.equal(v('tidings_last_cycle_timestamp_seconds'), undefined);
      } finally {
        await s.close();
      }
    });
  });
}
