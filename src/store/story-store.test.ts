// Stories over the store, on both engines: the example corpus groups into its four events,
// a re-run changes nothing, later articles join without moving anyone, and reads by date and id.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { loadRegistry } from '../cli/app.js';
import { PROJECT_ROOT } from '../config.js';
import { ingest } from '../pipeline/ingest.js';
import { assignStories, explainSimilarity, getStory, listStories } from '../stories/assign.js';
import { windowAround } from '../stories/grouping.js';
import { CORVANE_EN, CORVANE_EN_DAY2, CORVANE_ZH } from '../stories/articles.fixture.js';
import { backends } from '../../test/support/backends.js';
import { createArticleStore } from './article-store.js';
import type { Database } from './database.js';
import { createStoryStore } from './story-store.js';
import { placedArticle, placedSighting } from '../../test/support/article.js';
import { createTranslationStore } from './translation-store.js';
import { createModelTranslationStore } from './model-translation-store.js';
import { CorruptRow } from './stored-json.js';
import type { Failure } from '../errors.js';
import type { Translation } from '../translate/translate.js';

interface Expected {
  articles: Record<string, { event: string; url?: string; title?: string }>;
  events: Record<string, unknown>;
}

const examples = path.join(PROJECT_ROOT, 'examples');
const expected = YAML.parse(await readFile(path.join(examples, 'expected.yaml'), 'utf8')) as Expected;

async function snapshot(db: Database): Promise<string> {
  const rows = await db.query(`SELECT
    (SELECT md5(string_agg(id || title || article_count || last_active::text, ',' ORDER BY id)) FROM stories) AS stories,
    (SELECT md5(string_agg(article_id || story_id || coalesce(score::text, '-'), ',' ORDER BY article_id)) FROM story_articles) AS members,
    (SELECT count(*)::int FROM story_keys) AS keys,
    (SELECT md5(string_agg(key || articles, ',' ORDER BY key)) FROM feature_frequencies) AS frequencies`);
  return JSON.stringify(rows[0]);
}

