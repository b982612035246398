// The aligner (align.ts) as recognition evidence: how well the two texts' sentences link, one
// number. A translation's sentences link with high confidence; an independent report's sentences
// are forced into links all the same (the DP links everything) but with low scores, and more of
// them are left over as 1-0 and 0-1.

import { align } from './align.js';
import { chineseFeatures, englishFeatures, lexicalMatch } from './anchors.js';
import { bundledDictionary } from './dictionary.js';
import type { AlignmentSummary } from './recognize.js';

/** Relative distance from the diagonal within which a sentence's best dictionary match counts as "in place". */
const IN_PLACE = 0.12;
const MIN_DICE = 0.12;
/** Dictionary Dice from which a sentence has a counterpart on the other side. */
const COUNTERPART_DICE = 0.2;
/** Link confidence from which a sentence counts as rendered in the other language. */
const COVERED = 0.5;

/**
 * Order by dictionary alone, outside the aligner's monotone path: for each English sentence, the
 * Chinese sentence sharing most dictionary words; the share of those that sit where a translation
 * would put them (near the diagonal). A translation scores near 1; the same sentences shuffled,
 * or another text on the topic, score low — the aligner, forced to be monotone, cannot tell.
 */
export function diagonalAgreement(
  en: readonly string[],
  zh: readonly string[],
): { order: number | null; enMatched: number; zhMatched: number } {
  const dict = bundledDictionary();
  const e = en.map((s) => englishFeatures(s, dict));
  const z = zh.map((s) => chineseFeatures(s, dict));
  const dice = e.map((fe) =>
    z.map((fz) => {
      const m = lexicalMatch(fe, fz);
      const total = fe.stems.length + fz.words.length;
      return total === 0 ? 0 : (m.enMatched + m.zhMatched) / total;
    }),
  );
  let counted = 0;
  let inPlace = 0;
  e.forEach((_, i) => {
    let best = -1;
    let bestDice = 0;
    z.forEach((__, j) => {
      if (dice[i]![j]! > bestDice) {
        bestDice = dice[i]![j]!;
        best = j;
      }
    });
    if (best < 0 || bestDice < MIN_DICE) return;
    counted++;
    if (Math.abs((i + 0.5) / e.length - (best + 0.5) / z.length) <= IN_PLACE) inPlace++;
  });
  // A sentence with a counterpart: some sentence of the other side shares enough dictionary words.
  const matched = (rows: number, cols: number, at: (r: number, c: number) => number): number => {
    if (rows === 0) return 0;
    let n = 0;
    for (let r = 0; r < rows; r++) {
      let best = 0;
      for (let c = 0; c < cols; c++) best = Math.max(best, at(r, c));
      if (best >= COUNTERPART_DICE) n++;
    }
    return n / rows;
  };
  return {
    order: counted < 3 ? null : inPlace / counted,
    enMatched: matched(e.length, z.length, (i, j) => dice[i]![j]!),
    zhMatched: matched(z.length, e.length, (j, i) => dice[i]![j]!),
  };
}

/** Mean link confidence, each link weighted by the sentences it covers (a dropped sentence counts its low score). */
export function alignmentSummary(en: readonly string[], zh: readonly string[]): AlignmentSummary {
  const alignment = align(en.join('\n\n'), zh.join('\n\n'));
  let weighted = 0;
  let weight = 0;
  let unlinked = 0;
  let confident = 0;
  let enCovered = 0;
  let zhCovered = 0;
  for (const l of alignment.links) {
    const size = l.en.length + l.zh.length;
    weighted += l.score * size;
    weight += size;
    if (l.en.length === 0 || l.zh.length === 0) unlinked += size;
    else if (l.score >= COVERED) {
      confident += size;
      enCovered += l.en.length;
      zhCovered += l.zh.length;
    }
  }
  return {
    ...diagonalAgreement(alignment.en.sentences, alignment.zh.sentences),
    score: weight === 0 ? 0 : weighted / weight,
    confident: weight === 0 ? 0 : confident / weight,
    enCovered: alignment.en.sentences.length === 0 ? 0 : enCovered / alignment.en.sentences.length,
    zhCovered: alignment.zh.sentences.length === 0 ? 0 : zhCovered / alignment.zh.sentences.length,
    links: alignment.links.length,
    unlinked,
  };
}
