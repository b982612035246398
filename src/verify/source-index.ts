// Everything verification looks up in the sources, computed once per run: the normalised text
// with its offset map, figures by kind and unit, gazetteer entities by id, and sentence tokens for
// provenance. Checking a sentence then costs lookups, not re-reading the sources.

import { gazetteerMentions } from '../understand/entities.js';
import { parseFigures, type Figure } from '../understand/figures.js';
import { splitSentences, type Span } from '../text/sentences.js';
import type { SourceText } from './grounding.js';
import { normalizeWithOffsets, simplifiedInPlace, type NormalizedText } from './normalized-text.js';
import { normalTokens } from './provenance.js';

export interface IndexedSource {
  readonly source: SourceText;
  readonly normalized: NormalizedText;
  readonly sentences: readonly Span[];
  /** The label in match form ('' when none), for outlets named in an output. */
  readonly normalLabel: string;
}

export interface SourceFigure {
  readonly sourceIndex: number;
  readonly figure: Figure;
}

export interface SourceMention {
  readonly sourceIndex: number;
  readonly start: number;
  readonly end: number;
}

export interface SentenceRef {
  readonly sourceIndex: number;
  readonly sentence: number;
  /** Distinct tokens of the sentence (EN words, ZH characters), for overlap scores. */
  readonly size: number;
}

export interface SourceIndex {
  readonly sources: readonly IndexedSource[];
  /** Figures keyed by `${kind}|${unit}`. */
  readonly figures: ReadonlyMap<string, readonly SourceFigure[]>;
  /** Gazetteer mentions keyed by entity id, in source order. */
  readonly entities: ReadonlyMap<string, readonly SourceMention[]>;
  /** Every source sentence, numbered across sources. */
  readonly sentenceRefs: readonly SentenceRef[];
  /** Token → ids (into sentenceRefs) of the sentences holding it. */
  readonly tokens: ReadonlyMap<string, readonly number[]>;
  /** Token → indices of the sources holding it, ascending: which sources can hold a phrase. */
  readonly tokenSources: ReadonlyMap<string, readonly number[]>;
  /** Per-sentence counters for provenance, all zero between uses. */
  readonly scratch: Uint16Array;
}

export const figureKey = (f: Pick<Figure, 'kind' | 'unit'>): string => `${f.kind}|${f.unit}`;

/** What indexing learns from one source text alone; shared by every index holding that text. */
interface TextParts {
  readonly normalized: NormalizedText;
  readonly sentences: readonly Span[];
  /** Figures with their surface in the text. */
  readonly figures: readonly Figure[];
  readonly mentions: ReadonlyArray<{ readonly entityId: string; readonly start: number; readonly end: number }>;
  /** Per sentence, its distinct tokens in first-seen order. */
  readonly sentenceTokens: ReadonlyArray<readonly string[]>;
}

function textParts(text: string): TextParts {
  const sentences = splitSentences(text);
  const normalized = normalizeWithOffsets(text);
  const simple = simplifiedInPlace(text);
  const figures = parseFigures(simple).map((f) => ({ ...f, surface: text.slice(f.start, f.end) }));
  const mentions: Array<{ entityId: string; start: number; end: number }> = [];
  for (const m of gazetteerMentions(simple))
    if (m.entityId !== null) mentions.push({ entityId: m.entityId, start: m.start, end: m.end });
  // Tokens come from the already normalised text: the sentence's range in normal form.
  const sentenceTokens = sentences.map((s) => [
    ...normalTokens(
      normalized.text.slice(lowerBound(normalized.starts, s.start), lowerBound(normalized.starts, s.end)),
    ),
  ]);
  return { normalized, sentences, figures, mentions, sentenceTokens };
}

