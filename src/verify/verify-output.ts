// Verification of a whole output (digest item, card, post) given as fields, and the repair
// policy the writers apply to what fails: unquote a paraphrase, drop a sentence with an unfounded
// figure or name, withhold a field with nothing left. Pure.

import { assertNever } from '../errors.js';
import { splitSentences, type Span } from '../text/sentences.js';
import { checkSentenceIn, type ClaimKind, type SentenceCheck, type SourceText } from './grounding.js';
import { quotesBalanced } from './quoted-phrases.js';
import { sharedSourceIndex, type SourceIndex } from './source-index.js';

export interface OutputField {
  /** Where the text sits in the output, e.g. 'keyPoints[2]', 'items[0].headline'. */
  path: string;
  text: string;
  /** A headline in Title Case: capitalised words are not taken for unknown names. */
  heading?: boolean;
}

export interface FieldReport {
  path: string;
  sentences: SentenceCheck[];
}

export interface Problem {
  path: string;
  kind: ClaimKind;
  surface: string;
  message: string;
}

export interface VerificationReport {
  ok: boolean;
  fields: FieldReport[];
  problems: Problem[];
  /** The sources checked against, for labels in a rendered report. */
  sources: Array<{ id: string; label: string; url?: string }>;
}

export function verifyOutput(fields: readonly OutputField[], sources: readonly SourceText[]): VerificationReport {
  // The index is shared with earlier calls over the same source content (a story's many outputs).
  return verifyOutputIn(fields, sharedSourceIndex(sources));
}

/** As verifyOutput, with sources indexed once by the caller (many outputs, one set of sources). */
export function verifyOutputIn(fields: readonly OutputField[], index: SourceIndex): VerificationReport {
  const reports: FieldReport[] = [];
  const problems: Problem[] = [];
  for (const field of fields) {
    const sentences = checkField(field, index);
    reports.push({ path: field.path, sentences });
    for (const s of sentences) {
      for (const c of s.claims) {
        if (!c.supported)
          problems.push({
            path: field.path,
            kind: c.kind,
            surface: c.surface,
            message: problemMessage(c.kind, c.reason),
          });
      }
    }
  }
  const sources = index.sources.map(({ source }) => ({
    id: source.id,
    label: source.label ?? source.id,
    ...(source.url ? { url: source.url } : {}),
  }));
  const report = { ok: problems.length === 0, fields: reports, problems, sources };
  madeAgainst.set(report, index);
  return report;
}

/** The index each report was made against, so a repair can rewrite from what the sources say. */
const madeAgainst = new WeakMap<VerificationReport, SourceIndex>();

export function checkField(field: OutputField, index: SourceIndex): SentenceCheck[] {
  return fieldSentences(field.text).map((span) => ({
    ...checkedSentence(span.text, index, field.heading ?? false),
    start: span.start,
    end: span.end,
  }));
}

/**
 * Checks already made against an index, by sentence: a story's outputs (both faces of every card,
 * posts, digest items) repeat sentences, and a check depends only on the sentence, the heading
 * flag and the (immutable) index. Lives as long as its index; bounded per index.
 */
const checks = new WeakMap<SourceIndex, Map<string, SentenceCheck>>();
const CHECKS_PER_INDEX = 4096;

function checkedSentence(sentence: string, index: SourceIndex, titleCase: boolean): SentenceCheck {
  let known = checks.get(index);
  if (!known) {
    known = new Map();
    checks.set(index, known);
  }
  const key = `${titleCase ? 'T' : 'S'}${sentence}`;
  const hit = known.get(key);
  if (hit) return hit;
  const made = checkSentenceIn(sentence, index, { titleCase });
  if (known.size >= CHECKS_PER_INDEX) known.delete(known.keys().next().value!);
  known.set(key, made);
  return made;
}

/** Sentences of a field; a sentence split inside a quotation is joined again. */
export function fieldSentences(text: string): Span[] {
  const out: Span[] = [];
  let open: Span | null = null;
  for (const s of splitSentences(text)) {
    const cur: Span = open ? { start: open.start, end: s.end, text: text.slice(open.start, s.end) } : s;
    if (quotesBalanced(cur.text)) {
      out.push(cur);
      open = null;
    } else {
      open = cur;
    }
  }
  if (open) out.push(open);
  return out;
}

