// The model path's cost and overhead: a digest of ~20 stories with a card and a translation per
// story, written through the real OpenAI-compatible client, response cache and run account against
// a local fake model (test/support/fake-model.ts: answers at once, from the DATA it is sent).
//   node --import tsx bench/llm.ts [--articles 130]
// Prints requests and tokens for the first run and for a re-run (which must make zero requests),
// and the time the engine adds per item beyond the model's own time (the fake answers in ~2 ms).

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseLlmSettings } from '../src/llm/llm-settings.js';
import { chooseEngine } from '../src/cli/app.js';
import { cardFor, digestFor, latestDay, storiesOfDay } from '../src/pipeline/edition.js';
import { openDatabase } from '../src/store/database.js';
import { loadGlossary } from '../src/translate/glossary-file.js';
import { translateArticle } from '../src/translate/translate.js';
import { startFakeServer } from '../test/support/fake-openai.js';
import { fakeModel } from '../test/support/fake-model.js';
import { benchConfig, benchRun, generatedEdition } from './generated-edition.js';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '130' } } });

const db = await openDatabase({ kind: 'pglite', dataDir: null });
const {
  deps,
  articles: articleCount,
  translations: folded,
} = await generatedEdition(db, Number(values.articles), { seed: 5, days: 1 });
const date = (await latestDay(deps))!;
const storiesResult = await storiesOfDay(deps, date);
if (!storiesResult.ok) throw new Error(storiesResult.message);
const stories = storiesResult.value;
const glossaryResult = await loadGlossary();
if (!glossaryResult.ok) throw new Error(glossaryResult.message);
const glossary = glossaryResult.value;

const server = await startFakeServer((req) => fakeModel(req));
const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'tidings-bench-llm-'));
const settingsResult = parseLlmSettings(
  undefined,
  {
    TIDINGS_LLM_PROVIDER: 'openai',
    TIDINGS_LLM_BASE_URL: server.origin,
    TIDINGS_LLM_API_KEY: 'bench',
    TIDINGS_LLM_MODEL: 'fake-extractive',
  },
  'bench',
);
if (!settingsResult.ok) throw new Error(settingsResult.message);
const settings = settingsResult.value;

/** A run from the composition root writing with the fake model (a fresh client and account, the one cache). */
async function modelRun() {
  const engine = chooseEngine({ ...benchConfig(), llm: settings, llmCacheDir: cacheDir });
  if (!engine.model) throw new Error('the fake model is not configured');
  return { model: engine.model, deps: (await benchRun(db, { engine })).deps.edition };
}

async function run(label: string): Promise<void> {
  const { model, deps: modelDeps } = await modelRun();
  const before = server.requests.length;
  const t0 = performance.now();
  const digest = await digestFor(modelDeps, date, 'en');
  if (!digest.ok) throw new Error(digest.message);
  const tDigest = performance.now() - t0;
  let items = 0;
  for (const s of stories) {
    const first = s.input.articles[0]!;
    const card = await cardFor(modelDeps, first.id, null);
    if (!card.ok) throw new Error(card.message);
    const t = await translateArticle(
      {
        id: first.id,
        title: first.title,
        paragraphs: first.paragraphs,
        language: first.language === 'zh' ? 'zh' : 'en',
      },
      first.language === 'zh' ? 'en' : 'zh',
      { client: model.client, glossary: glossary },
    );
    if (!t.ok) throw new Error(t.message);
    items += 2;
  }
  const total = performance.now() - t0;
  const digestItems = digest.value.tiers.reduce((n, tier) => n + tier.items.length, 0);
  const llmItems = digest.value.tiers.flatMap((tier) => tier.items).filter((i) => i.engine === 'llm').length;
  const u = model.account.totals();
  console.log(
    `${label.padEnd(8)} stories ${String(stories.length).padStart(3)}  outputs ${String(digestItems + items).padStart(3)} (digest items by model: ${llmItems}/${digestItems})  ` +
      `HTTP requests ${String(server.requests.length - before).padStart(4)}  calls ${u.requests} (cache ${u.cached})  tokens in ${u.inputTokens} out ${u.outputTokens}  ` +
      `time ${(total / 1000).toFixed(2)} s (digest ${(tDigest / 1000).toFixed(2)} s)`,
  );
}

console.log(
  `fake model at ${server.origin}; ${articleCount} generated articles (${folded} folded as translations), ${stories.length} stories on ${date}\n`,
);
await run('first');
await run('re-run');

// Engine overhead per digest item beyond the model: the same items offline, for comparison.
const t1 = performance.now();
const offline = await digestFor(deps, date, 'en');
const offlineMs = performance.now() - t1;
if (!offline.ok) throw new Error(offline.message);
const n = offline.value.count;
const cached = await modelRun();
const t2 = performance.now();
await digestFor(cached.deps, date, 'en');
const cachedMs = performance.now() - t2;
console.log(
  `\nper digest item: offline engine ${(offlineMs / n).toFixed(1)} ms; model engine with every answer from the cache ${(cachedMs / n).toFixed(1)} ms ` +
    `(includes the offline draft it falls back to, verification, and the cache read: the time the engine adds beyond the model's own)`,
);

await server.close();
await db.close();
await rm(cacheDir, { recursive: true, force: true });
