// Reads and writes articles, their sightings and their near-duplicate bands. Each write that
// belongs together (an article, its bands and its first sighting) is one transaction, so a crash
// leaves either all of it or none of it.

import type { Article, ArticleLanguage, ArticleWithSightings, Sighting, SightingRelation } from '../article.js';
import type { BilingualPage } from '../extract/extract.js';
import type { DateSource } from '../extract/dating.js';
import type { SourceType } from '../sources/registry.js';
import type { Database, Queryable } from './database.js';
import { boundAll, boundIndexed } from './index-bounds.js';
import {
  corruptRowReport,
  CorruptRow,
  keepSound,
  parseColumn,
  storedBilingual,
  storedParagraphs,
  storedUnderstanding,
  type StoreReadOptions,
} from './stored-json.js';
import { toIso } from './timestamps.js';

export interface Band {
  readonly language: ArticleLanguage;
  readonly band: string;
  readonly signature: string;
}

export interface BandCandidate {
  readonly articleId: string;
  readonly language: ArticleLanguage;
  readonly signature: string;
  /** The stored article carries a translation (a bilingual page). */
  readonly bilingual: boolean;
  /** The stored article's own (original) language. */
  readonly articleLanguage: ArticleLanguage;
}

export interface ArticleFilter {
  /** ISO date or date-time: articles published (or, undated, ingested) at or after it. */
  readonly since?: string | null;
  /** A source id or an outlet name (case-insensitive). */
  readonly source?: string | null;
  readonly language?: ArticleLanguage | null;
  readonly limit?: number | null;
}

export interface ArticleSummaryRow {
  readonly id: string;
  readonly title: string | null;
  readonly url: string;
  readonly language: ArticleLanguage;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly sightings: number;
  readonly entities: number;
  readonly figures: number;
  readonly quotes: number;
  readonly bilingual: boolean;
}

export interface ArticleStore {
  /** The article already seen at any of these (normalised) URLs, or whose own URL is one of them. */
  findByUrl(urls: readonly string[]): Promise<string | null>;
  findByFingerprint(fingerprint: string): Promise<string | null>;
  /** Articles sharing at least one band: near-duplicate candidates, found by index lookup. */
  findBandCandidates(bands: readonly string[]): Promise<BandCandidate[]>;
  /** Inserts the article; returns false (and changes nothing) when its fingerprint is already stored. */
  insertArticle(article: Article, bands: readonly Band[], sighting: Sighting): Promise<boolean>;
  /** Records another place the article was seen; a URL already recorded is left as it is. */
  addSighting(articleId: string, sighting: Sighting): Promise<boolean>;
  /** Adds a translation found later (a reposted bilingual page) to an article that has none. */
  attachTranslation(
    articleId: string,
    bilingual: BilingualPage,
    bands: readonly Band[],
    sighting: Sighting,
  ): Promise<boolean>;
  /**
   * The original of a stored translation arrived: the article takes the original's text, metadata
   * and credit, keeps its translation and id, and the translation's sightings become 'translation'.
   */
  rehomeToOriginal(articleId: string, original: Article, bands: readonly Band[], sighting: Sighting): Promise<void>;
  /**
   * Inserts many articles in one transaction (bulk loads, benches); each is skipped, as by
   * insertArticle, when its id or fingerprint is already stored. Returns how many were inserted.
   */
  insertArticles(
    batch: ReadonlyArray<{ article: Article; bands: readonly Band[]; sighting: Sighting }>,
  ): Promise<number>;
  /** Throws a CorruptRow (src/store/stored-json.ts) when the article's stored JSON is damaged. */
  getArticle(idOrPrefix: string): Promise<ArticleWithSightings | null | 'ambiguous'>;
  /**
   * Articles by exact id in two queries, in the order asked; ids not stored are left out, and so
   * are articles whose stored JSON is damaged (each reported through onCorruptRow).
   */
  getArticles(ids: readonly string[]): Promise<ArticleWithSightings[]>;
  /** An article whose understanding is damaged is left out and reported, as by getArticles. */
  listArticles(filter?: ArticleFilter): Promise<ArticleSummaryRow[]>;
  countArticles(): Promise<number>;
}

