// The JSON the store keeps in jsonb columns (articles.paragraphs, .bilingual, .understanding;
// story_articles.features; translations.reasons, .detail, .record; model_translations.translation;
// watch_cycles.fetches, read by src/watch/cycle-log.ts),
// parsed with zod when read back instead of cast: a row damaged by hand, by a bug or by a partial
// restore becomes a CorruptRow naming the table, the row and what is wrong
// ("articles row 85adb80e8c91: understanding is malformed: entities[3].start: expected number,
// received string"), not a wrong value deep inside a later stage.
//
// The schemas follow the TypeScript types they produce (`satisfies`, so the two cannot drift) and
// accept every shape Tidings has written: fields added later are optional as in the types, and
// keys a schema does not name are kept (loose objects), in jsonb's key order (`jsonbObject`), so what is
// read back is what was written.

import { z } from 'zod';
import { fail, type Failure } from '../errors.js';
import { describeIssues } from '../zod-issues.js';
import { SIGHTING_RELATIONS, type ArticleUnderstanding, type ArticleWithSightings } from '../article.js';
import type { BilingualPage } from '../extract/extract.js';
import { DATE_SOURCES } from '../extract/dating.js';
import { SOURCE_TYPES } from '../sources/registry-schema.js';
import type { ArticleFeatures } from '../stories/features.js';
import type { Translation } from '../translate/translate.js';

/**
 * A number as JSON kept it. JSON has no Infinity or NaN: JSON.stringify writes them as null, so a
 * figure value that overflowed (a 400-digit number times a trillion) comes back as null. It is read
 * as NaN, which equals no figure, rather than refusing the whole row.
 */
const jsonNumber = z.union([z.number(), z.null().transform(() => Number.NaN)]);

/**
 * An object as jsonb gives it back, keys in jsonb's order (shorter keys first, then by their
 * bytes; zod puts a schema's keys first, in the schema's order). A value read back therefore
 * serialises exactly as it did before it was parsed. Keys the schema does not name are kept.
 */
function jsonbObject<S extends z.ZodRawShape>(shape: S) {
  const byJsonb = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  const ordered = Object.fromEntries(
    Object.keys(shape)
      .sort(byJsonb)
      .map((k) => [k, shape[k]]),
  );
  // The same shape, only its keys reordered.
  return z.looseObject(ordered as S);
}

const language = z.enum(['en', 'zh', 'other']);
const sourceType = z.enum(SOURCE_TYPES).nullable();
const strings = z.array(z.string());

const span = jsonbObject({ start: z.number(), end: z.number(), text: z.string() });

const entityType = z.enum(['organization', 'person', 'product', 'place', 'concept']);

const figureKind = z.enum(['money', 'power', 'multiplier', 'percent', 'rate', 'count', 'quantity', 'year']);

export const storedParagraphs = strings;

export const storedUnderstanding = jsonbObject({
  sentences: z.array(span),
  entities: z.array(
    jsonbObject({
      entityId: z.string().nullable(),
      name: z.string(),
      type: entityType,
      surface: z.string(),
      start: z.number(),
      end: z.number(),
    }),
  ),
  figures: z.array(
    jsonbObject({
      kind: figureKind,
      value: jsonNumber,
      unit: z.string(),
      surface: z.string(),
      start: z.number(),
      end: z.number(),
    }),
  ),
  quotes: z.array(
    jsonbObject({
      text: z.string(),
      speaker: z.string().nullable(),
      speakerEntityId: z.string().nullable(),
      start: z.number(),
      end: z.number(),
    }),
  ),
}) satisfies z.ZodType<ArticleUnderstanding>;

export const storedBilingual = z
  .looseObject({
    layout: z.enum(['interleaved', 'inline']),
    titleEn: z.string().nullable(),
    titleZh: z.string().nullable(),
    pairs: z.array(jsonbObject({ en: z.string(), zh: z.string() })),
  })
  .nullable() satisfies z.ZodType<BilingualPage | null>;

const counts = z.record(z.string(), jsonNumber);

export const storedFeatures = jsonbObject({
  id: z.string(),
  language,
  published: z.string().nullable(),
  entities: z.array(jsonbObject({ id: z.string(), name: z.string(), type: entityType })),
  figures: z.array(jsonbObject({ kind: figureKind, value: jsonNumber, unit: z.string(), surface: z.string() })),
  terms: z.array(jsonbObject({ key: z.string(), surface: z.string() })),
  words: counts,
  titleKeys: strings,
  dates: strings.optional(),
  identity: z
    .looseObject({
      papers: strings,
      products: strings,
      mentions: strings,
      funded: strings,
      suing: strings.optional(),
      kind: z.enum(['launch', 'funding', 'lawsuit', 'personnel']).nullable().optional(),
      launched: strings.optional(),
      dealt: strings.optional(),
      howto: z.string().nullable().optional(),
      rule: z.string().nullable().optional(),
    })
    .optional(),
  bridgeWords: counts.optional(),
  bridgeNames: strings.optional(),
}) satisfies z.ZodType<ArticleFeatures>;

