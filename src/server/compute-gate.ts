// A bound on the API's computations: at most `maxRunning` at once, at most `maxQueued` waiting
// for a turn, and the rest refused at once with a suggested retry delay (the API answers 503 with
// Retry-After), so a flood of uncached requests costs the server a bounded amount of work and
// memory and no request waits without end.

export interface GateOptions {
  readonly maxRunning: number;
  readonly maxQueued: number;
  readonly now?: () => number;
}

/** Refused: the gate is full. `retryAfterS` is when a slot is likely free, in whole seconds. */
export interface Busy {
  readonly busy: true;
  readonly retryAfterS: number;
}

export interface Gate {
  /** Runs fn when a slot is free (now, or after waiting its turn), or refuses with Busy. */
  run<T>(fn: () => Promise<T>): Promise<T | Busy>;
  /** The Retry-After to suggest now, in whole seconds (1–60). */
  retryAfterS(): number;
  readonly running: number;
  readonly queued: number;
}

export const isBusy = (value: unknown): value is Busy =>
  typeof value === 'object' && value !== null && (value as Busy).busy === true;

export function createGate({ maxRunning, maxQueued, now = () => performance.now() }: GateOptions): Gate {
  let running = 0;
  const waiting: Array<() => void> = [];
  // A moving average of how long a computation takes, for Retry-After.
  let averageMs = 500;

  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  const gate: Gate = {
    async run(fn) {
      if (running >= maxRunning) {
        if (waiting.length >= maxQueued) return { busy: true, retryAfterS: gate.retryAfterS() };
        await new Promise<void>((resolve) => waiting.push(resolve)); // the slot is handed over by release()
      } else {
        running++;
      }
      const start = now();
      try {
        return await fn();
      } finally {
        averageMs = averageMs * 0.8 + (now() - start) * 0.2;
        release();
      }
    },
    retryAfterS() {
      const ahead = running + waiting.length;
      return Math.min(60, Math.max(1, Math.ceil((averageMs * ahead) / Math.max(1, maxRunning) / 1000)));
    },
    get running() {
      return running;
    },
    get queued() {
      return waiting.length;
    },
  };
  return gate;
}
