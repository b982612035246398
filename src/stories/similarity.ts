// How alike two articles are, across English and Chinese without translating: shared vocabulary
// (TF-IDF cosine; it carries most of the weight within one language), gazetteer entities and rare
// terms (weighted by rarity), equal normalised figures, the same calendar days, title overlap and
// close publication dates. Each kind of evidence gives a strength in 0..1; they combine as
// independent clues (noisy-OR), so evidence missing across languages (vocabulary) lowers nothing.
// The weights were fitted on one half of a rated pair set (bench/similarity.ts). Pure.

import { figuresEqual } from '../understand/understand.js';
import {
  contentWords,
  featuresOf,
  figureKey,
  type ArticleFeatures,
  type ArticleLike,
  type FeatureFigure,
  type FeatureTerm,
} from './features.js';
import { describeDistinct, distinctEvent } from './event-identity.js';
import { NO_FREQUENCIES, rarity, vocabularyIdfOf, type DocumentFrequency } from './document-frequency.js';
import { bridgeCosine } from './bridge.js';

export interface Similarity {
  /** 0..1. */
  readonly score: number;
  /** Human sentences, strongest evidence first. */
  readonly reasons: string[];
}

export interface SimilarityBreakdown extends Similarity {
  readonly entities: number;
  readonly figures: number;
  readonly terms: number;
  /** TF-IDF cosine of the vocabularies (its square root is the strength combined). */
  readonly words: number;
  /** Across English and Chinese: the translation-aware TF-IDF cosine through CC-CEDICT (its square root is combined). */
  readonly bridge: number;
  readonly dates: number;
  readonly title: number;
  /** Multiplier from the gap between publication dates (1 = same day or unknown). */
  readonly time: number;
}

export const EVIDENCE_KINDS = ['entities', 'figures', 'terms', 'words', 'bridge', 'dates', 'title'] as const;

/** The strength of each kind of evidence, 0..1, before weighting. */
export interface Evidence {
  readonly entities: number;
  readonly figures: number;
  readonly terms: number;
  /** sqrt of the TF-IDF cosine: cosines of related texts bunch near 0, the root spreads them. */
  readonly words: number;
  /** sqrt of the bridge cosine (English words against a Chinese text's dictionary words). */
  readonly bridge: number;
  readonly dates: number;
  readonly title: number;
}

/**
 * How much each clue can say on its own (a clue at strength 1 gives this score alone), by whether
 * the two articles share a language. Fitted by grid search on the fitting half of
 * bench/similarity.ts (Pearson with human ratings; validated on the other half), except figures
 * and title, set by hand: the rated pairs rarely share an amount and have no titles.
 * Within one language vocabulary already holds the names and terms, so it carries the weight.
 */
export const EVIDENCE_WEIGHT: { readonly sameLanguage: Evidence; readonly crossLanguage: Evidence } = {
  sameLanguage: { entities: 0.2, figures: 0.3, terms: 0.1, words: 0.9, bridge: 0, dates: 0, title: 0.3 },
  crossLanguage: { entities: 0.9, figures: 0.5, terms: 0.9, words: 0.5, bridge: 1, dates: 0.2, title: 0.3 },
};

/** Noisy-OR: 1 − Π(1 − weight × strength). */
export function combineEvidence(e: Evidence, weight: Evidence): number {
  let none = 1;
  for (const k of EVIDENCE_KINDS) none *= 1 - weight[k] * e[k];
  return 1 - none;
}

/** Figure kinds by how much a match means: a sum of money is specific, a year is not. */
const FIGURE_WEIGHT: Record<FeatureFigure['kind'], number> = {
  money: 1,
  power: 1,
  count: 0.8,
  rate: 0.8,
  quantity: 0.6,
  multiplier: 0.45,
  percent: 0.35,
  year: 0.08,
};

/** Concepts ("data center") and places say less about which event than companies and products. */
const ENTITY_TYPE_WEIGHT: Record<string, number> = {
  organization: 1,
  person: 1,
  product: 1,
  place: 0.5,
  concept: 0.25,
};

