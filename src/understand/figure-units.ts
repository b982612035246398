// The units a number can carry, in English and Chinese, and their canonical forms. Each pattern
// is sticky: it matches only right after the number (and its scale word, if any).

import type { Figure } from './figures.js';

export interface UnitMatch {
  kind: Figure['kind'];
  unit: string;
  /** Multiplies the number into the canonical unit (MW → W: 1e6). */
  factor: number;
  /** UTF-16 length of the matched unit text, including the space or hyphen before it. */
  length: number;
}

interface UnitRule {
  re: RegExp;
  kind: Figure['kind'];
  unit: string | ((m: RegExpExecArray) => string);
  factor: number | ((m: RegExpExecArray) => number);
  /** Only when the number follows 每秒 ("每秒 1000 个 token"). */
  perSecond?: boolean;
}

const POWER: Record<string, number> = {
  w: 1,
  kw: 1e3,
  mw: 1e6,
  gw: 1e9,
  tw: 1e12,
  watt: 1,
  kilowatt: 1e3,
  megawatt: 1e6,
  gigawatt: 1e9,
  terawatt: 1e12,
  瓦: 1,
  瓦特: 1,
  千瓦: 1e3,
  兆瓦: 1e6,
  吉瓦: 1e9,
  太瓦: 1e12,
};
const ENERGY: Record<string, number> = {
  wh: 1,
  瓦时: 1,
  kwh: 1e3,
  mwh: 1e6,
  gwh: 1e9,
  twh: 1e12,
  千瓦时: 1e3,
  兆瓦时: 1e6,
  度电: 1e3,
};
const BYTES: Record<string, number> = { kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, pb: 1e15 };
const FLOPS: Record<string, number> = { t: 1e12, p: 1e15, e: 1e18 };
const MONEY: Record<string, string> = {
  美元: 'USD',
  美金: 'USD',
  元人民币: 'CNY',
  人民币: 'CNY',
  元: 'CNY',
  欧元: 'EUR',
  英镑: 'GBP',
  日元: 'JPY',
  港元: 'HKD',
  港币: 'HKD',
  dollars: 'USD',
  'us dollars': 'USD',
  usd: 'USD',
  euros: 'EUR',
  eur: 'EUR',
  yuan: 'CNY',
  renminbi: 'CNY',
  rmb: 'CNY',
  cny: 'CNY',
  pounds: 'GBP',
  yen: 'JPY',
};
const COUNT: Array<[RegExp, string]> = [
  [/^(?:gpus?|显卡|卡|[hba]\d{2,3}s?|gb\d{3}s?|h20s?|mi\d{3}x?s?)$/i, 'GPU'],
  [/^(?:chips?|芯片)$/i, 'chip'],
  [/^(?:accelerators?|加速器|加速卡)$/i, 'accelerator'],
  [/^(?:servers?|服务器)$/i, 'server'],
  [/^(?:employees?|workers|staff|员工)$/i, 'employee'],
  [/^(?:users?|用户)$/i, 'user'],
  [/^(?:customers?|客户)$/i, 'customer'],
  [/^(?:parameters?|params|参数)$/i, 'parameter'],
  [/^(?:tokens?|token|词元)$/i, 'token'],
  [/^(?:questions?|问题)$/i, 'question'],
  [/^(?:prompts?|提示词)$/i, 'prompt'],
  [/^(?:jobs?|岗位|就业岗位)$/i, 'job'],
  [/^(?:data cent(?:er|re)s?|数据中心)$/i, 'data center'],
  [/^(?:developers?|开发者)$/i, 'developer'],
  [/^(?:subscribers?|订阅用户|订户)$/i, 'subscriber'],
  [/^(?:racks?|机柜)$/i, 'rack'],
  [/^(?:people|人)$/i, 'person'],
  [/^engineers?$/i, 'engineer'],
];

// Brand and model words between a number and its noun ("180,000 Veyra HX9 accelerators"): never the unit.
const EN_COUNT_MODIFIER = String.raw`(?:(?:[A-Z][A-Za-z]*\d[\w-]*|[A-Z][a-z]+|Nvidia|AMD|Blackwell|Hopper|Rubin|AI|new|more|additional|active|weekly|monthly|daily|paying|total|high-end|advanced|of its|of the) )`;

