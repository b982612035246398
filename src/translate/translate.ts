// Translating an article English ↔ Chinese with any LlmClient, paragraph by paragraph. The batch
// answer is lined up by id; each paragraph the model dropped, merged, left untranslated, got a
// figure wrong in, or finished when the source was cut off is sent again ALONE, once, with the
// problem named. Still wrong: status 'failed', the source kept as the target, never a wrong number.
// Then the glossary: preferred forms checked (noted when missing), first uses glossed.

import type { Face } from '../article.js';
import { fail, ok, assertNever, type Result } from '../errors.js';
import type { LlmClient, LlmRequest } from '../llm/client.js';
import { loadPrompt } from '../prompts/prompt-file.js';
import { renderPrompt, type Prompt } from '../prompts/prompt.js';
import {
  glossaryLines,
  glossFirstUses,
  preferredForm,
  termsIn,
  usesPreferredForm,
  type Glossary,
  type GlossaryEntry,
} from './glossary.js';
import { alignAnswer, ANSWER_SCHEMA, parseAnswer, type AnswerProblem } from './model-answer.js';
import {
  compareFigures,
  completesSentence,
  describeMismatch,
  endsMidSentence,
  looksUntranslated,
  keepsSpeakerLabel,
  speakerLabel,
} from './paragraph-checks.js';

export type PairStatus = 'ok' | 'retried' | 'failed';

export interface TranslationPair {
  /** "title", then "p1", "p2" … in source order. */
  readonly id: string;
  readonly source: string;
  /** The translation; for status 'failed' the source text unchanged (renderings mark it). */
  readonly target: string;
  readonly status: PairStatus;
  readonly notes: string[];
}

export interface Translation {
  readonly articleId: string;
  readonly source: Face;
  readonly target: Face;
  readonly title: TranslationPair | null;
  readonly pairs: TranslationPair[];
  readonly provider: string;
  readonly model: string;
  readonly promptVersion: string;
  /** The source stops mid-sentence (its last paragraph); so does the translation. */
  readonly truncatedSource: boolean;
  /** Model calls made (cached answers counted apart) and the tokens they spent. */
  readonly usage: { requests: number; cached: number; inputTokens: number; outputTokens: number };
}

export interface ArticleToTranslate {
  readonly id: string;
  readonly title: string | null;
  readonly paragraphs: readonly string[];
  readonly language: string;
}

export interface TranslateDeps {
  readonly client: LlmClient;
  readonly glossary: Glossary;
  /** Default: prompts/translate-paragraphs.md. */
  readonly prompt?: Prompt;
  /** Source characters per batch request (default 6,000) and items per batch (default 40). */
  readonly maxBatchChars?: number;
  readonly maxBatchItems?: number;
}

const LANGUAGE_NAME: Record<Face, string> = { en: 'English', zh: 'Simplified Chinese' };

type Problem =
  | { kind: 'answer'; problem: AnswerProblem }
  | { kind: 'not-json'; detail: string }
  | { kind: 'untranslated' }
  | { kind: 'figures'; detail: string }
  | { kind: 'completed' }
  | { kind: 'speaker'; label: string };

interface Item {
  readonly id: string;
  readonly text: string;
  /** Stops mid-sentence: the translation must too. */
  readonly unfinished: boolean;
  readonly terms: readonly GlossaryEntry[];
  /** The speaker label it opens with, in a transcript ("Sean O’Kane"); else null. */
  readonly speaker: string | null;
}

interface Settled {
  target: string;
  status: PairStatus;
  notes: string[];
}

function problemNote(p: Problem): string {
  switch (p.kind) {
    case 'answer':
      return `the batch answer ${p.problem === 'merged' ? 'probably merged this paragraph with a neighbour' : p.problem === 'dropped' ? 'dropped this paragraph' : `was ${p.problem} here`}`;
    case 'not-json':
      return `the answer was not usable JSON (${p.detail})`;
    case 'untranslated':
      return 'the answer was not a translation';
    case 'figures':
      return `figures did not match: ${p.detail}`;
    case 'completed':
      return 'the translation finished a sentence the source leaves unfinished';
    case 'speaker':
      return `the speaker label "${p.label}:" was not kept`;
    default:
      return assertNever(p, 'translation problem');
  }
}

/** What the model is told when an item is sent again alone. */
function feedbackFor(problems: readonly Problem[], target: Face): string {
  const lines = problems.map((p) => {
    switch (p.kind) {
      case 'answer':
        return 'In the earlier answer this item was missing or mixed with another item. Translate exactly this one item.';
      case 'not-json':
        return 'The earlier answer was not valid JSON. Answer with the JSON object only.';
      case 'untranslated':
        return `The earlier answer was not in ${LANGUAGE_NAME[target]}. Translate the text.`;
      case 'figures':
        return `The earlier translation got figures wrong (${p.detail}). State every figure of the source exactly, and no other.`;
      case 'completed':
        return 'The earlier translation finished a sentence that the source leaves unfinished. Stop where the source stops, with no final punctuation.';
      case 'speaker':
        return `The earlier translation did not start with the speaker label "${p.label}:". Keep it as it is.`;
      default:
        return assertNever(p, 'translation problem');
    }
  });
  return `\nCorrection needed:\n${lines.map((l) => `- ${l}`).join('\n')}\n`;
}

