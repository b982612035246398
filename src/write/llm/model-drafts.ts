// What a model may write: the analytical texts of a digest item, card or post, and nothing else.
// Tier, confidence, sources, provenance, topics and audiences come from the offline analysis; a
// model that tries to set them (or adds any other key) fails validation. Lengths are capped so an
// injected "repeat this 500 times" cannot inflate an output.

import { z } from 'zod';

/** One sentence-sized text: non-empty after trimming, at most `max` characters. */
const text = (max: number) => z.string().trim().min(1).max(max);

/** The audiences the ranking chose; an impact line for any other audience is a schema error. */
export function digestItemDraftSchema(audiences: readonly string[]) {
  const [first, ...rest] = audiences;
  const audience = first === undefined ? z.never() : z.enum([first, ...rest]);
  return z.strictObject({
    headline: text(200),
    keyPoints: z.strictObject({ lead: text(600), points: z.array(text(400)).min(1).max(5) }),
    impact: z
      .array(z.strictObject({ audience, text: text(500) }))
      .max(Math.max(0, audiences.length))
      .refine((lines) => new Set(lines.map((l) => l.audience)).size === lines.length, 'one impact line per audience'),
    pros: z.array(text(400)).min(1).max(4),
    cons: z.array(text(400)).min(1).max(4),
    quickStart: z.array(text(300)).min(1).max(5),
    recommendation: text(900),
  });
}

export const cardDraftSchema = z.strictObject({
  summary: text(1200),
  keyTakeaway: text(600),
  keyInsight: text(300),
  principles: z.array(text(300)).min(1).max(3),
  inPractice: z.array(text(300)).min(1).max(3),
});

export const postDraftSchema = z.strictObject({
  headline: text(200),
  hook: text(600),
  takeaways: z.array(text(500)).min(2).max(5),
  closing: text(400),
});

export type DigestItemDraft = z.infer<ReturnType<typeof digestItemDraftSchema>>;
export type CardDraft = z.infer<typeof cardDraftSchema>;
export type PostDraft = z.infer<typeof postDraftSchema>;

/** The JSON Schema sent with a request (structured output where the provider supports it). */
export function draftJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema: _ignored, ...rest } = json;
  return rest;
}
