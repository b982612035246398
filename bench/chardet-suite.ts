// Charset detection on chardet's public labelled test files (the Python project chardet/chardet,
// its tests/ directory: one subdirectory per encoding[-language]), our decoder (src/fetch/decode.ts)
// side by side with the npm `chardet` package used the naive way (detect -> iconv-lite decode).
//
// A file counts as right when the decoded text equals the text decoded with its true label, so
// equivalent readings (ASCII read as UTF-8, GB2312 read as GB18030) count as right; where the true
// label has no character for a byte (U+FFFD in the truth) any character is accepted.
//
// Three readings by our decoder, no HTTP header in any:
//   undeclared  the file with its in-band declarations (<?xml encoding>, <meta charset>) made
//               unreadable: pure detection, the material chardet sees;
//   as-is       the file as published (most carry an XML declaration);
//   re-encoded  (second table) each single-byte file's text written, undeclared, in every sibling
//               charset of its script that can represent it (Russian into KOI8-R, IBM866, …);
//   short       (third table) snippets of each single-byte file: 30 and 8 non-ASCII bytes;
//   declared    the true text behind `<meta charset="LABEL">`, re-encoded in its charset: a correct
//               declaration must never be overridden (ASCII-compatible charsets iconv-lite encodes).
//
// Halves: each file is in half A or B by the first byte of SHA-256("<directory>/<file>") (even: A).
// A is the development half: `--list` prints its misses (and the re-encoded and short misses of its
// files) and only those may be looked at when changing detection; B is held out: scored, never listed.
//
// Independent texts (last table): translated messages from the system's gettext catalogs
// (/usr/share/locale/<lang>/LC_MESSAGES/*.mo, or --locale-dir), text the detector was never
// adjusted on: per language up to 12 UTF-8 catalogs (by file name), each one document of its first
// 4,000 characters of translations, written undeclared in each legacy charset of its script that
// can represent it whole (a document it cannot is skipped), and also cut after its 30th non-ASCII byte.
//
// Run: node --import tsx bench/chardet-suite.ts [--dir /work/chardet-tests/tests] [--list] [--locale-dir /usr/share/locale]
//      (or CHARDET_TESTS=/path/to/tests). Skips with a message when the directory is absent.
// The test files are third-party: read from outside the repository, never copied into it.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { decodeBytes } from '../src/fetch/decode.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir = flag('--dir') ?? process.env.CHARDET_TESTS ?? '/work/chardet-tests/tests';
const list = args.includes('--list');

if (!existsSync(dir) || !statSync(dir).isDirectory()) {
  console.log(
    `chardet-suite: skipped, no test directory at ${dir} (pass --dir or CHARDET_TESTS; export chardet's tests/ with git archive)`,
  );
  process.exit(0);
}

// Directory name (encoding[-language]) -> the label the truth is decoded with, and its family.
const FAMILIES: Array<[RegExp, string]> = [
  [/^(utf-|utf8)/i, 'Unicode'],
  [/^(koi8-r|windows-1251|iso-8859-5|ibm855|ibm866|maccyrillic)/i, 'Cyrillic'],
  [/^(iso-8859-7|windows-1253)/i, 'Greek'],
  [/^(windows-1255|iso-8859-8)/i, 'Hebrew'],
  [/^(tis-620|windows-874|iso-8859-11)/i, 'Thai'],
  [/^(iso-8859-6|windows-1256)/i, 'Arabic'],
  [/^(iso-8859-2|windows-1250)/i, 'Central European'],
  [/^(iso-8859-9|windows-1254)/i, 'Turkish'],
  [/^(iso-8859-1$|windows-1252|macroman|ascii)/i, 'Western'],
  [/^(gb2312|gbk|gb18030|big5|euc-tw)/i, 'Chinese'],
  [/^(shift_jis|cp932|euc-jp|iso-2022-jp)/i, 'Japanese'],
  [/^(euc-kr|cp949|johab|iso-2022-kr)/i, 'Korean'],
];

function labelOf(dirName: string): string {
  const lower = dirName.toLowerCase();
  if (lower === 'utf-8-sig') return 'utf-8';
  const m = /^(iso-8859-\d+|windows-\d+)(-[a-z]+)?$/.exec(lower);
  return m ? (m[1] as string) : lower;
}

