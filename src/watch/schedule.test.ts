// The watch schedule in the store (watch_sources), on PGlite and, when TIDINGS_TEST_DATABASE_URL is
// set, on the PostgreSQL server: a cycle's polls written in one statement (problems with quotes,
// commas and braces survive the array round trip), back-off counted from the failures before,
// bodies accepted, due and earliestDue.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends } from '../../test/support/backends.js';
import { createSourceSchedule } from './schedule.js';
import { renderSchedule, scheduleLines } from './schedule-report.js';

const MIN = 60_000;

for (const backend of backends()) {
  describe(`watch schedule (${backend.name})`, () => {
    test('recordMany, acceptMany, due and earliestDue', async () => {
      const { db, dispose } = await backend.open();
      try {
        const schedule = createSourceSchedule(db);
        const t0 = new Date('2026-05-10T08:00:00.000Z');
        const problem =
          'https://x.example/feed "quoted", {braced}, back\\slash: HTTP 503; the server asks to retry after 120 seconds';
        const first = await schedule.recordMany([
          {
            key: 'ok',
            poll: { problem: null, intervalMs: 15 * MIN, now: t0, hints: { feed: { ms: 60 * MIN, from: 'ttl' } } },
            failuresBefore: 0,
          },
          {
            key: 'down',
            poll: { problem, intervalMs: 15 * MIN, now: t0, hints: { retryAfterMs: 2 * MIN } },
            failuresBefore: 2,
          },
        ]);
        assert.deepEqual(first.get('ok'), { next: new Date(t0.getTime() + 60 * MIN), reason: 'ttl', failures: 0 });
        assert.deepEqual(first.get('down'), {
          next: new Date(t0.getTime() + 120 * MIN),
          reason: 'backoff',
          failures: 3,
        });
        const rows = await schedule.rows(['ok', 'down', 'never']);
        assert.equal(rows.size, 2);
        assert.equal(rows.get('down')?.lastProblem, problem);
        assert.equal(rows.get('down')?.failures, 3);
        assert.equal(rows.get('ok')?.lastProblem, null);
        assert.deepEqual(rows.get('ok')?.lastPolled, t0);

        await schedule.acceptMany([{ key: 'ok', hash: 'a'.repeat(64) }]);
        assert.equal((await schedule.get('ok'))?.contentHash, 'a'.repeat(64));
        assert.equal((await schedule.get('down'))?.contentHash, null);

        const sources = [
          { key: 'ok', intervalMs: 15 * MIN },
          { key: 'down', intervalMs: 15 * MIN },
        ];
        assert.deepEqual([...(await schedule.due(sources, new Date(t0.getTime() + 59 * MIN)))], []);
        assert.deepEqual([...(await schedule.due(sources, new Date(t0.getTime() + 60 * MIN)))], ['ok']);
        assert.deepEqual(
          await schedule.earliestDue(sources, new Date(t0.getTime() + 10 * MIN)),
          new Date(t0.getTime() + 60 * MIN),
        );

        // Read again: the back-off goes on from the stored count; a good read resets it.
        const again = await schedule.record('down', {
          problem: null,
          intervalMs: 15 * MIN,
          now: new Date(t0.getTime() + 120 * MIN),
        });
        assert.deepEqual(again, { next: new Date(t0.getTime() + 135 * MIN), reason: 'every', failures: 0 });
        const worse = await schedule.record('ok', {
          problem: 'gone',
          intervalMs: 15 * MIN,
          now: new Date(t0.getTime() + 60 * MIN),
        });
        assert.deepEqual(worse, { next: new Date(t0.getTime() + 90 * MIN), reason: 'backoff', failures: 1 });
      } finally {
        await dispose();
      }
    });
  });
}

describe('watch --schedule', () => {
  test('each source: when next and why, failures with the last problem; a source never polled is due now', () => {
    const now = new Date('2026-05-10T09:00:00.000Z');
    const row = (
      key: string,
      next: string,
      reason: 'every' | 'backoff' | 'retry-after' | 'ttl',
      failures: number,
      problem: string | null,
    ) => ({
      sourceKey: key,
      nextDue: new Date(next),
      failures,
      lastPolled: new Date('2026-05-10T08:00:00.000Z'),
      lastProblem: problem,
      reason,
      contentHash: null,
    });
    const rows = new Map([
      ['wire', row('wire', '2026-05-10T10:00:00.000Z', 'ttl', 0, null)],
      [
        'down',
        row(
          'down',
          '2026-05-10T10:00:00.000Z',
          'retry-after',
          2,
          'https://down.example/feed failed on the server side (HTTP 503)',
        ),
      ],
      ['late', row('late', '2026-05-10T08:15:00.000Z', 'every', 0, null)],
    ]);
    const sources = ['wire', 'down', 'late', 'new'].map((key) => ({
      key,
      location: `https://${key}.example/feed`,
      intervalMs: 15 * MIN,
    }));
    assert.equal(
      renderSchedule(scheduleLines(sources, rows, now)),
      [
        "wire  every 15 min  next 2026-05-10T10:00:00.000Z (the feed's <ttl>)",
        'down  every 15 min  next 2026-05-10T10:00:00.000Z (Retry-After); 2 failed in a row, the last: https://down.example/feed failed on the server side (HTTP 503)',
        'late  every 15 min  due now (its interval)',
        'new   every 15 min  never polled: due now',
        '',
      ].join('\n'),
    );
    assert.equal(renderSchedule([]), 'No sources to poll.\n');
  });
});
