// Grounding of one output sentence in its sources: every quoted phrase, figure and named entity
// must be found there, and the sentence records the source sentences it rests on. Pure.

import { figuresEqual, parseFigures, type Figure } from '../understand/figures.js';
import { gazetteerMentions } from '../understand/entities.js';
import { lookupEntity } from '../understand/gazetteer.js';
import { findPhrase, normalizeWithOffsets, originalSpan, simplifiedInPlace } from './normalized-text.js';
import { nameCandidates, namedMentions } from './output-names.js';
import { provenance, sentenceTokens } from './provenance.js';
import { quotedPhrases } from './quoted-phrases.js';
import { candidateSources, figureKey, sourceIndexFor, type SourceIndex } from './source-index.js';

export interface SourceText {
  id: string;
  /** The outlet or file name shown in reports. */
  label?: string;
  text: string;
  url?: string;
}

/** A span [start, end) of one source's text; `excerpt` is that text. */
export interface Support {
  sourceId: string;
  start: number;
  end: number;
  excerpt?: string;
}

export type ClaimKind = 'quote' | 'figure' | 'entity';

export interface Claim {
  kind: ClaimKind;
  /** For a quote, the words between the marks; else the figure or name as written. */
  surface: string;
  /** Span in the output sentence; a quote's span includes its marks. */
  start: number;
  end: number;
  supported: boolean;
  support: Support[];
  reason?: string;
  /** Unsupported quotes only: most of its words are in the sources, so it reads as a paraphrase. */
  paraphrase?: boolean;
}

export interface SentenceCheck {
  text: string;
  claims: Claim[];
  /** The best-matching source sentence(s), by token overlap. */
  support: Support[];
  /** Share of the sentence's content tokens found in its best source sentence, 0..1. */
  overlap: number;
  /** Where the sentence sits in the field it came from (0 and text.length when checked alone). */
  start: number;
  end: number;
  ok: boolean;
}

export interface CheckOptions {
  /** A headline in Title Case: capitalised words are not taken for unknown names. */
  titleCase?: boolean;
}

const MAX_SUPPORT = 3;

/** Checks one sentence; the sources are indexed once per array object (pass the same array again). */
export function checkSentence(
  sentence: string,
  sources: readonly SourceText[],
  options: CheckOptions = {},
): SentenceCheck {
  return checkSentenceIn(sentence, sourceIndexFor(sources), options);
}

export function checkSentenceIn(sentence: string, index: SourceIndex, options: CheckOptions = {}): SentenceCheck {
  const quotes = quotedPhrases(sentence);
  const claims: Claim[] = [];
  for (const q of quotes) claims.push(checkQuote(q.inner, q.start, q.end, index));
  // A link is an address, not a claim: the digits and names inside a URL are not checked.
  const links = [...sentence.matchAll(URL_PATTERN)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  // Finders read a simplified copy of the same length; surfaces come from the sentence itself.
  const simple = blank(simplifiedInPlace(sentence), links);
  const figures = parseFigures(simple).map((f) => ({ ...f, surface: sentence.slice(f.start, f.end) }));
  for (const f of figures) claims.push(checkFigure(f, sentence, index));
  const mentions = namedMentions(gazetteerMentions(simple));
  for (const m of mentions) claims.push(checkEntity(sentence.slice(m.start, m.end), m.entityId, m.start, m.end, index));
  const masked = [...quotes, ...figures, ...mentions, ...links]
    .map((x) => ({ start: x.start, end: x.end }))
    .sort((a, b) => a.start - b.start);
  for (const n of nameCandidates(sentence, masked, { titleCase: options.titleCase ?? false })) {
    const whole = checkEntity(n.surface, null, n.start, n.end, index);
    const part = whole.supported || !n.part ? null : checkEntity(n.part.surface, null, n.part.start, n.part.end, index);
    if (part?.supported) claims.push(part);
    else
      claims.push(
        whole.supported || !n.shorter
          ? whole
          : checkEntity(n.shorter.surface, null, n.shorter.start, n.shorter.end, index),
      );
  }
  claims.sort((a, b) => a.start - b.start || a.end - b.end);
  // A sentence that is a source sentence as written is supported by construction: whatever the
  // finders read in it, they read the same in the source.
  if (claims.some((c) => !c.supported)) {
    const copy = verbatimSentence(sentence, index);
    if (copy) {
      const reason = `the sentence is a sentence of ${sourceLabel(index, copy.sourceIndex)} as written`;
      for (let k = 0; k < claims.length; k++) {
        const c = claims[k]!;
        if (c.supported) continue;
        const { paraphrase: _unused, ...rest } = c;
        claims[k] = { ...rest, supported: true, support: [copy.support], reason };
      }
    }
  }
  const prov = provenance(sentence, index);
  return {
    text: sentence,
    claims,
    support: prov.support,
    overlap: prov.overlap,
    start: 0,
    end: sentence.length,
    ok: claims.every((c) => c.supported),
  };
}

/** Punctuation, quote marks and bullets that may differ at the edges of a copied sentence. */
const COPY_EDGE =
  /^[\s"'“”‘’「」『』(（)）*#>•·\-–—,.;:!?，。；：！？、…]+|[\s"'“”‘’「」『』(（)）*\-–—,.;:!?，。；：！？、…]+$/gu;

/**
 * Where `sentence`, normalised, is a whole sentence of a source (its edges may differ only in
 * punctuation, quote marks and spaces); null when it is not. Only sentences of a few words count.
 */
export function verbatimSentence(
  sentence: string,
  index: SourceIndex,
): { sourceIndex: number; support: Support } | null {
  const phrase = normalizeWithOffsets(sentence).text.replace(COPY_EDGE, '');
  if (phrase.length < 12) return null;
  for (const si of candidateSources(index, phrase)) {
    const src = index.sources[si]!;
    for (
      let at = findPhrase(src.normalized.text, phrase);
      at !== -1;
      at = findPhrase(src.normalized.text, phrase, at + 1)
    ) {
      const span = originalSpan(src.normalized, at, at + phrase.length);
      const whole = src.sentences.find((x) => x.start <= span.start && span.end <= x.end);
      if (!whole) continue;
      const before = src.source.text.slice(whole.start, span.start);
      const after = src.source.text.slice(span.end, whole.end);
      if (before.replace(COPY_EDGE, '') !== '' || after.replace(COPY_EDGE, '') !== '') continue;
      return { sourceIndex: si, support: supportOf(index, si, whole.start, whole.end) };
    }
  }
  return null;
}

const URL_PATTERN = /\bhttps?:\/\/[^\s)\]>"”]+|\bfile:\/\/[^\s)\]>"”]+/g;

