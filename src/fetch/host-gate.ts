// Politeness: a minimum interval between request starts to one host, a cap on simultaneous requests
// per host and overall. Starts to one host are serialised through a "turn" so the interval holds
// even when several requests to that host run at once.

export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`semaphore limit must be a positive integer, got ${limit}`);
  }

  async acquire(): Promise<() => void> {
    if (this.active < this.limit) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // the releaser hands its slot over
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next !== undefined) next();
      else this.active--;
    };
  }
}

export interface HostGateOptions {
  /** Minimum milliseconds between two request starts to the same host. */
  intervalMs: number;
  perHostConcurrency: number;
  concurrency: number;
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface HostState {
  readonly slots: Semaphore;
  turn: Promise<void>;
  /** Earliest start (ms on the injected clock) for the next request to this host. */
  nextStart: number;
  intervalMs: number;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class HostGate {
  private readonly hosts = new Map<string, HostState>();
  private readonly global: Semaphore;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: HostGateOptions) {
    this.global = new Semaphore(options.concurrency);
    this.sleep = options.sleep ?? realSleep;
  }

  /** Raises one host's interval (robots.txt Crawl-delay); never lowers it below the base interval. */
  setMinInterval(host: string, intervalMs: number): void {
    const state = this.state(host);
    state.intervalMs = Math.max(this.options.intervalMs, intervalMs);
  }

  intervalFor(host: string): number {
    return this.hosts.get(host)?.intervalMs ?? this.options.intervalMs;
  }

  /** Waits for a slot and for the host's turn; resolves with the release function. */
  async acquire(host: string): Promise<() => void> {
    return (await this.acquireUnless(host, () => false))!;
  }

  /**
   * As acquire, but when `skip()` is true once the host's turn comes (the host was found dead while
   * this request waited), gives the turn up without spending the host's interval: resolves null.
   */
  async acquireUnless(host: string, skip: () => boolean): Promise<(() => void) | null> {
    const state = this.state(host);
    const releaseHost = await state.slots.acquire();
    const previous = state.turn;
    let endTurn!: () => void;
    state.turn = new Promise<void>((resolve) => (endTurn = resolve));
    let releaseGlobal: () => void;
    try {
      await previous;
      const wait = skip() ? 0 : state.nextStart - this.options.now();
      if (wait > 0) await this.sleep(wait);
      if (skip()) {
        releaseHost();
        return null;
      }
      releaseGlobal = await this.global.acquire();
      // Sleep once, then trust the reservation: a frozen test clock must not loop forever.
      state.nextStart = Math.max(this.options.now(), state.nextStart) + state.intervalMs;
    } finally {
      endTurn();
    }
    return () => {
      releaseGlobal();
      releaseHost();
    };
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (state === undefined) {
      state = {
        slots: new Semaphore(this.options.perHostConcurrency),
        turn: Promise.resolve(),
        nextStart: Number.NEGATIVE_INFINITY,
        intervalMs: this.options.intervalMs,
      };
      this.hosts.set(host, state);
    }
    return state;
  }
}
