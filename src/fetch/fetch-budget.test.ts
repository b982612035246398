// The fetch budget: a host that cannot be reached is given up after a few failures in a row, and a
// run stops trying to reach anything after too many such failures. An answer (even 404) is not one.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { createFetcher } from './fetcher.js';

let deadBase = '';
let live: http.Server;
let liveBase = '';

before(async () => {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.2', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  deadBase = `http://127.0.0.2:${port}`;
  live = http.createServer((req, res) => {
    res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'text/plain' });
    res.end('hello');
  });
  await new Promise<void>((resolve) => live.listen(0, '127.0.0.1', resolve));
  liveBase = `http://127.0.0.1:${(live.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => live.close(() => resolve())));

const options = {
  allowHosts: ['127.0.0.1', '127.0.0.2'],
  cacheDir: null,
  perHostIntervalMs: 0,
  respectRobots: false,
  timeoutMs: 2_000,
};

describe('fetch budget', () => {
  test('after 3 refused connections a host is skipped without a request, naming why', async () => {
    const fetcher = createFetcher({ ...options, maxHostFailures: 3 });
    try {
      for (let i = 0; i < 3; i++) {
        const r = await fetcher.fetch(`${deadBase}/p${i}`);
        assert.ok(!r.ok && r.code === 'network_error');
        assert.match(r.message, /refused/);
      }
      const t0 = performance.now();
      const results = await Promise.all(Array.from({ length: 200 }, (_, i) => fetcher.fetch(`${deadBase}/q${i}`)));
      assert.ok(performance.now() - t0 < 1_000);
      for (const r of results) {
        assert.ok(!r.ok);
        assert.match(r.message, /host 127\.0\.0\.2 unreachable: skipped after 3 failures/);
      }
      // Another host is not affected.
      assert.ok((await fetcher.fetch(`${liveBase}/ok`)).ok);
    } finally {
      await fetcher.close();
    }
  });

  test('an HTTP answer, even 404, is not a failure to reach the host and clears its count', async () => {
    const fetcher = createFetcher({ ...options, maxHostFailures: 2 });
    try {
      for (let i = 0; i < 5; i++) {
        const r = await fetcher.fetch(`${liveBase}/missing`);
        assert.ok(!r.ok && r.code === 'not_found');
      }
      assert.ok((await fetcher.fetch(`${liveBase}/ok`)).ok);
    } finally {
      await fetcher.close();
    }
  });

  test("after the run's budget of unreachable fetches, every fetch fails at once", async () => {
    const fetcher = createFetcher({ ...options, maxHostFailures: 100, maxUnreachableFetches: 2 });
    try {
      await fetcher.fetch(`${deadBase}/a`);
      await fetcher.fetch(`${deadBase}/b`);
      const r = await fetcher.fetch(`${liveBase}/ok`);
      assert.ok(!r.ok);
      assert.match(r.message, /fetch budget is spent \(2 fetches could not reach their host\)/);
    } finally {
      await fetcher.close();
    }
  });

  test('requests waiting for a paced host give their turn up once it is found dead', async () => {
    // A 300 ms interval: 20 queued requests would take 6 s if each waited its turn.
    const fetcher = createFetcher({ ...options, perHostIntervalMs: 300, perHostConcurrency: 1, maxHostFailures: 2 });
    try {
      const t0 = performance.now();
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => fetcher.fetch(`${deadBase}/w${i}`)));
      const ms = performance.now() - t0;
      assert.ok(results.every((r) => !r.ok));
      assert.equal(results.filter((r) => !r.ok && /skipped after 2 failures/.test(r.message)).length, 18);
      assert.ok(ms < 2_000, `took ${Math.round(ms)} ms`);
    } finally {
      await fetcher.close();
    }
  });
});
