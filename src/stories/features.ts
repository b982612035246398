// What an article brings to story matching, reduced once to a small JSON-safe record: gazetteer
// entities, normalised figures, rare Latin-script terms (names, model numbers: they survive in
// Chinese text), content words (English words, Chinese character bigrams) and title keys.
// Pure: the same article always gives the same features.

import type { ArticleLanguage } from '../article.js';
import { SIMILARITY_NOT_NAMES, SIMILARITY_STOPWORDS, singular } from '../text/english-words.js';
import type { EntityMention, Figure } from '../understand/understand.js';
import { chineseBridge } from './bridge.js';
import { eventIdentity, type EventIdentity } from './event-identity.js';

/** The parts of an Article that similarity needs (a bench can build one from raw text). */
export interface ArticleLike {
  readonly id: string;
  readonly title: string | null;
  readonly text: string;
  readonly language: ArticleLanguage;
  readonly published: string | null;
  /** The article's address, when known: an arXiv or DOI address names the paper. */
  readonly url?: string | null;
  readonly understanding: {
    readonly entities: readonly EntityMention[];
    readonly figures: readonly Figure[];
  };
}

export interface FeatureEntity {
  readonly id: string;
  readonly name: string;
  readonly type: EntityMention['type'];
}

export interface FeatureFigure {
  readonly kind: Figure['kind'];
  readonly value: number;
  readonly unit: string;
  readonly surface: string;
}

export interface FeatureTerm {
  /** Lower case: "gb300", "saltfork". */
  readonly key: string;
  /** As first written: "GB300". */
  readonly surface: string;
}

export interface ArticleFeatures {
  readonly id: string;
  readonly language: ArticleLanguage;
  readonly published: string | null;
  readonly entities: readonly FeatureEntity[];
  readonly figures: readonly FeatureFigure[];
  readonly terms: readonly FeatureTerm[];
  /** Content words (en) or Han bigrams (zh) with their counts; the most frequent MAX_WORDS. */
  readonly words: Readonly<Record<string, number>>;
  /** Title words, Han bigrams and terms, lower case. */
  readonly titleKeys: readonly string[];
  /** Calendar days the text names, "MM-DD" ("12-19" for Dec. 19 or 12 月 19 日); absent in records stored before dates were read. */
  readonly dates?: readonly string[];
  /** Identifiers of the event (papers, versioned products, who raises money); absent in records stored before they were read. */
  readonly identity?: EventIdentity;
  /**
   * Chinese articles only: CC-CEDICT words of the text with their counts (the most frequent 200),
   * the bridge to English vocabulary (src/stories/bridge.ts); absent in records stored before.
   */
  readonly bridgeWords?: Readonly<Record<string, number>>;
  /**
   * Chinese articles only: the English words of the proper names CC-CEDICT lists among them
   * (尼日利亚 → nigeria, 特朗普 → donald, trump); index keys like an English article's terms.
   */
  readonly bridgeNames?: readonly string[];
}

const MAX_WORDS = 200;

/**
 * A token longer than this is not a word, a name or a model number (the longest English words and
 * product codes are well under it): it is no feature at all. Feature keys are index keys in the
 * store (story_keys, feature_frequencies), and a btree entry holds at most ~2.7 KB: one 2.7 KB
 * "word" of random letters once made every later grouping fail. Keys are ASCII, so 64 characters
 * are 64 bytes; the store still bounds whatever reaches an index (src/store/index-bounds.ts).
 */
export const MAX_TOKEN_CHARS = 64;

