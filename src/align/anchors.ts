// Evidence that an English and a Chinese stretch say the same thing, with no model: dictionary
// words (CC-CEDICT), figures normalised across languages (src/understand: "$250 billion" =
// "2500亿美元"), gazetteer entities, names and codes left in Latin script inside the Chinese, and
// marks that survive translation (question and exclamation marks, quotes, parentheses).

import { gazetteerMentions } from '../understand/entities.js';
import { foldWidth, parseChineseNumeral, parseFigures } from '../understand/figures.js';
import { chineseWordStems, englishStems, type Dictionary } from './dictionary.js';
import { textLength } from './length-cost.js';

/** What one unit (a sentence or a paragraph) of one side brings to the comparison. */
export interface UnitFeatures {
  readonly length: number;
  /** English: distinct stem ids the dictionary knows. Chinese: one gloss-stem list per dictionary word. */
  readonly stems: readonly number[];
  readonly words: ReadonlyArray<readonly number[]>;
  /** All gloss stems of the Chinese words, for the English side's lookups. */
  readonly stemSet: ReadonlySet<number>;
  /** Numbers normalised to a value (figures in their canonical unit, bare numerals as they are). */
  readonly numbers: readonly number[];
  /** Latin-script tokens, lower-cased (all of them in English; those inside Chinese text for Chinese). */
  readonly latin: readonly string[];
  readonly entities: readonly string[];
  /** Counts of ? ! quote-pairs ( : in that order. */
  readonly marks: readonly number[];
}

const LATIN_TOKEN = /[A-Za-z][A-Za-z0-9]*(?:[-.+][A-Za-z0-9]+)*/g;
const DIGITS = /\d+(?:[.,]\d+)*/g;
const CN_NUMERAL = /[零〇一二两三四五六七八九十百千万亿]+/g;

function numbersOf(text: string, zh: boolean): number[] {
  const folded = foldWidth(text);
  const values = new Set<number>();
  const covered: Array<[number, number]> = [];
  for (const f of parseFigures(text)) {
    values.add(roundValue(f.value));
    covered.push([f.start, f.end]);
  }
  const inside = (at: number): boolean => covered.some(([s, e]) => at >= s && at < e);
  for (const m of folded.matchAll(DIGITS)) {
    if (inside(m.index)) continue;
    const v = Number(m[0].replace(/,(?=\d{3})/g, ''));
    if (Number.isFinite(v)) values.add(roundValue(v));
  }
  if (zh) {
    for (const m of folded.matchAll(CN_NUMERAL)) {
      // A lone 一/万 is mostly part of a word (一些, 统一, 万一); runs and ordinals are numbers.
      if (inside(m.index) || (m[0].length < 2 && folded[m.index - 1] !== '第')) continue;
      const v = parseChineseNumeral(m[0]);
      if (Number.isFinite(v) && v > 0) values.add(roundValue(v));
    }
  }
  return [...values];
}

/** Three significant digits: "$1.52 billion" and "15.2 亿美元" meet despite rounding in the text. */
function roundValue(v: number): number {
  if (v === 0) return 0;
  const p = 10 ** (Math.floor(Math.log10(Math.abs(v))) - 2);
  return Math.round(v / p) * p;
}