/** Kept when both give specific amounts and none agree (not zero: one may misquote). */
const CONFLICT_FACTOR = 0.55;

/** Kept when each article's rarest terms are all absent from the other. */
const NAMES_DIFFER_FACTOR = 0.75;

/**
 * The share of the bridge's strength kept when each article's rarest terms are all absent from
 * the other: the dictionary then says "the same kind of story" (a funding round told in the same
 * words) while the names say different actors. 0.5 costs zh-en Pearson on the fit half (0.887 →
 * 0.827) and buys precision in grouping: the generated corpus's F1 0.880 → 0.892, the scale
 * corpus's (1k) 0.579 → 0.646 (bench/README.md).
 */
const NAMES_DIFFER_BRIDGE = 0.5;

/**
 * Kept when the two name different papers, versioned products or funded companies: two events
 * however alike their words (a hard negative, not a zero, so the score still shows the likeness).
 */
export const DISTINCT_EVENT_FACTOR = 0.2;

/** Kept when, in one language, the headlines share only the name of a place (one country, different events). */
const PLACE_ONLY_FACTOR = 0.7;

/** Rarity from which a term counts as one of an article's distinctive names. */
const RARE_NAME = 0.7;

/** Shared entity weight (sum of prior × type × rarity) at which the strength reaches 63% of its cosine. */
const ENTITY_SATURATION = 0.8;

/** A gazetteer entity is by construction often in the news: it weighs less than an unseen name. */
const GAZETTEER_PRIOR = 0.7;

export function articleSimilarity(a: ArticleLike, b: ArticleLike, df: DocumentFrequency = NO_FREQUENCIES): Similarity {
  const s = featureSimilarity(featuresOf(a), featuresOf(b), df);
  return { score: s.score, reasons: s.reasons };
}

/**
 * The score, its parts and, with `explain` (the default), the reasons in words. Grouping compares
 * an article with up to ~24 members and keeps one: it scores with `explain` false (no reason text
 * built, the same score) and explains only the pair it keeps.
 */