/** The text with the given spans replaced by spaces: same length, so offsets still hold. */
function blank(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

const EDGE_PUNCT = /^[\s,.;:!?，。；：！？、…-]+|[\s,.;:!?，。；：！？、…-]+$/g;
/** Ellipses and bracketed insertions stand for words the quoter left out or added. */
const ELISION = /\s*(?:\.\.\.+|\[[^\]]*\])\s*/;

function checkQuote(inner: string, start: number, end: number, index: SourceIndex): Claim {
  const phrase = normalizeWithOffsets(inner).text.replace(EDGE_PUNCT, '');
  const base = { kind: 'quote' as const, surface: inner.replace(/[\s,;:.，；：、。]+$/, ''), start, end };
  if (phrase === '') return { ...base, supported: true, support: [], reason: 'nothing between the marks' };
  const fragments = phrase
    .split(ELISION)
    .map((f) => f.replace(EDGE_PUNCT, ''))
    .filter((f) => f !== '');
  const support: Support[] = [];
  for (const si of candidateSources(index, fragments.join(' '))) {
    if (support.length >= MAX_SUPPORT) break;
    const src = index.sources[si]!;
    const whole = findPhrase(src.normalized.text, phrase);
    let range: { from: number; to: number } | null = whole === -1 ? null : { from: whole, to: whole + phrase.length };
    if (!range && fragments.length > 1) range = fragmentsInOrder(src.normalized.text, fragments);
    if (!range) continue;
    const span = originalSpan(src.normalized, range.from, range.to);
    support.push({ sourceId: src.source.id, ...span, excerpt: src.source.text.slice(span.start, span.end) });
  }
  if (support.length > 0) return { ...base, supported: true, support };
  const words = sentenceTokens(inner);
  let found = 0;
  for (const w of words) if (index.tokens.has(w)) found++;
  const paraphrase = words.size > 0 && found / words.size >= PARAPHRASE_SHARE;
  return { ...base, supported: false, support: [], reason: 'these words are not in any source', paraphrase };
}

/** Share of a quote's content words that must be in the sources for it to count as a paraphrase. */
const PARAPHRASE_SHARE = 0.5;

function fragmentsInOrder(hay: string, fragments: readonly string[]): { from: number; to: number } | null {
  let at = 0;
  let from = -1;
  for (const f of fragments) {
    const k = findPhrase(hay, f, at);
    if (k === -1) return null;
    if (from === -1) from = k;
    at = k + f.length;
  }
  return { from, to: at };
}

const HEDGE_BEFORE =
  /(?:about|around|approximately|approx\.|roughly|nearly|almost|some|over|more than|less than|under|up to|close to|约|大约|近|将近|超过|逾|接近|不到)\s*$/i;
const HEDGE_AFTER = /^\s*(?:左右|多|余)/;

