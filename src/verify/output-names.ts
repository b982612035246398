// Names in an output sentence that the gazetteer does not know: capitalised words inside a
// sentence (not its first word), outside quotes and gazetteer mentions. Each must occur in a
// source as written. Headlines in Title Case are skipped: every word there is capitalised.

import type { EntityMention } from '../understand/entities.js';

export interface NameCandidate {
  surface: string;
  start: number;
  end: number;
  /** The run without its first word, when that word may only be capitalised as a clause start. */
  shorter?: NameCandidate;
}

/** Acronyms and capitalised words that are not names of anything a source must mention. */
const GENERIC = new Set(
  ('AI API APIs SDK CLI IDE UI UX SLA SLAs RFP RFPs ROI KPI KPIs CEO CFO CTO COO CIO VP IPO IPOs GPU GPUs CPU CPUs TPU NPU ' +
    'LLM LLMs ML NLP AGI B2B B2C SaaS PaaS IaaS PR HR IT R&D TCO OEM FAQ PDF URL USD RMB CNY EUR US USA UK EU UN ' +
    'Q1 Q2 Q3 Q4 H1 H2 FY OK TV PC PCs I ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August ' +
    'September October November December ' +
    'Mr Mrs Ms Dr Prof CEO Chief Executive President Chairman Founder Analyst Analysts Investor Investors Executive ' +
    'Executives Developer Developers Researcher Researchers Journalist Enterprise Internet Web ' +
    'English Chinese American European Japanese Korean French German British Indian').split(' '),
);
const FUNCTION_WORDS = new Set(
  ('The A An This That These Those It Its In On At As For From With After Before When While If But And Or So Yet ' +
    'According However Meanwhile Last Next Earlier Later Some Many Most Both Each Other Another Such Our Their His Her ' +
    'Compare Read Enable Track Add Use Try See Note Why What How Who Where Which Not No Yes All Any Only Also Even').split(' '),
);
const ADJECTIVE = /^\p{Lu}[\p{L}]*-\p{Ll}/u;
const NAME_RUN = /\p{Lu}[\p{L}\p{M}\p{N}’'&.-]*(?:[ \u00A0]\p{Lu}[\p{L}\p{M}\p{N}’'&.-]*)*/gu;

export function nameCandidates(
  sentence: string,
  masked: ReadonlyArray<{ start: number; end: number }>,
  options: { titleCase: boolean },
): NameCandidate[] {
  if (options.titleCase) return [];
  let text = sentence;
  for (const m of masked) text = text.slice(0, m.start) + '\u0000'.repeat(m.end - m.start) + text.slice(m.end);
  const out: NameCandidate[] = [];
  for (const m of text.matchAll(NAME_RUN)) {
    const words: Array<{ w: string; start: number }> = [];
    // "Harbor Tech Daily's report": the name is Harbor Tech Daily.
    for (const w of m[0].matchAll(/\S+/g)) words.push({ w: w[0].replace(/(?:[’']s|[.’'])+$/, ''), start: m.index + w.index });
    // "Chinese-language", "US-based": a capitalised word joined to a lower-case one is an adjective.
    while (words.length > 0 && ADJECTIVE.test(words.at(-1)!.w)) words.pop();
    while (words.length > 0 && ADJECTIVE.test(words[0]!.w)) words.shift();
    while (words.length > 0 && (GENERIC.has(words[0]!.w) || FUNCTION_WORDS.has(words[0]!.w))) words.shift();
    while (words.length > 0 && GENERIC.has(words.at(-1)!.w)) words.pop();
    if (words.length === 0) continue;
    // The first word of a sentence or clause is capitalised whatever it is: "Halvard Compute"
    // is checked whole, then as "Compute"; a lone clause-initial word is not checked.
    const opensClause = clauseStart(text, words[0]!.start);
    if (opensClause && words.length === 1) continue;
    const whole = span(sentence, words);
    if (!whole) continue;
    const rest = opensClause ? span(sentence, words.slice(1)) : null;
    out.push(rest ? { ...whole, shorter: rest } : whole);
  }
  return out;
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
