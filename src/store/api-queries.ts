// The read queries behind `tidings serve`'s JSON API: days with coverage, and keyset pages of
// stories and articles. Keyset, not OFFSET: a page costs the same wherever it is in the archive,
// and a cursor holds the last row's sort key exactly as stored (timestamps as PostgreSQL text,
// so no precision is lost in a round trip through JavaScript dates).

import { publicUrl, type ArticleLanguage } from '../article.js';
import type { SourceType } from '../sources/registry.js';
import type { Story } from '../stories/story.js';
import type { Queryable } from './database.js';
import { storyTimelines } from './story-store.js';
import { corruptRowReport, type StoreReadOptions } from './stored-json.js';
import { toIso } from './timestamps.js';

export interface DayRow {
  /** YYYY-MM-DD (UTC). */
  readonly date: string;
  /** Stories with coverage that day. */
  readonly stories: number;
  /** Articles whose activity (published, else ingested) falls that day. */
  readonly articles: number;
}

/** A story page's sort key: last activity (PostgreSQL timestamptz text) then id. */
export interface StoryKey {
  readonly lastActive: string;
  readonly id: string;
}

/** An article page's sort key: publication time (null for undated, which come last) then id. */
export interface ArticleKey {
  readonly published: string | null;
  readonly id: string;
}

export interface ApiArticleRow {
  readonly id: string;
  readonly title: string | null;
  /** The web address; null for an article read from a local file (its path is never published). */
  readonly url: string | null;
  readonly language: ArticleLanguage;
  readonly outlet: string | null;
  readonly sourceType: SourceType | null;
  readonly published: string | null;
  readonly bilingual: boolean;
  readonly sightings: number;
  readonly storyId: string | null;
}

export interface Keyed<T, K> {
  readonly row: T;
  readonly key: K;
}

export interface ApiQueries {
  /** Days with dated news (any day with coverage when nothing is dated), newest first, those before `before` (exclusive) when given. */
  days(before: string | null, limit: number): Promise<DayRow[]>;
  hasDay(date: string): Promise<boolean>;
  /** Stories by last activity, newest first; with `date`, those with coverage that UTC day. */
  stories(filter: {
    date: string | null;
    after: StoryKey | null;
    limit: number;
  }): Promise<Array<Keyed<Story, StoryKey>>>;
  /** Articles newest first (undated last); `since` bounds published-else-ingested time. */
  articles(filter: {
    language: ArticleLanguage | null;
    since: string | null;
    after: ArticleKey | null;
    limit: number;
  }): Promise<Array<Keyed<ApiArticleRow, ArticleKey>>>;
}