export function featureSimilarity(
  a: ArticleFeatures,
  b: ArticleFeatures,
  df: DocumentFrequency = NO_FREQUENCIES,
  explain = true,
): SimilarityBreakdown {
  const reasons: Array<{ weight: number; text: string }> = [];
  const W = a.language === b.language ? EVIDENCE_WEIGHT.sameLanguage : EVIDENCE_WEIGHT.crossLanguage;

  // Entities: weighted cosine over gazetteer ids.
  const ea = new Map(a.entities.map((e) => [e.id, e]));
  const eb = new Map(b.entities.map((e) => [e.id, e]));
  const ew = (id: string, type: string): number =>
    GAZETTEER_PRIOR * (ENTITY_TYPE_WEIGHT[type] ?? 1) * rarity(df, `e:${id}`);
  let eShared = 0;
  const sharedNames: Array<{ name: string; w: number }> = [];
  for (const [id, e] of ea) {
    if (!eb.has(id)) continue;
    const w = ew(id, e.type);
    eShared += w * w;
    sharedNames.push({ name: e.name, w });
  }
  const eNorm = Math.sqrt(
    sumSquares([...ea.values()].map((e) => ew(e.id, e.type))) *
      sumSquares([...eb.values()].map((e) => ew(e.id, e.type))),
  );
  // Cosine damped by the shared weight itself, so one common name alone is weak evidence.
  const entities =
    eNorm === 0 ? 0 : (eShared / eNorm) * (1 - Math.exp(-sum(sharedNames.map((n) => n.w)) / ENTITY_SATURATION));
  if (explain && sharedNames.length > 0) {
    sharedNames.sort((x, y) => y.w - x.w || (x.name < y.name ? -1 : 1));
    reasons.push({
      weight: W.entities * entities,
      text: `both name ${list(
        sharedNames.map((n) => n.name),
        4,
      )}`,
    });
  }

  // Figures: each equal pair adds its weight; strength saturates (two specific figures ≈ certain).
  let fSum = 0;
  const matched: Array<{ text: string; w: number; specific: boolean }> = [];
  const usedB = new Set<number>();
  for (const fa of a.figures) {
    const j = b.figures.findIndex((fb, k) => !usedB.has(k) && sameFigure(fa, fb));
    if (j < 0) continue;
    usedB.add(j);
    const fb = b.figures[j]!;
    const w =
      Math.max(FIGURE_WEIGHT[fa.kind], FIGURE_WEIGHT[fb.kind]) *
      (0.4 + 0.6 * Math.max(rarity(df, `f:${figureKey(fa)}`), rarity(df, `f:${figureKey(fb)}`)));
    fSum += w;
    const same = fa.surface.replace(/\s+/g, '') === fb.surface.replace(/\s+/g, '');
    matched.push({
      text: same ? fa.surface : `${fa.surface} = ${fb.surface}`,
      w,
      specific: specific(fa) || specific(fb),
    });
  }
  const figures = 1 - Math.exp(-1.2 * fSum);
  // Both state specific amounts and none agree: likely two events told in the same words.
  const conflict = a.figures.some(specific) && b.figures.some(specific) && !matched.some((m) => m.specific);
  if (explain && matched.length > 0) {
    matched.sort((x, y) => y.w - x.w);
    reasons.push({
      weight: W.figures * figures,
      text: `both give ${list(
        matched.map((m) => m.text),
        4,
      )}`,
    });
  }

  // Rare terms: overlap relative to the smaller article (a Chinese text carries few Latin terms),
  // damped so one shared term is not proof.
  const tb = new Map(b.terms.map((t) => [t.key, t]));
  const tw = (key: string): number => rarity(df, `t:${key}`);
  let tShared = 0;
  const sharedTerms: Array<{ s: string; w: number }> = [];
  for (const t of a.terms) {
    if (!tb.has(t.key)) continue;
    const w = tw(t.key);
    tShared += w;
    sharedTerms.push({ s: t.surface, w });
  }
  const tMin = Math.min(sum(a.terms.map((t) => tw(t.key))), sum(b.terms.map((t) => tw(t.key))));
  const terms = tMin === 0 ? 0 : Math.min(1, tShared / tMin) * (1 - Math.exp(-tShared / 1.5));
  if (explain && sharedTerms.length > 0) {
    sharedTerms.sort((x, y) => y.w - x.w || (x.s < y.s ? -1 : 1));
    reasons.push({
      weight: W.terms * terms,
      text: `both use the terms ${list(
        sharedTerms.map((t) => t.s),
        5,
      )}`,
    });
  }
  // Each names its own rarest actors or products and neither's appear in the other: likely two
  // events of one kind (two funding rounds) told in similar words.
  const ta = new Set(a.terms.map((t) => t.key));
  const rarest = (ts: readonly FeatureTerm[]) =>
    ts
      .map((t) => ({ key: t.key, w: tw(t.key) }))
      .filter((t) => t.w >= RARE_NAME)
      .sort((x, y) => y.w - x.w || (x.key < y.key ? -1 : 1))
      .slice(0, 3);
  const [rareA, rareB] = [rarest(a.terms), rarest(b.terms)];
  const namesDiffer =
    rareA.length > 0 && rareB.length > 0 && !rareA.some((t) => tb.has(t.key)) && !rareB.some((t) => ta.has(t.key));

  // Vocabulary: TF-IDF cosine; English words and Chinese bigrams never meet across languages.
  const words = tfidfCosine(a.words, b.words, df);
  if (explain && words >= 0.05)
    reasons.push({
      weight: W.words * Math.sqrt(words),
      text: `their texts share vocabulary (cosine ${words.toFixed(2)})`,
    });

  // Across English and Chinese: the English words against the Chinese text's dictionary words.
  const en = a.language === 'en' && b.language === 'zh' ? a : b.language === 'en' && a.language === 'zh' ? b : null;
  const zh = en === a ? b : en === b ? a : null;
  const bridged =
    en && zh?.bridgeWords ? bridgeCosine(en.words, zh.bridgeWords, df, undefined, explain) : { score: 0, shared: [] };
  const bridge = bridged.score;
  if (explain && bridged.shared.length > 0 && bridge >= 0.05) {
    reasons.push({
      weight: W.bridge * Math.sqrt(bridge),
      text: `their texts say the same words in English and Chinese (${list(bridged.shared, 5)}; cosine ${bridge.toFixed(2)})`,
    });
  }

  // Calendar days both name ("Dec. 19" = "12 月 19 日"), weighted by rarity; saturating.
  const db = new Set(b.dates ?? []);
  const sharedDates = (a.dates ?? []).filter((d) => db.has(d));
  const dSum = sum(sharedDates.map((d) => rarity(df, `d:${d}`)));
  const dates = 1 - Math.exp(-1.5 * dSum);
  if (explain && sharedDates.length > 0)
    reasons.push({ weight: W.dates * dates, text: `both name ${list(sharedDates.map(describeDate), 3)}` });

  const titleSet = new Set(a.titleKeys);
  const titleShared = b.titleKeys.filter((k) => titleSet.has(k));
  const titleMin = Math.min(a.titleKeys.length, b.titleKeys.length);
  const title = titleMin === 0 ? 0 : titleShared.length / titleMin;
  if (explain && titleShared.length > 0)
    reasons.push({ weight: W.title * title, text: `their titles share ${titleShared.length} of ${titleMin} words` });

  const gapHours = hoursApart(a.published, b.published);
  const time = gapHours === null ? 0.9 : gapHours <= 36 ? 1 : Math.max(0.4, 1 - (gapHours - 36) / (24 * 12));
  if (explain)
    reasons.push({
      weight: 0,
      text: gapHours === null ? 'one of them has no publication date' : `published ${describeGap(gapHours)}`,
    });

  // Event identity: different papers, products or funded companies are different events.
  const distinct = distinctEvent(a.identity, b.identity, ta, new Set(tb.keys()));
  // Headlines in one language that share nothing but a place's name ("South Korea caps fuel
  // prices" and "South Korea reviews troop posture"): one country, likely different events.
  const placeWords = new Set(
    a.entities
      .filter((e) => e.type === 'place' && eb.has(e.id))
      .flatMap((e) => contentWords(e.name).concat(e.name.toLowerCase().split(/\s+/))),
  );
  const placeOnly =
    a.language === b.language &&
    titleShared.length > 0 &&
    Math.min(a.titleKeys.length, b.titleKeys.length) >= 3 &&
    titleShared.every((k) => placeWords.has(k));

  const combined = combineEvidence(
    {
      entities,
      figures,
      terms,
      words: Math.sqrt(words),
      bridge: Math.sqrt(bridge) * (namesDiffer ? NAMES_DIFFER_BRIDGE : 1),
      dates,
      title,
    },
    W,
  );
  if (explain && conflict)
    reasons.push({ weight: 0, text: 'they give different amounts (no sum, power or count in common)' });
  if (explain && namesDiffer) reasons.push({ weight: 0, text: 'each names its own rare names, none in common' });
  if (explain && placeOnly) reasons.push({ weight: 0, text: 'their headlines share only the name of a place' });
  if (explain && distinct) reasons.push({ weight: 1, text: describeDistinct(distinct) });
  const score = round(
    combined *
      time *
      (conflict ? CONFLICT_FACTOR : 1) *
      (namesDiffer ? NAMES_DIFFER_FACTOR : 1) *
      (placeOnly ? PLACE_ONLY_FACTOR : 1) *
      (distinct ? DISTINCT_EVENT_FACTOR : 1),
  );
  const ordered = reasons
    .map((r, i) => ({ ...r, i }))
    .sort((x, y) => y.weight - x.weight || x.i - y.i)
    .map((r) => r.text);
  return {
    score,
    reasons: ordered,
    entities: round(entities),
    figures: round(figures),
    terms: round(terms),
    words: round(words),
    bridge: round(bridge),
    dates: round(dates),
    title: round(title),
    time: round(time),
  };
}

