// HostGate on a virtual clock: sleeps are timers that fire in time order once every task is idle,
// so start times are exact and the test is instant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HostGate, Semaphore, type HostGateOptions } from './host-gate.js';

function fakeGate(options: Partial<HostGateOptions>) {
  let clock = 0;
  const timers: Array<{ at: number; fire: () => void }> = [];
  const starts: Array<[host: string, at: number]> = [];
  const gate = new HostGate({
    intervalMs: 100,
    perHostConcurrency: 10,
    concurrency: 10,
    now: () => clock,
    sleep: (ms) => new Promise<void>((fire) => timers.push({ at: clock + ms, fire })),
    ...options,
  });
  const idle = () => new Promise((resolve) => setImmediate(resolve));
  /** Runs tasks to completion, advancing the clock to the next timer whenever all are waiting. */
  const drive = async (tasks: Array<Promise<void>>): Promise<void> => {
    let done = false;
    const all = Promise.all(tasks).then(() => void (done = true));
    while (!done) {
      await idle();
      timers.sort((x, y) => x.at - y.at);
      const next = timers.shift();
      if (next === undefined) continue;
      clock = Math.max(clock, next.at);
      next.fire();
    }
    await all;
  };
  const run = async (host: string, holdMs = 0): Promise<void> => {
    const release = await gate.acquire(host);
    starts.push([host, clock]);
    if (holdMs > 0) await new Promise<void>((fire) => timers.push({ at: clock + holdMs, fire }));
    release();
  };
  return { gate, starts, run, drive, advance: (ms: number) => (clock += ms) };
}

const cases: Array<
  [name: string, options: Partial<HostGateOptions>, hosts: string[], expected: Array<[string, number]>]
> = [
  [
    'one host: starts spaced by the interval',
    {},
    ['a', 'a', 'a'],
    [
      ['a', 0],
      ['a', 100],
      ['a', 200],
    ],
  ],
  [
    'two hosts pace independently',
    {},
    ['a', 'b', 'a', 'b'],
    [
      ['a', 0],
      ['b', 0],
      ['a', 100],
      ['b', 100],
    ],
  ],
  [
    'zero interval: no waiting',
    { intervalMs: 0 },
    ['a', 'a', 'a'],
    [
      ['a', 0],
      ['a', 0],
      ['a', 0],
    ],
  ],
];

for (const [name, options, hosts, expected] of cases) {
  test(`HostGate: ${name}`, async () => {
    const { starts, run, drive } = fakeGate(options);
    await drive(hosts.map((h) => run(h)));
    assert.deepEqual(
      [...starts].sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0])),
      [...expected].sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0])),
    );
  });
}

test('HostGate: setMinInterval raises one host interval (Crawl-delay) but never lowers it', async () => {
  const { gate, starts, run, drive } = fakeGate({});
  gate.setMinInterval('slow', 2000);
  gate.setMinInterval('fast', 10);
  assert.equal(gate.intervalFor('slow'), 2000);
  assert.equal(gate.intervalFor('fast'), 100);
  await drive([run('slow'), run('slow')]);
  assert.deepEqual(
    starts.map(([, at]) => at),
    [0, 2000],
  );
});

test('HostGate: perHostConcurrency 1 waits for the previous request to finish', async () => {
  const { starts, run, drive } = fakeGate({ perHostConcurrency: 1 });
  await drive([run('a', 300), run('a', 300), run('b', 0)]);
  assert.deepEqual(starts, [
    ['a', 0],
    ['b', 0],
    ['a', 300],
  ]);
});

test('HostGate: a host that was idle longer than the interval starts at once', async () => {
  const { starts, run, drive, advance } = fakeGate({});
  await drive([run('a')]);
  advance(500);
  await drive([run('a')]);
  assert.deepEqual(
    starts.map(([, at]) => at),
    [0, 500],
  );
});

test('HostGate: the global limit holds across hosts', async () => {
  let active = 0;
  let peak = 0;
  const gate = new HostGate({ intervalMs: 0, perHostConcurrency: 5, concurrency: 2, now: () => 0 });
  await Promise.all(
    ['a', 'b', 'c', 'd', 'e', 'f'].map(async (host) => {
      const release = await gate.acquire(host);
      active++;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active--;
      release();
    }),
  );
  assert.equal(peak, 2);
});

test('Semaphore: hands slots over in order and ignores double release', async () => {
  const semaphore = new Semaphore(1);
  const order: number[] = [];
  const first = await semaphore.acquire();
  const waiters = [1, 2].map(async (n) => {
    const release = await semaphore.acquire();
    order.push(n);
    release();
  });
  first();
  first(); // a second release must not free an extra slot
  await Promise.all(waiters);
  assert.deepEqual(order, [1, 2]);
  assert.throws(() => new Semaphore(0), /positive integer/);
});
