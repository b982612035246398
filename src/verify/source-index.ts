// Everything verification looks up in the sources, computed once per run: the normalised text
// with its offset map, figures by kind and unit, gazetteer entities by id, and sentence tokens for
// provenance. Checking a sentence then costs lookups, not re-reading the sources.

import { gazetteerMentions } from '../understand/entities.js';
import { parseFigures, type Figure } from '../understand/figures.js';
import { splitSentences, type Span } from '../text/sentences.js';
import type { SourceText } from './grounding.js';
import { normalizeWithOffsets, simplifiedInPlace, type NormalizedText } from './normalized-text.js';
import { sentenceTokens } from './provenance.js';

export interface IndexedSource {
  readonly source: SourceText;
  readonly normalized: NormalizedText;
  readonly sentences: readonly Span[];
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
  /** Token → the source sentences holding it. */
  readonly tokens: ReadonlyMap<string, readonly SentenceRef[]>;
}

export const figureKey = (f: Pick<Figure, 'kind' | 'unit'>): string => `${f.kind}|${f.unit}`;

export function indexSources(sources: readonly SourceText[]): SourceIndex {
  const indexed: IndexedSource[] = [];
  const figures = new Map<string, SourceFigure[]>();
  const entities = new Map<string, SourceMention[]>();
  const tokens = new Map<string, SentenceRef[]>();
  sources.forEach((source, sourceIndex) => {
    const sentences = splitSentences(source.text);
    indexed.push({ source, normalized: normalizeWithOffsets(source.text), sentences });
    const simple = simplifiedInPlace(source.text);
    for (const f of parseFigures(simple)) {
      const figure = { ...f, surface: source.text.slice(f.start, f.end) };
      push(figures, figureKey(figure), { sourceIndex, figure });
    }
    for (const m of gazetteerMentions(simple)) {
      if (m.entityId !== null) push(entities, m.entityId, { sourceIndex, start: m.start, end: m.end });
    }
    sentences.forEach((s, sentence) => {
      const set = sentenceTokens(s.text);
      const ref: SentenceRef = { sourceIndex, sentence, size: set.size };
      for (const t of set) push(tokens, t, ref);
    });
  });
  return { sources: indexed, figures, entities, tokens };
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
