// Figures (money, power, multipliers, percentages, rates, counts, quantities, years) with value
// and unit normalised across English and Chinese, so "$250 billion" and "2500 亿美元" compare equal.
// Vague amounts ("数十亿", "hundreds of thousands") are not figures: they cannot be checked.

import { figureUnitAt, type UnitMatch } from './figure-units.js';

export interface Figure {
  kind: 'money' | 'power' | 'multiplier' | 'percent' | 'rate' | 'count' | 'quantity' | 'year';
  /** In the canonical unit: USD/CNY/EUR for money, W for power, B for bytes, Wh for energy. */
  value: number;
  unit: string;
  surface: string;
  start: number;
  end: number;
}

const NUMBER =
  /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|([一二两三四五六七八九十〇零][零〇一二两三四五六七八九十百千万亿]*)/g;
const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

const CURRENCY_PREFIX = /(US\$|USD ?|HK\$|RMB ?|CNY ?|EUR ?|\$|¥|€|£)$/;
const PREFIX_UNIT: Record<string, string> = {
  US$: 'USD',
  USD: 'USD',
  $: 'USD',
  HK$: 'HKD',
  RMB: 'CNY',
  CNY: 'CNY',
  '¥': 'CNY',
  EUR: 'EUR',
  '€': 'EUR',
  '£': 'GBP',
};

// Scales after a number. Single letters (m, b, T) only count after a currency sign or before
// "parameters"/"tokens", where they cannot be metres or bytes.
const SCALE_EN = /[ -]?(thousand|million|billion|trillion)\b|(bn|mn|tn|k)\b/iy;
const SCALE_LETTER = /([mMbBtT])\b/y;
const SCALE_LETTER_NOUN = /([MBT])(?=[ -]?(?:parameters?|params|tokens?)\b)/y;
const SCALE_ZH = / ?(万亿|千亿|百亿|亿|千万|百万|万)/y;
const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  t: 1e12,
  万: 1e4,
  百万: 1e6,
  千万: 1e7,
  亿: 1e8,
  百亿: 1e10,
  千亿: 1e11,
  万亿: 1e12,
};

const APPROXIMATE_CN =
  /[一二两三四五六七八九][一二两三四五六七八九][十百千万亿]|十[一二三四五六七八][二三四五六七八九]/;
/** Characters that make a following number vague or ordinal: 数十亿, 几百, 第一. */
const VAGUE_BEFORE = new Set(['数', '几', '第', '上', '好', '逾万']);

/** Between the numbers of a list sharing one unit: "8,000, 32,000 and 64,000 tokens", "3、5 和 8 倍". */
const LIST_SEPARATOR = /^(?:,? (?:and|or|to) |, ?| ?[、和或至到] ?)$/;

export function parseFigures(text: string): Figure[] {
  const folded = foldWidth(text);
  const out: Figure[] = [];
  const bare: Array<{ start: number; end: number; value: number }> = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(folded); m; m = NUMBER.exec(folded)) {
    const s = m.index;
    const e = s + m[0].length;
    const fig = figureAt(text, folded, s, e, m[1] !== undefined);
    if (fig) {
      out.push(fig);
      NUMBER.lastIndex = Math.max(NUMBER.lastIndex, fig.end);
    } else if (
      m[1] !== undefined &&
      !/[A-Za-z.$-]/.test(folded[s - 1] ?? '') &&
      !/[\d.]/.test(folded[e] ?? '') &&
      !/^(?:19|20)\d\d$/.test(m[1])
    ) {
      bare.push({ start: s, end: e, value: Number(m[1].replace(/,/g, '')) });
    }
  }
  return withScaledListMembers(folded, bare.length === 0 ? out : withListMembers(text, folded, out, bare));
}

