// Worker threads that compute the API's answers (compute-tasks.ts), so writing a digest never
// blocks the server's event loop. Each worker takes one task at a time once it has loaded its
// modules; tasks wait in order for a free worker (the API's gate bounds how many can wait). A task
// past its time limit (counted from when a worker took it) has its worker terminated and replaced,
// so a pathological input costs one timeout, not the server; a worker that crashes (or runs out of
// its memory limit) is replaced. One that dies before it is ready fails the waiting tasks instead
// of being restarted in a loop.

import { Worker } from 'node:worker_threads';
import type { Rubric } from '../rank/rubric.js';
import type { ComputeTask, TaskReply } from './compute-tasks.js';

/** The task ran past the pool's time limit; its worker was terminated. */
export class ComputeTimeout extends Error {}
/** The task threw, or its worker died, or the pool was closed; the message has the details. */
export class ComputeFailed extends Error {}

export interface ComputePoolOptions {
  readonly rubric: Rubric;
  /** Worker threads (default 1: the server's own thread needs the other core of a small machine). */
  readonly workers?: number;
  /** A task running longer is abandoned and its worker replaced (default 30 s). */
  readonly timeoutMs?: number;
  /** Heap limit of each worker, MB (default 1024): running out ends the worker, not the server. */
  readonly maxHeapMb?: number;
  /** The worker's entry module (default compute-worker); tests give their own. */
  readonly module?: URL;
  /** More workerData for that module. */
  readonly workerData?: Record<string, unknown>;
}

export interface ComputeStats {
  /** Tasks handed to a worker. */
  readonly started: number;
  readonly completed: number;
  readonly failed: number;
  readonly timedOut: number;
  /** Workers started (the first ones included). */
  readonly spawned: number;
}

export interface ComputePool {
  /** The task's answer body (JSON). Rejects with ComputeTimeout or ComputeFailed. */
  run(task: ComputeTask): Promise<Buffer>;
  stats(): ComputeStats;
  /** Terminates the workers; tasks not finished are rejected. */
  close(): Promise<void>;
}

interface Job {
  readonly id: number;
  readonly task: ComputeTask;
  readonly resolve: (body: Buffer) => void;
  readonly reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker | null;
  /** The worker has loaded its modules and takes tasks. */
  ready: boolean;
  job: Job | null;
}

const DEFAULT_MODULE = new URL(
  import.meta.url.endsWith('.ts') ? './compute-worker.ts' : './compute-worker.js',
  import.meta.url,
);

function startWorker(module: URL, workerData: unknown, maxHeapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb };
  if (module.pathname.endsWith('.ts')) {
    // Running from source (tsx, as the tests and benches do): a worker does not inherit tsx's
    // loader hooks, so it registers them before importing its module.
    const tsx = import.meta.resolve('tsx/esm/api');
    const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); })`;
    return new Worker(boot, { eval: true, workerData, execArgv: [], resourceLimits });
  }
  return new Worker(module, { workerData, resourceLimits });
}

export function createComputePool(options: ComputePoolOptions): ComputePool {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const module = options.module ?? DEFAULT_MODULE;
  const workerData = { ...options.workerData, rubric: options.rubric };
  const slots: Slot[] = Array.from({ length: Math.max(1, options.workers ?? 1) }, () => ({
    worker: null,
    ready: false,
    job: null,
  }));
  const queue: Job[] = [];
  const stats = { started: 0, completed: 0, failed: 0, timedOut: 0, spawned: 0 };
  let nextId = 1;
  let closed = false;

  const settle = (slot: Slot, job: Job): void => {
    clearTimeout(job.timer);
    if (slot.job === job) slot.job = null;
  };

  /** The slot's worker is gone (crashed, exited, out of memory): its task fails; a new worker takes the next. */
  const lose = (slot: Slot, worker: Worker, why: string): void => {
    if (slot.worker !== worker) return; // already replaced (terminated on a timeout, or closed)
    const started = slot.ready;
    slot.worker = null;
    slot.ready = false;
    const job = slot.job;
    if (job) {
      settle(slot, job);
      stats.failed++;
      job.reject(new ComputeFailed(why));
    }
    if (!started) {
      // It never started (a broken install, say): starting another would fail the same way.
      for (const waiting of queue.splice(0))
        waiting.reject(new ComputeFailed(`the compute worker could not start: ${why}`));
      return;
    }
    if (!closed) spawn(slot); // its replacement loads now, not when the next task comes
    dispatch();
  };

  const spawn = (slot: Slot): void => {
    const worker = startWorker(module, workerData, options.maxHeapMb ?? 1024);
    stats.spawned++;
    worker.on('message', (reply: TaskReply) => {
      if (slot.worker !== worker) return;
      if ('ready' in reply) {
        slot.ready = true;
        dispatch();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      settle(slot, job);
      if (reply.ok) {
        stats.completed++;
        job.resolve(Buffer.from(reply.body.buffer, reply.body.byteOffset, reply.body.byteLength));
      } else {
        stats.failed++;
        job.reject(new ComputeFailed(reply.error));
      }
      dispatch();
    });
    worker.on('error', (error) => lose(slot, worker, `the compute worker failed: ${error.stack ?? error.message}`));
    worker.on('exit', (code) => lose(slot, worker, `the compute worker exited (code ${code})`));
    // Idle: it must not keep the process alive (after the listeners: adding one refs the worker).
    worker.unref();
    slot.worker = worker;
    slot.ready = false;
  };

  const dispatch = (): void => {
    if (closed) return;
    for (const slot of slots) {
      if (queue.length === 0) break;
      if (slot.worker === null) spawn(slot); // it takes a task when it says it is ready
      if (slot.job !== null || !slot.ready) continue;
      const worker = slot.worker!;
      const job = queue.shift()!;
      slot.job = job;
      stats.started++;
      job.timer = setTimeout(() => {
        stats.timedOut++;
        slot.worker = null;
        slot.ready = false;
        settle(slot, job);
        job.reject(new ComputeTimeout(`computing the answer took longer than ${timeoutMs} ms`));
        void worker.terminate();
        spawn(slot);
        dispatch();
      }, timeoutMs);
      worker.postMessage({ id: job.id, task: job.task });
    }
    // A worker with work keeps the process alive (a script awaiting an answer); an idle one does not.
    for (const slot of slots) {
      if (slot.job !== null || queue.length > 0) slot.worker?.ref();
      else slot.worker?.unref();
    }
  };

  // Started now, so the first request does not wait for a worker to load its modules.
  for (const slot of slots) spawn(slot);

  return {
    run(task) {
      if (closed) return Promise.reject(new ComputeFailed('the compute pool is closed'));
      return new Promise<Buffer>((resolve, reject) => {
        queue.push({ id: nextId++, task, resolve, reject });
        dispatch();
      });
    },
    stats: () => ({ ...stats }),
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new ComputeFailed('the compute pool is closed'));
      await Promise.all(
        slots.map(async (slot) => {
          const { worker, job } = slot;
          slot.worker = null;
          slot.ready = false;
          if (job) {
            settle(slot, job);
            job.reject(new ComputeFailed('the compute pool is closed'));
          }
          if (worker) await worker.terminate();
        }),
      );
    },
  };
}