/**
 * figuresEqual on figures stripped of their spans; a bare amount ("70 亿", "9 万") also equals a
 * count of the same size, since Chinese often leaves the counted noun a few words away.
 */
const specific = (f: FeatureFigure): boolean =>
  f.kind === 'money' || f.kind === 'power' || f.kind === 'count' || f.kind === 'rate';

const bare = (f: FeatureFigure) => f.kind === 'quantity' && f.unit === '';

// Called for every figure pair of every comparison: no copies (figuresEqual reads kind, unit, value).
function sameFigure(a: FeatureFigure, b: FeatureFigure): boolean {
  if ((bare(a) && (bare(b) || b.kind === 'count')) || (bare(b) && a.kind === 'count')) {
    return figuresEqual({ kind: 'count', unit: '', value: a.value }, { kind: 'count', unit: '', value: b.value });
  }
  // figuresEqual never equates kinds or units that differ: most pairs stop here.
  if (a.kind !== b.kind || a.unit !== b.unit) return false;
  return figuresEqual(a, b);
}

// Per rarity table: each word's idf and each vocabulary's norm, computed once, not per pair (a
// placement compares one article with ~100 members under one table). Same arithmetic, same order.
// Per vocabulary, once: its entries with their "w:" keys.
const normCache = new WeakMap<DocumentFrequency, WeakMap<object, number>>();
const entryCache = new WeakMap<object, Array<[string, number, string]>>();

