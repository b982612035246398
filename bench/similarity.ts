// Similarity of news-article pairs against human ratings: our articleSimilarity (src/stories/)
// beside a plain TF-IDF cosine (English words, Chinese character bigrams) in the same run.
// Input: ../shared/datasets/similarity/pairs-en-zh.csv (SemEval-2022 Task 8 pairs, texts cut to
// about 1,000 characters, `Overall` 1 = same event … 4 = unrelated). Reported: Pearson r of each
// score with (5 − Overall), so higher is better, for en-en, zh-zh and zh-en separately, on the
// whole set and on its two halves: "fit" (pairs whose id hashes even: EVIDENCE_WEIGHT in
// src/stories/similarity.ts was grid-searched on these, and the bridge's choices in
// src/stories/bridge.ts were made on them) and "held out" (never used for fitting or choosing).
// Our scores come from scorePairs, the code behind `tidings similar --pairs`.
// A third column, √tf-idf, is the baseline through the same square root our vocabulary strength
// uses: it shows how much of our gain is that calibration alone.
//   node --import tsx bench/similarity.ts

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv, scorePairs } from '../src/stories/score-pairs.js';

const here = dirname(fileURLToPath(import.meta.url));
const file = join(resolve(here, '../../shared'), 'datasets', 'similarity', 'pairs-en-zh.csv');

interface Pair {
  id: string;
  lang1: 'en' | 'zh';
  lang2: 'en' | 'zh';
  text1: string;
  text2: string;
  overall: number;
}

function readPairs(): Pair[] {
  const parsed = parseCsv(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.message}`);
  const [header, ...rows] = parsed.value.map((r) => r.fields);
  const col = (name: string): number => {
    const i = header!.indexOf(name);
    if (i < 0) throw new Error(`${file}: no column ${name}`);
    return i;
  };
  const [id, l1, l2, t1, t2, ov] = ['pair_id', 'lang1', 'lang2', 'text1', 'text2', 'Overall'].map(col) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const lang = (l: string): 'en' | 'zh' => (l === 'zh' ? 'zh' : 'en');
  return rows.map((r) => ({
    id: r[id]!,
    lang1: lang(r[l1]!),
    lang2: lang(r[l2]!),
    text1: r[t1]!.trim(),
    text2: r[t2]!.trim(),
    overall: Number(r[ov]),
  }));
}

/** The baseline's tokens: lower-cased Latin words and numbers, and Han character bigrams. */
function baselineTokens(text: string): string[] {
  const out = [...text.toLowerCase().matchAll(/[a-z0-9]+/g)].map((m) => m[0]);
  for (const m of text.matchAll(/\p{Script=Han}+/gu))
    for (let i = 0; i + 1 < m[0].length; i++) out.push(m[0].slice(i, i + 2));
  return out;
}

function tfidfVectors(texts: readonly string[]): Array<Map<string, number>> {
  const tfs = texts.map((t) => {
    const m = new Map<string, number>();
    for (const w of baselineTokens(t)) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  });
  const df = new Map<string, number>();
  for (const tf of tfs) for (const w of tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = texts.length;
  return tfs.map((tf) => new Map([...tf].map(([w, c]) => [w, c * Math.log((n + 1) / ((df.get(w) ?? 0) + 1)) + c])));
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [w, x] of a) {
    na += x * x;
    const y = b.get(w);
    if (y !== undefined) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/** FNV-1a of the pair id: even → fitting half, odd → held-out half. Fixed, so the split never moves. */
export function inFittingHalf(pairId: string): boolean {
  let h = 2166136261;
  for (const c of pairId) {
    h ^= c.charCodeAt(0);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % 2 === 0;
}

function main(): void {
  if (!existsSync(file)) {
    console.log(`skipped: ${file} is absent (the shared datasets are not on this machine)`);
    return;
  }
  const started = performance.now();
  const pairs = readPairs();
  // Scored as `tidings similar --pairs` scores a file: rarity from all the file's texts.
  const ours = scorePairs(pairs).map((s) => s.score);
  const vectors = tfidfVectors(pairs.flatMap((p) => [p.text1, p.text2]));
  const base = pairs.map((_, i) => cosine(vectors[2 * i]!, vectors[2 * i + 1]!));
  const target = pairs.map((p) => 5 - p.overall);
  const ms = performance.now() - started;

  console.log(`similarity: ${pairs.length} pairs from ${file}`);
  console.log(
    'Pearson r with human rating (5 − Overall; higher is better). Published best: 0.818 overall (multilingual transformers).',
  );
  const rooted = base.map(Math.sqrt);
  const groups: Array<[string, (p: Pair) => boolean]> = [
    ['en-en', (p) => p.lang1 === 'en' && p.lang2 === 'en'],
    ['zh-zh', (p) => p.lang1 === 'zh' && p.lang2 === 'zh'],
    ['zh-en', (p) => p.lang1 !== p.lang2],
    ['all', () => true],
  ];
  const halves: Array<[string, (p: Pair) => boolean]> = [
    ['whole set', () => true],
    ['fit half (weights fitted here)', (p) => inFittingHalf(p.id)],
    ['held-out half (never fitted on)', (p) => !inFittingHalf(p.id)],
  ];
  for (const [half, inHalf] of halves) {
    console.log(`\n${half}`);
    console.log('group   pairs  tidings  tf-idf  √tf-idf');
    for (const [name, keep] of groups) {
      const idx = pairs.map((p, i) => (keep(p) && inHalf(p) ? i : -1)).filter((i) => i >= 0);
      const r = (xs: number[]) =>
        pearson(
          idx.map((i) => xs[i]!),
          idx.map((i) => target[i]!),
        ).toFixed(3);
      console.log(
        `${name.padEnd(7)} ${String(idx.length).padStart(5)}  ${r(ours).padStart(7)}  ${r(base).padStart(6)}  ${r(rooted).padStart(7)}`,
      );
    }
  }
  console.log(`(${(ms / 1000).toFixed(1)} s including understand() on ${pairs.length * 2} texts)`);
}

main();
