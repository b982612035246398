// Slot rules as checks: every slot of a digest item, card or post holds what its name promises.
// Counts what issue 15 lists as violations: a Chinese face that is not Chinese (and an English
// face that is not English), a figure repeated across key points, impact lines that are a
// dateline, a source's first person or a bare quote, quotes with no speaker or outlet named,
// empty sections, points opening on a reference to something not said, the card takeaway
// formula, a credit line doubling an outlet, topics that are places or people the article is not
// about; and for the post: a hook without the story's key figure, takeaways that are not an
// argument (what happened → why it matters → the catch → what to watch); and anywhere, a figure
// stated with nothing said about what it measures ("reports a multiple of 9x", "比例为 40%", a
// list of bare figures to track); in a Chinese face, a figure in English style ("40x", "$9.6
// billion", "300MW") and a Latin name where the story's Chinese sources give a Chinese one; a face
// with fewer key points than the story's other face (`thinFaceViolations`); a con or a post's
// "catch" that is a source sentence picked by cue words rather than a judgement.
// Pure; one check for both engines: used by tests, by bench/writer-slots.ts and on the model
// engine's answers (src/write/llm/engine.ts), which are repaired or fall back on a violation.

import type { Face } from '../article.js';
import { findEntities } from '../understand/entities.js';
import { parseFigures } from '../understand/figures.js';
import { ARGUMENT_ROLES, LABELS, type ArgumentRole } from './labels.js';
import type { Card, DigestItem, Post, ProvenanceEntry } from './schemas.js';
import { figureKey, isTelling } from './sentence-candidates.js';

export const SLOT_RULES = [
  'face-language',
  'repeated-figure',
  'impact-dateline',
  'impact-first-person',
  'impact-quote',
  'unattributed-quote',
  'empty-section',
  'dangling-point',
  'takeaway-formula',
  'credit-doubled',
  'topic-not-topic',
  'hook-no-key-figure',
  'takeaway-not-argument',
  'figure-no-meaning',
  'figure-style',
  'latin-name-in-zh',
  'thin-face',
  'con-not-judged',
] as const;
export type SlotRule = (typeof SLOT_RULES)[number];

export interface SlotViolation {
  readonly rule: SlotRule;
  /** Where in the output, e.g. 'keyPoints.points[1]', 'impact[0].text'. */
  readonly path: string;
  readonly text: string;
}

const HAN = /\p{Script=Han}/gu;
const LATIN = /[A-Za-z]/g;
const URL = /https?:\/\/\S+|\b[\w.-]+\.example\b\S*/g;

/**
 * Han characters as a share of the letters (Han plus Latin), URLs left out; null when no letters.
 * With names ignored (a Chinese face), Latin words that are names or model ids (capitalised, or
 * with digits) and the unit "token" do not count: "Corvid Labs 发布 Corvid GPU-8" is Chinese.
 */
