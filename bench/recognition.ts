// Translation recognition benchmark: precision and recall of src/align/recognize.ts on pairs made
// from ../shared/datasets/alignment-en-zh (two long bitexts, academic en→zh and political zh→en,
// with gold sentence links), side by side: the full recognizer (anchors + structure + size +
// the sentence aligner), the same without the aligner, and the aligner's score alone.
//
// How the pairs are made. Each bitext is cut at gold-link boundaries into "articles" of about 12
// source sentences; paragraphs are runs of 4 gold links (the same breaks on both sides, as a
// translator keeps them).
//   positive          an article's English side with its own Chinese side (a true translation);
//   other-section     the English with the Chinese of ANOTHER article of the same book (same topic,
//                     same translator, same terms: not a translation);
//   replaced+shuffled the English with a Chinese text built from its own translation: every other
//                     sentence replaced by a sentence of another article, then the order shuffled
//                     (shares half the content, like a same-story report that reuses facts);
//   shuffled          the English with its own translation's sentences in shuffled order and
//                     re-cut paragraphs (all the content, none of the order).
// Everything is seeded: the same pairs on every run.
//
//   node --import tsx bench/recognition.ts [--size 12]

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recognizePair, DEFAULT_THRESHOLD, type Version } from '../src/align/recognize.js';
import { alignmentSummary } from '../src/align/recognize-align.js';
import { understand } from '../src/understand/understand.js';
import { rng } from './seeded-random.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.resolve(root, '../shared/datasets/alignment-en-zh');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SIZE = arg('size', 12);
const PER_PARAGRAPH = 4;

interface Chunk {
  readonly en: string[][];
  readonly zh: string[][];
}

function parseGold(line: string): { src: number[]; tgt: number[] } {
  const m = /^\[([\d,\s]*)\]:\[([\d,\s]*)\]$/.exec(line.trim());
  if (!m) throw new Error(`bad gold line: ${line}`);
  const nums = (s: string) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)
      .map(Number);
  return { src: nums(m[1]!), tgt: nums(m[2]!) };
}

function loadChunks(genre: string): Chunk[] {
  const dir = path.join(DATA, genre);
  const metaLines = readFileSync(path.join(dir, 'meta_data.tsv'), 'utf8').split('\n').slice(1).filter(Boolean);
  const srcLang = metaLines[0]!.split('\t')[1] === 'zh' ? 'zh' : 'en';
  const ids = [...new Set(metaLines.map((l) => l.split('\t')[0]!))];
  const chunks: Chunk[] = [];
  for (const id of ids) {
    const lines = (side: string) =>
      readFileSync(path.join(dir, side, id), 'utf8')
        .replace(/\n$/, '')
        .split('\n');
    const src = lines('src');
    const tgt = lines('tgt');
    const gold = readFileSync(path.join(dir, 'gold', `${id}.align`), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map(parseGold);
    let cur: { src: string[][]; tgt: string[][]; n: number; links: number } = { src: [[]], tgt: [[]], n: 0, links: 0 };
    for (const g of gold) {
      cur.src.at(-1)!.push(...g.src.map((i) => src[i]!));
      cur.tgt.at(-1)!.push(...g.tgt.map((i) => tgt[i]!));
      cur.n += g.src.length;
      cur.links++;
      if (cur.links % PER_PARAGRAPH === 0) {
        cur.src.push([]);
        cur.tgt.push([]);
      }
      if (cur.n >= SIZE) {
        const clean = (ps: string[][]) => ps.filter((p) => p.length > 0);
        const [en, zh] = srcLang === 'en' ? [clean(cur.src), clean(cur.tgt)] : [clean(cur.tgt), clean(cur.src)];
        if (en.length > 0 && zh.length > 0) chunks.push({ en, zh });
        cur = { src: [[]], tgt: [[]], n: 0, links: 0 };
      }
    }
  }
  return chunks;
}

function version(id: string, language: 'en' | 'zh', paragraphs: string[][]): Version {
  const joined = paragraphs.map((p) => p.join(language === 'en' ? ' ' : ''));
  const text = joined.join('\n\n');
  return {
    id,
    language,
    title: null,
    paragraphs: joined,
    text,
    published: '2026-01-01T00:00:00.000Z',
    ingestedAt: '2026-01-01T00:00:00.000Z',
    url: `https://${id}.example/`,
    outlet: null,
    siteName: null,
    understanding: understand(text),
  };
}

function shuffle<T>(xs: readonly T[], random: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function paragraphsOf(sentences: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < sentences.length; i += PER_PARAGRAPH) out.push(sentences.slice(i, i + PER_PARAGRAPH));
  return out;
}

type Kind = 'positive' | 'other-section' | 'replaced+shuffled' | 'shuffled';
interface Case {
  readonly kind: Kind;
  readonly en: Version;
  readonly zh: Version;
}

function makeCases(chunks: readonly Chunk[], tag: string, random: () => number): Case[] {
  const cases: Case[] = [];
  chunks.forEach((c, i) => {
    // Another article of the same book, a few sections away (same topic and translator).
    const other = chunks[(i + 3) % chunks.length]!;
    const en = version(`${tag}${i}en`, 'en', c.en);
    cases.push({ kind: 'positive', en, zh: version(`${tag}${i}zh`, 'zh', c.zh) });
    cases.push({ kind: 'other-section', en, zh: version(`${tag}${i}other`, 'zh', other.zh) });
    const own = c.zh.flat();
    const foreign = other.zh.flat();
    const mixed = own.map((s, k) => (k % 2 === 1 && foreign.length > 0 ? foreign[k % foreign.length]! : s));
    cases.push({
      kind: 'replaced+shuffled',
      en,
      zh: version(`${tag}${i}mixed`, 'zh', paragraphsOf(shuffle(mixed, random))),
    });
    cases.push({ kind: 'shuffled', en, zh: version(`${tag}${i}shuf`, 'zh', paragraphsOf(shuffle(own, random))) });
  });
  return cases;
}

interface Scored {
  readonly kind: Kind;
  readonly full: number;
  readonly noAligner: number;
  readonly alignerOnly: number;
}

function prf(scored: readonly Scored[], pick: (s: Scored) => number, threshold: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of scored) {
    const yes = pick(s) >= threshold;
    if (s.kind === 'positive') yes ? tp++ : fn++;
    else if (yes) fp++;
  }
  const p = tp + fp === 0 ? 1 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r), tp, fp, fn };
}

