// The article-extraction benchmark of scrapinghub/Zyte (181 English news and blog pages, each with
// a human-annotated article body), read by Tidings' extractor and by Readability.js side by side in
// one run, and scored the way the benchmark's evaluate.py scores: per page, the true and predicted
// texts become word 4-grams ("shingles", words as Python's `\w+` finds them, case kept), the page's
// true positives, false positives and false negatives are counted and normalised to sum to 1 (so a
// long page weighs no more than a short one); precision is the mean over pages that predicted
// something, recall the mean over pages with a true text, F1 = 2PR/(P+R) of those two means, and
// accuracy the share of pages whose predicted token list equals the true one exactly. Spreads are
// the standard deviation over 1,000 bootstrap resamples of the pages (seeded, so runs agree).
//
// The pages are not part of this repository. Export them from a checkout of the benchmark
// (github:scrapinghub/article-extraction-benchmark): ground-truth.json and html/<id>.html.gz.
//   node --import tsx bench/article-extraction.ts [--dir DIR] [--ours-only] [--show N] [--half tune|held|all]
//     [--prediction FILE ...]
// DIR defaults to $AEB_DIR, else /work/aeb. The pages are split by the first hex digit of their id:
// 0-7 is the tuning half (look at its failures when changing the extractor), 8-f is held out.
// --show N lists Tidings' N worst pages of --half (default: the tuning half).
// --prediction FILE scores a prediction file in the benchmark's format ({id: {articleBody}}, or
// {version, output}) beside the two live readers, e.g. the benchmark's own output/readability_js.json,
// to check this scorer against the figures the benchmark publishes.

import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { extractHtml } from '../src/extract/extract.js';
import { rng } from './seeded-random.js';
import { readabilityJs } from './readability-js.js';

interface Page {
  readonly id: string;
  readonly url: string;
  readonly html: string;
  readonly truth: string;
}

type Half = 'tune' | 'held';
type Reader = (page: Page) => string;

/** The tuning half is ids starting 0-7, the held-out half 8-f. */
export function halfOf(id: string): Half {
  return /^[0-7]/i.test(id) ? 'tune' : 'held';
}

function argValue(args: readonly string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

function argValues(args: readonly string[], flag: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length - 1; i++) if (args[i] === flag) out.push(args[i + 1]!);
  return out;
}

interface TruthFile {
  readonly [id: string]: { readonly articleBody?: string; readonly url?: string };
}

function loadPages(dir: string): Page[] {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as TruthFile;
  return Object.keys(truth)
    .sort()
    .map((id) => ({
      id,
      url: truth[id]!.url ?? 'https://example.invalid/',
      truth: truth[id]!.articleBody ?? '',
      html: gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8'),
    }));
}

// ---- the benchmark's metric ------------------------------------------------------------------

/**
 * Words as Python's `re.findall(r'\w+', text)` finds them on a str: runs of letters (Unicode L*),
 * numbers (N*) and underscores. Case is kept (the IGNORECASE flag there does not fold the tokens).
 */
export function benchmarkTokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** Counts of word n-grams; a text shorter than n is one shingle of all its words, an empty one none. */
function shingleCounts(tokens: readonly string[], n = 4): Map<string, number> {
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const s = tokens.slice(i, i + n);
    if (s.length === 0) continue;
    const key = s.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export type Counts = readonly [tp: number, fp: number, fn: number];

/** A page's shingle true positives, false positives and false negatives, normalised to sum to 1 (all 0 when both texts are empty). */
export function pageCounts(truth: string, predicted: string): Counts {
  const a = shingleCounts(benchmarkTokens(truth));
  const b = shingleCounts(benchmarkTokens(predicted));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, t] of a) {
    const p = b.get(k) ?? 0;
    tp += Math.min(t, p);
    fn += Math.max(0, t - p);
  }
  for (const [k, p] of b) fp += Math.max(0, p - (a.get(k) ?? 0));
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}

