// Extraction benchmark: our extractor and Readability.js over jsdom, side by side on the same pages.
// Inputs: ../shared/datasets/extraction-en (181 gzipped pages) and extraction-zh (69 pages, often GBK),
// scored by ../shared/eval/extraction-score.mjs (shingle F1; Chinese with --han-chars).
// Run: node --import tsx bench/extraction.ts [--ours-only] [--lang en|zh]
// Predictions go to bench/out/extraction-<extractor>-<lang>.json (gitignored).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decodeBytes } from '../src/fetch/decode.js';
import { extractHtml } from '../src/extract/extract.js';
import { readabilityJs } from './readability-js.js';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(here, '../../shared');
const datasets = join(shared, 'datasets');
const scorer = join(shared, 'eval', 'extraction-score.mjs');
const outDir = join(here, 'out');

interface Page {
  readonly id: string;
  readonly html: string;
  readonly url: string;
}
interface Truth {
  readonly [id: string]: { articleBody: string; url?: string };
}
interface Corpus {
  readonly lang: 'en' | 'zh';
  readonly truthPath: string;
  readonly pages: Page[];
}

/** Decodes a page's bytes the way ingest does (src/fetch/decode.ts: BOM, meta, XML declaration, the bytes). */
function decodePage(bytes: Buffer): string {
  const decoded = decodeBytes(bytes, { kind: 'html' });
  return decoded.ok ? decoded.value.text : bytes.toString('utf8');
}

function loadEnglish(): Corpus | null {
  const dir = join(datasets, 'extraction-en');
  if (!existsSync(join(dir, 'ground-truth.json'))) return null;
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Truth;
  const pages = Object.entries(truth).map(([id, t]) => ({
    id,
    url: t.url ?? 'https://example.invalid/',
    html: gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8'),
  }));
  return { lang: 'en', truthPath: join(dir, 'ground-truth.json'), pages };
}

function loadChinese(): Corpus | null {
  const dir = join(datasets, 'extraction-zh');
  if (!existsSync(join(dir, 'ground-truth.json'))) return null;
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Truth;
  const files = new Set(readdirSync(join(dir, 'original')));
  const pages = Object.keys(truth)
    .filter((id) => files.has(`${id}.html`))
    .map((id) => {
      const html = decodePage(readFileSync(join(dir, 'original', `${id}.html`)));
      const url = /<text id="([^"]+)"/.exec(html)?.[1] ?? 'https://example.invalid/';
      return { id, url, html };
    });
  return { lang: 'zh', truthPath: join(dir, 'ground-truth.json'), pages };
}

type Extractor = (page: Page) => string;

const ours: Extractor = (page) => extractHtml(page.html, { url: page.url }).paragraphs.join('\n\n');

async function readabilityExtractor(): Promise<Extractor> {
  const parse = await readabilityJs();
  return (page) => {
    let url = page.url;
    try {
      new URL(url);
    } catch {
      url = 'https://example.invalid/';
    }
    return parse(page.html, url, page.id).text;
  };
}

interface Row {
  readonly extractor: string;
  readonly lang: string;
  readonly f1: string;
  readonly precision: string;
  readonly recall: string;
  readonly pagesPerSecond: number;
  readonly worst: string;
}

function run(name: string, extract: Extractor, corpus: Corpus): Row {
  const output: Record<string, { articleBody: string }> = {};
  const started = process.hrtime.bigint();
  for (const page of corpus.pages) output[page.id] = { articleBody: extract(page) };
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  mkdirSync(outDir, { recursive: true });
  const predPath = join(outDir, `extraction-${name}-${corpus.lang}.json`);
  writeFileSync(predPath, JSON.stringify(output, null, 1));
  const args = [scorer, corpus.truthPath, predPath, ...(corpus.lang === 'zh' ? ['--han-chars'] : [])];
  const report = execFileSync(process.execPath, args, { encoding: 'utf8' });
  const field = (re: RegExp): string => re.exec(report)?.[1] ?? '?';
  return {
    extractor: name,
    lang: corpus.lang,
    f1: field(/F1 ([\d.]+)/),
    precision: field(/precision ([\d.]+)/),
    recall: field(/recall ([\d.]+)/),
    pagesPerSecond: corpus.pages.length / seconds,
    worst: field(/worst (.*)/).replace(/([0-9a-f]{8})[0-9a-f-]+:/g, '$1…:'),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const oursOnly = args.includes('--ours-only');
  const langArg = args[args.indexOf('--lang') + 1];
  const only = args.includes('--lang') ? langArg : undefined;
  if (!existsSync(scorer)) {
    console.log(`skipped: the scorer ${scorer} is absent (the shared datasets are not on this machine)`);
    return;
  }
  const corpora: Corpus[] = [];
  for (const [lang, load] of [
    ['en', loadEnglish],
    ['zh', loadChinese],
  ] as const) {
    if (only !== undefined && only !== lang) continue;
    const corpus = load();
    if (corpus === null) console.log(`skipped ${lang}: dataset absent under ${datasets}`);
    else corpora.push(corpus);
  }
  if (corpora.length === 0) return;
  const readability = oursOnly ? null : await readabilityExtractor();
  const rows: Row[] = [];
  for (const corpus of corpora) {
    rows.push(run('tidings', ours, corpus));
    if (readability !== null) rows.push(run('readability-js', readability, corpus));
  }
  console.log('extractor       lang  F1     P      R      pages/s  worst 5 pages');
  for (const r of rows) {
    console.log(
      `${r.extractor.padEnd(15)} ${r.lang.padEnd(5)} ${r.f1}  ${r.precision}  ${r.recall}  ${r.pagesPerSecond.toFixed(1).padStart(7)}  ${r.worst}`,
    );
  }
  for (const lang of ['en', 'zh']) {
    const a = rows.find((r) => r.extractor === 'tidings' && r.lang === lang);
    const b = rows.find((r) => r.extractor === 'readability-js' && r.lang === lang);
    if (a && b)
      console.log(
        `speed ratio ${lang}: tidings is ${(a.pagesPerSecond / b.pagesPerSecond).toFixed(1)}x Readability.js over jsdom`,
      );
  }
}

await main();
