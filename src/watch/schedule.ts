// When `tidings watch` polls each source (issue 16): a source is due when it was never polled or its
// next time has come. A poll that reads the source sets the next time one interval on; a poll that
// cannot read it at all (the feed's address fails, the path is gone) backs off: the interval times
// 2, 4, 8 ... for each failure in a row, at most MAX_BACKOFF_MS, and the first good read resets it.
// Kept in the store (migration 8), so every editor process sees the same schedule.

import type { Queryable } from '../store/database.js';

/** The longest a failing source waits between tries. */
export const MAX_BACKOFF_MS = 6 * 3600_000;

export interface ScheduleRow {
  readonly sourceKey: string;
  readonly nextDue: Date;
  readonly failures: number;
  readonly lastPolled: Date;
  readonly lastProblem: string | null;
}

export interface SourceSchedule {
  /** The keys among `keys` that are due at `now`. */
  due(keys: readonly string[], now: Date): Promise<Set<string>>;
  /** Records a poll: `problem` null when the source was read. Returns when it is due next. */
  record(key: string, problem: string | null, intervalMs: number, now: Date): Promise<Date>;
  get(key: string): Promise<ScheduleRow | null>;
}

/** The wait after `failures` failed reads in a row (0: the plain interval). */
export function nextInterval(intervalMs: number, failures: number): number {
  if (failures <= 0) return intervalMs;
  return Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** Math.min(failures, 20));
}

export function createSourceSchedule(db: Queryable): SourceSchedule {
  return {
    async due(keys, now) {
      if (keys.length === 0) return new Set();
      const rows = await db.query<{ source_key: string }>(
        'SELECT source_key FROM watch_sources WHERE source_key = ANY($1::text[]) AND next_due > $2',
        [keys, now.toISOString()],
      );
      const waiting = new Set(rows.map((r) => r.source_key));
      return new Set(keys.filter((k) => !waiting.has(k)));
    },
    async record(key, problem, intervalMs, now) {
      const [before] = await db.query<{ failures: number }>('SELECT failures FROM watch_sources WHERE source_key = $1', [key]);
      const failures = problem === null ? 0 : (before?.failures ?? 0) + 1;
      const next = new Date(now.getTime() + nextInterval(intervalMs, failures));
      await db.query(
        `INSERT INTO watch_sources (source_key, next_due, failures, last_polled, last_problem) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (source_key) DO UPDATE SET next_due = EXCLUDED.next_due, failures = EXCLUDED.failures,
           last_polled = EXCLUDED.last_polled, last_problem = EXCLUDED.last_problem`,
        [key, next.toISOString(), failures, now.toISOString(), problem],
      );
      return next;
    },
    async get(key) {
      const [row] = await db.query<{ source_key: string; next_due: Date | string; failures: number; last_polled: Date | string; last_problem: string | null }>(
        'SELECT source_key, next_due, failures, last_polled, last_problem FROM watch_sources WHERE source_key = $1',
        [key],
      );
      if (!row) return null;
      return { sourceKey: row.source_key, nextDue: new Date(row.next_due), failures: row.failures, lastPolled: new Date(row.last_polled), lastProblem: row.last_problem };
    },
  };
}