function familyOf(label: string): string {
  for (const [re, family] of FAMILIES) if (re.test(label)) return family;
  return 'Other';
}

/** The text as its true label reads it: iconv-lite, else WHATWG TextDecoder, else Python's codecs. */
function truthOf(bytes: Buffer, label: string): string | null {
  if (iconv.encodingExists(label)) return iconv.decode(bytes, label);
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    // fall through
  }
  const py = spawnSync(
    'python3',
    ['-c', `import sys;sys.stdout.buffer.write(sys.stdin.buffer.read().decode(sys.argv[1]).encode('utf-8'))`, label],
    { input: bytes },
  );
  return py.status === 0 ? py.stdout.toString('utf8') : null;
}

/** In-band declarations made unreadable, bytes and length unchanged (ASCII-compatible files only). */
function undeclare(bytes: Buffer): Buffer {
  const text = bytes
    .toString('latin1')
    .replace(/(<\?xml\b[^>]*?\b)encoding(\s*=)/gi, '$1xncoding$2')
    .replace(/(<meta\b[^>]*?)charset/gi, '$1xharset');
  return Buffer.from(text, 'latin1');
}

/**
 * Equal to the truth, where a U+FFFD in the truth (a byte the true label leaves undefined, e.g. 0x95
 * in TIS-620, which windows-874, its WHATWG reading, makes "•") matches any one character.
 */
function same(text: string | null, truth: string): boolean {
  if (text === truth) return true;
  if (text === null || text.length !== truth.length || !truth.includes('\uFFFD')) return false;
  for (let i = 0; i < truth.length; i++) if (text[i] !== truth[i] && truth[i] !== '\uFFFD') return false;
  return true;
}

function ours(bytes: Buffer): { text: string | null; charset: string } {
  const r = decodeBytes(bytes);
  return r.ok
    ? { text: r.value.text, charset: `${r.value.charset} (${r.value.source})` }
    : { text: null, charset: `fail: ${r.code}` };
}

function naive(bytes: Buffer): { text: string | null; charset: string } {
  const name = chardet.detect(bytes);
  if (name === null) return { text: null, charset: 'none' };
  if (!iconv.encodingExists(name)) return { text: null, charset: `${name} (iconv-lite cannot decode)` };
  return { text: iconv.decode(bytes, name), charset: name };
}

const ASCII_COMPATIBLE = (label: string): boolean => !/^utf-(16|32)/i.test(label) && iconv.encodingExists(label);

interface Tally {
  files: number;
  undeclared: number;
  asIs: number;
  naive: number;
  declaredFiles: number;
  declared: number;
}
const blank = (): Tally => ({ files: 0, undeclared: 0, asIs: 0, naive: 0, declaredFiles: 0, declared: 0 });

type Half = 'A' | 'B';
/** A (development, listed) or B (held out): the first byte of SHA-256 of "directory/file", even or odd. */
function halfOf(sub: string, file: string): Half {
  return ((createHash('sha256').update(`${sub}/${file}`).digest()[0] as number) & 1) === 0 ? 'A' : 'B';
}
const byFamilyHalf = new Map<string, Tally>();
const byHalf = new Map<Half, Tally>([
  ['A', blank()],
  ['B', blank()],
]);
const heldOutMisses = { undeclared: 0, asIs: 0, declared: 0, reencoded: 0, short: 0 };
let current: Half = 'A';
const byFamily = new Map<string, Tally>();
const byDir = new Map<string, Tally>();
const total = blank();
const skipped: string[] = [];
const misses: string[] = [];

