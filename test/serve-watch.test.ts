// `tidings serve --watch` on the embedded store (issue 16): one process serves the site and the API
// while its watch cycles poll a feed served by this test on 127.0.0.1. A new item added to the feed
// is on the home page, in the site's feeds and in the API after the first cycle that starts after
// it was added; a reader fetching pages in a loop meanwhile (across the atomic site swaps) never
// gets a 404, a 5xx or an empty page; /healthz and /metrics answer, the metrics in the Prometheus
// text exposition format. SIGTERM stops it with exit code 0.

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshServerDatabase } from './support/backends.js';
import { parseExposition } from './support/exposition.js';
import { runTidings } from './support/run-cli.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = pathToFileURL(path.join(root, 'node_modules/tsx/dist/esm/index.mjs')).href;

const TODAY = new Date().toISOString().slice(0, 10);

interface Item {
  readonly slug: string;
  readonly title: string;
  readonly company: string;
  readonly text: readonly string[];
}

const ITEMS: readonly Item[] = [
  {
    slug: 'quarrow-model',
    title: 'Quarrow Labs releases Q-7, an open-weights model for code review',
    company: 'Quarrow Labs',
    text: [
      'Quarrow Labs on Monday released Q-7, an open-weights language model trained to review source code, under a permissive license that allows commercial use.',
      'The company said Q-7 has 34 billion parameters and was trained on 2.1 trillion tokens of permissively licensed code and technical writing collected over eighteen months.',
      "In the company's own tests the model found 41 percent of seeded bugs in a benchmark of pull requests, against 33 percent for the previous version, Q-6.",
      'Quarrow said the weights, the evaluation harness and a report on the training data are available for download from its website starting today.',
      'Independent researchers have not yet reproduced the results, and the company did not say how much the training run cost.',
    ],
  },
  {
    slug: 'tessel-chip',
    title: 'Tessel Systems opens orders for its Tern inference accelerator',
    company: 'Tessel Systems',
    text: [
      'Tessel Systems opened orders on Tuesday for Tern, an accelerator card built to run large language models in data centers at lower power than general-purpose GPUs.',
      'The startup said each card delivers 410 trillion operations per second at eight-bit precision while drawing 275 watts, and that shipments begin in the third quarter.',
      'Tessel, founded in 2021 by former network-chip engineers, has raised 180 million dollars from investors including two cloud providers it did not name.',
      "Customers can order racks of 32 cards with the company's own interconnect and software that compiles models from common frameworks without changes.",
      'Analysts said the price, which Tessel did not disclose, will decide whether the card wins business from the largest buyers of AI hardware.',
    ],
  },
  {
    slug: 'meridian-rule',
    title: 'Meridian regulator proposes audit rules for large AI models',
    company: 'Meridian Digital Authority',
    text: [
      'The Meridian Digital Authority proposed rules on Wednesday that would require developers of the largest AI models to commission independent safety audits before release.',
      'Under the draft, models trained with more than ten to the twenty-sixth operations would be audited each year, and audit summaries would be published within ninety days.',
      'The authority opened a public comment period of sixty days and said it would hold two hearings with developers, researchers and civil society groups in the spring.',
      'Industry groups said the threshold was reasonable but asked for clearer rules on which audit firms qualify and how trade secrets would be protected.',
      'The authority said the final rules could take effect next year if the legislature approves the budget for a new inspection office.',
    ],
  },
  {
    slug: 'calloway-funding',
    title: 'Calloway Robotics raises 95 million dollars for warehouse robot arms',
    company: 'Calloway Robotics',
    text: [
      'Calloway Robotics said on Thursday it had raised 95 million dollars in a Series B round to build robot arms that pick goods in warehouses using vision models.',
      'The round was led by a logistics fund and values the company at 610 million dollars, according to two people familiar with the deal who asked not to be named.',
      'Calloway said its arms now pick 1,200 items an hour in pilot sites run by three retailers, about twice the rate the company reported a year ago.',
      'The startup plans to double its engineering staff to 140 people and open a second assembly site in the spring to meet orders it already holds.',
      'Competitors in warehouse picking have struggled to turn pilots into large contracts, and Calloway did not say how many arms are in paid use.',
    ],
  },
];

