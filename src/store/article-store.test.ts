import { after, describe, test } from 'node:test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from './database.js';
import assert from 'node:assert/strict';
import type { Article, Sighting } from '../article.js';
import { article as testArticle } from '../../test/support/article.js';
import { backends } from '../../test/support/backends.js';
import { createArticleStore } from './article-store.js';
import { MIGRATIONS, migrate } from './migrations.js';
import { createModelTranslationStore } from './model-translation-store.js';
import type { Translation } from '../translate/translate.js';

function article(id: string, over: Partial<Article> = {}): Article {
  return testArticle({
    id,
    title: `Title ${id}`,
    published: '2026-05-10T08:00:00.000Z',
    siteName: 'News',
    outlet: 'News Example',
    sourceId: 'news-example',
    paragraphs: ['One.', 'Two.'],
    signature: '00000000000000ff',
    understanding: {
      sentences: [],
      entities: [],
      figures: [{ kind: 'power', value: 3e8, unit: 'W', surface: '300MW', start: 0, end: 5 }],
      quotes: [],
    },
    ingestedAt: '2026-05-10T09:00:00.000Z',
    ...over,
  });
}

function sighting(url: string, over: Partial<Sighting> = {}): Sighting {
  return {
    url,
    relation: 'original',
    outlet: 'News Example',
    sourceId: 'news-example',
    sourceType: 'news',
    feedTitle: null,
    via: 'feed.xml',
    seenAt: '2026-05-10T09:00:00.000Z',
    ...over,
  };
}

