// Sentence and word segmentation for English and Chinese. Every span is a UTF-16 offset range
// into the given text, so text.slice(start, end) === span.text always holds.
import type { Face } from '../article.js';

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Abbreviations after which a period never ends a sentence (titles before a name). */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'gov',
  'sen',
  'rep',
  'gen',
  'col',
  'lt',
  'capt',
  'hon',
  'rev',
  'messrs',
  'mt',
  'ft',
]);
/** Abbreviations that end a sentence only when a typical sentence opener follows. */
const ABBREVIATIONS = new Set([
  'inc',
  'corp',
  'co',
  'ltd',
  'plc',
  'llc',
  'vs',
  'etc',
  'no',
  'nos',
  'approx',
  'est',
  'dept',
  'fig',
  'vol',
  'al',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'e.g',
  'i.e',
  'a.m',
  'p.m',
  'u.s',
  'u.k',
  'u.n',
  'e.u',
  'u.s.a',
]);
const SENTENCE_OPENERS = new Set(
  (
    'The A An It Its This That These Those He She They We I You His Her Their Our But And Or So Yet In On At As ' +
    'For From With After Before When While If Although However Meanwhile Still Now Then There Here What Why How ' +
    'Last Next Earlier Later Shares Analysts'
  ).split(' '),
);

const TERMINAL_ZH = new Set(['。', '！', '？', '；', '…', '!', '?']);
const TERMINAL_EN = new Set(['.', '!', '?']);
/** Marks shared with English text: they end a Chinese sentence only beside Han characters. */
const HALF_OR_SHARED = new Set(['!', '?', '…']);
const QUOTE_CLOSERS = new Set(['”', '」', '』']);
const ZH_ATTRIBUTION = /^[^。！？“”「」\n]{1,40}?(?:说|表示|称|指出|写道|强调|坦言|透露|回应|补充道|说道)[。！]?/u;
const CLOSERS = new Set(['"', "'", '”', '’', '」', '』', '》', '）', ')', ']', '】']);

export function splitSentences(text: string, _language?: Face): Span[] {
  // One splitter serves both languages: Chinese text carries English sentences and the reverse.
  const spans: Span[] = [];
  let start = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const ch = text[i]!;
    if (ch === '\n') {
      push(spans, text, start, i);
      start = i + 1;
      i++;
      continue;
    }
    if (TERMINAL_ZH.has(ch) && (HALF_OR_SHARED.has(ch) ? isHanNear(text, i) : true)) {
      let j = i + 1;
      while (j < n && (TERMINAL_ZH.has(text[j]!) || TERMINAL_EN.has(text[j]!))) j++;
      while (j < n && CLOSERS.has(text[j]!)) j++;
      // “……。”费朗说。 The attribution after a closing quote belongs to the quoted sentence.
      if (QUOTE_CLOSERS.has(text[j - 1]!)) {
        // Only a closed attribution (费朗说。) or one that ends the text; in “……”她说，Saltfork…
        // the speaker opens the next sentence and stays with it.
        const tail = ZH_ATTRIBUTION.exec(text.slice(j, j + 48));
        if (tail && (/[。！]$/u.test(tail[0]) || j + tail[0].length === n)) j += tail[0].length;
      }
      push(spans, text, start, j);
      start = j;
      i = j;
      continue;
    }
    if (TERMINAL_EN.has(ch)) {
      let j = i + 1;
      while (j < n && (TERMINAL_EN.has(text[j]!) || text[j] === '…')) j++;
      while (j < n && CLOSERS.has(text[j]!)) j++;
      if (j >= n || /[\s\u3000]/.test(text[j]!) || isHan(text.charCodeAt(j))) {
        if (ch === '.' ? periodEnds(text, i, j) : !lowerFollows(text, j)) {
          push(spans, text, start, j);
          start = j;
        }
      }
      i = j;
      continue;
    }
    i++;
  }
  push(spans, text, start, n);
  return spans;
}

function push(spans: Span[], text: string, from: number, to: number): void {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) spans.push({ start: s, end: e, text: text.slice(s, e) });
}

/** "“We will win!” he said": a lower-case word after the mark continues the sentence. */
function lowerFollows(text: string, after: number): boolean {
  const m = /^[ \t\u00A0]*["“‘'(]*(\p{L})/u.exec(text.slice(after, after + 12));
  return m !== null && /\p{Ll}/u.test(m[1]!);
}

/** Decides whether the period at `dot` (followed by whitespace at `after`) ends a sentence. */
function periodEnds(text: string, dot: number, after: number): boolean {
  let k = after;
  while (k < text.length && /[ \t\u00A0\u3000]/.test(text[k]!)) k++;
  if (k >= text.length || text[k] === '\n') return true;
  const next = text.slice(k, k + 24).match(/^[^\s]+/)?.[0] ?? '';
  const nextWord = next.replace(/^["“‘'([]+/, '').replace(/[^\p{L}\p{N}].*$/u, '');
  const firstNext = next.replace(/^["“‘'([]+/, '')[0] ?? '';
  // A lower-case continuation is never a new sentence ("U.S. officials", "approx. five").
  if (/\p{Ll}/u.test(firstNext)) return false;

  let w = dot;
  while (w > 0 && /[\p{L}\p{N}.]/u.test(text[w - 1]!)) w--;
  const word = text.slice(w, dot);
  const lower = word.toLowerCase();
  if (TITLES.has(lower)) return false;
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: "J. Smith"
  if (lower === 'no' || lower === 'nos') return !/^\d/.test(firstNext);
  if (ABBREVIATIONS.has(lower) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) {
    return SENTENCE_OPENERS.has(nextWord) || /\p{Script=Han}/u.test(firstNext);
  }
  return true;
}

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** Half-width ! and ? end a sentence in Chinese text when Han characters sit beside them. */
function isHanNear(text: string, i: number): boolean {
  return isHan(text.charCodeAt(i - 1)) || isHan(text.charCodeAt(i + 1));
}

let zhSegmenter: Intl.Segmenter | null = null;
const LATIN_WORDS = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
const HAN_ANY = /\p{Script=Han}/u;

export function segmentWords(text: string, language?: Face): Span[] {
  const lang = language ?? (HAN_ANY.test(text) ? 'zh' : 'en');
  if (lang === 'en') {
    const spans: Span[] = [];
    for (const m of text.matchAll(LATIN_WORDS)) spans.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    return spans;
  }
  zhSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  // ICU's dictionary segmenter slows down on long runs; segmenting clause by clause is ~3x faster
  // and gives the same words (no word spans a clause mark).
  const spans: Span[] = [];
  let from = 0;
  for (const m of text.matchAll(CLAUSE_END)) {
    const to = m.index + m[0].length;
    segmentChunk(zhSegmenter, text, from, to, spans);
    from = to;
  }
  segmentChunk(zhSegmenter, text, from, text.length, spans);
  return spans;
}

const CLAUSE_END = /[。！？；，、\n]+/g;

function segmentChunk(segmenter: Intl.Segmenter, text: string, from: number, to: number, spans: Span[]): void {
  if (to <= from) return;
  for (const seg of segmenter.segment(text.slice(from, to))) {
    if (seg.isWordLike)
      spans.push({ start: from + seg.index, end: from + seg.index + seg.segment.length, text: seg.segment });
  }
}
