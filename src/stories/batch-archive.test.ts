// A batch placed in memory and written in bulk must leave the store exactly as placing the same
// articles one at a time against the store does (stories, members, scores, keys, counts).

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createArticleStore } from '../store/article-store.js';
import { openDatabase, type Database } from '../store/database.js';
import { createStoryStore } from '../store/story-store.js';
import { ALL_FIXTURES, fixtureArticle } from './articles.fixture.js';
import { assignStories } from './assign.js';
import { createBatchArchive, inJsonbKeyOrder, utf8Length } from './batch-archive.js';
import { featuresOf, indexKeys } from './features.js';
import { DEFAULT_GROUPING, windowAround, type GroupingOptions } from './grouping.js';
import { inPlacementOrder, placeAllInArchive, type ArticleToPlace } from './story-archive.js';
import { placedArticle, placedSighting } from '../../test/support/article.js';

async function snapshot(db: Database): Promise<unknown> {
  const rows = await db.query(`SELECT
    (SELECT string_agg(id || ' ' || article_count || ' ' || first_active::text || ' ' || last_active::text || ' ' || last_ingested::text, ',' ORDER BY id) FROM stories) AS stories,
    (SELECT string_agg(article_id || ' ' || story_id || ' ' || coalesce(score::text, '-') || ' ' || activity_at::text || ' ' || md5(features::text), ',' ORDER BY article_id) FROM story_articles) AS members,
    (SELECT string_agg(key || ' ' || story_id, ',' ORDER BY key, story_id) FROM story_keys) AS keys,
    (SELECT string_agg(key || ' ' || articles, ',' ORDER BY key) FROM feature_frequencies) AS frequencies`);
  return rows[0];
}

// One in-memory store for the whole file, emptied before each use (every table but schema_migrations; the
// migrations insert no rows): creating a PGlite store costs about 2 s of CPU (its initdb), and the file used 14.
let shared: Promise<Database> | undefined;
after(async () => {
  await (await shared)?.close();
});

async function emptyStore(): Promise<Database> {
  shared ??= openDatabase({ kind: 'pglite', dataDir: null });
  const db = await shared;
  const tables = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'`,
  );
  await db.exec(`TRUNCATE ${tables.map((t) => `"${t.name}"`).join(', ')} RESTART IDENTITY CASCADE`);
  const [left] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
  assert.equal(left?.n, 0);
  assert.deepEqual(await snapshot(db), { stories: null, members: null, keys: null, frequencies: null });
  return db;
}

async function withStore<T>(articles: readonly ArticleToPlace[], fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await emptyStore();
  await createArticleStore(db).insertArticles(
    articles.map((a) => ({
      article: placedArticle(a),
      bands: [],
      sighting: placedSighting(a),
    })),
  );
  return await fn(db);
}

// A late article on the Corvane deal, an undated one, and an unrelated one: joins, ingest-time windows, new stories.
const EXTRA: readonly ArticleToPlace[] = [
  fixtureArticle({
    id: 'late00000001',
    title: 'Corvane Systems sets first power date for Anthropic campus',
    text: 'Corvane Systems said the first 250MW of the Brackenridge campus it is building for Anthropic under the $4.2 billion deal would be switched on in August.',
    language: 'en',
    published: '2026-06-04T09:00:00Z',
    outlet: 'Harbor Tech Daily',
  }),
  fixtureArticle({
    id: 'undated00001',
    title: 'Qwen model pricing cut again',
    text: 'Alibaba cut the price of its Qwen models again, its cloud unit said.',
    language: 'en',
    published: null,
    outlet: 'Quillfeed',
  }),
  fixtureArticle({
    id: 'other0000001',
    title: 'A robotics start-up opens a lab',
    text: 'Brannock Robotics opened a research lab in Lisbon with 40 engineers.',
    language: 'en',
    published: '2026-06-03T12:00:00Z',
    outlet: 'Gridline Weekly',
  }),
];

