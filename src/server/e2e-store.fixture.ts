// Test and bench support: the end-to-end fixture corpus (test/fixtures/e2e) ingested into an
// in-memory store and grouped into stories, ready for the API to read. Nothing is written after.

import path from 'node:path';
import { loadRegistry } from '../cli/app.js';
import type { EditionDeps } from '../pipeline/edition.js';
import { groupNewArticles } from '../pipeline/edition.js';
import { ingest } from '../pipeline/ingest.js';
import { loadRubricFile } from '../rank/rubric-file.js';
import { createApiQueries, type ApiQueries } from '../store/api-queries.js';
import { createArticleStore } from '../store/article-store.js';
import { openDatabase, type Database } from '../store/database.js';
import { createStoryStore } from '../store/story-store.js';
import { createTranslationStore } from '../store/translation-store.js';
import { E2E_DIR, E2E_NOW } from '../../test/support/e2e-edition.js';
import { offlineWriter } from '../write/writer.js';

export interface E2eStore {
  readonly db: Database;
  readonly edition: EditionDeps;
  readonly queries: ApiQueries;
  close(): Promise<void>;
}

export async function openE2eStore(): Promise<E2eStore> {
  const db = await openDatabase({ kind: 'pglite', dataDir: null });
  const articles = createArticleStore(db);
  const registry = await loadRegistry(path.join(E2E_DIR, 'sources.yaml'));
  if (!registry.ok) throw new Error(registry.message);
  await ingest(registry.value.inputs(), {
    store: articles,
    fetcher: null,
    findSource: (l) => registry.value.find(l),
    now: () => E2E_NOW,
    maxBytes: 1 << 22,
    concurrency: 1,
  });
  const rubric = await loadRubricFile();
  if (!rubric.ok) throw new Error(rubric.message);
  // Grouping, then recognition of translations, as `tidings run` does.
  const edition: EditionDeps = {
    articles,
    stories: createStoryStore(db),
    rubric: rubric.value,
    translations: createTranslationStore(db),
    writer: offlineWriter,
  };
  const grouped = await groupNewArticles(edition);
  if (!grouped.ok) throw new Error(grouped.message);
  return { db, edition, queries: createApiQueries(db), close: () => db.close() };
}
