// Everything the offline engine writes for the end-to-end fixture corpus (test/fixtures/e2e), as
// named files. Used by the golden test and by `npm run golden`, which rewrites test/golden/e2e/.

import path from 'node:path';
import { loadRegistry, openApp, openRun, type App } from '../../src/cli/app.js';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';
import { cardFor, digestFor, postFor, rankedStoryById, type EditionDeps } from '../../src/pipeline/edition.js';
import type { IngestReport } from '../../src/pipeline/ingest.js';
import type { Run } from '../../src/pipeline/run.js';
import { renderExplanation } from '../../src/rank/explain.js';
import { listStories } from '../../src/stories/assign.js';
import { renderStoryList } from '../../src/stories/render.js';
import { renderCard, renderDigest, renderPost } from '../../src/write/markdown.js';

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
  /** The run as `tidings run` builds it (src/cli/app.ts openRun), on an in-memory store. */
  readonly run: Run;
  close(): Promise<void>;
}

/** The fixture corpus ingested and grouped through the real wiring, before anything is written. */
export interface E2eRun {
  readonly app: App;
  /** The run as `tidings run` builds it (src/cli/app.ts openRun), on an in-memory store. */
  readonly run: Run;
  readonly ingest: IngestReport;
  close(): Promise<void>;
}

/**
 * The fixture corpus through the real wiring: the config as the CLI reads it (from the fixture
 * directory, no environment: no model, the bundled rubric and gazetteer), the composition root's
 * run on an in-memory store, then ingest and grouping as `tidings run` does them.
 */
export async function openE2eRun(): Promise<E2eRun> {
  const config = loadConfig({}, {}, E2E_DIR);
  if (!config.ok) throw new Error(config.message);
  const app = await openApp({ ...config.value, database: { kind: 'pglite', dataDir: null } });
  if (!app.ok) throw new Error(app.message);
  const registry = await loadRegistry(path.join(E2E_DIR, 'sources.yaml'));
  if (!registry.ok) throw new Error(registry.message);
  const opened = await openRun(app.value, { registry: registry.value, now: () => E2E_NOW });
  if (!opened.ok) throw new Error(opened.message);
  const { run } = opened.value;
  const report = await run.ingest(registry.value.inputs());
  // As `tidings run` does: grouping, then recognition of translations within each story.
  const grouped = await run.group();
  if (!grouped.ok) throw new Error(grouped.message);
  return {
    app: app.value,
    run,
    ingest: report,
    close: async () => {
      await opened.value.close();
      await app.value.close();
    },
  };
}

/** Everything the offline engine writes for the fixture corpus, written through the real wiring (openE2eRun). */
export async function buildE2eEdition(): Promise<E2eEdition> {
  const { run, ingest: report, close } = await openE2eRun();
  const deps = run.deps.edition;

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
  return {
    ingest: report,
    files,
    deps,
    run,
    close,
  };
}
