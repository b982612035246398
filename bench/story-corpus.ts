// A generated corpus for the grouping bench: invented events (funding rounds, data-centre deals,
// model launches, chip orders) covered by 1-6 outlets in English and Chinese over one or two days,
// with companies reused across events and well-known names and stray figures as noise. Seeded and
// deterministic. All prose is template text written for this bench.

import { understand } from '../src/understand/understand.js';
import type { StoryInput } from '../src/stories/story-archive.js';

export interface GeneratedArticle extends StoryInput {
  readonly event: string;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STEMS = ['Velmora', 'Castrel', 'Orinth', 'Quarrel', 'Lumiq', 'Tessaly', 'Brannock', 'Ciderfall', 'Dunmere', 'Elsworth', 'Fenwick', 'Galloway', 'Harrowgate', 'Ivexa', 'Jorvik', 'Kestrel', 'Larkspur', 'Mireval', 'Norrland', 'Ospreyn', 'Pellucid', 'Quintara', 'Rookwell', 'Sable', 'Thornbury', 'Umbrel', 'Vantor', 'Wexley', 'Yarrow', 'Zephyrn'];
const SUFFIXES = ['Labs', 'Cloud', 'Systems', 'Compute', 'Robotics', 'Silicon'];
const BIG = [
  { en: 'Nvidia', zh: '英伟达' }, { en: 'OpenAI', zh: 'OpenAI' }, { en: 'Microsoft', zh: '微软' }, { en: 'Google', zh: '谷歌' },
  { en: 'Anthropic', zh: 'Anthropic' }, { en: 'Alibaba', zh: '阿里巴巴' }, { en: 'Tencent', zh: '腾讯' }, { en: 'Amazon', zh: '亚马逊' },
];
const KINDS = ['funding', 'datacenter', 'model', 'chips'] as const;
const OUTLETS = [
  { name: 'Harbor Tech Daily', lang: 'en' }, { name: 'The Circuit Ledger', lang: 'en' }, { name: 'Quillfeed', lang: 'en' },
  { name: 'Gridline Weekly', lang: 'en' }, { name: '算力前哨', lang: 'zh' }, { name: '硅潮', lang: 'zh' }, { name: '算力札记', lang: 'zh' },
] as const;

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function moneyEn(v: number): string {
  return v >= 1e9 ? `$${+(v / 1e9).toFixed(2)} billion` : `$${+(v / 1e6).toFixed(0)} million`;
}
function moneyZh(v: number): string {
  return v >= 1e8 ? `${+(v / 1e8).toFixed(1)} 亿美元` : `${+(v / 1e4).toFixed(0)} 万美元`;
}
function countEn(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}`;
}
function countZh(n: number, noun: string): string {
  return n % 10000 === 0 ? `${n / 10000} 万块${noun}` : `${n} 块${noun}`;
}

interface Event {
  id: string; kind: (typeof KINDS)[number]; a: string; b: string; big: { en: string; zh: string };
  money: number; mw: number; units: number; code: string; pct: number; day: number;
}

function makeEvent(r: () => number, i: number, companies: readonly string[], days: number): Event {
  const a = pick(r, companies);
  let b = pick(r, companies);
  while (b === a) b = pick(r, companies);
  return {
    id: `ev${i}`, kind: pick(r, KINDS), a, b, big: pick(r, BIG),
    money: (5 + Math.floor(r() * 995)) * 1e7, mw: 20 + Math.floor(r() * 98) * 10, units: (1 + Math.floor(r() * 30)) * 5000,
    code: `${String.fromCharCode(65 + Math.floor(r() * 26))}${String.fromCharCode(65 + Math.floor(r() * 26))}-${100 + Math.floor(r() * 900)}`,
    pct: 10 + Math.floor(r() * 80), day: Math.floor(r() * days),
  };
}

function sentencesEn(e: Event, r: () => number): string[] {
  const facts: Record<(typeof KINDS)[number], string[]> = {
    funding: [`${e.a} has raised ${moneyEn(e.money)} in a round led by ${e.b}.`, `The money will pay for the ${e.code} accelerator, which ${e.a} says is ${e.pct}% cheaper to run.`, `${e.a} plans to buy ${countEn(e.units, 'GPUs')} from ${e.big.en} over the next year.`],
    datacenter: [`${e.a} will lease ${e.mw}MW from ${e.b} in a deal worth ${moneyEn(e.money)}.`, `The campus, known internally as ${e.code}, will hold ${countEn(e.units, 'GPUs')}.`, `${e.b} said the first phase would be ready within months, with ${e.big.en} hardware throughout.`],
    model: [`${e.a} released ${e.code}, a model it says beats its predecessor by ${e.pct}%.`, `Training used ${countEn(e.units, 'GPUs')} rented from ${e.b}, at a cost of about ${moneyEn(e.money)}.`, `${e.a} will offer ${e.code} through ${e.big.en} and its own API.`],
    chips: [`${e.a} ordered ${countEn(e.units, 'chips')} from ${e.b} in a contract valued at ${moneyEn(e.money)}.`, `The ${e.code} parts will be delivered in batches, the first drawing ${e.mw}MW at full load.`, `Analysts said the order shows buyers looking beyond ${e.big.en}.`],
  };
  return shuffle(r, facts[e.kind]).slice(0, 2 + Math.floor(r() * 2));
}

function sentencesZh(e: Event, r: () => number): string[] {
  const facts: Record<(typeof KINDS)[number], string[]> = {
    funding: [`${e.a} 宣布完成 ${moneyZh(e.money)} 融资，由 ${e.b} 领投。`, `这笔资金将用于 ${e.code} 加速器，${e.a} 称其运行成本降低 ${e.pct}%。`, `${e.a} 计划在未来一年向${e.big.zh}采购 ${countZh(e.units, 'GPU')}。`],
    datacenter: [`${e.a} 将向 ${e.b} 租用 ${e.mw} 兆瓦算力，交易金额 ${moneyZh(e.money)}。`, `该园区内部代号 ${e.code}，将部署 ${countZh(e.units, 'GPU')}。`, `${e.b} 表示一期工程将在数月内交付，全部采用${e.big.zh}硬件。`],
    model: [`${e.a} 发布 ${e.code} 模型，称性能比上一代提升 ${e.pct}%。`, `训练使用了从 ${e.b} 租用的 ${countZh(e.units, 'GPU')}，成本约 ${moneyZh(e.money)}。`, `${e.a} 将通过${e.big.zh}和自有 API 提供 ${e.code}。`],
    chips: [`${e.a} 向 ${e.b} 订购 ${countZh(e.units, '芯片')}，合同金额 ${moneyZh(e.money)}。`, `${e.code} 芯片将分批交付，首批满载功耗 ${e.mw} 兆瓦。`, `分析人士认为，这笔订单显示买家正在寻找${e.big.zh}之外的选择。`],
  };
  return shuffle(r, facts[e.kind]).slice(0, 2 + Math.floor(r() * 2));
}

const FILLER_EN = [
  (r: () => number) => `Separately, ${pick(r, BIG).en} shares rose ${1 + Math.floor(r() * 9)}% on the week.`,
  () => 'Demand for inference capacity has outpaced supply for most of the year.',
  (r: () => number) => `The company was founded in ${2015 + Math.floor(r() * 9)}.`,
];
const FILLER_ZH = [
  (r: () => number) => `另外，${pick(r, BIG).zh}股价本周上涨 ${1 + Math.floor(r() * 9)}%。`,
  () => '今年以来，推理算力的需求一直高于供给。',
  (r: () => number) => `该公司成立于 ${2015 + Math.floor(r() * 9)} 年。`,
];

function shuffle<T>(r: () => number, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** About `articles` articles over `days` days; events have 1-6 articles each. */
export function generateCorpus(articles: number, options: { seed?: number; days?: number } = {}): GeneratedArticle[] {
  const r = rng(options.seed ?? 7);
  const days = options.days ?? Math.max(2, Math.ceil(articles / 40));
  const companies = STEMS.flatMap((s) => SUFFIXES.map((x) => `${s} ${x}`)).slice(0, Math.max(12, Math.min(180, Math.ceil(articles / 8))));
  const start = Date.parse('2026-01-01T00:00:00Z');
  const out: GeneratedArticle[] = [];
  for (let i = 0; out.length < articles; i++) {
    const e = makeEvent(r, i, companies, days);
    const n = 1 + Math.floor(r() * r() * 6);
    for (const outlet of shuffle(r, OUTLETS).slice(0, n)) {
      if (out.length >= articles) break;
      const zh = outlet.lang === 'zh';
      const body = zh ? sentencesZh(e, r) : sentencesEn(e, r);
      const filler = zh ? FILLER_ZH : FILLER_EN;
      body.splice(Math.floor(r() * body.length), 0, pick(r, filler)(r));
      const text = body.join(zh ? '' : ' ');
      const title = body[0]!.replace(/[.。]$/, '');
      const published = new Date(start + e.day * 86_400_000 + Math.floor(r() * 40) * 3_600_000).toISOString();
      const id = `${e.id}-${out.length}`;
      const u = understand(text, { title });
      out.push({
        id, event: e.id, title, text, language: zh ? 'zh' : 'en', published, url: `https://gen.example/${id}`,
        outlet: outlet.name, sourceType: 'news', ingestedAt: published, understanding: { entities: u.entities, figures: u.figures },
      });
    }
  }
  return out;
}
