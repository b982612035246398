// A bilingual lexical bridge for similarity across English and Chinese, with no model: Chinese
// words (found by forward maximum matching over CC-CEDICT headwords) map to the English concepts
// of their glosses, English words to their own concept, and two articles in different languages
// meet as a translation-aware TF-IDF cosine over the words (each side weighted by its own rarity).
// A concept is an English stem cut to CONCEPT_CHARS letters, so "president", "presidential" and
// "presidency" are one concept, as are "elect" and "election".
// Proper names (CC-CEDICT entries whose pinyin is capitalised: 尼日利亚 Nigeria, 特朗普 Donald Trump)
// bridge only through the capitalised words of their glosses, not the description that follows
// ("American business magnate"). The index is built from the bundled dictionary on first use.

import { bundledCedict, type CedictEntry, cedictEntries, englishStems } from '../align/dictionary.js';
import { stem } from '../text/english-words.js';
import { vocabularyIdfOf, type DocumentFrequency } from './document-frequency.js';

/** Letters of a stem kept as its concept (truncation stemming: derived forms meet). */
export const CONCEPT_CHARS = 6;

/** At most this many glosses of a common word are read (the first are its usual senses). */
const MAX_GLOSSES = 3;

/** At most this many concepts per Chinese word: a word with many senses is a weak bridge. */
const MAX_CONCEPTS = 6;

/** Dictionary words kept per Chinese article, the most frequent. */
export const MAX_BRIDGE_WORDS = 200;

export interface BridgeIndex {
  /** The concepts a simplified Chinese word stands for; undefined when no entry lists it. */
  concepts(word: string): readonly string[] | undefined;
  /** When the word is a proper name (capitalised pinyin): its English name words, lower case ("特朗普" → donald, trump). */
  names(word: string): readonly string[] | undefined;
  /** The longest headword matched, in UTF-16 units. */
  readonly maxWordLength: number;
  /** The longest headword starting with this character (UTF-16 units; 0 when none does); at most maxWordLength. */
  maxWordLengthFrom?(first: string): number;
}

/** The concept of an English word (lower case). */
export function conceptOf(word: string): string {
  const s = stem(word);
  return s.length > CONCEPT_CHARS ? s.slice(0, CONCEPT_CHARS) : s;
}

/** Concepts of gloss text: its content-word stems, cut. */
function glossConcepts(gloss: string): string[] {
  return englishStems(gloss).map((s) => (s.length > CONCEPT_CHARS ? s.slice(0, CONCEPT_CHARS) : s));
}

const CROSS_REFERENCE =
  /^(?:see |see also |variant of |old variant of |CL:|also written |used in |surname |abbr\. for |erhua variant |Japanese variant |\(old\)|\(archaic\))/i;

/**
 * Indexes CC-CEDICT entries by simplified headword; a word's glosses are read into concepts on
 * its first lookup and kept.
 */
export function bridgeOf(entries: Iterable<CedictEntry>): BridgeIndex {
  // Per headword only what its concepts are read from, as one new string per entry: the entries'
  // own strings may be slices of the whole dictionary text, which would keep all of it alive.
  const raw = new Map<string, Sense[]>();
  const longestFrom = new Map<string, number>();
  let maxWordLength = 1;
  for (const e of entries) {
    const head = e.simplified;
    if (!HAN_ONLY.test(head)) continue;
    const sense: Sense = { name: /^[A-Z]/.test(e.pinyin), glosses: e.english.join('/') };
    const list = raw.get(head);
    if (list) list.push(sense);
    else raw.set(head, [sense]);
    if (head.length > maxWordLength) maxWordLength = head.length;
    if (head.length > (longestFrom.get(head[0]!) ?? 0)) longestFrom.set(head[0]!, head.length);
  }
  // Only headwords are remembered: segmentation asks for every substring of up to 8 characters,
  // and keeping each answer would grow the map with every text read.
  const read = new Map<string, Entry | null>();
  const entry = (word: string): Entry | null => {
    let e = read.get(word);
    if (e === undefined) {
      const entries = raw.get(word);
      if (!entries) return null;
      e = readEntries(entries);
      read.set(word, e);
    }
    return e;
  };
  const cap = Math.min(maxWordLength, 8);
  return {
    concepts: (word) => entry(word)?.concepts,
    names: (word) => entry(word)?.names,
    maxWordLength: cap,
    maxWordLengthFrom: (first) => Math.min(longestFrom.get(first) ?? 0, cap),
  };
}

/** The bridge over text in the CC-CEDICT line format ("繁 简 [pin1 yin1] /gloss/gloss/"). */
export function parseBridge(text: string): BridgeIndex {
  return bridgeOf(cedictEntries(text));
}