function problemMessage(kind: ClaimKind, reason: string | undefined): string {
  switch (kind) {
    case 'quote':
      return `quoted, but ${reason ?? 'not found in any source'}`;
    case 'figure':
      return `figure not found in the sources: ${reason ?? 'no match'}`;
    case 'entity':
      return `name not found in the sources: ${reason ?? 'no match'}`;
    default:
      return assertNever(kind, 'claim kind');
  }
}

export type RepairKind = 'unquoted' | 'dropped' | 'withheld';

export interface RepairAction {
  path: string;
  action: RepairKind;
  surface: string;
  reason: string;
}

const SPEECH =
  /\b(?:said|says|told|tells|added|wrote|writes|called it|calls it|according to)\b|(?:表示|称|说|指出|写道|认为)/;

/**
 * The text with its unsupported claims repaired: a quote whose words paraphrase the sources loses
 * its marks; a sentence with an unsupported figure or name, or an unsupported quote put in
 * someone's mouth, is dropped; a text with no sentence left is withheld (returned as '').
 */
export function repairText(
  text: string,
  checks: readonly SentenceCheck[],
  path = '',
): { text: string; actions: RepairAction[] } {
  const actions: RepairAction[] = [];
  const kept: Array<{ gap: string; text: string }> = [];
  let prevEnd = 0;
  let leading: string | null = null;
  const ordered = [...checks].sort((a, b) => a.start - b.start);
  for (const check of ordered) {
    const located = locate(text, check, prevEnd);
    const gap = text.slice(prevEnd, located.start);
    if (leading === null) leading = gap;
    prevEnd = located.end;
    const hard = check.claims.filter((c) => !c.supported && c.kind !== 'quote');
    const quotes = check.claims.filter((c) => !c.supported && c.kind === 'quote');
    const spoken = quotes.filter((c) => !c.paraphrase || SPEECH.test(around(check.text, c.start, c.end)));
    if (hard.length > 0 || spoken.length > 0) {
      const why = [...hard, ...spoken];
      actions.push({
        path,
        action: 'dropped',
        surface: why.map((c) => c.surface).join(', '),
        reason: why.map((c) => `${c.kind} "${c.surface}": ${c.reason ?? 'not in the sources'}`).join('; '),
      });
      continue;
    }
    let sentence = check.text;
    // Remove marks from the last quote first so earlier offsets hold.
    for (const q of [...quotes].sort((a, b) => b.start - a.start)) {
      sentence = sentence.slice(0, q.start) + sentence.slice(q.start + 1, q.end - 1) + sentence.slice(q.end);
      actions.push({
        path,
        action: 'unquoted',
        surface: q.surface,
        reason: `${q.reason ?? 'not in the sources'}; kept as paraphrase`,
      });
    }
    kept.push({ gap: kept.length === 0 ? (leading ?? '') : gap, text: sentence });
  }
  if (ordered.length > 0 && kept.length === 0) {
    actions.push({
      path,
      action: 'withheld',
      surface: text.trim(),
      reason: 'no sentence of this text is supported by the sources',
    });
    return { text: '', actions };
  }
  const body = kept.map((k) => k.gap + k.text).join('');
  return { text: body + text.slice(prevEnd), actions };
}

function locate(text: string, check: SentenceCheck, from: number): { start: number; end: number } {
  if (text.slice(check.start, check.end) === check.text && check.start >= from)
    return { start: check.start, end: check.end };
  const at = text.indexOf(check.text, from);
  if (at === -1) throw new Error(`repairText: sentence not in text: ${check.text.slice(0, 60)}`);
  return { start: at, end: at + check.text.length };
}

function around(sentence: string, start: number, end: number): string {
  return `${sentence.slice(Math.max(0, start - 24), start)} ${sentence.slice(end, end + 24)}`;
}

export interface RepairOptions {
  /**
   * A required text (a headline, a summary…) that repair would empty is rewritten from what the
   * sources support instead (default). Off for a model's output, which falls back to the offline
   * engine when it loses an essential text.
   */
  readonly rewriteRequired?: boolean;
}

/**
 * Texts an output cannot be shown without: a headline, a summary, a hook, a key takeaway, a
 * recommendation. One that repair would empty is rewritten, never left empty.
 */
const REQUIRED = /(?:^|\.)(?:headline|summary|hook|keyTakeaway|recommendation)$/;

