// Counting and cutting text the way social platforms do: X's weighted length (CJK and emoji weigh
// 2, any URL 23), sentence units, and the spans that must never be split (quoted phrases, figures,
// URLs). Shared by the X thread and the Weibo post.

import type { Face } from '../../article.js';
import { splitSentences } from '../../text/sentences.js';
import { parseFigures } from '../../understand/figures.js';
import { LABELS } from '../../write/labels.js';

/** A URL ends at whitespace, quotes, or any CJK or full-width punctuation (as X's parser does). */
export const URL_PATTERN = /https?:\/\/[^\s<>"“”‘’\u3000-\u303F\uFF00-\uFFEF]+/g;
/** X (twitter-text v3): these code point ranges weigh 1, everything else 2. */
const LIGHT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];
const T_CO_LENGTH = 23;
const EMOJI = /\p{Extended_Pictographic}/u;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

function codePointWeight(cp: number): number {
  return cp <= 4351 || LIGHT_RANGES.some(([a, b]) => cp >= a && cp <= b) ? 1 : 2;
}

function weightOfPlain(text: string): number {
  let w = 0;
  if (!EMOJI.test(text)) {
    // The common case: no emoji, so no grapheme segmentation (it is the slow part).
    for (const ch of text) w += codePointWeight(ch.codePointAt(0)!);
    return w;
  }
  for (const { segment } of graphemes.segment(text)) {
    if (EMOJI.test(segment)) {
      w += 2; // an emoji sequence (with joiners and modifiers) counts as one emoji
      continue;
    }
    for (const ch of segment) w += codePointWeight(ch.codePointAt(0)!);
  }
  return w;
}

/** The length X counts: NFC text, URLs as 23, CJK and emoji as 2, other characters as 1. */
export function xWeight(text: string): number {
  const nfc = text.normalize('NFC');
  let w = 0;
  let last = 0;
  for (const m of nfc.matchAll(URL_PATTERN)) {
    w += weightOfPlain(nfc.slice(last, m.index)) + T_CO_LENGTH;
    last = m.index + m[0].length;
  }
  return w + weightOfPlain(nfc.slice(last));
}

/** Weibo's limit counts characters; each code point counts 1 here (never under Weibo's own count). */
export function weiboLength(text: string): number {
  return [...text].length;
}

/** Whether a quotation opened in the text is still open at its end (curly, corner or straight quotes). */
function quoteOpen(text: string): boolean {
  let curly = 0;
  let corner = 0;
  for (const ch of text) {
    if (ch === '“') curly++;
    else if (ch === '”') curly = Math.max(0, curly - 1);
    else if (ch === '「' || ch === '『') corner++;
    else if (ch === '」' || ch === '』') corner = Math.max(0, corner - 1);
  }
  const straight = (text.match(/"/g) ?? []).length % 2 === 1;
  return curly > 0 || corner > 0 || straight;
}

/**
 * Sentences of a text block (trimmed, never empty). Sentences inside one quotation stay together
 * ("“We built it. It works,” she said." is one unit), so no cut ever falls inside a quote.
 */
export function sentencesOf(text: string): string[] {
  const raw = splitSentences(text)
    .map((s) => s.text.trim())
    .filter((s) => s !== '');
  const out: string[] = [];
  let pending = '';
  for (const s of raw) {
    pending = pending === '' ? s : `${pending}${/[\u3400-\u9fff。！？”」]$/u.test(pending) ? '' : ' '}${s}`;
    if (!quoteOpen(pending)) {
      out.push(pending);
      pending = '';
    }
  }
  if (pending !== '') out.push(pending);
  return out.length > 0 ? out : text.trim() === '' ? [] : [text.trim()];
}

const QUOTED = /“[^”]*”|「[^」]*」|『[^』]*』|"[^"]*"|《[^》]*》/g;

/** [start, end) ranges that a cut must not fall inside: quoted phrases, figures, URLs. */
export function protectedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const re of [QUOTED, URL_PATTERN])
    for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  for (const f of parseFigures(text)) spans.push([f.start, f.end]);
  return spans;
}

const HAN = /\p{Script=Han}/u;
const ZH_PAUSE = /[，、；：,;:—）)]/u;

/**
 * Positions where a too-long sentence may be cut, best first within equal length: after a space
 * or a Chinese pause mark; between two Han characters only when nothing else is possible. Never
 * inside a protected span, never inside a Latin word.
 */
export function cutPoints(text: string): { good: number[]; han: number[] } {
  const spans = protectedSpans(text);
  const inside = (p: number) => spans.some(([a, b]) => p > a && p < b);
  const good: number[] = [];
  const han: number[] = [];
  for (let i = 1; i < text.length; i++) {
    if (inside(i)) continue;
    const prev = text[i - 1]!;
    const next = text[i]!;
    if (/\s/.test(prev) && !/\s/.test(next)) good.push(i);
    else if (ZH_PAUSE.test(prev)) good.push(i);
    else if (HAN.test(prev) && HAN.test(next)) han.push(i);
  }
  return { good, han };
}

/**
 * Cuts one sentence into pieces each within `budget` by `measure`, at the best cut points. When a
 * single protected span is longer than the budget it is cut by characters (reported in `forced`).
 */
export function cutSentence(
  text: string,
  budget: number,
  measure: (s: string) => number,
): { pieces: string[]; forced: boolean } {
  const pieces: string[] = [];
  let forced = false;
  let rest = text;
  while (measure(rest) > budget) {
    const { good, han } = cutPoints(rest);
    const fits = (p: number) => measure(rest.slice(0, p).trimEnd()) <= budget;
    let at = [...good].reverse().find(fits) ?? [...han].reverse().find(fits);
    if (at === undefined) {
      forced = true;
      at = 0;
      for (const { index, segment } of graphemes.segment(rest)) {
        if (measure(rest.slice(0, index + segment.length)) > budget) break;
        at = index + segment.length;
      }
      if (at === 0) at = rest.length; // one grapheme over budget: cannot happen with a sane budget
    }
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest !== '') pieces.push(rest);
  return { pieces, forced };
}

/** "First: ", "第一，" as in the post's Markdown; past the named ordinals, "7. " and "第7，". */
export function ordinal(face: Face, i: number): string {
  const named = LABELS[face].ordinals[i];
  if (face === 'zh') return `${named ?? `第${i + 1}`}，`;
  return named ? `${named}: ` : `${i + 1}. `;
}

/**
 * A headline without leading pause marks or spaces ("，Saltfork…" from a sentence picked after its
 * clause): on a platform the headline stands alone, and a leading comma reads as a typo.
 */
export function headlineText(headline: string): string {
  return headline.replace(/^[\s，、；：,;:]+/u, '');
}
