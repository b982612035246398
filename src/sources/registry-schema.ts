// The source registry's record types, defined once as zod schemas (the file is parsed at the edge
// and trusted inside). The file may omit `id` and `kind`; parseRegistry fills them in.
import { z } from 'zod';
import { parseEvery } from './every.js';

export const SOURCE_TYPES = ['official', 'news', 'social', 'blog', 'research', 'aggregator'] as const;
export const SOURCE_KINDS = ['feed', 'page', 'opml', 'urllist', 'file', 'directory'] as const;
export const SOURCE_LANGUAGES = ['en', 'zh', 'other', 'mixed'] as const;

export type SourceType = (typeof SOURCE_TYPES)[number];
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type SourceLanguage = (typeof SOURCE_LANGUAGES)[number];

/** Weight scales a source's say in ranking: 1 is ordinary, 0 mutes it; 10 is the cap. */
export const DEFAULT_WEIGHT = 1;
export const MAX_WEIGHT = 10;

const httpUrl = z
  .string()
  .trim()
  .refine((s) => /^https?:\/\/[^\s/]+/i.test(s) && URL.canParse(s), { message: 'expected an absolute http(s) URL' });

/** A source as written in the file or handed to addSource: id and kind may be left out. */
export const sourceInputSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'expected a slug: lowercase letters, digits and single dashes' })
      .optional(),
    name: z.string().trim().min(1, { message: 'expected the outlet name' }),
    url: httpUrl.optional(),
    path: z.string().trim().min(1).optional(),
    kind: z.enum(SOURCE_KINDS).optional(),
    type: z.enum(SOURCE_TYPES),
    language: z.enum(SOURCE_LANGUAGES),
    feedTitle: z.string().trim().min(1).optional(),
    weight: z.number().min(0).max(MAX_WEIGHT).optional(),
    /** How often `tidings watch` polls it (src/sources/every.ts): minutes, or "90s", "30m", "2h", "1d". */
    every: z
      .custom<number | string>()
      .superRefine((value, ctx) => {
        const parsed = parseEvery(value);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
      })
      .optional(),
  })
  .strict()
  .refine((s) => (s.url === undefined) !== (s.path === undefined), {
    message: 'expected exactly one of url and path',
    path: ['url'],
  });

export type SourceInput = z.infer<typeof sourceInputSchema>;

export interface SourceEntry {
  id: string;
  /** The outlet, e.g. "TechCrunch". */
  name: string;
  url?: string;
  path?: string;
  kind: SourceKind;
  type: SourceType;
  language: SourceLanguage;
  /** The feed title as publishers credit it, e.g. "AI News & Artificial Intelligence | TechCrunch". */
  feedTitle?: string;
  weight?: number;
  /** How often `tidings watch` polls it, as written (minutes, or "30m", "2h" ...); absent: watch's --every. */
  every?: number | string;
}

export interface Registry {
  sources: SourceEntry[];
}

export const registryFileSchema = z
  .object({
    version: z.literal(1).optional(),
    sources: z.array(z.unknown()).nullish(),
  })
  .strict();
