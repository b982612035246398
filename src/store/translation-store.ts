// Recognised translations between stored articles (src/align/recognize.ts). Folding a pair makes
// one article with two language versions: the original keeps its id and gains the aligned
// translation (articles.bilingual, when it has none yet), the translation's sightings and
// near-duplicate bands move to it (credited as 'translation', so a repost of the translation
// folds too), and the translation's own row leaves `articles` — but its whole record, with the
// score, reasons and alignment, stays in `translations`, so nothing is lost. One transaction.

import type { TranslationEvidence, TranslationPairStore } from '../align/recognize-stage.js';
import type { ArticleWithSightings } from '../article.js';
import type { Database } from './database.js';
import { boundIndexed } from './index-bounds.js';
import {
  corruptRowReport,
  keepSound,
  parseColumn,
  storedDetail,
  storedReasons,
  storedRecord,
  type StoreReadOptions,
} from './stored-json.js';
import { toIso } from './timestamps.js';

export interface TranslationRow extends TranslationEvidence {
  readonly originalId: string;
  readonly translationId: string;
  readonly translationLanguage: string;
  readonly translationUrl: string;
  readonly translationOutlet: string | null;
  readonly translationTitle: string | null;
  readonly recognisedAt: string;
  /** As stored (src/store/stored-json.ts, storedDetail): readerPairs once the pairs became the article's. */
  readonly detail: { readonly readerPairs?: boolean };
}

export interface TranslationWithRecord extends TranslationRow {
  /** The translation article as it was stored before folding. */
  readonly record: ArticleWithSightings;
}

/** The recognition stage's port (src/align/recognize-stage.ts), and what the CLI and API read. */
export interface TranslationStore extends TranslationPairStore {
  /** Every recognised pair; a row whose stored JSON is damaged is left out (reported through onCorruptRow). */
  list(): Promise<TranslationRow[]>;
  /**
   * The pair an article is part of, as original (its translations) or as a folded translation; a
   * damaged row is left out and reported, as by list.
   */
  pairsOf(articleId: string): Promise<TranslationWithRecord[]>;
  /**
   * A folded translation by its own id or a unique prefix of it (the ids `tidings translations`
   * prints): its pair and its record as stored; 'ambiguous' when the prefix names several. Throws
   * a CorruptRow (src/store/stored-json.ts) when its stored JSON is damaged.
   */
  folded(idOrPrefix: string): Promise<TranslationWithRecord | 'ambiguous' | null>;
}

interface Row {
  original_id: string;
  translation_id: string;
  translation_language: string;
  translation_url: string;
  translation_outlet: string | null;
  translation_title: string | null;
  score: number;
  /** jsonb, parsed by toRow and withRecord. */
  reasons: unknown;
  detail: unknown;
  original_why: string;
  record: unknown;
  recognised_at: Date | string;
}

const at = (r: Row) => ({ table: 'translations', id: r.translation_id });

/** The row's pair; a CorruptRow when its stored reasons or detail are damaged. */
function toRow(r: Row): TranslationRow {
  return {
    originalId: r.original_id,
    translationId: r.translation_id,
    translationLanguage: r.translation_language,
    translationUrl: r.translation_url,
    translationOutlet: r.translation_outlet,
    translationTitle: r.translation_title,
    score: Number(r.score),
    reasons: parseColumn(storedReasons, r.reasons, at(r), 'reasons'),
    detail: parseColumn(storedDetail, r.detail, at(r), 'detail'),
    originalWhy: r.original_why,
    recognisedAt: toIso(r.recognised_at),
  };
}

/** The row's pair and the translation's kept record; a CorruptRow when any of its stored JSON is damaged. */
function withRecord(r: Row): TranslationWithRecord {
  return { ...toRow(r), record: parseColumn(storedRecord, r.record, at(r), 'record') };
}

