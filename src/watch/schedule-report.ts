// `tidings watch --schedule`: each source, when it is polled next and why, from the store's
// schedule (watch_sources) and the registry's intervals. Pure: rows and sources in, text out.

import type { WatchedSource } from './poll.js';
import { dueAt, type ScheduleRow } from './schedule.js';

export interface ScheduleLine {
  readonly source: string;
  /** ISO 8601; null when it was never polled (due at the next cycle). */
  readonly next: string | null;
  readonly due: boolean;
  readonly intervalMinutes: number;
  /** 'every', 'ttl', 'sy:update', 'max-age', 'backoff', 'retry-after'; null when never polled. */
  readonly why: string | null;
  readonly failures: number;
  readonly lastPolled: string | null;
  readonly lastProblem: string | null;
}

export function scheduleLines(
  sources: readonly WatchedSource[],
  rows: ReadonlyMap<string, ScheduleRow>,
  now: Date,
): ScheduleLine[] {
  return sources.map((s) => {
    const row = rows.get(s.key);
    if (row === undefined) {
      return {
        source: s.key,
        next: null,
        due: true,
        intervalMinutes: s.intervalMs / 60_000,
        why: null,
        failures: 0,
        lastPolled: null,
        lastProblem: null,
      };
    }
    const next = dueAt(row, s.intervalMs);
    return {
      source: s.key,
      next: new Date(next).toISOString(),
      due: next <= now.getTime(),
      intervalMinutes: s.intervalMs / 60_000,
      why: row.reason,
      failures: row.failures,
      lastPolled: row.lastPolled.toISOString(),
      lastProblem: row.lastProblem,
    };
  });
}

const WHY: Readonly<Record<string, string>> = {
  every: 'its interval',
  ttl: "the feed's <ttl>",
  'sy:update': "the feed's sy:updatePeriod",
  'max-age': 'Cache-Control max-age',
  backoff: 'backing off',
  'retry-after': 'Retry-After',
};

export function renderSchedule(lines: readonly ScheduleLine[]): string {
  if (lines.length === 0) return 'No sources to poll.\n';
  const width = Math.max(...lines.map((l) => l.source.length));
  return lines
    .map((l) => {
      const when =
        l.next === null
          ? 'never polled: due now'
          : `${l.due ? 'due now' : `next ${l.next}`} (${WHY[l.why ?? ''] ?? l.why})`;
      const failing =
        l.failures > 0 ? `; ${l.failures} failed in a row, the last: ${(l.lastProblem ?? '').slice(0, 160)}` : '';
      return `${l.source.padEnd(width)}  every ${l.intervalMinutes} min  ${when}${failing}\n`;
    })
    .join('');
}