/** The cached value, moved to the newest end of the map's insertion order (least recently used first). */
function recentlyUsed<K, V>(cache: Map<K, V>, key: K): V | undefined {
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

/**
 * A build and its sources' texts are read again and again (a story's cards, posts and digest
 * items all rest on the same articles), so the per-text work is kept, keyed by the exact text:
 * a changed article is a different key. Bounded by total characters, least recently used first.
 */
const PARTS_BUDGET = 4_000_000;
const parts = new Map<string, TextParts>();
let partsChars = 0;

function cachedParts(text: string): TextParts {
  const hit = recentlyUsed(parts, text);
  if (hit) return hit;
  const made = textParts(text);
  if (text.length > PARTS_BUDGET) return made;
  parts.set(text, made);
  partsChars += text.length;
  for (const key of parts.keys()) {
    if (partsChars <= PARTS_BUDGET) break;
    parts.delete(key);
    partsChars -= key.length;
  }
  return made;
}

export function indexSources(sources: readonly SourceText[]): SourceIndex {
  const indexed: IndexedSource[] = [];
  const figures = new Map<string, SourceFigure[]>();
  const entities = new Map<string, SourceMention[]>();
  const tokens = new Map<string, number[]>();
  const tokenSources = new Map<string, number[]>();
  const sentenceRefs: SentenceRef[] = [];
  sources.forEach((source, sourceIndex) => {
    const p = cachedParts(source.text);
    const normalLabel = source.label ? normalizeWithOffsets(source.label).text : '';
    indexed.push({ source, normalized: p.normalized, sentences: p.sentences, normalLabel });
    for (const figure of p.figures) push(figures, figureKey(figure), { sourceIndex, figure });
    for (const m of p.mentions) push(entities, m.entityId, { sourceIndex, start: m.start, end: m.end });
    const inSource = new Set<string>();
    p.sentenceTokens.forEach((set, sentence) => {
      const id = sentenceRefs.length;
      sentenceRefs.push({ sourceIndex, sentence, size: set.length });
      for (const t of set) {
        push(tokens, t, id);
        inSource.add(t);
      }
    });
    for (const t of inSource) push(tokenSources, t, sourceIndex);
  });
  return {
    sources: indexed,
    figures,
    entities,
    sentenceRefs,
    tokens,
    tokenSources,
    scratch: new Uint16Array(sentenceRefs.length),
  };
}

/** The first k with starts[k] >= offset. */
function lowerBound(starts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sources that can hold a normalised phrase: those with all its tokens (all sources if none). */
export function candidateSources(index: SourceIndex, normalPhrase: string): readonly number[] {
  const tokens = [...normalTokens(normalPhrase)];
  if (tokens.length === 0) return index.sources.map((_, i) => i);
  const lists = tokens.map((t) => index.tokenSources.get(t) ?? []).sort((a, b) => a.length - b.length);
  let out = lists[0]!;
  for (let k = 1; k < lists.length && out.length > 0; k++) {
    const other = new Set(lists[k]);
    out = out.filter((i) => other.has(i));
  }
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const cache = new WeakMap<readonly SourceText[], SourceIndex>();

/** The index of a sources array, built on first use and kept while the array lives. */
export function sourceIndexFor(sources: readonly SourceText[]): SourceIndex {
  let index = cache.get(sources);
  if (!index) {
    index = indexSources(sources);
    cache.set(sources, index);
  }
  return index;
}

/**
 * Whole indexes of recently verified source sets, keyed by every source's id, label, url and
 * text, so an equal set given as a new array (sourcesOf per output) is not indexed again. Few
 * entries: outputs about one story are written one after another.
 */
const INDEX_ENTRIES = 16;
const byContent = new Map<string, SourceIndex>();

/** The index of these sources, shared with earlier calls given the same content. */
export function sharedSourceIndex(sources: readonly SourceText[]): SourceIndex {
  const key = JSON.stringify(sources.map((s) => [s.id, s.label ?? null, s.url ?? null, s.text]));
  const hit = recentlyUsed(byContent, key);
  if (hit) return hit;
  const made = indexSources(sources);
  byContent.set(key, made);
  if (byContent.size > INDEX_ENTRIES) byContent.delete(byContent.keys().next().value!);
  return made;
}