function checkFigure(f: Figure, sentence: string, index: SourceIndex): Claim {
  const base = { kind: 'figure' as const, surface: f.surface, start: f.start, end: f.end };
  const candidates = index.figures.get(figureKey(f)) ?? [];
  const support: Support[] = [];
  for (const c of candidates) {
    if (support.length >= MAX_SUPPORT) break;
    if (figuresEqual(f, c.figure)) support.push(supportOf(index, c.sourceIndex, c.figure.start, c.figure.end));
  }
  if (support.length > 0) return { ...base, supported: true, support };
  // "about $250 billion" may round "$249.6 billion"; a bare figure must match as stated.
  const hedged =
    HEDGE_BEFORE.test(sentence.slice(Math.max(0, f.start - 16), f.start)) ||
    HEDGE_AFTER.test(sentence.slice(f.end, f.end + 3));
  if (hedged && f.kind !== 'year') {
    const digits = significantDigits(f.surface);
    for (const c of candidates) {
      if (support.length >= MAX_SUPPORT) break;
      if (roundsTo(c.figure.value, f.value, digits))
        support.push(supportOf(index, c.sourceIndex, c.figure.start, c.figure.end));
    }
    if (support.length > 0)
      return { ...base, supported: true, support, reason: `a rounding of ${support[0]!.excerpt ?? 'a source figure'}` };
  }
  const near = nearest(
    f,
    candidates.map((c) => c.figure),
  );
  const where = near ? candidates.find((c) => c.figure === near) : undefined;
  const label = where ? sourceLabel(index, where.sourceIndex) : '';
  const reason = near
    ? `no source states this amount; the nearest is "${near.surface}" (${label})`
    : f.kind === 'year'
      ? 'no source mentions this year'
      : 'no source states a figure of this kind and unit';
  return { ...base, supported: false, support: [], reason };
}

function significantDigits(surface: string): number {
  const m = /\d[\d,]*(?:\.\d+)?/.exec(surface);
  if (!m) return 2;
  const digits = m[0].replace(/[,.]/g, '').replace(/^0+/, '');
  const trimmed = m[0].includes('.') ? digits : digits.replace(/0+$/, '');
  return Math.max(1, trimmed.length);
}

function roundsTo(sourceValue: number, stated: number, digits: number): boolean {
  if (sourceValue === 0 || stated === 0) return sourceValue === stated;
  return Number.parseFloat(sourceValue.toPrecision(digits)) === Number.parseFloat(stated.toPrecision(12));
}

function nearest(f: Figure, figures: readonly Figure[]): Figure | undefined {
  let best: Figure | undefined;
  for (const g of figures) {
    if (!best || Math.abs(Math.log(g.value / f.value)) < Math.abs(Math.log(best.value / f.value))) best = g;
  }
  return best;
}

function checkEntity(surface: string, entityId: string | null, start: number, end: number, index: SourceIndex): Claim {
  const base = { kind: 'entity' as const, surface, start, end };
  const support: Support[] = [];
  // 英伟达 in an output is supported by "Nvidia" in a source: same gazetteer id.
  for (const m of entityId !== null ? (index.entities.get(entityId) ?? []) : []) {
    if (support.length >= MAX_SUPPORT) break;
    if (!support.some((s) => s.sourceId === index.sources[m.sourceIndex]!.source.id))
      support.push(supportOf(index, m.sourceIndex, m.start, m.end));
  }
  if (support.length === 0) {
    const phrase = normalizeWithOffsets(surface).text;
    for (const si of candidateSources(index, phrase)) {
      if (support.length >= MAX_SUPPORT) break;
      const src = index.sources[si]!;
      for (
        let at = findPhrase(src.normalized.text, phrase);
        at !== -1;
        at = findPhrase(src.normalized.text, phrase, at + 1)
      ) {
        const span = originalSpan(src.normalized, at, at + phrase.length);
        // A name is written with a capital: "Fortune" is not supported by "fortune".
        if (entityId === null && /\p{Lu}/u.test(surface[0]!) && !/\p{Lu}/u.test(src.source.text[span.start] ?? ''))
          continue;
        support.push(supportOf(index, si, span.start, span.end));
        break;
      }
    }
  }
  if (support.length > 0) return { ...base, supported: true, support };
  // An outlet named in the output is supported by the source it labels: "TechCrunch (News)".
  const named = normalizeWithOffsets(surface).text;
  const labelled = index.sources.find((s) => s.normalLabel !== '' && findPhrase(s.normalLabel, named) !== -1);
  if (labelled) return { ...base, supported: true, support: [], reason: `the outlet of source ${labelled.source.id}` };
  const known = entityId !== null ? lookupEntity(entityId) : null;
  const reason = known ? `no source mentions ${known.name} by any of its names` : 'no source mentions this name';
  return { ...base, supported: false, support: [], reason };
}

function supportOf(index: SourceIndex, sourceIndex: number, start: number, end: number): Support {
  const src = index.sources[sourceIndex]!.source;
  return { sourceId: src.id, start, end, excerpt: src.text.slice(start, end) };
}

function sourceLabel(index: SourceIndex, sourceIndex: number): string {
  const src = index.sources[sourceIndex]!.source;
  return src.label ?? src.id;
}
