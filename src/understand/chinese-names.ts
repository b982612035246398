// Names in Chinese text that the gazetteer does not know, found only where the text itself tells
// the type: a Latin gloss in brackets (格点云（Lattice Cloud）, 汉娜·科尔（Hannah Cole）), a job title
// before a name (分析师乔文认为), a company suffix on a name the text repeats (澜芯科技).
// Every mention of a glossed name carries the Latin name, so Chinese and English coverage meet.

import type { EntityMention } from './entities.js';
import { lookupEntity } from './gazetteer.js';

const HAN = /\p{Script=Han}/u;
export const ZH_TITLES =
  '联合创始人|创始人|首席执行官|首席技术官|首席财务官|首席科学家|董事长|副总裁|总裁|总经理|负责人|发言人|分析师|研究员|教授|总监|经理|主席|部长|高管|CEO|CTO|CFO';
const ZH_SPEECH = '表示|认为|称|说|指出|透露|强调|坦言|介绍|提醒|解释|补充|警告|回应|直言|提到|曾任|在发布会';
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤乔柳岳齐欧阳';
// After a title: a Chinese name (surname first) or a transliterated one (卡米耶·费朗), then speech,
// a setting ("在声明中说") or punctuation.
const TITLE_NAME = new RegExp(
  `(?:${ZH_TITLES})(?:兼(?:${ZH_TITLES}))?([${SURNAMES}][\\p{Script=Han}]{1,2}?|[\\p{Script=Han}]{1,6}·[\\p{Script=Han}]{1,6}?)(?=${ZH_SPEECH}|在|[，,：:])`,
  'gu',
);
const ORG_SUFFIX = /(?:科技|资本|集团|证券|基金|银行|研究院|实验室)/gu;
const LEAD_ROUND = /由([\p{Script=Han}]{2,6}?(?:资本|基金|投资|创投))领投/gu;
/** Characters that do not open a name: pronouns, particles, determiners. */
const NOT_NAME_START = /^[的在由和与及是将被对从向为把让给了也都就这该一某多各其国全高新前金信数人]/u;
const GLOSS = /([\p{Script=Han}·]{2,16})[（(]\s*(\p{Lu}[\p{L}\d.&’' -]{0,40}?)\s*[）)]/gu;
const LATIN_ORG_END =
  /(?:Inc\.?|Corp\.?|Labs?|AI|Ltd\.?|LLC|Technologies|Technology|Capital|Ventures|Partners|Holdings|Systems|Cloud|Advisory|Group|Research|Institute|Securities|Semiconductors?|Networks|Computing|Bank|Fund)$/;
const HAN_ORG_END = /(?:公司|科技|集团|资本|云|实验室|研究院|基金|证券|银行|智能)$/u;

function count(text: string, s: string): number {
  let n = 0;
  for (let i = text.indexOf(s); i !== -1; i = text.indexOf(s, i + s.length)) n++;
  return n;
}

/** The longest ending of `run` (at least two characters) that the text repeats elsewhere. */
function repeatedEnding(text: string, run: string, max: number): string | null {
  for (let len = Math.min(max, run.length); len >= 2; len--) {
    const s = run.slice(run.length - len);
    if (!NOT_NAME_START.test(s) && count(text, s) >= 2) return s;
  }
  return null;
}

interface Found {
  readonly surface: string;
  readonly name: string;
  readonly entityId: string | null;
  readonly type: EntityMention['type'];
  /** Where it was seen; every other occurrence of `surface` is a mention too when `everywhere`. */
  readonly start: number;
  readonly everywhere: boolean;
}

function glosses(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(GLOSS)) {
    const latin = m[2]!.trim();
    const words = latin.split(/\s+/);
    if (!words.some((w) => /\p{Ll}/u.test(w)) || words.length > 4) continue;
    const latinStart = m.index + m[0].indexOf(latin, m[1]!.length);
    const known = lookupEntity(latin);
    let run = m[1]!;
    const title = new RegExp(`^.*(?:${ZH_TITLES})`, 'u').exec(run);
    if (title !== null) run = run.slice(title[0].length);
    // A transliterated name ("·"), or a short name right after a job title, is a person.
    const person =
      run.includes('·') || (title !== null && run.length >= 2 && run.length <= 4 && !HAN_ORG_END.test(run));
    const type: EntityMention['type'] | null =
      known?.type ??
      (person
        ? 'person'
        : LATIN_ORG_END.test(latin) || HAN_ORG_END.test(run)
          ? 'organization'
          : words.length >= 2 && !person
            ? 'organization'
            : null);
    if (type === null) continue;
    const name = known?.name ?? latin;
    const entityId = known?.id ?? null;
    // The Chinese spelling: a transliterated name around its "·", or the ending the text repeats.
    let han: string | null = null;
    if (person && !run.includes('·')) {
      han = run;
    } else if (person) {
      const dot = run.lastIndexOf('·');
      const left = run.slice(0, dot).slice(-4);
      han = left.length >= 1 && run.length - dot > 1 ? `${left}${run.slice(dot)}` : null;
    } else {
      han = repeatedEnding(text, run, 8);
    }
    // The Latin spelling is a mention of its own only when the Chinese one cannot be placed.
    if (han !== null && HAN.test(han))
      out.push({ surface: han, name, entityId, type, start: m.index + m[1]!.length - han.length, everywhere: true });
    else out.push({ surface: latin, name, entityId, type, start: latinStart, everywhere: false });
  }
  return out;
}

function titledPeople(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(TITLE_NAME)) {
    const name = m[1]!;
    out.push({
      surface: name,
      name,
      entityId: null,
      type: 'person',
      start: m.index + m[0].length - name.length,
      everywhere: true,
    });
  }
  return out;
}

function suffixedOrganisations(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(ORG_SUFFIX)) {
    const end = m.index + m[0].length;
    const before = /[\p{Script=Han}]{0,6}$/u.exec(text.slice(Math.max(0, m.index - 6), m.index))?.[0] ?? '';
    if (before.length < 2) continue;
    // Longest stem (2-4 characters) whose name the text repeats.
    for (let len = Math.min(4, before.length); len >= 2; len--) {
      const name = before.slice(before.length - len) + m[0];
      if (NOT_NAME_START.test(name) || count(text, name) < 2 || lookupEntity(name) !== null) continue;
      out.push({
        surface: name,
        name,
        entityId: null,
        type: 'organization',
        start: end - name.length,
        everywhere: true,
      });
      break;
    }
  }
  for (const m of text.matchAll(LEAD_ROUND)) {
    const name = m[1]!;
    if (!NOT_NAME_START.test(name))
      out.push({ surface: name, name, entityId: null, type: 'organization', start: m.index + 1, everywhere: true });
  }
  return out;
}

/** Chinese-text names outside the `known` mentions, each at every place it occurs. */
export function chineseNames(text: string, known: readonly EntityMention[]): EntityMention[] {
  if (!HAN.test(text)) return [];
  const taken: Array<[number, number]> = known.map((k) => [k.start, k.end]);
  const free = (s: number, e: number): boolean => taken.every(([a, b]) => e <= a || s >= b);
  const out: EntityMention[] = [];
  const add = (f: Found, start: number): void => {
    const end = start + f.surface.length;
    if (!free(start, end)) return;
    taken.push([start, end]);
    out.push({ entityId: f.entityId, name: f.name, type: f.type, surface: f.surface, start, end });
  };
  const found = [...glosses(text), ...titledPeople(text), ...suffixedOrganisations(text)];
  for (const f of found) add(f, f.start);
  for (const f of found) {
    if (!f.everywhere) continue;
    for (let i = text.indexOf(f.surface); i !== -1; i = text.indexOf(f.surface, i + 1)) add(f, i);
  }
  return out.sort((a, b) => a.start - b.start);
}