/** "3 billion and 400 billion parameters", "1.5 万到 2 万块 GPU": a scaled amount before a count joined by a conjunction counts the same thing. */
function withScaledListMembers(folded: string, figures: Figure[]): Figure[] {
  return figures.map((g, i) => {
    const f = figures[i + 1];
    if (!f || g.kind !== 'quantity' || g.unit !== '' || f.kind !== 'count') return g;
    const sep = folded.slice(g.end, f.start);
    return LIST_SEPARATOR.test(sep) && !/^, ?$/.test(sep) ? { ...g, kind: 'count', unit: f.unit } : g;
  });
}

/** Bare numbers listed right before a figure take its unit, unless that figure carries a scale. */
function withListMembers(
  text: string,
  folded: string,
  figures: Figure[],
  bare: ReadonlyArray<{ start: number; end: number; value: number }>,
): Figure[] {
  const added: Figure[] = [];
  for (const f of figures) {
    if (f.kind === 'year') continue;
    const own = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/.exec(folded.slice(f.start, f.end));
    if (!own) continue; // a currency sign or 每秒 before the number belongs to that number alone
    const unit = figureUnitAt(folded, f.start + own[0].length, { perSecond: false, currency: false });
    if (!unit || unit.kind !== f.kind) continue; // a scale word (million, 万) sits between number and unit
    let next = f.start;
    for (let i = bare.length - 1; i >= 0; i--) {
      const b = bare[i]!;
      if (b.end > next) continue;
      const sep = folded.slice(b.end, next);
      // The step nearest the figure must be a conjunction: "page 3, 40 GPUs" is no list.
      if (!LIST_SEPARATOR.test(sep) || (next === f.start && /^, ?$/.test(sep))) break;
      added.push(make(text, f.kind, b.value * unit.factor, unit.unit, b.start, b.end));
      next = b.start;
    }
  }
  return added.length === 0 ? figures : [...figures, ...added].sort((a, b) => a.start - b.start);
}

function figureAt(text: string, folded: string, s: number, e: number, arabic: boolean): Figure | null {
  const before = folded[s - 1] ?? '';
  const before2 = folded[s - 2] ?? '';
  // Part of a name or version: H100, GPT-5, 3.5.1, or a vague/ordinal Chinese amount.
  if (/[A-Za-z]/.test(before) || ((before === '-' || before === '.') && /[A-Za-z0-9]/.test(before2))) return null;
  if (VAGUE_BEFORE.has(before)) return null;
  // Two digits side by side before a magnitude are a range, not an amount: 六七十, 三四百, 十五六.
  if (!arabic && APPROXIMATE_CN.test(folded.slice(s, e))) return null;
  if (folded[e] === '.' && /\d/.test(folded[e + 1] ?? '')) return null;
  let value = arabic ? Number(folded.slice(s, e).replace(/,/g, '')) : parseChineseNumeral(folded.slice(s, e));
  if (!Number.isFinite(value)) return null;

  let start = s;
  let currency: string | null = null;
  const pre = CURRENCY_PREFIX.exec(folded.slice(Math.max(0, s - 4), s));
  if (pre && arabic) {
    currency = PREFIX_UNIT[pre[1]!.trim()] ?? null;
    start = s - pre[1]!.length;
  }
  const percentOf = folded.slice(Math.max(0, s - 3), s) === '百分之';
  if (percentOf) return make(text, 'percent', value, '%', s - 3, e);

  let at = e;
  let scaled = false;
  const scale =
    matchAt(SCALE_EN, folded, at) ??
    (currency ? matchAt(SCALE_LETTER, folded, at) : matchAt(SCALE_LETTER_NOUN, folded, at)) ??
    matchAt(SCALE_ZH, folded, at);
  if (scale) {
    const word = (scale[1] ?? scale[2] ?? '').toLowerCase();
    const factor = SCALES[word] ?? SCALES[scale[1] ?? scale[2] ?? ''];
    if (factor !== undefined) {
      value *= factor;
      at += scale[0].length;
      scaled = true;
    }
  }
  const perSecond = /每秒[\p{Script=Han}]{0,4} ?$/u.exec(folded.slice(Math.max(0, start - 8), start));
  const unit: UnitMatch | null = figureUnitAt(folded, at, {
    perSecond: perSecond !== null,
    currency: currency !== null,
  });
  if (currency) {
    // "$5 billion" may still be followed by "dollars" or "美元"; the unit then adds nothing new.
    const end = unit && unit.kind === 'money' ? at + unit.length : at;
    return make(text, 'money', value, currency, start, end);
  }
  // "In 2027 Veyra engineers…": a year before a capitalised word, not 2027 engineers.
  const yearBeforeName =
    unit?.kind === 'count' &&
    arabic &&
    !scaled &&
    /^(19|20)\d\d$/.test(folded.slice(s, e)) &&
    /^[ -][A-Z][a-z]/.test(folded.slice(at, at + 3));
  if (unit && !yearBeforeName) {
    const s0 = unit.kind === 'rate' && perSecond ? start - perSecond[0].length : start;
    if (unit.kind === 'year') {
      // "2035年" and "二〇三五年" are years; "三年" and "两千年" are durations.
      if (scaled || value < 1900 || value > 2100 || (!arabic && /[十百千万亿]/.test(folded.slice(s, e)))) return null;
    }
    return make(text, unit.kind, value * unit.factor, unit.unit, s0, at + unit.length);
  }
  if (!arabic) return null; // a bare Chinese numeral is a word (一些, 十分), not a figure
  if (scaled) return make(text, 'quantity', value, '', start, at);
  const digits = folded.slice(s, e);
  if (/^(19|20)\d\d$/.test(digits) && !/[\p{L}\d]/u.test(folded[e] ?? '') && before !== '$') {
    return make(text, 'year', value, 'year', start, e);
  }
  return null;
}

