// Mozilla Readability's public test pages, read by Tidings' extractor and by Readability.js side by
// side in one run: title, byline, site name and published-time agreement with the independent
// reference labelled by hand (bench/reference/, neither tool's output), then with each page's
// expected-metadata.json (Readability.js's own output, where it has a value), and text F1 against
// expected.html's text.
//
// The pages are not part of this repository: export them from a checkout of mozilla/readability,
//   git --git-dir=<mirror>/repo archive HEAD test/test-pages | tar -x -C /work/readability-tests
// and pass the directory (the one holding one folder per page):
//   node --import tsx bench/readability-suite.ts [--dir DIR] [--ours-only] [--show title|byline|siteName|publishedTime|text]
//        [--show-reference title|byline|siteName|publishedTime]   (disagreements with the reference)
// DIR defaults to $READABILITY_TEST_PAGES, else ../../readability-tests/test/test-pages from here.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import { extractHtml } from '../src/extract/extract.js';
import {
  REFERENCE_FIELDS,
  agreesWithReference,
  loadReference,
  tallyAgainstReference,
  type ReferenceField,
} from './reference/score.js';
import { readabilityJs } from './readability-js.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The address Readability's own test harness gives every page. */
const PAGE_URL = 'http://fakehost/test/page.html';

interface Expected {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
}
interface Reading {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  text: string;
}
interface TestPage {
  readonly name: string;
  readonly source: string;
  readonly expected: Expected;
  readonly expectedText: string;
}
type Reader = (page: TestPage) => Reading;

const FIELDS = ['title', 'byline', 'siteName', 'publishedTime'] as const;
type Field = (typeof FIELDS)[number];

function argValue(args: readonly string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Text of an HTML fragment, block elements separated by newlines (the expected article). */
function htmlText(html: string): string {
  const doc = parseDocument(html, { decodeEntities: true });
  const parts: string[] = [];
  const stack: AnyNode[] = [...doc.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') parts.push((n as { data: string }).data);
    else if (n.type === 'tag') {
      parts.push('\n');
      const children = (n as Element).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return parts.join('');
}

function loadPages(dir: string): TestPage[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'source.html')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const at = (f: string): string => join(dir, name, f);
      const expected = existsSync(at('expected-metadata.json'))
        ? (JSON.parse(readFileSync(at('expected-metadata.json'), 'utf8')) as Expected)
        : {};
      const expectedText = existsSync(at('expected.html')) ? htmlText(readFileSync(at('expected.html'), 'utf8')) : '';
      return { name, source: readFileSync(at('source.html'), 'utf8'), expected, expectedText };
    });
}

// ---- agreement -------------------------------------------------------------------------------

/** Case, whitespace, typographic quotes and dashes, and a trailing full stop do not count. */
function normaliseText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;:]$/, '')
    .toLowerCase();
}

/** A byline also without a leading "By". */
function normaliseByline(s: string): string {
  return normaliseText(s).replace(/^by:?\s+/, '');
}

/**
 * A date as an instant in ms, or a calendar day when it has no time of day. A date-time without a
 * zone is read as UTC on both sides.
 */
function readInstant(s: string): { ms: number } | { day: string } | null {
  const t = s.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return { day: t };
  let iso = t.replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(iso)) iso += 'Z';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : { ms };
}

/** Same instant; when either side gives only a day, the same day as the expected value writes it. */
function sameTime(expected: string, got: string): boolean {
  const e = readInstant(expected);
  const g = readInstant(got);
  if (e === null || g === null) return normaliseText(expected) === normaliseText(got);
  if ('ms' in e && 'ms' in g) return e.ms === g.ms;
  const eDay = 'day' in e ? e.day : expected.trim().slice(0, 10);
  const gDay = 'day' in g ? g.day : got.trim().slice(0, 10);
  return eDay === gDay;
}

/** A title and the title without one leading or trailing part after a separator (a site name). */
function titleVariants(s: string): string[] {
  const t = normaliseText(s);
  const out = [t];
  const cuts = [...t.matchAll(/\s+[|\-·:»]\s+|\s*[_｜|]\s*/gu)];
  const first = cuts[0];
  const last = cuts[cuts.length - 1];
  if (last?.index !== undefined && last.index > 0) out.push(t.slice(0, last.index).trim());
  if (first?.index !== undefined && first.index + first[0].length < t.length)
    out.push(t.slice(first.index + first[0].length).trim());
  return out.filter((v) => v !== '');
}

/** Title agreement when a site name before or after the headline is not counted ("Headline | eHow" = "Headline"). */
function titleAgreesLoosely(expected: string, got: string | null): boolean {
  if (got === null) return false;
  const e = titleVariants(expected);
  return titleVariants(got).some((g) => e.includes(g));
}

function agrees(field: Field, expected: string, got: string | null): boolean {
  if (got === null || got.trim() === '') return false;
  if (field === 'publishedTime') return sameTime(expected, got);
  // Readability keeps a byline block's later lines (a date, "WebMD Health News"): its first line is the name.
  if (field === 'byline') {
    const firstLine = expected.split('\n').find((l) => l.trim() !== '') ?? expected;
    return normaliseByline(expected) === normaliseByline(got) || normaliseByline(firstLine) === normaliseByline(got);
  }
  return normaliseText(expected) === normaliseText(got);
}

