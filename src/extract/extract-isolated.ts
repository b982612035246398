// Reads one page in a worker thread, so that no page can hold or end the process: a page still
// being read after the time limit has its worker terminated, one that needs more heap than the
// memory limit has its worker stopped by V8, and either is reported for that page (a `too_large`
// failure naming the page and the limit) while the next page gets a fresh worker. The structural
// bounds (page-limits.ts) refuse most hostile pages long before; this catches what they do not
// (a regular expression backtracking, a quadratic path not yet found).
//
// One worker, kept between pages and reading them one at a time: ingest and extract read pages in
// order, and a warm worker costs a message per page (docs/decisions/0012-page-cost-limits.md).

import { Worker } from 'node:worker_threads';
import { fail, type Result } from '../errors.js';
import type { ExtractedPage, PageRequest } from './extract.js';
import { limitMessage, PAGE_COST_LIMITS, PageLimitError, type PageCostLimits } from './page-limits.js';

/** What the worker answers for one page. */
export type WorkerReply =
  | { readonly ok: true; readonly result: Result<ExtractedPage> }
  | { readonly ok: false; readonly error: string };
/** What the worker sends once it has loaded, before any page. */
export const WORKER_READY = 'ready';

const WORKER_MODULE = new URL(
  import.meta.url.endsWith('.ts') ? './extract-worker.ts' : './extract-worker.js',
  import.meta.url,
);

function startWorker(memoryMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb };
  if (WORKER_MODULE.pathname.endsWith('.ts')) {
    // From source (tsx, as in tests and benches) a worker does not inherit tsx's loader hooks:
    // it registers them, then imports the worker module.
    const tsx = import.meta.resolve('tsx/esm/api');
    const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_MODULE.href)}); })`;
    return new Worker(boot, { eval: true, execArgv: [], resourceLimits });
  }
  return new Worker(WORKER_MODULE, { execArgv: [], resourceLimits });
}

const isOutOfMemory = (error: unknown): boolean =>
  (error as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';

/** A started worker and whether it loaded (null) or why not. */
interface Started {
  readonly worker: Worker;
  readonly ready: Promise<string | null>;
}

/** Resolves when the worker says it has loaded (null), or with why it never will. */
function readiness(worker: Worker): Promise<string | null> {
  return new Promise((resolve) => {
    const done = (why: string | null): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(why);
    };
    const onMessage = (m: unknown): void => {
      if (m === WORKER_READY) done(null);
    };
    const onError = (error: Error): void => done(error.message);
    const onExit = (code: number): void => done(`it stopped (exit code ${code})`);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

class PageWorker {
  private current: Started | null = null;
  private memoryMb = 0;
  /** Pages wait for the one before them. */
  private queue: Promise<unknown> = Promise.resolve();

  extract(request: PageRequest, limits: PageCostLimits): Promise<Result<ExtractedPage>> {
    const run = this.queue.then(() => this.run(request, limits));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private acquire(limits: PageCostLimits): Started {
    if (this.current !== null && this.memoryMb === limits.memoryMb) return this.current;
    if (this.current !== null) void this.current.worker.terminate();
    const worker = startWorker(limits.memoryMb);
    // Errors are handled per page below; this keeps a late one from being an unhandled 'error' event.
    worker.on('error', () => undefined);
    // A worker that ends between pages is not handed the next one.
    worker.once('exit', () => {
      if (this.current?.worker === worker) this.current = null;
    });
    this.current = { worker, ready: readiness(worker) };
    this.memoryMb = limits.memoryMb;
    return this.current;
  }

  private discard(worker: Worker): void {
    if (this.current?.worker === worker) this.current = null;
    void worker.terminate();
  }

  private async run(request: PageRequest, limits: PageCostLimits): Promise<Result<ExtractedPage>> {
    const { name } = request;
    const cannotStart = (why: string): Result<ExtractedPage> =>
      fail('internal_error', `${name}: the page reader could not start: ${why}`, name);
    let started: Started;
    try {
      started = this.acquire(limits);
    } catch (error) {
      return cannotStart((error as Error).message);
    }
    const { worker } = started;
    // The time limit counts reading, not loading: a loaded machine may take seconds to start a worker.
    worker.ref();
    const notReady = await started.ready;
    if (notReady !== null) {
      this.discard(worker);
      return cannotStart(notReady);
    }
    return this.read(worker, request, limits);
  }

  private read(worker: Worker, request: PageRequest, limits: PageCostLimits): Promise<Result<ExtractedPage>> {
    const { name } = request;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: Result<ExtractedPage>): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        // An idle worker does not keep the process alive.
        worker.unref();
        resolve(result);
      };
      const exceeded = (kind: 'time' | 'memory', limit: number): Result<ExtractedPage> =>
        fail('too_large', limitMessage(name, new PageLimitError(kind, limit)), name);
      const onMessage = (reply: WorkerReply): void => {
        finish(reply.ok ? reply.result : fail('internal_error', `${name}: ${reply.error}`, name));
      };
      const onError = (error: Error): void => {
        this.discard(worker);
        finish(
          isOutOfMemory(error)
            ? exceeded('memory', limits.memoryMb)
            : fail('internal_error', `${name}: the page reader failed: ${error.message}`, name),
        );
      };
      const onExit = (code: number): void => {
        this.discard(worker);
        finish(fail('internal_error', `${name}: the page reader stopped (exit code ${code})`, name));
      };
      const timer = setTimeout(() => {
        this.discard(worker);
        finish(exceeded('time', limits.timeMs));
      }, limits.timeMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.ref();
      worker.postMessage(request);
    });
  }
}

let shared: PageWorker | null = null;

/**
 * Reads one page (extractPage) in the shared page worker, within the time and memory limits. Never
 * rejects: a page over a limit, or a reader that failed, is a Failure naming the page.
 */
export function extractPageIsolated(
  request: PageRequest,
  limits: PageCostLimits = PAGE_COST_LIMITS,
): Promise<Result<ExtractedPage>> {
  shared ??= new PageWorker();
  return shared.extract(request, limits);
}
