// A least-recently-used cache bounded by entries and by bytes, with a time to live. Computations
// in flight are shared: ten requests for one uncached digest start one computation, not ten.

export interface BoundedCacheOptions<V> {
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly sizeOf: (value: V) => number;
  /** Entries older than this are computed again; Infinity keeps them until evicted. */
  readonly ttlMs: number;
  readonly now?: () => number;
}

export interface BoundedCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  /** The cached value, or the one `compute` gives (kept unless `keep` says no). */
  getOrCompute(key: string, compute: () => Promise<V>, keep?: (value: V) => boolean): Promise<V>;
  /**
   * Forgets every entry, and every computation in flight: a request after clear() starts its own,
   * and what one started before gives is not kept (the data under it changed).
   */
  clear(): void;
  readonly size: number;
  readonly bytes: number;
}

export function createBoundedCache<V>(options: BoundedCacheOptions<V>): BoundedCache<V> {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: V; bytes: number; at: number }>();
  const pending = new Map<string, Promise<V>>();
  let bytes = 0;
  let generation = 0;

  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.bytes;
    entries.delete(key);
  };

  const cache: BoundedCache<V> = {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (now() - entry.at > options.ttlMs) {
        drop(key);
        return undefined;
      }
      // Map order is insertion order: re-inserting marks the entry most recently used.
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value) {
      drop(key);
      const size = options.sizeOf(value);
      if (size > options.maxBytes) return; // one huge value must not empty the cache for nothing
      entries.set(key, { value, bytes: size, at: now() });
      bytes += size;
      for (const oldest of entries.keys()) {
        if (entries.size <= options.maxEntries && bytes <= options.maxBytes) break;
        drop(oldest);
      }
    },
    async getOrCompute(key, compute, keep = () => true) {
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const running = pending.get(key);
      if (running) return running;
      const started = generation;
      const job = compute().finally(() => {
        if (pending.get(key) === job) pending.delete(key);
      });
      pending.set(key, job);
      const value = await job;
      if (keep(value) && started === generation) cache.set(key, value);
      return value;
    },
    clear() {
      entries.clear();
      pending.clear();
      bytes = 0;
      generation++;
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
  };
  return cache;
}
