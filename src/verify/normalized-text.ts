// Text in the match form of normalizeForMatch (width, quote marks, dashes, case, whitespace,
// traditional → simplified script), with a map from every normalised character back to the
// original text, so that a phrase found in the normal form becomes a span of the source.

import { normalizeForMatch } from '../text/normalize.js';

export interface NormalizedText {
  /** The match form; equal to normalizeForMatch(original) for ordinary text. */
  readonly text: string;
  /** starts[k]/ends[k]: the UTF-16 range of the original text that produced normalised unit k. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

const HAN_RUN = /\p{Script=Han}+/uy;
const DOUBLE_QUOTES = /[“”„‟″«»「」『』〝〞＂]/;
const SINGLE_QUOTES = /[‘’‚‛′`]/;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const SPACE = /\s/;

export function normalizeWithOffsets(original: string): NormalizedText {
  // Offsets live in typed arrays that grow on demand (NFKC can expand a character: "…" → "...").
  let starts: Int32Array = new Int32Array(original.length + 16);
  let ends: Int32Array = new Int32Array(original.length + 16);
  const chunks: string[] = [];
  let length = 0;
  let lastSpace = true; // no space at the start
  const emit = (s: string, from: number, to: number): void => {
    for (let k = 0; k < s.length; k++) {
      const code = s.charCodeAt(k);
      const space = code === 32 || (code >= 9 && code <= 13) || (code > 127 && SPACE.test(s[k]!));
      if (space && lastSpace) continue; // whitespace collapses to one space
      lastSpace = space;
      if (length === starts.length) {
        starts = grow(starts);
        ends = grow(ends);
      }
      chunks.push(space ? ' ' : s[k]!);
      starts[length] = from;
      ends[length] = to;
      length++;
    }
  };
  let i = 0;
  while (i < original.length) {
    const c0 = original.charCodeAt(i);
    if (c0 < 128) {
      // ASCII: case folds and the backtick is a single quote; everything else stays.
      emit(c0 >= 65 && c0 <= 90 ? String.fromCharCode(c0 + 32) : c0 === 96 ? "'" : original[i]!, i, i + 1);
      i++;
      continue;
    }
    HAN_RUN.lastIndex = i;
    const han = c0 >= 0x2e80 ? HAN_RUN.exec(original) : null;
    if (han) {
      // Script conversion works on runs of Han characters (opencc maps phrases, not only characters).
      const run = han[0];
      const converted = normalizeForMatch(run);
      if (converted.length === run.length) {
        for (let k = 0; k < run.length; k++) emit(converted[k]!, i + k, i + k + 1);
      } else {
        for (let k = 0; k < run.length; k++) emit(normalizeForMatch(run[k]!), i + k, i + k + 1);
      }
      i += run.length;
      continue;
    }
    const width = original.codePointAt(i)! > 0xffff ? 2 : 1;
    emit(foldChar(original.slice(i, i + width)), i, i + width);
    i += width;
  }
  if (length > 0 && chunks[length - 1] === ' ') {
    chunks.pop();
    length--;
  }
  return { text: chunks.join(''), starts: starts.slice(0, length), ends: ends.slice(0, length) };
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** One code point to its match form (may be empty, or several units: "…" → "..."). */
function foldChar(ch: string): string {
  if (INVISIBLE.test(ch)) return '';
  if (DOUBLE_QUOTES.test(ch)) return '"';
  if (SINGLE_QUOTES.test(ch)) return "'";
  if (DASHES.test(ch)) return '-';
  return ch.normalize('NFKC').toLowerCase();
}

/** The original span [start, end) behind the normalised range [from, to). */
export function originalSpan(n: NormalizedText, from: number, to: number): { start: number; end: number } {
  return { start: n.starts[from] ?? 0, end: n.ends[to - 1] ?? n.ends[n.ends.length - 1] ?? 0 };
}

const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{Nd}]/u;

/**
 * Where `phrase` (already normalised) occurs in `hay` at or after `from`, as a whole word when it
 * begins or ends with a Latin letter or digit ("AI" is not found inside "said"); -1 when absent.
 */
export function findPhrase(hay: string, phrase: string, from = 0): number {
  if (phrase === '') return -1;
  const edgeStart = LATIN_OR_DIGIT.test(phrase[0]!);
  const edgeEnd = LATIN_OR_DIGIT.test(phrase[phrase.length - 1]!);
  let at = hay.indexOf(phrase, from);
  while (at !== -1) {
    const before = at > 0 ? hay[at - 1]! : '';
    const after = hay[at + phrase.length] ?? '';
    const okStart = !edgeStart || before === '' || !LATIN_OR_DIGIT.test(before);
    const okEnd = !edgeEnd || after === '' || !LATIN_OR_DIGIT.test(after);
    if (okStart && okEnd) return at;
    at = hay.indexOf(phrase, at + 1);
  }
  return -1;
}

const HAN_RUNS = /\p{Script=Han}+/gu;

/**
 * The text with traditional characters made simplified where that keeps every offset (2500 億美元
 * → 2500 亿美元), so figure and name finders built for simplified text read it, and their spans
 * still index the original.
 */
export function simplifiedInPlace(text: string): string {
  return text.replace(HAN_RUNS, (run) => {
    const converted = normalizeForMatch(run);
    return converted.length === run.length ? converted : run;
  });
}
