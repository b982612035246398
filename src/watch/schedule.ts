// When `tidings watch` polls each source (issue 16), kept in the store (migrations 8 and 10,
// watch_sources) so every editor process sees the same schedule. A source is due when it was never
// polled, or its next time has come, or (its last wait being its plain interval) its interval, as
// configured now, has passed since it was polled (so a shortened `every:` counts at once). How long
// a poll waits is src/watch/poll-rules.ts: the interval, lengthened by the feed's TTL or the
// answer's max-age; a failed read backs off, at least as long as a Retry-After asked.

import type { Queryable } from '../store/database.js';
import { backoffInterval, MAX_BACKOFF_MS, nextWait, type PollHints, type PollReason } from './poll-rules.js';

export { MAX_BACKOFF_MS };

export interface ScheduleRow {
  readonly sourceKey: string;
  readonly nextDue: Date;
  readonly failures: number;
  readonly lastPolled: Date;
  readonly lastProblem: string | null;
  readonly reason: PollReason | null;
  /** SHA-256 of the body whose jobs last all finished; null when none yet. */
  readonly contentHash: string | null;
}

export interface PollRecord {
  /** Null when the source was read. */
  readonly problem: string | null;
  readonly intervalMs: number;
  readonly now: Date;
  readonly hints?: PollHints;
}

export interface Recorded {
  readonly next: Date;
  readonly reason: PollReason;
  readonly failures: number;
}

export interface SourceSchedule {
  /** The keys among `sources` that are due at `now`. */
  due(sources: readonly { key: string; intervalMs: number }[], now: Date): Promise<Set<string>>;
  /** Records a poll; returns when the source is due next, why, and its failures in a row. */
  record(key: string, poll: PollRecord): Promise<Recorded>;
  /** Records a cycle's polls in one statement; `failuresBefore`: each source's failures in a row before this poll. */
  recordMany(
    polls: readonly { key: string; poll: PollRecord; failuresBefore: number }[],
  ): Promise<Map<string, Recorded>>;
  /** Records the body whose jobs all finished (the next identical body queues nothing). */
  accept(key: string, contentHash: string): Promise<void>;
  acceptMany(accepted: readonly { key: string; hash: string }[]): Promise<void>;
  get(key: string): Promise<ScheduleRow | null>;
  /** The rows of these keys (the ones never polled are absent). */
  rows(keys: readonly string[]): Promise<Map<string, ScheduleRow>>;
  /** When the first of `sources` is due (`now` when one is due already); null when there are none. */
  earliestDue(sources: readonly { key: string; intervalMs: number }[], now: Date): Promise<Date | null>;
}

/** The wait after `failures` failed reads in a row (0: the plain interval). */
export const nextInterval = backoffInterval;

interface Row {
  source_key: string;
  next_due: Date | string;
  failures: number;
  last_polled: Date | string;
  last_problem: string | null;
  reason: string | null;
  content_hash: string | null;
}

const COLUMNS = 'source_key, next_due, failures, last_polled, last_problem, reason, content_hash';

function fromRow(row: Row): ScheduleRow {
  return {
    sourceKey: row.source_key,
    nextDue: new Date(row.next_due),
    failures: row.failures,
    lastPolled: new Date(row.last_polled),
    lastProblem: row.last_problem,
    reason: row.reason as PollReason | null,
    contentHash: row.content_hash,
  };
}

/**
 * When a source is due (ms since the epoch): its next_due, or sooner when its plain interval, as
 * configured now, is shorter; -Infinity when it was never polled.
 */
export function dueAt(row: ScheduleRow | undefined, intervalMs: number): number {
  if (row === undefined) return Number.NEGATIVE_INFINITY;
  const byInterval =
    row.reason === 'every' && row.failures === 0 ? row.lastPolled.getTime() + intervalMs : Number.POSITIVE_INFINITY;
  return Math.min(row.nextDue.getTime(), byInterval);
}

export function createSourceSchedule(db: Queryable): SourceSchedule {
  const rows = async (keys: readonly string[]): Promise<Map<string, ScheduleRow>> => {
    if (keys.length === 0) return new Map();
    const found = await db.query<Row>(`SELECT ${COLUMNS} FROM watch_sources WHERE source_key = ANY($1::text[])`, [
      keys,
    ]);
    return new Map(found.map((r) => [r.source_key, fromRow(r)]));
  };
  return {
    rows,
    async due(sources, now) {
      const known = await rows(sources.map((s) => s.key));
      return new Set(sources.filter((s) => dueAt(known.get(s.key), s.intervalMs) <= now.getTime()).map((s) => s.key));
    },
    async earliestDue(sources, now) {
      if (sources.length === 0) return null;
      const known = await rows(sources.map((s) => s.key));
      const first = Math.min(...sources.map((s) => dueAt(known.get(s.key), s.intervalMs)));
      return new Date(Math.max(first, now.getTime()));
    },
    async record(key, poll) {
      const [before] = await db.query<{ failures: number }>(
        'SELECT failures FROM watch_sources WHERE source_key = $1',
        [key],
      );
      return (await this.recordMany([{ key, poll, failuresBefore: before?.failures ?? 0 }])).get(key)!;
    },
    async recordMany(polls) {
      const out = new Map<string, Recorded>();
      if (polls.length === 0) return out;
      const columns: [string[], string[], number[], string[], (string | null)[], string[]] = [[], [], [], [], [], []];
      for (const { key, poll, failuresBefore } of polls) {
        const failures = poll.problem === null ? 0 : failuresBefore + 1;
        const wait = nextWait(poll.intervalMs, failures, poll.hints);
        const next = new Date(poll.now.getTime() + wait.ms);
        out.set(key, { next, reason: wait.reason, failures });
        columns[0].push(key);
        columns[1].push(next.toISOString());
        columns[2].push(failures);
        columns[3].push(poll.now.toISOString());
        columns[4].push(poll.problem);
        columns[5].push(wait.reason);
      }
      // One statement for the whole cycle: 100 sources are one round trip, not 100.
      await db.query(
        `INSERT INTO watch_sources (source_key, next_due, failures, last_polled, last_problem, reason)
         SELECT k, n::timestamptz, f, l::timestamptz, p, r FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[]) AS t(k, n, f, l, p, r)
         ON CONFLICT (source_key) DO UPDATE SET next_due = EXCLUDED.next_due, failures = EXCLUDED.failures,
           last_polled = EXCLUDED.last_polled, last_problem = EXCLUDED.last_problem, reason = EXCLUDED.reason`,
        columns,
      );
      return out;
    },
    async acceptMany(accepted) {
      if (accepted.length === 0) return;
      await db.query(
        'UPDATE watch_sources w SET content_hash = t.h FROM unnest($1::text[], $2::text[]) AS t(k, h) WHERE w.source_key = t.k',
        [accepted.map((a) => a.key), accepted.map((a) => a.hash)],
      );
    },
    async accept(key, contentHash) {
      await db.query('UPDATE watch_sources SET content_hash = $2 WHERE source_key = $1', [key, contentHash]);
    },
    async get(key) {
      return (await rows([key])).get(key) ?? null;
    },
  };
}
