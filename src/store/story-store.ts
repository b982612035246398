// Stories, their members and the inverted key index that finds candidate stories. Each placement
// (member row, story counters, keys, frequencies) is one transaction. Every lookup is bounded by
// the article's keys and a date window, never by the size of the archive.

import type { ArticleLanguage } from '../article.js';
import type { SourceType } from '../sources/registry.js';
import { frequencyFromTable, type DocumentFrequency } from '../stories/document-frequency.js';
import type { KeyHit, StoryCandidate } from '../stories/grouping.js';
import type { StoryPlacementStore } from '../stories/assign.js';
import type { NewMember, StoryArchive, TimeWindow } from '../stories/story-archive.js';
import { byActivity, type FoldedTranslation, type Story, type TimelineEntry } from '../stories/story.js';
import type { Database, Queryable } from './database.js';
import { boundIndexed } from './index-bounds.js';
import { SOURCE_TYPES } from '../sources/registry-schema.js';
import {
  corruptRowReport,
  keepSound,
  parseColumn,
  storedFeatures,
  type CorruptRowReport,
  type StoreReadOptions,
} from './stored-json.js';
import { toIso } from './timestamps.js';
import { z } from 'zod';

/** The feature_frequencies row that counts grouped articles (feature keys always have a prefix). */
const ARTICLES_KEY = '#articles';

/**
 * A bulk write of at least this many placements refreshes the planner's statistics, once the
 * archive has grown by a tenth (ANALYZE_GROWTH) since this store's last refresh.
 */
const ANALYZE_AFTER = 500;
const ANALYZE_GROWTH = 1.1;

export interface StoryFilter {
  /** 'YYYY-MM-DD' (UTC): stories with a member whose activity (published, else ingested) falls that day. */
  readonly date?: string | null;
  /** At most this many, newest first (default 1,000); null for every story. */
  readonly limit?: number | null;
}

/** The stories stage's ports (StoryArchive, StoryPlacementStore) and what the CLI and the API read. */
export interface StoryStore extends StoryArchive, StoryPlacementStore {
  /** Of the given articles (default: all), those not yet in a story, in placement order. */
  unassignedArticleIds(articleIds?: readonly string[]): Promise<string[]>;
  listStories(filter?: StoryFilter): Promise<Story[]>;
  /** By story id or prefix; falls back to the story of an article with that id or prefix. */
  getStory(idOrPrefix: string): Promise<Story | null | 'ambiguous'>;
  storyOfArticle(articleId: string): Promise<string | null>;
  /** The days (UTC, YYYY-MM-DD) on which these articles count in their stories, oldest first. */
  activityDays(articleIds: readonly string[]): Promise<string[]>;
  countStories(): Promise<number>;
  /** The latest last activity of any story (ISO), or null when there are none: one index lookup. */
  latestActivity(): Promise<string | null>;
  /** The latest publication time of any grouped article with a date (ISO), or null when none has one. */
  latestDatedActivity(): Promise<string | null>;
}

/**
 * A story member's features: a member whose stored features are damaged is left out of the
 * comparison (reported through onCorruptRow); the story keeps its other members.
 */
