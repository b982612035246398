// The writer's outputs as data: digest item, digest, card and post. Both engines (offline and
// model) must produce these shapes; types are inferred from the schemas. Bump SCHEMA_VERSION on
// any change a reader would notice, and regenerate schemas/*.schema.json (scripts/write-json-schemas.ts).

import { z } from 'zod';

// 1: first published. 2: a source may be a human translation of another (sourceRef.translationOf).
// 3: sourceRef.url and card.url are null for a source read from a local file (a path is never published).
// 4: digest.research: research listings (papers) in a section of their own, capped, the rest counted.
// 5: provenance kind 'composed': a sentence the offline writer composed from the story's understood
//    facts (names, figures, event kind) in the face's language, as opposed to one extracted.
export const SCHEMA_VERSION = 5;

export const faceLanguageSchema = z.enum(['en', 'zh']);
export const bodyLanguageSchema = z.enum(['en', 'zh', 'other']);
export const SOURCE_TYPE_LABELS = ['News', 'Official', 'Social', 'Blog', 'Research', 'Aggregator'] as const;
export const sourceTypeLabelSchema = z.enum(SOURCE_TYPE_LABELS);
export const confidenceSchema = z.enum(['High', 'Medium', 'Low']);

/** Where a sentence comes from: article.text (or article.title) sliced at [start, end). */
export const spanRefSchema = z.object({
  articleId: z.string(),
  field: z.enum(['text', 'title']),
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
});

/**
 * One entry per output sentence. extract: the text is a source sentence, unchanged; template: our
 * connecting words around source sentences or figures (spans point at them); computed: counts and
 * names from metadata (outlets, source types), no claim from an article body; composed: a sentence
 * written from the story's understood facts (its parties, figures and event kind) in the face's
 * language, every name and figure in it found in the sources (spans point at them).
 */
export const provenanceEntrySchema = z.object({
  path: z.string(),
  kind: z.enum(['extract', 'template', 'computed', 'composed']),
  spans: z.array(spanRefSchema),
});

export const sourceRefSchema = z.object({
  articleId: z.string(),
  outlet: z.string(),
  type: sourceTypeLabelSchema,
  /** The source's web address; null when it has none to publish (a local file: its path is never published). */
  url: z.string().nullable(),
  language: bodyLanguageSchema,
  title: z.string().nullable(),
  /** Present when this source is a human translation of another source (that source's articleId). */
  translationOf: z.string().optional(),
  /** Present (true) when the source's text is its feed's summary: its page could not be fetched. */
  fromFeedSummary: z.literal(true).optional(),
});

export const tierSchema = z.object({
  level: z.int().positive(),
  name: z.string(),
  nameZh: z.string(),
  emoji: z.string(),
});

/** What verification found and did, whichever engine wrote the output. */
export const verificationSchema = z.object({
  ok: z.boolean(),
  /** Sentences checked against the sources. */
  sentences: z.int().nonnegative(),
  problems: z.array(
    z.object({
      path: z.string(),
      kind: z.enum(['quote', 'figure', 'entity']),
      surface: z.string(),
      message: z.string(),
    }),
  ),
  /** Repairs made before publishing: an unsupported quote unquoted, a sentence dropped, a field withheld. */
  repairs: z.array(
    z.object({
      path: z.string(),
      action: z.enum(['unquoted', 'dropped', 'withheld']),
      surface: z.string(),
      reason: z.string(),
    }),
  ),
});

const faceFields = {
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** The face: the language of labels and connecting words. */
  language: faceLanguageSchema,
  /** The language of the extracted body text; differs from `language` when no coverage exists in it. */
  bodyLanguage: bodyLanguageSchema,
  /** Said plainly when the body is not in the face language (a model would be needed to translate). */
  notice: z.string().nullable(),
  /** Set once the output has been verified (absent on a writer's raw output). */
  verification: verificationSchema.optional(),
  /** Who wrote the analytical text: the offline engine, a model, or the offline engine after the model's answer failed. */
  engine: z.enum(['offline', 'llm', 'offline-fallback']).optional(),
};

export const digestItemSchema = z.object({
  ...faceFields,
  storyId: z.string(),
  tier: tierSchema,
  headline: z.string(),
  confidence: confidenceSchema,
  keyPoints: z.object({ lead: z.string(), points: z.array(z.string()) }),
  impact: z.array(z.object({ audience: z.string(), text: z.string() })),
  pros: z.array(z.string()),
  cons: z.array(z.string()),
  quickStart: z.array(z.string()),
  recommendation: z.string(),
  sources: z.array(sourceRefSchema),
  provenance: z.array(provenanceEntrySchema),
});

export const digestSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  language: faceLanguageSchema,
  count: z.int().nonnegative(),
  /** Set when there is nothing to report that day. */
  notice: z.string().nullable(),
  tiers: z.array(z.object({ tier: tierSchema, items: z.array(digestItemSchema) })),
  /**
   * Stories told only by research listings (papers): titles and links, best ranked first, at most
   * a cap; `more` counts the rest. Kept out of the tiers so a day of 500 papers cannot flood them.
   */
  research: z.object({
    items: z.array(
      z.object({ storyId: z.string(), title: z.string(), outlet: z.string().nullable(), url: z.string().nullable() }),
    ),
    more: z.int().nonnegative(),
  }),
});

export const cardSchema = z.object({
  ...faceFields,
  articleId: z.string(),
  title: z.string(),
  /** The article's web address; null for a local file (its path is never published). */
  url: z.string().nullable(),
  summary: z.string(),
  keyTakeaway: z.string(),
  keyInsight: z.string(),
  principles: z.array(z.string()),
  inPractice: z.array(z.string()),
  topics: z.array(z.string()),
  bestFor: z.array(z.string()),
  related: z.array(z.object({ articleId: z.string(), title: z.string() })),
  attribution: z.string(),
  source: sourceRefSchema,
  provenance: z.array(provenanceEntrySchema),
});

export const postSchema = z.object({
  ...faceFields,
  storyId: z.string(),
  headline: z.string(),
  hook: z.string(),
  takeaways: z.array(z.string()),
  closing: z.string(),
  credits: z.array(sourceRefSchema),
  provenance: z.array(provenanceEntrySchema),
});

export type SpanRef = z.infer<typeof spanRefSchema>;
export type ProvenanceEntry = z.infer<typeof provenanceEntrySchema>;
export type Verification = z.infer<typeof verificationSchema>;
export type SourceRef = z.infer<typeof sourceRefSchema>;
export type SourceTypeLabel = z.infer<typeof sourceTypeLabelSchema>;
export type TierOut = z.infer<typeof tierSchema>;
export type DigestItem = z.infer<typeof digestItemSchema>;
export type Digest = z.infer<typeof digestSchema>;
export type Card = z.infer<typeof cardSchema>;
export type Post = z.infer<typeof postSchema>;
export type WritingEngine = NonNullable<DigestItem['engine']>;

/** The published JSON Schemas, by file name under schemas/. */
export function jsonSchemas(): Record<string, unknown> {
  const withId = (name: string, schema: z.ZodType): unknown => ({
    $id: `https://tidings.example/schemas/${name}.schema.json`,
    title: `Tidings ${name} (schemaVersion ${SCHEMA_VERSION})`,
    ...(z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Record<string, unknown>),
  });
  return {
    'digest.schema.json': withId('digest', digestSchema),
    'card.schema.json': withId('card', cardSchema),
    'post.schema.json': withId('post', postSchema),
  };
}