const HAN_ONLY = /^\p{Script=Han}+$/u;

const NAME_FILLER =
  /^(?:The|Of|And|In|On|See|Also|Abbr|Old|Variant|River|Province|County|City|District|Mountain|Lake|Island)$/;

/** One entry of a headword as the bridge keeps it: a proper name (capitalised pinyin) or not, and its glosses joined by "/". */
interface Sense {
  readonly name: boolean;
  readonly glosses: string;
}

interface Entry {
  readonly concepts: readonly string[];
  readonly names?: readonly string[];
}

/** The concepts (and names) of a headword's entries; null when none has any. */
function readEntries(entries: readonly Sense[]): Entry | null {
  const found = new Set<string>();
  const names = new Set<string>();
  for (const entry of entries) {
    const glosses = entry.glosses.split('/').filter((g) => g !== '' && !CROSS_REFERENCE.test(g));
    if (entry.name) {
      // A proper name: "Donald Trump (1946-), American business magnate" → donald, trump.
      for (const g of glosses) {
        const lead = g.split(/[(,;]/)[0]!;
        for (const w of lead.match(/\b[A-Z][A-Za-z'-]*/g) ?? []) {
          if (NAME_FILLER.test(w)) continue;
          for (const c of glossConcepts(w)) found.add(c);
          if (w.length >= 3) names.add(w.toLowerCase());
        }
      }
    } else {
      for (const g of glosses.slice(0, MAX_GLOSSES)) {
        for (const c of glossConcepts(g.replace(/\([^)]*\)/g, ' ').replace(/\S*\[[^\]]*\]/g, ' '))) found.add(c);
      }
    }
  }
  if (found.size === 0) return null;
  const concepts = [...found].slice(0, MAX_CONCEPTS);
  return names.size > 0 ? { concepts, names: [...names].slice(0, MAX_CONCEPTS) } : { concepts };
}

let bundled: BridgeIndex | null = null;

/** The bridge over the bundled CC-CEDICT, built once per process on first use. */
export function bundledBridge(): BridgeIndex {
  if (!bundled) bundled = bridgeOf(bundledCedict('bridge'));
  return bundled;
}

/** At most this many English name words per Chinese article (see chineseBridge). */
export const MAX_BRIDGE_NAMES = 30;

/**
 * The dictionary words of two or more characters in a Chinese text (forward maximum matching over
 * runs of Han characters; characters no entry covers are skipped) with their counts, the most
 * frequent MAX_BRIDGE_WORDS; and the English words of the proper names among them (尼日利亚 →
 * nigeria), the most frequent MAX_BRIDGE_NAMES, which find English stories naming them.
 */
export function chineseBridge(
  text: string,
  index: BridgeIndex = bundledBridge(),
): { words: Record<string, number>; names: string[] } {
  const counts = new Map<string, number>();
  for (const run of text.matchAll(/\p{Script=Han}+/gu)) {
    const s = run[0];
    let i = 0;
    while (i < s.length) {
      let found = 0;
      const longest = index.maxWordLengthFrom ? index.maxWordLengthFrom(s[i]!) : index.maxWordLength;
      for (let len = Math.min(longest, s.length - i); len >= 1; len--) {
        if (index.concepts(s.slice(i, i + len))) {
          found = len;
          break;
        }
      }
      if (found === 0) {
        i++;
        continue;
      }
      // Single characters are left out: most are function words or of many senses (的: "aim",
      // "clear", "really"), and none has a bigram to weigh its rarity by.
      if (found > 1) {
        const w = s.slice(i, i + found);
        counts.set(w, (counts.get(w) ?? 0) + 1);
      }
      i += found;
    }
  }
  const byCount = (x: [string, number], y: [string, number]) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1);
  const top = [...counts].sort(byCount).slice(0, MAX_BRIDGE_WORDS);
  const words: Record<string, number> = {};
  for (const [w, n] of [...top].sort((x, y) => (x[0] < y[0] ? -1 : 1))) words[w] = n;
  const nameCounts = new Map<string, number>();
  for (const [w, n] of counts)
    for (const name of index.names(w) ?? []) nameCounts.set(name, (nameCounts.get(name) ?? 0) + n);
  const names = [...nameCounts]
    .sort(byCount)
    .slice(0, MAX_BRIDGE_NAMES)
    .map(([name]) => name)
    .sort();
  return { words, names };
}

/** The dictionary words of a Chinese text with their counts (chineseBridge's words). */
export function chineseBridgeWords(text: string, index: BridgeIndex = bundledBridge()): Record<string, number> {
  return chineseBridge(text, index).words;
}

