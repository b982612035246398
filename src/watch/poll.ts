// One watch cycle's polling step (issue 16): which sources are due, each due source read once and
// cut into jobs (src/queue/plan.ts), and its next poll recorded (src/watch/schedule.ts).
//
// A URL source is fetched here, through the polite fetcher with its conditional GET (ETag,
// Last-Modified, kept with the body in the fetcher's disk cache). When the body is the one whose
// jobs last all finished (a 304 answered from the cache, or a 200 with the same bytes), nothing is
// queued: no extract, no store, and the source counts as not modified. The body is accepted
// (`acceptPolled`) only once its jobs are finished, so a cycle cut short plans it again next time.
// Files and directories are planned as `ingest` reads them, every time they are due.

import { createHash } from 'node:crypto';
import type { Fetcher } from '../fetch/fetcher.js';
import { retryAfterOf } from '../fetch/http-status.js';
import { planCycle, planFetchedUrl, type CyclePlan } from '../queue/plan.js';
import type { SourceEntry } from '../sources/registry.js';
import { everyMs } from '../sources/every.js';
import { feedRefreshHint, maxAgeMs, retryAfterMs, type PollHints, type PollReason } from './poll-rules.js';
import type { PollRecord, SourceSchedule } from './schedule.js';

/**
 * How many due sources are read at once. The fetcher still paces each host and caps requests in
 * flight; many lanes let one host's pacing wait (robots.txt, then the feed a second later) overlap
 * the others' instead of holding a lane.
 */
const PARALLEL_POLLS = 128;

export interface WatchedSource {
  readonly key: string;
  /** A URL or an absolute path. */
  readonly location: string;
  readonly intervalMs: number;
}

export interface PollDeps {
  readonly schedule: SourceSchedule;
  readonly fetcher: Fetcher | null;
  readonly maxBytes: number;
  findSource(location: string): SourceEntry | null;
}

/** A source that could not be read at all, and when it is tried again. */
export interface Unreadable {
  readonly key: string;
  readonly problem: string;
  readonly failures: number;
  readonly next: Date;
  readonly reason: PollReason;
}

export interface PollResult {
  /** The jobs of every source read, in the sources' order. */
  readonly plan: CyclePlan;
  readonly total: number;
  readonly due: number;
  /** Sources read (due and polled), whatever the outcome. */
  readonly polled: number;
  /** Sources read whose body had not changed: nothing queued for them. */
  readonly notModified: number;
  readonly unreadable: readonly Unreadable[];
  /** Bodies to accept once the cycle's jobs are finished. */
  readonly toAccept: readonly { readonly key: string; readonly hash: string }[];
}

/** The registry's sources as watch polls them: `every:` when given, else watch's --every. */
export function watchedSources(entries: readonly SourceEntry[], defaultIntervalMs: number): WatchedSource[] {
  return entries
    .map((e) => ({ key: e.id, location: e.url ?? e.path ?? '', intervalMs: everyMs(e.every) ?? defaultIntervalMs }))
    .filter((s) => s.location !== '');
}

export async function pollDueSources(
  sources: readonly WatchedSource[],
  deps: PollDeps,
  now: Date,
): Promise<PollResult> {
  const due = await deps.schedule.due(sources, now);
  const dueSources = sources.filter((s) => due.has(s.key));
  const known = await deps.schedule.rows(dueSources.map((s) => s.key));
  const results = await mapLimited(dueSources, PARALLEL_POLLS, (source) =>
    pollOne(source, known.get(source.key)?.contentHash ?? null, deps, now),
  );
  const recorded = await deps.schedule.recordMany(
    results.map((r) => ({ key: r.key, poll: r.poll, failuresBefore: known.get(r.key)?.failures ?? 0 })),
  );
  const plan: CyclePlan = { first: [], later: [], failures: [], notices: [] };
  for (const r of results) {
    plan.first.push(...r.plan.first);
    plan.later.push(...r.plan.later);
    plan.failures.push(...r.plan.failures);
    plan.notices.push(...r.plan.notices);
  }
  return {
    plan,
    total: sources.length,
    due: dueSources.length,
    polled: results.length,
    notModified: results.filter((r) => r.notModified).length,
    unreadable: results.flatMap((r) =>
      r.poll.problem === null ? [] : [{ key: r.key, problem: r.poll.problem, ...recorded.get(r.key)! }],
    ),
    toAccept: results.flatMap((r) => (r.hash === null ? [] : [{ key: r.key, hash: r.hash }])),
  };
}

/** Records that the jobs of these bodies are finished: the same body next time queues nothing. */
export async function acceptPolled(schedule: SourceSchedule, toAccept: PollResult['toAccept']): Promise<void> {
  await schedule.acceptMany(toAccept);
}

interface OneResult {
  readonly key: string;
  readonly plan: CyclePlan;
  readonly notModified: boolean;
  readonly hash: string | null;
  /** What to record for it (all of a cycle's polls are recorded together). */
  readonly poll: PollRecord;
}

const EMPTY: CyclePlan = { first: [], later: [], failures: [], notices: [] };

async function pollOne(source: WatchedSource, lastHash: string | null, deps: PollDeps, now: Date): Promise<OneResult> {
  if (/^https?:\/\//i.test(source.location) && deps.fetcher !== null) {
    const fetched = await deps.fetcher.fetch(source.location);
    if (!fetched.ok) {
      const plan: CyclePlan = { ...EMPTY, failures: [fetched.message] };
      const hints: PollHints = { retryAfterMs: retryAfterMs(retryAfterOf(fetched), now) };
      return {
        key: source.key,
        plan,
        notModified: false,
        hash: null,
        poll: { problem: fetched.message, intervalMs: source.intervalMs, now, hints },
      };
    }
    const answer = fetched.value;
    const poll: PollRecord = {
      problem: null,
      intervalMs: source.intervalMs,
      now,
      hints: { feed: feedRefreshHint(answer.text), maxAgeMs: maxAgeMs(answer.cacheControl) },
    };
    const hash = createHash('sha256').update(answer.bytes).digest('hex');
    if (hash === lastHash) return { key: source.key, plan: EMPTY, notModified: true, hash: null, poll };
    return { key: source.key, plan: planFetchedUrl(source.location, answer), notModified: false, hash, poll };
  }
  const plan = await planCycle([source.location], {
    fetcher: deps.fetcher,
    maxBytes: deps.maxBytes,
    findSource: deps.findSource,
  });
  const problem = plan.first.length + plan.later.length === 0 && plan.failures.length > 0 ? plan.failures[0]! : null;
  return {
    key: source.key,
    plan,
    notModified: false,
    hash: null,
    poll: { problem, intervalMs: source.intervalMs, now },
  };
}

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  });
  await Promise.all(lanes);
  return out;
}
