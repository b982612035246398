// Scale: from N stored articles to a finished digest. Each size runs in its own child process
// (fresh store on disk, so peak RSS is per size): generate N articles over 30 days
// (bench/scale-corpus.ts) and bulk-insert them, then time separately (a) grouping every article
// into stories and (b) the verified English digest of the last day, rendered as Markdown.
//   node --import tsx bench/scale.ts [--sizes 1000,10000,100000] [--engine pglite|postgres] [--days 30 | --per-day 100] [--calls]
// --days spreads every size over the same days (coverage per day grows with the size: a stress of
// the grouping window); --per-day N spreads each size over size/N days (an archive that grows by
// days, as a real one does, at N articles a day).
// --calls also prints, per size, the time spent in each store call (where grouping and the digest
// wait on the store, and what is left for placing in memory). --keep DIR leaves the PGlite store of
// each size in DIR/<size>, for EXPLAIN ANALYZE of its queries.

import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { digestFor, groupNewArticles, latestDay, type EditionDeps } from '../src/pipeline/edition.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { renderDigest } from '../src/write/markdown.js';
import { freshServerDatabase } from '../test/support/backends.js';
import { benchRun } from './generated-edition.js';
import { scaleArticles, type ScaleArticle } from './scale-corpus.js';
import { timedCalls } from './timed-calls.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    engine: { type: 'string', default: 'pglite' },
    days: { type: 'string', default: '30' },
    'per-day': { type: 'string' },
    child: { type: 'string' },
    calls: { type: 'boolean', default: false },
    keep: { type: 'string' },
  },
});
const serverUrl = process.env.TIDINGS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const engine = values.engine === 'postgres' ? 'postgres' : 'pglite';
const perDay = values['per-day'] === undefined ? null : Number(values['per-day']);
if (perDay !== null && !(perDay > 0))
  throw new Error(`--per-day must be a positive number, got "${values['per-day']}"`);
const daysFor = (size: number) => (perDay === null ? Number(values.days) : Math.max(1, Math.round(size / perDay)));

interface Row {
  size: number;
  engine: string;
  generateS: number;
  insertS: number;
  groupS: number;
  groupMsPerArticle: number;
  /** CPU time of this process (PGlite runs in it) per article grouped: steadier than wall time on a shared machine. */
  groupCpuMsPerArticle: number;
  digestCpuS: number;
  stories: number;
  day: string;
  digestItems: number;
  digestS: number;
  digestBytes: number;
  peakRssMb: number;
}

if (values.child) await child(Number(values.child));
else await parent();

async function parent(): Promise<void> {
  const sizes = values.sizes!.split(',').map(Number);
  const rows: Row[] = [];
  for (const size of sizes) {
    const args = [
      '--import',
      'tsx',
      import.meta.filename,
      '--child',
      String(size),
      '--engine',
      engine,
      '--days',
      String(daysFor(size)),
      ...(values.calls ? ['--calls'] : []),
      ...(values.keep ? ['--keep', values.keep] : []),
    ];
    const run = spawnSync(process.execPath, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 24,
    });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    if (run.status !== 0 || !line.startsWith('{')) {
      console.error(`size ${size}: child failed (exit ${run.status})`);
      continue;
    }
    rows.push(JSON.parse(line) as Row);
  }
  console.log(
    `\nscale: ${engine}, articles over ${perDay === null ? `${values.days} days` : `size/${perDay} days (${perDay} a day)`}; generation and bulk insert are setup, not the measure`,
  );
  console.log(
    'articles  generate s  insert s  group s  ms/article  CPU ms/article  stories  last day    digest items  digest s  digest CPU s  peak RSS MB',
  );
  for (const r of rows) {
    console.log(
      `${String(r.size).padStart(8)} ${r.generateS.toFixed(1).padStart(11)} ${r.insertS.toFixed(1).padStart(9)} ${r.groupS.toFixed(1).padStart(8)} ${r.groupMsPerArticle.toFixed(2).padStart(11)} ${r.groupCpuMsPerArticle.toFixed(2).padStart(15)}` +
        ` ${String(r.stories).padStart(8)}  ${r.day} ${String(r.digestItems).padStart(13)} ${r.digestS.toFixed(2).padStart(9)} ${r.digestCpuS.toFixed(2).padStart(13)} ${r.peakRssMb.toFixed(0).padStart(12)}`,
    );
  }
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1]!, rows[i]!];
    console.log(
      `growth ${a.size} -> ${b.size} (x${(b.size / a.size).toFixed(0)}): group x${(b.groupS / a.groupS).toFixed(1)} (CPU per article x${(b.groupCpuMsPerArticle / a.groupCpuMsPerArticle).toFixed(2)}), digest x${(b.digestS / a.digestS).toFixed(1)}` +
        ` (digest items x${(b.digestItems / a.digestItems).toFixed(1)}), peak RSS x${(b.peakRssMb / a.peakRssMb).toFixed(1)}`,
    );
  }
}

