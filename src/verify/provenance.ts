// Sentence provenance: the source sentences an output sentence rests on, by token overlap
// (English words, Chinese characters), found through an inverted index so that the cost grows
// with the sentence, not with the number of sources.

import { normalizeForMatch } from '../text/normalize.js';
import type { Support } from './grounding.js';
import type { SourceIndex } from './source-index.js';

const STOP_EN = new Set(
  ('a an the and or but of to in on at by for with from as is are was were be been being it its this that these those ' +
    'he she they we you i his her their our your them him us not no so if than then there here what which who whom ' +
    'how why when where will would can could may might should must do does did has have had also just about into over ' +
    'more most very such only any all some s t').split(' '),
);
const STOP_ZH = new Set([...'的了是在和与对这那也就都而及着被将把为之其于以个一']);
const WORD = /[\p{Script=Latin}\p{Nd}]+(?:['.-][\p{Script=Latin}\p{Nd}]+)*|\p{Script=Han}/gu;

/** Distinct content tokens: lower-cased English words without stop words, Chinese characters. */
export function sentenceTokens(text: string): Set<string> {
  const out = new Set<string>();
  const normal = normalizeForMatch(text);
  for (const m of normal.matchAll(WORD)) {
    const t = m[0];
    if (t.length === 1 && !/\p{Script=Han}/u.test(t) && !/\d/.test(t)) continue;
    if (STOP_EN.has(t) || STOP_ZH.has(t)) continue;
    out.add(t);
  }
  return out;
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
  const counts = new Map<string, { sourceIndex: number; sentence: number; size: number; shared: number }>();
  for (const t of tokens) {
    for (const ref of index.tokens.get(t) ?? []) {
      const key = `${ref.sourceIndex}:${ref.sentence}`;
      const c = counts.get(key);
      if (c) c.shared++;
      else counts.set(key, { ...ref, shared: 1 });
    }
  }
  // Coverage of the output sentence first; among equals, the tighter source sentence.
  const ranked = [...counts.values()]
    .map((c) => ({ ...c, score: c.shared / tokens.size, dice: (2 * c.shared) / (tokens.size + c.size) }))
    .sort((a, b) => b.score - a.score || b.dice - a.dice || a.sourceIndex - b.sourceIndex || a.sentence - b.sentence);
  const best = ranked[0];
  if (!best || best.score < MIN_OVERLAP) return { support: [], overlap: best?.score ?? 0 };
  const support: Support[] = [];
  for (const r of ranked) {
    if (support.length >= MAX_SUPPORT || r.score < best.score * 0.8) break;
    const src = index.sources[r.sourceIndex]!;
    const span = src.sentences[r.sentence]!;
    support.push({ sourceId: src.source.id, start: span.start, end: span.end, excerpt: span.text });
  }
  return { support, overlap: best.score };
}