/** Repairs every field of an output from its report; withheld fields are left out. */
export function repairOutput(
  fields: readonly OutputField[],
  report: VerificationReport,
  options: RepairOptions = {},
): { fields: OutputField[]; actions: RepairAction[] } {
  const out: OutputField[] = [];
  const actions: RepairAction[] = [];
  const emptied: Array<{ field: OutputField; checks: readonly SentenceCheck[] }> = [];
  const keptSections = new Set<string>();
  fields.forEach((field, i) => {
    const checks =
      report.fields[i]?.path === field.path
        ? report.fields[i]!.sentences
        : report.fields.find((f) => f.path === field.path)?.sentences;
    if (!checks) throw new Error(`repairOutput: no report for field ${field.path}`);
    const repaired = repairText(field.text, checks, field.path);
    actions.push(...repaired.actions);
    if (repaired.text.trim() !== '') {
      out.push({ ...field, text: repaired.text });
      const section = sectionOf(field.path);
      if (section !== null) keptSections.add(section);
    } else emptied.push({ field, checks });
  });
  if (options.rewriteRequired === false) return { fields: out, actions };
  // A required text repair emptied, and the first field of a required section (the key points)
  // that lost every field, are rewritten from what the sources support.
  const index = madeAgainst.get(report);
  const rewrittenSections = new Set<string>();
  for (const { field, checks } of emptied) {
    const section = sectionOf(field.path);
    const required =
      REQUIRED.test(field.path) || (section !== null && !keptSections.has(section) && !rewrittenSections.has(section));
    if (!required) continue;
    const rewrite = supportedRewrite(field, checks, report, index);
    if (!rewrite) continue;
    if (section !== null) rewrittenSections.add(section);
    out.push({ ...field, text: rewrite.text });
    // The field was not left empty: the withheld record says what it became and from where.
    const withheld = actions.findLastIndex((a) => a.path === field.path && a.action === 'withheld');
    const reason = `no sentence of this text is supported by the sources; a ${lastStep(field.path)} may not be empty, so it was rewritten from ${rewrite.from}: "${rewrite.text}"`;
    if (withheld !== -1) actions[withheld] = { ...actions[withheld]!, reason };
    else actions.push({ path: field.path, action: 'withheld', surface: field.text.trim(), reason });
  }
  const order = new Map(fields.map((f, i) => [f.path, i]));
  return { fields: out.sort((a, b) => order.get(a.path)! - order.get(b.path)!), actions };
}

function lastStep(path: string): string {
  const step = path.slice(path.lastIndexOf('.') + 1);
  return sectionOf(path) !== null ? 'key points section' : step;
}

/** Sections an output cannot be shown without, whose fields may each be withheld: the key points. */
const SECTION = /^(.*?)(?:^|\.)keyPoints\.(?:lead|points\[\d+\])$/;

function sectionOf(path: string): string | null {
  const m = SECTION.exec(path);
  return m ? `${m[1]}.keyPoints` : null;
}

/**
 * What a required text becomes when none of it is supported: for a headline, the title of the
 * source it rests on; else the source sentence it rests on most; else the first source's title.
 * Every choice is a source sentence as written, so it is supported by construction.
 */
function supportedRewrite(
  field: OutputField,
  checks: readonly SentenceCheck[],
  report: VerificationReport,
  index: SourceIndex | undefined,
): { text: string; from: string } | null {
  const label = (id: string): string => report.sources.find((s) => s.id === id)?.label ?? id;
  const rested = [...checks].sort((a, b) => b.overlap - a.overlap).flatMap((c) => c.support);
  const title = (id: string): string | null => {
    const src = index?.sources.find((s) => s.source.id === id);
    const first = src?.sentences[0];
    const text = first ? clean(first.text) : '';
    return text !== '' && text.length <= MAX_TITLE ? text : null;
  };
  if (lastStep(field.path) === 'headline') {
    for (const s of rested) {
      const t = title(s.sourceId);
      if (t) return { text: t, from: `the title of ${label(s.sourceId)}` };
    }
  }
  for (const s of rested) {
    const text = clean(s.excerpt ?? '');
    if (text !== '') return { text, from: `the sentence of ${label(s.sourceId)} it rests on` };
  }
  for (const src of index?.sources ?? []) {
    const t = title(src.source.id);
    if (t) return { text: t, from: `the title of ${label(src.source.id)}` };
  }
  return null;
}

/** A source's title is its first sentence when it is this short. */
const MAX_TITLE = 200;

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
