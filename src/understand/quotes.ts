// Direct quotes and who said them. The quote span is the text between the marks; the speaker is
// taken only from patterns that name one (said X, X said, X: “…”, according to X, X 表示：“…”,
// an interview label). Short scare quotes (“neocloud”) are kept, unattributed, so that a
// quoted phrase in an output can still be checked against its source.

import { ZH_TITLES } from './chinese-names.js';
import type { EntityMention } from './entities.js';

export interface Quote {
  text: string;
  speaker: string | null;
  speakerEntityId: string | null;
  /** Span of the quoted text without the marks. */
  start: number;
  end: number;
}

interface Speaker {
  name: string;
  entityId: string | null;
}

const PAIRS: Record<string, string> = { '“': '”', '「': '」', '『': '』', '"': '"' };
const EN_VERBS =
  'said|says|told|tells|added|adds|wrote|writes|explained|noted|argued|asked|recalled|continued|replied|posted|tweeted|stated|warned|insisted';
const AFTER_VERB_FIRST = new RegExp(
  String.raw`^\s*(?:${EN_VERBS})\b\s*(?:(?:reporters|Reuters|[A-Z][\w.]*|the [\w ]{1,20}?)\s+)?(?:in an? [\w -]{1,30}?\s+)?`,
  '',
);
const AFTER_NAME_FIRST = new RegExp(String.raw`^\s*([^,.;:!?“”"\n]{1,60}?)\s+(?:${EN_VERBS})\b`);
// “…,” Ines Valk, Veyra’s chief financial officer, said: the name, an apposition, then the verb.
const AFTER_NAME_APPOSITION = new RegExp(
  String.raw`^\s*([^,.;:!?“”"\n]{1,40}?),\s+[^.;:!?“”"\n]{1,80}?,\s+(?:${EN_VERBS})\b`,
);
const BEFORE_VERB = new RegExp(String.raw`(?:${EN_VERBS})(?:\s+[^,.:;“”"\n]{1,40}?)?\s*[,:]?\s*$`);
const ACCORDING_TO = /according to\s+([^,;“”"\n]{1,80}?)\s*[,:]?\s*$/i;
const ACCORDING_TO_AFTER = /^[\s,]*according to\s+([^,.;“”"\n]{1,80})/i;
const ZH_VERBS = '表示|称|说|指出|认为|透露|强调|坦言|写道|回应|直言|介绍|提到|解释|补充|警告|宣布';
const ZH_BEFORE = new RegExp(String.raw`(?:${ZH_VERBS})(?:道)?\s*[：:，,]?\s*$`);
const ZH_AFTER = new RegExp(String.raw`^\s*[，,]?\s*([^。！？“”\n]{1,60}?)(?:${ZH_VERBS})`);
/** A Chinese name: 2-4 characters, or a transliteration around "·" (卡米耶·费朗). */
const ZH_NAME = String.raw`(?:\p{Script=Han}{1,6}·\p{Script=Han}{1,6}|\p{Script=Han}{2,4})`;
const ZH_TITLE_NAME = new RegExp(`(?:${ZH_TITLES})(${ZH_NAME})$`, 'u');
/** Where it was said, between the speaker and the verb: 在声明中说, 在接受采访时表示, 在博客中写道. */
const ZH_SETTING =
  /(?:在(?:[^，。：“”\s]{0,10}?)(?:声明|采访|博客|文章|演讲|发布会|会上|会议|大会|论坛|信|邮件|帖子|推文|微博|朋友圈|社交媒体|播客|节目|直播|文中|报告|致辞)(?:中|上|里|时|里面)?|接受[^，。：“”\s]{0,12}?采访时|对[^，。：“”\s]{1,12}?)\s*$/u;
/** Words that are not a name even where one could stand: 方面 in "Veyra 方面说", adverbs. */
const ZH_NOT_NAME =
  /^(?:方面|官方|公司|团队|内部|人士|高层|管理层|一方|本身|此前|随后|同时|也|还|则|曾|已|又|就|都|并|再|更|亦)|(?:方面|官方|也|还|则|曾|已|又|就|都|并|再|亦)$/u;
const ZH_GLOSS = /[（(][^）)]{1,40}[）)]\s*$/u;
const ZH_LATIN_GLOSS = /[（(](\p{Lu}[\p{Ll}’'-]+(?: \p{Lu}[\p{Ll}’'-]+){1,2})[）)]\s*$/u;
const PRONOUN = /^(?:he|she|He|She|他|她)$/;
const LABEL = /^([^\n:：“”"]{2,40}?)\s*[:：]/;

export function findQuotes(text: string, mentions: readonly EntityMention[]): Quote[] {
  const out: Quote[] = [];
  let labelCarry: Speaker | null = null;
  const paragraph = /[^\n]+/g;
  for (let p = paragraph.exec(text); p; p = paragraph.exec(text)) {
    const pStart = p.index;
    const pEnd = pStart + p[0].length;
    const label = labelAt(text, pStart, pEnd, mentions);
    const labelOnly = label !== null && text.slice(pStart, pEnd).replace(LABEL, '').trim() === '';
    const paragraphSpeaker = label ?? labelCarry;
    labelCarry = labelOnly ? label : null;
    // A second quote in a paragraph with no attribution of its own continues the first speaker.
    let lastSpeaker: Speaker | null = null;
    for (const q of marksIn(text, pStart, pEnd)) {
      const inner = trimSpan(text, q.innerStart, q.innerEnd);
      if (!inner) continue;
      const quoteText = text.slice(inner.start, inner.end);
      const scare = isScareQuote(quoteText);
      const found: Speaker | null = scare
        ? null
        : (attribute(text, q.open, q.close, pStart, pEnd, mentions) ?? lastSpeaker ?? paragraphSpeaker);
      const speaker: Speaker | null = found ? fullName(found, text, q.open, mentions) : null;
      if (speaker) lastSpeaker = speaker;
      out.push({
        text: quoteText,
        speaker: speaker?.name ?? null,
        speakerEntityId: speaker?.entityId ?? null,
        start: inner.start,
        end: inner.end,
      });
    }
  }
  return out;
}

interface Marks {
  /** Index of the opening mark. */
  open: number;
  /** Index just past the closing mark (the paragraph end for an unclosed quote). */
  close: number;
  innerStart: number;
  innerEnd: number;
}

function marksIn(text: string, from: number, to: number): Marks[] {
  const found: Marks[] = [];
  let i = from;
  while (i < to) {
    const closer = PAIRS[text[i]!];
    if (closer === undefined) {
      i++;
      continue;
    }
    const j = text.indexOf(closer, i + 1);
    if (j !== -1 && j < to) {
      found.push({ open: i, close: j + 1, innerStart: i + 1, innerEnd: j });
      i = j + 1;
    } else {
      // A quote running on into the next paragraph leaves its paragraph unclosed (news style).
      if (text[i] !== '"' && to - i > 20) found.push({ open: i, close: to, innerStart: i + 1, innerEnd: to });
      i = to;
    }
  }
  return found;
}

function trimSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

/** One to three words without closing punctuation: a term or an ironic phrase, not speech. */
function isScareQuote(q: string): boolean {
  if (/[,.!?，。！？…]$/.test(q)) return false;
  if (/\p{Script=Han}/u.test(q)) return q.length <= 6 && !/[，。！？；：]/.test(q);
  return q.split(/\s+/).length <= 3;
}

function attribute(
  text: string,
  open: number,
  close: number,
  pStart: number,
  pEnd: number,
  mentions: readonly EntityMention[],
): Speaker | null {
  const after = text.slice(close, Math.min(pEnd, close + 160));
  const beforeStart = sentenceStartBefore(text, open, pStart);
  const before = text.slice(beforeStart, open);

  // “…,” said Priya Raman, the chief executive.
  const verbFirst = /^\s*[,.!?]?\s*/.exec(after)![0].length;
  const tail = after.slice(verbFirst);
  const v = AFTER_VERB_FIRST.exec(tail);
  if (v) {
    const from = close + verbFirst + v[0].length;
    const clauseEnd = from + clauseLength(text, from, pEnd);
    const s =
      speakerIn(text, mentions, close + verbFirst, clauseEnd, 'first') ??
      pronounSpeaker(text, from, clauseEnd, open, mentions);
    if (s) return s;
  }
  // “…,” Priya Raman said. / “…,” he said.
  const n = AFTER_NAME_FIRST.exec(tail);
  if (n) {
    const from = close + verbFirst;
    const s =
      speakerIn(text, mentions, from, from + n[1]!.length, 'last') ??
      pronounSpeaker(text, from, from + n[1]!.length, open, mentions);
    if (s) return s;
  }
  const ap = AFTER_NAME_APPOSITION.exec(tail);
  if (ap) {
    const from = close + verbFirst + (ap[0].length - ap[0].trimStart().length);
    const s =
      speakerIn(text, mentions, from, from + ap[1]!.trim().length, 'last', 'person') ??
      speakerIn(text, mentions, from, from + ap[1]!.trim().length, 'last');
    if (s) return s;
  }
  const acc = ACCORDING_TO_AFTER.exec(tail);
  if (acc) {
    const from = close + verbFirst + acc[0].length - acc[1]!.length;
    const s = speakerIn(text, mentions, from, from + acc[1]!.length, 'first');
    if (s) return s;
  }
  // Priya Raman said: “…” / According to X, “…” / X: “…”
  const zb = ZH_BEFORE.exec(before);
  if (!zb && (BEFORE_VERB.test(before) || ACCORDING_TO.test(before) || /[:：]\s*$/.test(before))) {
    const s =
      speakerIn(text, mentions, beforeStart, open, 'last') ?? pronounSpeaker(text, beforeStart, open, open, mentions);
    if (s) return s;
  }
  // 黄仁勋表示：“……” / 分析师张伟称，“……”
  if (zb) {
    const verbAt = open - (before.length - zb.index);
    const s = zhSpeaker(text, mentions, beforeStart, verbAt, open);
    if (s) return s;
  }
  // “……”，黄仁勋说。
  const za = ZH_AFTER.exec(after);
  if (za) {
    const from = close + (za[0].length - za[0].trimStart().length) + za[0].trimStart().indexOf(za[1]!);
    const s = zhSpeaker(text, mentions, from, from + za[1]!.length, open);
    if (s) return s;
  }
  return null;
}

/**
 * The speaker named in [from, verbAt) before a Chinese speech verb. A person, even one the entity
 * finder does not know (a name after a title or a company), wins over an organisation.
 */
function zhSpeaker(
  text: string,
  mentions: readonly EntityMention[],
  from: number,
  verbAt: number,
  open: number,
): Speaker | null {
  const setting = ZH_SETTING.exec(text.slice(from, verbAt));
  const to = setting ? verbAt - setting[0].length : verbAt;
  const person = speakerIn(text, mentions, from, to, 'last', 'person');
  if (person) return person;
  // 负责人埃琳娜·沃斯（Elena Voss）表示: a title before the name, the Latin spelling in brackets.
  const lead = text.slice(from, to);
  const latin = ZH_LATIN_GLOSS.exec(lead);
  const t = ZH_TITLE_NAME.exec(lead.replace(ZH_GLOSS, '').trimEnd());
  if (t) return { name: t[1]!, entityId: null };
  if (latin) return { name: latin[1]!, entityId: null };
  // Mistral AI 的费朗说 / Veyra 伦恩表示: a name right after the organisation.
  const org = mentions.filter((m) => m.start >= from && m.end <= to && m.type === 'organization').at(-1);
  if (org) {
    const rest = text
      .slice(org.end, to)
      .replace(/^\s*的?\s*/u, '')
      .trimEnd();
    if (new RegExp(`^${ZH_NAME}$`, 'u').test(rest) && !ZH_NOT_NAME.test(rest)) return zhFullName(rest, text, mentions);
  }
  // 伦恩说 where 托比亚斯·伦恩 was named earlier; 乔文表示 where 分析师乔文 was.
  const bare = lead.trim();
  if (new RegExp(`^${ZH_NAME}$`, 'u').test(bare) && !ZH_NOT_NAME.test(bare)) {
    const full = zhFullName(bare, text, mentions);
    if (full.name !== bare || new RegExp(`(?:${ZH_TITLES})${bare}`, 'u').test(text.slice(0, open))) return full;
  }
  return speakerIn(text, mentions, from, to, 'last') ?? pronounSpeaker(text, from, to, open, mentions);
}

/** "伦恩" after "托比亚斯·伦恩" was named: the full transliterated name. */
function zhFullName(name: string, text: string, mentions: readonly EntityMention[]): Speaker {
  const earlier = mentions.find((m) => m.type === 'person' && m.surface.endsWith(`·${name}`));
  if (earlier) return { name: earlier.surface, entityId: earlier.entityId };
  // Only after a title can the given name be told apart from the words before it.
  const run = new RegExp(`(?:${ZH_TITLES})(\\p{Script=Han}{1,6}·${name})`, 'u').exec(text);
  return run ? { name: run[1]!, entityId: null } : { name, entityId: null };
}

function clauseLength(text: string, from: number, limit: number): number {
  const rest = text.slice(from, limit);
  const m = /[,;:!?，。；：！？“”"]|\.(?:\s|$)/.exec(rest);
  return m ? m.index : rest.length;
}

function sentenceStartBefore(text: string, open: number, pStart: number): number {
  for (let k = open - 1; k >= pStart; k--) {
    const c = text[k]!;
    if (c === '。' || c === '！' || c === '？' || c === '”' || c === '」') return k + 1;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[k + 1] ?? '')) return k + 1;
  }
  return pStart;
}

/** A person mentioned in [from, to), else an organisation; `which` picks the first or last. */
function speakerIn(
  text: string,
  mentions: readonly EntityMention[],
  from: number,
  to: number,
  which: 'first' | 'last',
  only?: 'person',
): Speaker | null {
  const inside = mentions.filter(
    (m) => m.start >= from && m.end <= to && (m.type === 'person' || m.type === 'organization'),
  );
  const people = inside.filter((m) => m.type === 'person');
  if (only === 'person' && people.length === 0) return null;
  const pool = people.length > 0 ? people : inside;
  const pick = which === 'first' ? pool[0] : pool.at(-1);
  if (pick) return { name: pick.surface, entityId: pick.entityId };
  // An English name the entity finder left untyped: two or three capitalised words.
  const run = /\b(\p{Lu}[\p{Ll}’'-]+(?: \p{Lu}[\p{Ll}’'-]+){1,2})\b/u.exec(text.slice(from, to));
  return run && !/^(?:The|A|An|In|On|According)\b/.test(run[1]!) ? { name: run[1]!, entityId: null } : null;
}

/** "he said": the last person named before the quote, within the previous ~600 characters. */
function pronounSpeaker(
  text: string,
  from: number,
  to: number,
  quoteOpen: number,
  mentions: readonly EntityMention[],
): Speaker | null {
  const words = text.slice(from, to).trim().split(/\s+/);
  if (!words.some((w) => PRONOUN.test(w))) return null;
  const prior = mentions.filter((m) => m.type === 'person' && m.end <= quoteOpen && m.start >= quoteOpen - 600);
  const last = prior.at(-1);
  return last ? { name: last.surface, entityId: last.entityId } : null;
}

/** An interview label opening the paragraph ("Sean O’Kane: …", "黄仁勋：…"), if it names someone. */
function labelAt(text: string, pStart: number, pEnd: number, mentions: readonly EntityMention[]): Speaker | null {
  const m = LABEL.exec(text.slice(pStart, pEnd));
  if (!m) return null;
  const labelEnd = pStart + m[1]!.length;
  const mention = mentions.find((x) => x.start === pStart && x.end === labelEnd && x.type === 'person');
  if (mention) return { name: mention.surface, entityId: mention.entityId };
  return /^\p{Lu}[\p{L}’'.-]*(?: \p{Lu}[\p{L}’'.-]*){1,3}$/u.test(m[1]!) ? { name: m[1]!, entityId: null } : null;
}

/** "said Achterberg" after "Isobel Achterberg" was named: the speaker is the full name. */
function fullName(speaker: Speaker, text: string, before: number, mentions: readonly EntityMention[]): Speaker {
  if (!/^\p{Lu}[\p{Ll}’'-]+$/u.test(speaker.name)) return speaker;
  const earlier = mentions
    .filter((m) => m.type === 'person' && m.end <= before && m.surface.endsWith(` ${speaker.name}`))
    .at(-1);
  if (earlier) return { name: earlier.surface, entityId: earlier.entityId };
  const run = new RegExp(`\\b(\\p{Lu}[\\p{Ll}’'-]+ ${speaker.name})\\b`, 'u').exec(text.slice(0, before));
  return run ? { name: run[1]!, entityId: speaker.entityId } : speaker;
}