describe('batch placement', () => {
  // A cap of one story per key drops every key two stories share: both must drop the same ones.
  const capped: GroupingOptions = { ...DEFAULT_GROUPING, maxStoriesPerKey: 1 };
  const cases: Array<{ name: string; batches: ReadonlyArray<readonly ArticleToPlace[]>; options?: GroupingOptions }> = [
    { name: 'everything in one batch', batches: [[...ALL_FIXTURES, ...EXTRA]] },
    { name: 'a second batch meets the stored stories (seeded from the store)', batches: [ALL_FIXTURES, EXTRA] },
    { name: 'one article per batch', batches: inPlacementOrder([...ALL_FIXTURES, ...EXTRA]).map((a) => [a]) },
    { name: 'one batch, common keys capped at one story', batches: [[...ALL_FIXTURES, ...EXTRA]], options: capped },
    { name: 'two batches, common keys capped at one story', batches: [ALL_FIXTURES, EXTRA], options: capped },
  ];
  for (const c of cases) {
    test(`${c.name}: the store ends as with one article at a time`, async () => {
      const all = c.batches.flat();
      const oneByOne = await withStore(all, async (db) => {
        // As assignStories did before batches: stored articles, one at a time against the store.
        await placeAllInArchive(
          createStoryStore(db),
          await createArticleStore(db).getArticles(all.map((a) => a.id)),
          c.options,
        );
        return snapshot(db);
      });
      const batched = await withStore(all, async (db) => {
        const stores = { articles: createArticleStore(db), stories: createStoryStore(db) };
        for (const batch of c.batches) {
          const r = await assignStories(
            stores,
            batch.map((a) => a.id),
            c.options,
          );
          assert.ok(r.ok, r.ok ? '' : r.message);
          assert.equal(r.value.placed.length, batch.length);
        }
        const again = await assignStories(stores, undefined, c.options);
        assert.ok(again.ok && again.value.placed.length === 0, 'a re-run places nothing');
        return snapshot(db);
      });
      assert.deepEqual(batched, oneByOne);
    });
  }

  test('a bulk write is refused when the store counted other articles meanwhile', async () => {
    await withStore(ALL_FIXTURES, async (db) => {
      const stores = { articles: createArticleStore(db), stories: createStoryStore(db) };
      const first = await assignStories(stores, [ALL_FIXTURES[0]!.id]);
      assert.ok(first.ok);
      const before = await snapshot(db);
      const member = {
        storyId: 'x',
        first: true,
        ingestedAt: '2026-06-02T00:00:00.000Z',
        indexKeys: [],
        frequencyKeys: [],
        features: {
          id: ALL_FIXTURES[1]!.id,
          language: 'en' as const,
          published: null,
          entities: [],
          figures: [],
          terms: [],
          words: {},
          titleKeys: [],
        },
        entry: {
          articleId: ALL_FIXTURES[1]!.id,
          title: null,
          outlet: null,
          sourceType: null,
          language: 'en' as const,
          published: null,
          activityAt: '2026-06-02T00:00:00.000Z',
          url: 'u',
          score: null,
        },
      };
      assert.equal(await stores.stories.addMembers([member], 0), false, 'one article is already counted');
      assert.deepEqual(await snapshot(db), before);
    });
  });
});

describe('key hits past the per-key cap', () => {
  // The stored fixtures, then each article's keys looked up in the store and in a batch seeded from it.
  const caps: Array<{ name: string; cap: number }> = [
    { name: 'a cap of 1 drops every key two stories share', cap: 1 },
    { name: 'a cap of 2', cap: 2 },
    { name: 'the default cap keeps every key of a small archive', cap: DEFAULT_GROUPING.maxStoriesPerKey },
  ];
  for (const c of caps) {
    test(`${c.name}: the store and a batch find the same stories, at most the cap per key`, async () => {
      await withStore(ALL_FIXTURES, async (db) => {
        const stores = { articles: createArticleStore(db), stories: createStoryStore(db) };
        assert.ok((await assignStories(stores)).ok);
        const all = { from: '2000-01-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z' };
        const seeds = await stores.stories.storySeeds(all, all, 3);
        const batch = createBatchArchive(seeds.stories, seeds.documents, (keys) => stores.stories.keyCounts(keys));
        let uncapped = 0;
        let kept = 0;
        for (const a of ALL_FIXTURES) {
          const keys = indexKeys(featuresOf(a));
          const w = windowAround(a.published ?? a.ingestedAt, DEFAULT_GROUPING.windowDays);
          const stored = await stores.stories.keyHits(keys, w, w, c.cap);
          assert.deepEqual(await batch.keyHits(keys, w, w, c.cap), stored);
          const perKey = new Map<string, number>();
          for (const h of stored) perKey.set(h.key, (perKey.get(h.key) ?? 0) + 1);
          for (const [key, n] of perKey) assert.ok(n <= c.cap, `${key}: ${n} stories past the cap ${c.cap}`);
          uncapped += (await stores.stories.keyHits(keys, w, w, 1_000_000)).length;
          kept += stored.length;
        }
        if (c.cap === 1) assert.ok(kept < uncapped, 'shared keys are dropped');
        if (c.cap === DEFAULT_GROUPING.maxStoriesPerKey) assert.equal(kept, uncapped);
      });
    });
  }
});

describe('inJsonbKeyOrder', () => {
  const cases: Array<{ name: string; input: Record<string, number>; order: string[] }> = [
    {
      name: 'shorter keys first, then bytewise',
      input: { model: 1, ai: 2, chip: 3, Ab: 4 },
      order: ['Ab', 'ai', 'chip', 'model'],
    },
    {
      name: 'Chinese bigrams weigh 6 bytes',
      input: { 算力: 1, abcdefg: 2, abcde: 3 },
      order: ['abcde', '算力', 'abcdefg'],
    },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(Object.keys(inJsonbKeyOrder(c.input)), c.order));
});

describe('inJsonbKeyOrder without buffers', () => {
  test('the same order as UTF-8 byte length then bytes (Buffer.compare), on mixed scripts and astral characters', () => {
    const alphabet = ['a', 'z', 'É', 'é', 'ß', '’', '算', '力', '\uE000', '\uFFFD', '𠀀', '𪚥', '😀', 'Z', '0', '9'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const keys = new Set<string>();
    while (keys.size < 400) {
      let k = 'k';
      for (let n = 1 + Math.floor(next() * 4); n > 0; n--) k += alphabet[Math.floor(next() * alphabet.length)]!;
      keys.add(k);
    }
    const record = Object.fromEntries([...keys].map((k, i) => [k, i]));
    const expected = [...keys]
      .map((k) => ({ k, b: Buffer.from(k, 'utf8') }))
      .sort((x, y) => x.b.length - y.b.length || Buffer.compare(x.b, y.b))
      .map((x) => x.k);
    assert.deepEqual(Object.keys(inJsonbKeyOrder(record)), expected);
    for (const k of keys) assert.equal(utf8Length(k), Buffer.byteLength(k, 'utf8'));
  });
});