export function hanShare(text: string, options: { ignoreNames?: boolean } = {}): number | null {
  let t = text.replace(URL, ' ');
  if (options.ignoreNames) t = t.replace(/\b(?:[A-Z][\w'’.&-]*|[\w-]*\d[\w-]*|tokens?)\b/g, ' ');
  const han = (t.match(HAN) ?? []).length;
  const latin = (t.match(LATIN) ?? []).length;
  // A Han character carries about as much as a short English word: weigh Latin letters by a fifth.
  const total = han + latin / 5;
  if (options.ignoreNames && han > 0 && latin === 0) return 1;
  return total === 0 ? null : han / total;
}

/** A field is in the face's language: a Chinese face mostly Han, an English face mostly Latin (names in the other script allowed). */
export function inFaceLanguage(text: string, face: Face): boolean {
  const share = hanShare(text, { ignoreNames: face === 'zh' });
  if (share === null) return true;
  return face === 'zh' ? share >= 0.5 : share <= 0.5;
}

/** "DENVER, May 9, 2026 —", "LONDON (Reuters) -", "新华社北京 5 月 9 日电": a press dateline. */
export const DATELINE_OPENING =
  /^(?:[A-Z][A-Z .'-]{2,}(?:,| \()[^—–]{0,40}?[—–-]\s|[^\s，。]{0,12}\d{1,2}\s*月\s*\d{1,2}\s*日电)/u;

/** First person of a source speaking (outside quotation marks): "we", "our", "我们". */
const FIRST_PERSON_EN = /\b(?:[Ww]e|[Oo]urs?|[Uu]s|I|[Mm]y)\b/; // "US" (the country) is not "us"
const FIRST_PERSON_ZH = /我们|我司|本公司|笔者|我(?!国)/u;

/** Spans in quotation marks: “…”, "…", 「…」, 『…』. */
const QUOTE_SPANS = /“[^”]*”|"[^"]*"|「[^」]*」|『[^』]*』/gu;

function withoutQuotes(text: string): string {
  return text.replace(QUOTE_SPANS, ' ');
}

/** A quotation long enough to be someone's words (scare quotes and titles of one to three words are not). */
function spokenQuotes(text: string): string[] {
  return (text.match(QUOTE_SPANS) ?? []).filter((q) => {
    const inner = q.slice(1, -1);
    const han = (inner.match(HAN) ?? []).length;
    return han > 0 ? han >= 8 : inner.trim().split(/\s+/).length >= 4;
  });
}

const ATTRIBUTION_EN =
  /\b(?:said|says|say|told|tells|added|adds|wrote|writes|argues?|argued|asks?|asked|explained|explains|noted|notes|warned|warns|insisted|insists|stated|states|posted|recalled|put it|according to|quoted|quotes|in the words of)\b/i;
const ATTRIBUTION_ZH =
  /表示|称|说|指出|认为|写道|强调|坦言|透露|直言|回应|介绍|提到|解释|补充|警告|宣布|据|援引|引述|看来/u;

/** A quote is attributed when the words around it name a speaking verb (and so its speaker or outlet). */
export function quoteAttributed(text: string): boolean {
  const rest = withoutQuotes(text);
  return ATTRIBUTION_EN.test(rest) || ATTRIBUTION_ZH.test(rest);
}

/** Opens on a reference to something not said: "This…", "Most of that demand…", "该公司…". */
export const DANGLING_OPENING_EN =
  /^(?:this|that|these|those|it|its|they|them|their|he|she|his|her|but|and|so|yet|also|still|then|there|here|such|both|which|second(?:ly)?|third(?:ly)?|finally|lastly|another|the (?:company|firm|startup|deal|agreement|model|report|move|round|chip|contract)|(?:most|much|all|some|many|part|half|none|each|one|any|few|more|rest) of (?:that|this|those|these|them|it|its|their))\b/i;
export const DANGLING_OPENING_ZH =
  /^(?:这|那|此|其(?!他|实)|他|她|它|该|但|而|并|且|所以|因此|不过|同时|此外|对此|其中|[二三四五六七八九十]是|其次|再次|最后|第[二三四五六七八九十]|在(?:他|她|它|其)|据(?:他|她|它|其))|^[^，。]{0,6}，(?:该|这|此|其|他|她)/u;

/** Ends on a reference to something said before it: "… is a bold bet that it can.", "赌的就是它能做到。" */
export const ENDS_ON_REFERENCE =
  /\b(?:it|they|this|that|he|she) (?:can|could|will|would|does|did|is|was|has|have|must|should)(?: not)?[.!]?$|(?:它|他们|她|他|这|此)(?:能|会|可以)?做到[。！]?$/u;

const DEFINITE_OPENING = /^the (?:company|firm|startup|deal|agreement|model|report|move|round|chip|contract)\b/i;

export interface SlotCheckOptions {
  /**
   * Count "The company…", "The deal…" as opening on a reference (default true). The offline
   * engine's points are sentences lifted from anywhere; a model's points are written after its
   * lead, where "the deal" is the lead's deal.
   */
  readonly definiteReferences?: boolean;
  /** The story's key figure (figureKey of its first key figure): a post's hook must carry it. */
  readonly keyFigure?: string | null;
  /**
   * Hold a post's takeaways to the argument's steps, each led in by its label in order (default
   * true). A model argues in its own words: its takeaways carry no labels.
   */
  readonly argument?: boolean;
  /** Latin name → the Chinese name the story's sources give it (src/write/zh-names.ts): a Chinese face must use the Chinese one. */
  readonly zhNames?: ReadonlyMap<string, string>;
  /**
   * The reader's-quality rules of the second round (default true): Chinese-style figures, cons and
   * the catch judged rather than extracted, the quick start's figures with their meaning. Not yet
   * applied to a model's answers (src/write/llm/engine.ts), whose repair does not cover them.
   */
  readonly quality?: boolean;
}

export function opensDangling(text: string, options: SlotCheckOptions = {}): boolean {
  const t = text.replace(/^[“"「『(（\s]+/u, '');
  if (ENDS_ON_REFERENCE.test(t.trim())) return true;
  if (
    options.definiteReferences === false &&
    (DEFINITE_OPENING.test(t) ||
      /^(?:这|那|此|该|其)[^，。]{0,3}(?:份|个|家|项|笔|款|次|种|公司|合同|交易|协议|模型|芯片|产品|报告)/u.test(t))
  )
    return false;
  // A name in title case ("The Chip Column reports…") refers to nothing before it.
  if (/^The (?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*)+/.test(t)) return false;
  return /\p{Script=Han}/u.test(t.slice(0, 3)) ? DANGLING_OPENING_ZH.test(t) : DANGLING_OPENING_EN.test(t);
}

/** The formula around a copied sentence ("If you are an investor, the line to keep from this article is this: …"). */
const TAKEAWAY_FORMULA = /the line to keep from this article|这篇文章最值得你记住的是/i;

function figureKeysOf(text: string): Set<string> {
  return new Set(parseFigures(text).filter(isTelling).map(figureKey));
}

/** Each figure said in more than one of the texts, once per extra text it recurs in. */
function repeatedFigures(texts: ReadonlyArray<{ path: string; text: string }>): SlotViolation[] {
  const seen = new Set<string>();
  const out: SlotViolation[] = [];
  for (const { path, text } of texts) {
    for (const key of figureKeysOf(text)) {
      if (seen.has(key)) out.push({ rule: 'repeated-figure', path, text });
      seen.add(key);
    }
  }
  return out;
}

/** Carries someone's words in quotation marks with no speaker or outlet named around them. */
export function hasUnattributedQuote(text: string): boolean {
  return spokenQuotes(text).length > 0 && !quoteAttributed(text);
}

function checkQuotes(path: string, text: string, out: SlotViolation[]): void {
  if (spokenQuotes(text).length > 0 && !quoteAttributed(text)) out.push({ rule: 'unattributed-quote', path, text });
}

/**
 * A figure stated with nothing said about what it measures: the generic role words of a composed
 * line ("reports a multiple of 9x", "The number involved is 200,000", "报告的比例为 40%").
 */
const FIGURE_NO_MEANING = [
  /\breports? (?:a|an) (?:multiple|share|figure|amount|reduction|improvement) of\b|\bThe number involved is\b|\bThe sources report (?:a|an) (?:multiple|share|figure|amount|reduction|improvement)\b|: (?:multiple|share|figure|amount|reduction|improvement) \d/,
  /(?:倍数|比例|数字|(?<!交易)金额|数量|降幅|提升幅度)为 ?\d|[，：](?:倍数|比例|数字|金额|降幅|提升幅度) ?\d/u,
];

export function statesFigureWithoutMeaning(text: string): boolean {
  return FIGURE_NO_MEANING.some((re) => re.test(text)) || listsBareFigures(text);
}

/**
 * A list after a colon whose members are figures and nothing else ("figures to track: 40x, 9x,
 * 85%", "要跟踪的数字：40 倍、9 倍、85%"): none says what it measures.
 */
export function listsBareFigures(text: string): boolean {
  const colon = Math.max(text.lastIndexOf(': '), text.lastIndexOf('：'));
  if (colon < 0) return false;
  const members = text
    .slice(colon + 1)
    .replace(/[。.;；]\s*$/u, '')
    .split(/、|, | and /)
    .map((m) => m.trim())
    .filter((m) => m !== '');
  if (members.length < 2) return false;
  return members.every((m) => {
    const figures = parseFigures(m).filter((f) => f.kind !== 'year');
    if (figures.length === 0) return false;
    let rest = m;
    for (const f of figures) rest = rest.replace(f.surface, ' ');
    return rest.replace(/[\s\p{P}]/gu, '') === '';
  });
}

/** A figure written in English style inside Chinese text: "40x", "$9.6 billion", "3 billion", "300MW", "1,000 tokens per second". */
const ENGLISH_FIGURE =
  /(?<![A-Za-z\d.])\d+(?:\.\d+)?x(?![A-Za-z])|\$\s?\d|€\s?\d|\d\s?(?:billion|million|trillion|thousand)\b|\d\s?(?:MW|GW|kW)\b|\d\s?tokens? per second\b/i;

/** Chinese text without what is quoted or titled as written (《…》, quotations, addresses). */
function ownChineseText(text: string): string {
  return text
    .replace(/《[^》]*》/gu, ' ')
    .replace(QUOTE_SPANS, ' ')
    .replace(URL, ' ');
}

export function englishStyleFigure(text: string): boolean {
  return ENGLISH_FIGURE.test(ownChineseText(text));
}

/** Latin forms to look for in a Chinese text: each name, and its first word when that is distinctive (six letters or more). */
export function latinFormsOf(names: ReadonlyMap<string, string>): Array<{ latin: string; han: string }> {
  const out: Array<{ latin: string; han: string }> = [];
  for (const [l, h] of names) {
    out.push({ latin: l, han: h });
    const first = l.split(' ')[0]!;
    if (first !== l && first.length >= 6 && /^\p{Lu}/u.test(first)) out.push({ latin: first, han: h });
  }
  return out;
}

/** Latin names written in a Chinese text where the story's Chinese sources give a Chinese name ("格点云（Lattice Cloud）" is the Chinese name with its gloss, not a Latin name). */
export function latinNamesIn(text: string, names: ReadonlyMap<string, string>): string[] {
  let t = ownChineseText(text);
  const found: string[] = [];
  for (const { latin, han } of latinFormsOf(names)) {
    t = t.split(`${han}（${latin}）`).join(han).split(`${han}(${latin})`).join(han);
    const re = new RegExp(`(?<![A-Za-z])${latin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`);
    if (re.test(t)) {
      found.push(latin);
      t = t.replace(new RegExp(re.source, 'g'), ' ');
    }
  }
  return [...new Set(found)];
}

function checkMeaning(path: string, text: string, out: SlotViolation[]): void {
  if (statesFigureWithoutMeaning(text)) out.push({ rule: 'figure-no-meaning', path, text });
}

/** The step of the argument a post's takeaway is led in by ("Why it matters: …"), or null. */
export function argumentRoleOf(text: string, face: Face): ArgumentRole | null {
  const labels = LABELS[face].argument;
  const sep = face === 'zh' ? '：' : ': ';
  return ARGUMENT_ROLES.find((r) => text.startsWith(`${labels[r]}${sep}`)) ?? null;
}

/** The takeaway without its lead-in label. */
export function withoutArgumentLabel(text: string, face: Face): string {
  const role = argumentRoleOf(text, face);
  return role ? text.slice(LABELS[face].argument[role].length + (face === 'zh' ? 1 : 2)) : text;
}

function checkFace(path: string, text: string, face: Face, out: SlotViolation[]): void {
  if (text.trim() !== '' && !inFaceLanguage(text, face)) out.push({ rule: 'face-language', path, text });
}

/** A Chinese face's own text: figures in Chinese style, names in Chinese where the sources give them. */
function checkChinese(path: string, text: string, face: Face, options: SlotCheckOptions, out: SlotViolation[]): void {
  if (face !== 'zh') return;
  if (options.quality !== false && englishStyleFigure(text)) out.push({ rule: 'figure-style', path, text });
  if (options.zhNames && latinNamesIn(text, options.zhNames).length > 0)
    out.push({ rule: 'latin-name-in-zh', path, text });
}

/** Cons and the post's catch are judgements (good or bad for whom, computed reliability), never a source sentence picked by cue words. */
function checkJudged(
  provenance: readonly ProvenanceEntry[],
  paths: ReadonlyArray<{ path: string; text: string }>,
  out: SlotViolation[],
): void {
  for (const { path, text } of paths)
    if (provenance.some((p) => p.path === path && p.kind === 'extract'))
      out.push({ rule: 'con-not-judged', path, text });
}

function empty(path: string, out: SlotViolation[]): void {
  out.push({ rule: 'empty-section', path, text: '' });
}

export function digestItemViolations(item: DigestItem, options: SlotCheckOptions = {}): SlotViolation[] {
  const out: SlotViolation[] = [];
  const face = item.language;
  const prose: Array<{ path: string; text: string }> = [
    { path: 'headline', text: item.headline },
    { path: 'keyPoints.lead', text: item.keyPoints.lead },
    ...item.keyPoints.points.map((text, i) => ({ path: `keyPoints.points[${i}]`, text })),
    ...item.impact.map((x, i) => ({ path: `impact[${i}].text`, text: x.text })),
    ...item.pros.map((text, i) => ({ path: `pros[${i}]`, text })),
    ...item.cons.map((text, i) => ({ path: `cons[${i}]`, text })),
    { path: 'recommendation', text: item.recommendation },
  ];
  for (const { path, text } of prose) {
    checkFace(path, text, face, out);
    checkQuotes(path, text, out);
    checkMeaning(path, text, out);
    checkChinese(path, text, face, options, out);
  }
  // Quick start: titles and addresses are as written; what we say around them is held to the face.
  if (options.quality !== false) {
    item.quickStart.forEach((text, i) => {
      checkMeaning(`quickStart[${i}]`, text, out);
      checkChinese(`quickStart[${i}]`, text, face, options, out);
    });
    checkJudged(
      item.provenance,
      item.cons.map((text, i) => ({ path: `cons[${i}]`, text })),
      out,
    );
  }
  if (item.headline.trim() === '') empty('headline', out);
  if (item.keyPoints.lead.trim() === '') empty('keyPoints.lead', out);
  if (item.impact.length === 0) empty('impact', out);
  // Pros or cons may be left out (a sentence that is neither is not misfiled); the trade-offs section is empty when both are.
  if (item.pros.length === 0 && item.cons.length === 0) empty('pros/cons', out);
  if (item.quickStart.length === 0) empty('quickStart', out);
  const points = [
    { path: 'keyPoints.lead', text: item.keyPoints.lead },
    ...item.keyPoints.points.map((text, i) => ({ path: `keyPoints.points[${i}]`, text })),
  ];
  out.push(...repeatedFigures(points));
  for (const p of points)
    if (opensDangling(p.text, options)) out.push({ rule: 'dangling-point', path: p.path, text: p.text });
  item.impact.forEach((x, i) => {
    const path = `impact[${i}].text`;
    if (DATELINE_OPENING.test(x.text)) out.push({ rule: 'impact-dateline', path, text: x.text });
    const bare = withoutQuotes(x.text);
    if (FIRST_PERSON_EN.test(bare) || FIRST_PERSON_ZH.test(bare))
      out.push({ rule: 'impact-first-person', path, text: x.text });
    const quoted = spokenQuotes(x.text).reduce((n, q) => n + q.length, 0);
    if (quoted > 0 && (quoted >= x.text.length / 2 || !quoteAttributed(x.text)))
      out.push({ rule: 'impact-quote', path, text: x.text });
    if (opensDangling(x.text, options)) out.push({ rule: 'dangling-point', path, text: x.text });
  });
  return out;
}

export function cardViolations(card: Card, options: SlotCheckOptions = {}): SlotViolation[] {
  const out: SlotViolation[] = [];
  const face = card.language;
  const prose: Array<{ path: string; text: string }> = [
    { path: 'summary', text: card.summary },
    { path: 'keyTakeaway', text: card.keyTakeaway },
    { path: 'keyInsight', text: card.keyInsight },
    ...card.principles.map((text, i) => ({ path: `principles[${i}]`, text })),
  ];
  for (const { path, text } of prose) {
    checkFace(path, text, face, out);
    checkQuotes(path, text, out);
    checkMeaning(path, text, out);
    checkChinese(path, text, face, options, out);
  }
  if (card.summary.trim() === '') empty('summary', out);
  if (card.keyTakeaway.trim() === '') empty('keyTakeaway', out);
  if (card.keyInsight.trim() === '') empty('keyInsight', out);
  if (card.principles.length === 0) empty('principles', out);
  if (card.inPractice.length === 0) empty('inPractice', out);
  if (card.topics.length === 0) empty('topics', out);
  if (TAKEAWAY_FORMULA.test(card.keyTakeaway))
    out.push({ rule: 'takeaway-formula', path: 'keyTakeaway', text: card.keyTakeaway });
  if (opensDangling(card.keyTakeaway, options))
    out.push({ rule: 'dangling-point', path: 'keyTakeaway', text: card.keyTakeaway });
  card.principles.forEach((p, i) => {
    if (opensDangling(p, options)) out.push({ rule: 'dangling-point', path: `principles[${i}]`, text: p });
  });
  const outlet = card.source.outlet;
  if (outlet && card.attribution.split(outlet).length - 1 > 1)
    out.push({ rule: 'credit-doubled', path: 'attribution', text: card.attribution });
  const idOf = (e: { entityId: string | null; name: string }): string => e.entityId ?? `name:${e.name.toLowerCase()}`;
  const inTitle = new Set(findEntities(card.title).map(idOf));
  card.topics.forEach((t, i) => {
    const named = findEntities(t).filter((e) => e.surface.length >= t.length - 1);
    const personLike = named.some((e) => e.type === 'person' || e.type === 'place');
    if (personLike && !card.title.includes(t) && !named.some((e) => inTitle.has(idOf(e))))
      out.push({ rule: 'topic-not-topic', path: `topics[${i}]`, text: t });
  });
  return out;
}

export function postViolations(post: Post, options: SlotCheckOptions = {}): SlotViolation[] {
  const out: SlotViolation[] = [];
  const face = post.language;
  const prose: Array<{ path: string; text: string }> = [
    { path: 'headline', text: post.headline },
    { path: 'hook', text: post.hook },
    ...post.takeaways.map((text, i) => ({ path: `takeaways[${i}]`, text })),
    { path: 'closing', text: post.closing },
  ];
  for (const { path, text } of prose) {
    checkFace(path, text, face, out);
    checkQuotes(path, text, out);
    checkMeaning(path, text, out);
    checkChinese(path, text, face, options, out);
  }
  if (options.quality !== false)
    checkJudged(
      post.provenance,
      post.takeaways
        .map((text, i) => ({ path: `takeaways[${i}]`, text }))
        .filter((t) => argumentRoleOf(t.text, face) === 'catch'),
      out,
    );
  if (post.headline.trim() === '') empty('headline', out);
  if (post.hook.trim() === '') empty('hook', out);
  if (post.takeaways.length === 0) empty('takeaways', out);
  out.push(...repeatedFigures(post.takeaways.map((text, i) => ({ path: `takeaways[${i}]`, text }))));
  post.takeaways.forEach((t, i) => {
    if (opensDangling(withoutArgumentLabel(t, face), options))
      out.push({ rule: 'dangling-point', path: `takeaways[${i}]`, text: t });
  });
  if (options.keyFigure && post.hook.trim() !== '' && !figureKeysOf(post.hook).has(options.keyFigure))
    out.push({ rule: 'hook-no-key-figure', path: 'hook', text: post.hook });
  if (options.argument !== false && post.takeaways.length > 0) {
    // Each takeaway a step of the argument, in order, none twice, and the argument says why it matters.
    const roles = post.takeaways.map((t) => argumentRoleOf(t, face));
    const order = roles.map((r) => (r ? ARGUMENT_ROLES.indexOf(r) : -1));
    const inOrder = order.every((o, i) => o >= 0 && (i === 0 || o > order[i - 1]!));
    if (!inOrder || !roles.includes('why'))
      out.push({
        rule: 'takeaway-not-argument',
        path: 'takeaways',
        text: post.takeaways.map((t) => t.slice(0, 40)).join(' | '),
      });
  }
  const outlets = post.credits.map((c) => c.outlet);
  if (new Set(outlets).size < outlets.length)
    out.push({ rule: 'credit-doubled', path: 'credits', text: outlets.join(' | ') });
  return out;
}

/**
 * A face of a story thinner than its other face: fewer key points (lead and points). The faces of
 * one story say the same news; a face written from the other language's coverage should not say
 * half of it.
 */
export function thinFaceViolations(items: readonly DigestItem[]): SlotViolation[] {
  const out: SlotViolation[] = [];
  const size = (x: DigestItem): number => (x.keyPoints.lead.trim() === '' ? 0 : 1) + x.keyPoints.points.length;
  for (const item of items) {
    const other = items.find((x) => x.storyId === item.storyId && x.language !== item.language);
    if (other && size(item) < size(other))
      out.push({
        rule: 'thin-face',
        path: 'keyPoints',
        text: `${item.language} ${size(item)} key points, ${other.language} ${size(other)}`,
      });
  }
  return out;
}

/** Violations counted by rule (every rule present, zero when none). */
export function countByRule(violations: readonly SlotViolation[]): Record<SlotRule, number> {
  const counts = Object.fromEntries(SLOT_RULES.map((r) => [r, 0])) as Record<SlotRule, number>;
  for (const v of violations) counts[v.rule]++;
  return counts;
}