function pageHtml(item: Item): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${item.title} | Gridline Wire</title>
<meta property="og:site_name" content="Gridline Wire">
<meta property="article:published_time" content="${TODAY}T08:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>${item.title}</h1><p class="byline">By Desk Staff</p>
${item.text.map((p) => `<p>${p}</p>`).join('\n')}
</article><footer>© Gridline Wire</footer></body></html>
`;
}

function feedXml(base: string, items: readonly Item[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Gridline Wire — AI</title><link>${base}</link><description>AI news</description>
${items.map((i) => `<item><title>${i.title}</title><link>${base}news/${i.slug}.html</link><guid>${base}news/${i.slug}.html</guid><pubDate>${new Date(`${TODAY}T08:00:00Z`).toUTCString()}</pubDate><description>${i.text[0]}</description></item>`).join('\n')}
</channel></rss>
`;
}

interface Child {
  readonly proc: ChildProcess;
  out: string;
  err: string;
  readonly exited: Promise<number | null>;
}

async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  child: Child,
  timeoutMs = 180_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end || child.proc.exitCode !== null)
      throw new Error(
        `timed out waiting for ${what}; stdout:\n${child.out.slice(-3000)}\nstderr:\n${child.err.slice(-3000)}`,
      );
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Cycle lines printed so far: each cycle's start time and its line. */
function cycles(child: Child): Array<{ start: Date; line: string }> {
  return [...child.out.matchAll(/^watch cycle (\S+): (.*)$/gm)].map((m) => ({ start: new Date(m[1]!), line: m[2]! }));
}

