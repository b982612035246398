// Shared by benches: the run as `tidings run` builds it (the composition root, src/cli/app.ts) over
// a bench's database, and a generated corpus stored and grouped by it, ready for the edition.

import { appOn, openRun, type RunOptions } from '../src/cli/app.js';
import { type Config, loadConfig, PROJECT_ROOT } from '../src/config.js';
import type { EditionDeps } from '../src/pipeline/edition.js';
import type { Run } from '../src/pipeline/run.js';
import type { Database } from '../src/store/database.js';
import { generateScaleCorpus } from './scale-corpus.js';

/** The config as the CLI reads it from the checkout with no environment: no model, the bundled rubric. */
export function benchConfig(): Config {
  const config = loadConfig({}, {}, PROJECT_ROOT);
  if (!config.ok) throw new Error(config.message);
  return config.value;
}

/**
 * The run over `db` from the composition root: the config as the CLI reads it with no environment
 * (no model unless `engine` is given: the offline engine; the bundled rubric), no network; a
 * registry and clock when the bench ingests files. The caller keeps `db` and closes it.
 */
export async function benchRun(
  db: Database,
  options: Pick<RunOptions, 'engine' | 'registry' | 'now'> = {},
): Promise<Run> {
  const opened = await openRun(appOn(benchConfig(), db), options);
  if (!opened.ok) throw new Error(opened.message);
  return opened.value.run;
}

/**
 * Stores `count` generated articles (seeded) in `db`, then groups them as `tidings run` does
 * (stories, then recognised translations folded into their originals, decision 0011).
 */
export async function generatedEdition(
  db: Database,
  count: number,
  options: { seed: number; days: number },
): Promise<{ deps: EditionDeps; run: Run; articles: number; translations: number }> {
  const run = await benchRun(db);
  const corpus = generateScaleCorpus(count, options);
  await run.deps.edition.articles.insertArticles(
    corpus.map((c) => ({ article: c.article, bands: c.bands, sighting: c.sighting })),
  );
  const grouped = await run.group();
  if (!grouped.ok) throw new Error(grouped.message);
  return { deps: run.deps.edition, run, articles: corpus.length, translations: grouped.value.translations };
}
