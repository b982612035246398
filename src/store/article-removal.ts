// Removing one article and everything derived from it, in one transaction: its sightings and
// near-duplicate bands, its story membership (with the story's counters, dates, title and keys
// made to describe the members left, and a story left empty deleted), its share of the feature
// counts, the translations folded into it, its translation checks and its model translations.
// For the day a hostile or mistaken article is stored: `tidings articles remove <id>`.
//
// An id may also name a translation that was folded into its original (its row left `articles`,
// its record stayed in `translations`): removing it takes back what folding gave the original.

import { featureKeys, indexKeys, type ArticleFeatures } from '../stories/features.js';
import type { ArticleWithSightings } from '../article.js';
import type { Database, Queryable } from './database.js';
import { boundAll } from './index-bounds.js';

/** The feature_frequencies row counting grouped articles (as in story-store.ts). */
const ARTICLES_KEY = '#articles';

export interface StoryChange {
  readonly storyId: string;
  /** 'deleted': the article was its only member; 'kept': members remain (how many). */
  readonly outcome: 'deleted' | 'kept';
  readonly membersLeft: number;
}

export interface RemovedArticle {
  readonly kind: 'article' | 'folded-translation';
  readonly id: string;
  readonly title: string | null;
  readonly url: string;
  readonly sightings: number;
  readonly bands: number;
  /** The story it was a member of, and what became of it (null: it was in none). */
  readonly story: StoryChange | null;
  /** Translations that had been folded into it, whose records went with it. */
  readonly foldedTranslations: readonly string[];
  /** Target languages of the model translations removed. */
  readonly modelTranslations: readonly string[];
  readonly translationChecks: number;
  /** For a folded translation: the original it was folded into (which stays). */
  readonly originalId: string | null;
  /** For a folded translation: the original's reader pairs came from it and were removed. */
  readonly readerPairsRemoved: boolean;
}

export type RemovalResult =
  | { readonly kind: 'removed'; readonly removed: RemovedArticle }
  | { readonly kind: 'not_found' }
  /** matches: the first ids that match, one more than MAX_MATCHES_SHOWN when there are more. */
  | { readonly kind: 'ambiguous'; readonly matches: readonly string[] };

/** How many matches an ambiguous prefix reports. */
export const MAX_MATCHES_SHOWN = 5;

/** Removes the article (or folded translation) with this id or unique id prefix. */
export async function removeArticle(db: Database, idOrPrefix: string): Promise<RemovalResult> {
  return db.transaction(async (tx) => {
    const target = await resolve(tx, idOrPrefix);
    if (target.kind !== 'found') return target;
    const removed = target.folded
      ? await removeFoldedTranslation(tx, target.id)
      : await removeStoredArticle(tx, target.id);
    return { kind: 'removed', removed };
  });
}

type Resolved =
  | { readonly kind: 'found'; readonly id: string; readonly folded: boolean }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'ambiguous'; readonly matches: readonly string[] };

