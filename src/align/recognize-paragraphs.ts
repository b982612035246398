// Paragraph-level pairing of an English text and its Chinese translation by length alone (the
// Gale-Church idea at paragraph grain), for recognition's structural evidence and for the reader's
// paragraph pairs. Paragraphs are few (tens), so the full table is cheap. Sentence-level links
// come from the aligner (align()); this only has to say which paragraphs go together.

import type { Face } from '../article.js';
import { countScripts } from '../text/script.js';

/** English letters per Han character in translated prose (measured on the alignment data: 3.2 academic, 3.7 political). */
export const LETTERS_PER_HAN = 3.4;

/** A paragraph's size in "English letters": Latin letters count as themselves, Han characters as LETTERS_PER_HAN. */
export function paragraphSize(text: string, language: Face): number {
  const { han, latin } = countScripts(text);
  return language === 'en' ? latin + han * LETTERS_PER_HAN : han * LETTERS_PER_HAN + latin;
}

export interface ParagraphLink {
  /** Paragraph indices on each side; an empty side is a paragraph the other version left out. */
  readonly en: readonly number[];
  readonly zh: readonly number[];
  /** Length agreement of the link, 0..1 (1 = sizes exactly as expected). */
  readonly score: number;
}

const MOVES: ReadonlyArray<readonly [number, number, number]> = [
  // [English paragraphs, Chinese paragraphs, penalty]: 1-1 is the rule; merges and splits are common; drops rare.
  [1, 1, 0],
  [1, 2, 1.2],
  [2, 1, 1.2],
  [1, 3, 2.6],
  [3, 1, 2.6],
  [1, 0, 4.5],
  [0, 1, 4.5],
];

/** Variance of the size ratio per letter (Gale-Church's s²), loosened for paragraph grain. */
const VARIANCE = 9;

function matchCost(en: number, zh: number): number {
  const mean = (en + zh) / 2;
  if (mean === 0) return 0;
  const delta = (zh - en) / Math.sqrt(mean * VARIANCE);
  return (delta * delta) / 2;
}

/** Anchor keys (names, figures) of each paragraph, to pull paragraphs that share them together. */
export interface ParagraphKeys {
  readonly en: ReadonlyArray<ReadonlySet<string>>;
  readonly zh: ReadonlyArray<ReadonlySet<string>>;
}

/** Cost taken off a link per unit of shared-key Dice, and added when both sides have keys but share none. */
const KEY_BONUS = 3;
const KEY_MISMATCH = 2;

function keyCost(keys: ParagraphKeys | undefined, i: number, di: number, j: number, dj: number): number {
  if (!keys || di === 0 || dj === 0) return 0;
  const a = new Set<string>();
  const b = new Set<string>();
  for (let k = i; k < i + di; k++) for (const x of keys.en[k] ?? []) a.add(x);
  for (let k = j; k < j + dj; k++) for (const x of keys.zh[k] ?? []) b.add(x);
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared === 0 ? KEY_MISMATCH : -KEY_BONUS * ((2 * shared) / (a.size + b.size));
}

/** The cheapest monotone pairing of the paragraphs by size, helped by shared anchors when given. */
export function alignParagraphs(en: readonly string[], zh: readonly string[], keys?: ParagraphKeys): ParagraphLink[] {
  const a = en.map((p) => paragraphSize(p, 'en'));
  const b = zh.map((p) => paragraphSize(p, 'zh'));
  const n = a.length;
  const m = b.length;
  const cost = new Float64Array((n + 1) * (m + 1)).fill(Number.POSITIVE_INFINITY);
  const move = new Int8Array((n + 1) * (m + 1)).fill(-1);
  const at = (i: number, j: number) => i * (m + 1) + j;
  cost[0] = 0;
  const sum = (xs: readonly number[], from: number, count: number) => {
    let s = 0;
    for (let k = from; k < from + count; k++) s += xs[k]!;
    return s;
  };
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = cost[at(i, j)]!;
      if (!Number.isFinite(here)) continue;
      MOVES.forEach(([di, dj, penalty], k) => {
        if (i + di > n || j + dj > m) return;
        const c =
          here +
          penalty +
          (di === 0 || dj === 0 ? 0 : matchCost(sum(a, i, di), sum(b, j, dj))) +
          keyCost(keys, i, di, j, dj);
        if (c < cost[at(i + di, j + dj)]!) {
          cost[at(i + di, j + dj)] = c;
          move[at(i + di, j + dj)] = k;
        }
      });
    }
  }
  const links: ParagraphLink[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const k = move[at(i, j)]!;
    const [di, dj] = MOVES[k]!;
    const enIdx = Array.from({ length: di }, (_, x) => i - di + x);
    const zhIdx = Array.from({ length: dj }, (_, x) => j - dj + x);
    const score = di === 0 || dj === 0 ? 0 : Math.exp(-matchCost(sum(a, i - di, di), sum(b, j - dj, dj)));
    links.push({ en: enIdx, zh: zhIdx, score });
    i -= di;
    j -= dj;
  }
  return links.reverse();
}

/**
 * How well the two texts' paragraph breaks line up, 0..1: the mean distance from each break of
 * the text with fewer breaks to the nearest break of the other, on a 0..1 scale of the whole
 * text. A translation keeps the breaks (merging two paragraphs drops one, adds none elsewhere);
 * an independent report breaks where its own writer did.
 */
export function breakAgreement(en: readonly string[], zh: readonly string[]): number {
  const breaks = (sizes: readonly number[]): number[] => {
    const total = sizes.reduce((s, x) => s + x, 0) || 1;
    const out: number[] = [];
    let run = 0;
    for (let k = 0; k < sizes.length - 1; k++) {
      run += sizes[k]!;
      out.push(run / total);
    }
    return out;
  };
  const x = breaks(en.map((p) => paragraphSize(p, 'en')));
  const y = breaks(zh.map((p) => paragraphSize(p, 'zh')));
  if (x.length === 0 && y.length === 0) return 0.5; // one paragraph each: no evidence either way
  if (x.length === 0 || y.length === 0) return 0;
  const [few, many] = x.length <= y.length ? [x, y] : [y, x];
  let drift = 0;
  for (const p of few) {
    let best = 1;
    for (const q of many) best = Math.min(best, Math.abs(p - q));
    drift += best;
  }
  // 0.02 of the text (a sentence in a 50-sentence article) is a good match; 0.1 is none.
  return Math.max(0, Math.min(1, 1 - (drift / few.length - 0.02) / 0.08));
}