function marksOf(text: string): number[] {
  const count = (re: RegExp): number => (text.match(re) ?? []).length;
  return [count(/[?？]/g), count(/[!！]/g), Math.ceil(count(/["“”「」『』]/g) / 2), count(/[(（]/g), count(/[:：]/g)];
}

export function englishFeatures(text: string, dict: Dictionary): UnitFeatures {
  const ids = new Set<number>();
  for (const s of englishStems(text)) {
    const id = dict.stemId(s);
    if (id !== undefined) ids.add(id);
  }
  return {
    length: textLength(text),
    stems: [...ids],
    words: [],
    stemSet: ids,
    numbers: numbersOf(text, false),
    latin: [...new Set((text.match(LATIN_TOKEN) ?? []).map((t) => t.toLowerCase()))],
    entities: [...new Set(gazetteerMentions(text).map((m) => m.entityId ?? m.name))],
    marks: marksOf(text),
  };
}

export function chineseFeatures(text: string, dict: Dictionary): UnitFeatures {
  // Characters with dozens of senses (打, 的, 开) match almost any English sentence: not evidence.
  const words = chineseWordStems(text, dict).filter((w) => w.length <= MAX_SENSE_STEMS);
  const stemSet = new Set<number>();
  for (const w of words) for (const s of w) stemSet.add(s);
  return {
    length: textLength(text),
    stems: [],
    words,
    stemSet,
    numbers: numbersOf(text, true),
    latin: [...new Set((text.match(LATIN_TOKEN) ?? []).map((t) => t.toLowerCase()))],
    entities: [...new Set(gazetteerMentions(text).map((m) => m.entityId ?? m.name))],
    marks: marksOf(text),
  };
}

const MAX_SENSE_STEMS = 24;

/** Dictionary matches between one English and one Chinese unit (the parts of a Dice score). */
export interface LexicalMatch {
  /** Chinese words with a gloss stem in the English unit. */
  readonly zhMatched: number;
  /** English stems among the Chinese words' glosses. */
  readonly enMatched: number;
}

export function lexicalMatch(en: UnitFeatures, zh: UnitFeatures): LexicalMatch {
  let zhMatched = 0;
  const enSet = en.stemSet;
  for (const w of zh.words) {
    for (const s of w) {
      if (enSet.has(s)) {
        zhMatched++;
        break;
      }
    }
  }
  let enMatched = 0;
  for (const s of en.stems) if (zh.stemSet.has(s)) enMatched++;
  return { zhMatched, enMatched };
}

/** The non-lexical anchors of a group of English units against a group of Chinese units. */
export interface AnchorCounts {
  readonly numbersShared: number;
  readonly numbersUnmatched: number;
  readonly latinShared: number;
  /** Latin tokens in the Chinese with no match in the English: a code or name left untranslated. */
  readonly latinUnmatched: number;
  readonly entitiesShared: number;
  readonly marksShared: number;
  readonly marksUnmatched: number;
}

/**
 * Anchors of English units en[en0..en1) against Chinese units zh[zh0..zh1). Called for every
 * candidate link of the DP, so it allocates nothing when neither side has figures or names.
 */
export function anchorCounts(
  en: readonly UnitFeatures[],
  en0: number,
  en1: number,
  zh: readonly UnitFeatures[],
  zh0: number,
  zh1: number,
): AnchorCounts {
  let marksShared = 0;
  let marksUnmatched = 0;
  for (let k = 0; k < MARK_KINDS; k++) {
    let a = 0;
    let b = 0;
    for (let i = en0; i < en1; i++) a += en[i]!.marks[k]!;
    for (let j = zh0; j < zh1; j++) b += zh[j]!.marks[k]!;
    marksShared += Math.min(a, b);
    marksUnmatched += Math.abs(a - b);
  }
  const enNumbers = collect(en, en0, en1, (u) => u.numbers);
  const zhNumbers = collect(zh, zh0, zh1, (u) => u.numbers);
  let numbersShared = 0;
  for (const v of zhNumbers) if (enNumbers.includes(v)) numbersShared++;
  const numbersUnmatched = enNumbers.length + zhNumbers.length - 2 * numbersShared;

  let latinShared = 0;
  let latinUnmatched = 0;
  const zhLatin = collect(zh, zh0, zh1, (u) => u.latin);
  if (zhLatin.length > 0) {
    const enLatin = collect(en, en0, en1, (u) => u.latin);
    for (const t of zhLatin) {
      if (enLatin.includes(t)) latinShared++;
      else latinUnmatched++;
    }
  }
  let entitiesShared = 0;
  const zhEntities = collect(zh, zh0, zh1, (u) => u.entities);
  if (zhEntities.length > 0) {
    const enEntities = collect(en, en0, en1, (u) => u.entities);
    for (const e of zhEntities) if (enEntities.includes(e)) entitiesShared++;
  }
  return { numbersShared, numbersUnmatched, latinShared, latinUnmatched, entitiesShared, marksShared, marksUnmatched };
}

const EMPTY: readonly never[] = [];

/** The distinct values of a group; the unit's own (already distinct) array when the group is one unit. */
function collect<T>(
  units: readonly UnitFeatures[],
  from: number,
  to: number,
  get: (u: UnitFeatures) => readonly T[],
): readonly T[] {
  if (to - from === 1) return get(units[from]!);
  let out: T[] | null = null;
  for (let k = from; k < to; k++) {
    const values = get(units[k]!);
    if (values.length === 0) continue;
    out ??= [];
    for (const v of values) if (!out.includes(v)) out.push(v);
  }
  return out ?? EMPTY;
}

const MARK_KINDS = 5;
