// Stories over the store, on both engines: the example corpus groups into its four events,
// a re-run changes nothing, later articles join without moving anyone, and reads by date and id.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import type { Article } from '../article.js';
import { loadRegistry } from '../cli/app.js';
import { PROJECT_ROOT } from '../config.js';
import { ingest } from '../pipeline/ingest.js';
import { assignStories, explainSimilarity, getStory, listStories } from '../stories/assign.js';
import { windowAround } from '../stories/grouping.js';
import { CORVANE_EN, CORVANE_EN_DAY2, CORVANE_ZH } from '../stories/articles.fixture.js';
import type { ArticleToPlace } from '../stories/story-archive.js';
import { backends } from '../../test/support/backends.js';
import { createArticleStore } from './article-store.js';
import type { Database } from './database.js';
import { createStoryStore } from './story-store.js';
import { article, NO_UNDERSTANDING } from '../../test/support/article.js';

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

function asArticle(a: ArticleToPlace): Article {
  return article({
    ...a,
    paragraphs: a.text.split('\n\n'),
    signature: '00',
    understanding: {
      ...NO_UNDERSTANDING,
      entities: [...a.understanding.entities],
      figures: [...a.understanding.figures],
    },
  });
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
        await articles.insertArticle(asArticle(a), [], {
          url: a.url,
          relation: 'original',
          outlet: a.outlet,
          sourceId: null,
          sourceType: a.sourceType,
          feedTitle: null,
          via: null,
          seenAt: a.ingestedAt,
        });
      const first = await assignStories(stores);
      assert.ok(first.ok);
      assert.equal(first.value.newStories, 1);
      const a = CORVANE_EN_DAY2;
      await articles.insertArticle(asArticle(a), [], {
        url: a.url,
        relation: 'original',
        outlet: a.outlet,
        sourceId: null,
        sourceType: a.sourceType,
        feedTitle: null,
        via: null,
        seenAt: a.ingestedAt,
      });
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