for (const backend of backends()) {
  describe(`stories of the example corpus on ${backend.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    const stores = () => ({ articles: createArticleStore(db), stories: createStoryStore(db) });

    before(async () => {
      ({ db, dispose } = await backend.open());
      const loaded = await loadRegistry(path.join(examples, 'sources.yaml'));
      assert.ok(loaded.ok, 'the bundled registry loads');
      const registry = loaded.value;
      await ingest(registry.inputs(), {
        store: createArticleStore(db),
        fetcher: null,
        findSource: (l) => registry.find(l),
        now: () => new Date('2026-05-10T12:00:00Z'),
        maxBytes: 1 << 22,
        concurrency: 2,
      });
    });
    after(async () => dispose());

    test('every article is placed, into exactly the four events of expected.yaml', async () => {
      const report = await assignStories(stores());
      assert.ok(report.ok, report.ok ? '' : report.message);
      assert.equal(report.value.placed.length, 13);
      assert.equal(report.value.newStories, 4);
      const listed = await listStories(stores());
      assert.ok(listed.ok);
      const eventOf = (e: { url: string; title: string | null }): string => {
        const hit = Object.values(expected.articles).find(
          (x) => (x.url !== undefined && x.url === e.url) || (x.title !== undefined && x.title === e.title),
        );
        assert.ok(hit, `article ${e.url} is in expected.yaml`);
        return hit.event;
      };
      const groups = listed.value.map((s) => [...new Set(s.timeline.map(eventOf))]);
      assert.ok(
        groups.every((g) => g.length === 1),
        `each story is one event: ${JSON.stringify(groups)}`,
      );
      assert.deepEqual(groups.map((g) => g[0]).sort(), Object.keys(expected.events).sort());
      const saltfork = listed.value.find((s) => s.timeline.some((e) => e.outlet === 'Lattice Cloud'));
      assert.equal(saltfork?.articleCount, 6);
      assert.equal(saltfork?.timeline[0]?.sourceType, 'official', 'the official announcement came first');
    });

    test('a re-run places nothing and changes nothing', async () => {
      const before = await snapshot(db);
      const again = await assignStories(stores());
      assert.ok(again.ok);
      assert.equal(again.value.placed.length, 0);
      assert.equal(await snapshot(db), before);
    });

    test('stories by day: an undated article counts on its ingest day', async () => {
      const day1 = await listStories(stores(), { date: '2026-05-09' });
      const day2 = await listStories(stores(), { date: '2026-05-10' });
      assert.ok(day1.ok && day2.ok);
      assert.equal(day1.value.length, 2, 'saltfork and lancore began on the 9th');
      assert.equal(day2.value.length, 4, 'all four have coverage on the 10th (the undated essay was ingested then)');
      const none = await listStories(stores(), { date: '2026-05-11' });
      assert.deepEqual(none.ok && none.value, []);
      const bad = await listStories(stores(), { date: '10 May' });
      assert.equal(!bad.ok && bad.code, 'bad_input');
    });

    test('a story by id prefix, or by one of its articles; unknown ids are not_found', async () => {
      const listed = await listStories(stores());
      assert.ok(listed.ok);
      const story = listed.value.find((s) => s.articleCount === 6)!;
      const byPrefix = await getStory(stores(), story.id.slice(0, 6));
      assert.equal(byPrefix.ok && byPrefix.value.id, story.id);
      const member = story.timeline.at(-1)!.articleId;
      const byMember = await getStory(stores(), member);
      assert.equal(byMember.ok && byMember.value.id, story.id);
      const missing = await getStory(stores(), 'ffffffffffff');
      assert.equal(!missing.ok && missing.code, 'not_found');
    });

    test('explainSimilarity names the cross-language evidence', async () => {
      const listed = await listStories(stores());
      assert.ok(listed.ok);
      const story = listed.value.find((s) => s.articleCount === 6)!;
      const en = story.timeline.find((e) => e.sourceType === 'official')!;
      const zh = story.timeline.find((e) => e.language === 'zh')!;
      const x = await explainSimilarity(stores(), en.articleId, zh.articleId);
      assert.ok(x.ok);
      assert.equal(x.value.sameStory, true);
      assert.ok(
        x.value.similarity.reasons.some((r) => r.includes('$9.6 billion = 96 亿美元')),
        JSON.stringify(x.value.similarity.reasons),
      );
    });
  });

  describe(`incremental stories on ${backend.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    before(async () => ({ db, dispose } = await backend.open()));
    after(async () => dispose());

    test('day-2 coverage joins the day-1 story; nothing else moves', async () => {
      const articles = createArticleStore(db);
      const stores = { articles, stories: createStoryStore(db) };
      for (const a of [CORVANE_EN, CORVANE_ZH])
        await articles.insertArticle(placedArticle(a, '00'), [], placedSighting(a));
      const first = await assignStories(stores);
      assert.ok(first.ok);
      assert.equal(first.value.newStories, 1);
      const a = CORVANE_EN_DAY2;
      await articles.insertArticle(placedArticle(a, '00'), [], placedSighting(a));
      const second = await assignStories(stores, [a.id]);
      assert.ok(second.ok);
      assert.equal(second.value.joined, 1);
      const story = await getStory(stores, CORVANE_EN.id);
      assert.ok(story.ok);
      assert.deepEqual(
        story.value.timeline.map((e) => [e.articleId, e.activityAt.slice(0, 10)]),
        [
          [CORVANE_EN.id, '2026-06-02'],
          [CORVANE_ZH.id, '2026-06-02'],
          [CORVANE_EN_DAY2.id, '2026-06-03'],
        ],
      );
      assert.equal(story.value.lastActive, '2026-06-03T07:30:00.000Z');
      // Its keys now find it in a window that holds only the new day's activity.
      const keys = await db.query<{ key: string }>('SELECT key FROM story_keys WHERE story_id = $1', [CORVANE_EN.id]);
      const dayTwoOnly = windowAround('2026-06-06T00:00:00.000Z', 3);
      const hits = await stores.stories.keyHits(
        keys.map((k) => k.key),
        dayTwoOnly,
        dayTwoOnly,
        100,
      );
      assert.ok(
        hits.some((h) => h.storyId === CORVANE_EN.id),
        'found by its new last activity',
      );
      const dayOneOnly = windowAround('2026-05-29T00:00:00.000Z', 3);
      assert.deepEqual(
        await stores.stories.keyHits(
          keys.map((k) => k.key),
          dayOneOnly,
          dayOneOnly,
          100,
        ),
        [],
      );
    });
  });
}

