// Grouping quality and cost. Pairwise precision, recall and F1 of stories (a pair of articles is
// "together" when they share a story) on the example corpus (truth: `event` in
// examples/expected.yaml, through the store) and on a generated corpus (bench/story-corpus.ts,
// through the in-memory index); then the time to place one article as the archive grows.
//   node --import tsx bench/grouping.ts [--articles 2000] [--sizes 1000,10000]

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { loadRegistry } from '../src/cli/app.js';
import { PROJECT_ROOT } from '../src/config.js';
import { ingest } from '../src/pipeline/ingest.js';
import { assignStories, listStories } from '../src/stories/assign.js';
import { placeAllInArchive, placeInArchive } from '../src/stories/story-archive.js';
import { createMemoryStoryIndex } from '../src/stories/story-index.js';
import { createArticleStore } from '../src/store/article-store.js';
import { openDatabase } from '../src/store/database.js';
import { createStoryStore } from '../src/store/story-store.js';
import { generateCorpus } from './story-corpus.js';

interface Scores {
  precision: number;
  recall: number;
  f1: number;
  stories: number;
  events: number;
}

/** Pairwise scores from the article → predicted story and article → true event maps. */
export function pairwise(predicted: ReadonlyMap<string, string>, truth: ReadonlyMap<string, string>): Scores {
  const pairs = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + (n * (n - 1)) / 2, 0);
  const pred = new Map<string, number>();
  const tru = new Map<string, number>();
  const both = new Map<string, number>();
  for (const [id, event] of truth) {
    const story = predicted.get(id) ?? `unplaced:${id}`;
    pred.set(story, (pred.get(story) ?? 0) + 1);
    tru.set(event, (tru.get(event) ?? 0) + 1);
    both.set(`${story}\u0000${event}`, (both.get(`${story}\u0000${event}`) ?? 0) + 1);
  }
  const tp = pairs(both);
  const p = pairs(pred) === 0 ? 1 : tp / pairs(pred);
  const r = pairs(tru) === 0 ? 1 : tp / pairs(tru);
  return { precision: p, recall: r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r), stories: pred.size, events: tru.size };
}

const fmt = (s: Scores) =>
  `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (${s.stories} stories for ${s.events} events)`;

async function exampleCorpus(): Promise<void> {
  const examples = path.join(PROJECT_ROOT, 'examples');
  const expected = YAML.parse(await readFile(path.join(examples, 'expected.yaml'), 'utf8')) as {
    articles: Record<string, { event: string; url?: string; title?: string }>;
  };
  const db = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    const loaded = await loadRegistry(path.join(examples, 'sources.yaml'));
    if (!loaded.ok) throw new Error(loaded.message);
    const registry = loaded.value;
    const articles = createArticleStore(db);
    await ingest(registry.inputs(), {
      store: articles,
      fetcher: null,
      findSource: (l) => registry.find(l),
      now: () => new Date('2026-05-10T12:00:00Z'),
      maxBytes: 1 << 22,
      concurrency: 2,
    });
    const stores = { articles, stories: createStoryStore(db) };
    const started = performance.now();
    const placed = await assignStories(stores);
    const ms = performance.now() - started;
    const listed = await listStories(stores);
    if (!placed.ok || !listed.ok) throw new Error('assigning stories failed');
    const predicted = new Map<string, string>();
    const truth = new Map<string, string>();
    for (const s of listed.value) {
      for (const e of s.timeline) {
        predicted.set(e.articleId, s.id);
        const hit = Object.values(expected.articles).find(
          (x) => x.url === e.url || (x.title !== undefined && x.title === e.title),
        );
        truth.set(e.articleId, hit?.event ?? `unknown:${e.articleId}`);
      }
    }
    console.log(
      `example corpus (${truth.size} articles, PGlite store, ${(ms / truth.size).toFixed(1)} ms/article): ${fmt(pairwise(predicted, truth))}`,
    );
  } finally {
    await db.close();
  }
}

async function generated(n: number): Promise<void> {
  const corpus = generateCorpus(n, { seed: 11 });
  const index = createMemoryStoryIndex();
  await placeAllInArchive(index, corpus);
  const predicted = new Map(corpus.map((a) => [a.id, index.storyOf(a.id) ?? '']));
  const truth = new Map(corpus.map((a) => [a.id, a.event]));
  const langs = corpus.filter((a) => a.language === 'zh').length;
  console.log(
    `generated corpus (${n} articles, ${langs} in Chinese, memory index): ${fmt(pairwise(predicted, truth))}`,
  );
}

async function timing(sizes: readonly number[]): Promise<void> {
  const probe = 200;
  console.log(`time to place one article (mean of the last ${probe}), ~40 articles a day, memory index:`);
  for (const size of sizes) {
    const corpus = generateCorpus(size, { seed: 5, days: Math.ceil(size / 40) });
    const ordered = [...corpus].sort((a, b) =>
      a.published! < b.published! ? -1 : a.published! > b.published! ? 1 : 0,
    );
    const index = createMemoryStoryIndex();
    const warm = ordered.slice(0, size - probe);
    const build = performance.now();
    await placeAllInArchive(index, warm);
    const buildMs = performance.now() - build;
    const started = performance.now();
    for (const a of ordered.slice(size - probe)) await placeInArchive(index, a);
    const per = (performance.now() - started) / probe;
    const heap = process.memoryUsage().heapUsed / 1e6;
    console.log(
      `  archive ${String(size).padStart(6)}: ${per.toFixed(2)} ms/article (whole archive ${(buildMs / 1000).toFixed(1)} s; heap ${heap.toFixed(0)} MB)`,
    );
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string, dflt: string) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
  };
  await exampleCorpus();
  await generated(Number(flag('--articles', '2000')));
  await timing(flag('--sizes', '1000,10000').split(',').map(Number));
}

await main();
