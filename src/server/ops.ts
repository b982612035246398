// `GET /healthz` and `GET /metrics` on `tidings serve` (issue 16). /healthz: is the store
// reachable, and what was the last watch cycle (its time and outcome); 200 when healthy, 503 when
// the store does not answer or, while this process watches, no cycle has finished for three
// intervals. /metrics: the Prometheus text exposition format (version 0.0.4): articles by outcome,
// jobs queued/running/failed, cycle durations, fetches by status, from the store's cycle log
// (src/watch/cycle-log.ts, so any serve of the same database sees them) and this process's watch.

import type http from 'node:http';
import type { Database } from '../store/database.js';
import { CorruptRow } from '../store/stored-json.js';
import { cycleTotals, lastCycle, queuedJobStates, type CycleRecord } from '../watch/cycle-log.js';

/** What a watch running in this process (serve --watch) tells the endpoints. */
export interface LiveWatch {
  /** Jobs of the running cycle not started yet, and running now (the embedded store's in-process jobs). */
  readonly queued: number;
  readonly running: number;
  /** Jobs that failed in the last cycle. */
  readonly failedLastCycle: number;
  /** A cycle is running now. */
  readonly cycling: boolean;
  readonly lastCycle: CycleRecord | null;
  /** When the watch started, and its interval. */
  readonly startedAt: Date;
  readonly everyMs: number;
}

export interface OpsDeps {
  readonly db: Database;
  /** The watch in this process, or null (serve only). */
  readonly live?: (() => LiveWatch) | null;
  readonly now?: () => Date;
  /** How long the store may take to answer /healthz's query (default 2 s). */
  readonly storeTimeoutMs?: number;
}

export interface Ops {
  /** Answers /healthz or /metrics (GET or HEAD); false when the path is neither. */
  handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    segments: readonly string[],
    trailingSlash: boolean,
  ): Promise<boolean>;
}

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

const cycleJson = (c: CycleRecord) => ({
  startedAt: c.startedAt.toISOString(),
  finishedAt: c.finishedAt.toISOString(),
  outcome: c.outcome,
  durationSeconds: (c.finishedAt.getTime() - c.startedAt.getTime()) / 1000,
  new: c.newArticles,
  duplicate: c.duplicates,
  failed: c.failed,
  storiesTouched: c.storiesTouched,
  pagesRewritten: c.pagesRewritten,
});

/** null for a CorruptRow (a stored row of the wrong shape); any other error is thrown on. */
function unlessCorrupt(error: unknown): null {
  if (error instanceof CorruptRow) return null;
  throw error;
}