export function createStoryStore(db: Database, options: StoreReadOptions = {}): StoryStore {
  const report = corruptRowReport(options);
  /** Articles counted when this store last ran ANALYZE (null: not yet). */
  let analyzedAt: number | null = null;
  return {
    async keyHits(keys, active: TimeWindow, ingested: TimeWindow, maxPerKey: number): Promise<KeyHit[]> {
      if (keys.length === 0) return [];
      const asked = askedKeys(keys);
      const rows = await db.query<{ story_id: string; key: string }>(
        // Reads every story of each key and keeps those in the window (a join, not a range scan):
        // this one-at-a-time path serves tests and `tidings similar`-like callers; grouping places
        // in a batch archive seeded by storySeeds.
        `SELECT story_id, key FROM (
           SELECT k.story_id, k.key, count(*) OVER (PARTITION BY k.key) AS stories
           FROM story_keys k JOIN stories s ON s.id = k.story_id
           WHERE k.key = ANY($1::text[])
             AND (s.last_active BETWEEN $2::timestamptz AND $3::timestamptz
                  OR s.last_ingested BETWEEN $4::timestamptz AND $5::timestamptz)) h
         WHERE stories <= $6
         ORDER BY story_id, key`,
        [[...asked.keys()], active.from, active.to, ingested.from, ingested.to, maxPerKey],
      );
      return rows.map((r) => ({ storyId: r.story_id, key: asked.get(r.key) ?? r.key }));
    },

    async frequencies(keys): Promise<DocumentFrequency> {
      const asked = askedKeys([ARTICLES_KEY, ...keys]);
      const rows = await db.query<{ key: string; articles: number }>(
        'SELECT key, articles FROM feature_frequencies WHERE key = ANY($1::text[])',
        [[...asked.keys()]],
      );
      const table = new Map(rows.map((r) => [asked.get(r.key) ?? r.key, r.articles]));
      const documents = table.get(ARTICLES_KEY) ?? 0;
      table.delete(ARTICLES_KEY);
      return frequencyFromTable(documents, table);
    },

    async candidates(storyIds, maxMembers): Promise<StoryCandidate[]> {
      if (storyIds.length === 0) return [];
      const rows = await db.query<{ story_id: string; article_id: string; features: unknown }>(
        `SELECT story_id, article_id, features FROM (
           SELECT story_id, features, activity_at, article_id,
             row_number() OVER (PARTITION BY story_id ORDER BY activity_at DESC, article_id DESC) AS recent,
             row_number() OVER (PARTITION BY story_id ORDER BY activity_at, article_id) AS oldest
           FROM story_articles WHERE story_id = ANY($1::text[])) m
         WHERE recent <= $2 OR oldest = 1
         ORDER BY story_id, activity_at, article_id`,
        [storyIds, maxMembers],
      );
      const members = groupBy(
        keepSound(rows, (r) => ({ storyId: r.story_id, features: memberFeatures(r) }), report),
        (m) => m.storyId,
      );
      return storyIds
        .filter((id) => members.has(id))
        .map((id) => ({ id, members: members.get(id)!.map((m) => m.features) }));
    },

    async addMember(m: NewMember) {
      return db.transaction(async (tx) => {
        const taken = await tx.query('SELECT 1 FROM story_articles WHERE article_id = $1', [m.entry.articleId]);
        if (taken.length > 0) return false;
        const e = m.entry;
        if (m.first) {
          await tx.query(
            `INSERT INTO stories (id, title, first_active, last_active, last_ingested, article_count)
             VALUES ($1, $2, $3::timestamptz, $3::timestamptz, $4::timestamptz, 0) ON CONFLICT DO NOTHING`,
            [m.storyId, e.title, e.activityAt, m.ingestedAt],
          );
        }
        const inserted = await tx.query(
          `INSERT INTO story_articles (article_id, story_id, activity_at, published_at, ingested_at, title, outlet,
             source_type, language, url, score, features)
           VALUES ($1,$2,$3::timestamptz,$4::timestamptz,$5::timestamptz,$6,$7,$8,$9,$10,$11,$12::jsonb)
           ON CONFLICT DO NOTHING RETURNING article_id`,
          [
            e.articleId,
            m.storyId,
            e.activityAt,
            e.published,
            m.ingestedAt,
            e.title,
            e.outlet,
            e.sourceType,
            e.language,
            e.url,
            e.score,
            JSON.stringify(m.features),
          ],
        );
        if (inserted.length === 0) return false;
        // Undated members (activity = ingest time) do not move the story's date.
        const story = await tx.query(
          `UPDATE stories SET article_count = article_count + 1,
             first_active = LEAST(first_active, $2::timestamptz),
             last_active = CASE WHEN $3::boolean THEN GREATEST(last_active, $2::timestamptz) ELSE last_active END,
             last_ingested = GREATEST(last_ingested, $4::timestamptz)
           WHERE id = $1 RETURNING id`,
          [m.storyId, e.activityAt, e.published !== null, m.ingestedAt],
        );
        if (story.length === 0) throw new Error(`story ${m.storyId} vanished while adding article ${e.articleId}`);
        await tx.query(
          `INSERT INTO story_keys (key, story_id) SELECT k, $2 FROM unnest($1::text[]) AS t(k)
           ON CONFLICT (key, story_id) DO NOTHING`,
          [[...new Set(m.indexKeys.map((k) => boundIndexed(k)))].sort(), m.storyId],
        );
        await countKeys(tx, [ARTICLES_KEY, ...m.frequencyKeys]);
        return true;
      });
    },

    async unassignedArticleIds(articleIds) {
      const rows = await db.query<{ id: string }>(
        `SELECT a.id FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id
         WHERE s.article_id IS NULL ${articleIds ? 'AND a.id = ANY($1::text[])' : ''}
         ORDER BY COALESCE(a.published_at, a.ingested_at), a.id`,
        articleIds ? [articleIds] : [],
      );
      return rows.map((r) => r.id);
    },

    async listStories(filter = {}) {
      const params: unknown[] = [];
      let where = '';
      if (filter.date) {
        params.push(`${filter.date}T00:00:00Z`);
        where = `WHERE s.id IN (SELECT story_id FROM story_articles
                 WHERE activity_at >= $1::timestamptz AND activity_at < $1::timestamptz + interval '1 day')`;
      }
      // LIMIT NULL is no limit: the site lists every story (null), the command line the newest 1,000.
      params.push(filter.limit === undefined ? 1000 : filter.limit);
      const rows = await db.query<StoryRow>(
        `SELECT * FROM stories s ${where} ORDER BY s.last_active DESC, s.id LIMIT $${params.length}`,
        params,
      );
      return withTimelines(db, rows, report);
    },

    async getStory(idOrPrefix) {
      const key = idOrPrefix.toLowerCase();
      let rows = await db.query<StoryRow>(`SELECT * FROM stories WHERE id LIKE $1 || '%' ORDER BY id LIMIT 2`, [key]);
      if (rows.length === 0) {
        rows = await db.query<StoryRow>(
          `SELECT DISTINCT s.* FROM stories s JOIN story_articles m ON m.story_id = s.id
           WHERE m.article_id LIKE $1 || '%' ORDER BY s.id LIMIT 2`,
          [key],
        );
      }
      if (rows.length === 0) return null;
      const exact = rows.find((r) => r.id === key);
      if (rows.length > 1 && !exact) return 'ambiguous';
      const [story] = await withTimelines(db, [exact ?? rows[0]!], report);
      return story ?? null;
    },

    async storyOfArticle(articleId) {
      const rows = await db.query<{ story_id: string }>('SELECT story_id FROM story_articles WHERE article_id = $1', [
        articleId,
      ]);
      return rows[0]?.story_id ?? null;
    },

    async activityDays(articleIds) {
      if (articleIds.length === 0) return [];
      const rows = await db.query<{ day: string }>(
        `SELECT DISTINCT to_char(activity_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM story_articles
         WHERE article_id = ANY($1::text[]) ORDER BY day`,
        [articleIds],
      );
      return rows.map((r) => r.day);
    },

    async unassignedArticles(articleIds) {
      const rows = await db.query<{ id: string; published_at: Date | string | null; ingested_at: Date | string }>(
        `SELECT a.id, a.published_at, a.ingested_at FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id
         WHERE s.article_id IS NULL ${articleIds ? 'AND a.id = ANY($1::text[])' : ''}`,
        articleIds ? [articleIds] : [],
      );
      return rows.map((r) => ({ id: r.id, published: toIso(r.published_at), ingestedAt: toIso(r.ingested_at)! }));
    },

    async storySeeds(active, ingested, maxMembers) {
      const stories = await db.query<{ id: string; last_active: Date | string; last_ingested: Date | string }>(
        `SELECT id, last_active, last_ingested FROM stories
         WHERE last_active BETWEEN $1::timestamptz AND $2::timestamptz OR last_ingested BETWEEN $3::timestamptz AND $4::timestamptz`,
        [active.from, active.to, ingested.from, ingested.to],
      );
      const counted = await db.query<{ articles: number }>('SELECT articles FROM feature_frequencies WHERE key = $1', [
        ARTICLES_KEY,
      ]);
      const documents = counted[0]?.articles ?? 0;
      if (stories.length === 0) return { documents, stories: [] };
      const ids = stories.map((r) => r.id);
      const keys = await db.query<{ story_id: string; key: string }>(
        'SELECT story_id, key FROM story_keys WHERE story_id = ANY($1::text[])',
        [ids],
      );
      const rows = await db.query<{
        story_id: string;
        article_id: string;
        activity_at: Date | string;
        features: unknown;
      }>(
        `SELECT story_id, article_id, activity_at, features FROM (
           SELECT story_id, features, activity_at, article_id,
             row_number() OVER (PARTITION BY story_id ORDER BY activity_at DESC, article_id DESC) AS recent,
             row_number() OVER (PARTITION BY story_id ORDER BY activity_at, article_id) AS oldest
           FROM story_articles WHERE story_id = ANY($1::text[])) m
         WHERE recent <= $2 OR oldest = 1
         ORDER BY story_id, activity_at, article_id`,
        [ids, maxMembers],
      );
      const members = keepSound(
        rows,
        (r) => ({ storyId: r.story_id, activityAt: toIso(r.activity_at), features: memberFeatures(r) }),
        report,
      );
      const keysOf = groupBy(keys, (r) => r.story_id);
      const membersOf = groupBy(members, (r) => r.storyId);
      return {
        documents,
        stories: stories.map((r) => ({
          id: r.id,
          lastActive: toIso(r.last_active)!,
          lastIngested: toIso(r.last_ingested)!,
          keys: (keysOf.get(r.id) ?? []).map((k) => k.key),
          members: (membersOf.get(r.id) ?? []).map((m) => ({ activityAt: m.activityAt, features: m.features })),
        })),
      };
    },

    async keyCounts(keys) {
      const asked = askedKeys(keys);
      const rows = await db.query<{ key: string; articles: number }>(
        'SELECT key, articles FROM feature_frequencies WHERE key = ANY($1::text[])',
        [[...asked.keys()]],
      );
      return new Map(rows.map((r) => [asked.get(r.key) ?? r.key, r.articles]));
    },

    async addMembers(members, documentsBefore) {
      if (members.length === 0) return true;
      const conflict = new Error('another process placed articles meanwhile');
      try {
        const written = await db.transaction(async (tx) => {
          // Claims the article counter first: a concurrent placement waits on this row or fails the check.
          const claimed = await tx.query(
            `INSERT INTO feature_frequencies (key, articles) VALUES ($1, $3) ON CONFLICT (key) DO UPDATE
             SET articles = feature_frequencies.articles + $3 WHERE feature_frequencies.articles = $2 RETURNING key`,
            [ARTICLES_KEY, documentsBefore, members.length],
          );
          if (claimed.length === 0) throw conflict;
          if (!(await writeMembers(tx, members))) throw conflict;
          return true;
        });
        // PGlite runs no autovacuum: without fresh statistics the planner keeps estimating the
        // story tables as small and scans them whole. ANALYZE samples a bounded number of rows.
        // Again only once the archive has grown by a tenth since: each ANALYZE samples a bounded
        // number of rows but costs more as the tables grow, so one per chunk made a long backlog's
        // statistics cost grow faster than the backlog (8.7 s of 40k articles' grouping at 30 days,
        // 3.4 s now; 0.8 s of 10k's).
        const total = documentsBefore + members.length;
        if (members.length >= ANALYZE_AFTER && (analyzedAt === null || total >= analyzedAt * ANALYZE_GROWTH)) {
          await db.query('ANALYZE stories, story_keys, story_articles, feature_frequencies');
          analyzedAt = total;
        }
        return written;
      } catch (error) {
        if (error === conflict) return false;
        throw error;
      }
    },

    async latestActivity() {
      const rows = await db.query<{ at: Date | string | null }>('SELECT max(last_active) AS at FROM stories');
      return toIso(rows[0]?.at ?? null);
    },

    async latestDatedActivity() {
      // activity_at is published_at for a dated member: newest first by the activity index.
      const rows = await db.query<{ at: Date | string | null }>(
        'SELECT activity_at AS at FROM story_articles WHERE published_at IS NOT NULL ORDER BY activity_at DESC LIMIT 1',
      );
      return toIso(rows[0]?.at ?? null);
    },

    async countStories() {
      const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM stories');
      return rows[0]?.n ?? 0;
    },
  };
}