function main(): void {
  if (!existsSync(DATA)) {
    console.log(`bench/recognition: ${DATA} is absent; skipped (see /work/shared/datasets/README.md).`);
    return;
  }
  const random = rng(6);
  const cases = [...makeCases(loadChunks('aca'), 'aca', random), ...makeCases(loadChunks('pol'), 'pol', random)];
  console.log(
    `Translation recognition on ../shared/datasets/alignment-en-zh: ${cases.length} pairs, articles of ~${SIZE} source sentences`,
  );
  for (const kind of ['positive', 'other-section', 'replaced+shuffled', 'shuffled'] as const) {
    console.log(`  ${kind.padEnd(18)} ${cases.filter((c) => c.kind === kind).length}`);
  }
  const scored: Scored[] = [];
  // Warm the dictionary once so the timing below is per pair.
  alignmentSummary(['Warm up.'], ['预热。']);
  // The full recognizer is timed alone (it skips the aligner where anchors and structure already rule a pair out).
  const t0 = performance.now();
  const full = cases.map((c) => recognizePair(c.en, c.zh, { align: alignmentSummary }));
  const ms = performance.now() - t0;
  cases.forEach((c, i) => {
    const noAligner = recognizePair(c.en, c.zh);
    const summary = alignmentSummary(c.en.paragraphs, c.zh.paragraphs);
    const alignerOnly = summary.score;
    scored.push({ kind: c.kind, full: full[i]!.score, noAligner: noAligner.score, alignerOnly });
  });

  const aligner = bestThreshold(scored, (s) => s.alignerOnly);
  const rows: Array<[string, ReturnType<typeof prf>, number]> = [
    ['recognizer (anchors + structure + aligner)', prf(scored, (s) => s.full, DEFAULT_THRESHOLD), DEFAULT_THRESHOLD],
    ['recognizer without the aligner', prf(scored, (s) => s.noAligner, DEFAULT_THRESHOLD), DEFAULT_THRESHOLD],
    [`aligner score alone (best threshold, oracle)`, prf(scored, (s) => s.alignerOnly, aligner), aligner],
  ];
  console.log('\n| method | threshold | precision | recall | F1 | tp | fp | fn |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [name, m, t] of rows) {
    console.log(
      `| ${name} | ${t.toFixed(2)} | ${m.p.toFixed(3)} | ${m.r.toFixed(3)} | ${m.f1.toFixed(3)} | ${m.tp} | ${m.fp} | ${m.fn} |`,
    );
  }
  console.log('\nAccepted as translations, by kind (full recognizer / without aligner):');
  for (const kind of ['positive', 'other-section', 'replaced+shuffled', 'shuffled'] as const) {
    const of = scored.filter((s) => s.kind === kind);
    const acc = (pick: (s: Scored) => number) => of.filter((s) => pick(s) >= DEFAULT_THRESHOLD).length;
    const mean = of.reduce((x, s) => x + s.full, 0) / Math.max(1, of.length);
    console.log(
      `  ${kind.padEnd(18)} ${acc((s) => s.full)}/${of.length}  /  ${acc((s) => s.noAligner)}/${of.length}   mean score ${mean.toFixed(3)}`,
    );
  }
  const aligned = full.filter((r) => r.measures.alignment !== null).length;
  console.log(
    `\nSpeed (full recognizer): ${cases.length} pairs in ${(ms / 1000).toFixed(1)} s, ${((cases.length * 1000) / ms).toFixed(1)} pairs/s; the aligner ran on ${aligned} of them (understanding done before).`,
  );
}

function bestThreshold(scored: readonly Scored[], pick: (s: Scored) => number): number {
  let best = 0.5;
  let bestF = -1;
  for (let t = 0.05; t < 1; t += 0.01) {
    const f = prf(scored, pick, t).f1;
    if (f > bestF) {
      bestF = f;
      best = t;
    }
  }
  return Math.round(best * 100) / 100;
}

main();
