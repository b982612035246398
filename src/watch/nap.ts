// The wait between watch cycles, cut short by a signal: `tidings watch` and `tidings serve --watch`
// sleep until the next source is due, and SIGTERM must not wait out the rest of that sleep.

export interface Napper {
  /** Sleeps `ms`, or until wake() is called, whichever comes first. */
  nap(ms: number): Promise<void>;
  /** Ends the current nap now (and does nothing when none is under way). */
  wake(): void;
}

export function createNapper(): Napper {
  let wake: () => void = () => undefined;
  return {
    nap: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      }),
    wake: () => wake(),
  };
}