const ZH_COUNTER = ' ?(?:块|张|颗|台|个|名|位|座|枚|家|套) ?';
const ZH_COUNT_MODIFIER = String.raw`(?:(?:[A-Za-z][\w.-]*|英伟达|华为|昇腾|自研|国产|新一代|新|高端|液冷|AI) ?)`;
const ZH_ACTIVITY = '((?:周活跃|月活跃|日活跃|周活|月活|日活|活跃|付费|注册) ?)?';
const GPU_MODEL = String.raw`(?:[HBA]\d{2,3}|GB\d{3}|H20|MI\d{3}X?)s?`;
// Nouns a bare number may carry ("12.8 万 token"); after a counter word, 卡, 问题 and 岗位 too.
const ZH_BARE_NOUN =
  'GPU|显卡|加速卡|加速器|芯片|服务器|员工|用户|客户|参数|tokens?|词元|数据中心|开发者|订阅用户|机柜';
const ZH_COUNT_NOUN = `${ZH_BARE_NOUN}|卡|问题|岗位`;

const RULES: UnitRule[] = [
  // Rates come before counts and quantities: "1,000 tokens/s" is a rate, "1,000 tokens" a count.
  {
    re: / ?(?:tokens?|tok) ?(?:\/ ?s(?:ec)?|per sec(?:ond)?|(?:a|an|each|every) second)\b/iy,
    kind: 'rate',
    unit: 'tokens/s',
    factor: 1,
  },
  { re: / ?个? ?tokens? ?\/ ?秒/iy, kind: 'rate', unit: 'tokens/s', factor: 1 },
  { re: / ?个? ?(?:tokens?|词元)/iy, kind: 'rate', unit: 'tokens/s', factor: 1, perSecond: true },
  { re: / ?([KMGTP]B)\/s\b/y, kind: 'rate', unit: 'B/s', factor: (m) => BYTES[m[1]!.toLowerCase()]! },
  {
    re: /[ -]?(tera|peta|exa|T|P|E)flops?\b/iy,
    kind: 'rate',
    unit: 'FLOP/s',
    factor: (m) => FLOPS[m[1]!.toLowerCase().slice(0, 1)]!,
  },
  // Energy before power: "kWh" starts like "kW".
  { re: / ?(Wh|kWh|MWh|GWh|TWh)\b/y, kind: 'quantity', unit: 'Wh', factor: (m) => ENERGY[m[1]!.toLowerCase()]! },
  {
    re: /[ -]?(kilowatt|megawatt|gigawatt|terawatt|watt)[ -]hours?\b/iy,
    kind: 'quantity',
    unit: 'Wh',
    factor: (m) => POWER[m[1]!.toLowerCase()]!,
  },
  { re: / ?(千瓦时|兆瓦时|度电|瓦时)/y, kind: 'quantity', unit: 'Wh', factor: (m) => ENERGY[m[1]!]! },
  { re: /[ -]?(kW|MW|GW|TW)\b/y, kind: 'power', unit: 'W', factor: (m) => POWER[m[1]!.toLowerCase()]! },
  {
    re: /[ -]?(kilowatt|megawatt|gigawatt|terawatt|watt)s?\b/iy,
    kind: 'power',
    unit: 'W',
    factor: (m) => POWER[m[1]!.toLowerCase()]!,
  },
  { re: / ?(瓦特|千瓦|兆瓦|吉瓦|太瓦)/y, kind: 'power', unit: 'W', factor: (m) => POWER[m[1]!]! },
  { re: / ?(?:%|percent\b|per cent\b)/iy, kind: 'percent', unit: '%', factor: 1 },
  { re: / ?(?:percentage points?\b|个百分点)/iy, kind: 'percent', unit: 'pp', factor: 1 },
  { re: / ?[x×X](?![A-Za-z0-9])/y, kind: 'multiplier', unit: 'x', factor: 1 },
  { re: /[ -]?fold\b/iy, kind: 'multiplier', unit: 'x', factor: 1 },
  { re: / ?倍/y, kind: 'multiplier', unit: 'x', factor: 1 },
  {
    re: / times(?= (?:faster|slower|more|less|larger|bigger|higher|greater|cheaper|lower|smaller|better|as|the|over|that|what)\b)/iy,
    kind: 'multiplier',
    unit: 'x',
    factor: 1,
  },
  {
    re: / ?(元人民币|人民币|美元|美金|欧元|英镑|日元|港元|港币|元)/y,
    kind: 'money',
    unit: (m) => MONEY[m[1]!]!,
    factor: 1,
  },
  {
    re: / (US dollars|dollars|euros|yuan|renminbi|pounds|yen)\b/iy,
    kind: 'money',
    unit: (m) => MONEY[m[1]!.toLowerCase()]!,
    factor: 1,
  },
  { re: / ?(USD|EUR|RMB|CNY)\b/y, kind: 'money', unit: (m) => MONEY[m[1]!.toLowerCase()]!, factor: 1 },
  // A counter word, up to three brand or model words, then the noun: "18 万颗 Veyra HX9 加速器".
  // A GPU model name alone (10 万块 H100) is the noun; any other model name (HX9) is never a unit.
  {
    re: new RegExp(
      String.raw`${ZH_COUNTER}${ZH_COUNT_MODIFIER}{0,3}?${ZH_ACTIVITY}(${GPU_MODEL}(?! ?(?:GPU|显卡|加速卡|卡))|${ZH_COUNT_NOUN}|人(?![工民]))(?![A-Za-z\d])`,
      'iy',
    ),
    kind: 'count',
    unit: (m) => countUnit(m[2]!),
    factor: 1,
  },
  {
    re: new RegExp(` ?${ZH_ACTIVITY}(${ZH_BARE_NOUN}|订户)(?![A-Za-z])`, 'iy'),
    kind: 'count',
    unit: (m) => countUnit(m[2]!),
    factor: 1,
  },
  {
    re: new RegExp(
      String.raw`[ -]${EN_COUNT_MODIFIER}{0,3}(GPUs?|chips?|accelerators?|servers?|employees|workers|staff|users|customers|parameters?|params|tokens|data cent(?:er|re)s|developers|subscribers|racks|people|engineers|questions|prompts|jobs|[HBA]\d{2,3}s|GB\d{3}s)\b`,
      'y',
    ),
    kind: 'count',
    unit: (m) => countUnit(m[1]!),
    factor: 1,
  },
  { re: / ?(nm|纳米)(?![A-Za-z])/y, kind: 'quantity', unit: 'nm', factor: 1 },
  { re: /[ -]?nanometers?\b/iy, kind: 'quantity', unit: 'nm', factor: 1 },
  { re: / ?([KMGTP]B)\b/y, kind: 'quantity', unit: 'B', factor: (m) => BYTES[m[1]!.toLowerCase()]! },
  { re: / (?:square feet|sq\.? ?ft\.?)/iy, kind: 'quantity', unit: 'sq ft', factor: 1 },
  { re: / ?平方米/y, kind: 'quantity', unit: 'm2', factor: 1 },
  { re: /[ -]acres?\b| ?英亩/iy, kind: 'quantity', unit: 'acre', factor: 1 },
  { re: /年/y, kind: 'year', unit: 'year', factor: 1 },
];

function countUnit(noun: string): string {
  for (const [re, unit] of COUNT) if (re.test(noun)) return unit;
  return noun.toLowerCase();
}

export function figureUnitAt(
  folded: string,
  at: number,
  ctx: { perSecond: boolean; currency: boolean },
): UnitMatch | null {
  for (const rule of RULES) {
    if (rule.perSecond && !ctx.perSecond) continue;
    rule.re.lastIndex = at;
    const m = rule.re.exec(folded);
    if (!m) continue;
    const unit = typeof rule.unit === 'string' ? rule.unit : rule.unit(m);
    const factor = typeof rule.factor === 'number' ? rule.factor : rule.factor(m);
    return { kind: rule.kind, unit, factor, length: m[0].length };
  }
  return null;
}