// ---- text F1 ----------------------------------------------------------------------------------

const WORD = /[\p{L}\p{N}\p{M}_]+/gu;
const HAN = /\p{Script=Han}/u;

/** Lower-cased words; every Han character is a word of its own. */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    if (!HAN.test(w)) {
      out.push(w);
      continue;
    }
    let buf = '';
    for (const ch of w) {
      if (HAN.test(ch)) {
        if (buf !== '') out.push(buf);
        buf = '';
        out.push(ch);
      } else buf += ch;
    }
    if (buf !== '') out.push(buf);
  }
  return out;
}

/** Counts of word 4-grams (the whole text when shorter). */
function shingles(text: string, n = 4): Map<string, number> {
  const t = tokens(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, t.length - n + 1);
  for (let i = 0; i < last; i++) {
    const s = t.slice(i, i + n);
    if (s.length === 0) continue;
    const key = s.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Precision, recall and F1 of the extracted text's 4-grams against the expected text's. */
function textScore(expected: string, got: string): { p: number; r: number; f1: number } {
  const a = shingles(expected);
  const b = shingles(got);
  let tp = 0;
  let nA = 0;
  let nB = 0;
  for (const v of a.values()) nA += v;
  for (const v of b.values()) nB += v;
  for (const [k, v] of a) tp += Math.min(v, b.get(k) ?? 0);
  if (nA === 0 && nB === 0) return { p: 1, r: 1, f1: 1 };
  const p = nB === 0 ? 0 : tp / nB;
  const r = nA === 0 ? 0 : tp / nA;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

// ---- the two readers --------------------------------------------------------------------------

const ours: Reader = (page) => {
  const x = extractHtml(page.source, { url: PAGE_URL });
  return {
    title: x.title,
    byline: x.byline,
    siteName: x.siteName,
    publishedTime: x.published,
    text: x.paragraphs.join('\n'),
  };
};

async function readabilityReader(): Promise<Reader> {
  const parse = await readabilityJs({ classesToPreserve: ['caption'] });
  return (page) => parse(page.source, PAGE_URL, page.name);
}

interface Score {
  readonly name: string;
  readonly agreed: Record<Field, number>;
  /** Titles that agree once a site name before or after the headline is set aside. */
  readonly titleLoose: number;
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
  readonly seconds: number;
  readonly readings: Map<string, Reading>;
}

function score(name: string, read: Reader, pages: readonly TestPage[]): Score {
  const agreed: Record<Field, number> = { title: 0, byline: 0, siteName: 0, publishedTime: 0 };
  let titleLoose = 0;
  const readings = new Map<string, Reading>();
  let f1 = 0;
  let precision = 0;
  let recall = 0;
  const started = process.hrtime.bigint();
  for (const page of pages) {
    let got: Reading;
    try {
      got = read(page);
    } catch (error) {
      console.error(`${name} failed on ${page.name}: ${(error as Error).message.split('\n')[0]}`);
      got = { title: null, byline: null, siteName: null, publishedTime: null, text: '' };
    }
    readings.set(page.name, got);
    const wantTitle = page.expected.title;
    if (typeof wantTitle === 'string' && wantTitle.trim() !== '' && titleAgreesLoosely(wantTitle, got.title))
      titleLoose++;
    for (const f of FIELDS) {
      const want = page.expected[f];
      if (typeof want === 'string' && want.trim() !== '' && agrees(f, want, got[f])) agreed[f]++;
    }
    const t = textScore(page.expectedText, got.text);
    f1 += t.f1;
    precision += t.p;
    recall += t.r;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const n = pages.length;
  return { name, agreed, titleLoose, f1: f1 / n, precision: precision / n, recall: recall / n, seconds, readings };
}

/**
 * The table against the independent reference (bench/reference/): per field, agreement on the pages
 * whose label has a value, and how often the tool also gave nothing where the label is null.
 */
function printReference(scores: readonly Score[], pages: readonly TestPage[], show: ReferenceField | undefined): void {
  const reference = loadReference(join(here, 'reference'));
  const names = new Set(pages.map((p) => p.name));
  const labelled = [...reference.labels.keys()].filter((n) => names.has(n)).length;
  if (labelled === 0) {
    console.log('no independent reference labels in bench/reference/ for these pages');
    return;
  }
  console.log(
    `\nAgainst the independent reference (${reference.files.join(' + ')}): ${labelled} of ${pages.length} pages labelled`,
  );
  console.log('  cell = agreed/with a value (%), then empty/where the label is null');
  console.log(`extractor         ${REFERENCE_FIELDS.map((f) => f.padEnd(26)).join('')}`);
  // All labels, then each file's alone (the halves were labelled by different sessions).
  const parts: Array<[string, typeof reference]> = [['', reference]];
  if (reference.files.length > 1) {
    for (const file of reference.files) {
      const labels = new Map([...reference.labels].filter(([page]) => reference.fileOf.get(page) === file));
      parts.push([` ${file.replace(/^readability-metadata-|\.json$/g, '')}`, { ...reference, labels }]);
    }
  }
  for (const [suffix, part] of parts) {
    for (const s of scores) {
      const readings = new Map(
        [...s.readings].map(([page, r]) => [
          page,
          { title: r.title, byline: r.byline, siteName: r.siteName, publishedTime: r.publishedTime },
        ]),
      );
      const t = tallyAgainstReference(part, readings);
      const cells = REFERENCE_FIELDS.map((f) => {
        const x = t[f];
        return `${x.agreed}/${x.valued} ${((100 * x.agreed) / Math.max(1, x.valued)).toFixed(1)}%, ${x.keptEmpty}/${x.empty}`.padEnd(
          26,
        );
      }).join('');
      console.log(`${(s.name + suffix).padEnd(18)}${cells}`);
    }
  }
  if (show === undefined) return;
  const [mine, theirs] = scores;
  for (const [page, label] of reference.labels) {
    const got = mine!.readings.get(page);
    if (got === undefined) continue;
    const want = label[show];
    const value = got[show === 'publishedTime' ? 'publishedTime' : show];
    const ok = want === null ? value === null || value.trim() === '' : agreesWithReference(show, want, value);
    if (ok) continue;
    const other = theirs?.readings.get(page)?.[show];
    const otherOk =
      theirs === undefined
        ? ''
        : (
              want === null
                ? other === null || other === undefined || other.trim() === ''
                : agreesWithReference(show, want, other ?? null)
            )
          ? ' (agrees)'
          : '';
    console.log(
      `${page}\n  reference ${JSON.stringify(want)}\n  tidings   ${JSON.stringify(value)}${theirs ? `\n  readab.   ${JSON.stringify(other)}${otherOk}` : ''}`,
    );
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = resolve(
    argValue(args, '--dir') ??
      process.env.READABILITY_TEST_PAGES ??
      join(here, '../../readability-tests/test/test-pages'),
  );
  if (!existsSync(dir)) {
    console.log(
      `skipped: Readability's test pages are not at ${dir} (export test/test-pages from github:mozilla/readability and pass --dir or READABILITY_TEST_PAGES)`,
    );
    return;
  }
  const pages = loadPages(dir);
  if (pages.length === 0) {
    console.log(`skipped: no <page>/source.html under ${dir}`);
    return;
  }
  const scores = [score('tidings', ours, pages)];
  if (!args.includes('--ours-only')) scores.push(score('readability-js', await readabilityReader(), pages));

  console.log(`${pages.length} pages from ${dir}`);
  printReference(scores, pages, argValue(args, '--show-reference') as ReferenceField | undefined);

  const has = (f: Field): number =>
    pages.filter((p) => typeof p.expected[f] === 'string' && p.expected[f]!.trim() !== '').length;
  console.log(`\nAgainst expected-metadata.json (Readability.js's own output; it agrees by construction):`);
  const pct = (n: number, d: number): string => `${((100 * n) / Math.max(1, d)).toFixed(1)}% (${n})`.padEnd(20);
  console.log(
    `extractor       ${FIELDS.map((f) => `${f} (${has(f)})`.padEnd(20)).join('')}${'title~ (site part)'.padEnd(20)}text F1  P      R      s`,
  );
  for (const s of scores) {
    const cells = FIELDS.map((f) => pct(s.agreed[f], has(f))).join('');
    console.log(
      `${s.name.padEnd(16)}${cells}${pct(s.titleLoose, has('title'))}${s.f1.toFixed(3)}    ${s.precision.toFixed(3)}  ${s.recall.toFixed(3)}  ${s.seconds.toFixed(1)}`,
    );
  }

  // --show FIELD: where Tidings disagrees, expected vs ours (and Readability.js when it ran).
  const show = argValue(args, '--show');
  if (show === undefined) return;
  const [mine, theirs] = scores;
  for (const page of pages) {
    const got = mine!.readings.get(page.name)!;
    if (show === 'text') {
      const t = textScore(page.expectedText, got.text);
      const o = theirs?.readings.get(page.name);
      const ot = o !== undefined ? textScore(page.expectedText, o.text) : null;
      if (t.f1 < 0.9)
        console.log(
          `${page.name.padEnd(40)} F1 ${t.f1.toFixed(2)} P ${t.p.toFixed(2)} R ${t.r.toFixed(2)}${ot ? `   readability F1 ${ot.f1.toFixed(2)}` : ''}`,
        );
      continue;
    }
    const f = show as Field;
    const want = page.expected[f];
    if (typeof want !== 'string' || want.trim() === '' || agrees(f, want, got[f])) continue;
    const other = theirs?.readings.get(page.name)?.[f];
    console.log(
      `${page.name}\n  expected ${JSON.stringify(want)}\n  tidings  ${JSON.stringify(got[f])}${theirs ? `\n  readab.  ${JSON.stringify(other)}` : ''}`,
    );
  }
}

await main();
