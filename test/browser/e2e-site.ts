// The site under test: the end-to-end fixture corpus (test/fixtures/e2e) and the hostile pages
// (test/fixtures/hostile/*.html, dated later, so their day is the home page), ingested into a fresh in-memory store,
// grouped into stories, one English article given a Chinese translation (the corpus has none, and
// the reader's layouts need one), and published with the project's own site builder into a temp dir. Only ingest and grouping are repeated here (the golden outputs of e2e-edition.ts are
// not needed, and computing them again would double the time).

import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadRegistry } from '../../src/cli/app.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { groupNewArticles, type EditionDeps } from '../../src/pipeline/edition.js';
import { ingest } from '../../src/pipeline/ingest.js';
import type { PublishReport } from '../../src/publish/site/publish-site.js';
import { publishEdition } from '../../src/pipeline/site-edition.js';
import { loadRubricFile } from '../../src/rank/rubric-file.js';
import { createArticleStore } from '../../src/store/article-store.js';
import { openDatabase } from '../../src/store/database.js';
import { createStoryStore } from '../../src/store/story-store.js';
import { E2E_DIR, E2E_NOW } from '../support/e2e-edition.js';
import { offlineWriter } from '../../src/write/writer.js';

export interface BuiltTestSite {
  readonly dir: string;
  readonly report: PublishReport;
  /** The hostile pages ingested (none when the fixture is missing). */
  readonly hostile: readonly string[];
  readonly deps: EditionDeps;
  close(): Promise<void>;
}

export const HOSTILE_DIR = path.join(PROJECT_ROOT, 'test/fixtures/hostile');
/** The article that gets a translation, and the translation of its first paragraphs (ours, for this test). */
export const TRANSLATED_URL = 'https://kestrelreport.example/2026/03/03/stepfun-step-4-swift';
const TRANSLATION = {
  titleZh: '阶跃星辰 Step-4 Swift 每秒 650 个 token，输入价格下调 60%',
  zh: [
    '总部位于上海的模型开发商阶跃星辰周二发布 Step-4 Swift。这是其 Step-4 模型的提速版本，公司称单个用户每秒最多可生成 650 个 token，是标准 Step-4 API 的 4 倍。',
    '公司同时下调了价格。Step-4 Swift 的输入价格为每百万 token 2 元，比 Step-4 的 5 元低 60%；输出价格为每百万 token 8 元。上下文窗口仍为 128,000 个 token，与 Step-4 相同。',
    '“我们的大多数用户从来不需要更大的模型，他们需要的是更快的模型。”负责阶跃星辰开发者平台产品的何静说。',
  ],
};

async function addTranslation(deps: EditionDeps): Promise<void> {
  const id = await deps.articles.findByUrl([TRANSLATED_URL]);
  const article = id === null ? null : await deps.articles.getArticle(id);
  if (id === null || article === null || article === 'ambiguous')
    throw new Error(`the e2e corpus has no article at ${TRANSLATED_URL}`);
  const pairs = TRANSLATION.zh.map((zh, i) => ({ en: article.paragraphs[i] ?? '', zh }));
  const attached = await deps.articles.attachTranslation(
    id,
    { layout: 'interleaved', titleEn: article.title, titleZh: TRANSLATION.titleZh, pairs },
    [],
    {
      url: 'https://zh.kestrelreport.example/2026/03/03/stepfun-step-4-swift',
      relation: 'translation',
      outlet: 'Kestrel Report',
      sourceId: null,
      sourceType: 'news',
      feedTitle: null,
      via: null,
      seenAt: '2026-03-03T12:00:00.000Z',
    },
  );
  if (!attached) throw new Error(`could not attach the test translation to ${id}`);
}

/** The hostile pages; an empty list fails the tests that need them. */
export async function hostilePages(): Promise<string[]> {
  const names = await readdir(HOSTILE_DIR).catch(() => [] as string[]);
  return names
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => path.join(HOSTILE_DIR, f));
}

/** Builds the site from a registry of fixture sources; throws (so the tests fail) when any step fails. */
export async function buildFixtureSite(registryPath = path.join(E2E_DIR, 'sources.yaml')): Promise<BuiltTestSite> {
  const work = await mkdtemp(path.join(tmpdir(), 'tidings-browser-'));
  const hostile = await hostilePages();
  const db = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    const articles = createArticleStore(db);
    const registry = await loadRegistry(registryPath);
    if (!registry.ok) throw new Error(`fixture registry ${registryPath}: ${registry.message}`);
    const ingested = await ingest([...registry.value.inputs(), ...hostile], {
      store: articles,
      fetcher: null,
      findSource: (l) => registry.value.find(l) ?? null,
      now: () => E2E_NOW,
      maxBytes: 1 << 22,
      concurrency: 1,
    });
    const failed = ingested.outcomes.filter((o) => o.status === 'failed');
    if (failed.length > 0) throw new Error(`ingesting the browser fixtures: ${JSON.stringify(failed).slice(0, 500)}`);
    const rubric = await loadRubricFile();
    if (!rubric.ok) throw new Error(rubric.message);
    const deps: EditionDeps = { articles, stories: createStoryStore(db), rubric: rubric.value, writer: offlineWriter };
    const grouped = await groupNewArticles(deps);
    if (!grouped.ok) throw new Error(`grouping the fixture corpus: ${grouped.message}`);
    await addTranslation(deps);
    const dir = path.join(work, 'site');
    const report = await publishEdition(deps, { outDir: dir });
    if (!report.ok) throw new Error(`building the site from ${registryPath}: ${report.message}`);
    return { dir, report: report.value, deps, hostile, close: () => db.close() };
  } catch (error) {
    await db.close();
    throw error;
  }
}
