// Is one stored article the translation of another? Pure: two versions in, a score with its
// reasons out. Evidence, cheapest first: the anchors a translator keeps (figures, names, Latin
// words, quotations) in the same order at the same relative places; the paragraph structure
// (count, where the breaks fall); the size ratio of the texts; and, when an aligner is given,
// how well the sentences align. Independent reports of the same event share the facts but not
// their order, their positions or their paragraphing: that is what keeps precision.

import type { Face } from '../article.js';
import { quotesOwnSpeakers } from './quote-speakers.js';
import { countScripts } from '../text/script.js';
import { anchorsOf, matchAnchors, type Anchor, type AnchorLink, type AnchorSource } from './recognize-anchors.js';
import { alignParagraphs, breakAgreement, LETTERS_PER_HAN, type ParagraphLink } from './recognize-paragraphs.js';

export interface Version extends AnchorSource {
  readonly id: string;
  readonly language: Face;
  readonly title: string | null;
  readonly paragraphs: readonly string[];
  readonly published: string | null;
  readonly ingestedAt: string;
  readonly url: string;
  readonly outlet: string | null;
  readonly siteName: string | null;
}

/** What an aligner says about the two texts' sentences (src/align align(), adapted by the caller). */
export interface AlignmentSummary {
  /** 0..1: the mean quality of the sentence links, dropped sentences counted as 0. */
  readonly score: number;
  /** Share of sentences whose best dictionary match sits in translation order; null when too few matched. */
  readonly order: number | null;
  /** Share of all sentences (both sides) in links of confidence ≥ 0.5 that pair both languages. */
  readonly confident: number;
  /** The same share for each side alone: a translation drops a little and adds nothing. */
  readonly enCovered: number;
  readonly zhCovered: number;
  /** Share of each side's sentences with a dictionary counterpart on the other side. */
  readonly enMatched: number;
  readonly zhMatched: number;
  /** Links made and sentences left unlinked on either side. */
  readonly links: number;
  readonly unlinked: number;
}

export type AlignSentences = (en: readonly string[], zh: readonly string[]) => AlignmentSummary;

export interface RecognizeOptions {
  readonly align?: AlignSentences;
  /** Score at or above which the pair is a translation. */
  readonly threshold?: number;
}

export interface Measures {
  readonly anchors: number;
  readonly orderedShare: number;
  readonly keyShare: number;
  readonly positionDrift: number;
  readonly paragraphRatio: number;
  readonly breakAgreement: number;
  /** English letters per Han character of the Chinese (names kept in Latin set aside). */
  readonly sizeRatio: number;
  readonly alignment: number | null;
  readonly confidentSentences: number | null;
  readonly sentenceOrder: number | null;
  /** Share of each side's sentences with a dictionary counterpart on the other. */
  readonly counterparts: { readonly en: number; readonly zh: number } | null;
}

export interface Recognition {
  readonly enId: string;
  readonly zhId: string;
  readonly score: number;
  readonly isTranslation: boolean;
  /** Plain-language reasons, strongest evidence first. */
  readonly reasons: readonly string[];
  /** The anchors both carry, in the order both give them. */
  readonly anchors: readonly AnchorLink[];
  readonly measures: Measures;
  readonly original: { readonly id: string; readonly language: Face; readonly why: string };
  readonly paragraphs: readonly ParagraphLink[];
}

export const DEFAULT_THRESHOLD = 0.6;

/** Below this many shared anchors, order and position say little; alignment must carry the call. */
const CONFIDENT_ANCHORS = 6;
/**
 * A translation's sentences nearly all link with confidence (a dropped sentence or an added
 * credit line leaves a few out); a rewrite that reorders paragraphs or adds its own leaves many.
 */
const MIN_CONFIDENT_SENTENCES = 0.6;
/**
 * Sentences whose best dictionary match is in translation order (recognize-align.ts): translations
 * score 0.67 or more in 9 of 10 cases on the alignment data, shuffled or other text 0.42 or less.
 */
const MIN_ORDER = 0.5;
/**
 * Sentences with a dictionary counterpart on the other side, on the side with fewer: a translation
 * may drop some, but a report that adds its own analysts, quotes and paragraphs to a translated
 * core leaves a third or more without one (the e2e fixture's JingXun piece: 0.5).
 */
const MIN_COUNTERPARTS = 0.6;

function sizeScore(ratio: number): number {
  if (!Number.isFinite(ratio) || ratio <= 0) return 0;
  const d = Math.log(ratio / LETTERS_PER_HAN);
  return Math.exp(-(d * d) / (2 * 0.3 * 0.3));
}

function sizeRatioOf(en: Version, zh: Version): number {
  const e = countScripts(en.text);
  const z = countScripts(zh.text);
  // Latin names stay Latin in the Chinese: take them off the English side too.
  return z.han === 0 ? Number.POSITIVE_INFINITY : Math.max(0, e.latin - z.latin) / z.han;
}

