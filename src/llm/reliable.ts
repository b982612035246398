// Wrappers that compose around any LlmClient: retries with backoff (honouring Retry-After), a
// timeout, a concurrency limit, the response cache, and the run's usage and budget. makeReliable
// stacks them in the one order that makes sense:
//   usage → cache → budget → retries → concurrency limit → timeout → provider
// so a cache hit is counted but costs nothing and is served even after the budget is spent, and a
// request waiting out a backoff does not hold a concurrency slot.

import { fail, type ErrorCode, type Failure, type Result } from '../errors.js';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import type { LlmClient, LlmRequest, LlmResponse } from './client.js';
import { jsonTextOf } from './json-text.js';
import type { ProviderFailure } from './provider-http.js';
import { cacheKey, type ResponseCache } from './response-cache.js';
import type { RunAccount } from './run-account.js';

export { createRunAccount, type RunAccount, type Budget, type ModelPrice, type UsageTotals } from './run-account.js';

const wrap = (inner: LlmClient, complete: LlmClient['complete']): LlmClient => ({
  provider: inner.provider,
  model: inner.model,
  complete,
});

// ---- (a) retries -----------------------------------------------------------------------------

export interface RetryOptions {
  /** Attempts in all, the first included (1 = no retry). */
  readonly maxAttempts: number;
  readonly backoff?: BackoffPolicy;
  /** Retry timeouts too (off by default: an answer slower than the timeout tends to stay slow). */
  readonly retryTimeouts?: boolean;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly onRetry?: (info: { readonly attempt: number; readonly delayMs: number; readonly failure: Failure }) => void;
}

const RETRIABLE: ReadonlySet<ErrorCode> = new Set(['rate_limited', 'server_error', 'network_error']);

