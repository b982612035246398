// `tidings watch [--once]`: the editor. Each cycle: the sources' inputs are cut into jobs (one page,
// file or feed item each, src/queue/plan.ts) and queued; the cycle waits for them (running them
// itself when no worker is alive, and always with the embedded store, which no other process can
// reach); then the stories and the latest edition and site, as `tidings run` writes them. One line
// per cycle. Only one editor at a time: a PostgreSQL advisory lock (the embedded store's own lock
// already keeps a second process out).

import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import pg from 'pg';
import type { Config } from '../config.js';
import { EXIT_CODES } from '../errors.js';
import { failedOutput, runIngestJob, type IngestJobData, type JobDeps, type JobOutput } from '../queue/ingest-job.js';
import { openJobQueue, queueOptionsFromEnv, type JobQueue } from '../queue/job-queue.js';
import type { CyclePlan } from '../queue/plan.js';
import { acceptPolled, pollDueSources, watchedSources } from '../watch/poll.js';
import { renderSchedule, scheduleLines } from '../watch/schedule-report.js';
import { createSourceSchedule } from '../watch/schedule.js';
import { ingestDepsOf, makeFetcher, openRun, storesOf, type App, type LoadedRegistry } from './app.js';
import { buildSiteStep } from './build-command.js';
import { countingFetcher, recordCycle, type CycleRecord } from '../watch/cycle-log.js';
import type { LiveWatch } from '../server/ops.js';
import { writeEdition } from './edition-commands.js';
import type { Io } from './io.js';
import { collectHosts, registryOrExamples, withStore } from './command-support.js';
import { createNapper } from '../watch/nap.js';

/** The shortest sleep between two cycles (a source due at once does not make the loop spin). */
const MIN_CYCLE_GAP_MS = 10_000;

/** pg_advisory_lock(EDITOR_LOCK_KEY): held by the one `watch` editing this database. */
const EDITOR_LOCK_KEY = 0x7469_6432; // 'tid2'

export interface WatchCommandContext {
  withConfig(fn: (config: Config) => Promise<number>): Promise<void>;
  readonly io: Io;
}

export interface WatchOptions {
  once?: boolean;
  schedule?: boolean;
  every: number;
  fetch: boolean;
  out?: string;
  baseUrl?: string;
  allowHost?: string[];
}

export function watchCommand(program: Command, ctx: WatchCommandContext): void {
  program
    .command('watch')
    .description(
      'poll the sources, queue one job per page or feed item, wait for them (run by `tidings worker`s, or here when none is running), then group stories and write the latest edition and site, as `run` does',
    )
    .option('--once', 'one cycle, then exit with its exit code (as `run`)')
    .option(
      '--schedule',
      'print when each source is polled next and why (its interval, TTL, max-age, back-off, Retry-After), then exit; polls nothing',
    )
    .option(
      '--every <minutes>',
      "minutes between two polls of a source without its own `every:` in sources.yaml, and at most between two cycles (default 15; a cycle starts as soon as the first source is due); a feed's TTL or an answer's max-age may lengthen it; a source that cannot be read waits 2, 4, 8 ... times as long (at most 6 hours), or as long as its Retry-After asks",
      (v) => Number.parseFloat(v),
      15,
    )
    .option('--no-fetch', 'never use the network')
    .option('--out <dir>', 'where the site is written (default ./site)')
    .option('--base-url <url>', "the site's public address (default http://127.0.0.1:8080/)")
    .option(
      '--allow-host <host>',
      'a host that may be fetched although loopback or private; repeat it or separate hosts with commas',
      collectHosts,
    )
    .action(async (opts: WatchOptions) =>
      ctx.withConfig(async (config) => {
        if (!(opts.every > 0)) {
          ctx.io.err('tidings watch: --every must be a positive number of minutes\n');
          return EXIT_CODES.config_error;
        }
        if (opts.schedule) return withStore(config, ctx.io, (app) => printSchedule(app, opts, ctx.io));
        return withStore(config, ctx.io, (app) => watch(app, opts, ctx.io));
      }),
    );
}

