// `tidings worker [--concurrency N]`: takes ingest jobs from the queue in PostgreSQL (decision
// 0014) and runs each through the ingest pipeline. SIGTERM (or Ctrl-C) stops taking jobs, lets the
// ones in hand finish, and exits 0 with `processed N jobs` as the last line.

import type { Command } from 'commander';
import type { Config } from '../config.js';
import { EXIT_CODES } from '../errors.js';
import { describeJob, runIngestJob } from '../queue/ingest-job.js';
import { openJobQueue, queueOptionsFromEnv, type JobQueue } from '../queue/job-queue.js';
import { ingestDepsOf, makeFetcher, type App, type LoadedRegistry } from './app.js';
import { collectHosts, optionalRegistry, withStore } from './command-support.js';
import type { Io } from './io.js';

export interface WorkerCommandContext {
  withConfig(fn: (config: Config) => Promise<number>): Promise<void>;
  readonly io: Io;
}

export function workerCommand(program: Command, ctx: WorkerCommandContext): void {
  program
    .command('worker')
    .description(
      'take ingest jobs (one page or feed item each) from the queue in PostgreSQL; needs TIDINGS_DATABASE_URL. SIGTERM finishes the jobs in hand and exits 0',
    )
    .option('--concurrency <n>', 'jobs at a time (default 1)', (v) => Number.parseInt(v, 10), 1)
    .option('--no-fetch', 'never use the network (feed items without full text fail)')
    .option(
      '--allow-host <host>',
      'a host that may be fetched although loopback or private; repeat it or separate hosts with commas',
      collectHosts,
    )
    .action(async (opts: { concurrency: number; fetch: boolean; allowHost?: string[] }) =>
      ctx.withConfig(async (config) => {
        if (!Number.isInteger(opts.concurrency) || opts.concurrency < 1 || opts.concurrency > 64) {
          ctx.io.err('tidings worker: --concurrency must be a whole number from 1 to 64\n');
          return EXIT_CODES.config_error;
        }
        if (config.database.kind !== 'postgres') {
          ctx.io.err(
            'tidings worker: needs a PostgreSQL server. The store here is the embedded one (PGlite), which lives inside one process and cannot be reached by other processes, so it cannot hold a job queue that workers share. ' +
              'Set TIDINGS_DATABASE_URL (or --database-url) to a postgres:// URL; with the embedded store, `tidings watch` runs its jobs itself.\n',
          );
          return EXIT_CODES.config_error;
        }
        return withStore(config, ctx.io, async (app) => {
          const registry = await optionalRegistry(config, ctx.io);
          if (registry === 'error') return EXIT_CODES.config_error;
          return runWorker(app, registry, opts, ctx.io);
        });
      }),
    );
}

async function runWorker(
  app: App,
  registry: LoadedRegistry | null,
  opts: { concurrency: number; fetch: boolean; allowHost?: string[] },
  io: Io,
): Promise<number> {
  const url = (app.config.database as { url: string }).url;
  let queue: JobQueue;
  try {
    queue = await openJobQueue(url, queueOptionsFromEnv());
  } catch (error) {
    io.err(
      `tidings worker: cannot open the job queue at ${app.db.location}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT_CODES.store_error;
  }
  const fetcher = opts.fetch ? makeFetcher(app.config, opts.allowHost ?? []) : null;
  const deps = ingestDepsOf(app, registry, fetcher);
  let stopping = false;
  let wake: () => void = () => undefined;
  const stop = (signal: string) => () => {
    if (!stopping) io.err(`tidings worker: ${signal}: finishing the jobs in hand, taking no more\n`);
    stopping = true;
    wake();
  };
  const onTerm = stop('SIGTERM');
  const onInt = stop('SIGINT');
  process.on('SIGTERM', onTerm);
  process.on('SIGINT', onInt);
  let processed = 0;
  let failedJobs = 0;
  try {
    await queue.announceWorker();
    io.err(`tidings worker: pid ${process.pid}, ${opts.concurrency} at a time, on ${app.db.location}\n`);
    const loop = async (): Promise<void> => {
      while (!stopping) {
        const job = await queue.take();
        if (job === null) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, 500);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          continue;
        }
        const name = describeJob(job.data);
        try {
          const { output } = await runIngestJob(job.data, deps);
          // Completed only once its effect is committed: a worker killed before this line leaves
          // the job to be run again when its lease expires.
          await queue.complete(job.id, output);
          processed++;
          const parts = [
            output.new ? `${output.new} new` : '',
            output.duplicate ? `${output.duplicate} duplicate` : '',
            output.failed ? `${output.failed} failed` : '',
          ].filter(Boolean);
          io.err(`tidings worker: ${name}: ${parts.join(', ') || 'nothing stored'}\n`);
        } catch (error) {
          // Not the item's fault (the store went away, a bug): the job is tried again, by any worker.
          failedJobs++;
          const message = error instanceof Error ? error.message : String(error);
          io.err(`tidings worker: ${name}: job failed, to be retried: ${message}\n`);
          await queue.fail(job.id, message).catch(() => undefined);
        }
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, loop));
  } finally {
    process.off('SIGTERM', onTerm);
    process.off('SIGINT', onInt);
    await queue.close().catch(() => undefined);
    await fetcher?.close();
  }
  io.out(
    `processed ${processed} jobs${failedJobs > 0 ? ` (${failedJobs} more failed and were left to be retried)` : ''}\n`,
  );
  return 0;
}
