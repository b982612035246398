// Candidate sentences of one article, with what the writer scores them by: the entities, figures
// and proper-name terms they carry, their position, quotes, and the flags that make a sentence
// unfit to stand alone (dangling "This…", unbalanced quote marks, boilerplate).

import type { ArticleWithSightings, ArticleLanguage } from '../article.js';
import { TERM_STOPWORDS } from '../text/english-words.js';
import type { Figure } from '../understand/understand.js';
import { unfitReason } from './unfit-sentences.js';

export interface Candidate {
  readonly articleId: string;
  readonly language: ArticleLanguage;
  readonly text: string;
  /** UTF-16 span into article.text: article.text.slice(start, end) === text. */
  readonly start: number;
  readonly end: number;
  /** 0 = first sentence of the article. */
  readonly index: number;
  /** Entity ids (gazetteer) or "name:<lower name>" for names outside it. */
  readonly entities: readonly string[];
  /** Concept entity ids (compute, GPU…): themes, weaker evidence of sameness than names. */
  readonly concepts: readonly string[];
  readonly figures: readonly Figure[];
  /** Figure keys (kind:value:unit), years excluded: what "the same figure" means across languages. */
  readonly figureKeys: readonly string[];
  /** Proper-name terms and content words for same-language overlap. */
  readonly terms: readonly string[];
  readonly hasQuote: boolean;
  /** Reads badly out of context: starts with a pronoun or connective. */
  readonly dangling: boolean;
  /** Never stated as a point: a fragment, unbalanced marks, boilerplate, code, a disclaimer or sign-off. */
  readonly unusable: boolean;
}

const DANGLING_EN =
  /^(?:this|that|these|those|it|its|they|them|their|he|she|his|her|but|and|so|yet|also|still|then|there|here|such|both|which|second(?:ly)?|third(?:ly)?|finally|lastly|another|the (?:company|firm|startup|deal|agreement|model|report|move|round|chip|contract)\b)\b/i;
// Also an enumeration's later steps ("二是…", "其次…") and a view held by someone named before ("在她看来…").
const DANGLING_ZH =
  /^(?:这|那|此|其|他|她|它|该|但|而|并|且|所以|因此|不过|同时|此外|对此|其中|[二三四五六七八九十]是|其次|再次|最后|第[二三四五六七八九十]|在(?:他|她|它|其)|据(?:他|她|它|其))|^[^，。]{0,6}，(?:该|这|此|其|他|她)/u;
// Calls to subscribe, disclaimers, sign-offs and code are unfit-sentences.ts's; "subscription
// revenue" or a sentence that merely mentions subscribers is content.
const BOILERPLATE =
  /@|https?:\/\/|\bmedia contact\b|\babout [A-Z][\w ]+:|\ball rights reserved\b|版权所有|扫一扫|关注我们|责任编辑/i;
