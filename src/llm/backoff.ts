// Pure timing decisions for retries: exponential backoff with full jitter, and Retry-After.
// No clock and no randomness of its own: both are passed in.

export interface BackoffPolicy {
  /** Delay before the first retry, in ms, before jitter. */
  readonly baseMs: number;
  /** Cap on any single delay, in ms (also caps a server's Retry-After). */
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 30_000 };

/**
 * Delay before retry number `retry` (1 = the first retry). Without Retry-After: a random delay in
 * [ceiling/2, ceiling], ceiling = base * 2^(retry-1), so retries spread out but never collapse to 0.
 * With Retry-After, the server's wish is honoured (plus up to 10% jitter), capped at maxMs.
 */
export function backoffDelayMs(
  retry: number,
  policy: BackoffPolicy,
  random: () => number,
  retryAfterMs?: number,
): number {
  if (retryAfterMs !== undefined) {
    return Math.min(policy.maxMs, Math.round(retryAfterMs * (1 + 0.1 * random())));
  }
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/**
 * Retry-After as a delay in ms: either delta-seconds ("120") or an HTTP date, read against nowMs.
 * Null when absent or unreadable; a date in the past gives 0.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}