export function recognizePair(en: Version, zh: Version, options: RecognizeOptions = {}): Recognition {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const enAnchors = anchorsOf(en, 'en');
  const zhAnchors = anchorsOf(zh, 'zh');
  const match = matchAnchors(enAnchors, zhAnchors);
  const enParagraphs = en.paragraphs.filter((p) => p.trim().length > 0);
  const zhParagraphs = zh.paragraphs.filter((p) => p.trim().length > 0);
  const paragraphRatio =
    Math.min(enParagraphs.length, zhParagraphs.length) / Math.max(1, enParagraphs.length, zhParagraphs.length);
  const breaks = breakAgreement(enParagraphs, zhParagraphs);
  const sizeRatio = sizeRatioOf(en, zh);

  // Anchor evidence: ordered share, discounted by drift, and by how little there is to go on.
  const weight = Math.min(1, match.links.length / CONFIDENT_ANCHORS);
  const anchorScore = match.orderedShare * Math.max(0, 1 - match.positionDrift / 0.2);
  const structure = paragraphRatio * (0.4 + 0.6 * breaks);
  const size = sizeScore(sizeRatio);
  const cheap: Array<[number, number]> = [
    [anchorScore, 0.45 * weight],
    [structure, 0.25],
    [size, 0.1],
  ];
  const combine = (parts: ReadonlyArray<readonly [number, number]>): number => {
    const totalWeight = parts.reduce((s, [, w]) => s + w, 0);
    let x = parts.reduce((s, [v, w]) => s + v * w, 0) / totalWeight;
    // Hard limits: a text far too long or short for the other, or anchors present but out of place.
    if (size < 0.05) x = Math.min(x, 0.3);
    if (match.links.length >= 3 && match.positionDrift > 0.2) x = Math.min(x, 0.4);
    return x;
  };
  // The aligner is the costly part: skipped when even a perfect alignment could not reach the threshold.
  const reachable = combine([...cheap, [1, 0.3], [1, 0.5]]) >= threshold;
  const alignment = options.align && reachable ? options.align(enParagraphs, zhParagraphs) : null;
  const parts = [...cheap];
  if (alignment) parts.push([alignment.score, 0.3]);
  if (alignment?.order != null) parts.push([alignment.order, 0.5]);
  let score = combine(parts);
  // With no aligner, few anchors leave only structure and size, which same-topic texts share.
  if (!alignment && match.links.length < CONFIDENT_ANCHORS) score = Math.min(score, 0.5);
  if (alignment && alignment.confident < MIN_CONFIDENT_SENTENCES) score = Math.min(score, 0.5);
  if (alignment?.order != null && alignment.order < MIN_ORDER) score = Math.min(score, 0.45);
  if (alignment && Math.min(alignment.enMatched, alignment.zhMatched) < MIN_COUNTERPARTS) score = Math.min(score, 0.5);
  // A translation keeps its quotes and their speakers; a Chinese outlet quoting a Chinese person
  // whom no English speaker could be did its own interviews (quote-speakers.ts).
  const ownQuotes = quotesOwnSpeakers(en.understanding.quotes, zh.understanding.quotes);
  if (ownQuotes) score = Math.min(score, 0.45);
  score = Math.round(score * 1000) / 1000;

  const measures: Measures = {
    anchors: match.links.length,
    orderedShare: round(match.orderedShare),
    keyShare: round(match.keyShare),
    positionDrift: round(match.positionDrift),
    paragraphRatio: round(paragraphRatio),
    breakAgreement: round(breaks),
    sizeRatio: round(sizeRatio),
    alignment: alignment ? round(alignment.score) : null,
    confidentSentences: alignment ? round(alignment.confident) : null,
    sentenceOrder: alignment?.order != null ? round(alignment.order) : null,
    counterparts: alignment ? { en: round(alignment.enMatched), zh: round(alignment.zhMatched) } : null,
  };
  return {
    enId: en.id,
    zhId: zh.id,
    score,
    isTranslation: score >= threshold,
    reasons: [
      ...reasonsOf(match.links, measures, match.enCount, match.zhCount),
      ...(ownQuotes
        ? [
            'the Chinese text quotes a Chinese speaker whom none of the English speakers could be: its own interviews, not a translation',
          ]
        : []),
    ],
    anchors: match.links,
    measures,
    original: originalOf(en, zh),
    paragraphs: alignParagraphs(enParagraphs, zhParagraphs, {
      en: paragraphKeys(en.text, enParagraphs, enAnchors),
      zh: paragraphKeys(zh.text, zhParagraphs, zhAnchors),
    }),
  };
}

/** The anchor keys falling in each paragraph (paragraphs found in the text in order). */
function paragraphKeys(text: string, paragraphs: readonly string[], anchors: readonly Anchor[]): Set<string>[] {
  const starts: number[] = [];
  let cursor = 0;
  for (const p of paragraphs) {
    const at = text.indexOf(p, cursor);
    starts.push(at < 0 ? cursor : at);
    cursor = at < 0 ? cursor : at + p.length;
  }
  const out = paragraphs.map(() => new Set<string>());
  for (const a of anchors) {
    let k = 0;
    while (k + 1 < starts.length && starts[k + 1]! <= a.offset) k++;
    out[k]?.add(a.key);
  }
  return out;
}

