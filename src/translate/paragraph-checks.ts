// Checks on one translated paragraph against its source, each a value: figures kept (the figure
// checker, so "$250 billion" ↔ "2500 亿美元"), a cut-off sentence left cut off, and the target
// actually in the target language. Pure.

import type { Face } from '../article.js';
import { figuresEqual, parseFigures, type Figure } from '../understand/understand.js';
import { countScripts, hanShare } from '../text/script.js';

export interface FigureMismatch {
  /** Source figures the translation does not state. */
  readonly missing: readonly Figure[];
  /** Translation figures the source does not state: a wrong or invented number. */
  readonly extra: readonly Figure[];
}

/** Same amount; a bare number also matches a counted one ("128K" ↔ "12.8 万 token"). */
function sameFigure(a: Figure, b: Figure): boolean {
  if (figuresEqual(a, b)) return true;
  if (a.kind === 'year' || b.kind === 'year') return false;
  const bare = (f: Figure): boolean => f.kind === 'quantity' && f.unit === '';
  return (bare(a) || bare(b)) && figuresEqual({ ...a, kind: b.kind, unit: b.unit }, b);
}

const WORD_VALUES: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
};
const WORD_SCALES: Record<string, number> = { hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const MULTIPLIER_WORDS: ReadonlyArray<[RegExp, number]> = [
  [/\b(?:twice|doubl(?:e|ed|es|ing))\b/i, 2],
  [/\b(?:tripl(?:e|ed|es|ing)|threefold)\b/i, 3],
  [/\b(?:quadrupl(?:e|ed|es|ing)|fourfold)\b/i, 4],
  [/\b(?:tenfold)\b/i, 10],
];

export interface SpelledValue {
  readonly value: number;
  /** With a scale word ("a billion"): an amount of any kind. Without ("two", "a"): only a count or multiple. */
  readonly scaled: boolean;
}

/**
 * Values an English text states in words ("a billion dollars", "twice", "a data center"), which the
 * figure parser leaves alone: a figure on the other side with such a value is not invented.
 */
export function spelledValues(text: string): SpelledValue[] {
  const out: SpelledValue[] = [];
  for (const m of text.matchAll(
    /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)[ -](hundred|thousand|million|billion|trillion)\b/gi,
  )) {
    out.push({
      value: (WORD_VALUES[(m[1] ?? '').toLowerCase()] ?? 1) * (WORD_SCALES[(m[2] ?? '').toLowerCase()] ?? 1),
      scaled: true,
    });
  }
  for (const m of text.matchAll(/\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/gi))
    out.push({ value: WORD_VALUES[(m[1] ?? '').toLowerCase()] ?? 0, scaled: false });
  for (const [re, value] of MULTIPLIER_WORDS) if (re.test(text)) out.push({ value, scaled: false });
  return out;
}

const spelledIn = (values: readonly SpelledValue[], f: Figure): boolean =>
  f.kind !== 'year' &&
  values.some(
    (v) =>
      (v.scaled || f.kind === 'count' || f.kind === 'multiplier' || f.kind === 'quantity') &&
      Math.abs(v.value - f.value) <= 0.005 * Math.max(v.value, f.value),
  );

/**
 * Compares the figures of a source paragraph and its translation as sets (a figure repeated in the
 * source may be said once). null when they agree.
 */
export function compareFigures(source: string, target: string): FigureMismatch | null {
  const s = parseFigures(source);
  const t = parseFigures(target);
  const spelledS = spelledValues(source);
  const spelledT = spelledValues(target);
  const missing = s.filter((f) => !t.some((g) => sameFigure(f, g)) && !spelledIn(spelledT, f));
  const extra = t.filter((g) => !s.some((f) => sameFigure(f, g)) && !spelledIn(spelledS, g));
  return missing.length === 0 && extra.length === 0 ? null : { missing, extra };
}

/** "missing $250 billion; not in the source: 250 亿美元" (named to the model on retry, and in notes). */
export function describeMismatch(m: FigureMismatch): string {
  const parts: string[] = [];
  if (m.missing.length > 0) parts.push(`missing ${m.missing.map((f) => f.surface).join(', ')}`);
  if (m.extra.length > 0) parts.push(`not in the source: ${m.extra.map((f) => f.surface).join(', ')}`);
  return parts.join('; ');
}

const TERMINAL = /[.!?。！？][”’"'」』)）\]]*$/u;
const ELLIPSIS = /(?:…|\.\.\.|⋯)[”’"'」』)）\]]*$/u;
const CONTINUING = /[,，;；:：、—–-]$/u;
/** Shorter than this and unpunctuated inside a body: a heading, not a cut-off sentence. */
const HEADING_CHARS = 80;

/**
 * Whether a source paragraph stops mid-sentence: it ends in an ellipsis or a comma-like mark, or it
 * is the last paragraph (or a long one) with no terminal punctuation.
 */
export function endsMidSentence(text: string, last: boolean): boolean {
  const t = text.trim();
  if (t === '') return false;
  if (ELLIPSIS.test(t) || CONTINUING.test(t)) return true;
  if (TERMINAL.test(t)) return false;
  return last || t.length > HEADING_CHARS;
}

/** A translation that ends a sentence (terminal punctuation, not an ellipsis): it finished the cut-off source. */
export function completesSentence(target: string): boolean {
  const t = target.trim();
  return TERMINAL.test(t) && !ELLIPSIS.test(t);
}

/** The answer is still (mostly) in the source language: a copy, not a translation. */
export function looksUntranslated(source: string, target: string, targetLanguage: Face): boolean {
  if (target.trim() === '') return true;
  if (targetLanguage === 'zh') return countScripts(source).latin >= 12 && countScripts(target).han === 0;
  return countScripts(source).han >= 6 && hanShare(target) >= 0.5;
}

const SPEAKER = /^((?:\p{Lu}[\p{L}’'.-]*)(?: \p{Lu}[\p{L}’'.-]*){0,3})\s*[:：]\s/u;

/** "Sean O’Kane" of "Sean O’Kane: Yeah…"; null without a label. English only (Chinese names may rightly be romanised). */
export function speakerLabel(source: string): string | null {
  return SPEAKER.exec(source.trim())?.[1] ?? null;
}

/**
 * Whether the translation starts with the speaker label, with either colon. Callers check only
 * transcripts (two or more paragraphs open with a label): one "Update:" is a heading, not a speaker.
 */
export function keepsSpeakerLabel(label: string, target: string): boolean {
  const t = target.trim();
  return t.startsWith(label) && /^\s*[:：]/.test(t.slice(label.length));
}
