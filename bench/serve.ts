// `tidings serve` under load, side by side with a baseline in the same run.
//   node --import tsx bench/serve.ts [--articles 80] [--days 2] [--duration 5] [--connections 10] [--rounds 3]
// Builds a site from a generated corpus (bench/scale-corpus.ts: --articles over --days, offline
// engine) into a temp folder, starts our server and a baseline in child processes on loopback,
// and drives each with autocannon: a digest page, a story API call, a 304 revalidation. The
// baseline is a minimal node:http static file server written here (reads the file per request;
// no security headers, no ETag, no compression, no cache), so the cost of our features shows.
// Prints requests/s and p50 / p97.5 / p99 latency per case (median of the rounds), and the first
// (uncached) API calls.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../src/config.js';
import { publishEdition } from '../src/pipeline/site-edition.js';
import { openDatabase } from '../src/store/database.js';
import { generatedEdition } from './generated-edition.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '80' },
    days: { type: 'string', default: '2' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const rounds = Number(values.rounds);

// The baseline: what "just serve the files" costs on this machine, in the same kind of process.
const BASELINE = `
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
const root = process.argv[1];
const types = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.xml': 'application/xml' };
const server = http.createServer(async (req, res) => {
  let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (p.endsWith('/')) p += 'index.html';
  try {
    const body = await readFile(path.join(root, path.normalize(p)));
    res.writeHead(200, { 'Content-Type': types[path.extname(p)] ?? 'application/octet-stream' });
    res.end(body);
  } catch { res.writeHead(404).end(); }
});
server.listen(0, '127.0.0.1', () => console.log('Serving baseline at http://127.0.0.1:' + server.address().port + '/'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

function start(args: string[], label: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Serving .* at (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, child });
    });
    child.stderr!.on('data', (c: Buffer) => void (err += c.toString()));
    child.on('exit', (code) => reject(new Error(`${label} exited (${code}) before serving:\n${out}\n${err}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

interface Row {
  readonly name: string;
  readonly server: string;
  readonly rps: number;
  readonly p50: number;
  readonly p975: number;
  readonly p99: number;
  readonly bytes: number;
  readonly statuses: string;
}

async function load(name: string, server: string, url: string, headers: Record<string, string> = {}): Promise<Row> {
  const r = await autocannon({ url, connections, duration, headers });
  const statuses = Object.entries(r.statusCodeStats ?? {})
    .map(([code, s]) => `${code}×${s.count ?? 0}`)
    .join(' ');
  if (r.errors > 0 || r.timeouts > 0)
    console.error(`  ${name} (${server}): ${r.errors} errors, ${r.timeouts} timeouts`);
  return {
    name,
    server,
    rps: r.requests.average,
    p50: r.latency.p50,
    p975: r.latency.p97_5,
    p99: r.latency.p99,
    bytes: r.throughput.average / Math.max(1, r.requests.average),
    statuses,
  };
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-bench-serve-'));
const dataDir = path.join(dir, 'data');
const siteDir = path.join(dir, 'site');
const children: ChildProcess[] = [];
try {
  // 1. A store and a site from a generated corpus (closed before the server opens the store).
  const t0 = performance.now();
  const db = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
  const { deps, articles: articleCount } = await generatedEdition(db, Number(values.articles), {
    seed: 7,
    days: Number(values.days),
  });
  const published = await publishEdition(deps, { outDir: siteDir });
  if (!published.ok) throw new Error(published.message);
  await db.close();
  console.log(
    `Corpus: ${articleCount} articles over ${values.days} days -> ${published.value.stories} stories, site of ${published.value.pages} files (${((performance.now() - t0) / 1000).toFixed(1)} s to build)`,
  );

  // 2. Both servers, each in its own process.
  const ours = await start(
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `import { main } from ${JSON.stringify(path.join(PROJECT_ROOT, 'src/cli/main.ts'))}; process.exitCode = await main(process.argv.slice(1));`,
      '--',
      '--data',
      dataDir,
      'serve',
      '--site',
      siteDir,
      '--port',
      '0',
    ],
    'tidings serve',
  );
  children.push(ours.child);
  const baseline = await start(['--input-type=module', '-e', BASELINE, siteDir], 'baseline');
  children.push(baseline.child);

  // 3. What to ask for: the latest day's digest page and its first story.
  const days = (await (await fetch(`${ours.url}api/v1/digests?limit=1`)).json()) as { data: Array<{ date: string }> };
  const date = days.data[0]!.date;
  const stories = (await (await fetch(`${ours.url}api/v1/stories?date=${date}&limit=1`)).json()) as {
    data: Array<{ id: string }>;
  };
  const storyId = stories.data[0]!.id;
  const page = `en/days/${date}.html`;
  const first = await fetch(`${ours.url}${page}`);
  const etag = first.headers.get('etag') ?? '';
  const pageBytes = (await first.arrayBuffer()).byteLength;
  const timed = async (p: string) => {
    const t = performance.now();
    const r = await fetch(`${ours.url}${p}`);
    await r.arrayBuffer();
    return performance.now() - t;
  };
  const coldStory = await timed(`api/v1/stories/${storyId}`);
  const coldDigest = await timed(`api/v1/digests/${date}?lang=en`);
  const warmDigest = await timed(`api/v1/digests/${date}?lang=en`);
  console.log(`Digest page ${page}: ${(pageBytes / 1024).toFixed(1)} KB; story ${storyId}`);
  console.log(
    `First (uncached) API calls: story ${coldStory.toFixed(0)} ms, digest ${coldDigest.toFixed(0)} ms; digest again (cached) ${warmDigest.toFixed(1)} ms`,
  );
  console.log(
    `autocannon: ${connections} connections, ${duration} s per case and round, ${rounds} rounds (median shown), loopback; ours = tidings serve, baseline = minimal node:http file server\n`,
  );

  // Warm both (JIT, file and answer caches) so neither pays for starting up inside a measurement.
  for (const url of [`${baseline.url}${page}`, `${ours.url}${page}`, `${ours.url}api/v1/stories/${storyId}`]) {
    await autocannon({ url, connections, duration: 1 });
  }
  // The machine is shared: its load moves during a run. Each case runs `rounds` times, the order
  // rotating each round, and the median round is reported, so no case is measured only in a lull.
  const cases: Array<[string, string, string, Record<string, string>]> = [
    ['digest page', 'baseline', `${baseline.url}${page}`, {}],
    ['digest page', 'ours', `${ours.url}${page}`, {}],
    ['digest page, gzip/br accepted', 'ours', `${ours.url}${page}`, { 'accept-encoding': 'gzip, deflate, br' }],
    ['304 revalidation (If-None-Match)', 'ours', `${ours.url}${page}`, { 'if-none-match': etag }],
    ['story API /api/v1/stories/{id}', 'ours', `${ours.url}api/v1/stories/${storyId}`, {}],
    ['digest API /api/v1/digests/{date}', 'ours', `${ours.url}api/v1/digests/${date}?lang=en`, {}],
  ];
  const runs = cases.map(() => [] as Row[]);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const i = (k + round) % cases.length;
      const [name, server, url, headers] = cases[i]!;
      runs[i]!.push(await load(name, server, url, headers));
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rows: Row[] = runs.map((rs) => ({
    ...rs[0]!,
    rps: median(rs.map((r) => r.rps)),
    p50: median(rs.map((r) => r.p50)),
    p975: median(rs.map((r) => r.p975)),
    p99: median(rs.map((r) => r.p99)),
    statuses: rs.map((r) => r.statuses).join(' | '),
  }));
  const spread = runs.map((rs) => `${rs[0]!.server} ${rs[0]!.name}: ${rs.map((r) => r.rps.toFixed(0)).join(', ')}`);

  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(
    `${pad('case', 36)} ${pad('server', 9)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p97.5'.padStart(7)} ${'p99'.padStart(7)} ${'B/resp'.padStart(8)}  statuses`,
  );
  for (const r of rows) {
    console.log(
      `${pad(r.name, 36)} ${pad(r.server, 9)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(7)} ${String(r.p975).padStart(7)} ${String(r.p99).padStart(7)} ${r.bytes.toFixed(0).padStart(8)}  ${r.statuses}`,
    );
  }
  console.log(`\nreq/s per round (medians above):\n  ${spread.join('\n  ')}`);
  console.log(
    `\nMachine load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${os.cpus().length} CPUs (figures move with it).`,
  );
} finally {
  for (const child of children) await stop(child).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
}