function round(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1000) / 1000 : x;
}

function reasonsOf(links: readonly AnchorLink[], m: Measures, enCount: number, zhCount: number): string[] {
  const out: string[] = [];
  const shown = links.slice(0, 8).map((l) => (l.en === l.zh ? l.en : `${l.en} = ${l.zh}`));
  out.push(
    links.length === 0
      ? `no anchors in common (English ${enCount}, Chinese ${zhCount})`
      : `${links.length} anchors in the same order (of ${enCount} English, ${zhCount} Chinese): ${shown.join(', ')}${links.length > 8 ? ', …' : ''}`,
  );
  out.push(`anchors sit at the same places: mean drift ${(m.positionDrift * 100).toFixed(1)}% of the text`);
  out.push(`paragraphs: ratio ${m.paragraphRatio.toFixed(2)}, breaks agree ${m.breakAgreement.toFixed(2)}`);
  out.push(
    `size: ${Number.isFinite(m.sizeRatio) ? m.sizeRatio.toFixed(2) : '∞'} English letters per Han character (translations run about ${LETTERS_PER_HAN})`,
  );
  if (m.alignment !== null) {
    out.push(
      `sentence alignment score ${m.alignment.toFixed(2)}; ${Math.round((m.confidentSentences ?? 0) * 100)}% of sentences in confident links`,
    );
    if (m.sentenceOrder !== null)
      out.push(
        `${Math.round(m.sentenceOrder * 100)}% of sentences find their best dictionary match in translation order`,
      );
    if (m.counterparts)
      out.push(
        `sentences with a counterpart in the other text: English ${Math.round(m.counterparts.en * 100)}%, Chinese ${Math.round(m.counterparts.zh * 100)}%`,
      );
  }
  return out;
}

/** "编译自", "来源：", "translated from": a line crediting another publication. */
const CREDIT_ZH = /编译|编辑整理|译者|翻译[：:]|译[／/]|来源[：:]|原文[：:链]|原标题|本文译自|译自/;
const CREDIT_EN =
  /\btranslated (?:from|by)\b|\btranslation of\b|\boriginally (?:published|appeared)\b|\bsource[:：]|\bvia\b/i;

function host(url: string): string | null {
  try {
    const h = new URL(url).hostname.replace(/^www\./, '');
    return h.length > 0 ? h : null;
  } catch {
    return null;
  }
}

/** Does `text` point at `other`: its URL, its host, or its outlet named in a credit line? */
function pointsAt(text: string, credits: RegExp, other: Version): string | null {
  if (text.includes(other.url)) return `links to ${other.url}`;
  const h = host(other.url);
  if (h && /\./.test(h) && text.includes(h)) return `names ${h}`;
  const lines = text.split(/\n+/).filter((l) => credits.test(l));
  for (const name of [other.outlet, other.siteName]) {
    if (name && lines.some((l) => l.toLowerCase().includes(name.toLowerCase()))) return `credits ${name}`;
  }
  return null;
}

/**
 * Which is the original: the one the other links or credits; else the one published first; else
 * the English one (Chinese AI media translating English coverage is the common case).
 */
export function originalOf(en: Version, zh: Version): Recognition['original'] {
  const zhPoints = pointsAt(zh.text, CREDIT_ZH, en) ?? pointsAt(zh.text, CREDIT_EN, en);
  if (zhPoints) return { id: en.id, language: 'en', why: `the Chinese ${zhPoints}` };
  const enPoints = pointsAt(en.text, CREDIT_EN, zh) ?? pointsAt(en.text, CREDIT_ZH, zh);
  if (enPoints) return { id: zh.id, language: 'zh', why: `the English ${enPoints}` };
  const zhCredit = CREDIT_ZH.test(zh.text);
  const enCredit = CREDIT_EN.test(en.text) && /translat/i.test(en.text);
  if (zhCredit && !enCredit) return { id: en.id, language: 'en', why: 'the Chinese carries a translation credit line' };
  if (enCredit && !zhCredit) return { id: zh.id, language: 'zh', why: 'the English carries a translation credit line' };
  const te = Date.parse(en.published ?? en.ingestedAt);
  const tz = Date.parse(zh.published ?? zh.ingestedAt);
  if (Number.isFinite(te) && Number.isFinite(tz) && te !== tz) {
    return te < tz
      ? { id: en.id, language: 'en', why: `published first (${new Date(te).toISOString()})` }
      : { id: zh.id, language: 'zh', why: `published first (${new Date(tz).toISOString()})` };
  }
  return { id: en.id, language: 'en', why: 'no credit line and the same time: English assumed' };
}
