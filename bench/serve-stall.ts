// Does computing API answers stall `tidings serve`? Static-file latency while clients hammer
// uncached API endpoints.
//   node --import tsx bench/serve-stall.ts [--articles 200] [--days 4] [--clients 8] [--duration 10] [--interval 20]
// Builds a store and a site from the generated corpus (bench/scale-corpus.ts, seed 7) into a temp
// folder, then starts the server (createTidingsServer + createApi(apiDeps(db)) + openStaticSite, as
// `tidings serve` wires them) in a child process on 127.0.0.1 with the API's answer cache TTL at 0, so
// every request is a new computation (identical requests in flight still share one). Then:
//   1. idle: one probe client asks for assets/site.css every --interval ms for 2 s;
//   2. load: --clients clients each loop, as fast as answers come, over uncached API requests
//      (every day's digest in both faces, cards of the latest day's articles in three faces,
//      stories by id) while the probe keeps asking for the CSS, for --duration s.
// Prints the probe's p50 / p90 / p99 / max latency in each phase, the API answers by status, and
// the server's own event-loop delay during the load (perf_hooks, sampled every 5 ms).

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/config.js';

const { values } = parseArgs({
  options: {
    serve: { type: 'boolean', default: false },
    data: { type: 'string' },
    site: { type: 'string' },
    articles: { type: 'string', default: '200' },
    days: { type: 'string', default: '4' },
    clients: { type: 'string', default: '8' },
    duration: { type: 'string', default: '10' },
    interval: { type: 'string', default: '20' },
  },
});

/** The child: the server on a free loopback port, answers never reused (TTL 0). */
async function serveChild(dataDir: string, siteDir: string): Promise<void> {
  const { openDatabase } = await import('../src/store/database.js');
  const { loadRubricFile } = await import('../src/rank/rubric-file.js');
  const { createApi } = await import('../src/server/api.js');
  const { apiDeps } = await import('../src/server/api-store.js');
  const { openStaticSite } = await import('../src/server/static-site.js');
  const { createTidingsServer, listen, shutdown } = await import('../src/server/server.js');
  const db = await openDatabase({ kind: 'pglite', dataDir });
  const rubric = await loadRubricFile();
  if (!rubric.ok) throw new Error(rubric.message);
  const api = createApi(apiDeps(db, rubric.value), { ttlMs: 0, log: () => undefined });
  const server = createTidingsServer({ site: await openStaticSite(siteDir), api, log: () => undefined });
  const address = await listen(server, '127.0.0.1', 0);
  console.log(`Serving at http://127.0.0.1:${address.port}/`);
  // How long the server's event loop was held up: measured from the load's start (SIGUSR2).
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  process.on('SIGUSR2', () => delay.reset());
  process.on('SIGTERM', () => {
    const ms = (ns: number) => (ns / 1e6).toFixed(0);
    console.log(
      `Server event-loop delay under load: p50 ${ms(delay.percentile(50))} ms, p99 ${ms(delay.percentile(99))}, max ${ms(delay.max)}`,
    );
    void (async () => {
      await shutdown(server, 1000);
      await (api as { close?: () => Promise<void> }).close?.();
      await db.close();
      process.exit(0);
    })();
  });
}

function get(agent: http.Agent, port: number, target: string): Promise<{ status: number; ms: number }> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: target, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