/** The bulk form of addMember: the same rows, counters and keys as adding each in turn. */
async function writeMembers(tx: Queryable, members: readonly NewMember[]): Promise<boolean> {
  const firsts = members.filter((m) => m.first);
  if (firsts.length > 0) {
    await tx.query(
      `INSERT INTO stories (id, title, first_active, last_active, last_ingested, article_count)
       SELECT id, title, at, at, ing, 0 FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS t(id, title, at, ing)
       ON CONFLICT DO NOTHING`,
      [
        firsts.map((m) => m.storyId),
        firsts.map((m) => m.entry.title),
        firsts.map((m) => m.entry.activityAt),
        firsts.map((m) => m.ingestedAt),
      ],
    );
  }
  const col = <T>(f: (m: NewMember) => T) => members.map(f);
  const inserted = await tx.query(
    `INSERT INTO story_articles (article_id, story_id, activity_at, published_at, ingested_at, title, outlet,
       source_type, language, url, score, features)
     SELECT a, s, act, pub, ing, ti, o, st, l, u, sc, f::jsonb FROM unnest($1::text[], $2::text[], $3::timestamptz[],
       $4::timestamptz[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::real[], $12::text[])
       AS t(a, s, act, pub, ing, ti, o, st, l, u, sc, f)
     ON CONFLICT DO NOTHING RETURNING article_id`,
    [
      col((m) => m.entry.articleId),
      col((m) => m.storyId),
      col((m) => m.entry.activityAt),
      col((m) => m.entry.published),
      col((m) => m.ingestedAt),
      col((m) => m.entry.title),
      col((m) => m.entry.outlet),
      col((m) => m.entry.sourceType),
      col((m) => m.entry.language),
      col((m) => m.entry.url),
      col((m) => m.entry.score),
      col((m) => JSON.stringify(m.features)),
    ],
  );
  if (inserted.length !== members.length) return false; // some already have a story
  // Per story: members added, earliest activity, latest dated activity, latest ingest.
  const per = new Map<
    string,
    { n: number; first: string; dated: string | null; ingested: string; keys: Set<string> }
  >();
  for (const m of members) {
    const p = per.get(m.storyId) ?? {
      n: 0,
      first: m.entry.activityAt,
      dated: null,
      ingested: m.ingestedAt,
      keys: new Set<string>(),
    };
    p.n++;
    if (m.entry.activityAt < p.first) p.first = m.entry.activityAt;
    if (m.entry.published !== null && (p.dated === null || m.entry.activityAt > p.dated)) p.dated = m.entry.activityAt;
    if (m.ingestedAt > p.ingested) p.ingested = m.ingestedAt;
    for (const k of m.indexKeys) p.keys.add(boundIndexed(k));
    per.set(m.storyId, p);
  }
  const ids = [...per.keys()].sort();
  const rows = ids.map((id) => per.get(id)!);
  await tx.query(
    `UPDATE stories s SET article_count = s.article_count + u.n,
       first_active = LEAST(s.first_active, u.first),
       last_active = CASE WHEN u.dated IS NULL THEN s.last_active ELSE GREATEST(s.last_active, u.dated) END,
       last_ingested = GREATEST(s.last_ingested, u.ing)
     FROM unnest($1::text[], $2::int[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[]) AS u(id, n, first, dated, ing)
     WHERE s.id = u.id`,
    [ids, rows.map((r) => r.n), rows.map((r) => r.first), rows.map((r) => r.dated), rows.map((r) => r.ingested)],
  );
  const keyStory = ids.flatMap((id) => [...per.get(id)!.keys].sort().map((k) => [k, id] as const));
  await tx.query(
    `INSERT INTO story_keys (key, story_id) SELECT k, sid FROM unnest($1::text[], $2::text[]) AS t(k, sid)
     ON CONFLICT (key, story_id) DO NOTHING`,
    [keyStory.map((x) => x[0]), keyStory.map((x) => x[1])],
  );
  const delta = new Map<string, number>();
  for (const m of members)
    for (const k of new Set(m.frequencyKeys.map((key) => boundIndexed(key)))) delta.set(k, (delta.get(k) ?? 0) + 1);
  const keys = [...delta.keys()].sort();
  await tx.query(
    `INSERT INTO feature_frequencies (key, articles) SELECT k, n FROM unnest($1::text[], $2::int[]) AS t(k, n)
     ON CONFLICT (key) DO UPDATE SET articles = feature_frequencies.articles + excluded.articles`,
    [keys, keys.map((k) => delta.get(k)!)],
  );
  return true;
}