export function createTranslationStore(db: Database, options: StoreReadOptions = {}): TranslationStore {
  const report = corruptRowReport(options);
  return {
    async uncheckedPairs(maxDays, version, limit) {
      const rows = await db.query<{ en_id: string; zh_id: string }>(
        `SELECT e.article_id AS en_id, z.article_id AS zh_id
         FROM story_articles e
         JOIN story_articles z ON z.story_id = e.story_id AND z.language = 'zh'
         WHERE e.language = 'en'
           AND z.activity_at BETWEEN e.activity_at - make_interval(days => $1) AND e.activity_at + make_interval(days => $1)
           AND NOT EXISTS (SELECT 1 FROM translation_checks c
                           WHERE c.en_id = e.article_id AND c.zh_id = z.article_id AND c.version = $2)
         ORDER BY e.story_id, e.article_id, z.article_id
         LIMIT $3`,
        [maxDays, version, limit],
      );
      return rows.map((r) => ({ enId: r.en_id, zhId: r.zh_id }));
    },

    async recordChecks(checks, version, at) {
      if (checks.length === 0) return;
      await db.query(
        `INSERT INTO translation_checks (en_id, zh_id, version, score, checked_at)
         SELECT en, zh, $4, s, $5 FROM unnest($1::text[], $2::text[], $3::real[]) AS t(en, zh, s)
         WHERE EXISTS (SELECT 1 FROM articles WHERE id = en) AND EXISTS (SELECT 1 FROM articles WHERE id = zh)
         ON CONFLICT (en_id, zh_id, version) DO UPDATE SET score = EXCLUDED.score, checked_at = EXCLUDED.checked_at`,
        [checks.map((c) => c.enId), checks.map((c) => c.zhId), checks.map((c) => c.score), version, at],
      );
    },

    async fold(originalId, t, evidence, bilingual, at) {
      return db.transaction(async (tx) => {
        const inserted = await tx.query(
          `INSERT INTO translations (original_id, translation_id, translation_language, translation_url, translation_outlet,
             translation_title, score, reasons, detail, original_why, record, recognised_at)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11::jsonb, $12
           WHERE EXISTS (SELECT 1 FROM articles WHERE id = $1) AND EXISTS (SELECT 1 FROM articles WHERE id = $2)
           ON CONFLICT (translation_id) DO NOTHING RETURNING translation_id`,
          [
            originalId,
            t.id,
            t.language,
            t.url,
            t.outlet ?? t.siteName,
            t.title,
            evidence.score,
            JSON.stringify(evidence.reasons),
            JSON.stringify(evidence.detail),
            evidence.originalWhy,
            JSON.stringify(t),
            at,
          ],
        );
        if (inserted.length === 0) return false;
        if (bilingual !== null) {
          const set = await tx.query(
            `UPDATE articles SET bilingual = $2::jsonb, mixed = true WHERE id = $1 AND bilingual IS NULL RETURNING id`,
            [originalId, JSON.stringify(bilingual)],
          );
          // Whether the reader's pairs are this translation's (an earlier bilingual page is kept).
          if (set.length > 0)
            await tx.query(
              `UPDATE translations SET detail = detail || '{"readerPairs": true}'::jsonb WHERE translation_id = $1`,
              [t.id],
            );
        }
        await tx.query(`UPDATE sightings SET article_id = $1, relation = 'translation' WHERE article_id = $2`, [
          originalId,
          t.id,
        ]);
        // The translation's own address (rel=canonical) is credited too, when it was seen elsewhere (a file).
        await tx.query(
          `INSERT INTO sightings (article_id, url, relation, outlet, source_id, source_type, feed_title, via, seen_at)
           VALUES ($1, $2, 'translation', $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
          [
            originalId,
            boundIndexed(t.url),
            t.outlet ?? t.siteName,
            t.sourceId,
            t.sourceType,
            t.feedTitle,
            t.sightings[0]?.via ?? null,
            t.sightings[0]?.seenAt ?? t.ingestedAt,
          ],
        );
        await tx.query(
          `INSERT INTO article_bands (article_id, language, band, signature)
           SELECT $1, language, band, signature FROM article_bands WHERE article_id = $2 ON CONFLICT DO NOTHING`,
          [originalId, t.id],
        );
        // The story loses a member (the original stays in it); its count follows.
        await tx.query(
          `UPDATE stories SET article_count = greatest(0, article_count - 1)
           WHERE id = (SELECT story_id FROM story_articles WHERE article_id = $1)`,
          [t.id],
        );
        await tx.query('DELETE FROM articles WHERE id = $1', [t.id]);
        return true;
      });
    },

    async list() {
      const rows = await db.query<Row>(
        `SELECT original_id, translation_id, translation_language, translation_url, translation_outlet, translation_title,
           score, reasons, detail, original_why, NULL AS record, recognised_at
         FROM translations ORDER BY recognised_at, original_id, translation_id`,
      );
      return keepSound(rows, toRow, report);
    },

    async pairsOf(articleId) {
      const rows = await db.query<Row>(
        `SELECT * FROM translations WHERE original_id = $1 OR translation_id = $1 ORDER BY recognised_at, translation_id`,
        [articleId],
      );
      return keepSound(rows, withRecord, report);
    },

    async folded(idOrPrefix) {
      const id = idOrPrefix.toLowerCase();
      const rows = await db.query<Row>(
        `SELECT * FROM translations WHERE translation_id LIKE $1 || '%' ORDER BY translation_id LIMIT 2`,
        [id.replace(/[\\%_]/g, (c) => `\\${c}`)],
      );
      const row = rows.find((r) => r.translation_id === id) ?? (rows.length === 1 ? rows[0]! : null);
      if (row === null) return rows.length > 1 ? 'ambiguous' : null;
      return withRecord(row);
    },
  };
}
