// Site build at scale: a generated archive (bench/scale-corpus.ts: invented events, English and
// Chinese outlets) of about 20 stories a day over 30 days, stored in an in-memory PGlite, grouped,
// then built into a site as `tidings build` does. Prints the time of each phase (reading and
// writing the edition from the store, rendering the pages, writing files) side by side, and the
// page weight per kind (min / median / max) against the 100 KB budget of a digest page.
//   node --import tsx bench/build.ts [--articles 1550] [--days 30]

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { publishEdition } from '../src/pipeline/site-edition.js';
import { openDatabase } from '../src/store/database.js';
import { benchRun } from './generated-edition.js';
import { generateScaleCorpus } from './scale-corpus.js';
import { timedCalls } from './timed-calls.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const articlesWanted = arg('articles', 1550);
const days = arg('days', 30);
const kb = (n: number) => `${(n / 1024).toFixed(1)}`;

const db = await openDatabase({ kind: 'pglite', dataDir: null });
const out = await mkdtemp(path.join(tmpdir(), 'tidings-bench-site-'));
try {
  // The run as `tidings run` builds it (src/cli/app.ts): grouping folds recognised translations.
  const run = await benchRun(db);
  const deps = run.deps.edition;
  const s0 = performance.now();
  await deps.articles.insertArticles(generateScaleCorpus(articlesWanted, { days }));
  const grouped = await run.group();
  if (!grouped.ok) throw new Error(grouped.message);
  const setupS = (performance.now() - s0) / 1000;
  const storyCount = await deps.stories.countStories();
  console.error(
    `setup (not measured): ${articlesWanted} articles generated, stored and grouped into ${storyCount} stories (${grouped.value.translations} folded as translations) in ${setupS.toFixed(1)} s`,
  );

  // CPU time beside wall time: on a shared, loaded machine it is the steadier figure.
  const cpuS = (from: NodeJS.CpuUsage): number => {
    const u = process.cpuUsage(from);
    return (u.user + u.system) / 1e6;
  };
  const c0 = process.cpuUsage();
  let gatherCpuS = 0;
  const t0 = performance.now();
  let last = '';
  // Store reads during the build, timed at the store's edge (wall time: PGlite runs in this thread).
  const storeMs = { calls: 0, ms: 0 };
  const timed = <T extends object>(store: T): T =>
    timedCalls(store, (_method, ms) => {
      storeMs.calls++;
      storeMs.ms += ms;
    });
  // The run's publish step (run.publish) with its stores timed at their edge.
  const built = await publishEdition(
    {
      ...deps,
      articles: timed(deps.articles),
      stories: timed(deps.stories),
      ...(deps.translations ? { translations: timed(deps.translations) } : {}),
      ...(deps.machineTranslations ? { machineTranslations: timed(deps.machineTranslations) } : {}),
    },
    {
      outDir: out,
      onProgress: (m) => {
        if (m.startsWith('building pages') && gatherCpuS === 0) gatherCpuS = cpuS(c0);
        if (m.split(' ')[0] !== last) console.error(`  ${m}`);
        last = m.split(' ')[0]!;
      },
    },
  );
  const totalS = (performance.now() - t0) / 1000;
  const totalCpuS = cpuS(c0);
  if (!built.ok) throw new Error(built.message);
  const r = built.value;

  console.log(
    `\nsite build: ${r.days} days, ${r.stories} stories (${(r.stories / Math.max(1, r.days)).toFixed(1)} a day), ${r.articles} articles, offline engine, PGlite in memory`,
  );
  console.log(`phase                              seconds   share`);
  const phases: Array<[string, number]> = [
    ['read + write edition (store, writer, verify)', r.ms.gather / 1000],
    ['render pages (pure core)', r.ms.build / 1000],
    ['write files + search + feeds/exports', r.ms.write / 1000],
  ];
  for (const [name, s] of phases)
    console.log(`${name.padEnd(45)} ${s.toFixed(2).padStart(8)} ${((100 * s) / totalS).toFixed(0).padStart(6)}%`);
  console.log(
    `${'total'.padEnd(45)} ${totalS.toFixed(2).padStart(8)}   (${r.pages} files, ${(r.bytes / 1024 / 1024).toFixed(1)} MB)`,
  );
  console.log(`store reads during the build: ${storeMs.calls} calls, ${(storeMs.ms / 1000).toFixed(2)} s wall`);
  console.log(
    `cpu: read + write edition ${gatherCpuS.toFixed(2)} s, whole build ${totalCpuS.toFixed(2)} s (user + system, this process)`,
  );
  console.log(
    `per story: ${((1000 * totalS) / Math.max(1, r.stories)).toFixed(0)} ms; per file: ${((1000 * totalS) / r.pages).toFixed(1)} ms`,
  );

  console.log(`\npage weight per kind (KB)        files      min   median      max`);
  for (const [kind, k] of [...r.kinds.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(
      `${kind.padEnd(30)} ${String(k.pages).padStart(7)} ${kb(k.min).padStart(8)} ${kb(k.median).padStart(8)} ${kb(k.max).padStart(8)}`,
    );
  }
  const day = r.kinds.get('day');
  if (day)
    console.log(
      `\ndigest page budget: 100 KB; largest digest page ${kb(day.max)} KB (${day.max < 100 * 1024 ? 'within' : 'OVER'} budget)`,
    );
  if (r.failures.length > 0) console.log(`left out: ${r.failures.length} (first: ${r.failures[0]!.message})`);
} finally {
  await db.close();
  await rm(out, { recursive: true, force: true });
}