function make(text: string, kind: Figure['kind'], value: number, unit: string, start: number, end: number): Figure {
  // Money and counts are exact decimals; round away float noise from 2.5 * 1e8 and the like.
  const v = Number.parseFloat(value.toPrecision(12));
  return { kind, value: v, unit, surface: text.slice(start, end), start, end };
}

function matchAt(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

export function parseChineseNumeral(s: string): number {
  if (!/[十百千万亿]/.test(s)) {
    let v = 0;
    for (const ch of s) {
      const d = CN_DIGITS[ch];
      if (d === undefined) return Number.NaN;
      v = v * 10 + d;
    }
    return v;
  }
  let total = 0;
  let section = 0;
  let num = 0;
  for (const ch of s) {
    const d = CN_DIGITS[ch];
    if (d !== undefined) {
      num = d;
    } else if (CN_SMALL[ch] !== undefined) {
      section += (num === 0 ? 1 : num) * CN_SMALL[ch]!;
      num = 0;
    } else if (ch === '万') {
      total += (section + num) * 1e4;
      section = 0;
      num = 0;
    } else if (ch === '亿') {
      total = (total + section + num) * 1e8;
      section = 0;
      num = 0;
    } else {
      return Number.NaN;
    }
  }
  return total + section + num;
}

/** Full-width ASCII (ＡＢＣ１２３％) to half-width, one UTF-16 unit for one, so offsets hold. */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/**
 * Whether two figures state the same amount: same kind and unit, values within relTolerance of
 * the larger (0.5% by default, so "$1.5 billion" ≠ "$1.52 billion"). Years must match exactly.
 */
export function figuresEqual(
  a: Pick<Figure, 'kind' | 'value' | 'unit'>,
  b: Pick<Figure, 'kind' | 'value' | 'unit'>,
  relTolerance = 0.005,
): boolean {
  if (a.kind !== b.kind || a.unit !== b.unit) return false;
  if (a.kind === 'year') return a.value === b.value;
  const scale = Math.max(Math.abs(a.value), Math.abs(b.value));
  return scale === 0 || Math.abs(a.value - b.value) <= relTolerance * scale;
}