// Re-encoded: each single-byte file's text (declarations made unreadable) written in every sibling
// charset of its script that can represent it, undeclared: the same texts, more charsets.
const SIBLINGS: ReadonlyArray<readonly string[]> = [
  ['windows-1251', 'koi8-r', 'iso-8859-5', 'ibm866', 'ibm855', 'maccyrillic'],
  ['iso-8859-7', 'windows-1253'],
  ['windows-1255', 'iso-8859-8'],
  ['iso-8859-2', 'windows-1250'],
  ['iso-8859-9', 'windows-1254'],
  ['tis-620', 'windows-874'],
  ['iso-8859-1', 'windows-1252'],
  ['iso-8859-6', 'windows-1256'],
];
// Short: each single-byte file cut to a snippet, from 200 bytes before its first non-ASCII byte
// through its Nth: what a title, a teaser or a short page gives the detector.
const SHORT_CUTS = [30, 8];
const short = new Map<string, { files: number; ours: number[]; naive: number[] }>();
const shortHalf = new Map<Half, { files: number; ours: number[] }>([
  ['A', { files: 0, ours: SHORT_CUTS.map(() => 0) }],
  ['B', { files: 0, ours: SHORT_CUTS.map(() => 0) }],
]);
function snippets(sub: string, file: string, label: string, bytes: Buffer): void {
  if (SIBLINGS.find((g) => g.includes(label)) === undefined || !ASCII_COMPATIBLE(label)) return;
  const first = bytes.findIndex((b) => b >= 0x80);
  if (first < 0) return;
  const family = familyOf(label);
  const t = short.get(family) ?? { files: 0, ours: SHORT_CUTS.map(() => 0), naive: SHORT_CUTS.map(() => 0) };
  short.set(family, t);
  t.files++;
  const h = shortHalf.get(current)!;
  h.files++;
  SHORT_CUTS.forEach((n, k) => {
    let end = first;
    for (let seen = 0; end < bytes.length && seen < n; end++) if ((bytes[end] as number) >= 0x80) seen++;
    const cut = bytes.subarray(Math.max(0, first - 200), end);
    const truth = iconv.decode(cut, label);
    if (same(ours(cut).text, truth)) {
      (t.ours[k] as number)++;
      (h.ours[k] as number)++;
    } else if (k === 0) miss('short', `short(${n}) ${sub}/${file}: read as ${ours(cut).charset}`, reencodedMisses);
    if (same(naive(cut).text, truth)) (t.naive[k] as number)++;
  });
}
const reencoded = new Map<string, { files: number; ours: number; naive: number }>();
const reencodedHalf = new Map<Half, { files: number; ours: number }>([
  ['A', { files: 0, ours: 0 }],
  ['B', { files: 0, ours: 0 }],
]);
const reencodedMisses: string[] = [];
/** A miss is listed only for half A; half B's are counted. */
function miss(kind: keyof typeof heldOutMisses, line: string, into: string[]): void {
  if (current === 'A') into.push(line);
  else heldOutMisses[kind]++;
}
function reencode(sub: string, label: string, text: string): void {
  const group = SIBLINGS.find((g) => g.includes(label));
  if (group === undefined) return;
  for (const target of group) {
    const bytes = iconv.encode(text, target);
    if (iconv.decode(bytes, target) !== text) continue; // a character this charset cannot write
    const key = `${familyOf(target)} → ${target}`;
    const t = reencoded.get(key) ?? { files: 0, ours: 0, naive: 0 };
    reencoded.set(key, t);
    t.files++;
    const h = reencodedHalf.get(current)!;
    h.files++;
    const o = ours(bytes);
    if (same(o.text, text)) {
      t.ours++;
      h.ours++;
    } else miss('reencoded', `re-encoded ${sub} -> ${target}: read as ${o.charset}`, reencodedMisses);
    if (same(naive(bytes).text, text)) t.naive++;
  }
}