/** A member row's stored features, parsed (a CorruptRow when damaged). */
function memberFeatures(r: { article_id: string; features: unknown }) {
  return parseColumn(storedFeatures, r.features, { table: 'story_articles', id: r.article_id }, 'features');
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(r);
    else out.set(key(r), [r]);
  }
  return out;
}

async function countKeys(tx: Queryable, keys: readonly string[]): Promise<void> {
  // Sorted and unique: one upsert may touch a row once, and a fixed order avoids deadlocks.
  await tx.query(
    `INSERT INTO feature_frequencies (key, articles) SELECT k, 1 FROM unnest($1::text[]) AS t(k)
     ON CONFLICT (key) DO UPDATE SET articles = feature_frequencies.articles + 1`,
    [[...new Set(keys.map((k) => boundIndexed(k)))].sort()],
  );
}

/**
 * Feature keys as the index holds them (boundIndexed), each mapped back to the key asked for, so
 * what a lookup returns is keyed as the caller asked. Keys within the bound map to themselves.
 */
function askedKeys(keys: readonly string[]): Map<string, string> {
  const asked = new Map<string, string>();
  for (const k of keys) {
    const stored = boundIndexed(k);
    if (!asked.has(stored)) asked.set(stored, k);
  }
  return asked;
}

interface StoryRow {
  id: string;
  title: string | null;
  first_active: Date | string;
  last_active: Date | string;
  last_ingested: Date | string;
  article_count: number;
}