export function createOps({ db, live = null, now = () => new Date(), storeTimeoutMs = 2000 }: OpsDeps): Ops {
  const health = async (): Promise<{ status: number; body: unknown }> => {
    const problems: string[] = [];
    let reachable = true;
    let cycle: CycleRecord | null = null;
    try {
      await withTimeout(db.query('SELECT 1'), storeTimeoutMs);
      cycle = await withTimeout(lastCycle(db), storeTimeoutMs);
    } catch (error) {
      if (error instanceof CorruptRow) {
        problems.push(`the last watch cycle cannot be read: ${error.message}`);
      } else {
        reachable = false;
        problems.push(
          `the store (${db.kind}) does not answer: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    const watch = live?.() ?? null;
    if (watch !== null) {
      if (watch.lastCycle !== null && (cycle === null || watch.lastCycle.finishedAt > cycle.finishedAt))
        cycle = watch.lastCycle;
      const since = (watch.lastCycle?.finishedAt ?? watch.startedAt).getTime();
      const limitMs = 3 * watch.everyMs + 60_000;
      if (now().getTime() - since > limitMs)
        problems.push(
          `no watch cycle has finished for ${Math.round((now().getTime() - since) / 1000)} s (the interval is ${watch.everyMs / 1000} s)`,
        );
    }
    const healthy = problems.length === 0;
    return {
      status: healthy ? 200 : 503,
      body: {
        status: healthy ? 'ok' : 'unavailable',
        store: { kind: db.kind, reachable },
        watching: watch !== null,
        cycling: watch?.cycling ?? false,
        lastCycle:
          cycle === null
            ? null
            : {
                ...cycleJson(cycle),
                ageSeconds: Math.max(0, Math.round((now().getTime() - cycle.finishedAt.getTime()) / 1000)),
              },
        problems,
      },
    };
  };

  const metrics = async (): Promise<string> => {
    const families: Family[] = [];
    const watch = live?.() ?? null;
    let up = 1;
    try {
      const [count] = await withTimeout(
        db.query<{ n: string | number }>('SELECT count(*) AS n FROM articles'),
        storeTimeoutMs,
      );
      const totals = await withTimeout(cycleTotals(db), storeTimeoutMs);
      const queue = await withTimeout(queuedJobStates(db), storeTimeoutMs).catch(() => null);
      // A last cycle that cannot be read (/healthz names it) has no last-cycle gauges; the rest is reported.
      const last = watch?.lastCycle ?? (await withTimeout(lastCycle(db), storeTimeoutMs).catch(unlessCorrupt));
      families.push(
        gauge('tidings_articles_stored', 'Articles in the store.', [[{}, Number(count?.n ?? 0)]]),
        counter('tidings_articles_total', 'Articles handled by watch cycles, by outcome (new, duplicate, failed).', [
          [{ outcome: 'new' }, totals.newArticles],
          [{ outcome: 'duplicate' }, totals.duplicates],
          [{ outcome: 'failed' }, totals.failed],
        ]),
        gauge(
          'tidings_jobs',
          'Ingest jobs now: queued, running, and failed (PostgreSQL: failed for good and still in the queue; embedded store: in the last cycle).',
          [
            [{ state: 'queued' }, queue?.queued ?? watch?.queued ?? 0],
            [{ state: 'running' }, queue?.running ?? watch?.running ?? 0],
            [{ state: 'failed' }, queue?.failed ?? watch?.failedLastCycle ?? 0],
          ],
        ),
        counter(
          'tidings_cycles_total',
          'Watch cycles finished, by outcome (ok; failed: a job, the edition or the site failed; idle: nothing to store).',
          [
            [{ outcome: 'ok' }, totals.cycles.ok],
            [{ outcome: 'failed' }, totals.cycles.failed],
            [{ outcome: 'idle' }, totals.cycles.idle],
          ],
        ),
        summary(
          'tidings_cycle_duration_seconds',
          'Time watch cycles took.',
          totals.durationSeconds,
          totals.cycles.ok + totals.cycles.failed + totals.cycles.idle,
        ),
        gauge(
          'tidings_last_cycle_duration_seconds',
          'Time the last watch cycle took.',
          last ? [[{}, (last.finishedAt.getTime() - last.startedAt.getTime()) / 1000]] : [],
        ),
        gauge(
          'tidings_last_cycle_timestamp_seconds',
          'When the last watch cycle finished (Unix time).',
          last ? [[{}, last.finishedAt.getTime() / 1000]] : [],
        ),
        counter(
          'tidings_fetches_total',
          "The editor's fetches by status (HTTP status, 304 for a copy still fresh, or why no answer came).",
          Object.entries(totals.fetches).map(([status, n]) => [{ status }, n]),
        ),
        counter(
          'tidings_pages_rewritten_total',
          'Site files written because new or changed (unchanged ones are linked).',
          [[{}, totals.pagesRewritten]],
        ),
      );
    } catch {
      up = 0;
      if (watch !== null) {
        families.push(
          gauge('tidings_jobs', 'Ingest jobs now: queued, running, and failed in the last cycle.', [
            [{ state: 'queued' }, watch.queued],
            [{ state: 'running' }, watch.running],
            [{ state: 'failed' }, watch.failedLastCycle],
          ]),
        );
      }
    }
    families.unshift(gauge('tidings_store_up', 'Whether the store answered this scrape (1) or not (0).', [[{}, up]]));
    if (watch !== null)
      families.push(
        gauge('tidings_cycle_running', 'Whether a watch cycle is running in this process.', [
          [{}, watch.cycling ? 1 : 0],
        ]),
      );
    return renderExposition(families);
  };

  return {
    async handle(req, res, segments, trailingSlash) {
      if (segments.length !== 1 || trailingSlash || (segments[0] !== 'healthz' && segments[0] !== 'metrics'))
        return false;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, {
          Allow: 'GET, HEAD',
          'Content-Type': 'text/plain; charset=utf-8',
          'Cache-Control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : `Method ${req.method} not allowed\n`);
        return true;
      }
      if (segments[0] === 'healthz') {
        const { status, body } = await health();
        const bytes = Buffer.from(`${JSON.stringify(body)}\n`);
        res.writeHead(status, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': bytes.length,
          'Cache-Control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : bytes);
      } else {
        const bytes = Buffer.from(await metrics());
        res.writeHead(200, {
          'Content-Type': METRICS_CONTENT_TYPE,
          'Content-Length': bytes.length,
          'Cache-Control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : bytes);
      }
      return true;
    },
  };
}

// --- the text exposition format ---

type Labels = Readonly<Record<string, string>>;
type Sample = readonly [Labels, number];

export interface Family {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'gauge' | 'summary';
  /** Sample lines: a suffix of the name ('' or '_sum' / '_count'), labels, value. */
  readonly samples: ReadonlyArray<readonly [string, Labels, number]>;
}

const gauge = (name: string, help: string, samples: readonly Sample[]): Family => ({
  name,
  help,
  type: 'gauge',
  samples: samples.map(([l, v]) => ['', l, v] as const),
});
const counter = (name: string, help: string, samples: readonly Sample[]): Family => ({
  name,
  help,
  type: 'counter',
  samples: samples.map(([l, v]) => ['', l, v] as const),
});
const summary = (name: string, help: string, sum: number, count: number): Family => ({
  name,
  help,
  type: 'summary',
  samples: [
    ['_sum', {}, sum],
    ['_count', {}, count],
  ],
});

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const escapeHelp = (text: string) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
const escapeLabel = (text: string) => text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return '+Inf';
  if (v === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(v);
}

/** The families as Prometheus text (HELP, TYPE, then the samples; one family's lines together). */
export function renderExposition(families: readonly Family[]): string {
  const lines: string[] = [];
  for (const f of families) {
    if (!METRIC_NAME.test(f.name)) throw new Error(`metric name "${f.name}" is not valid`);
    lines.push(`# HELP ${f.name} ${escapeHelp(f.help)}`, `# TYPE ${f.name} ${f.type}`);
    for (const [suffix, labels, value] of f.samples) {
      const pairs = Object.entries(labels).map(([k, v]) => {
        if (!LABEL_NAME.test(k) || k.startsWith('__')) throw new Error(`label name "${k}" is not valid`);
        return `${k}="${escapeLabel(v)}"`;
      });
      lines.push(`${f.name}${suffix}${pairs.length ? `{${pairs.join(',')}}` : ''} ${formatValue(value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
