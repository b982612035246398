// Names in an output sentence that the gazetteer does not know: words written with a capital
// (anywhere in them: arXiv, iPhone, 3D) inside a sentence (not its first word), outside quotes and
// gazetteer mentions, each read whole by wordTokens. Each must occur in a source as written,
// as a whole word (findPhrase). Headlines in Title Case are skipped: every word there is capitalised.

import type { EntityMention } from '../understand/entities.js';
import { hasCapital, wordTokens } from './name-tokens.js';

export interface NameCandidate {
  surface: string;
  start: number;
  end: number;
  /** The run without its first word, when that word may only be capitalised as a clause start. */
  shorter?: NameCandidate;
  /** A word partly read as a figure or gazetteer name: the rest of it, tried when the whole is not found. */
  part?: NameCandidate;
}

/** Acronyms and capitalised words that are not names of anything a source must mention. */
const GENERIC = new Set(
  (
    'AI API APIs SDK CLI IDE UI UX SLA SLAs RFP RFPs ROI KPI KPIs CEO CFO CTO COO CIO VP IPO IPOs GPU GPUs CPU CPUs TPU NPU ' +
    'LLM LLMs ML NLP AGI B2B B2C SaaS PaaS IaaS PR HR IT R&D TCO OEM FAQ PDF URL USD RMB CNY EUR US USA UK EU UN ' +
    'Q1 Q2 Q3 Q4 H1 H2 FY OK TV PC PCs I ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August ' +
    'September October November December ' +
    'Mr Mrs Ms Dr Prof CEO Chief Executive President Chairman Founder Analyst Analysts Investor Investors Executive ' +
    'Executives Developer Developers Researcher Researchers Journalist Enterprise Internet Web ' +
    'English Chinese American European Japanese Korean French German British Indian'
  ).split(' '),
);
const FUNCTION_WORDS = new Set(
  (
    'The A An This That These Those It Its In On At As For From With After Before When While If But And Or So Yet ' +
    'According However Meanwhile Last Next Earlier Later Some Many Most Both Each Other Another Such Our Their His Her ' +
    'Compare Read Enable Track Add Use Try See Note Why What How Who Where Which Not No Yes All Any Only Also Even'
  ).split(' '),
);
const ADJECTIVE = /^\p{Lu}[\p{L}]*-\p{Ll}/u;

export function nameCandidates(
  sentence: string,
  masked: ReadonlyArray<{ start: number; end: number }>,
  options: { titleCase: boolean },
): NameCandidate[] {
  if (options.titleCase) return [];
  let text = sentence;
  for (const m of masked) text = text.slice(0, m.start) + '\u0000'.repeat(m.end - m.start) + text.slice(m.end);
  const out: NameCandidate[] = [];
  // Runs of capitalised words separated by one space ("Harbor Tech Daily"), read by the same
  // word reader as the sources (wordTokens): "arXiv" is one word, never "Xiv".
  let run: Array<{ w: string; start: number; part?: { w: string; start: number } }> = [];
  let lastEnd = -1;
  let lastPossessive = false;
  const flush = (): void => {
    if (run.length > 0) candidate(sentence, text, run, out);
    run = [];
  };
  for (const t of wordTokens(sentence)) {
    const covered = maskedChars(text, t.start, t.end);
    if (covered === t.end - t.start || !hasCapital(t.text)) {
      flush();
      continue;
    }
    // A word partly taken by a figure or a gazetteer name ("1B" when only "1" was read as a
    // figure, "DeepSeek-V3") is checked whole; its unmasked rest is the fallback.
    const entry: { w: string; start: number; part?: { w: string; start: number } } = { w: t.text, start: t.start };
    if (covered > 0) {
      const rest = unmaskedRest(text, t.start, t.end);
      if (rest && hasCapital(rest.w)) entry.part = rest;
    }
    const gap = sentence.slice(lastEnd, t.start);
    if (run.length > 0 && !lastPossessive && /^[ \u00A0]$/.test(gap) && text[lastEnd] !== '\u0000') run.push(entry);
    else {
      flush();
      run = [entry];
    }
    lastEnd = t.end;
    lastPossessive = t.possessive;
  }
  flush();
  return out;
}