for (const sub of readdirSync(dir).sort()) {
  const subPath = join(dir, sub);
  if (!statSync(subPath).isDirectory()) continue;
  const label = labelOf(sub);
  const family = familyOf(label);
  for (const file of readdirSync(subPath).sort()) {
    const bytes = readFileSync(join(subPath, file));
    const truth = truthOf(bytes, label);
    if (truth === null) {
      skipped.push(`${sub}/${file} (no decoder for ${label})`);
      continue;
    }
    current = halfOf(sub, file);
    const familyHalf = `${family} ${current}`;
    const tallies = [
      total,
      byFamily.get(family) ?? blank(),
      byDir.get(sub) ?? blank(),
      byHalf.get(current)!,
      byFamilyHalf.get(familyHalf) ?? blank(),
    ];
    byFamily.set(family, tallies[1] as Tally);
    byDir.set(sub, tallies[2] as Tally);
    byFamilyHalf.set(familyHalf, tallies[4] as Tally);
    const plain = ASCII_COMPATIBLE(label) ? undeclare(bytes) : bytes;
    const plainTruth = plain === bytes ? truth : (truthOf(plain, label) as string);
    const u = ours(plain);
    const a = ours(bytes);
    const n = naive(bytes);
    let declaredRight: boolean | null = null;
    if (ASCII_COMPATIBLE(label) && label !== 'ascii') {
      const head = `<meta charset="${label}">\n`;
      const d = ours(iconv.encode(head + plainTruth, label));
      declaredRight = same(d.text, head + plainTruth);
      if (!declaredRight) miss('declared', `declared   ${sub}/${file}: read as ${d.charset}`, misses);
    }
    for (const t of tallies) {
      t.files++;
      if (same(u.text, plainTruth)) t.undeclared++;
      if (same(a.text, truth)) t.asIs++;
      if (same(n.text, truth)) t.naive++;
      if (declaredRight !== null) {
        t.declaredFiles++;
        if (declaredRight) t.declared++;
      }
    }
    reencode(sub, label, plainTruth);
    snippets(sub, file, label, plain);
    if (!same(u.text, plainTruth))
      miss('undeclared', `undeclared ${sub}/${file}: read as ${u.charset}; chardet says ${n.charset}`, misses);
    if (!same(a.text, truth)) miss('asIs', `as-is      ${sub}/${file}: read as ${a.charset}`, misses);
  }
}

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);
const row = (name: string, t: Tally): string =>
  `| ${name} | ${t.files} | ${pct(t.undeclared, t.files)} | ${pct(t.asIs, t.files)} | ${pct(t.declared, t.declaredFiles)} (${t.declaredFiles}) | ${pct(t.naive, t.files)} |`;

console.log(`chardet test files in ${dir}: ${total.files} scored, ${skipped.length} without a reference decoder`);
console.log('');
console.log(
  '| family | files | ours, undeclared | ours, as published | ours, correct <meta> (files) | npm chardet naive |',
);
console.log('|---|---|---|---|---|---|');
for (const [family, t] of [...byFamily].sort((x, y) => y[1].files - x[1].files)) console.log(row(family, t));
console.log(row('**all**', total));
console.log('');
console.log(
  `Re-encoded into sibling charsets (undeclared): each single-byte file's text written in every charset of its script that can represent it`,
);
console.log('');
console.log('| family → charset | files | ours | npm chardet naive |');
console.log('|---|---|---|---|');
const all = { files: 0, ours: 0, naive: 0 };
for (const [key, t] of [...reencoded].sort()) {
  console.log(`| ${key} | ${t.files} | ${pct(t.ours, t.files)} | ${pct(t.naive, t.files)} |`);
  all.files += t.files;
  all.ours += t.ours;
  all.naive += t.naive;
}
console.log(`| **all** | ${all.files} | ${pct(all.ours, all.files)} | ${pct(all.naive, all.files)} |`);
console.log('');
console.log(
  `Short snippets (undeclared): each single-byte file from 200 bytes before its first non-ASCII byte through its ${SHORT_CUTS.join('th / ')}th`,
);
console.log('');
console.log(`| family | files | ${SHORT_CUTS.map((n) => `ours, ${n} non-ASCII bytes | chardet, ${n}`).join(' | ')} |`);
console.log(`|---|---|${SHORT_CUTS.map(() => '---|---|').join('')}`);
const shortAll = { files: 0, ours: SHORT_CUTS.map(() => 0), naive: SHORT_CUTS.map(() => 0) };
for (const [family, t] of [...short].sort((x, y) => y[1].files - x[1].files)) {
  console.log(
    `| ${family} | ${t.files} | ${SHORT_CUTS.map((_, k) => `${pct(t.ours[k] as number, t.files)} | ${pct(t.naive[k] as number, t.files)}`).join(' | ')} |`,
  );
  shortAll.files += t.files;
  SHORT_CUTS.forEach((_, k) => {
    (shortAll.ours[k] as number) += t.ours[k] as number;
    (shortAll.naive[k] as number) += t.naive[k] as number;
  });
}
console.log(
  `| **all** | ${shortAll.files} | ${SHORT_CUTS.map((_, k) => `${pct(shortAll.ours[k] as number, shortAll.files)} | ${pct(shortAll.naive[k] as number, shortAll.files)}`).join(' | ')} |`,
);
console.log('');
console.log(
  'Halves by SHA-256 of "directory/file": A = development (misses listed with --list), B = held out (never listed)',
);
console.log('');
console.log('| family | files A | ours undeclared A | as published A | files B | ours undeclared B | as published B |');
console.log('|---|---|---|---|---|---|---|');
const halfRow = (name: string, a: Tally, b: Tally): string =>
  `| ${name} | ${a.files} | ${pct(a.undeclared, a.files)} | ${pct(a.asIs, a.files)} | ${b.files} | ${pct(b.undeclared, b.files)} | ${pct(b.asIs, b.files)} |`;