/** What a watch in progress knows about itself: for /healthz and /metrics (serve --watch). */
export interface WatchState extends LiveWatch {
  queued: number;
  running: number;
  failedLastCycle: number;
  cycling: boolean;
  lastCycle: CycleRecord | null;
  /** Set by a cycle that ran jobs (the store may have changed): its counts. */
  tail: { new: number; duplicate: number; failed: number; stories: number; pagesRewritten: number } | null;
}

export interface Watcher {
  readonly live: WatchState;
  /** One cycle, recorded in the store's cycle log; `changed` when it ran jobs. Never throws. */
  runCycle(): Promise<{ code: number; changed: boolean }>;
  /** How long to sleep before the next cycle: until the first source is due, at least 10 s, at most --every. Never throws. */
  untilNextCycleMs(): Promise<number>;
  close(): Promise<void>;
}

/** The editor's lock, queue, fetcher and job handler, ready to run cycles (watch, serve --watch). */
export async function openWatcher(app: App, opts: WatchOptions, io: Io): Promise<Watcher | number> {
  const registry = await registryOrExamples(app.config, io);
  if (registry === 'error') return EXIT_CODES.config_error;
  const server = app.config.database.kind === 'postgres' ? app.config.database.url : null;
  const editor = server === null ? null : await takeEditorLock(server, io);
  const counting = opts.fetch ? countingFetcher(makeFetcher(app.config, opts.allowHost ?? [])) : null;
  const fetcher = counting?.fetcher ?? null;
  let queue: JobQueue | null = null;
  try {
    if (server !== null) queue = await openJobQueue(server, queueOptionsFromEnv());
  } catch (error) {
    await fetcher?.close();
    await editor?.end().catch(() => undefined);
    throw error;
  }
  const deps = ingestDepsOf(app, registry, fetcher);
  const live: WatchState = {
    queued: 0,
    running: 0,
    failedLastCycle: 0,
    cycling: false,
    lastCycle: null,
    startedAt: new Date(),
    everyMs: opts.every * 60_000,
    tail: null,
  };
  return {
    live,
    async runCycle() {
      live.cycling = true;
      live.tail = null;
      const startedAt = new Date();
      let code: number;
      try {
        code = await cycle(app, registry, deps, queue, opts, io, live);
      } catch (error) {
        io.err(`tidings watch: the cycle failed: ${error instanceof Error ? error.message : String(error)}\n`);
        code = EXIT_CODES.internal_error;
      }
      const tail = live.tail as WatchState['tail']; // set by cycle() meanwhile
      const record: CycleRecord = {
        startedAt,
        finishedAt: new Date(),
        outcome: code !== 0 ? 'failed' : tail === null ? 'idle' : 'ok',
        newArticles: tail?.new ?? 0,
        duplicates: tail?.duplicate ?? 0,
        failed: tail?.failed ?? 0,
        storiesTouched: tail?.stories ?? 0,
        pagesRewritten: tail?.pagesRewritten ?? 0,
        fetches: counting?.take() ?? {},
      };
      await recordCycle(app.db, record).catch((error: unknown) =>
        io.err(
          `tidings watch: cannot record the cycle in the store: ${error instanceof Error ? error.message : String(error)}\n`,
        ),
      );
      Object.assign(live, { lastCycle: record, failedLastCycle: record.failed, cycling: false, queued: 0, running: 0 });
      return { code, changed: tail !== null };
    },
    async untilNextCycleMs() {
      const everyMs = opts.every * 60_000;
      try {
        const at = await createSourceSchedule(app.db).earliestDue(
          watchedSources(registry.entries, everyMs),
          new Date(),
        );
        return at === null ? everyMs : Math.min(everyMs, Math.max(MIN_CYCLE_GAP_MS, at.getTime() - Date.now()));
      } catch {
        return everyMs;
      }
    },
    async close() {
      await queue?.close().catch(() => undefined);
      await fetcher?.close();
      await editor?.end().catch(() => undefined);
    },
  };
}