// A placement compares one article with up to ~24 members under one rarity table, and the table
// is new at each placement: what does not depend on it is read once per article into a "side"
// (each word's rarity keys and count; each concept as an interned number with the words that feed
// it and their shares, in typed arrays); per table only the words' weights, each concept's sum and
// the norm are computed, with no map per article; the dot product reads a scratch array indexed by
// concept number. Sums run in the same order as a map-based projection would (words in order, a
// concept's words in order, the dot in the Chinese side's concept order): the same scores.

/** One word of an article, read once: its rarity keys, count and concepts with the share each gets. */
interface WordEntry {
  readonly word: string;
  readonly keys: readonly string[];
  readonly n: number;
  readonly concepts: readonly string[];
  readonly share: number;
}

/** An article's words as the bridge reads them, independent of any rarity table. */
interface Side {
  /** The interning generation the concept numbers belong to. */
  readonly generation: number;
  readonly entries: readonly WordEntry[];
  /** Distinct concepts, as numbers, in the order they first appear among the words. */
  readonly concepts: Int32Array;
  /** Per concept i, its feeding words are termEntry[termStart[i] .. termStart[i + 1]), in word order. */
  readonly termStart: Int32Array;
  readonly termEntry: Int32Array;
}

const englishSides = new WeakMap<object, Side>();
const chineseSides = new WeakMap<object, Side>();

/** Concept → number. Bounded: past the limit it starts again under a new generation and sides are rebuilt. */
const conceptNumbers = new Map<string, number>();
let generation = 0;
const MAX_CONCEPT_NUMBERS = 500_000;
/** Per concept number, the English side's value during one dot product (0 elsewhere). */
let scratch = new Float64Array(1024);

function conceptNumber(c: string): number {
  let id = conceptNumbers.get(c);
  if (id === undefined) {
    conceptNumbers.set(c, (id = conceptNumbers.size));
    if (id >= scratch.length) {
      const grown = new Float64Array(Math.max(scratch.length * 2, id + 1));
      grown.set(scratch);
      scratch = grown;
    }
  }
  return id;
}

function sideOf(entries: readonly WordEntry[]): Side {
  if (conceptNumbers.size >= MAX_CONCEPT_NUMBERS) {
    conceptNumbers.clear();
    generation++;
  }
  const order: number[] = [];
  const feeding = new Map<number, number[]>();
  entries.forEach((e, i) => {
    for (const c of e.concepts) {
      const id = conceptNumber(c);
      let list = feeding.get(id);
      if (!list) {
        feeding.set(id, (list = []));
        order.push(id);
      }
      list.push(i);
    }
  });
  const termStart = new Int32Array(order.length + 1);
  const termEntry: number[] = [];
  order.forEach((id, i) => {
    termStart[i] = termEntry.length;
    for (const e of feeding.get(id)!) termEntry.push(e);
  });
  termStart[order.length] = termEntry.length;
  return { generation, entries, concepts: Int32Array.from(order), termStart, termEntry: Int32Array.from(termEntry) };
}

const conceptMemo = new Map<string, string>();
/** conceptOf with a bounded memo (the stemmer's regular expressions, once per word). */
function conceptMemoised(w: string): string {
  let c = conceptMemo.get(w);
  if (c === undefined) {
    if (conceptMemo.size >= 100_000) conceptMemo.clear();
    conceptMemo.set(w, (c = conceptOf(w)));
  }
  return c;
}

function englishSide(words: Readonly<Record<string, number>>): Side {
  let side = englishSides.get(words);
  if (!side || side.generation !== generation) {
    const entries = Object.entries(words)
      .filter(([w]) => /^[a-z]/.test(w))
      .map(([w, n]) => ({ word: w, keys: [`w:${w}`], n, concepts: [conceptMemoised(w)], share: 1 }));
    englishSides.set(words, (side = sideOf(entries)));
  }
  return side;
}

function chineseSide(zhWords: Readonly<Record<string, number>>, index: BridgeIndex): Side {
  let side = chineseSides.get(zhWords);
  if (!side || side.generation !== generation) {
    const out: WordEntry[] = [];
    for (const [w, n] of Object.entries(zhWords)) {
      const concepts = index.concepts(w);
      if (!concepts || concepts.length === 0 || w.length < 2) continue;
      const keys: string[] = [];
      for (let i = 0; i + 1 < w.length; i++) keys.push(`w:${w.slice(i, i + 2)}`);
      // Each concept gets 1/√count of the word's weight: a word of many senses weighs no more in total.
      out.push({ word: w, keys, n, concepts, share: 1 / Math.sqrt(concepts.length) });
    }
    chineseSides.set(zhWords, (side = sideOf(out)));
  }
  return side;
}