const sighting = jsonbObject({
  url: z.string(),
  relation: z.enum(SIGHTING_RELATIONS),
  outlet: z.string().nullable(),
  sourceId: z.string().nullable(),
  sourceType,
  feedTitle: z.string().nullable(),
  via: z.string().nullable(),
  seenAt: z.string(),
});

/** A folded translation's article as it was stored before folding (translations.record). */
export const storedRecord = jsonbObject({
  id: z.string(),
  url: z.string(),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  published: z.string().nullable(),
  dateSource: z.enum(DATE_SOURCES).nullable().optional(),
  language,
  mixed: z.boolean(),
  siteName: z.string().nullable(),
  outlet: z.string().nullable(),
  sourceId: z.string().nullable(),
  sourceType,
  feedTitle: z.string().nullable(),
  leadImage: z.string().nullable(),
  description: z.string().nullable(),
  paragraphs: strings,
  text: z.string(),
  bilingual: storedBilingual,
  fingerprint: z.string(),
  signature: z.string(),
  understanding: storedUnderstanding,
  ingestedAt: z.string(),
  fromFeedSummary: z.boolean().optional(),
  sightings: z.array(sighting),
}) satisfies z.ZodType<ArticleWithSightings>;

export const storedReasons = strings;

/** The aligner's evidence: anchors, measures, paragraph links; readerPairs once they became the article's. */
export const storedDetail = jsonbObject({ readerPairs: z.boolean().optional() });

const textLanguage = z.enum(['en', 'zh']);
const translationPair = jsonbObject({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  status: z.enum(['ok', 'retried', 'failed']),
  notes: strings,
});

export const storedTranslation = jsonbObject({
  articleId: z.string(),
  source: textLanguage,
  target: textLanguage,
  title: translationPair.nullable(),
  pairs: z.array(translationPair),
  provider: z.string(),
  model: z.string(),
  promptVersion: z.string(),
  truncatedSource: z.boolean(),
  usage: jsonbObject({
    requests: jsonNumber,
    cached: jsonNumber,
    inputTokens: jsonNumber,
    outputTokens: jsonNumber,
  }),
}) satisfies z.ZodType<Translation>;

/** A watch cycle's fetches by status (watch_cycles.fetches): '200', '304', 'network_error' … to counts. */
export const storedFetches = z.record(z.string(), z.number().int().nonnegative());

/** A stored row whose JSON does not have the shape Tidings wrote: which table, which row, what is wrong. */
export class CorruptRow extends Error {
  override readonly name = 'CorruptRow';
  constructor(
    readonly table: string,
    readonly rowId: string,
    readonly problem: string,
  ) {
    super(`${table} row ${rowId}: ${problem}`);
  }

  /** As a failure for a run's report: bad_input (stored data of the wrong shape), about the row. */
  toFailure(): Failure {
    return fail('bad_input', `${this.message}; the row was skipped`, this.rowId);
  }
}

/** Where a row is: its table and id, for the message of a CorruptRow. */
export interface RowAt {
  readonly table: string;
  readonly id: string;
}

/** The column's value parsed by its schema; a CorruptRow when it does not fit. */
export function parseColumn<S extends z.ZodType>(schema: S, value: unknown, at: RowAt, column: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new CorruptRow(at.table, at.id, `${column} is malformed: ${describeIssues(parsed.error)}`);
}

/** Told of each stored row a read over many rows skipped because it is corrupt. */
export type CorruptRowReport = (failure: Failure) => void;

export interface StoreReadOptions {
  /**
   * Where reads over many rows report a corrupt row they skip (one bad row never stops a run over
   * many). Default: one line on standard error. A read of one row throws its CorruptRow instead.
   */
  readonly onCorruptRow?: CorruptRowReport;
}

const toStderr: CorruptRowReport = (failure) => process.stderr.write(`tidings: ${failure.message}\n`);

export const corruptRowReport = (options: StoreReadOptions): CorruptRowReport => options.onCorruptRow ?? toStderr;

/**
 * Each row made into a value by `make`; a row `make` finds corrupt is left out and reported. Any
 * other error (a bug) is not caught.
 */
export function keepSound<R, T>(rows: readonly R[], make: (row: R) => T, report: CorruptRowReport): T[] {
  const out: T[] = [];
  for (const row of rows) {
    try {
      out.push(make(row));
    } catch (error) {
      if (!(error instanceof CorruptRow)) throw error;
      report(error.toFailure());
    }
  }
  return out;
}