function entriesOf(words: Readonly<Record<string, number>>): Array<[string, number, string]> {
  let e = entryCache.get(words);
  if (!e) entryCache.set(words, (e = Object.entries(words).map(([w, n]) => [w, n, `w:${w}`])));
  return e;
}

function tfidfNorm(
  words: Readonly<Record<string, number>>,
  df: DocumentFrequency,
  idfOf: (key: string) => number,
): number {
  let m = normCache.get(df);
  if (!m) normCache.set(df, (m = new WeakMap()));
  let n = m.get(words);
  if (n === undefined) {
    n = 0;
    for (const [, c, key] of entriesOf(words)) {
      const x = c * idfOf(key);
      n += x * x;
    }
    m.set(words, n);
  }
  return n;
}

export function tfidfCosine(
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>>,
  df: DocumentFrequency,
): number {
  const idfOf = vocabularyIdfOf(df);
  const na = tfidfNorm(a, df, idfOf);
  const nb = tfidfNorm(b, df, idfOf);
  if (na === 0 || nb === 0) return 0;
  let dot = 0;
  for (const [w, n, key] of entriesOf(a)) {
    const m = b[w];
    if (m === undefined) continue;
    const i = idfOf(key);
    const x = n * i;
    dot += x * m * i;
  }
  return dot / Math.sqrt(na * nb);
}

/** Hours between two ISO dates; null when either is missing or unreadable. */
export function hoursApart(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return null;
  return Math.abs(ta - tb) / 3_600_000;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "12-19" → "19 December". */
function describeDate(mmdd: string): string {
  const [m, d] = mmdd.split('-').map(Number);
  return `${d} ${MONTH_NAMES[(m ?? 1) - 1] ?? '?'}`;
}

function describeGap(hours: number): string {
  if (hours < 1) return 'within the hour';
  if (hours < 48) return `${Math.round(hours)} hour${Math.round(hours) === 1 ? '' : 's'} apart`;
  return `${Math.round(hours / 24)} days apart`;
}

function list(items: readonly string[], max: number): string {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  const head = shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)!}`;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : head;
}

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
const sumSquares = (xs: readonly number[]): number => xs.reduce((s, x) => s + x * x, 0);
const round = (x: number): number => Math.round(x * 1000) / 1000;