/** Per rarity table: each side's weights, concept values (aligned with its concepts) and norm. */
interface Projected {
  readonly side: Side;
  readonly weights: Float64Array;
  readonly values: Float64Array;
  readonly norm: number;
}
const projectedCache = new WeakMap<DocumentFrequency, WeakMap<Side, Projected>>();

/**
 * A word's rarity under the table: an English word's own idf; a Chinese word's is read from the
 * Han-bigram counts the features already keep (a word is at most as common as its rarest bigram).
 */
function weightOf(entry: WordEntry, idfOf: (key: string) => number): number {
  let best = 0;
  for (const k of entry.keys) {
    const v = idfOf(k);
    if (v > best) best = v;
  }
  return entry.n * best;
}

/**
 * Words → concepts: each word's tf × idf is added to its concepts (spread by its share); the norm
 * is that of the word vector itself, so noise in the glosses cannot inflate the score.
 */
function project(side: Side, df: DocumentFrequency): Projected {
  let m = projectedCache.get(df);
  if (!m) projectedCache.set(df, (m = new WeakMap()));
  let p = m.get(side);
  if (!p) {
    const idfOf = vocabularyIdfOf(df);
    const { entries, concepts, termStart, termEntry } = side;
    const weights = new Float64Array(entries.length);
    let norm = 0;
    for (let i = 0; i < entries.length; i++) {
      const x = weightOf(entries[i]!, idfOf);
      weights[i] = x;
      norm += x * x;
    }
    const values = new Float64Array(concepts.length);
    for (let c = 0; c < concepts.length; c++) {
      let v = 0;
      for (let t = termStart[c]!; t < termStart[c + 1]!; t++) {
        const e = termEntry[t]!;
        v += weights[e]! * entries[e]!.share;
      }
      values[c] = v;
    }
    m.set(side, (p = { side, weights, values, norm: Math.sqrt(norm) }));
  }
  return p;
}

/**
 * Translation-aware TF-IDF cosine of an English article's words and a Chinese article's
 * dictionary words, 0..1 (clamped: a word of several senses can meet several English words);
 * with `explain`, the English words met, the strongest first.
 */
export function bridgeCosine(
  englishWords: Readonly<Record<string, number>>,
  chineseWords: Readonly<Record<string, number>>,
  df: DocumentFrequency,
  index: BridgeIndex = bundledBridge(),
  explain = true,
): { score: number; shared: string[] } {
  const enSide = englishSide(englishWords);
  const zhSide = chineseSide(chineseWords, index);
  // Interning restarted while the English side was read: read it again under the new numbers.
  const enSideNow = enSide.generation === zhSide.generation ? enSide : englishSide(englishWords);
  const en = project(enSideNow, df);
  const zh = project(zhSide, df);
  if (en.norm === 0 || zh.norm === 0) return { score: 0, shared: [] };
  const enConcepts = enSideNow.concepts;
  for (let i = 0; i < enConcepts.length; i++) scratch[enConcepts[i]!] = en.values[i]!;
  let dot = 0;
  const zhConcepts = zhSide.concepts;
  for (let i = 0; i < zhConcepts.length; i++) {
    const x = scratch[zhConcepts[i]!]!;
    if (x !== 0) dot += x * zh.values[i]!;
  }
  let shared: string[] = [];
  if (explain && dot !== 0) {
    // The English word that carries most of each concept met, strongest concept first.
    const zhValue = new Map<number, number>();
    for (let i = 0; i < zhConcepts.length; i++) zhValue.set(zhConcepts[i]!, zh.values[i]!);
    const shown = new Map<number, { word: string; x: number }>();
    for (let i = 0; i < enConcepts.length; i++) {
      if (!zhValue.has(enConcepts[i]!)) continue;
      for (let t = enSideNow.termStart[i]!; t < enSideNow.termStart[i + 1]!; t++) {
        const e = enSideNow.termEntry[t]!;
        const x = en.weights[e]!;
        const s = shown.get(enConcepts[i]!);
        if (!s || x > s.x) shown.set(enConcepts[i]!, { word: enSideNow.entries[e]!.word, x });
      }
    }
    const met = [...shown].map(([c, s]) => ({ word: s.word, w: scratch[c]! * zhValue.get(c)! }));
    met.sort((p, q) => q.w - p.w || (p.word < q.word ? -1 : 1));
    shared = met.map((m) => m.word);
  }
  for (let i = 0; i < enConcepts.length; i++) scratch[enConcepts[i]!] = 0;
  return { score: Math.min(1, dot / (en.norm * zh.norm)), shared };
}
