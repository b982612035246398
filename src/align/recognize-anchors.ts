// Anchors for recognising a translation: the things a translator carries over unchanged, in the
// order the text gives them. Figures (normalised across English and Chinese by src/understand/),
// named entities (gazetteer ids cross languages; unknown names stay in Latin script in Chinese
// text), Latin-script words left untranslated in the Chinese (product names, acronyms), and
// quotations. Two independent reports of one event share many of these too; what a translation
// adds is the same ORDER and the same relative POSITIONS, which is what `matchAnchors` measures.

import { ANCHOR_NOT_NAMES } from '../text/english-words.js';
import type { ArticleUnderstanding, Face } from '../article.js';

export type AnchorKind = 'figure' | 'entity' | 'latin' | 'quote';

export interface Anchor {
  readonly kind: AnchorKind;
  /** What must be equal across the two languages ("figure:money:7200000000:USD", "entity:nvidia"). */
  readonly key: string;
  /** As the text writes it. */
  readonly surface: string;
  /** Offset in the text divided by its length: 0 at the start, 1 at the end. */
  readonly position: number;
  /** UTF-16 offset in the text. */
  readonly offset: number;
}

export interface AnchorSource {
  readonly text: string;
  readonly understanding: Pick<ArticleUnderstanding, 'entities' | 'figures' | 'quotes' | 'sentences'>;
}

/** Latin-script tokens that carry identity: capitalised words, acronyms, words with digits ("HX9"). */
const LATIN_TOKEN = /[A-Za-z][A-Za-z0-9]*(?:[.-][A-Za-z0-9]+)*/g;

/** Figure kinds that identify: years and bare counts are kept (a translator keeps them too). */
function figureAnchors(source: AnchorSource): Anchor[] {
  const n = Math.max(1, source.text.length);
  return source.understanding.figures.map((f) => ({
    kind: 'figure' as const,
    key: `figure:${f.kind}:${f.value}:${f.unit}`,
    surface: f.surface,
    position: f.start / n,
    offset: f.start,
  }));
}

/** Gazetteer entities by id; a name outside the gazetteer is left to latinAnchors, word by word. */
function entityAnchors(source: AnchorSource): Anchor[] {
  const n = Math.max(1, source.text.length);
  return source.understanding.entities
    .filter((e) => e.type !== 'concept' && e.entityId !== null)
    .map((e) => ({
      kind: 'entity' as const,
      key: `entity:${e.entityId}`,
      surface: e.surface,
      position: e.start / n,
      offset: e.start,
    }));
}

function quoteAnchors(source: AnchorSource): Anchor[] {
  const n = Math.max(1, source.text.length);
  // Quoted words cannot be compared across languages; that a quotation stands at this point can.
  return source.understanding.quotes
    .filter((q) => q.text.length >= 12)
    .map((q) => ({
      kind: 'quote' as const,
      key: q.speakerEntityId ? `quote:${q.speakerEntityId}` : 'quote',
      surface: q.text.length > 40 ? `${q.text.slice(0, 40)}…` : q.text,
      position: q.start / n,
      offset: q.start,
    }));
}

/**
 * Latin tokens outside entity mentions. In English text only identity-bearing ones (capitalised
 * mid-sentence, acronyms, digits); in Chinese text every Latin run is a kept name.
 */
function latinAnchors(source: AnchorSource, chinese: boolean): Anchor[] {
  const n = Math.max(1, source.text.length);
  const covered = source.understanding.entities
    .filter((e) => e.entityId !== null)
    .map((e) => [e.start, e.end] as const);
  const inside = (s: number, e: number) => covered.some(([a, b]) => s >= a && e <= b);
  const figures = source.understanding.figures.map((f) => [f.start, f.end] as const);
  const inFigure = (s: number, e: number) => figures.some(([a, b]) => s < b && e > a);
  const out: Anchor[] = [];
  for (const m of source.text.matchAll(LATIN_TOKEN)) {
    const surface = m[0];
    const start = m.index;
    const end = start + surface.length;
    if (surface.length < 2 || inside(start, end) || inFigure(start, end)) continue;
    const lower = surface.toLowerCase();
    if (ANCHOR_NOT_NAMES.has(lower)) continue;
    if (!chinese) {
      const identity =
        /\d/.test(surface) ||
        /^[A-Z]{2,}$/.test(surface) ||
        (/^[A-Z]/.test(surface) && !sentenceStart(source.text, start));
      if (!identity) continue;
    }
    out.push({ kind: 'latin', key: `latin:${lower}`, surface, position: start / n, offset: start });
  }
  return out;
}

