// Plain Gale-Church (1993), lengths only, as the baseline the benchmark compares against: the
// published priors and shapes (1-1, 1-0, 0-1, 2-1, 1-2, 2-2), c from the document's character
// ratio, s² = 6.8, δ = (l₂ − l₁c) / sqrt(l₁s²), no anchors. Same banded DP as align().

import { bandAlign, lengthDiagonal, type Shape } from './band-dp.js';
import { normalCdf } from './length-cost.js';

const PRIORS: ReadonlyArray<[Shape, number]> = [
  [{ en: 1, zh: 1 }, 0.89],
  [{ en: 1, zh: 0 }, 0.0099 / 2],
  [{ en: 0, zh: 1 }, 0.0099 / 2],
  [{ en: 2, zh: 1 }, 0.089 / 2],
  [{ en: 1, zh: 2 }, 0.089 / 2],
  [{ en: 2, zh: 2 }, 0.011],
];

export interface PlainLink {
  readonly en: readonly number[];
  readonly zh: readonly number[];
}

/** Sentence links from the two sides' character lengths alone. */
export function galeChurch(enLengths: readonly number[], zhLengths: readonly number[], band = 30): PlainLink[] {
  const enTotal = enLengths.reduce((a, b) => a + b, 0);
  const zhTotal = zhLengths.reduce((a, b) => a + b, 0);
  const c = enTotal > 0 && zhTotal > 0 ? zhTotal / enTotal : 1;
  const s2 = 6.8;
  const shapes = PRIORS.map(([s]) => s);
  const prior = new Map(PRIORS.map(([s, p]) => [`${s.en}-${s.zh}`, -Math.log(p)]));
  const sum = (xs: readonly number[], a: number, b: number): number => {
    let t = 0;
    for (let k = a; k < b; k++) t += xs[k]!;
    return t;
  };
  const cost = (en0: number, en1: number, zh0: number, zh1: number): number => {
    const l1 = sum(enLengths, en0, en1);
    const l2 = sum(zhLengths, zh0, zh1);
    const mean = (l1 + l2 / c) / 2;
    // Gale and Church's δ, with the mean length in the variance so a 1-0 link is not infinite.
    const delta = mean === 0 ? 0 : (l2 - l1 * c) / Math.sqrt(Math.max(l1, mean) * s2 * c * c);
    const p = Math.max(2 * (1 - normalCdf(Math.abs(delta))), 1e-300);
    return prior.get(`${en1 - en0}-${zh1 - zh0}`)! - Math.log(p);
  };
  const { steps } = bandAlign(
    enLengths.length,
    zhLengths.length,
    shapes,
    cost,
    lengthDiagonal(enLengths, zhLengths),
    band,
  );
  return steps.map((s) => ({
    en: Array.from({ length: s.en1 - s.en0 }, (_, k) => s.en0 + k),
    zh: Array.from({ length: s.zh1 - s.zh0 }, (_, k) => s.zh0 + k),
  }));
}