export function isRetriable(failure: Failure, retryTimeouts = false): boolean {
  return RETRIABLE.has(failure.code) || (retryTimeouts && failure.code === 'timeout');
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function withRetries(inner: LlmClient, options: RetryOptions): LlmClient {
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const policy = options.backoff ?? DEFAULT_BACKOFF;
  const attempts = Math.max(1, Math.floor(options.maxAttempts));
  return wrap(inner, async (request) => {
    for (let attempt = 1; ; attempt++) {
      const result = await inner.complete(request);
      if (result.ok || !isRetriable(result, options.retryTimeouts) || attempt >= attempts) {
        if (!result.ok && attempt > 1 && isRetriable(result, options.retryTimeouts)) {
          return { ...result, message: `${result.message} (gave up after ${attempt} attempts)` };
        }
        return result;
      }
      const delayMs = backoffDelayMs(attempt, policy, random, (result as ProviderFailure).retryAfterMs);
      options.onRetry?.({ attempt, delayMs, failure: result });
      await sleep(delayMs);
    }
  });
}

// ---- (b) timeout -----------------------------------------------------------------------------

/** Any client, bounded: past timeoutMs the caller gets a `timeout` failure (the call is abandoned). */
export function withTimeout(inner: LlmClient, timeoutMs: number): LlmClient {
  return wrap(inner, (request) => {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<Result<LlmResponse>>((resolve) => {
      timer = setTimeout(
        () => resolve(fail('timeout', `${inner.provider}: no answer for ${request.purpose} within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    return Promise.race([inner.complete(request), expired]).finally(() => clearTimeout(timer));
  });
}

// ---- (c) concurrency limit -------------------------------------------------------------------

export interface Semaphore {
  acquire(): Promise<() => void>;
  active(): number;
  waiting(): number;
}

export function createSemaphore(limit: number): Semaphore {
  const max = Math.max(1, Math.floor(limit));
  let active = 0;
  const queue: (() => void)[] = [];
  const release = (): void => {
    const next = queue.shift();
    if (next)
      next(); // the slot passes straight to the next waiter
    else active--;
  };
  return {
    acquire() {
      if (active < max) {
        active++;
        return Promise.resolve(once(release));
      }
      return new Promise((resolve) => queue.push(() => resolve(once(release))));
    },
    active: () => active,
    waiting: () => queue.length,
  };
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      fn();
    }
  };
}

/** At most `limit` calls of the inner client in flight; the rest wait their turn (FIFO). */
export function withConcurrencyLimit(inner: LlmClient, limit: number | Semaphore): LlmClient {
  const semaphore = typeof limit === 'number' ? createSemaphore(limit) : limit;
  return wrap(inner, async (request) => {
    const release = await semaphore.acquire();
    try {
      return await inner.complete(request);
    } finally {
      release();
    }
  });
}

// ---- (d) response cache ----------------------------------------------------------------------

/**
 * Served from the cache when the same request was answered before; identical requests in flight at
 * once share one call. An answer that should be JSON and is not is never cached.
 */
export function withCache(inner: LlmClient, cache: ResponseCache): LlmClient {
  const inFlight = new Map<string, Promise<Result<LlmResponse>>>();
  const fresh = async (key: string, request: LlmRequest): Promise<Result<LlmResponse>> => {
    const hit = await cache.get(key);
    if (hit !== null)
      return {
        ok: true,
        value: { text: hit.text, usage: hit.usage, cached: true, provider: hit.provider, model: hit.model },
      };
    const result = await inner.complete(request);
    if (result.ok && (request.schema === undefined || jsonTextOf(result.value.text) !== null)) {
      try {
        await cache.put(key, result.value, request);
      } catch {
        // a cache that cannot be written costs a request next run, never this answer
      }
    }
    return result;
  };
  return wrap(inner, (request) => {
    const key = cacheKey(inner.provider, inner.model, request);
    const pending = inFlight.get(key);
    if (pending) return pending.then((r) => (r.ok ? { ok: true, value: { ...r.value, cached: true } } : r));
    const call = fresh(key, request).finally(() => inFlight.delete(key));
    inFlight.set(key, call);
    return call;
  });
}

// ---- (e, f) usage and budget -----------------------------------------------------------------

/** Counts every answer (network or cache) and failure in the run's account. */
export function withUsage(inner: LlmClient, account: RunAccount): LlmClient {
  return wrap(inner, async (request) => {
    const result = await inner.complete(request);
    if (result.ok) account.record(result.value, request.purpose);
    else account.recordFailure(result, request.purpose);
    return result;
  });
}

/** Refuses to call the inner client once the run's budget is spent. */
export function withBudget(inner: LlmClient, account: RunAccount): LlmClient {
  return wrap(
    inner,
    async (request) =>
      account.budgetFailure(`${inner.provider}/${inner.model} ${request.purpose}`) ?? inner.complete(request),
  );
}

// ---- the stack -------------------------------------------------------------------------------

export interface ReliableOptions {
  readonly account: RunAccount;
  readonly cache?: ResponseCache | null;
  readonly retry: RetryOptions;
  /** Per attempt, in ms; null = the provider's own timeout only. */
  readonly timeoutMs?: number | null;
  readonly concurrency: number | Semaphore;
}

export function makeReliable(provider: LlmClient, options: ReliableOptions): LlmClient {
  return withUsage(reliableStack(provider, options), options.account);
}

/** makeReliable without the usage count: for stacks composed further (fallback) and counted once. */
export function reliableStack(provider: LlmClient, options: ReliableOptions): LlmClient {
  let client = provider;
  if (options.timeoutMs != null) client = withTimeout(client, options.timeoutMs);
  client = withConcurrencyLimit(client, options.concurrency);
  const onRetry = options.retry.onRetry;
  client = withRetries(client, {
    ...options.retry,
    onRetry: (info) => {
      options.account.recordRetry();
      onRetry?.(info);
    },
  });
  client = withBudget(client, options.account);
  if (options.cache) client = withCache(client, options.cache);
  return client;
}

// ---- fallback across providers ---------------------------------------------------------------

/**
 * Tries each client in order until one answers; a spent budget stops at once. The response names
 * the provider that answered. Failures of all are joined into one message.
 */
export function withFallback(clients: readonly LlmClient[]): LlmClient {
  const first = clients[0];
  if (first === undefined) throw new Error('withFallback needs at least one client');
  if (clients.length === 1) return first;
  return wrap(first, async (request) => {
    const failures: Failure[] = [];
    for (const client of clients) {
      const result = await client.complete(request);
      if (result.ok || result.code === 'budget_exhausted') return result;
      failures.push(result);
    }
    const last = failures[failures.length - 1] ?? fail('internal_error', 'no provider tried');
    return { ...last, message: failures.map((f) => f.message).join('; then ') };
  });
}
