// Reading a model's translation answer: JSON { paragraphs: [{ id, text }] } parsed at the edge, then
// lined up against the ids that were sent. Items the answer dropped, repeated, reordered or
// (probably) merged are named, so the engine can send each of them again alone. Pure.

import { z } from 'zod';
import { fail, ok, type Result } from '../errors.js';
import { jsonTextOf } from '../llm/json-text.js';

export interface AnswerItem {
  readonly id: string;
  readonly text: string;
}

const Answer = z.object({ paragraphs: z.array(z.object({ id: z.string(), text: z.string() })) });

/** JSON Schema of the answer, for structured output. */
export const ANSWER_SCHEMA = {
  name: 'translated_paragraphs',
  jsonSchema: {
    type: 'object',
    properties: {
      paragraphs: {
        type: 'array',
        items: {
          type: 'object',
          properties: { id: { type: 'string' }, text: { type: 'string' } },
          required: ['id', 'text'],
          additionalProperties: false,
        },
      },
    },
    required: ['paragraphs'],
    additionalProperties: false,
  },
} as const;

/** Parses an answer, tolerating a ```json fence or words around the object (some local models add them). */
export function parseAnswer(text: string): Result<AnswerItem[]> {
  const json = jsonTextOf(text);
  if (json === null) return fail('bad_input', `model answer is not JSON: "${text.slice(0, 60)}"`);
  const data: unknown = JSON.parse(json);
  const parsed = Answer.safeParse(data);
  if (!parsed.success)
    return fail(
      'bad_input',
      `model answer does not have the shape {"paragraphs": [{"id", "text"}]}: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  return ok(parsed.data.paragraphs);
}

export type AnswerProblem = 'dropped' | 'duplicated' | 'empty' | 'merged' | 'reordered';

export interface Alignment {
  /** Answers accepted for checking, by id. */
  readonly accepted: ReadonlyMap<string, string>;
  /** Ids to send again alone, with why. */
  readonly problems: ReadonlyMap<string, AnswerProblem>;
}

/** How much longer than its batch's typical target/source length ratio an answer may be before it is taken for two paragraphs in one. */
const MERGED_LENGTH_FACTOR = 2.5;
const MERGED_MIN_CHARS = 60;

/**
 * Lines up an answer with the ids sent. Exact match (same ids, count, order) accepts everything not
 * empty. Otherwise an id missing or repeated is a problem, and so are its neighbours (a dropped
 * paragraph's text usually went into the one before or after); out-of-order answers are all suspect.
 */
export function alignAnswer(
  sent: ReadonlyArray<{ id: string; text: string }>,
  answer: readonly AnswerItem[],
): Alignment {
  const counts = new Map<string, number>();
  for (const a of answer) counts.set(a.id, (counts.get(a.id) ?? 0) + 1);
  const byId = new Map(answer.map((a) => [a.id, a.text] as const));
  const problems = new Map<string, AnswerProblem>();
  const ids = sent.map((s) => s.id);
  const answeredOnce = answer.filter((a) => counts.get(a.id) === 1 && ids.includes(a.id)).map((a) => ids.indexOf(a.id));
  const inOrder = answeredOnce.every((pos, i) => i === 0 || pos > (answeredOnce[i - 1] ?? -1));
  for (const id of ids) {
    const n = counts.get(id) ?? 0;
    if (n === 0) problems.set(id, 'dropped');
    else if (n > 1) problems.set(id, 'duplicated');
    else if (!inOrder) problems.set(id, 'reordered');
    else if ((byId.get(id) ?? '').trim() === '') problems.set(id, 'empty');
  }
  ids.forEach((id, i) => {
    if (problems.has(id)) return;
    const neighbour = [ids[i - 1], ids[i + 1]].some(
      (n) => n !== undefined && ['dropped', 'duplicated'].includes(problems.get(n) ?? ''),
    );
    if (neighbour) problems.set(id, 'merged');
  });
  // Same ids throughout, but one answer far longer than its batch's norm: two paragraphs in one.
  const ratios = sent
    .filter((s) => !problems.has(s.id) && s.text.length > 0)
    .map((s) => (byId.get(s.id) ?? '').length / s.text.length);
  if (ratios.length >= 3) {
    const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)] ?? 0;
    for (const s of sent) {
      const t = byId.get(s.id) ?? '';
      if (
        !problems.has(s.id) &&
        t.length >= MERGED_MIN_CHARS &&
        t.length / Math.max(1, s.text.length) > MERGED_LENGTH_FACTOR * median
      )
        problems.set(s.id, 'merged');
    }
  }
  const accepted = new Map<string, string>();
  for (const id of ids) if (!problems.has(id)) accepted.set(id, byId.get(id) ?? '');
  return { accepted, problems };
}
