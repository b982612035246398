// A generated archive for the scale bench: full Article records (with understanding, bands and a
// sighting, as ingest would store them) for invented events (funding rounds, data-centre leases,
// model launches, chip orders) covered by 1-6 outlets in English and Chinese, sometimes with the
// company's own newsroom, spread over `days` days. Texts are 150-300 words (English) or 300-500
// characters (Chinese): a lead, a quote, background. Seeded and deterministic; all prose is
// template text written for this bench.

import type { Article, Sighting } from '../src/article.js';
import type { SourceType } from '../src/sources/registry.js';
import type { Band } from '../src/store/article-store.js';
import { contentFingerprint } from '../src/text/fingerprint.js';
import { encodeSignature, minhashBands, minhashSignature } from '../src/text/minhash.js';
import { understand } from '../src/understand/understand.js';
import { rng } from './seeded-random.js';

export interface ScaleArticle {
  readonly article: Article;
  readonly bands: readonly Band[];
  readonly sighting: Sighting;
  readonly event: string;
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function shuffle<T>(r: () => number, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const STEMS = [
  'Velmora',
  'Castrel',
  'Orinth',
  'Quarrel',
  'Lumiq',
  'Tessaly',
  'Brannock',
  'Ciderfall',
  'Dunmere',
  'Elsworth',
  'Fenwick',
  'Galloway',
  'Harrowgate',
  'Ivexa',
  'Jorvik',
  'Kestrel',
  'Larkspur',
  'Mireval',
  'Norrland',
  'Ospreyn',
  'Pellucid',
  'Quintara',
  'Rookwell',
  'Sablemoor',
  'Thornbury',
  'Umbrel',
  'Vantor',
  'Wexley',
  'Yarrow',
  'Zephyrn',
  'Aldermoss',
  'Brightwater',
  'Coldharbor',
  'Driftwood',
  'Emberline',
  'Foxglove',
  'Glimmerton',
  'Hollowell',
  'Ironvale',
  'Juniperra',
];
const SUFFIXES = ['Labs', 'Cloud', 'Systems', 'Compute', 'Robotics', 'Silicon', 'AI', 'Networks'];
const FIRST = ['Mara', 'Tobin', 'Ilse', 'Rowan', 'Priya', 'Jonas', 'Wen', 'Lucia', 'Dario', 'Keiko', 'Ansel', 'Noor'];
const LAST = [
  'Quillby',
  'Harrow',
  'Venn',
  'Okafor',
  'Lindqvist',
  'Marsh',
  'Tavares',
  'Hollis',
  'Brandt',
  'Sorel',
  'Achebe',
  'Kwan',
];
const BIG = [
  { en: 'Nvidia', zh: '英伟达' },
  { en: 'OpenAI', zh: 'OpenAI' },
  { en: 'Microsoft', zh: '微软' },
  { en: 'Google', zh: '谷歌' },
  { en: 'Anthropic', zh: 'Anthropic' },
  { en: 'Alibaba', zh: '阿里巴巴' },
  { en: 'Tencent', zh: '腾讯' },
  { en: 'Amazon', zh: '亚马逊' },
];
const KINDS = ['funding', 'datacenter', 'model', 'chips'] as const;
type Kind = (typeof KINDS)[number];
const OUTLETS: ReadonlyArray<{ name: string; lang: 'en' | 'zh'; type: SourceType }> = [
  { name: 'Harbor Tech Daily', lang: 'en', type: 'news' },
  { name: 'The Circuit Ledger', lang: 'en', type: 'news' },
  { name: 'Quillfeed', lang: 'en', type: 'news' },
  { name: 'Gridline Weekly', lang: 'en', type: 'news' },
  { name: 'Signal & Silicon', lang: 'en', type: 'news' },
  { name: 'Northbeam Review', lang: 'en', type: 'blog' },
  { name: 'Datacenter Dispatch', lang: 'en', type: 'news' },
  { name: 'Model Watch', lang: 'en', type: 'news' },
  { name: '算力前哨', lang: 'zh', type: 'news' },
  { name: '硅潮', lang: 'zh', type: 'news' },
  { name: '算力札记', lang: 'zh', type: 'blog' },
  { name: '智能纪要', lang: 'zh', type: 'news' },
  { name: '芯闻速递', lang: 'zh', type: 'news' },
];

interface Event {
  id: string;
  kind: Kind;
  a: string;
  b: string;
  ceo: string;
  big: { en: string; zh: string };
  money: number;
  mw: number;
  units: number;
  code: string;
  pct: number;
  day: number;
}

function moneyEn(v: number): string {
  return v >= 1e9 ? `$${+(v / 1e9).toFixed(2)} billion` : `$${+(v / 1e6).toFixed(0)} million`;
}
function moneyZh(v: number): string {
  return v >= 1e8 ? `${+(v / 1e8).toFixed(1)} 亿美元` : `${+(v / 1e4).toFixed(0)} 万美元`;
}
const countEn = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}`;
const countZh = (n: number, noun: string) => (n % 10000 === 0 ? `${n / 10000} 万块${noun}` : `${n} 块${noun}`);

function leadEn(e: Event): string[] {
  const facts: Record<Kind, string[]> = {
    funding: [
      `${e.a} has raised ${moneyEn(e.money)} in a round led by ${e.b}.`,
      `The money will pay for the ${e.code} accelerator, which ${e.a} says is ${e.pct}% cheaper to run.`,
      `${e.a} plans to buy ${countEn(e.units, 'GPUs')} from ${e.big.en} over the next year.`,
    ],
    datacenter: [
      `${e.a} will lease ${e.mw}MW from ${e.b} in a deal worth ${moneyEn(e.money)}.`,
      `The campus, known internally as ${e.code}, will hold ${countEn(e.units, 'GPUs')}.`,
      `${e.b} said the first phase would be ready within months, with ${e.big.en} hardware throughout.`,
    ],
    model: [
      `${e.a} released ${e.code}, a model it says beats its predecessor by ${e.pct}%.`,
      `Training used ${countEn(e.units, 'GPUs')} rented from ${e.b}, at a cost of about ${moneyEn(e.money)}.`,
      `${e.a} will offer ${e.code} through ${e.big.en} and its own API.`,
    ],
    chips: [
      `${e.a} ordered ${countEn(e.units, 'chips')} from ${e.b} in a contract valued at ${moneyEn(e.money)}.`,
      `The ${e.code} parts will be delivered in batches, the first drawing ${e.mw}MW at full load.`,
      `Analysts said the order shows buyers looking beyond ${e.big.en}.`,
    ],
  };
  return facts[e.kind];
}

function leadZh(e: Event): string[] {
  const facts: Record<Kind, string[]> = {
    funding: [
      `${e.a} 宣布完成 ${moneyZh(e.money)} 融资，由 ${e.b} 领投。`,
      `这笔资金将用于 ${e.code} 加速器，${e.a} 称其运行成本降低 ${e.pct}%。`,
      `${e.a} 计划在未来一年向${e.big.zh}采购 ${countZh(e.units, 'GPU')}。`,
    ],
    datacenter: [
      `${e.a} 将向 ${e.b} 租用 ${e.mw} 兆瓦算力，交易金额 ${moneyZh(e.money)}。`,
      `该园区内部代号 ${e.code}，将部署 ${countZh(e.units, 'GPU')}。`,
      `${e.b} 表示一期工程将在数月内交付，全部采用${e.big.zh}硬件。`,
    ],
    model: [
      `${e.a} 发布 ${e.code} 模型，称性能比上一代提升 ${e.pct}%。`,
      `训练使用了从 ${e.b} 租用的 ${countZh(e.units, 'GPU')}，成本约 ${moneyZh(e.money)}。`,
      `${e.a} 将通过${e.big.zh}和自有 API 提供 ${e.code}。`,
    ],
    chips: [
      `${e.a} 向 ${e.b} 订购 ${countZh(e.units, '芯片')}，合同金额 ${moneyZh(e.money)}。`,
      `${e.code} 芯片将分批交付，首批满载功耗 ${e.mw} 兆瓦。`,
      `分析人士认为，这笔订单显示买家正在寻找${e.big.zh}之外的选择。`,
    ],
  };
  return facts[e.kind];
}

const QUOTES_EN = [
  'We built this for customers who could not get capacity anywhere else',
  'The hard part was never the chips, it was the power',
  'This is the first step, not the last one',
  'Our customers asked for lower prices and we listened',
];
const QUOTES_ZH = [
  '我们为找不到算力的客户打造了这一方案',
  '真正的难点从来不是芯片，而是电力',
  '这只是第一步',
  '客户希望价格更低，我们做到了',
];

const BACKGROUND_EN: Array<(r: () => number) => string> = [
  (r) => `Separately, ${pick(r, BIG).en} shares rose ${1 + Math.floor(r() * 9)}% on the week.`,
  () =>
    'Demand for inference capacity has outpaced supply for most of the year, and lead times for new racks remain long.',
  (r) =>
    `The company was founded in ${2015 + Math.floor(r() * 9)} and employs about ${100 + Math.floor(r() * 900)} people.`,
  () =>
    'Several smaller providers have struggled to secure grid connections for new sites, pushing some of them toward on-site generation.',
  (r) =>
    `Industry trackers estimate that spending on accelerators will grow by ${10 + Math.floor(r() * 40)}% next year.`,
  () =>
    'Enterprise buyers have become more cautious about long contracts, preferring shorter commitments with options to expand.',
  () =>
    'Pricing for rented capacity has fallen steadily as new clusters come online, although the newest parts still command a premium.',
  () =>
    'Regulators in several markets have asked operators to report how much water and electricity their facilities consume.',
  (r) => `Rival ${pick(r, STEMS)} ${pick(r, SUFFIXES)} declined to comment on the announcement.`,
  () => 'Developers say that software support, not raw speed, usually decides which hardware they adopt.',
];
const BACKGROUND_ZH: Array<(r: () => number) => string> = [
  (r) => `另外，${pick(r, BIG).zh}股价本周上涨 ${1 + Math.floor(r() * 9)}%。`,
  () => '今年以来，推理算力的需求一直高于供给，新机柜的交付周期依然很长。',
  (r) => `该公司成立于 ${2015 + Math.floor(r() * 9)} 年，目前约有 ${100 + Math.floor(r() * 900)} 名员工。`,
  () => '多家规模较小的服务商难以为新园区争取到电网接入，部分企业开始转向自建发电。',
  (r) => `行业机构预计，明年加速器方面的支出将增长 ${10 + Math.floor(r() * 40)}%。`,
  () => '企业客户对长期合同变得更加谨慎，更倾向于签订可扩展的短期协议。',
  () => '随着新集群陆续上线，租用算力的价格持续下降，但最新一代产品仍有溢价。',
  () => '多地监管机构要求运营方披露数据中心的用水和用电情况。',
  () => '开发者表示，决定采用哪种硬件的往往是软件生态，而不是单纯的速度。',
];

function makeEvent(r: () => number, i: number, companies: readonly string[], days: number): Event {
  const a = pick(r, companies);
  let b = pick(r, companies);
  while (b === a) b = pick(r, companies);
  const letter = () => String.fromCharCode(65 + Math.floor(r() * 26));
  return {
    id: `ev${i}`,
    kind: pick(r, KINDS),
    a,
    b,
    ceo: `${pick(r, FIRST)} ${pick(r, LAST)}`,
    big: pick(r, BIG),
    money: (5 + Math.floor(r() * 995)) * 1e7,
    mw: 20 + Math.floor(r() * 98) * 10,
    units: (1 + Math.floor(r() * 30)) * 5000,
    code: `${letter()}${letter()}-${100 + Math.floor(r() * 900)}`,
    pct: 10 + Math.floor(r() * 80),
    day: Math.floor(r() * days),
  };
}

function body(e: Event, r: () => number, zh: boolean): string[] {
  const lead = shuffle(r, zh ? leadZh(e) : leadEn(e)).slice(0, 2 + Math.floor(r() * 2));
  const q = Math.floor(r() * QUOTES_EN.length);
  const quote = zh
    ? `${e.a} 首席执行官 ${e.ceo} 表示：“${QUOTES_ZH[q]}。”`
    : `“${QUOTES_EN[q]},” said ${e.ceo}, chief executive of ${e.a}.`;
  const pool = shuffle(r, zh ? BACKGROUND_ZH : BACKGROUND_EN);
  const background = pool.slice(0, 6 + Math.floor(r() * 4)).map((f) => f(r));
  const half = Math.ceil(background.length / 2);
  const sep = zh ? '' : ' ';
  return [lead.join(sep), quote, background.slice(0, half).join(sep), background.slice(half).join(sep)];
}

/** `count` articles over `days` days (starting 2026-01-01); events have 1-6 outlets each. */
export function generateScaleCorpus(count: number, options: { seed?: number; days?: number } = {}): ScaleArticle[] {
  return [...scaleArticles(count, options)];
}

/** The same articles one at a time, so a large corpus is never held in memory at once. */
export function* scaleArticles(count: number, options: { seed?: number; days?: number } = {}): Generator<ScaleArticle> {
  const r = rng(options.seed ?? 3);
  const days = options.days ?? 30;
  const companies = STEMS.flatMap((s) => SUFFIXES.map((x) => `${s} ${x}`));
  const start = Date.parse('2026-01-01T00:00:00Z');
  let n = 0;
  for (let i = 0; n < count; i++) {
    const e = makeEvent(r, i, companies, days);
    const outlets = shuffle(r, OUTLETS).slice(0, 1 + Math.floor(r() * r() * 6));
    const official =
      r() < 0.15 ? [{ name: `${e.a} Newsroom`, lang: 'en' as const, type: 'official' as SourceType }] : [];
    for (const outlet of [...official, ...outlets]) {
      if (n >= count) break;
      const zh = outlet.lang === 'zh';
      const paragraphs = body(e, r, zh);
      const text = paragraphs.join('\n\n');
      const title = paragraphs[0]!.split(zh ? '。' : '. ')[0]!.replace(/[.。]$/, '');
      const published = new Date(start + e.day * 86_400_000 + Math.floor(r() * 30) * 3_600_000).toISOString();
      const fingerprint = contentFingerprint(`${n}\n${text}`);
      const id = fingerprint.slice(0, 12);
      const url = `https://${outlet.name.toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'zh'}.example/${e.id}/${n}`;
      const u = understand(text, { title });
      const sig = minhashSignature(text);
      const signature = encodeSignature(sig);
      const language = zh ? 'zh' : 'en';
      const article: Article = {
        id,
        url,
        title,
        byline: null,
        published,
        language,
        mixed: false,
        siteName: outlet.name,
        outlet: outlet.name,
        sourceId: null,
        sourceType: outlet.type,
        feedTitle: null,
        leadImage: null,
        description: null,
        paragraphs,
        text,
        bilingual: null,
        fingerprint,
        signature,
        understanding: { sentences: u.sentences, entities: u.entities, figures: u.figures, quotes: u.quotes },
        ingestedAt: new Date(Date.parse(published) + 3_600_000).toISOString(),
      };
      const sighting: Sighting = {
        url,
        relation: 'original',
        outlet: outlet.name,
        sourceId: null,
        sourceType: outlet.type,
        feedTitle: null,
        via: 'bench',
        seenAt: article.ingestedAt,
      };
      n++;
      yield { article, bands: minhashBands(sig).map((band) => ({ language, band, signature })), sighting, event: e.id };
    }
  }
}