const LATIN_TOKEN = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*/g;
const EN_WORD = /[A-Za-z][A-Za-z'’]*[A-Za-z]|[A-Za-z]/g;
const HAN_RUN = /\p{Script=Han}+/gu;

export function featuresOf(a: ArticleLike): ArticleFeatures {
  return {
    id: a.id,
    language: a.language,
    published: a.published,
    entities: entityFeatures(a.understanding.entities),
    figures: figureFeatures(a.understanding.figures),
    terms: termFeatures(a.title ? `${a.title}\n${a.text}` : a.text),
    words: topWords(contentWords(a.title ? `${a.title}\n${a.text}` : a.text)),
    titleKeys: a.title
      ? [...new Set([...contentWords(a.title), ...termFeatures(a.title).map((t) => t.key)])].sort()
      : [],
    dates: dateFeatures(a.title ? `${a.title}\n${a.text}` : a.text),
    identity: eventIdentity(a.title, a.text, a.url),
    ...(a.language === 'zh' ? bridgeOf(a.title ? `${a.title}\n${a.text}` : a.text) : {}),
  };
}

function bridgeOf(text: string): { bridgeWords: Record<string, number>; bridgeNames: string[] } {
  const b = chineseBridge(text);
  return { bridgeWords: b.words, bridgeNames: b.names };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const EN_MONTH_DAY = new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:[,.]\d|%|:\d))`, 'g');
const EN_DAY_MONTH = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}(?![a-z])`, 'g');
const ZH_MONTH_DAY =
  /([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]/gu;

/**
 * Calendar days named in the text, as "MM-DD", sorted: the same day is written "Dec. 19",
 * "19 December" and "12 月 19 日", so it is evidence across languages. Years are left out
 * (often omitted); weekdays too (every week has one).
 */
export function dateFeatures(text: string): string[] {
  const out = new Set<string>();
  const add = (month: number, day: number) => {
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31)
      out.add(`${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  };
  const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
  for (const m of text.matchAll(EN_MONTH_DAY)) add(monthOf(m[1]!), Number(m[2]));
  for (const m of text.matchAll(EN_DAY_MONTH)) add(monthOf(m[2]!), Number(m[1]));
  for (const m of text.matchAll(ZH_MONTH_DAY)) add(chineseNumber(m[1]!), chineseNumber(m[2]!));
  return [...out].sort();
}

/** 1-31 written in Arabic digits or Chinese numerals (十二, 二十九, 三十一). */
function chineseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const digit = (c: string | undefined) => (c === undefined ? 0 : '一二三四五六七八九'.indexOf(c) + 1);
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? digit(s) : 0;
  return (ten === 0 ? 1 : digit(s[0])) * 10 + digit(s[ten + 1]);
}

function entityFeatures(mentions: readonly EntityMention[]): FeatureEntity[] {
  const seen = new Map<string, FeatureEntity>();
  for (const m of mentions) {
    if (m.entityId === null || seen.has(m.entityId)) continue;
    seen.set(m.entityId, { id: m.entityId, name: m.name, type: m.type });
  }
  return [...seen.values()];
}

function figureFeatures(figures: readonly Figure[]): FeatureFigure[] {
  const seen = new Map<string, FeatureFigure>();
  for (const f of figures) {
    const key = figureKey(f);
    if (!seen.has(key)) seen.set(key, { kind: f.kind, value: f.value, unit: f.unit, surface: f.surface });
  }
  return [...seen.values()];
}

/** An index key for a figure: kind, unit and the value to 3 significant digits ("power:W:3e+8"). */
export function figureKey(f: { kind: Figure['kind']; unit: string; value: number }): string {
  const v = f.value === 0 ? '0' : Number(f.value.toPrecision(3)).toExponential();
  return `${f.kind}:${f.unit}:${v}`;
}

/**
 * Distinctive Latin-script tokens: with a digit (K3, GB300), all capitals (AMD), or capitalised
 * away from a sentence start (Saltfork). In Chinese text every Latin token stands out, so all count.
 */
export function termFeatures(text: string): FeatureTerm[] {
  const out = new Map<string, FeatureTerm>();
  for (const m of text.matchAll(LATIN_TOKEN)) {
    const surface = m[0];
    if (surface.length > MAX_TOKEN_CHARS) continue;
    const key = surface.toLowerCase().replace(/,/g, '');
    if (/^\d{4}-\d\d-\d\d$/.test(key)) continue; // a date, not a name
    if (out.has(key) || key.length < 2 || SIMILARITY_NOT_NAMES.has(key) || SIMILARITY_STOPWORDS.has(key)) continue;
    const hasDigit = /\d/.test(surface);
    const hasLetter = /[A-Za-z]/.test(surface);
    if (!hasLetter && !(hasDigit && key.replace(/\D/g, '').length >= 3 && !/^(19|20)\d\d$/.test(key))) continue;
    const at = m.index;
    const hanNear =
      /\p{Script=Han}/u.test(text.slice(Math.max(0, at - 2), at)) ||
      /\p{Script=Han}/u.test(text.slice(at + surface.length, at + surface.length + 2));
    const distinctive =
      (hasDigit && hasLetter) ||
      (/^[A-Z]{2,}$/.test(surface) && surface.length <= 6) ||
      (/^[A-Z]/.test(surface) && !sentenceStart(text, at)) ||
      (hanNear && hasLetter) ||
      (!hasLetter && hasDigit);
    if (distinctive) out.set(key, { key, surface });
  }
  return [...out.values()];
}

function sentenceStart(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && /[\s"“‘'(（「《]/.test(text[k]!)) {
    if (text[k] === '\n') return true;
    k--;
  }
  return k < 0 || /[.!?。！？:：;；]/.test(text[k]!);
}

/** English content words (lower case, light plural folding) and Chinese character bigrams. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(EN_WORD)) {
    if (m[0].length > MAX_TOKEN_CHARS) continue;
    const w = m[0].toLowerCase().replace(/['’]s$/, '');
    if (w.length < 2 || SIMILARITY_STOPWORDS.has(w)) continue;
    out.push(singular(w));
  }
  for (const m of text.matchAll(HAN_RUN)) {
    const run = m[0];
    if (run.length === 1) continue;
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

function topWords(words: readonly string[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const top = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, MAX_WORDS);
  const out: Record<string, number> = {};
  for (const [w, n] of top.sort((x, y) => (x[0] < y[0] ? -1 : 1))) out[w] = n;
  return out;
}

/** The keys an article is counted under: e:<entity>, f:<figure>, t:<term>, d:<date>, w:<word>, and l:<language>. */
export function featureKeys(f: ArticleFeatures): string[] {
  return [
    ...indexKeys(f),
    ...(f.dates ?? []).map((d) => `d:${d}`),
    ...Object.keys(f.words).map((w) => `w:${w}`),
    `l:${f.language}`,
  ];
}

/** The keys that find candidate stories: entities, non-year figures, rare terms and (Chinese) names in English (not words). */
export function indexKeys(f: ArticleFeatures): string[] {
  const keys = new Set<string>();
  for (const e of f.entities) keys.add(`e:${e.id}`);
  for (const fig of f.figures) if (fig.kind !== 'year') keys.add(`f:${figureKey(fig)}`);
  for (const t of f.terms) keys.add(`t:${t.key}`);
  // A Chinese article's names in English find the English stories whose terms name them.
  for (const n of f.bridgeNames ?? []) keys.add(`t:${n}`);
  return [...keys].sort();
}