async function resolve(tx: Queryable, idOrPrefix: string): Promise<Resolved> {
  const key = idOrPrefix.trim().toLowerCase();
  if (key === '') return { kind: 'not_found' };
  // A prefix is matched literally: % and _ in what was typed are not wildcards.
  const pattern = `${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await tx.query<{ id: string; folded: boolean }>(
    `(SELECT id, false AS folded FROM articles WHERE id LIKE $1 ORDER BY id LIMIT $2)
     UNION ALL
     (SELECT translation_id, true FROM translations WHERE translation_id LIKE $1 ORDER BY translation_id LIMIT $2)`,
    [pattern, MAX_MATCHES_SHOWN + 1],
  );
  // A stored article comes before a folded record of the same id (rows are in that order).
  const exact = rows.find((r) => r.id === key);
  if (exact) return { kind: 'found', id: exact.id, folded: exact.folded };
  const ids = [...new Set(rows.map((r) => r.id))].sort();
  if (ids.length === 0) return { kind: 'not_found' };
  if (ids.length > 1) return { kind: 'ambiguous', matches: ids.slice(0, MAX_MATCHES_SHOWN + 1) };
  return { kind: 'found', id: rows[0]!.id, folded: rows[0]!.folded };
}

async function removeStoredArticle(tx: Queryable, id: string): Promise<RemovedArticle> {
  const [article] = await tx.query<{ id: string; title: string | null; url: string }>(
    'SELECT id, title, url FROM articles WHERE id = $1 FOR UPDATE',
    [id],
  );
  if (!article) throw new Error(`article ${id} vanished while being removed`);
  const count = async (sql: string) => (await tx.query<{ n: number }>(sql, [id]))[0]?.n ?? 0;
  const sightings = await count('SELECT count(*)::int AS n FROM sightings WHERE article_id = $1');
  const bands = await count('SELECT count(*)::int AS n FROM article_bands WHERE article_id = $1');
  const translationChecks = await count(
    'SELECT count(*)::int AS n FROM translation_checks WHERE en_id = $1 OR zh_id = $1',
  );
  const folded = await tx.query<{ translation_id: string }>(
    'SELECT translation_id FROM translations WHERE original_id = $1 ORDER BY translation_id',
    [id],
  );
  const models = await tx.query<{ target: string }>(
    'SELECT target FROM model_translations WHERE article_id = $1 ORDER BY target',
    [id],
  );
  const story = await leaveStory(tx, id);
  // The rest goes with the row: sightings, bands, folded translations' records, checks, model translations.
  await tx.query('DELETE FROM articles WHERE id = $1', [id]);
  return {
    kind: 'article',
    id,
    title: article.title,
    url: article.url,
    sightings,
    bands,
    story,
    foldedTranslations: folded.map((r) => r.translation_id),
    modelTranslations: models.map((r) => r.target),
    translationChecks,
    originalId: null,
    readerPairsRemoved: false,
  };
}

/**
 * Takes the article out of its story: its feature counts are uncounted, and the story is deleted
 * when it was the only member, else made to describe its remaining members (count, dates, keys,
 * and the title, when the removed article was the one that named it).
 */
async function leaveStory(tx: Queryable, articleId: string): Promise<StoryChange | null> {
  const [member] = await tx.query<{ story_id: string; features: ArticleFeatures }>(
    'DELETE FROM story_articles WHERE article_id = $1 RETURNING story_id, features',
    [articleId],
  );
  if (!member) return null;
  const storyId = member.story_id;
  // The keys it was counted under at placement (featureKeys of the same stored features).
  const counted = [...new Set(boundAll([ARTICLES_KEY, ...featureKeys(member.features)]))].sort();
  await tx.query('UPDATE feature_frequencies SET articles = articles - 1 WHERE key = ANY($1::text[])', [counted]);
  await tx.query(`DELETE FROM feature_frequencies WHERE key = ANY($1::text[]) AND key <> $2 AND articles <= 0`, [
    counted,
    ARTICLES_KEY,
  ]);
  const left = await tx.query<{ features: ArticleFeatures }>(
    'SELECT features FROM story_articles WHERE story_id = $1',
    [storyId],
  );
  if (left.length === 0) {
    await tx.query('DELETE FROM stories WHERE id = $1', [storyId]); // its keys go with it
    return { storyId, outcome: 'deleted', membersLeft: 0 };
  }
  // As grouping sets them: first_active the earliest member; last_active the first member's
  // activity, moved on by dated members only; last_ingested the latest ingest.
  await tx.query(
    `UPDATE stories s SET article_count = m.n, first_active = m.first,
       last_active = GREATEST(m.first, m.dated), last_ingested = m.ingested,
       title = CASE WHEN s.id = $2 THEN m.first_title ELSE s.title END
     FROM (SELECT count(*)::int AS n, min(activity_at) AS first,
             max(activity_at) FILTER (WHERE published_at IS NOT NULL) AS dated, max(ingested_at) AS ingested,
             (array_agg(title ORDER BY activity_at, article_id))[1] AS first_title
           FROM story_articles WHERE story_id = $1) m
     WHERE s.id = $1`,
    [storyId, articleId],
  );
  const keys = [...new Set(boundAll(left.flatMap((m) => indexKeys(m.features))))];
  await tx.query('DELETE FROM story_keys WHERE story_id = $1 AND NOT (key = ANY($2::text[]))', [storyId, keys]);
  return { storyId, outcome: 'kept', membersLeft: left.length };
}

/**
 * A translation folded into its original: its record is removed, and with it what folding gave
 * the original — the sightings credited as the translation, the bands copied from it, and the
 * reader pairs when they were this translation's. The original stays.
 */
async function removeFoldedTranslation(tx: Queryable, id: string): Promise<RemovedArticle> {
  const [row] = await tx.query<{
    original_id: string;
    translation_url: string;
    translation_title: string | null;
    record: ArticleWithSightings;
    reader_pairs: boolean;
  }>(
    `SELECT original_id, translation_url, translation_title, record, COALESCE((detail->>'readerPairs')::boolean, false) AS reader_pairs
     FROM translations WHERE translation_id = $1 FOR UPDATE`,
    [id],
  );
  if (!row) throw new Error(`translation ${id} vanished while being removed`);
  const urls = [
    ...new Set(boundAll([row.record.url, row.translation_url, ...(row.record.sightings ?? []).map((s) => s.url)])),
  ];
  const sightings = await tx.query(
    `DELETE FROM sightings WHERE article_id = $1 AND relation = 'translation' AND url = ANY($2::text[]) RETURNING url`,
    [row.original_id, urls],
  );
  const bands = await tx.query('DELETE FROM article_bands WHERE article_id = $1 AND signature = $2 RETURNING band', [
    row.original_id,
    row.record.signature,
  ]);
  if (row.reader_pairs) await tx.query('UPDATE articles SET bilingual = NULL WHERE id = $1', [row.original_id]);
  await tx.query('DELETE FROM translations WHERE translation_id = $1', [id]);
  return {
    kind: 'folded-translation',
    id,
    title: row.translation_title,
    url: row.translation_url,
    sightings: sightings.length,
    bands: bands.length,
    story: null,
    foldedTranslations: [],
    modelTranslations: [],
    translationChecks: 0,
    originalId: row.original_id,
    readerPairsRemoved: row.reader_pairs,
  };
}
