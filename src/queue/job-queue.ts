// The ingest job queue (decision 0014): pg-boss in the store's own PostgreSQL database. This is the
// only file that imports pg-boss. Jobs are taken one at a time under a lease; a job is completed
// only after its effect is committed, so a worker killed mid-job leaves it to be retried when its
// lease runs out. Workers announce themselves with a shared advisory lock held on a connection of
// their own: a worker that dies (even by SIGKILL) loses its connection and with it the lock, so
// `watch` can tell whether anyone is taking its jobs.

import pg from 'pg';
import PgBoss from 'pg-boss';
import { type IngestJobData, type JobOutput, parseJobData, parseJobOutput } from './ingest-job.js';

export const INGEST_QUEUE = 'tidings-ingest';
/** pg_advisory_lock_shared(WORKERS_LOCK_KEY, 0) is held by every running worker. */
const WORKERS_LOCK_KEY = 0x7469_6431; // 'tid1'

export interface TakenJob {
  readonly id: string;
  readonly data: IngestJobData & { readonly cycle: string };
}

export interface CycleProgress {
  /** Jobs not yet finished for good: waiting, retrying or in a worker's hands. */
  readonly pending: number;
  readonly completed: readonly JobOutput[];
  /** Jobs that failed for good (every retry used), with the last error. */
  readonly failed: readonly string[];
}

export interface JobQueueOptions {
  /** How long a taken job is a worker's before it is given to another (seconds). */
  readonly leaseSeconds: number;
  /** How many times a job whose worker failed or vanished is tried again. */
  readonly retryLimit: number;
}

export interface JobQueue {
  enqueue(cycle: string, jobs: readonly IngestJobData[]): Promise<number>;
  take(): Promise<TakenJob | null>;
  complete(id: string, output: JobOutput): Promise<void>;
  fail(id: string, message: string): Promise<void>;
  progress(cycle: string): Promise<CycleProgress>;
  /** How many workers hold the worker lock now (on any machine). */
  workersAlive(): Promise<number>;
  /** Hold the worker lock until close(). */
  announceWorker(): Promise<void>;
  close(): Promise<void>;
}

/** The lease from TIDINGS_JOB_LEASE_SECONDS (default 600), for tests that kill workers. */
export function queueOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): JobQueueOptions {
  const raw = env.TIDINGS_JOB_LEASE_SECONDS;
  const lease = raw === undefined || raw === '' ? 600 : Number(raw);
  if (!Number.isInteger(lease) || lease < 1 || lease > 23 * 3600) {
    throw new Error(`TIDINGS_JOB_LEASE_SECONDS "${raw}" is not a whole number of seconds between 1 and 82800`);
  }
  return { leaseSeconds: lease, retryLimit: 3 };
}

export async function openJobQueue(url: string, options: JobQueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: url,
    max: 3,
    // Expired leases are looked for at least twice per lease, and at least every minute.
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(options.leaseSeconds / 2))),
  });
  let lastError: unknown = null;
  boss.on('error', (error) => {
    lastError = error;
  });
  // Setting up pg-boss's schema and our queue, one process at a time: several workers started
  // together on a fresh database otherwise deadlock in pg-boss's installation ("deadlock detected").
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  try {
    await setup.query('SELECT pg_advisory_lock($1, 1)', [WORKERS_LOCK_KEY]);
    await boss.start();
    if ((await boss.getQueue(INGEST_QUEUE)) === null) {
      await boss.createQueue(INGEST_QUEUE, {
        name: INGEST_QUEUE,
        retryLimit: options.retryLimit,
        expireInSeconds: options.leaseSeconds,
      });
    }
  } finally {
    await setup.end().catch(() => undefined);
  }
  // Each process's lease: the queue's default is what the first process set; jobs carry their own.
  const db = boss.getDb();
  const sql = async <T>(text: string, values: readonly unknown[] = []): Promise<T[]> =>
    ((await db.executeSql(text, [...values])) as { rows: T[] }).rows;
  let workerClient: pg.Client | null = null;
  void lastError;

  return {
    async enqueue(cycle, jobs) {
      if (jobs.length === 0) return 0;
      const rows = jobs.map((data) => ({
        name: INGEST_QUEUE,
        data: { ...data, cycle },
        retryLimit: options.retryLimit,
        expireInSeconds: options.leaseSeconds,
      }));
      // In batches: one INSERT of a few hundred rows at a time.
      for (let i = 0; i < rows.length; i += 500) await boss.insert(rows.slice(i, i + 500));
      return rows.length;
    },
    async take() {
      for (;;) {
        const [job] = await boss.fetch<unknown>(INGEST_QUEUE, { batchSize: 1 });
        if (job === undefined) return null;
        const data = parseJobData(job.data, job.id);
        if (data.ok) return { id: job.id, data: data.value };
        // Not a job any worker can run: failed with the reason (retried like any failure, so a
        // row mended meanwhile still runs), and the next one taken; the cycle counts it as failed.
        await boss.fail(INGEST_QUEUE, job.id, { message: data.problem });
      }
    },
    async complete(id, output) {
      await boss.complete(INGEST_QUEUE, id, output as unknown as object);
    },
    async fail(id, message) {
      await boss.fail(INGEST_QUEUE, id, { message });
    },
    async progress(cycle) {
      const rows = await sql<{ id: string; state: string; output: unknown }>(
        `SELECT id, state, output FROM pgboss.job WHERE name = $1 AND data->>'cycle' = $2
         UNION ALL SELECT id, state, output FROM pgboss.archive WHERE name = $1 AND data->>'cycle' = $2`,
        [INGEST_QUEUE, cycle],
      );
      let pending = 0;
      const completed: JobOutput[] = [];
      const failed: string[] = [];
      for (const row of rows) {
        if (row.state === 'completed') {
          const output = parseJobOutput(row.output, String(row.id));
          if (output.ok) completed.push(output.value);
          else failed.push(output.problem);
        } else if (row.state === 'failed' || row.state === 'cancelled') failed.push(errorMessage(row.output));
        else pending++;
      }
      return { pending, completed, failed };
    },
    async workersAlive() {
      const [row] = await sql<{ n: string }>(
        `SELECT count(*) AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
         WHERE l.locktype = 'advisory' AND l.classid = $1 AND l.objid = 0 AND l.objsubid = 2 AND l.granted AND d.datname = current_database()`,
        [WORKERS_LOCK_KEY],
      );
      return Number(row?.n ?? 0);
    },
    async announceWorker() {
      if (workerClient !== null) return;
      workerClient = new pg.Client({ connectionString: url });
      workerClient.on('error', () => undefined);
      await workerClient.connect();
      await workerClient.query('SELECT pg_advisory_lock_shared($1, 0)', [WORKERS_LOCK_KEY]);
    },
    async close() {
      await boss.stop({ graceful: false, wait: true, close: true });
      await workerClient?.end().catch(() => undefined);
      workerClient = null;
    },
  };
}

function errorMessage(output: unknown): string {
  if (output !== null && typeof output === 'object') {
    const o = output as { message?: unknown; value?: { message?: unknown } };
    if (typeof o.message === 'string') return o.message;
    if (o.value && typeof o.value.message === 'string') return o.value.message;
  }
  return JSON.stringify(output);
}