async function watch(app: App, opts: WatchOptions, io: Io): Promise<number> {
  const watcher = await openWatcher(app, opts, io);
  if (typeof watcher === 'number') return watcher;
  let stopping = false;
  const napper = createNapper();
  const onSignal = () => {
    if (!stopping) io.err('tidings watch: stopping after this cycle\n');
    stopping = true;
    napper.wake();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  try {
    let code = 0;
    for (;;) {
      code = (await watcher.runCycle()).code;
      if (opts.once || stopping) return code;
      await napper.nap(await watcher.untilNextCycleMs());
      if (stopping) return code;
    }
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await watcher.close();
  }
}

/** `watch --schedule`: the store's schedule for the registry's sources (src/watch/schedule-report.ts). */
async function printSchedule(app: App, opts: WatchOptions, io: Io): Promise<number> {
  const registry = await registryOrExamples(app.config, io);
  if (registry === 'error') return EXIT_CODES.config_error;
  const sources = watchedSources(registry.entries, opts.every * 60_000);
  const rows = await createSourceSchedule(app.db).rows(sources.map((s) => s.key));
  io.out(renderSchedule(scheduleLines(sources, rows, new Date())));
  return 0;
}

/** The editor lock, on a connection of its own (released when it closes, or when the process dies). */
async function takeEditorLock(url: string, io: Io): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  const [row] = (await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1, 0) AS got', [EDITOR_LOCK_KEY]))
    .rows;
  if (row?.got) return client;
  const [holder] = (
    await client.query<{ pid: number; client_addr: string | null; backend_start: Date }>(
      `SELECT a.pid, a.client_addr::text AS client_addr, a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.classid = $1 AND l.objid = 0 AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [EDITOR_LOCK_KEY],
    )
  ).rows;
  const who = holder
    ? ` (server backend ${holder.pid}${holder.client_addr ? ` from ${holder.client_addr}` : ''}, since ${holder.backend_start.toISOString()})`
    : '';
  io.err(`tidings watch: another watch is the editor of this database${who}; waiting for it to finish\n`);
  await client.query('SELECT pg_advisory_lock($1, 0)', [EDITOR_LOCK_KEY]);
  io.err('tidings watch: the other watch finished; going on\n');
  return client;
}

async function cycle(
  app: App,
  registry: LoadedRegistry,
  deps: JobDeps,
  queue: JobQueue | null,
  opts: WatchOptions,
  io: Io,
  live: WatchState,
): Promise<number> {
  const started = Date.now();
  const now = new Date(started);
  // Which sources are due, each read once (conditional GET) and cut into jobs: src/watch/poll.ts.
  const schedule = createSourceSchedule(app.db);
  const polled = await pollDueSources(
    watchedSources(registry.entries, opts.every * 60_000),
    { schedule, fetcher: deps.fetcher, maxBytes: deps.maxBytes, findSource: deps.findSource },
    now,
  );
  const waiting = polled.total - polled.due;
  if (polled.due === 0) {
    io.out(`watch cycle ${now.toISOString()}: no source due (${waiting} waiting); edition and site left as they are\n`);
    return 0;
  }
  if (waiting > 0)
    io.err(`tidings watch: ${waiting} of ${polled.total} ${polled.total === 1 ? 'source' : 'sources'} not due yet\n`);
  for (const u of polled.unreadable) {
    io.err(
      `tidings watch: source "${u.key}" could not be read (${u.failures} in a row); next try ${u.next.toISOString()}${u.reason === 'retry-after' ? ', as its Retry-After asks' : ''}\n`,
    );
  }
  const plan: CyclePlan = polled.plan;
  if (plan.first.length + plan.later.length === 0) {
    // Nothing to store (every source read was as before, or could not be read): no edition or site work.
    await acceptPolled(schedule, polled.toAccept);
    for (const f of plan.failures) io.err(`  - ${f}\n`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.out(
      `watch cycle ${now.toISOString()}: 0 new, 0 duplicate, ${plan.failures.length} failed, ${polled.notModified} not modified, 0 stories touched, 0 pages rewritten, ${seconds} s; nothing new, edition and site left as they are\n`,
    );
    return plan.failures.length > 0 ? 1 : 0;
  }
  const outputs: JobOutput[] = plan.failures.map((f) => failedOutput(f));
  let gaveUp: string[] = [];
  for (const phase of [plan.first, plan.later]) {
    if (phase.length === 0) continue;
    if (queue === null) {
      live.queued += phase.length;
      for (const job of phase) {
        live.queued--;
        live.running = 1;
        outputs.push(await runHere(job, deps));
        live.running = 0;
      }
    } else {
      const result = await runQueued(queue, randomUUID(), phase, deps, io);
      outputs.push(...result.completed);
      gaveUp = [...gaveUp, ...result.failed];
    }
  }
  await acceptPolled(schedule, polled.toAccept);
  const sum = (k: 'new' | 'duplicate' | 'failed') => outputs.reduce((n, o) => n + o[k], 0);
  const counts = { new: sum('new'), duplicate: sum('duplicate'), failed: sum('failed') + gaveUp.length };
  for (const o of outputs) for (const f of o.failures) io.err(`  - ${f}\n`);
  for (const f of gaveUp) io.err(`  - a job failed on every try: ${f}\n`);
  for (const n of [...plan.notices, ...outputs.flatMap((o) => o.notices)]) io.err(`  note: ${n}\n`);

  // The latest day's edition, and any earlier day a late article of this cycle counts on.
  const stored = [...new Set(outputs.flatMap((o) => o.articleIds))];
  // One run for the cycle's edition and site (src/pipeline/run.ts), built by the composition root.
  // (A run that cannot be opened is reported by writeEdition, which tries again and says why.)
  const opened = await openRun(app);
  const shared = opened.ok ? { opened: opened.value } : {};
  const edition = await writeEdition(app, io, { articleIds: stored, ...shared });
  // The site is built beside the one served and switched in at once (src/publish/site/atomic-site.ts);
  // only files whose content changed are written.
  const site =
    edition === 0
      ? await buildSiteStep(app, io, { out: opts.out, baseUrl: opts.baseUrl, atomic: true, ...shared })
      : { code: 0, swap: null };
  const pagesRewritten = site.swap?.rewritten ?? 0;
  const { stories } = storesOf(app);
  const touched = new Set<string>();
  for (const id of stored) {
    const story = await stories.storyOfArticle(id);
    if (story !== null) touched.add(story);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.out(
    `watch cycle ${new Date(started).toISOString()}: ${counts.new} new, ${counts.duplicate} duplicate, ${counts.failed} failed, ${polled.notModified} not modified, ${touched.size} ${touched.size === 1 ? 'story' : 'stories'} touched, ${pagesRewritten} ${pagesRewritten === 1 ? 'page' : 'pages'} rewritten, ${seconds} s\n`,
  );
  live.tail = {
    new: counts.new,
    duplicate: counts.duplicate,
    failed: counts.failed,
    stories: touched.size,
    pagesRewritten,
  };
  return counts.failed > 0 || edition !== 0 || site.code !== 0 ? 1 : 0;
}

async function runHere(job: IngestJobData, deps: JobDeps): Promise<JobOutput> {
  try {
    return (await runIngestJob(job, deps)).output;
  } catch (error) {
    return failedOutput(
      `${job.kind === 'input' ? job.input : job.feed}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Queues a phase's jobs and waits until every one is finished for good. While no worker is alive
 * (none started, or all gone), watch takes jobs itself, so a cycle never waits on nobody.
 */
async function runQueued(
  queue: JobQueue,
  cycleId: string,
  jobs: readonly IngestJobData[],
  deps: JobDeps,
  io: Io,
): Promise<{ completed: readonly JobOutput[]; failed: readonly string[] }> {
  await queue.enqueue(cycleId, jobs);
  let said = false;
  for (;;) {
    const progress = await queue.progress(cycleId);
    if (progress.pending === 0) return progress;
    if ((await queue.workersAlive()) > 0) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    if (!said) {
      io.err('tidings watch: no worker is running: running the jobs here\n');
      said = true;
    }
    const job = await queue.take();
    if (job === null) {
      // Every job left is in hand elsewhere (a worker that died holds it until its lease expires).
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      const { output } = await runIngestJob(job.data, deps);
      await queue.complete(job.id, output);
    } catch (error) {
      await queue.fail(job.id, error instanceof Error ? error.message : String(error)).catch(() => undefined);
    }
  }
}