for (const [family] of [...byFamily].sort((x, y) => y[1].files - x[1].files)) {
  console.log(halfRow(family, byFamilyHalf.get(`${family} A`) ?? blank(), byFamilyHalf.get(`${family} B`) ?? blank()));
}
console.log(halfRow('**all**', byHalf.get('A')!, byHalf.get('B')!));
console.log('');
for (const h of ['A', 'B'] as const) {
  const t = byHalf.get(h)!;
  const r = reencodedHalf.get(h)!;
  const s = shortHalf.get(h)!;
  console.log(
    `half ${h}: correct <meta> ${pct(t.declared, t.declaredFiles)} (${t.declaredFiles}); re-encoded ${pct(r.ours, r.files)} (${r.files}); short ${SHORT_CUTS.map((n, k) => `${n}: ${pct(s.ours[k] as number, s.files)}`).join(', ')} (${s.files} files)`,
  );
}
console.log(
  `held-out misses (counted, not listed): undeclared ${heldOutMisses.undeclared}, as published ${heldOutMisses.asIs}, correct <meta> ${heldOutMisses.declared}, re-encoded ${heldOutMisses.reencoded}, short(${SHORT_CUTS[0]}) ${heldOutMisses.short}`,
);
if (list) {
  console.log('');
  console.log('Misses in half A only (half B is held out):');
  for (const m of reencodedMisses) console.log(m);
  console.log('');
  console.log(
    '| directory | files | ours, undeclared | ours, as published | ours, correct <meta> | npm chardet naive |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const [sub, t] of byDir) console.log(row(sub, t));
  console.log('');
  for (const m of misses) console.log(m);
}
if (skipped.length > 0) console.log(`\nnot scored: ${skipped.join(', ')}`);

// ---------------------------------------------------------------------------------------------
// Independent texts: gettext catalogs.

/** The translations in a GNU .mo catalog (plural forms split), or null when it is not a UTF-8 catalog. */
function moTranslations(bytes: Buffer): string[] | null {
  if (bytes.length < 28) return null;
  const magic = bytes.readUInt32LE(0);
  const le = magic === 0x950412de;
  if (!le && magic !== 0xde120495) return null;
  const u32 = (at: number): number => (le ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  const n = u32(8);
  const originals = u32(12);
  const translations = u32(16);
  const out: string[] = [];
  let utf8 = false;
  for (let i = 0; i < n; i++) {
    const origLength = u32(originals + 8 * i);
    const length = u32(translations + 8 * i);
    const offset = u32(translations + 8 * i + 4);
    if (offset + length > bytes.length) return null;
    const raw = bytes.subarray(offset, offset + length);
    if (origLength === 0) {
      utf8 = /charset=utf-8/i.test(raw.toString('latin1'));
      continue;
    }
    out.push(...raw.toString('utf8').split('\0'));
  }
  return utf8 ? out : null;
}

const LOCALE_LANGUAGES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['ru uk bg be sr mk', ['windows-1251', 'koi8-r', 'iso-8859-5', 'ibm866', 'ibm855', 'maccyrillic']],
  ['el', ['windows-1253', 'iso-8859-7']],
  ['he', ['windows-1255', 'iso-8859-8']],
  ['th', ['windows-874', 'tis-620']],
  ['ar', ['windows-1256', 'iso-8859-6']],
  ['cs sk pl hu sl hr ro', ['windows-1250', 'iso-8859-2']],
  ['tr', ['windows-1254', 'iso-8859-9']],
  ['fr de es pt it nl sv da fi ca', ['windows-1252', 'iso-8859-1']],
];
const CATALOGS_PER_LANGUAGE = 12;
const DOCUMENT_CHARS = 4000;
const LOCALE_SHORT = 30;

const localeDir = flag('--locale-dir') ?? '/usr/share/locale';
console.log('');
if (!existsSync(localeDir)) {
  console.log(`Independent texts: skipped, no gettext catalogs at ${localeDir} (pass --locale-dir)`);
} else {
  const rows = new Map<
    string,
    {
      docs: number;
      ours: number;
      naive: number;
      shortDocs: number;
      shortOurs: number;
      shortNaive: number;
      langs: Set<string>;
    }
  >();
  const catalogsRead = new Map<string, number>();
  for (const [langs, charsets] of LOCALE_LANGUAGES) {
    for (const lang of langs.split(' ')) {
      const dirPath = join(localeDir, lang, 'LC_MESSAGES');
      if (!existsSync(dirPath)) continue;
      let used = 0;
      for (const file of readdirSync(dirPath)
        .filter((f) => f.endsWith('.mo'))
        .sort()) {
        if (used >= CATALOGS_PER_LANGUAGE) break;
        const texts = moTranslations(readFileSync(join(dirPath, file)));
        if (texts === null) continue;
        const text = texts
          .filter((t) => t.trim() !== '')
          .join('\n')
          .slice(0, DOCUMENT_CHARS);
        if (!/[^\x00-\x7f]/.test(text)) continue;
        used++;
        for (const charset of charsets) {
          const bytes = iconv.encode(text, charset);
          if (iconv.decode(bytes, charset) !== text) continue; // a character this charset cannot write
          const key = `${familyOf(charset)} → ${charset}`;
          const r = rows.get(key) ?? {
            docs: 0,
            ours: 0,
            naive: 0,
            shortDocs: 0,
            shortOurs: 0,
            shortNaive: 0,
            langs: new Set<string>(),
          };
          rows.set(key, r);
          r.langs.add(lang);
          r.docs++;
          if (same(ours(bytes).text, text)) r.ours++;
          if (same(naive(bytes).text, text)) r.naive++;
          let end = 0;
          for (let seen = 0; end < bytes.length && seen < LOCALE_SHORT; end++)
            if ((bytes[end] as number) >= 0x80) seen++;
          const cut = bytes.subarray(0, end);
          const cutTruth = iconv.decode(cut, charset);
          r.shortDocs++;
          if (same(ours(cut).text, cutTruth)) r.shortOurs++;
          if (same(naive(cut).text, cutTruth)) r.shortNaive++;
        }
      }
      catalogsRead.set(lang, used);
    }
  }
  console.log(
    `Independent texts (undeclared): gettext catalogs in ${localeDir}, ${[...catalogsRead].map(([l, n]) => `${l} ${n}`).join(', ')} catalogs`,
  );
  console.log('');
  console.log(
    `| family → charset | languages | documents | ours | npm chardet naive | ours, first ${LOCALE_SHORT} non-ASCII bytes | chardet, ${LOCALE_SHORT} |`,
  );
  console.log('|---|---|---|---|---|---|---|');
  const all = { docs: 0, ours: 0, naive: 0, shortOurs: 0, shortNaive: 0 };
  for (const [key, r] of [...rows].sort()) {
    console.log(
      `| ${key} | ${[...r.langs].join(' ')} | ${r.docs} | ${pct(r.ours, r.docs)} | ${pct(r.naive, r.docs)} | ${pct(r.shortOurs, r.shortDocs)} | ${pct(r.shortNaive, r.shortDocs)} |`,
    );
    all.docs += r.docs;
    all.ours += r.ours;
    all.naive += r.naive;
    all.shortOurs += r.shortOurs;
    all.shortNaive += r.shortNaive;
  }
  console.log(
    `| **all** | | ${all.docs} | ${pct(all.ours, all.docs)} | ${pct(all.naive, all.docs)} | ${pct(all.shortOurs, all.docs)} | ${pct(all.shortNaive, all.docs)} |`,
  );
}
