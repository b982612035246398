// Test and bench support: the end-to-end fixture corpus (test/fixtures/e2e) ingested into an
// in-memory store and grouped into stories, ready for the API to read. Nothing is written after.

import type { EditionDeps } from '../pipeline/edition.js';
import { createApiQueries, type ApiQueries } from '../store/api-queries.js';
import type { Database } from '../store/database.js';
import { openE2eRun } from '../../test/support/e2e-edition.js';

export interface E2eStore {
  readonly db: Database;
  readonly edition: EditionDeps;
  readonly queries: ApiQueries;
  close(): Promise<void>;
}

/** Ingested and grouped through the real wiring (the composition root's run), as `tidings run` does. */
export async function openE2eStore(): Promise<E2eStore> {
  const e2e = await openE2eRun();
  return { db: e2e.app.db, edition: e2e.run.deps.edition, queries: createApiQueries(e2e.app.db), close: e2e.close };
}