export function createApiQueries(db: Queryable, options: StoreReadOptions = {}): ApiQueries {
  const report = corruptRowReport(options);
  return {
    async days(before, limit) {
      const rows = await db.query<{ day: string; stories: number; articles: number }>(
        // Days with dated news (as editionDays): a day of only undated articles (read on the day of
        // the run) is no edition of its own, unless nothing in the store is dated.
        `SELECT day, count(DISTINCT story_id)::int AS stories, count(*)::int AS articles FROM (
           SELECT to_char(activity_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, story_id, published_at FROM story_articles
           ${before === null ? '' : `WHERE activity_at < ($2::date)::timestamp AT TIME ZONE 'UTC'`}) d
         GROUP BY day
         HAVING bool_or(published_at IS NOT NULL) OR NOT EXISTS (SELECT 1 FROM story_articles WHERE published_at IS NOT NULL)
         ORDER BY day DESC LIMIT $1`,
        before === null ? [limit] : [limit, before],
      );
      return rows.map((r) => ({ date: r.day, stories: r.stories, articles: r.articles }));
    },

    async hasDay(date) {
      const rows = await db.query(
        `SELECT 1 FROM story_articles
         WHERE activity_at >= ($1::date)::timestamp AT TIME ZONE 'UTC' AND activity_at < ($1::date + 1)::timestamp AT TIME ZONE 'UTC' LIMIT 1`,
        [date],
      );
      return rows.length > 0;
    },

    async stories({ date, after, limit }) {
      const params: unknown[] = [];
      const where: string[] = [];
      if (date !== null) {
        params.push(date);
        where.push(`s.id IN (SELECT story_id FROM story_articles
          WHERE activity_at >= ($${params.length}::date)::timestamp AT TIME ZONE 'UTC'
            AND activity_at < ($${params.length}::date + 1)::timestamp AT TIME ZONE 'UTC')`);
      }
      if (after !== null) {
        params.push(after.lastActive, after.id);
        where.push(
          `(s.last_active < $${params.length - 1}::timestamptz OR (s.last_active = $${params.length - 1}::timestamptz AND s.id > $${params.length}))`,
        );
      }
      params.push(limit);
      const rows = await db.query<StoryRow>(
        `SELECT s.id, s.title, s.first_active, s.last_active, s.last_active::text AS last_active_key, s.article_count
         FROM stories s ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY s.last_active DESC, s.id LIMIT $${params.length}`,
        params,
      );
      const timelines = await storyTimelines(
        db,
        rows.map((r) => r.id),
        report,
      );
      return rows.map((r) => ({
        row: {
          id: r.id,
          title: r.title,
          firstActive: toIso(r.first_active)!,
          lastActive: toIso(r.last_active)!,
          articleCount: r.article_count,
          timeline: timelines.get(r.id)?.timeline ?? [],
          translations: timelines.get(r.id)?.translations ?? [],
        },
        key: { lastActive: r.last_active_key, id: r.id },
      }));
    },

    async articles({ language, since, after, limit }) {
      const params: unknown[] = [];
      const where: string[] = [];
      if (language !== null) {
        params.push(language);
        where.push(`a.language = $${params.length}`);
      }
      if (since !== null) {
        params.push(since);
        where.push(`COALESCE(a.published_at, a.ingested_at) >= $${params.length}::timestamptz`);
      }
      if (after !== null) {
        params.push(after.id);
        const id = `$${params.length}`;
        if (after.published === null) {
          where.push(`(a.published_at IS NULL AND a.id > ${id})`);
        } else {
          params.push(after.published);
          const at = `$${params.length}::timestamptz`;
          where.push(`(a.published_at < ${at} OR (a.published_at = ${at} AND a.id > ${id}) OR a.published_at IS NULL)`);
        }
      }
      params.push(limit);
      const rows = await db.query<ArticleRow>(
        `SELECT a.id, a.title, a.url, a.language, a.outlet, a.source_type, a.published_at,
           a.published_at::text AS published_key, (a.bilingual IS NOT NULL) AS bilingual,
           (SELECT count(*)::int FROM sightings s WHERE s.article_id = a.id) AS sightings,
           (SELECT m.story_id FROM story_articles m WHERE m.article_id = a.id) AS story_id
         FROM articles a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY a.published_at DESC NULLS LAST, a.id LIMIT $${params.length}`,
        params,
      );
      return rows.map((r) => ({
        row: {
          id: r.id,
          title: r.title,
          url: publicUrl(r.url),
          language: r.language,
          outlet: r.outlet,
          sourceType: r.source_type,
          published: toIso(r.published_at),
          bilingual: r.bilingual,
          sightings: r.sightings,
          storyId: r.story_id,
        },
        key: { published: r.published_key, id: r.id },
      }));
    },
  };
}

interface StoryRow {
  id: string;
  title: string | null;
  first_active: Date | string;
  last_active: Date | string;
  last_active_key: string;
  article_count: number;
}

interface ArticleRow {
  id: string;
  title: string | null;
  url: string;
  language: ArticleLanguage;
  outlet: string | null;
  source_type: SourceType | null;
  published_at: Date | string | null;
  published_key: string | null;
  bilingual: boolean;
  sightings: number;
  story_id: string | null;
}