interface MemberRow {
  story_id: string;
  article_id: string;
  activity_at: Date | string;
  published_at: Date | string | null;
  title: string | null;
  outlet: string | null;
  source_type: SourceType | null;
  language: ArticleLanguage;
  url: string;
  score: number | null;
}

interface FoldedRow {
  story_id: string;
  translation_id: string;
  original_id: string;
  original_outlet: string | null;
  translation_title: string | null;
  translation_outlet: string | null;
  translation_language: ArticleLanguage;
  translation_url: string;
  score: number;
  /** The fields of translations.record a timeline shows, parsed by foldedRecord. */
  published: unknown;
  ingested: unknown;
  source_type: unknown;
}

/** A timestamp the driver or Date.parse can read. */
const timestamp = z.string().refine((t) => !Number.isNaN(Date.parse(t)), 'not a timestamp');

/** What a timeline reads of a folded translation's kept record (translations.record). */
const foldedRecord = z.object({
  published: timestamp.nullable(),
  ingestedAt: timestamp,
  sourceType: z.enum(SOURCE_TYPES).nullable(),
});

export interface StoryTimeline {
  readonly timeline: TimelineEntry[];
  readonly translations: FoldedTranslation[];
}

/**
 * The timelines of these stories: each story's members by activity time (one query), and the
 * translations folded into its members, from their kept records (a second).
 */