function checkItem(item: Item, target: string, to: Face): Problem[] {
  if (looksUntranslated(item.text, target, to)) return [{ kind: 'untranslated' }];
  const problems: Problem[] = [];
  if (item.speaker !== null && !keepsSpeakerLabel(item.speaker, target))
    problems.push({ kind: 'speaker', label: item.speaker });
  const mismatch = compareFigures(item.text, target);
  if (mismatch) problems.push({ kind: 'figures', detail: describeMismatch(mismatch) });
  if (item.unfinished && completesSentence(target)) problems.push({ kind: 'completed' });
  return problems;
}

/** Consecutive items up to the size limits; an item larger than the limit goes alone. */
function batches(items: readonly Item[], maxChars: number, maxItems: number): Item[][] {
  const out: Item[][] = [];
  let current: Item[] = [];
  let chars = 0;
  for (const item of items) {
    if (current.length > 0 && (chars + item.text.length > maxChars || current.length >= maxItems)) {
      out.push(current);
      current = [];
      chars = 0;
    }
    current.push(item);
    chars += item.text.length;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** The items as JSON lines; "</" escaped so article text cannot close the <article> delimiter. */
function itemsJson(items: readonly Item[]): string {
  const lines = items.map((i) =>
    JSON.stringify(i.unfinished ? { id: i.id, text: i.text, unfinished: true } : { id: i.id, text: i.text }).replace(
      /<\//g,
      '<\\/',
    ),
  );
  return `[\n${lines.join(',\n')}\n]`;
}

export async function translateArticle(
  article: ArticleToTranslate,
  target: Face,
  deps: TranslateDeps,
): Promise<Result<Translation>> {
  const from = article.language;
  if (from !== 'en' && from !== 'zh')
    return fail(
      'unsupported',
      `article ${article.id} is in "${from}"; only English and Chinese are translated`,
      article.id,
    );
  if (from === target)
    return fail('bad_input', `article ${article.id} is already in ${LANGUAGE_NAME[target]}`, article.id);
  const texts = article.paragraphs.map((p) => p.trim());
  const title = article.title?.trim() ?? '';
  if (texts.every((p) => p === '') && title === '')
    return fail('empty_input', `article ${article.id} has no title or paragraphs to translate`, article.id);

  let prompt = deps.prompt;
  if (!prompt) {
    const loaded = loadPrompt('translate-paragraphs');
    if (!loaded.ok) return loaded;
    prompt = loaded.value;
  }
  const usage = { requests: 0, cached: 0, inputTokens: 0, outputTokens: 0 };
  const lastIndex = texts.length - 1;
  const labels = texts.map((t) => (from === 'en' ? speakerLabel(t) : null));
  const transcript = labels.filter((l) => l !== null).length >= 2;
  const items: Item[] = [
    ...(title === ''
      ? []
      : [
          {
            id: 'title',
            text: title,
            unfinished: endsMidSentence(title, false),
            terms: termsIn(deps.glossary, title, from),
            speaker: null,
          },
        ]),
    ...texts.map((text, i) => ({
      id: `p${i + 1}`,
      text,
      unfinished: endsMidSentence(text, i === lastIndex),
      terms: termsIn(deps.glossary, text, from),
      speaker: transcript ? (labels[i] ?? null) : null,
    })),
  ];
  const settled = new Map<string, Settled>();
  for (const item of items) if (item.text === '') settled.set(item.id, { target: '', status: 'ok', notes: [] });

  const ask = async (batch: readonly Item[], feedback: string): Promise<Result<string>> => {
    const terms = [...new Set(batch.flatMap((i) => i.terms))];
    const rendered = renderPrompt(prompt, {
      sourceLanguage: LANGUAGE_NAME[from],
      targetLanguage: LANGUAGE_NAME[target],
      glossary: glossaryLines(terms, from),
      feedback,
      items: itemsJson(batch),
      count: String(batch.length),
      ids: batch.map((i) => i.id).join(', '),
    });
    if (!rendered.ok) return rendered;
    const chars = batch.reduce((n, i) => n + i.text.length, 0);
    const request: LlmRequest = {
      system: rendered.value.system,
      messages: [{ role: 'user', content: rendered.value.user }],
      schema: { name: ANSWER_SCHEMA.name, jsonSchema: ANSWER_SCHEMA.jsonSchema },
      maxTokens: Math.min(16_000, 512 + Math.ceil(chars * 1.5)),
      temperature: 0,
      promptVersion: rendered.value.promptVersion,
      purpose: 'translate-paragraph',
    };
    const response = await deps.client.complete(request);
    if (!response.ok) return response;
    // A cached answer cost nothing this run: counted, but not its tokens.
    if (response.value.cached) usage.cached += 1;
    else {
      usage.requests += 1;
      usage.inputTokens += response.value.usage.inputTokens;
      usage.outputTokens += response.value.usage.outputTokens;
    }
    return ok(response.value.text);
  };

  // Round 1: batches. Everything not accepted and clean goes to round 2 with its problems.
  const retry = new Map<string, Problem[]>();
  const pending = items.filter((i) => !settled.has(i.id));
  const answers = await Promise.all(
    batches(pending, deps.maxBatchChars ?? 6_000, deps.maxBatchItems ?? 40).map(async (batch) => ({
      batch,
      answer: await ask(batch, ''),
    })),
  );
  for (const { batch, answer } of answers) {
    if (!answer.ok) return answer;
    const parsed = parseAnswer(answer.value);
    if (!parsed.ok) {
      for (const item of batch) retry.set(item.id, [{ kind: 'not-json', detail: parsed.message }]);
      continue;
    }
    const { accepted, problems } = alignAnswer(batch, parsed.value);
    for (const item of batch) {
      const problem = problems.get(item.id);
      if (problem !== undefined) {
        retry.set(item.id, [{ kind: 'answer', problem }]);
        continue;
      }
      const text = (accepted.get(item.id) ?? '').trim();
      const found = checkItem(item, text, target);
      if (found.length === 0) settled.set(item.id, { target: text, status: 'ok', notes: [] });
      else retry.set(item.id, found);
    }
  }

  // Round 2: each problem item alone, once, told what was wrong.
  const retried = await Promise.all(
    items
      .filter((i) => retry.has(i.id))
      .map(async (item) => ({
        item,
        earlier: retry.get(item.id) ?? [],
        answer: await ask([item], feedbackFor(retry.get(item.id) ?? [], target)),
      })),
  );
  for (const { item, earlier, answer } of retried) {
    if (!answer.ok) return answer;
    const notes = earlier.map((p) => `retried alone: ${problemNote(p)}`);
    const parsed = parseAnswer(answer.value);
    const text = parsed.ok && parsed.value.length === 1 ? (parsed.value[0]?.text ?? '').trim() : null;
    const found: Problem[] =
      text === null
        ? [{ kind: 'not-json', detail: parsed.ok ? `${parsed.value.length} items for one` : parsed.message }]
        : checkItem(item, text, target);
    if (text !== null && found.length === 0) settled.set(item.id, { target: text, status: 'retried', notes });
    else
      settled.set(item.id, {
        target: item.text,
        status: 'failed',
        notes: [...notes, ...found.map((p) => `failed after a retry: ${problemNote(p)}; the source is shown instead`)],
      });
  }

  const pairs = glossaryPass(items, settled, deps.glossary, from, target);
  const titlePair = pairs.find((p) => p.id === 'title') ?? null;
  return ok({
    articleId: article.id,
    source: from,
    target,
    title: titlePair,
    pairs: pairs.filter((p) => p.id !== 'title'),
    provider: deps.client.provider,
    model: deps.client.model,
    promptVersion: prompt.promptVersion,
    truncatedSource: lastIndex >= 0 && endsMidSentence(texts[lastIndex] ?? '', true),
    usage,
  });
}

/**
 * Glossary, after translation: a paragraph whose source has a term but whose translation lacks the
 * preferred form gets a note; the first use of each term across the article (title first) is glossed.
 * Failed pairs (their target is the source) are left out of both.
 */
function glossaryPass(
  items: readonly Item[],
  settled: ReadonlyMap<string, Settled>,
  glossary: Glossary,
  from: Face,
  to: Face,
): TranslationPair[] {
  const rows = items.map((item) => {
    const s = settled.get(item.id) ?? { target: item.text, status: 'failed' as const, notes: ['never settled'] };
    const notes = [...s.notes];
    if (s.status !== 'failed') {
      for (const entry of item.terms) {
        if (!usesPreferredForm(entry, s.target, to))
          notes.push(`glossary: "${preferredForm(entry, from)}" should read ${preferredForm(entry, to)}`);
      }
    }
    return { item, s, notes };
  });
  const live = rows.map((r) => (r.s.status === 'failed' ? '' : r.s.target));
  const terms = [...new Set(rows.flatMap((r) => r.item.terms))];
  const glossed = glossFirstUses(glossary, live, terms, to);
  for (const g of glossed.glosses)
    rows[g.index]?.notes.push(`glossary: first use of ${g.term} glossed with (${g.original})`);
  return rows.map((r, i) => ({
    id: r.item.id,
    source: r.item.text,
    target: r.s.status === 'failed' ? r.s.target : (glossed.texts[i] ?? r.s.target),
    status: r.s.status,
    notes: r.notes,
  }));
}