function precisionOf([tp, fp, fn]: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallOf([tp, fp, fn]: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Page F1 (for listing pages; the benchmark's F1 is of the mean precision and mean recall). */
export function pageF1(c: Counts): number {
  const p = precisionOf(c);
  const r = recallOf(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

export interface Summary {
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
}

/** Precision over pages that predicted something, recall over pages with a true text, F1 of the two. */
export function summarise(counts: readonly Counts[]): Summary {
  const precision = mean(counts.filter(([tp, fp]) => tp + fp > 0).map(precisionOf));
  const recall = mean(counts.filter(([tp, , fn]) => tp + fn > 0).map(recallOf));
  return { f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), precision, recall };
}

/** Whether the predicted text has exactly the true text's tokens. */
export function exactTokens(truth: string, predicted: string): boolean {
  const a = benchmarkTokens(truth);
  const b = benchmarkTokens(predicted);
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

interface Scored extends Summary {
  readonly accuracy: number;
  readonly std: Summary & { readonly accuracy: number };
}

function sd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / Math.max(1, xs.length - 1));
}

const BOOTSTRAP = 1000;

function score(counts: readonly Counts[], exact: readonly boolean[]): Scored {
  const whole = summarise(counts);
  const accuracy = mean(exact.map((e) => (e ? 1 : 0)));
  const random = rng(20191119);
  const samples: Array<Summary & { accuracy: number }> = [];
  const n = counts.length;
  for (let b = 0; b < BOOTSTRAP && n > 0; b++) {
    const picked: Counts[] = [];
    let hits = 0;
    for (let i = 0; i < n; i++) {
      const k = Math.floor(random() * n);
      picked.push(counts[k]!);
      if (exact[k]) hits++;
    }
    samples.push({ ...summarise(picked), accuracy: hits / n });
  }
  return {
    ...whole,
    accuracy,
    std: {
      f1: sd(samples.map((s) => s.f1)),
      precision: sd(samples.map((s) => s.precision)),
      recall: sd(samples.map((s) => s.recall)),
      accuracy: sd(samples.map((s) => s.accuracy)),
    },
  };
}

// ---- readers --------------------------------------------------------------------------------

const tidings: Reader = (page) => extractHtml(page.html, { url: page.url }).paragraphs.join('\n');

/**
 * Readability.js 0.6 over jsdom as the benchmark's own harness runs it (extractors/readability_js/
 * cli.js: one fixed page address, default options, `textContent`).
 */
async function readabilityReader(): Promise<Reader> {
  const parse = await readabilityJs();
  return (page) => parse(page.html, 'https://fake-url.com', page.id).text;
}

interface Run {
  readonly name: string;
  readonly texts: ReadonlyMap<string, string>;
  readonly seconds: number | null;
}

function runReader(name: string, read: Reader, pages: readonly Page[]): Run {
  const texts = new Map<string, string>();
  const started = process.hrtime.bigint();
  for (const page of pages) {
    try {
      texts.set(page.id, read(page));
    } catch (error) {
      console.error(`${name} failed on ${page.id}: ${(error as Error).message.split('\n')[0]}`);
      texts.set(page.id, '');
    }
  }
  return { name, texts, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** A prediction file in the benchmark's format, read as a run; pages it lacks count as empty. */
function predictionRun(path: string, pages: readonly Page[]): Run {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown; output?: TruthFile } & TruthFile;
  const output = (data.output !== undefined && data.version !== undefined ? data.output : data) as TruthFile;
  const missing = pages.filter((p) => output[p.id] === undefined).length;
  if (missing > 0) console.error(`${path}: ${missing} pages have no prediction; scored as empty`);
  const texts = new Map(pages.map((p) => [p.id, output[p.id]?.articleBody ?? ''] as const));
  return { name: `file:${basename(path, '.json')}`, texts, seconds: null };
}

const fmt = (x: number, s: number): string => `${x.toFixed(3)} ± ${s.toFixed(3)}`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = resolve(argValue(args, '--dir') ?? process.env.AEB_DIR ?? '/work/aeb');
  if (!existsSync(join(dir, 'ground-truth.json')) || !existsSync(join(dir, 'html'))) {
    console.log(
      `skipped: the article-extraction benchmark is not at ${dir} (export ground-truth.json and html/ from github:scrapinghub/article-extraction-benchmark and pass --dir or AEB_DIR)`,
    );
    return;
  }
  const pages = loadPages(dir);
  const runs: Run[] = [runReader('tidings', tidings, pages)];
  if (!args.includes('--ours-only')) runs.push(runReader('readability-js', await readabilityReader(), pages));
  for (const path of argValues(args, '--prediction')) runs.push(predictionRun(resolve(path), pages));

  const halves: Array<[string, (p: Page) => boolean]> = [
    ['all', () => true],
    ['tune 0-7', (p) => halfOf(p.id) === 'tune'],
    ['held 8-f', (p) => halfOf(p.id) === 'held'],
  ];
  console.log(
    `${pages.length} pages from ${dir} (tuning half ${pages.filter((p) => halfOf(p.id) === 'tune').length}, held out ${pages.filter((p) => halfOf(p.id) === 'held').length})`,
  );
  console.log(
    `${'extractor'.padEnd(22)}${'pages'.padEnd(10)}${'F1'.padEnd(16)}${'precision'.padEnd(16)}${'recall'.padEnd(16)}${'accuracy'.padEnd(16)}pages/s`,
  );
  const pageCountsOf = new Map<string, Map<string, Counts>>();
  for (const run of runs) {
    const byPage = new Map(pages.map((p) => [p.id, pageCounts(p.truth, run.texts.get(p.id) ?? '')] as const));
    pageCountsOf.set(run.name, byPage);
    for (const [label, keep] of halves) {
      const chosen = pages.filter(keep);
      const s = score(
        chosen.map((p) => byPage.get(p.id)!),
        chosen.map((p) => exactTokens(p.truth, run.texts.get(p.id) ?? '')),
      );
      const speed = label === 'all' && run.seconds !== null ? (pages.length / run.seconds).toFixed(1) : '';
      console.log(
        `${run.name.padEnd(22)}${label.padEnd(10)}${fmt(s.f1, s.std.f1).padEnd(16)}${fmt(s.precision, s.std.precision).padEnd(16)}${fmt(s.recall, s.std.recall).padEnd(16)}${fmt(s.accuracy, s.std.accuracy).padEnd(16)}${speed}`,
      );
    }
  }

  const show = argValue(args, '--show');
  if (show === undefined) return;
  const n = Number.parseInt(show, 10);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--show needs a number of pages, got ${JSON.stringify(show)}`);
  const half = argValue(args, '--half') ?? 'tune';
  if (!['tune', 'held', 'all'].includes(half))
    throw new Error(`--half is tune, held or all, got ${JSON.stringify(half)}`);
  const ours = pageCountsOf.get('tidings')!;
  const theirs = pageCountsOf.get('readability-js');
  const listed = pages
    .filter((p) => half === 'all' || halfOf(p.id) === half)
    .map((p) => ({ page: p, c: ours.get(p.id)! }))
    .sort((a, b) => pageF1(a.c) - pageF1(b.c))
    .slice(0, n);
  console.log(
    `\nTidings' ${listed.length} worst pages (${half === 'all' ? 'both halves' : half === 'tune' ? 'tuning half' : 'held-out half'}):`,
  );
  for (const { page, c } of listed) {
    const host = /^https?:\/\/([^/]+)/.exec(page.url)?.[1] ?? page.url;
    const other = theirs?.get(page.id);
    console.log(
      `${page.id.slice(0, 8)}  F1 ${pageF1(c).toFixed(2)}  P ${precisionOf(c).toFixed(2)}  R ${recallOf(c).toFixed(2)}${other ? `  readability F1 ${pageF1(other).toFixed(2)}` : ''}  ${host}`,
    );
  }
}

// Run when invoked (the metric above is imported by its test).
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