for (const backend of backends()) {
  describe(`article store on ${backend.name}`, () => {
    const opened = backend.open();
    after(async () => (await opened).dispose());

    test('migrations run once: running them again changes nothing', async () => {
      const { db } = await opened;
      await migrate(db);
      const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      assert.equal(rows[0]?.n, MIGRATIONS.length);
    });

    test('insert, then the same fingerprint again is refused without changes', async () => {
      const store = createArticleStore((await opened).db);
      const a = article('aaaaaaaaaaaa');
      assert.equal(
        await store.insertArticle(a, [{ language: 'en', band: '0:00ff', signature: a.signature }], sighting(a.url)),
        true,
      );
      assert.equal(await store.insertArticle({ ...a, id: 'other' }, [], sighting('https://x.example/2')), false);
      assert.equal(await store.countArticles(), 1);
      assert.equal(await store.findByFingerprint('fp-aaaaaaaaaaaa'), 'aaaaaaaaaaaa');
    });

    test('sightings: recorded once per URL, found by URL', async () => {
      const store = createArticleStore((await opened).db);
      assert.equal(
        await store.addSighting(
          'aaaaaaaaaaaa',
          sighting('https://copy.example/a', { relation: 'canonical', seenAt: '2026-05-10T10:00:00.000Z' }),
        ),
        true,
      );
      assert.equal(
        await store.addSighting('aaaaaaaaaaaa', sighting('https://copy.example/a', { relation: 'canonical' })),
        false,
      );
      assert.equal(await store.findByUrl(['https://copy.example/a']), 'aaaaaaaaaaaa');
      assert.equal(await store.findByUrl(['https://news.example/aaaaaaaaaaaa']), 'aaaaaaaaaaaa');
      assert.equal(await store.findByUrl(['https://nowhere.example/']), null);
      const shown = await store.getArticle('aaaa');
      assert.ok(shown && shown !== 'ambiguous');
      assert.deepEqual(
        shown.sightings.map((s) => s.relation),
        ['original', 'canonical'],
      );
      assert.deepEqual(shown.understanding.figures[0]?.surface, '300MW');
    });

    test('band candidates come from the index', async () => {
      const store = createArticleStore((await opened).db);
      const found = await store.findBandCandidates(['0:00ff', '1:zzzz']);
      assert.deepEqual(found, [
        {
          articleId: 'aaaaaaaaaaaa',
          language: 'en',
          signature: '00000000000000ff',
          bilingual: false,
          articleLanguage: 'en',
        },
      ]);
      assert.deepEqual(await store.findBandCandidates([]), []);
    });

    test('a translation attaches once to an article that has none', async () => {
      const store = createArticleStore((await opened).db);
      const bilingual = {
        layout: 'interleaved' as const,
        titleEn: 'T',
        titleZh: '标题',
        pairs: [{ en: 'One.', zh: '一。' }],
      };
      assert.equal(
        await store.attachTranslation(
          'aaaaaaaaaaaa',
          bilingual,
          [{ language: 'zh', band: '0:abcd', signature: '000000000000abcd' }],
          sighting('https://zh.example/a', { relation: 'translation' }),
        ),
        true,
      );
      const shown = await store.getArticle('aaaaaaaaaaaa');
      assert.ok(shown && shown !== 'ambiguous');
      assert.equal(shown.bilingual?.pairs[0]?.zh, '一。');
      assert.equal(shown.mixed, true);
    });

    test('list filters by date, source and language; ambiguous and unknown ids', async () => {
      const store = createArticleStore((await opened).db);
      await store.insertArticle(
        article('aaaabbbbcccc', {
          language: 'zh',
          published: '2026-05-09T01:00:00.000Z',
          outlet: '硅谷前哨',
          sourceId: 'qianshao',
          fingerprint: 'fp2',
        }),
        [],
        sighting('https://zh.example/b', { sourceId: 'qianshao', outlet: '硅谷前哨' }),
      );
      assert.equal((await store.listArticles()).length, 2);
      assert.deepEqual(
        (await store.listArticles({ language: 'zh' })).map((r) => r.id),
        ['aaaabbbbcccc'],
      );
      assert.deepEqual(
        (await store.listArticles({ since: '2026-05-10' })).map((r) => r.id),
        ['aaaaaaaaaaaa'],
      );
      assert.deepEqual(
        (await store.listArticles({ source: '硅谷前哨' })).map((r) => r.id),
        ['aaaabbbbcccc'],
      );
      const row = (await store.listArticles({ source: 'news-example' }))[0];
      assert.equal(row?.figures, 1);
      assert.equal(row?.sightings, 3); // original, canonical copy, translation
      assert.equal(await store.getArticle('aaaa'), 'ambiguous');
      assert.equal(await store.getArticle('ffff'), null);
    });

    test('a model translation is kept once per target: a newer one replaces it, none for an unknown article, gone with its article', async () => {
      const { db } = await opened;
      const store = createArticleStore(db);
      const kept = createModelTranslationStore(db);
      await store.insertArticle(article('mt0000000001'), [], sighting('https://news.example/mt1'));
      const t = (model: string, id = 'mt0000000001'): Translation => ({
        articleId: id,
        source: 'en',
        target: 'zh',
        title: null,
        pairs: [{ id: 'p1', source: 'One.', target: '一。', status: 'ok', notes: [] }],
        provider: 'openai',
        model,
        promptVersion: 'translate-paragraphs@1',
        truncatedSource: false,
        usage: { requests: 1, cached: 0, inputTokens: 1, outputTokens: 1 },
      });
      await kept.save(t('model-a'), '2026-05-10T10:00:00.000Z');
      await kept.save(t('model-b'), '2026-05-10T11:00:00.000Z');
      await kept.save(t('model-a', 'ffffffffffff'), '2026-05-10T11:00:00.000Z');
      const found = await kept.forArticles(['mt0000000001', 'ffffffffffff']);
      assert.deepEqual([...found.keys()], ['mt0000000001']);
      assert.deepEqual(
        found.get('mt0000000001')!.map((x) => x.model),
        ['model-b'],
      );
      await db.query('DELETE FROM articles WHERE id = $1', ['mt0000000001']);
      assert.equal((await kept.forArticles(['mt0000000001'])).size, 0);
    });
  });
}