describe('tidings serve --watch (embedded store)', () => {
  let dir: string;
  let feedServer: http.Server;
  let feedBase: string;
  let published: Item[] = [ITEMS[0]!, ITEMS[1]!];
  let child: Child;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-serve-watch-'));
    feedServer = http.createServer((req, res) => {
      const url = req.url ?? '/';
      if (url === '/robots.txt') {
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
        return;
      }
      if (url === '/feed.xml') {
        res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(feedXml(feedBase, published));
        return;
      }
      const item = ITEMS.find((i) => url === `/news/${i.slug}.html`);
      if (item) {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(pageHtml(item));
        return;
      }
      res.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
    feedBase = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/`;
    await writeFile(
      path.join(dir, 'sources.yaml'),
      `version: 1
sources:
  - id: gridline
    name: Gridline Wire
    kind: feed
    type: news
    language: en
    url: ${feedBase}feed.xml
`,
    );
  });

  after(async () => {
    if (child && child.proc.exitCode === null) {
      child.proc.kill('SIGKILL');
      await child.exited;
    }
    await new Promise<void>((resolve) => feedServer.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });

  test('a new feed item reaches the home page, the site feeds and the API within one cycle; readers never miss a page', async (t) => {
    const proc = spawn(
      process.execPath,
      [
        '--import',
        TSX,
        path.join(root, 'test/support/tidings-main.ts'),
        'serve',
        '--watch',
        '--every',
        '0.05',
        '--site',
        'site',
        '--port',
        '0',
        '--data',
        'data',
        '--allow-host',
        '127.0.0.1',
      ],
      {
        cwd: dir,
        env: { ...process.env, TIDINGS_DATABASE_URL: '', TIDINGS_LLM_PROVIDER: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = { proc, out: '', err: '', exited: new Promise((resolve) => proc.on('exit', (code) => resolve(code))) };
    proc.stdout!.on('data', (d: Buffer) => (child.out += d.toString()));
    proc.stderr!.on('data', (d: Buffer) => (child.err += d.toString()));

    await until('the address', () => /Serving .* at (http:\S+)/.test(child.out), child);
    const url = /Serving .* at (http:\S+)/.exec(child.out)![1]!;
    const get = async (p: string) => {
      const res = await fetch(url + p);
      return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
    };
    const home = () => get('en/');
    const siteFeed = () => get('feeds/en/rss.xml');
    await until('the first two items on the home page', async () => (await home()).body.includes('Quarrow'), child);
    assert.ok((await home()).body.includes('Tessel'), 'both first items are on the home page');
    const apiBefore = await get('api/v1/articles?limit=50');
    assert.equal(apiBefore.status, 200);
    assert.ok(!apiBefore.body.includes('Meridian'));

    // A reader going through pages in a loop for the rest of the test (swaps happen every cycle).
    const pages = ['', 'en/', 'zh/', 'feeds/en/rss.xml', 'feeds/en/atom.xml', 'feeds/zh/rss.xml'];
    const cyclesBeforeReading = cycles(child).length;
    let reading = true;
    const reads = { n: 0, bad: [] as string[], slowestMs: 0 };
    const reader = (async () => {
      while (reading) {
        for (const p of pages) {
          try {
            const t0 = Date.now();
            const r = await get(p);
            reads.slowestMs = Math.max(reads.slowestMs, Date.now() - t0);
            reads.n++;
            if (r.status !== 200 || r.body.length === 0) reads.bad.push(`/${p}: ${r.status} (${r.body.length} bytes)`);
          } catch (error) {
            reads.bad.push(`/${p}: ${(error as Error).message}`);
          }
        }
      }
    })();

    try {
      // Let at least one cycle with nothing new pass while the reader reads.
      const seenBefore = cycles(child).length;
      await until('a cycle with nothing new', () => cycles(child).length > seenBefore, child);
      published = ITEMS.slice(0, 3);
      const added = new Date();
      // The first cycle that starts after the item was added must bring it everywhere.
      await until('a cycle started after the item was added', () => cycles(child).some((c) => c.start > added), child);
      const first = cycles(child).find((c) => c.start > added)!;
      assert.match(first.line, /^1 new, /, `the first cycle after the addition stored the new item: ${first.line}`);
      assert.match(first.line, /[1-9]\d* pages? rewritten/);
      const page = await home();
      assert.ok(page.body.includes('Meridian'), 'the new item is on the home page');
      const feed = await siteFeed();
      assert.equal(feed.status, 200);
      assert.ok(feed.body.includes('Meridian'), "the new item is in the site's feed");
      const apiAfter = await get('api/v1/articles?limit=50');
      assert.ok(apiAfter.body.includes('Meridian'), "the API's cache was dropped after the cycle");
      // A second addition: a second swap under the reader.
      published = [...ITEMS];
      const addedAgain = new Date();
      await until(
        'a cycle started after the second addition',
        () => cycles(child).some((c) => c.start > addedAgain),
        child,
      );
      assert.match(cycles(child).find((c) => c.start > addedAgain)!.line, /^1 new, /);
      assert.ok((await home()).body.includes('Calloway'), 'the second new item is on the home page');
      // And one more cycle with nothing new under the reader.
      const n = cycles(child).length;
      await until('one more cycle', () => cycles(child).length > n, child);
    } finally {
      reading = false;
      await reader;
    }
    const swaps = cycles(child)
      .slice(cyclesBeforeReading)
      .filter((c) => /[1-9]\d* pages? rewritten/.test(c.line)).length;
    assert.ok(swaps >= 2, `${swaps} site swaps happened while the reader read`);
    assert.deepEqual(reads.bad, [], `${reads.bad.length} of ${reads.n} reads failed`);
    assert.ok(reads.n >= pages.length * 3, `the reader read ${reads.n} pages`);
    const quiet = cycles(child).at(-1)!.line;
    assert.match(quiet, /^0 new, /);

    // /healthz: the store answers, the last cycle is named with its time and outcome.
    const health = await get('healthz');
    assert.equal(health.status, 200);
    assert.match(health.type, /^application\/json/);
    const h = JSON.parse(health.body) as {
      status: string;
      store: { reachable: boolean; kind: string };
      watching: boolean;
      lastCycle: { finishedAt: string; outcome: string; durationSeconds: number };
    };
    assert.equal(h.status, 'ok');
    assert.deepEqual(h.store, { kind: 'pglite', reachable: true });
    assert.equal(h.watching, true);
    assert.ok(['ok', 'idle', 'failed'].includes(h.lastCycle.outcome));
    assert.ok(Date.now() - Date.parse(h.lastCycle.finishedAt) < 120_000);
    assert.ok(h.lastCycle.durationSeconds >= 0);

    // /metrics: valid exposition text, with the figures the issue asks for.
    const metrics = await get('metrics');
    assert.equal(metrics.status, 200);
    assert.match(metrics.type, /^text\/plain; version=0\.0\.4/);
    const parsed = parseExposition(metrics.body);
    const value = (name: string, labels: Record<string, string> = {}) =>
      parsed.samples.find((s) => s.name === name && JSON.stringify(s.labels) === JSON.stringify(labels))?.value;
    assert.equal(value('tidings_articles_total', { outcome: 'new' }), 4);
    assert.equal(value('tidings_articles_stored'), 4);
    assert.equal(typeof value('tidings_articles_total', { outcome: 'duplicate' }), 'number');
    for (const state of ['queued', 'running', 'failed'])
      assert.equal(typeof value('tidings_jobs', { state }), 'number', `tidings_jobs{state="${state}"}`);
    assert.ok(
      (value('tidings_fetches_total', { status: '200' }) ?? 0) >= 5,
      'the feed and its four pages were fetched',
    );
    assert.ok((value('tidings_cycle_duration_seconds_count') ?? 0) >= 3);
    assert.ok((value('tidings_cycle_duration_seconds_sum') ?? 0) > 0);
    assert.equal(parsed.types.get('tidings_articles_total'), 'counter');
    assert.equal(parsed.types.get('tidings_cycle_duration_seconds'), 'summary');

    t.diagnostic(
      `${reads.n} reads across ${swaps} site swaps (slowest ${reads.slowestMs} ms); ${cycles(child).length} cycles:\n${cycles(
        child,
      )
        .map((c) => `  ${c.line}`)
        .join('\n')}`,
    );
    t.diagnostic(metrics.body);
    proc.kill('SIGTERM');
    assert.equal(await child.exited, 0, child.err.slice(-2000));
    assert.match(child.out, /Stopped \(SIGTERM\)/);
  });
});

// A plain `tidings serve` on PostgreSQL, while another process is the editor: its API cache is
// dropped once that process records a cycle that ran jobs (it looks every 10 s).
const server = process.env.TIDINGS_TEST_DATABASE_URL;
describe("tidings serve on PostgreSQL follows another process's cycles", {
  skip: server ? false : 'no TIDINGS_TEST_DATABASE_URL (scripts/test.sh sets it)',
}, () => {
  test("an article stored by another process shows in the API after that process's cycle is recorded", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-serve-follow-'));
    const fresh = await freshServerDatabase(server!);
    await mkdir(path.join(dir, 'site'), { recursive: true });
    await writeFile(path.join(dir, 'site/index.html'), '<!doctype html><title>home</title>');
    await writeFile(path.join(dir, 'tessel.html'), pageHtml(ITEMS[1]!));
    const proc = spawn(
      process.execPath,
      [
        '--import',
        TSX,
        path.join(root, 'test/support/tidings-main.ts'),
        'serve',
        '--site',
        'site',
        '--port',
        '0',
        '--data',
        'data',
      ],
      {
        cwd: dir,
        env: { ...process.env, TIDINGS_DATABASE_URL: fresh.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const child: Child = {
      proc,
      out: '',
      err: '',
      exited: new Promise((resolve) => proc.on('exit', (code) => resolve(code))),
    };
    proc.stdout!.on('data', (d: Buffer) => (child.out += d.toString()));
    proc.stderr!.on('data', (d: Buffer) => (child.err += d.toString()));
    try {
      await until('the address', () => /Serving .* at (http:\S+)/.test(child.out), child);
      const url = /Serving .* at (http:\S+)/.exec(child.out)![1]!;
      const articles = async () =>
        (await (await fetch(`${url}api/v1/articles`)).json()) as { data: Array<{ title: string }> };
      assert.deepEqual((await articles()).data, []);
      const ingested = await runTidings(
        ['--data', path.join(dir, 'data2'), '--database-url', fresh.url, 'ingest', path.join(dir, 'tessel.html')],
        dir,
      );
      assert.equal(ingested.code, 0, ingested.err);
      // Stored, but the answer is cached: no cycle has said the store changed.
      assert.deepEqual((await articles()).data, []);
      await fresh.db.query(
        "INSERT INTO watch_cycles (started_at, finished_at, outcome, new_articles) VALUES (now(), now(), 'ok', 1)",
      );
      const since = Date.now();
      await until(
        'the API to show the article',
        async () => (await articles()).data.some((a) => a.title.includes('Tessel')),
        child,
        60_000,
      );
      assert.ok(Date.now() - since < 25_000, `noticed after ${Date.now() - since} ms`);
      proc.kill('SIGTERM');
      assert.equal(await child.exited, 0);
    } finally {
      if (proc.exitCode === null) proc.kill('SIGKILL');
      await fresh.dispose();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