async function child(size: number): Promise<void> {
  let db: Database;
  let dispose: () => Promise<void>;
  let dataDir: string | null = null;
  if (engine === 'pglite') {
    dataDir = values.keep
      ? path.join(values.keep, String(size))
      : await mkdtemp(path.join(os.tmpdir(), 'tidings-scale-db-'));
    await mkdir(dataDir, { recursive: true });
    db = await openDatabase({ kind: 'pglite', dataDir });
    dispose = () => db.close();
  } else {
    const fresh = await freshServerDatabase(serverUrl);
    db = fresh.db;
    dispose = fresh.dispose;
  }
  try {
    // The run's dependencies as `tidings run` builds them (src/cli/app.ts openRun); with --calls,
    // its stores timed at their edge. Grouping below is the run's group step (run.group) over them.
    const run = await benchRun(db);
    const calls = new Map<string, { n: number; ms: number }>();
    const root = run.deps.edition;
    const deps: EditionDeps = values.calls
      ? {
          ...root,
          articles: timed(root.articles, 'articles', calls),
          stories: timed(root.stories, 'stories', calls),
          ...(root.translations ? { translations: timed(root.translations, 'translations', calls) } : {}),
        }
      : root;
    const articles = deps.articles;

    // Setup: generate and insert in batches, so the whole corpus is never held at once.
    let generateMs = 0;
    let insertMs = 0;
    const batch = 1000;
    const source = scaleArticles(size, { days: Number(values.days) });
    for (let from = 0; from < size; from += batch) {
      const g = performance.now();
      const part: ScaleArticle[] = [];
      for (let k = 0; k < batch; k++) {
        const next = source.next();
        if (next.done) break;
        part.push(next.value);
      }
      const i = performance.now();
      generateMs += i - g;
      await articles.insertArticles(part);
      insertMs += performance.now() - i;
    }
    log(`${size}: generated in ${(generateMs / 1000).toFixed(1)} s, inserted in ${(insertMs / 1000).toFixed(1)} s`);

    calls.clear();
    const gc0 = cpuMs();
    const g0 = performance.now();
    const grouped = await groupNewArticles(deps);
    const groupMs = performance.now() - g0;
    const groupCpuMs = cpuMs() - gc0;
    if (!grouped.ok) throw new Error(grouped.message);
    report(calls, 'grouping');
    const storyCount = await deps.stories.countStories();
    log(
      `${size}: grouped in ${(groupMs / 1000).toFixed(1)} s into ${storyCount} stories (${grouped.value.translations} articles folded as translations)`,
    );

    calls.clear();
    const dc0 = cpuMs();
    const d0 = performance.now();
    const day = await latestDay(deps);
    if (day === null) throw new Error('no latest day');
    const digest = await digestFor(deps, day, 'en');
    if (!digest.ok) throw new Error(digest.message);
    const markdown = renderDigest(digest.value);
    const digestMs = performance.now() - d0;
    const digestCpuMs = cpuMs() - dc0;
    const items = digest.value.tiers.reduce((n, t) => n + t.items.length, 0);
    report(calls, 'digest');
    log(`${size}: digest of ${day} (${items} items, ${markdown.length} chars) in ${(digestMs / 1000).toFixed(2)} s`);

    const row: Row = {
      size,
      engine,
      generateS: generateMs / 1000,
      insertS: insertMs / 1000,
      groupS: groupMs / 1000,
      groupMsPerArticle: groupMs / size,
      groupCpuMsPerArticle: groupCpuMs / size,
      digestCpuS: digestCpuMs / 1000,
      stories: storyCount,
      day,
      digestItems: items,
      digestS: digestMs / 1000,
      digestBytes: Buffer.byteLength(markdown),
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
    console.log(JSON.stringify(row));
  } finally {
    await dispose();
    if (dataDir && !values.keep) await rm(dataDir, { recursive: true, force: true });
  }
}

/** The same store, timing each method call into `totals` under "label.method". */
function timed<T extends object>(target: T, label: string, totals: Map<string, { n: number; ms: number }>): T {
  return timedCalls(target, (method, ms) => {
    const k = `${label}.${method}`;
    const e = totals.get(k) ?? { n: 0, ms: 0 };
    e.n++;
    e.ms += ms;
    totals.set(k, e);
  });
}

function report(calls: ReadonlyMap<string, { n: number; ms: number }>, phase: string): void {
  for (const [k, v] of [...calls].sort((a, b) => b[1].ms - a[1].ms))
    log(`  ${phase}: ${k} x${v.n} ${(v.ms / 1000).toFixed(2)} s`);
}

function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

function log(message: string): void {
  process.stderr.write(`  ${message}\n`);
}