export function createArticleStore(db: Database, options: StoreReadOptions = {}): ArticleStore {
  const report = corruptRowReport(options);
  return {
    async findByUrl(urls) {
      if (urls.length === 0) return null;
      const rows = await db.query<{ article_id: string }>(
        `SELECT article_id FROM sightings WHERE url = ANY($1::text[])
         UNION ALL SELECT id FROM articles WHERE url = ANY($1::text[]) LIMIT 1`,
        [boundAll(urls)],
      );
      return rows[0]?.article_id ?? null;
    },

    async findByFingerprint(fingerprint) {
      const rows = await db.query<{ id: string }>('SELECT id FROM articles WHERE fingerprint = $1', [fingerprint]);
      return rows[0]?.id ?? null;
    },

    async findBandCandidates(bands) {
      if (bands.length === 0) return [];
      const rows = await db.query<{
        article_id: string;
        language: ArticleLanguage;
        signature: string;
        bilingual: boolean;
        article_language: ArticleLanguage;
      }>(
        `SELECT DISTINCT b.article_id, b.language, b.signature, (a.bilingual IS NOT NULL) AS bilingual, a.language AS article_language
         FROM article_bands b JOIN articles a ON a.id = b.article_id
         WHERE b.band = ANY($1::text[]) ORDER BY b.article_id, b.language`,
        [bands],
      );
      return rows.map((r) => ({
        articleId: r.article_id,
        language: r.language,
        signature: r.signature,
        bilingual: r.bilingual,
        articleLanguage: r.article_language,
      }));
    },

    async insertArticle(article, bands, sighting) {
      return db.transaction(async (tx) => {
        const inserted = await tx.query(
          `INSERT INTO articles (id, url, title, byline, published_at, language, mixed, site_name, outlet,
             source_id, source_type, feed_title, lead_image, description, paragraphs, body, bilingual,
             fingerprint, signature, understanding, ingested_at, from_feed_summary, date_source)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15::jsonb,$16,$17::jsonb,$18,$19,$20::jsonb,$21,$22,$23)
           ON CONFLICT DO NOTHING RETURNING id`,
          [
            article.id,
            boundIndexed(article.url),
            article.title,
            article.byline,
            article.published,
            article.language,
            article.mixed,
            article.siteName,
            article.outlet,
            article.sourceId,
            article.sourceType,
            article.feedTitle,
            article.leadImage,
            article.description,
            JSON.stringify(article.paragraphs),
            article.text,
            article.bilingual === null ? null : JSON.stringify(article.bilingual),
            article.fingerprint,
            article.signature,
            JSON.stringify(article.understanding),
            article.ingestedAt,
            article.fromFeedSummary === true,
            article.dateSource ?? null,
          ],
        );
        if (inserted.length === 0) return false;
        await insertBands(tx, article.id, bands);
        await insertSighting(tx, article.id, sighting);
        return true;
      });
    },

    async insertArticles(batch) {
      if (batch.length === 0) return 0;
      return db.transaction(async (tx) => {
        const col = <T>(f: (a: Article) => T) => batch.map((b) => f(b.article));
        const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
        const inserted = await tx.query<{ id: string }>(
          `INSERT INTO articles (id, url, title, byline, published_at, language, mixed, site_name, outlet,
             source_id, source_type, feed_title, lead_image, description, paragraphs, body, bilingual,
             fingerprint, signature, understanding, ingested_at, from_feed_summary, date_source)
           SELECT id, url, title, byline, published_at, language, mixed, site_name, outlet, source_id, source_type,
             feed_title, lead_image, description, paragraphs::jsonb, body, bilingual::jsonb, fingerprint, signature,
             understanding::jsonb, ingested_at, from_feed_summary, date_source
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::boolean[],
             $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[],
             $16::text[], $17::text[], $18::text[], $19::text[], $20::text[], $21::timestamptz[], $22::boolean[], $23::text[])
             AS t(id, url, title, byline, published_at, language, mixed, site_name, outlet, source_id, source_type,
               feed_title, lead_image, description, paragraphs, body, bilingual, fingerprint, signature,
               understanding, ingested_at, from_feed_summary, date_source)
           ON CONFLICT DO NOTHING RETURNING id`,
          [
            col((a) => a.id),
            col((a) => boundIndexed(a.url)),
            col((a) => a.title),
            col((a) => a.byline),
            col((a) => a.published),
            col((a) => a.language),
            col((a) => a.mixed),
            col((a) => a.siteName),
            col((a) => a.outlet),
            col((a) => a.sourceId),
            col((a) => a.sourceType),
            col((a) => a.feedTitle),
            col((a) => a.leadImage),
            col((a) => a.description),
            col((a) => JSON.stringify(a.paragraphs)),
            col((a) => a.text),
            col((a) => json(a.bilingual)),
            col((a) => a.fingerprint),
            col((a) => a.signature),
            col((a) => JSON.stringify(a.understanding)),
            col((a) => a.ingestedAt),
            col((a) => a.fromFeedSummary === true),
            col((a) => a.dateSource ?? null),
          ],
        );
        const fresh = new Set(inserted.map((r) => r.id));
        const kept = batch.filter((b) => fresh.has(b.article.id));
        const bands = kept.flatMap((b) => b.bands.map((band) => ({ id: b.article.id, band })));
        if (bands.length > 0) {
          await tx.query(
            `INSERT INTO article_bands (article_id, language, band, signature)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`,
            [
              bands.map((b) => b.id),
              bands.map((b) => b.band.language),
              bands.map((b) => b.band.band),
              bands.map((b) => b.band.signature),
            ],
          );
        }
        for (const b of kept) await insertSighting(tx, b.article.id, b.sighting);
        return kept.length;
      });
    },

    async addSighting(articleId, sighting) {
      return insertSighting(db, articleId, sighting);
    },

    async attachTranslation(articleId, bilingual, bands, sighting) {
      return db.transaction(async (tx) => {
        const updated = await tx.query(
          `UPDATE articles SET bilingual = $2::jsonb, mixed = true WHERE id = $1 AND bilingual IS NULL RETURNING id`,
          [articleId, JSON.stringify(bilingual)],
        );
        await insertBands(tx, articleId, bands);
        const added = await insertSighting(tx, articleId, sighting);
        return updated.length > 0 || added;
      });
    },

    async rehomeToOriginal(articleId, a, bands, sighting) {
      await db.transaction(async (tx) => {
        await tx.query(
          `UPDATE articles SET url = $2, title = $3, byline = $4, published_at = $5, language = $6, mixed = true,
             site_name = $7, outlet = $8, source_id = $9, source_type = $10, feed_title = $11, lead_image = $12,
             description = $13, paragraphs = $14::jsonb, body = $15, fingerprint = $16, signature = $17,
             understanding = $18::jsonb, date_source = $19
           WHERE id = $1`,
          [
            articleId,
            boundIndexed(a.url),
            a.title,
            a.byline,
            a.published,
            a.language,
            a.siteName,
            a.outlet,
            a.sourceId,
            a.sourceType,
            a.feedTitle,
            a.leadImage,
            a.description,
            JSON.stringify(a.paragraphs),
            a.text,
            a.fingerprint,
            a.signature,
            JSON.stringify(a.understanding),
            a.dateSource ?? null,
          ],
        );
        await tx.query(
          `UPDATE sightings SET relation = 'translation' WHERE article_id = $1 AND relation <> 'translation'`,
          [articleId],
        );
        await insertBands(tx, articleId, bands);
        await insertSighting(tx, articleId, sighting);
      });
    },

    async getArticle(idOrPrefix) {
      const rows = await db.query<ArticleRow>(`SELECT * FROM articles WHERE id LIKE $1 || '%' ORDER BY id LIMIT 2`, [
        idOrPrefix.toLowerCase(),
      ]);
      if (rows.length === 0) return null;
      const exact = rows.find((r) => r.id === idOrPrefix);
      if (rows.length > 1 && !exact) return 'ambiguous';
      const row = exact ?? rows[0]!;
      const sightings = await db.query<SightingRow>(
        'SELECT * FROM sightings WHERE article_id = $1 ORDER BY seen_at, url',
        [row.id],
      );
      return { ...toArticle(row), sightings: sightings.map(toSighting) };
    },

    async getArticles(ids) {
      if (ids.length === 0) return [];
      const rows = await db.query<ArticleRow>('SELECT * FROM articles WHERE id = ANY($1::text[])', [ids]);
      const sightings = await db.query<SightingRow & { article_id: string }>(
        'SELECT * FROM sightings WHERE article_id = ANY($1::text[]) ORDER BY article_id, seen_at, url',
        [ids],
      );
      const seen = new Map<string, Sighting[]>();
      for (const s of sightings) {
        const list = seen.get(s.article_id) ?? [];
        list.push(toSighting(s));
        seen.set(s.article_id, list);
      }
      const byId = new Map(rows.map((r) => [r.id, r]));
      const asked = ids.flatMap((id) => byId.get(id) ?? []);
      return keepSound(asked, (row) => ({ ...toArticle(row), sightings: seen.get(row.id) ?? [] }), report);
    },

    async listArticles(filter = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.since) {
        params.push(filter.since);
        where.push(`COALESCE(a.published_at, a.ingested_at) >= $${params.length}::timestamptz`);
      }
      if (filter.source) {
        params.push(filter.source.toLowerCase());
        where.push(`(lower(a.source_id) = $${params.length} OR lower(a.outlet) = $${params.length}
          OR EXISTS (SELECT 1 FROM sightings s WHERE s.article_id = a.id
                     AND (lower(s.source_id) = $${params.length} OR lower(s.outlet) = $${params.length})))`);
      }
      if (filter.language) {
        params.push(filter.language);
        where.push(`a.language = $${params.length}`);
      }
      params.push(filter.limit ?? 1000);
      const rows = await db.query<{
        id: string;
        title: string | null;
        url: string;
        language: ArticleLanguage;
        outlet: string | null;
        published_at: Date | string | null;
        sightings: number;
        entities: number | null;
        figures: number | null;
        quotes: number | null;
        bilingual: boolean;
      }>(
        `SELECT a.id, a.title, a.url, a.language, a.outlet, a.published_at,
           (SELECT count(*)::int FROM sightings s WHERE s.article_id = a.id) AS sightings,
           ${arrayLength('entities')} AS entities, ${arrayLength('figures')} AS figures,
           ${arrayLength('quotes')} AS quotes,
           (a.bilingual IS NOT NULL) AS bilingual
         FROM articles a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY a.published_at DESC NULLS LAST, a.id
         LIMIT $${params.length}`,
        params,
      );
      return keepSound(
        rows,
        (r) => {
          const length = (key: string, n: number | null) => {
            if (n === null) throw new CorruptRow('articles', r.id, `understanding is malformed: ${key} is not a list`);
            return n;
          };
          return {
            id: r.id,
            title: r.title,
            url: r.url,
            language: r.language,
            outlet: r.outlet,
            published: toIso(r.published_at),
            sightings: r.sightings,
            entities: length('entities', r.entities),
            figures: length('figures', r.figures),
            quotes: length('quotes', r.quotes),
            bilingual: r.bilingual,
          };
        },
        report,
      );
    },

    async countArticles() {
      const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
      return rows[0]?.n ?? 0;
    },
  };
}

