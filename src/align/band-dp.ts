// Monotone alignment of two sequences by dynamic programming restricted to a band around an
// expected path, so the work is O(n · band) instead of O(n · m). The band follows a caller-given
// centre (the length diagonal: where the Chinese side should be when the English side has reached
// a point); when the best path runs along an edge of the band the band was too narrow or off
// course: the search is redone centred on that path, and from the second time also twice as wide
// (until it covers the whole matrix).

export interface Shape {
  /** Units taken from the first (English) side. */
  readonly en: number;
  /** Units taken from the second (Chinese) side. */
  readonly zh: number;
}

export interface PathStep {
  readonly en0: number;
  readonly en1: number;
  readonly zh0: number;
  readonly zh1: number;
  readonly cost: number;
}

export interface BandResult {
  readonly steps: readonly PathStep[];
  /** Half-width of the band that was finally used. */
  readonly width: number;
  /** How many link costs were evaluated (for the speed benchmark). */
  readonly evaluated: number;
}

/**
 * Cheapest monotone path from (0,0) to (n,m). `cost(en0, en1, zh0, zh1)` prices one link of the
 * half-open ranges; `center(i)` is the expected Chinese position after i English units
 * (center(0) = 0, center(n) = m, non-decreasing).
 */
export function bandAlign(
  n: number,
  m: number,
  shapes: readonly Shape[],
  cost: (en0: number, en1: number, zh0: number, zh1: number) => number,
  center: (i: number) => number,
  initialWidth: number,
): BandResult {
  let width = Math.max(2, Math.ceil(initialWidth));
  let evaluated = 0;
  let centre = center;
  let recentred = 0;
  for (;;) {
    const run = searchBand(n, m, shapes, cost, centre, width);
    evaluated += run.evaluated;
    const full = width >= Math.max(n, m);
    if (run.steps !== null && (full || !run.touchesEdge)) return { steps: run.steps, width, evaluated };
    // The best path ran along an edge: the true path lies beyond it. Centring the band on that
    // path moves it up to a whole width toward the truth for the price of one pass; if it still
    // touches, the band is also doubled, so the passes cost at most about twice the last one.
    if (run.steps !== null) {
      centre = pathCentre(run.steps, n);
      if (recentred > 0) width *= 2;
      recentred++;
    } else {
      width *= 2;
    }
  }
}

/** The Chinese position of a path after each English unit (the last one when several share it). */
function pathCentre(steps: readonly PathStep[], n: number): (i: number) => number {
  const at = new Float64Array(n + 1);
  for (const s of steps) {
    // Inside a link taking several English units, interpolate across its Chinese span.
    for (let i = s.en0 + 1; i <= s.en1; i++) at[i] = s.zh0 + ((s.zh1 - s.zh0) * (i - s.en0)) / (s.en1 - s.en0);
  }
  at[0] = 0;
  return (i) => at[i]!;
}

function searchBand(
  n: number,
  m: number,
  shapes: readonly Shape[],
  cost: (en0: number, en1: number, zh0: number, zh1: number) => number,
  center: (i: number) => number,
  width: number,
): { steps: PathStep[] | null; touchesEdge: boolean; evaluated: number } {
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const c = center(i);
    lo[i] = Math.max(0, Math.floor(c) - width);
    hi[i] = Math.min(m, Math.ceil(c) + width);
  }
  // Rows must overlap their neighbours for every shape to connect; a monotone centre ensures it,
  // this keeps a rounding slip from cutting the band.
  lo[0] = 0;
  hi[n] = m;
  for (let i = 1; i <= n; i++) lo[i] = Math.min(lo[i]!, hi[i - 1]!);
  for (let i = n - 1; i >= 0; i--) hi[i] = Math.max(hi[i]!, lo[i + 1]!);

  const dp: Float64Array[] = [];
  const back: Int8Array[] = [];
  let evaluated = 0;
  for (let i = 0; i <= n; i++) {
    const row = new Float64Array(hi[i]! - lo[i]! + 1).fill(Number.POSITIVE_INFINITY);
    const from = new Int8Array(row.length).fill(-1);
    for (let j = lo[i]!; j <= hi[i]!; j++) {
      if (i === 0 && j === 0) {
        row[0] = 0;
        continue;
      }
      let best = Number.POSITIVE_INFINITY;
      let bestShape = -1;
      for (let s = 0; s < shapes.length; s++) {
        const { en: a, zh: b } = shapes[s]!;
        const pi = i - a;
        const pj = j - b;
        if (pi < 0 || pj < 0 || pj < lo[pi]! || pj > hi[pi]!) continue;
        const prev = pi === i ? row[pj - lo[i]!]! : dp[pi]![pj - lo[pi]!]!;
        if (prev === Number.POSITIVE_INFINITY) continue;
        evaluated++;
        const total = prev + cost(pi, i, pj, j);
        if (total < best) {
          best = total;
          bestShape = s;
        }
      }
      row[j - lo[i]!] = best;
      from[j - lo[i]!] = bestShape;
    }
    dp.push(row);
    back.push(from);
  }
  if (dp[n]![m - lo[n]!] === Number.POSITIVE_INFINITY) return { steps: null, touchesEdge: true, evaluated };

  const steps: PathStep[] = [];
  let touchesEdge = false;
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if ((j === lo[i] && lo[i]! > 0) || (j === hi[i] && hi[i]! < m)) touchesEdge = true;
    const s = shapes[back[i]![j - lo[i]!]!]!;
    const pi = i - s.en;
    const pj = j - s.zh;
    const here = pi === i ? dp[i]![j - lo[i]!]! - dp[i]![pj - lo[i]!]! : dp[i]![j - lo[i]!]! - dp[pi]![pj - lo[pi]!]!;
    steps.push({ en0: pi, en1: i, zh0: pj, zh1: j, cost: here });
    i = pi;
    j = pj;
  }
  steps.reverse();
  return { steps, touchesEdge, evaluated };
}

/**
 * The length diagonal: after i English units, the Chinese position whose share of the Chinese
 * length equals the English share (interpolated). Follows 1-2 and 2-1 stretches better than i·m/n.
 */
export function lengthDiagonal(enLengths: readonly number[], zhLengths: readonly number[]): (i: number) => number {
  const n = enLengths.length;
  const m = zhLengths.length;
  // +1 per unit so empty units (headings, rules) still take room.
  const enCum = cumulative(enLengths.map((l) => l + 1));
  const zhCum = cumulative(zhLengths.map((l) => l + 1));
  const enTotal = enCum[n]!;
  const zhTotal = zhCum[m]!;
  const centers = new Float64Array(n + 1);
  let j = 0;
  for (let i = 0; i <= n; i++) {
    const target = enTotal === 0 ? 0 : (enCum[i]! / enTotal) * zhTotal;
    while (j < m && zhCum[j + 1]! <= target) j++;
    const span = j < m ? zhCum[j + 1]! - zhCum[j]! : 1;
    centers[i] = j < m ? j + (target - zhCum[j]!) / span : m;
  }
  centers[0] = 0;
  centers[n] = m;
  return (i) => centers[i]!;
}

function cumulative(values: readonly number[]): number[] {
  const out = [0];
  for (const v of values) out.push(out[out.length - 1]! + v);
  return out;
}
