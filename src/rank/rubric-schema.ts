// The rubric file's shape, defined once as zod schemas: tiers, confidence thresholds, figure
// comparison, scoring, topics and audiences. rubric.ts parses a file against it; rank.ts and
// audiences.ts trust the parsed record. docs/decisions/0006-ranking.md explains each field.
import { z } from 'zod';
import { SOURCE_TYPES } from '../sources/registry-schema.js';

export const CONFIDENCE_LEVELS = ['Low', 'Medium', 'High'] as const;

/** Story facts a tier, confidence rule, score rule or audience may require; all listed must hold. */
export const conditionSchema = z
  .object({
    minIndependentPublishers: z.number().int().min(0).optional(),
    maxIndependentPublishers: z.number().int().min(0).optional(),
    requiresOfficial: z.boolean().optional(),
    /** Gazetteer ids or entity names; matched against entities in a title or lead paragraph. */
    anyEntity: z.array(z.string().trim().min(1)).min(1).optional(),
    /** Largest money figure in the story, converted with `currencyToUsd`. */
    minMoneyUsd: z.number().min(0).optional(),
    /** Largest power figure in the story, in watts (300MW = 3e8). */
    minPowerW: z.number().min(0).optional(),
    /** Names of entries in `topics`, matched in a title or lead paragraph. */
    topicsAny: z.array(z.string().trim().min(1)).min(1).optional(),
    sourceTypesAny: z.array(z.enum(SOURCE_TYPES)).min(1).optional(),
    minConfidence: z.enum(CONFIDENCE_LEVELS).optional(),
    minScore: z.number().optional(),
    hasFigureConflict: z.boolean().optional(),
    /** Languages the story is really covered in (an article in it, or a bilingual page), not mere quotes. */
    minLanguages: z.number().int().min(1).optional(),
    /**
     * Novelty. Days from the story's first coverage to its latest (0 = first reported on the day
     * of its latest coverage, i.e. new in that day's edition).
     */
    maxDaysRunning: z.number().int().min(0).optional(),
    minDaysRunning: z.number().int().min(0).optional(),
    /** Its latest day's coverage brings a figure that no earlier coverage of the story had. */
    hasNewFigures: z.boolean().optional(),
  })
  .strict();

export type Condition = z.infer<typeof conditionSchema>;

/** Story counts a score rule may multiply its weight by. */
export const SCORE_COUNTS = ['independentPublishers', 'figuresAgreeing', 'articles', 'languages'] as const;

const tierSchema = z
  .object({
    level: z.number().int().min(1),
    name: z.string().trim().min(1),
    nameZh: z.string().trim().min(1),
    emoji: z.string().trim().min(1),
    /** The tier applies when ANY of these condition sets holds; `always: true` for the last tier. */
    when: z.array(conditionSchema).optional(),
    always: z.boolean().optional(),
  })
  .strict();

const scoreRuleSchema = z
  .object({
    label: z.string().trim().min(1),
    weight: z.number(),
    /** Multiply the weight by this count instead of adding it once. */
    per: z.enum(SCORE_COUNTS).optional(),
    when: conditionSchema.optional(),
  })
  .strict();

const audienceSchema = z
  .object({
    name: z.string().trim().min(1),
    nameZh: z.string().trim().min(1),
    /** Gazetteer ids or entity names; each one present adds `weights.entity`. */
    entities: z.array(z.string().trim().min(1)).optional(),
    /** Figures of these kinds or units (money → Investor, tokens/s → Developer). */
    figureKinds: z.array(z.enum(['money', 'power', 'multiplier', 'percent', 'rate', 'count', 'quantity'])).optional(),
    figureUnits: z.array(z.string().trim().min(1)).optional(),
    topics: z.array(z.string().trim().min(1)).optional(),
    sourceTypes: z.array(z.enum(SOURCE_TYPES)).optional(),
    /** Story facts that tag this audience outright (e.g. wide coverage for Tech Journalist). */
    when: z.array(conditionSchema).optional(),
    minScore: z.number().min(0).optional(),
  })
  .strict();

export const rubricFileSchema = z
  .object({
    version: z.literal(1),
    /** Named lists of entity ids, for YAML anchors (&majorPlatforms … *majorPlatforms); not read otherwise. */
    entitySets: z.record(z.string(), z.array(z.string().trim().min(1))).optional(),
    tiers: z.array(tierSchema).min(1),
    /**
     * What the digest is about (an "AI Summary" is about AI): a story for which none of these
     * condition sets holds is ranked no higher than `otherwiseMaxTier`, with the reason.
     */
    relevance: z
      .object({
        label: z.string().trim().min(1),
        when: z.array(conditionSchema).min(1),
        otherwiseMaxTier: z.number().int().min(1),
      })
      .strict()
      .optional(),
    confidence: z
      .object({
        /** Any one set holding makes the story High (before penalties). */
        high: z.array(conditionSchema).min(1),
        medium: z.array(conditionSchema).min(1),
        /** Levels an unresolved figure conflict lowers confidence (0 = named only). */
        conflictPenalty: z.number().int().min(0).max(2),
        /** A story whose every source has one of these types is Low whatever else holds. */
        lowIfOnly: z.array(z.enum(SOURCE_TYPES)),
      })
      .strict(),
    corroboration: z
      .object({
        /** Source types counted as independent publishers (official is counted apart). */
        countTypes: z.array(z.enum(SOURCE_TYPES)).min(1),
      })
      .strict(),
    figures: z
      .object({
        /** Kinds never compared (years are dates, not claims). */
        ignoreKinds: z.array(z.enum(['money', 'power', 'multiplier', 'percent', 'rate', 'count', 'quantity', 'year'])),
        /** Counts and bare quantities below this are ignored ("2 GPUs", "3 models"). */
        minCount: z.number().min(0),
        /** Two values this close (ratio ≤ closeRatio, but not equal) are a disagreement. */
        closeRatio: z.number().min(1),
        /** A value 10, 100 or 1000 times another is a slip of scale (3000 兆瓦 for 300MW). */
        scaleSlips: z.boolean(),
        /** A conflict is resolved when its majority has at least this many publishers to one. */
        resolveMajority: z.number().int().min(2),
      })
      .strict(),
    /** Rough rates for thresholds only (minMoneyUsd); never printed as a figure. */
    currencyToUsd: z.record(z.string(), z.number().positive()),
    score: z.array(scoreRuleSchema),
    /** Named word lists, English (whole words) and Chinese (substrings), used by conditions and audiences. */
    topics: z.record(z.string(), z.array(z.string().trim().min(1)).min(1)),
    audiences: z
      .object({
        /** Points per entity and topic word (3 at most each), per matching figure kind, source type, or `when` holding. */
        weights: z
          .object({
            entity: z.number(),
            figure: z.number(),
            topic: z.number(),
            sourceType: z.number(),
            when: z.number(),
          })
          .strict(),
        /** Default threshold of an audience's score. */
        minScore: z.number().min(0),
        /** At most this many audiences are tagged, highest score first. */
        max: z.number().int().min(1),
        list: z.array(audienceSchema).min(1),
      })
      .strict(),
  })
  .strict();

export type RubricFile = z.infer<typeof rubricFileSchema>;
export type RubricTier = z.infer<typeof tierSchema>;
export type ScoreRule = z.infer<typeof scoreRuleSchema>;
export type AudienceRule = z.infer<typeof audienceSchema>;

/** A parsed, checked rubric; `source` names the file it came from (for reasons and errors). */
export interface Rubric extends RubricFile {
  readonly source: string;
}