// Stored JSON read back through zod (src/store/stored-json.ts): a row damaged directly with SQL is
// a CorruptRow naming its table, its id and what is wrong; a read of one row throws it, a read over
// many leaves the row out and reports it, and the other rows are read as before.
for (const backend of backends()) {
  describe(`corrupt stored rows on ${backend.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    const reported: Failure[] = [];
    const options = { onCorruptRow: (f: Failure) => reported.push(f) };
    const stores = () => ({ articles: createArticleStore(db, options), stories: createStoryStore(db, options) });
    const [EN, ZH, DAY2] = [CORVANE_EN, CORVANE_ZH, CORVANE_EN_DAY2];
    const translation = (articleId: string): Translation => ({
      articleId,
      source: 'en',
      target: 'zh',
      title: null,
      pairs: [{ id: 'p1', source: 'One.', target: '一。', status: 'ok', notes: [] }],
      provider: 'test',
      model: 'm',
      promptVersion: '1',
      truncatedSource: false,
      usage: { requests: 1, cached: 0, inputTokens: 10, outputTokens: 5 },
    });

    /** Runs check with the column of one row replaced by `value` (SQL), then puts the row back. */
    async function damaged(
      table: string,
      column: string,
      where: string,
      id: string,
      value: string,
      check: () => Promise<void>,
    ): Promise<void> {
      const [kept] = await db.query<Record<string, unknown>>(
        `SELECT ${column} AS v FROM ${table} WHERE ${where} = $1`,
        [id],
      );
      assert.ok(kept, `${table} ${id} is stored`);
      await db.query(`UPDATE ${table} SET ${column} = ${value} WHERE ${where} = $1`, [id]);
      reported.length = 0;
      try {
        await check();
      } finally {
        await db.query(`UPDATE ${table} SET ${column} = $2::jsonb WHERE ${where} = $1`, [id, JSON.stringify(kept.v)]);
      }
    }

    before(async () => {
      ({ db, dispose } = await backend.open());
      const { articles } = stores();
      for (const a of [EN, ZH, DAY2]) await articles.insertArticle(placedArticle(a, '00'), [], placedSighting(a));
      const placed = await assignStories(stores());
      assert.ok(placed.ok && placed.value.newStories === 1, 'the three articles are one story');
      const zh = await articles.getArticle(ZH.id);
      assert.ok(zh !== null && zh !== 'ambiguous');
      const evidence = {
        score: 0.9,
        reasons: ['same figures'],
        detail: { anchors: [] },
        originalWhy: 'published first',
      };
      assert.ok(await createTranslationStore(db).fold(EN.id, zh, evidence, null, '2026-06-04T00:00:00.000Z'));
      const machine = createModelTranslationStore(db);
      for (const id of [EN.id, DAY2.id]) await machine.save(translation(id), '2026-06-04T00:00:00.000Z');
    });
    after(async () => dispose());

    test('what the store wrote reads back unchanged, key order included', async () => {
      const [raw] = await db.query<{ understanding: unknown }>('SELECT understanding FROM articles WHERE id = $1', [
        EN.id,
      ]);
      const read = await createArticleStore(db).getArticle(EN.id);
      assert.ok(read !== null && read !== 'ambiguous');
      assert.equal(JSON.stringify(read.understanding), JSON.stringify(raw!.understanding));
      const [record] = await db.query<{ record: unknown }>(
        'SELECT record FROM translations WHERE translation_id = $1',
        [ZH.id],
      );
      const folded = await createTranslationStore(db).folded(ZH.id);
      assert.ok(folded !== null && folded !== 'ambiguous');
      assert.equal(JSON.stringify(folded.record), JSON.stringify(record!.record));
    });

    test('articles: one article throws, a read of many leaves it out and reports it', async () => {
      await damaged(
        'articles',
        'understanding',
        'id',
        DAY2.id,
        `jsonb_set(understanding, '{entities}', '"oops"')`,
        async () => {
          const problem = `articles row ${DAY2.id}: understanding is malformed: entities: expected array, received string`;
          await assert.rejects(
            createArticleStore(db).getArticle(DAY2.id),
            (e) => e instanceof CorruptRow && e.message === problem,
          );
          const many = await stores().articles.getArticles([EN.id, DAY2.id]);
          assert.deepEqual(
            many.map((a) => a.id),
            [EN.id],
          );
          assert.deepEqual(reported, [
            { ok: false, code: 'bad_input', message: `${problem}; the row was skipped`, subject: DAY2.id },
          ]);
          reported.length = 0;
          const listed = await stores().articles.listArticles();
          assert.deepEqual(listed.map((a) => a.id).sort(), [EN.id]);
          assert.match(
            reported[0]?.message ?? '',
            /^articles row c0rvane00en2: understanding is malformed: entities is not a list/,
          );
        },
      );
      await damaged('articles', 'paragraphs', 'id', EN.id, `'{"not": "a list"}'::jsonb`, async () => {
        assert.deepEqual(
          await stores()
            .articles.getArticles([EN.id, DAY2.id])
            .then((l) => l.map((a) => a.id)),
          [DAY2.id],
        );
        assert.match(
          reported[0]?.message ?? '',
          /^articles row c0rvane00en1: paragraphs is malformed: \(root\): expected array/,
        );
      });
    });

    test('story members: grouping compares the story without the damaged member and says so', async () => {
      const all = { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' };
      const before = await stores().stories.storySeeds(all, all, 10);
      assert.equal(before.stories[0]?.members.length, 2);
      await damaged('story_articles', 'features', 'article_id', DAY2.id, `features - 'words'`, async () => {
        const seeds = await stores().stories.storySeeds(all, all, 10);
        assert.equal(seeds.stories[0]?.members.length, 1);
        assert.equal(seeds.stories[0]?.keys.length, before.stories[0]?.keys.length, 'the story keeps its keys');
        assert.match(
          reported[0]?.message ?? '',
          /^story_articles row c0rvane00en2: features is malformed: words: expected record, received undefined; the row was skipped$/,
        );
        const [candidate] = await stores().stories.candidates([EN.id], 10);
        assert.equal(candidate?.members.length, 1);
        // A new article still groups (the damaged member is simply not compared).
        const again = await assignStories(stores());
        assert.ok(again.ok);
      });
    });

    test('translations: a damaged pair is left out of lists and timelines, and named when asked for', async () => {
      const translations = () => createTranslationStore(db, options);
      await damaged('translations', 'reasons', 'translation_id', ZH.id, `'[1, 2]'::jsonb`, async () => {
        assert.deepEqual(await translations().list(), []);
        assert.match(
          reported[0]?.message ?? '',
          /^translations row c0rvane00zh1: reasons is malformed: \[0\]: expected string/,
        );
        await assert.rejects(
          translations().folded(ZH.id),
          /^CorruptRow: translations row c0rvane00zh1: reasons is malformed/,
        );
      });
      await damaged('translations', 'record', 'translation_id', ZH.id, `record - 'ingestedAt'`, async () => {
        assert.deepEqual(await translations().pairsOf(EN.id), []);
        const [story] = await stores().stories.listStories();
        assert.equal(story?.id, EN.id);
        assert.deepEqual(story?.translations, []);
        assert.deepEqual(
          story?.timeline.map((e) => e.articleId),
          [EN.id, DAY2.id],
        );
        assert.ok(
          reported.length === 2 &&
            reported.every((f) =>
              f.message.startsWith('translations row c0rvane00zh1: record is malformed: ingestedAt:'),
            ),
          JSON.stringify(reported),
        );
      });
    });

    test('model translations: the article shows without its damaged translation', async () => {
      await damaged(
        'model_translations',
        'translation',
        'article_id',
        EN.id,
        `jsonb_set(translation, '{pairs,0,status}', '"done"')`,
        async () => {
          const kept = await createModelTranslationStore(db, options).forArticles([EN.id, DAY2.id]);
          assert.deepEqual([...kept.keys()], [DAY2.id]);
          assert.match(
            reported[0]?.message ?? '',
            /^model_translations row c0rvane00en1 \(into zh\): translation is malformed: pairs\[0\]\.status: /,
          );
        },
      );
    });
  });
}
