// Shared by benches: a generated corpus stored, grouped into stories, and ready for the edition.

import { groupNewArticles, type EditionDeps } from '../src/pipeline/edition.js';
import { loadRubricFile } from '../src/rank/rubric-file.js';
import { createArticleStore } from '../src/store/article-store.js';
import type { Database } from '../src/store/database.js';
import { createStoryStore } from '../src/store/story-store.js';
import { generateScaleCorpus } from './scale-corpus.js';
import { offlineWriter } from '../src/write/writer.js';

/** Stores `count` generated articles (seeded) in `db`, groups them, and returns the edition's deps. */
export async function generatedEdition(
  db: Database,
  count: number,
  options: { seed: number; days: number },
): Promise<{ deps: EditionDeps; articles: number }> {
  const articles = createArticleStore(db);
  const corpus = generateScaleCorpus(count, options);
  await articles.insertArticles(corpus.map((c) => ({ article: c.article, bands: c.bands, sighting: c.sighting })));
  const rubric = await loadRubricFile();
  if (!rubric.ok) throw new Error(rubric.message);
  const deps: EditionDeps = { articles, stories: createStoryStore(db), rubric: rubric.value, writer: offlineWriter };
  const grouped = await groupNewArticles(deps);
  if (!grouped.ok) throw new Error(grouped.message);
  return { deps, articles: corpus.length };
}