function sentenceStart(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 3), at);
  return at === 0 || /(?:[.!?:;"“”]\s*|\n\s*)$/.test(before);
}

/**
 * Every anchor of a text, sentence by sentence; within a sentence by key, because a translator
 * reorders a sentence's parts ("according to X, it cost $18 million" → "据 X 介绍，成本约为 1800 万美元")
 * but keeps the order of the sentences.
 */
export function anchorsOf(source: AnchorSource, language: Face): Anchor[] {
  const all = [
    ...figureAnchors(source),
    ...entityAnchors(source),
    ...quoteAnchors(source),
    ...latinAnchors(source, language === 'zh'),
  ];
  const ends = source.understanding.sentences.map((s) => s.end);
  const sentenceOf = (offset: number): number => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const keyed = all.map((a) => ({ a, s: sentenceOf(a.offset) }));
  keyed.sort((x, y) => x.s - y.s || (x.a.key < y.a.key ? -1 : x.a.key > y.a.key ? 1 : x.a.offset - y.a.offset));
  return keyed.map((x) => x.a);
}

export interface AnchorLink {
  readonly kind: AnchorKind;
  readonly key: string;
  readonly en: string;
  readonly zh: string;
  readonly enPosition: number;
  readonly zhPosition: number;
}

export interface AnchorMatch {
  /** Anchors found in both, in the order both give them (a longest common subsequence). */
  readonly links: readonly AnchorLink[];
  readonly enCount: number;
  readonly zhCount: number;
  /** 2·|links| / (|en| + |zh|) over the anchors both texts could share (keys present in both). */
  readonly orderedShare: number;
  /** Shared distinct keys over all distinct keys (Dice): how much the two talk about the same things. */
  readonly keyShare: number;
  /** Mean distance of linked anchors' relative positions (0 = same place in both texts). */
  readonly positionDrift: number;
}

/** Longest sequence of anchors the two texts give in the same order, with positions kept close. */
export function matchAnchors(en: readonly Anchor[], zh: readonly Anchor[]): AnchorMatch {
  const enKeys = new Set(en.map((a) => a.key));
  const zhKeys = new Set(zh.map((a) => a.key));
  const shared = new Set([...enKeys].filter((k) => zhKeys.has(k)));
  const keyShare = enKeys.size + zhKeys.size === 0 ? 0 : (2 * shared.size) / (enKeys.size + zhKeys.size);
  const a = en.filter((x) => shared.has(x.key));
  const b = zh.filter((x) => shared.has(x.key));
  const links = lcs(a, b);
  // Anchors kinds the other language cannot show (a Latin word the English capitalises at random)
  // would punish a true pair; the share counts what could have been carried over.
  const denominator = en.length + zh.length;
  const orderedShare = denominator === 0 ? 0 : (2 * links.length) / denominator;
  const positionDrift =
    links.length === 0 ? 1 : links.reduce((s, l) => s + Math.abs(l.enPosition - l.zhPosition), 0) / links.length;
  return { links, enCount: en.length, zhCount: zh.length, orderedShare, keyShare, positionDrift };
}

/** Largest anchor counts compared by dynamic programming; longer lists keep their first anchors. */
const MAX_ANCHORS = 600;

function lcs(en: readonly Anchor[], zh: readonly Anchor[]): AnchorLink[] {
  const a = en.slice(0, MAX_ANCHORS);
  const b = zh.slice(0, MAX_ANCHORS);
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [];
  // Score = matches, ties broken toward links at similar positions (a repeated name links to its
  // own occurrence, not to the first one that happens to fit).
  const score = new Float64Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      let best = Math.max(score[at(i + 1, j)]!, score[at(i, j + 1)]!);
      if (a[i]!.key === b[j]!.key) {
        const take = 1 - 0.5 * Math.abs(a[i]!.position - b[j]!.position) + score[at(i + 1, j + 1)]!;
        if (take > best) best = take;
      }
      score[at(i, j)] = best;
    }
  }
  const out: AnchorLink[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const x = a[i]!;
    const y = b[j]!;
    if (x.key === y.key && score[at(i, j)] === 1 - 0.5 * Math.abs(x.position - y.position) + score[at(i + 1, j + 1)]!) {
      out.push({
        kind: x.kind,
        key: x.key,
        en: x.surface,
        zh: y.surface,
        enPosition: x.position,
        zhPosition: y.position,
      });
      i++;
      j++;
    } else if (score[at(i + 1, j)]! >= score[at(i, j + 1)]!) i++;
    else j++;
  }
  return out;
}