/** The length of the list understanding.<key>; NULL (not an error that stops the query) when it is no list. */
function arrayLength(key: 'entities' | 'figures' | 'quotes'): string {
  const value = `a.understanding->'${key}'`;
  return `CASE WHEN jsonb_typeof(${value}) = 'array' THEN jsonb_array_length(${value}) END`;
}

async function insertBands(tx: Queryable, articleId: string, bands: readonly Band[]): Promise<void> {
  if (bands.length === 0) return;
  await tx.query(
    `INSERT INTO article_bands (article_id, language, band, signature)
     SELECT $1, l, b, h FROM unnest($2::text[], $3::text[], $4::text[]) AS t(l, b, h)
     ON CONFLICT DO NOTHING`,
    [articleId, bands.map((b) => b.language), bands.map((b) => b.band), bands.map((b) => b.signature)],
  );
}

async function insertSighting(tx: Queryable, articleId: string, s: Sighting): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO sightings (article_id, url, relation, outlet, source_id, source_type, feed_title, via, seen_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT DO NOTHING RETURNING url`,
    [articleId, boundIndexed(s.url), s.relation, s.outlet, s.sourceId, s.sourceType, s.feedTitle, s.via, s.seenAt],
  );
  return rows.length > 0;
}

interface ArticleRow {
  id: string;
  url: string;
  title: string | null;
  byline: string | null;
  published_at: Date | string | null;
  language: ArticleLanguage;
  mixed: boolean;
  site_name: string | null;
  outlet: string | null;
  source_id: string | null;
  source_type: SourceType | null;
  feed_title: string | null;
  lead_image: string | null;
  description: string | null;
  /** jsonb, parsed by toArticle. */
  paragraphs: unknown;
  body: string;
  bilingual: unknown;
  fingerprint: string;
  signature: string;
  understanding: unknown;
  ingested_at: Date | string;
  /** Absent from a store made before migration 6. */
  from_feed_summary?: boolean;
  /** Null for a dated article stored before migration 7 (unknown). */
  date_source?: DateSource | null;
}

interface SightingRow {
  url: string;
  relation: SightingRelation;
  outlet: string | null;
  source_id: string | null;
  source_type: SourceType | null;
  feed_title: string | null;
  via: string | null;
  seen_at: Date | string;
}

/** The row as an Article; a CorruptRow when its stored JSON does not have the shape written. */
function toArticle(r: ArticleRow): Article {
  const at = { table: 'articles', id: r.id };
  return {
    id: r.id,
    url: r.url,
    title: r.title,
    byline: r.byline,
    published: toIso(r.published_at),
    language: r.language,
    mixed: r.mixed,
    siteName: r.site_name,
    outlet: r.outlet,
    sourceId: r.source_id,
    sourceType: r.source_type,
    feedTitle: r.feed_title,
    leadImage: r.lead_image,
    description: r.description,
    paragraphs: parseColumn(storedParagraphs, r.paragraphs, at, 'paragraphs'),
    text: r.body,
    bilingual: parseColumn(storedBilingual, r.bilingual, at, 'bilingual'),
    fingerprint: r.fingerprint,
    signature: r.signature,
    understanding: parseColumn(storedUnderstanding, r.understanding, at, 'understanding'),
    ingestedAt: toIso(r.ingested_at) ?? '',
    ...(r.from_feed_summary === true ? { fromFeedSummary: true } : {}),
    ...(r.date_source ? { dateSource: r.date_source } : {}),
  };
}

function toSighting(r: SightingRow): Sighting {
  return {
    url: r.url,
    relation: r.relation,
    outlet: r.outlet,
    sourceId: r.source_id,
    sourceType: r.source_type,
    feedTitle: r.feed_title,
    via: r.via,
    seenAt: toIso(r.seen_at) ?? '',
  };
}
