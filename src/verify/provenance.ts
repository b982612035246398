// Sentence provenance: the source sentences an output sentence rests on, by token overlap
// (English words, Chinese characters), found through an inverted index so that the cost grows
// with the sentence and the postings of its words, not with the number of sources.

import type { Support } from './grounding.js';
import { normalizeWithOffsets } from './normalized-text.js';
import type { SourceIndex } from './source-index.js';

const STOP_EN = new Set(
  (
    'a an the and or but of to in on at by for with from as is are was were be been being it its this that these those ' +
    'he she they we you i his her their our your them him us not no so if than then there here what which who whom ' +
    'how why when where will would can could may might should must do does did has have had also just about into over ' +
    'more most very such only any all some s t'
  ).split(' '),
);
const STOP_ZH = new Set([...'的了是在和与对这那也就都而及着被将把为之其于以个一']);
/** Atoms: runs of Latin letters or digits, single Han characters ("xai's" gives "xai", "s"). */
const ATOM = /[\p{Script=Latin}\p{Nd}]+|\p{Script=Han}/uy;

/** Distinct content tokens of text already in match form (normalizeForMatch). */
export function normalTokens(normal: string): Set<string> {
  const out = new Set<string>();
  const n = normal.length;
  let i = 0;
  while (i < n) {
    const c = normal.charCodeAt(i);
    if (isAsciiWord(c)) {
      // Fast path for the common case: an ASCII word (lower case already).
      let j = i + 1;
      while (j < n && isAsciiWord(normal.charCodeAt(j))) j++;
      if (j === n || normal.charCodeAt(j) < 128) {
        add(out, normal.slice(i, j));
        i = j;
        continue;
      }
    }
    if (c < 128) {
      i++;
      continue;
    }
    // Non-ASCII: Latin letters with accents, Han characters.
    ATOM.lastIndex = i;
    const m = ATOM.exec(normal);
    if (!m || m.index !== i) {
      i++;
      continue;
    }
    add(out, m[0]);
    i += m[0].length;
  }
  return out;
}

function isAsciiWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

function add(out: Set<string>, t: string): void {
  if (t.length === 1 && t.charCodeAt(0) < 0x2e80 && !(t >= '0' && t <= '9')) return;
  if (STOP_EN.has(t) || STOP_ZH.has(t)) return;
  out.add(t);
}

/** Distinct content tokens: lower-cased English words without stop words, Chinese characters. */
export function sentenceTokens(text: string): Set<string> {
  return normalTokens(normalizeWithOffsets(text).text);
}

export interface Provenance {
  support: Support[];
  /** Share of the sentence's tokens found in its best source sentence, 0..1. */
  overlap: number;
}

/** Below this share of shared tokens a source sentence is not what the output rests on. */
const MIN_OVERLAP = 0.2;
const MAX_SUPPORT = 3;

export function provenance(sentence: string, index: SourceIndex): Provenance {
  const tokens = sentenceTokens(sentence);
  if (tokens.size === 0) return { support: [], overlap: 0 };
  // Count shared tokens per source sentence in a reusable array; `touched` lists what to reset.
  const shared = index.scratch;
  const touched: number[] = [];
  for (const t of tokens) {
    const postings = index.tokens.get(t);
    if (!postings) continue;
    for (let k = 0; k < postings.length; k++) {
      const id = postings[k]!;
      if (shared[id] === 0) touched.push(id);
      shared[id]!++;
    }
  }
  let ranked: Array<{ id: number; score: number; dice: number }> = [];
  for (const id of touched) {
    const n = shared[id]!;
    shared[id] = 0;
    const size = index.sentenceRefs[id]!.size;
    ranked.push({ id, score: n / tokens.size, dice: (2 * n) / (tokens.size + size) });
  }
  // Coverage of the output sentence first; among equals, the tighter source sentence.
  ranked = ranked.sort((a, b) => b.score - a.score || b.dice - a.dice || a.id - b.id);
  const best = ranked[0];
  if (!best || best.score < MIN_OVERLAP) return { support: [], overlap: best?.score ?? 0 };
  const support: Support[] = [];
  for (const r of ranked) {
    if (support.length >= MAX_SUPPORT || r.score < best.score * 0.8) break;
    const ref = index.sentenceRefs[r.id]!;
    const src = index.sources[ref.sourceIndex]!;
    const span = src.sentences[ref.sentence]!;
    support.push({ sourceId: src.source.id, start: span.start, end: span.end, excerpt: span.text });
  }
  return { support, overlap: best.score };
}
