// Everything the offline engine writes for the end-to-end fixture corpus (test/fixtures/e2e), as
// named files. Used by the golden test and by `npm run golden`, which rewrites test/golden/e2e/.

import path from 'node:path';
import { loadRegistry } from '../../src/cli/app.js';
import { PROJECT_ROOT } from '../../src/config.js';
import {
  cardFor,
  digestFor,
  groupNewArticles,
  postFor,
  rankedStoryById,
  type EditionDeps,
} from '../../src/pipeline/edition.js';
import { ingest, type IngestReport } from '../../src/pipeline/ingest.js';
import { renderExplanation } from '../../src/rank/explain.js';
import { loadRubricFile } from '../../src/rank/rubric-file.js';
import { createArticleStore } from '../../src/store/article-store.js';
import { openDatabase } from '../../src/store/database.js';
import { createStoryStore } from '../../src/store/story-store.js';
import { createTranslationStore } from '../../src/store/translation-store.js';
import { listStories } from '../../src/stories/assign.js';
import { renderStoryList } from '../../src/stories/render.js';
import { renderCard, renderDigest, renderPost } from '../../src/write/markdown.js';
import { offlineWriter } from '../../src/write/writer.js';

export const E2E_DIR = path.join(PROJECT_ROOT, 'test/fixtures/e2e');
export const GOLDEN_DIR = path.join(PROJECT_ROOT, 'test/golden/e2e');
export const E2E_DATES = ['2026-03-02', '2026-03-03'] as const;
/** The ingest clock: fixed, because an undated article takes its day from it. */
export const E2E_NOW = new Date('2026-03-03T18:00:00Z');

/** Local files have file: URLs under the checkout; goldens must not depend on where that is. */
function portable(text: string): string {
  return text.split(`file://${PROJECT_ROOT}`).join('file://<checkout>');
}

export interface E2eEdition {
  readonly ingest: IngestReport;
  readonly files: ReadonlyMap<string, string>;
  readonly deps: EditionDeps;
  close(): Promise<void>;
}

export async function buildE2eEdition(): Promise<E2eEdition> {
  const db = await openDatabase({ kind: 'pglite', dataDir: null });
  const articles = createArticleStore(db);
  const registry = await loadRegistry(path.join(E2E_DIR, 'sources.yaml'));
  if (!registry.ok) throw new Error(registry.message);
  const report = await ingest(registry.value.inputs(), {
    store: articles,
    fetcher: null,
    findSource: (l) => registry.value.find(l),
    now: () => E2E_NOW,
    maxBytes: 1 << 22,
    concurrency: 1,
  });
  const rubric = await loadRubricFile();
  if (!rubric.ok) throw new Error(rubric.message);
  // As `tidings run` does: grouping, then recognition of translations within each story.
  const deps: EditionDeps = {
    articles,
    stories: createStoryStore(db),
    rubric: rubric.value,
    translations: createTranslationStore(db),
    writer: offlineWriter,
  };
  const grouped = await groupNewArticles(deps);
  if (!grouped.ok) throw new Error(grouped.message);

  const files = new Map<string, string>();
  const put = (name: string, text: string) => files.set(name, portable(text));
  const stories = await listStories({ stories: deps.stories });
  if (!stories.ok) throw new Error(stories.message);
  put('stories.txt', renderStoryList(stories.value));
  for (const date of E2E_DATES) {
    for (const face of ['en', 'zh'] as const) {
      const digest = await digestFor(deps, date, face);
      if (!digest.ok) throw new Error(digest.message);
      put(`digest-${date}.${face}.md`, renderDigest(digest.value));
      put(`digest-${date}.${face}.json`, `${JSON.stringify(digest.value, null, 2)}\n`);
    }
  }
  for (const story of stories.value) {
    const ranked = await rankedStoryById(deps, story.id);
    if (!ranked.ok) throw new Error(ranked.message);
    put(`explain-${story.id}.txt`, renderExplanation(story.title ?? story.id, ranked.value.input.ranking));
    for (const face of ['en', 'zh'] as const) {
      const post = await postFor(deps, story.id, face);
      if (!post.ok) throw new Error(post.message);
      put(`post-${story.id}.${face}.md`, renderPost(post.value));
    }
    for (const entry of story.timeline) {
      const card = await cardFor(deps, entry.articleId, null);
      if (!card.ok) throw new Error(card.message);
      put(`card-${entry.articleId}.md`, renderCard(card.value));
      put(`card-${entry.articleId}.json`, `${JSON.stringify(card.value, null, 2)}\n`);
    }
  }
  return { ingest: report, files, deps, close: () => db.close() };
}
