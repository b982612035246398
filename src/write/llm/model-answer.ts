// A model's answer parsed once, at the edge: JSON (a code fence or a sentence around it is
// tolerated), then the draft schema. Errors are listed one per line so a retry can carry them.

import type { Face } from '../../article.js';
import type { z } from 'zod';

export type ParsedAnswer<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly string[] };

/** The JSON object in an answer: the whole text, a ```json fence, or the outermost {...}. */
export function answerJson(text: string): string {
  const trimmed = text.trim();
  const fence = /^```(?:json)?\s*\n([\s\S]*?)\n?```$/i.exec(trimmed);
  if (fence) return fence[1]!.trim();
  if (trimmed.startsWith('{')) return trimmed;
  const start = trimmed.indexOf('{');
  const end = trimmed.lastIndexOf('}');
  return start >= 0 && end > start ? trimmed.slice(start, end + 1) : trimmed;
}

export function parseAnswer<T>(text: string, schema: z.ZodType<T>): ParsedAnswer<T> {
  let data: unknown;
  try {
    data = JSON.parse(answerJson(text));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [`the answer is not valid JSON (${why}); answer with one JSON object only`] };
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`),
  };
}

/**
 * Texts not in the face's language, counting Han characters against Latin words (a Chinese text
 * may keep names like "Brightline Compute" in Latin script; an English one may name 云端观察).
 */
export function faceLanguageErrors(texts: ReadonlyArray<{ path: string; text: string }>, face: Face): string[] {
  const errors: string[] = [];
  for (const { path, text: raw } of texts) {
    const text = raw.replace(/https?:\/\/\S+/g, ' ');
    const words = text.match(/[A-Za-z]+/g)?.length ?? 0;
    const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
    if (words + han === 0) continue;
    if (face === 'zh' && han < Math.max(1, words)) errors.push(`${path}: write this in Simplified Chinese`);
    if (face === 'en' && han > words) errors.push(`${path}: write this in English`);
  }
  return errors;
}