async function getJson<T>(port: number, target: string): Promise<T> {
  const r = await fetch(`http://127.0.0.1:${port}${target}`);
  return (await r.json()) as T;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const summary = (xs: number[]) =>
  `n=${xs.length} p50 ${quantile(xs, 0.5).toFixed(1)} ms, p90 ${quantile(xs, 0.9).toFixed(1)}, p99 ${quantile(xs, 0.99).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}`;

async function runBench(): Promise<void> {
  const clients = Number(values.clients);
  const duration = Number(values.duration) * 1000;
  const interval = Number(values.interval);
  const { openDatabase } = await import('../src/store/database.js');
  const { publishEdition } = await import('../src/pipeline/site-edition.js');
  const { generatedEdition } = await import('./generated-edition.js');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-bench-stall-'));
  const dataDir = path.join(dir, 'db');
  const siteDir = path.join(dir, 'site');
  let child: ChildProcess | null = null;
  try {
    const t0 = performance.now();
    const db = await openDatabase({ kind: 'pglite', dataDir });
    const { deps, articles } = await generatedEdition(db, Number(values.articles), {
      seed: 7,
      days: Number(values.days),
    });
    const published = await publishEdition(deps, { outDir: siteDir });
    if (!published.ok) throw new Error(published.message);
    await db.close();
    console.log(
      `Corpus: ${articles} articles over ${values.days} days -> ${published.value.stories} stories (${((performance.now() - t0) / 1000).toFixed(1)} s to build)`,
    );

    child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', '--data', dataDir, '--site', siteDir],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    const port = await new Promise<number>((resolve, reject) => {
      child!.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /Serving at http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child!.once('exit', (code) => reject(new Error(`server exited (${code}) before serving: ${out}`)));
    });

    const days = (await getJson<{ data: Array<{ date: string }> }>(port, '/api/v1/digests?limit=100')).data.map(
      (d) => d.date,
    );
    const latest = await getJson<{ data: Array<{ id: string }> }>(port, `/api/v1/articles?since=${days[0]}&limit=100`);
    const stories = await getJson<{ data: Array<{ id: string }> }>(port, '/api/v1/stories?limit=100');
    const targets = [
      ...days.flatMap((d) => [`/api/v1/digests/${d}?lang=en`, `/api/v1/digests/${d}?lang=zh`]),
      ...latest.data.flatMap((a) => [
        `/api/v1/cards/${a.id}`,
        `/api/v1/cards/${a.id}?lang=en`,
        `/api/v1/cards/${a.id}?lang=zh`,
      ]),
      ...stories.data.map((s) => `/api/v1/stories/${s.id}`),
    ];
    console.log(
      `Server in a child process on 127.0.0.1:${port}, API cache TTL 0. Uncached targets: ${days.length * 2} digests, ${latest.data.length * 3} cards, ${stories.data.length} stories`,
    );

    const probeAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const probe = async (ms: number): Promise<number[]> => {
      const out: number[] = [];
      const end = performance.now() + ms;
      while (performance.now() < end) {
        const r = await get(probeAgent, port, '/assets/site.css');
        if (r.status !== 200) throw new Error(`site.css answered ${r.status}`);
        out.push(r.ms);
        await new Promise((resolve) => setTimeout(resolve, interval));
      }
      return out;
    };
    await probe(500); // warm: the CSS is read and cached, connections made
    const idle = await probe(2000);

    const statuses = new Map<number, number>();
    const okMs: number[] = [];
    let stop = false;
    const hammer = async (k: number) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      // Each client walks the targets from its own offset, so the clients mostly ask different things.
      for (let i = Math.floor((k * targets.length) / clients); !stop; i++) {
        const r = await get(agent, port, targets[i % targets.length]!);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.status === 200) okMs.push(r.ms);
      }
      agent.destroy();
    };
    child.kill('SIGUSR2');
    const hammering = Array.from({ length: clients }, (_, k) => hammer(k));
    const loaded = await probe(duration);
    stop = true;
    await Promise.all(hammering);
    probeAgent.destroy();

    console.log(`\nsite.css, idle:                         ${summary(idle)}`);
    console.log(`site.css, ${String(clients).padStart(2)} clients on uncached API: ${summary(loaded)}`);
    console.log(
      `API answers during the load: ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}; 200s ${summary(okMs)}`,
    );
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    console.log(/Server event-loop delay.*/.exec(out)?.[0] ?? 'Server event-loop delay: not reported');
    console.log(
      `Machine load average at the end: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${os.cpus().length} CPUs.`,
    );
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  }
}

if (values.serve) await serveChild(values.data!, values.site!);
else await runBench();
