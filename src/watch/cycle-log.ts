// What each `tidings watch` cycle did, kept in the store (migration 9, watch_cycles), so that any
// `tidings serve` on the same database can answer /healthz (the last cycle's time and outcome) and
// /metrics (articles by outcome, cycle durations, fetches by status), and a fetcher wrapper that
// counts the editor's fetches by status for the cycle's row.

import type { Database, Queryable } from '../store/database.js';
import type { Fetcher } from '../fetch/fetcher.js';
import { parseColumn, storedFetches } from '../store/stored-json.js';

export type CycleOutcome = 'ok' | 'failed' | 'idle';

export interface CycleRecord {
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly outcome: CycleOutcome;
  readonly newArticles: number;
  readonly duplicates: number;
  readonly failed: number;
  readonly storiesTouched: number;
  readonly pagesRewritten: number;
  /** Fetches by status: '200', '304', '404', 'network_error' ... */
  readonly fetches: Readonly<Record<string, number>>;
}

export interface CycleTotals {
  readonly cycles: Readonly<Record<CycleOutcome, number>>;
  readonly durationSeconds: number;
  readonly newArticles: number;
  readonly duplicates: number;
  readonly failed: number;
  readonly pagesRewritten: number;
  readonly fetches: Readonly<Record<string, number>>;
}

export async function recordCycle(db: Queryable, r: CycleRecord): Promise<void> {
  await db.query(
    `INSERT INTO watch_cycles (started_at, finished_at, outcome, new_articles, duplicates, failed, stories_touched, pages_rewritten, fetches)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)`,
    [
      r.startedAt.toISOString(),
      r.finishedAt.toISOString(),
      r.outcome,
      r.newArticles,
      r.duplicates,
      r.failed,
      r.storiesTouched,
      r.pagesRewritten,
      JSON.stringify(r.fetches),
    ],
  );
}

interface CycleRow {
  id: string | number;
  started_at: Date | string;
  finished_at: Date | string;
  outcome: string;
  new_articles: number;
  duplicates: number;
  failed: number;
  stories_touched: number;
  pages_rewritten: number;
  /** jsonb (an object), or its text; parsed by lastCycle. */
  fetches: unknown;
}

const asDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

/** The stored fetches: jsonb comes back an object; text holding JSON is read as JSON (not JSON: left for the schema to refuse). */
function jsonOf(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * The last cycle recorded, or null when no watch has run on this store. Throws a CorruptRow
 * (src/store/stored-json.ts) naming the row when its fetches are not counts by status.
 */
export async function lastCycle(db: Queryable): Promise<CycleRecord | null> {
  const [row] = await db.query<CycleRow>('SELECT * FROM watch_cycles ORDER BY finished_at DESC, id DESC LIMIT 1');
  if (row === undefined) return null;
  return {
    startedAt: asDate(row.started_at),
    finishedAt: asDate(row.finished_at),
    outcome: row.outcome as CycleOutcome,
    newArticles: Number(row.new_articles),
    duplicates: Number(row.duplicates),
    failed: Number(row.failed),
    storiesTouched: Number(row.stories_touched),
    pagesRewritten: Number(row.pages_rewritten),
    fetches: parseColumn(storedFetches, jsonOf(row.fetches), { table: 'watch_cycles', id: String(row.id) }, 'fetches'),
  };
}

/**
 * Sums over every cycle recorded (monotonic while the store lives: Prometheus counters). A cycle
 * whose fetches are not an object of counts adds no fetches (it would otherwise fail the query
 * for every cycle); lastCycle names it when it is the last.
 */
export async function cycleTotals(db: Queryable): Promise<CycleTotals> {
  const rows = await db.query<{
    outcome: string;
    n: string | number;
    seconds: string | number | null;
    new_articles: string | number | null;
    duplicates: string | number | null;
    failed: string | number | null;
    pages: string | number | null;
  }>(
    `SELECT outcome, count(*) AS n, sum(extract(epoch FROM finished_at - started_at)) AS seconds, sum(new_articles) AS new_articles,
            sum(duplicates) AS duplicates, sum(failed) AS failed, sum(pages_rewritten) AS pages
     FROM watch_cycles GROUP BY outcome`,
  );
  const fetchRows = await db.query<{ status: string; n: string | number }>(
    `SELECT f.key AS status, sum((f.value)::bigint) AS n
     FROM watch_cycles c, jsonb_each_text(CASE WHEN jsonb_typeof(c.fetches) = 'object' THEN c.fetches ELSE '{}' END) f
     WHERE f.value ~ '^[0-9]{1,18}$' GROUP BY f.key ORDER BY f.key`,
  );
  const cycles: Record<CycleOutcome, number> = { ok: 0, failed: 0, idle: 0 };
  let durationSeconds = 0;
  let newArticles = 0;
  let duplicates = 0;
  let failed = 0;
  let pagesRewritten = 0;
  for (const r of rows) {
    if (r.outcome === 'ok' || r.outcome === 'failed' || r.outcome === 'idle') cycles[r.outcome] += Number(r.n);
    durationSeconds += Number(r.seconds ?? 0);
    newArticles += Number(r.new_articles ?? 0);
    duplicates += Number(r.duplicates ?? 0);
    failed += Number(r.failed ?? 0);
    pagesRewritten += Number(r.pages ?? 0);
  }
  const fetches: Record<string, number> = {};
  for (const f of fetchRows) fetches[f.status] = Number(f.n);
  return { cycles, durationSeconds, newArticles, duplicates, failed, pagesRewritten, fetches };
}

/** Ingest jobs in pg-boss's queue by state, or null when this database has no queue (embedded store, or never used). */
export async function queuedJobStates(
  db: Database,
): Promise<{ queued: number; running: number; failed: number } | null> {
  if (db.kind !== 'postgres') return null;
  const [exists] = await db.query<{ t: string | null }>("SELECT to_regclass('pgboss.job')::text AS t");
  if (!exists?.t) return null;
  const rows = await db.query<{ state: string; n: string | number }>(
    "SELECT state::text AS state, count(*) AS n FROM pgboss.job WHERE name = 'tidings-ingest' GROUP BY state",
  );
  const count = (...states: string[]) =>
    rows.filter((r) => states.includes(r.state)).reduce((n, r) => n + Number(r.n), 0);
  return { queued: count('created', 'retry'), running: count('active'), failed: count('failed') };
}

/** What a fetch's result is counted as: its HTTP status, 304 for a validated copy, or the failure's code. */
export function fetchStatusOf(result: Awaited<ReturnType<Fetcher['fetch']>>): string {
  if (result.ok) return result.value.notModified ? '304' : String(result.value.status);
  const http = /\(HTTP (\d{3})\)|HTTP (\d{3})\b/.exec(result.message);
  return http ? (http[1] ?? http[2]!) : result.code;
}

/** A fetcher that counts what its fetches came to; take() gives the counts since the last take(). */
export function countingFetcher(inner: Fetcher): { readonly fetcher: Fetcher; take(): Record<string, number> } {
  let counts: Record<string, number> = {};
  const counted: Fetcher['fetch'] = async (url, options) => {
    const result = await inner.fetch(url, options);
    const status = fetchStatusOf(result);
    counts[status] = (counts[status] ?? 0) + 1;
    return result;
  };
  // Everything else the fetcher offers is passed through, bound to it.
  const fetcher = new Proxy(inner, {
    get(target, prop) {
      if (prop === 'fetch') return counted;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    fetcher,
    take() {
      const out = counts;
      counts = {};
      return out;
    },
  };
}
