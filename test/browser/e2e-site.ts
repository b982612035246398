// The site under test: the end-to-end fixture corpus (test/fixtures/e2e) and the hostile pages
// (test/fixtures/hostile/*.html, dated later, so their day is the home page), ingested into a fresh
// in-memory store through the run the composition root builds (src/cli/app.ts openRun), grouped into
// stories with recognised translations folded as `tidings run` does (ModelWatch's Chinese Step-4
// Swift post is folded into Kestrel Report's original, so the site has 13 article readers, not 14),
// one English article given an interleaved human Chinese translation (the reader's bilingual
// layouts need one; the corpus has none), and published with the project's own site builder into
// a temp dir. Only ingest and grouping are repeated here (the golden outputs of e2e-edition.ts are
// not needed, and computing them again would double the time).

import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appOn, loadRegistry, openRun } from '../../src/cli/app.js';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';
import type { EditionDeps } from '../../src/pipeline/edition.js';
import type { PublishReport } from '../../src/publish/site/publish-site.js';
import { openDatabase } from '../../src/store/database.js';
import { E2E_DIR, E2E_NOW } from '../support/e2e-edition.js';

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
  // The run as `tidings run` builds it (the composition root, src/cli/app.ts): the config read from
  // the fixture directory with no environment (no model, the bundled rubric), on an in-memory store.
  const config = loadConfig({}, {}, E2E_DIR);
  if (!config.ok) throw new Error(config.message);
  const app = appOn(config.value, await openDatabase({ kind: 'pglite', dataDir: null }));
  try {
    const registry = await loadRegistry(registryPath);
    if (!registry.ok) throw new Error(`fixture registry ${registryPath}: ${registry.message}`);
    const opened = await openRun(app, { registry: registry.value, now: () => E2E_NOW });
    if (!opened.ok) throw new Error(opened.message);
    const { run } = opened.value;
    const ingested = await run.ingest([...registry.value.inputs(), ...hostile]);
    const failed = ingested.outcomes.filter((o) => o.status === 'failed');
    if (failed.length > 0) throw new Error(`ingesting the browser fixtures: ${JSON.stringify(failed).slice(0, 500)}`);
    // Grouping, then recognised translations folded into their originals, as `tidings run` does.
    const grouped = await run.group();
    if (!grouped.ok) throw new Error(`grouping the fixture corpus: ${grouped.message}`);
    const deps = run.deps.edition;
    await addTranslation(deps);
    const dir = path.join(work, 'site');
    const report = await run.publish({ outDir: dir });
    await opened.value.close();
    if (!report.ok) throw new Error(`building the site from ${registryPath}: ${report.message}`);
    return { dir, report: report.value, deps, hostile, close: () => app.close() };
  } catch (error) {
    await app.close();
    throw error;
  }
}