describe('upgrading a store made by an earlier version', () => {
  test('migration 7: what dated each article; undated articles stored before are "seen", dated ones unknown', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-upgrade-'));
    try {
      const dataDir = path.join(dir, 'db');
      const old = await openDatabase({ kind: 'pglite', dataDir }, { migrations: MIGRATIONS.filter((m) => m.id < 7) });
      for (const [id, published] of [
        ['dated0000001', '2026-05-10T08:00:00Z'],
        ['undated00001', null],
      ] as const) {
        await old.query(
          `INSERT INTO articles (id, url, title, published_at, language, mixed, paragraphs, body, fingerprint, signature, understanding, ingested_at)
          VALUES ($1, 'https://news.example/' || $1, 'Old', $2, 'en', false, '["One."]', 'One.', 'fp-' || $1, '00', '{"sentences":[],"entities":[],"figures":[],"quotes":[]}', '2026-05-10T09:00:00Z')`,
          [id, published],
        );
      }
      await old.close();
      const db = await openDatabase({ kind: 'pglite', dataDir });
      try {
        const store = createArticleStore(db);
        const dated = await store.getArticle('dated0000001');
        const undated = await store.getArticle('undated00001');
        assert.ok(dated !== null && dated !== 'ambiguous' && undated !== null && undated !== 'ambiguous');
        assert.equal(dated.dateSource, undefined, 'page or feed: not recorded then');
        assert.equal(undated.dateSource, 'seen');
        await store.insertArticle(
          article('byurl0000001', { published: '2026-03-12', dateSource: 'url' }),
          [],
          sighting('https://news.example/2026/03/12/a'),
        );
        await store.insertArticles([
          {
            article: article('bydateline01', { published: '2026-03-13', dateSource: 'dateline' }),
            bands: [],
            sighting: sighting('https://news.example/b'),
          },
        ]);
        const byUrl = await store.getArticle('byurl0000001');
        const byDateline = await store.getArticle('bydateline01');
        assert.ok(byUrl !== null && byUrl !== 'ambiguous' && byDateline !== null && byDateline !== 'ambiguous');
        assert.equal(byUrl.dateSource, 'url');
        assert.equal(byDateline.dateSource, 'dateline');
        assert.equal(byDateline.published, '2026-03-13T00:00:00.000Z');
      } finally {
        await db.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('migration 5 keeps every story key and drops the copied activity columns', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-upgrade-'));
    try {
      const dataDir = path.join(dir, 'db');
      const old = await openDatabase({ kind: 'pglite', dataDir }, { migrations: MIGRATIONS.filter((m) => m.id < 5) });
      await old.query(`INSERT INTO stories (id, title, first_active, last_active, last_ingested, article_count)
        VALUES ('s00000000001', 'T', '2026-05-10T08:00:00Z', '2026-05-10T08:00:00Z', '2026-05-10T09:00:00Z', 1)`);
      await old.query(`INSERT INTO story_keys (key, story_id, last_active, last_ingested)
        VALUES ('e:anthropic', 's00000000001', '2026-05-10T08:00:00Z', '2026-05-10T09:00:00Z')`);
      await old.close();
      const db = await openDatabase({ kind: 'pglite', dataDir });
      try {
        const columns = await db.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_name = 'story_keys' ORDER BY ordinal_position`,
        );
        assert.deepEqual(
          columns.map((c) => c.column_name),
          ['key', 'story_id'],
        );
        assert.deepEqual(await db.query('SELECT key, story_id FROM story_keys'), [
          { key: 'e:anthropic', story_id: 's00000000001' },
        ]);
        const applied = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
        assert.equal(applied[0]?.n, MIGRATIONS.length);
      } finally {
        await db.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('migration 6: articles stored before read as from their page; a feed-summary article keeps its mark', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-upgrade-'));
    try {
      const dataDir = path.join(dir, 'db');
      const old = await openDatabase({ kind: 'pglite', dataDir }, { migrations: MIGRATIONS.filter((m) => m.id < 6) });
      await old.query(`INSERT INTO articles (id, url, title, language, mixed, paragraphs, body, fingerprint, signature, understanding, ingested_at)
        VALUES ('old000000001', 'https://news.example/old', 'Old', 'en', false, '["One."]', 'One.', 'fp-old', '00', '{"sentences":[],"entities":[],"figures":[],"quotes":[]}', '2026-05-10T09:00:00Z')`);
      await old.close();
      const db = await openDatabase({ kind: 'pglite', dataDir });
      try {
        const store = createArticleStore(db);
        const before = await store.getArticle('old000000001');
        assert.ok(before !== null && before !== 'ambiguous');
        assert.equal(before.fromFeedSummary, undefined);
        await store.insertArticle(
          article('new000000001', { fromFeedSummary: true }),
          [],
          sighting('https://news.example/new000000001'),
        );
        await store.insertArticles([
          {
            article: article('new000000002', { fromFeedSummary: true }),
            bands: [],
            sighting: sighting('https://news.example/new000000002'),
          },
        ]);
        for (const id of ['new000000001', 'new000000002']) {
          const got = await store.getArticle(id);
          assert.ok(got !== null && got !== 'ambiguous');
          assert.equal(got.fromFeedSummary, true);
        }
        const applied = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
        assert.equal(applied[0]?.n, MIGRATIONS.length);
      } finally {
        await db.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