const TERMINAL = /[.!?。！？…][”"’'」』）)]*$/u;
const HAN = /\p{Script=Han}/u;

export function figureKey(f: Figure): string {
  return `${f.kind}:${f.value}:${f.unit}`;
}

/** Figures that identify an event: years and bare small counts identify nothing. */
export function isTelling(f: Figure): boolean {
  return f.kind !== 'year';
}

/**
 * The article's sentences as the writer may state them. The sentence splitter ends a Chinese
 * sentence at a semicolon (right for alignment and for checking), but a clause ending on "；" is half
 * a statement: it is joined with what follows up to the sentence's real end ("输入价格为每百万 token
 * 2 元，比 Step-4 的 5 元降低 60%；输出价格为每百万 token 8 元。" is one point, not two fragments).
 * Likewise a sentence too short to stand alone followed, in the same paragraph, by one that opens
 * on a reference to it ("阶跃星辰正式推出 Step-4 Swift。这是旗舰模型的提速版本，……") is one
 * statement: the reference is resolved by its neighbour. Each unit is a contiguous span of the
 * text, so it is quoted and checked as it stands in the source.
 */
function statementUnits(article: ArticleWithSightings): { start: number; end: number; index: number }[] {
  const sentences = article.understanding.sentences;
  const body = article.text;
  const units: { start: number; end: number; index: number }[] = [];
  const trimmedEnd = (i: number): string => (sentences[i]?.text ?? '').trimEnd();
  const sameParagraph = (a: number, b: number): boolean => {
    const x = sentences[a];
    const y = sentences[b];
    return x !== undefined && y !== undefined && !/\n\s*\n/.test(body.slice(x.end, y.start));
  };
  const text = (i: number): string => (sentences[i]?.text ?? '').trim();
  for (let i = 0; i < sentences.length; i++) {
    const first = sentences[i]!;
    let j = i;
    // Clauses ended by a semicolon, up to four, with the clause that ends the sentence.
    while (j + 1 < sentences.length && j - i < 4 && /[；;]$/u.test(trimmedEnd(j)) && sameParagraph(j, j + 1)) j++;
    if (
      j === i &&
      j + 1 < sentences.length &&
      tooShort(text(i)) &&
      opensOnReference(text(i + 1)) &&
      sameParagraph(i, i + 1)
    )
      j++;
    units.push({ start: first.start, end: sentences[j]!.end, index: i });
    i = j;
  }
  return units;
}

export function sentenceCandidates(article: ArticleWithSightings): Candidate[] {
  const u = article.understanding;
  const out: Candidate[] = [];
  for (const unit of statementUnits(article)) {
    const index = unit.index;
    const raw = article.text.slice(unit.start, unit.end);
    const text = raw.trim();
    if (text.length === 0) continue;
    const lead = raw.indexOf(text);
    const start = unit.start + lead;
    const end = start + text.length;
    const entities = new Set<string>();
    const concepts = new Set<string>();
    for (const e of u.entities) {
      if (e.start < start || e.end > end) continue;
      if (e.type === 'concept') concepts.add(e.entityId ?? `name:${e.name.toLowerCase()}`);
      else entities.add(e.entityId ?? `name:${e.name.toLowerCase()}`);
    }
    const figures = u.figures.filter((f) => f.start >= start && f.end <= end);
    const quotes = u.quotes.filter((q) => q.end > start && q.start < end);
    const insideQuoteOnly = quotes.some((q) => q.start <= start && q.end >= end);
    const zh = isChinese(text);
    const tooLong = text.length > (zh ? 160 : 360);
    out.push({
      articleId: article.id,
      language: article.language,
      text,
      start,
      end,
      index,
      entities: [...entities].sort(),
      concepts: [...concepts].sort(),
      figures,
      figureKeys: [...new Set(figures.filter(isTelling).map(figureKey))].sort(),
      terms: termsOf(text, zh),
      hasQuote: quotes.some((q) => q.speaker !== null),
      dangling: opensOnReference(text),
      unusable:
        tooShort(text) ||
        tooLong ||
        !TERMINAL.test(text) ||
        BOILERPLATE.test(text) ||
        unfitReason(text) !== null ||
        !balancedQuotes(text) ||
        insideQuoteOnly ||
        /^\d+\//.test(text) || // a numbered thread post ("2/ …") reads as a fragment
        /[:：]$/.test(text),
    });
  }
  return out;
}

/** Mostly Chinese: a sentence with a few Latin names in it still is, an English one quoting a Chinese name is not. */
function isChinese(text: string): boolean {
  return HAN.test(text) && countHan(text) > text.length / 4;
}

/** Too short to state on its own: under 10 Chinese characters, or under 40 characters of English. */
function tooShort(text: string): boolean {
  return isChinese(text) ? countHan(text) < 10 : text.length < 40;
}

/** Opens on a pronoun or connective that refers to something said before ("This…", "该…", "二是…"). */
function opensOnReference(text: string): boolean {
  return (isChinese(text) ? DANGLING_ZH : DANGLING_EN).test(text.replace(/^[“"「『(（\s]+/u, ''));
}

function countHan(text: string): number {
  let n = 0;
  for (const ch of text) if (HAN.test(ch)) n++;
  return n;
}

function balancedQuotes(text: string): boolean {
  const count = (re: RegExp): number => (text.match(re) ?? []).length;
  if (count(/“/g) !== count(/”/g)) return false;
  if (count(/「/g) !== count(/」/g)) return false;
  return count(/"/g) % 2 === 0;
}

/** English: lower-cased content words; Chinese: Han character bigrams. Sorted, unique. */
export function termsOf(text: string, zh: boolean): string[] {
  const out = new Set<string>();
  if (zh) {
    const han = [...text].filter((ch) => HAN.test(ch));
    for (let i = 0; i + 1 < han.length; i++) out.add(han[i]! + han[i + 1]!);
    for (const w of text.match(/[A-Za-z][A-Za-z0-9-]{2,}/g) ?? []) out.add(w.toLowerCase());
  } else {
    for (const w of text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []) {
      const lower = w.toLowerCase().replace(/['’]s$/, '');
      if (lower.length < 3 || TERM_STOPWORDS.has(lower)) continue;
      out.add(lower);
    }
  }
  return [...out].sort();
}
