// Scoring labelled text pairs from a CSV, as `tidings similar --pairs FILE.csv` does and as
// bench/similarity.ts does: each text is read by understand(), document frequencies come from all
// the file's texts, and each pair gets featureSimilarity's score. Pure apart from the caller's I/O.

import type { Face } from '../article.js';
import { fail, ok, type Result } from '../errors.js';
import { detectLanguage } from '../text/language.js';
import { understand } from '../understand/understand.js';
import { frequencyOf } from './corpus-frequency.js';
import { featuresOf, type ArticleFeatures } from './features.js';
import { featureSimilarity } from './similarity.js';

export interface TextPair {
  readonly id: string;
  readonly text1: string;
  readonly text2: string;
  readonly lang1: Face;
  readonly lang2: Face;
}

export interface PairsFile {
  readonly pairs: readonly TextPair[];
  /** Rows left out, each naming its line and the problem. */
  readonly problems: readonly string[];
}

interface CsvRow {
  readonly line: number;
  readonly fields: string[];
}

/**
 * RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines; CRLF or LF; a leading
 * byte-order mark is dropped. Each row keeps the line it starts on. Blank lines are skipped.
 */
export function parseCsv(text: string): Result<CsvRow[]> {
  const rows: CsvRow[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 0;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\n') line++;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') {
        i++;
        line++;
      } else if (c === '\r') line++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push({ line: rowLine, fields: row });
      row = [];
      rowLine = line;
    } else field += c;
  }
  if (quoted) return fail('bad_input', `a quoted field opened on line ${quoteLine} is never closed`);
  if (field !== '' || row.length > 0) {
    row.push(field);
    if (row.length > 1 || row[0] !== '') rows.push({ line: rowLine, fields: row });
  }
  return ok(rows);
}

function languageOf(given: string | undefined, text: string): Face | string {
  const g = (given ?? '').trim().toLowerCase();
  if (g === '') {
    const guess = detectLanguage(text).language;
    return guess === 'zh' ? 'zh' : 'en';
  }
  if (/^zh(?:[-_].*)?$|^chinese$/.test(g)) return 'zh';
  if (/^en(?:[-_].*)?$|^english$/.test(g)) return 'en';
  return g;
}

/**
 * The pairs of a CSV whose header holds `pair_id` (or `id`), `text1` and `text2`, and optionally
 * `lang1` and `lang2` (en or zh; guessed from the text when absent or empty). A row with an empty
 * text, a missing field or another language is left out with a note; the others are kept.
 */
export function readPairs(text: string, name: string): Result<PairsFile> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return fail('bad_input', `${name}: ${parsed.message}`, name);
  const [header, ...rows] = parsed.value;
  if (!header)
    return fail('empty_input', `${name}: the file is empty (expected a header with pair_id, text1, text2)`, name);
  const names = header.fields.map((h) => h.trim().toLowerCase());
  const at = (n: string) => names.indexOf(n);
  const id = at('pair_id') >= 0 ? at('pair_id') : at('id');
  const missing = [
    id < 0 ? 'pair_id (or id)' : null,
    at('text1') < 0 ? 'text1' : null,
    at('text2') < 0 ? 'text2' : null,
  ].filter((x) => x !== null);
  if (missing.length > 0) {
    return fail(
      'bad_input',
      `${name}: the header has no ${missing.join(', ')} column (it has: ${header.fields.join(', ') || 'nothing'})`,
      name,
    );
  }
  const [t1, t2, l1, l2] = [at('text1'), at('text2'), at('lang1'), at('lang2')];
  const pairs: TextPair[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const f = row.fields;
    const where = `${name} line ${row.line}`;
    const pid = (f[id] ?? '').trim();
    if (pid === '') {
      problems.push(`${where}: no pair id`);
      continue;
    }
    if (seen.has(pid)) {
      problems.push(`${where}: pair id "${pid}" was already used; this row is left out`);
      continue;
    }
    const [a, b] = [(f[t1] ?? '').trim(), (f[t2] ?? '').trim()];
    if (a === '' || b === '') {
      problems.push(
        `${where} (pair "${pid}"): ${a === '' ? 'text1' : 'text2'} is empty${f.length < header.fields.length ? ` (the row has ${f.length} fields, the header ${header.fields.length})` : ''}`,
      );
      continue;
    }
    const [la, lb] = [languageOf(l1 >= 0 ? f[l1] : undefined, a), languageOf(l2 >= 0 ? f[l2] : undefined, b)];
    const other = [la, lb].find((l) => l !== 'en' && l !== 'zh');
    if (other !== undefined) {
      problems.push(`${where} (pair "${pid}"): language "${other}" is neither English (en) nor Chinese (zh)`);
      continue;
    }
    seen.add(pid);
    pairs.push({ id: pid, text1: a, text2: b, lang1: la as Face, lang2: lb as Face });
  }
  return ok({ pairs, problems });
}

function featuresOfText(id: string, text: string, language: Face): ArticleFeatures {
  return featuresOf({ id, title: null, text, language, published: null, understanding: understand(text) });
}

/** Each pair's score, with document frequencies counted over all the pairs' texts. */
export function scorePairs(pairs: readonly TextPair[]): Array<{ id: string; score: number }> {
  const feats = pairs.map(
    (p) => [featuresOfText(`${p.id}#1`, p.text1, p.lang1), featuresOfText(`${p.id}#2`, p.text2, p.lang2)] as const,
  );
  const df = frequencyOf(feats.flat());
  return pairs.map((p, i) => ({ id: p.id, score: featureSimilarity(feats[i]![0], feats[i]![1], df, false).score }));
}
