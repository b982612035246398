// Sentence alignment benchmark: src/align (length + anchors) side by side with a plain Gale-Church
// (lengths only) on ../shared/datasets/alignment-en-zh, scored by ../shared/eval/alignment-score.mjs
// (strict: a link counts only when both its sides equal a gold link's), then speed and its growth
// with text length.
//
//   node --import tsx bench/alignment.ts            # accuracy and speed
//   node --import tsx bench/alignment.ts --no-speed # accuracy only

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { align, type AlignOptions } from '../src/align/align.js';
import { bundledDictionary } from '../src/align/dictionary.js';
import { galeChurch } from '../src/align/gale-church.js';
import { textLength } from '../src/align/length-cost.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.resolve(root, '../shared/datasets/alignment-en-zh');
const SCORER = path.resolve(root, '../shared/eval/alignment-score.mjs');
const OUT = path.join(root, 'bench/out/alignment');

interface Doc {
  readonly genre: string;
  readonly id: string;
  readonly srcLang: 'en' | 'zh';
  readonly en: string[];
  readonly zh: string[];
  readonly goldPath: string;
}

interface Link {
  readonly en: readonly number[];
  readonly zh: readonly number[];
}

function loadDocs(): Doc[] {
  const docs: Doc[] = [];
  for (const genre of ['aca', 'pol']) {
    const dir = path.join(DATA, genre);
    const meta = readFileSync(path.join(dir, 'meta_data.tsv'), 'utf8').split('\n')[1]!.split('\t');
    const srcLang = meta[1] === 'zh' ? 'zh' : 'en';
    for (const file of readFileSync(path.join(dir, 'meta_data.tsv'), 'utf8').split('\n').slice(1).map((l) => l.split('\t')[0]).filter(Boolean)) {
      if (docs.some((d) => d.genre === genre && d.id === file)) continue;
      const lines = (side: string) => readFileSync(path.join(dir, side, file!), 'utf8').replace(/\n$/, '').split('\n');
      const src = lines('src');
      const tgt = lines('tgt');
      docs.push({
        genre,
        id: file!,
        srcLang,
        en: srcLang === 'en' ? src : tgt,
        zh: srcLang === 'en' ? tgt : src,
        goldPath: path.join(dir, 'gold', `${file}.align`),
      });
    }
  }
  return docs;
}

/** Links written as the gold files are: source side first. */
function writeLinks(doc: Doc, name: string, links: readonly Link[]): string {
  const file = path.join(OUT, `${doc.genre}-${doc.id}.${name}.align`);
  const text = links
    .map((l) => (doc.srcLang === 'en' ? [l.en, l.zh] : [l.zh, l.en]))
    .map(([s, t]) => `[${s!.join(', ')}]:[${t!.join(', ')}]`)
    .join('\n');
  writeFileSync(file, `${text}\n`);
  return file;
}

function score(pairs: ReadonlyArray<[string, string]>): { p: number; r: number; f: number } {
  const out = execFileSync(process.execPath, [SCORER, ...pairs.flat()], { encoding: 'utf8' });
  const pr = /precision ([\d.]+)\s+recall ([\d.]+)/.exec(out);
  const f = /F1 ([\d.]+)/.exec(out);
  if (!pr || !f) throw new Error(`alignment-score.mjs printed no score:\n${out}`);
  return { p: Number(pr[1]), r: Number(pr[2]), f: Number(f[1]) };
}

const OURS: AlignOptions = { paragraphs: false };

function runAccuracy(docs: readonly Doc[]): void {
  const files: Record<string, Array<[string, string, string]>> = { ours: [], 'gale-church': [] };
  for (const doc of docs) {
    const ours = align([doc.en], [doc.zh], OURS).links;
    const gc = galeChurch(doc.en.map(textLength), doc.zh.map(textLength));
    files.ours!.push([doc.genre, doc.goldPath, writeLinks(doc, 'ours', ours)]);
    files['gale-church']!.push([doc.genre, doc.goldPath, writeLinks(doc, 'gale-church', gc)]);
  }
  console.log('\nAccuracy (strict link F1, ../shared/eval/alignment-score.mjs; published on this kind of text:');
  console.log('Gale-Church 0.852, Hunalign 0.900, Bleualign 0.911, Vecalign 0.979)\n');
  console.log('| aligner      | set     |   P   |   R   |  F1   |');
  console.log('|--------------|---------|-------|-------|-------|');
  for (const [name, rows] of Object.entries(files)) {
    for (const set of ['aca', 'pol', 'overall']) {
      const chosen = rows.filter(([g]) => set === 'overall' || g === set).map(([, gold, test]) => [gold, test] as [string, string]);
      if (chosen.length === 0) continue;
      const s = score(chosen);
      console.log(`| ${name.padEnd(12)} | ${set.padEnd(7)} | ${s.p.toFixed(3)} | ${s.r.toFixed(3)} | ${s.f.toFixed(3)} |`);
    }
  }
}

/** CPU seconds of this process (user + system): steadier than wall time on a shared machine. */
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

function runSpeed(docs: readonly Doc[], dictionarySeconds: number): void {
  console.log(`\nSpeed (CPU seconds of this process; the dictionary, parsed once per process in ${dictionarySeconds.toFixed(2)} s, not counted)\n`);
  console.log('| copies | en sent. | zh sent. | ours s | ours pairs/s | link costs | GC s  | GC pairs/s |');
  console.log('|--------|----------|----------|--------|--------------|------------|-------|------------|');
  const en = docs.flatMap((d) => d.en);
  const zh = docs.flatMap((d) => d.zh);
  for (const k of [1, 2, 4, 8]) {
    const enK = Array.from({ length: k }, () => en).flat();
    const zhK = Array.from({ length: k }, () => zh).flat();
    const pairs = (enK.length + zhK.length) / 2;
    const a = cpu();
    const result = align([enK], [zhK], OURS);
    const ours = cpu() - a;
    const b = cpu();
    galeChurch(enK.map(textLength), zhK.map(textLength));
    const gc = cpu() - b;
    console.log(
      `| ${String(k).padStart(6)} | ${String(enK.length).padStart(8)} | ${String(zhK.length).padStart(8)} | ${ours.toFixed(2).padStart(6)} | ` +
        `${Math.round(pairs / ours).toString().padStart(12)} | ${String(result.evaluated).padStart(10)} | ${gc.toFixed(2).padStart(5)} | ${Math.round(pairs / gc).toString().padStart(10)} |`,
    );
  }
  console.log('\n"pairs" = (English + Chinese sentences) / 2; both aligners on the aca and pol texts joined, repeated k times.');
}

function main(): void {
  if (!existsSync(DATA) || !existsSync(SCORER)) {
    console.log(`alignment benchmark skipped: ${existsSync(DATA) ? SCORER : DATA} is absent`);
    return;
  }
  mkdirSync(OUT, { recursive: true });
  const docs = loadDocs();
  const t0 = cpu();
  bundledDictionary();
  const dictionarySeconds = cpu() - t0;
  console.log(`alignment-en-zh: ${docs.map((d) => `${d.genre}/${d.id} (${d.srcLang}→${d.srcLang === 'en' ? 'zh' : 'en'}, ${d.en.length} en / ${d.zh.length} zh sentences)`).join(', ')}`);
  runAccuracy(docs);
  if (!process.argv.includes('--no-speed')) runSpeed(docs, dictionarySeconds);
}

main();