function candidate(
  sentence: string,
  text: string,
  run: ReadonlyArray<{ w: string; start: number; part?: { w: string; start: number } }>,
  out: NameCandidate[],
): void {
  const words = [...run];
  // "Chinese-language", "US-based": a capitalised word joined to a lower-case one is an adjective.
  while (words.length > 0 && ADJECTIVE.test(words.at(-1)!.w)) words.pop();
  while (words.length > 0 && ADJECTIVE.test(words[0]!.w)) words.shift();
  while (words.length > 0 && (GENERIC.has(words[0]!.w) || FUNCTION_WORDS.has(words[0]!.w))) words.shift();
  while (words.length > 0 && GENERIC.has(words.at(-1)!.w)) words.pop();
  if (words.length === 0) return;
  // The first word of a sentence or clause is capitalised whatever it is: "Halvard Compute"
  // is checked whole, then as "Compute"; a lone clause-initial word is not checked (unless its
  // capital is inside it: "iPhone", "arXiv").
  const first = words[0]!;
  const opensClause = /^\p{Lu}/u.test(first.w) && clauseStart(text, first.start);
  if (opensClause && words.length === 1) return;
  const whole = span(sentence, words);
  if (!whole) return;
  const rest = opensClause ? span(sentence, words.slice(1)) : null;
  const made: NameCandidate = rest ? { ...whole, shorter: rest } : whole;
  // A lone word partly read as a figure or gazetteer name: its unmasked rest as written.
  if (words.length === 1 && first.part) {
    const part = span(sentence, [first.part]);
    if (part) made.part = part;
  }
  out.push(made);
}

/** How many characters of [start, end) are masked. */
function maskedChars(text: string, start: number, end: number): number {
  let n = 0;
  for (let k = start; k < end; k++) if (text[k] === '\u0000') n++;
  return n;
}

/** The longest unmasked stretch of a word, trimmed to word characters. */
function unmaskedRest(text: string, start: number, end: number): { w: string; start: number } | null {
  let best: { w: string; start: number } | null = null;
  for (const m of text.slice(start, end).matchAll(/[^\u0000]+/g)) {
    const trimmed = /[\p{L}\p{N}](?:.*[\p{L}\p{N}])?/u.exec(m[0]);
    if (!trimmed) continue;
    const w = trimmed[0];
    if (!best || w.length > best.w.length) best = { w, start: start + m.index + trimmed.index };
  }
  return best;
}

function span(sentence: string, words: ReadonlyArray<{ w: string; start: number }>): NameCandidate | null {
  const first = words[0];
  const last = words.at(-1);
  if (!first || !last) return null;
  const surface = sentence.slice(first.start, last.start + last.w.length);
  return surface.length < 2 ? null : { surface, start: first.start, end: last.start + last.w.length };
}

function clauseStart(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && /[\s"“‘'(（\u0000]/.test(text[k]!)) {
    if (text[k] === '\u0000') return false;
    k--;
  }
  if (k < 0) return true;
  // After a colon, a numbered point "(1)", a dash or a bullet, a new clause starts.
  if (/[.!?。！？:：;；•·—–]/.test(text[k]!)) return true;
  return /\(\d+\)\s*$|^\s*\d+[.)]\s*$/.test(text.slice(Math.max(0, k - 4), at));
}

/** Gazetteer mentions worth checking: names of things, not concepts ("compute", "IPO"). */
export function namedMentions(mentions: readonly EntityMention[]): EntityMention[] {
  return mentions.filter((m) => m.entityId !== null && m.type !== 'concept');
}
