// The same object, each async method call timed (wall ms) and reported to `record` with the
// method's name: where a bench waits on the store, measured at the store's edge.

export function timedCalls<T extends object>(target: T, record: (method: string, ms: number) => void): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const t = performance.now();
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(obj, args);
        } finally {
          record(String(prop), performance.now() - t);
        }
      };
    },
  });
}