export async function storyTimelines(
  db: Queryable,
  ids: readonly string[],
  report: CorruptRowReport,
): Promise<Map<string, StoryTimeline>> {
  const timelines = new Map<string, StoryTimeline>();
  if (ids.length === 0) return timelines;
  const of = (id: string) => {
    let t = timelines.get(id);
    if (!t) timelines.set(id, (t = { timeline: [], translations: [] }));
    return t;
  };
  const members = await db.query<MemberRow>(
    `SELECT story_id, article_id, activity_at, published_at, title, outlet, source_type, language, url, score
     FROM story_articles WHERE story_id = ANY($1::text[]) ORDER BY activity_at, article_id`,
    [ids],
  );
  for (const m of members) {
    of(m.story_id).timeline.push({
      articleId: m.article_id,
      title: m.title,
      outlet: m.outlet,
      sourceType: m.source_type,
      language: m.language,
      published: toIso(m.published_at),
      activityAt: toIso(m.activity_at)!,
      url: m.url,
      score: m.score === null ? null : Math.round(m.score * 1000) / 1000,
    });
  }
  const folded = await db.query<FoldedRow>(
    `SELECT m.story_id, t.translation_id, t.original_id, m.outlet AS original_outlet, t.translation_title,
       t.translation_outlet, t.translation_language, t.translation_url, t.score,
       t.record->>'published' AS published, t.record->>'ingestedAt' AS ingested, t.record->>'sourceType' AS source_type
     FROM translations t JOIN story_articles m ON m.article_id = t.original_id
     WHERE m.story_id = ANY($1::text[])`,
    [ids],
  );
  const sound = keepSound(
    folded,
    (f) => ({
      f,
      record: parseColumn(
        foldedRecord,
        { published: f.published, ingestedAt: f.ingested, sourceType: f.source_type },
        { table: 'translations', id: f.translation_id },
        'record',
      ),
    }),
    report,
  );
  for (const { f, record } of sound) {
    const published = record.published === null ? null : toIso(record.published);
    of(f.story_id).translations.push({
      articleId: f.translation_id,
      originalId: f.original_id,
      originalOutlet: f.original_outlet,
      title: f.translation_title,
      outlet: f.translation_outlet,
      sourceType: record.sourceType,
      language: f.translation_language,
      published,
      activityAt: published ?? toIso(record.ingestedAt),
      url: f.translation_url,
      score: Math.round(Number(f.score) * 1000) / 1000,
    });
  }
  for (const t of timelines.values()) t.translations.sort(byActivity);
  return timelines;
}

async function withTimelines(db: Queryable, rows: readonly StoryRow[], report: CorruptRowReport): Promise<Story[]> {
  if (rows.length === 0) return [];
  const timelines = await storyTimelines(
    db,
    rows.map((r) => r.id),
    report,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    firstActive: toIso(r.first_active)!,
    lastActive: toIso(r.last_active)!,
    articleCount: r.article_count,
    timeline: timelines.get(r.id)?.timeline ?? [],
    translations: timelines.get(r.id)?.translations ?? [],
  }));
}
