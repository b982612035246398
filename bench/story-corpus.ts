// A generated corpus for the grouping bench: invented events (funding rounds, data-centre deals,
// model launches, chip orders) covered by 1-6 outlets in English and Chinese over one or two days,
// with companies reused across events and well-known names and stray figures as noise. Each event
// has its own place, spokesperson and purpose, and each outlet words the facts its own way (until
// 2026-11-22 every event of a kind was told in the same sentences: unlike real news, and it made
// precision look worse than it is). Seeded and deterministic. All prose is template text written
// for this bench.

import { understand } from '../src/understand/understand.js';
import type { ArticleToPlace } from '../src/stories/story-archive.js';
import { rng } from './seeded-random.js';

export interface GeneratedArticle extends ArticleToPlace {
  readonly event: string;
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
  'Sable',
  'Thornbury',
  'Umbrel',
  'Vantor',
  'Wexley',
  'Yarrow',
  'Zephyrn',
];
const SUFFIXES = ['Labs', 'Cloud', 'Systems', 'Compute', 'Robotics', 'Silicon'];
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
const OUTLETS = [
  { name: 'Harbor Tech Daily', lang: 'en' },
  { name: 'The Circuit Ledger', lang: 'en' },
  { name: 'Quillfeed', lang: 'en' },
  { name: 'Gridline Weekly', lang: 'en' },
  { name: '算力前哨', lang: 'zh' },
  { name: '硅潮', lang: 'zh' },
  { name: '算力札记', lang: 'zh' },
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

/** Event-specific detail: real coverage of two events of one kind differs in where, who and what for. */
const PLACES = [
  { en: 'Ohio', zh: '俄亥俄州' },
  { en: 'Texas', zh: '得克萨斯州' },
  { en: 'Johor', zh: '柔佛州' },
  { en: 'northern Norway', zh: '挪威北部' },
  { en: 'Quebec', zh: '魁北克' },
  { en: 'Inner Mongolia', zh: '内蒙古' },
  { en: 'Abu Dhabi', zh: '阿布扎比' },
  { en: 'Finland', zh: '芬兰' },
  { en: 'Arizona', zh: '亚利桑那州' },
  { en: 'Chile', zh: '智利' },
  { en: 'Iceland', zh: '冰岛' },
  { en: 'Guizhou', zh: '贵州' },
  { en: 'Bavaria', zh: '巴伐利亚' },
  { en: 'Osaka', zh: '大阪' },
  { en: 'Nevada', zh: '内华达州' },
  { en: 'Wales', zh: '威尔士' },
];
const PEOPLE = [
  { en: 'Mara Ellison', zh: '玛拉·埃利森' },
  { en: 'Tomas Reyk', zh: '托马斯·雷克' },
  { en: 'Ines Varga', zh: '伊内丝·瓦尔加' },
  { en: 'Chen Jiayi', zh: '陈嘉怡' },
  { en: 'Oskar Lindqvist', zh: '奥斯卡·林奎斯特' },
  { en: 'Priya Ramesh', zh: '普丽娅·拉梅什' },
  { en: 'Wang Haoran', zh: '王浩然' },
  { en: 'Dario Fenn', zh: '达里奥·芬恩' },
  { en: 'Lena Hoffmann', zh: '莱娜·霍夫曼' },
  { en: 'Kofi Mensah', zh: '科菲·门萨' },
  { en: 'Zhou Yuting', zh: '周雨婷' },
  { en: 'Hugo Marchetti', zh: '雨果·马尔凯蒂' },
];
const FOCUS = [
  { en: 'drug discovery', zh: '药物研发' },
  { en: 'video generation', zh: '视频生成' },
  { en: 'coding assistants', zh: '编程助手' },
  { en: 'weather forecasting', zh: '天气预报' },
  { en: 'robot control', zh: '机器人控制' },
  { en: 'speech translation', zh: '语音翻译' },
  { en: 'chip design', zh: '芯片设计' },
  { en: 'legal research', zh: '法律检索' },
  { en: 'fraud detection', zh: '反欺诈' },
  { en: 'protein folding', zh: '蛋白质结构预测' },
  { en: 'search ranking', zh: '搜索排序' },
  { en: 'autonomous driving', zh: '自动驾驶' },
];

interface Event {
  id: string;
  kind: (typeof KINDS)[number];
  a: string;
  b: string;
  big: { en: string; zh: string };
  money: number;
  mw: number;
  units: number;
  code: string;
  pct: number;
  day: number;
  place: { en: string; zh: string };
  person: { en: string; zh: string };
  focus: { en: string; zh: string };
}

function makeEvent(r: () => number, i: number, companies: readonly string[], days: number): Event {
  const a = pick(r, companies);
  let b = pick(r, companies);
  while (b === a) b = pick(r, companies);
  return {
    id: `ev${i}`,
    kind: pick(r, KINDS),
    a,
    b,
    big: pick(r, BIG),
    money: (5 + Math.floor(r() * 995)) * 1e7,
    mw: 20 + Math.floor(r() * 98) * 10,
    units: (1 + Math.floor(r() * 60)) * 2500,
    code: `${String.fromCharCode(65 + Math.floor(r() * 26))}${String.fromCharCode(65 + Math.floor(r() * 26))}-${100 + Math.floor(r() * 900)}`,
    pct: 10 + Math.floor(r() * 80),
    day: Math.floor(r() * days),
    place: pick(r, PLACES),
    person: pick(r, PEOPLE),
    focus: pick(r, FOCUS),
  };
}

/**
 * Each fact has several phrasings and each outlet picks its own, as outlets do; the event's
 * details (place, person, purpose, amounts, names) are what coverage of one event shares.
 */
function sentencesEn(e: Event, r: () => number): string[] {
  const facts: Record<(typeof KINDS)[number], string[][]> = {
    funding: [
      [
        `${e.a} has raised ${moneyEn(e.money)} in a round led by ${e.b}.`,
        `Investors led by ${e.b} put ${moneyEn(e.money)} into ${e.a}.`,
        `${e.a} closed a ${moneyEn(e.money)} financing, with ${e.b} taking the largest share.`,
      ],
      [
        `The money will pay for the ${e.code} accelerator, which ${e.a} says is ${e.pct}% cheaper to run.`,
        `Much of the cash goes to ${e.code}, an in-house chip ${e.a} claims cuts running costs by ${e.pct}%.`,
      ],
      [
        `${e.a} plans to buy ${countEn(e.units, 'GPUs')} from ${e.big.en} over the next year.`,
        `A shopping list of ${countEn(e.units, `${e.big.en} GPUs`)} comes next, according to people familiar with the plan.`,
      ],
    ],
    datacenter: [
      [
        `${e.a} will lease ${e.mw}MW from ${e.b} in a deal worth ${moneyEn(e.money)}.`,
        `${e.b} signed a ${moneyEn(e.money)} contract to host ${e.mw}MW of ${e.a} servers.`,
        `In a ${moneyEn(e.money)} agreement, ${e.a} takes ${e.mw}MW of capacity from ${e.b}.`,
      ],
      [
        `The campus, known internally as ${e.code}, will hold ${countEn(e.units, 'GPUs')}.`,
        `Site ${e.code} is designed for ${countEn(e.units, 'accelerators')} once fully built.`,
      ],
      [
        `${e.b} said the first phase would be ready within months, with ${e.big.en} hardware throughout.`,
        `Power for the first hall is already connected, ${e.b} said, and every rack uses ${e.big.en} parts.`,
      ],
    ],
    model: [
      [
        `${e.a} released ${e.code}, a model it says beats its predecessor by ${e.pct}%.`,
        `${e.code}, the newest model from ${e.a}, scores ${e.pct}% higher than the version it replaces.`,
        `${e.a} unveiled ${e.code} on its developer blog, claiming a ${e.pct}% gain.`,
      ],
      [
        `Training used ${countEn(e.units, 'GPUs')} rented from ${e.b}, at a cost of about ${moneyEn(e.money)}.`,
        `${e.a} trained it on ${countEn(e.units, 'chips')} leased from ${e.b}; the bill came to roughly ${moneyEn(e.money)}.`,
      ],
      [
        `${e.a} will offer ${e.code} through ${e.big.en} and its own API.`,
        `Developers can reach ${e.code} on ${e.big.en}'s platform as well as directly.`,
      ],
    ],
    chips: [
      [
        `${e.a} ordered ${countEn(e.units, 'chips')} from ${e.b} in a contract valued at ${moneyEn(e.money)}.`,
        `${e.b} won a ${moneyEn(e.money)} order for ${countEn(e.units, 'processors')} from ${e.a}.`,
        `A ${moneyEn(e.money)} purchase of ${countEn(e.units, 'chips')} ties ${e.a} to supplier ${e.b}.`,
      ],
      [
        `The ${e.code} parts will be delivered in batches, the first drawing ${e.mw}MW at full load.`,
        `Deliveries of ${e.code} start next quarter; the first batch alone needs ${e.mw}MW.`,
      ],
      [
        `Analysts said the order shows buyers looking beyond ${e.big.en}.`,
        `The deal is read as a hedge against dependence on ${e.big.en}.`,
      ],
    ],
  };
  const details = [
    [
      `The work will be based in ${e.place.en}.`,
      `Most of the capacity sits in ${e.place.en}, where power is cheap.`,
      `${e.place.en} was chosen for its grid connection.`,
    ],
    [
      `"This is about ${e.focus.en}," said ${e.person.en}, who leads the project.`,
      `${e.person.en}, who runs the effort, said the first customers work on ${e.focus.en}.`,
    ],
  ];
  return assemble(facts[e.kind], details, r);
}

function sentencesZh(e: Event, r: () => number): string[] {
  const facts: Record<(typeof KINDS)[number], string[][]> = {
    funding: [
      [
        `${e.a} 宣布完成 ${moneyZh(e.money)} 融资，由 ${e.b} 领投。`,
        `${e.b} 领投 ${e.a} 新一轮 ${moneyZh(e.money)} 融资。`,
        `${e.a} 获得 ${moneyZh(e.money)} 投资，${e.b} 出资最多。`,
      ],
      [
        `这笔资金将用于 ${e.code} 加速器，${e.a} 称其运行成本降低 ${e.pct}%。`,
        `资金主要投向自研芯片 ${e.code}，据称可把运行成本压低 ${e.pct}%。`,
      ],
      [
        `${e.a} 计划在未来一年向${e.big.zh}采购 ${countZh(e.units, 'GPU')}。`,
        `知情人士称，${e.a} 下一步将采购 ${countZh(e.units, `${e.big.zh} GPU`)}。`,
      ],
    ],
    datacenter: [
      [
        `${e.a} 将向 ${e.b} 租用 ${e.mw} 兆瓦算力，交易金额 ${moneyZh(e.money)}。`,
        `${e.b} 与 ${e.a} 签下 ${moneyZh(e.money)} 合同，为其托管 ${e.mw} 兆瓦服务器。`,
      ],
      [
        `该园区内部代号 ${e.code}，将部署 ${countZh(e.units, 'GPU')}。`,
        `${e.code} 园区建成后可容纳 ${countZh(e.units, '加速卡')}。`,
      ],
      [
        `${e.b} 表示一期工程将在数月内交付，全部采用${e.big.zh}硬件。`,
        `${e.b} 称首个机房已经通电，机柜全部使用${e.big.zh}部件。`,
      ],
    ],
    model: [
      [
        `${e.a} 发布 ${e.code} 模型，称性能比上一代提升 ${e.pct}%。`,
        `${e.a} 在开发者博客上推出 ${e.code}，成绩比上一版本高 ${e.pct}%。`,
      ],
      [
        `训练使用了从 ${e.b} 租用的 ${countZh(e.units, 'GPU')}，成本约 ${moneyZh(e.money)}。`,
        `${e.a} 租用 ${e.b} 的 ${countZh(e.units, '芯片')}完成训练，花费约 ${moneyZh(e.money)}。`,
      ],
      [`${e.a} 将通过${e.big.zh}和自有 API 提供 ${e.code}。`, `开发者可以在${e.big.zh}平台上直接调用 ${e.code}。`],
    ],
    chips: [
      [
        `${e.a} 向 ${e.b} 订购 ${countZh(e.units, '芯片')}，合同金额 ${moneyZh(e.money)}。`,
        `${e.b} 拿下 ${e.a} 价值 ${moneyZh(e.money)} 的订单，共 ${countZh(e.units, '处理器')}。`,
      ],
      [
        `${e.code} 芯片将分批交付，首批满载功耗 ${e.mw} 兆瓦。`,
        `${e.code} 下季度开始交付，仅首批就需要 ${e.mw} 兆瓦电力。`,
      ],
      [
        `分析人士认为，这笔订单显示买家正在寻找${e.big.zh}之外的选择。`,
        `业内将这笔交易视为降低对${e.big.zh}依赖的对冲。`,
      ],
    ],
  };
  const details = [
    [`项目将落地${e.place.zh}。`, `大部分算力位于电价低廉的${e.place.zh}。`],
    [
      `项目负责人${e.person.zh}表示：“这是为了${e.focus.zh}。”`,
      `${e.person.zh}说，首批客户主要来自${e.focus.zh}领域。`,
    ],
  ];
  return assemble(facts[e.kind], details, r);
}

/** 2-3 facts and 1-2 details, each in a phrasing of this outlet's choosing, in a shuffled order. */
function assemble(facts: readonly string[][], details: readonly string[][], r: () => number): string[] {
  const chosen = shuffle(r, facts)
    .slice(0, 2 + Math.floor(r() * 2))
    .map((variants) => pick(r, variants));
  const extra = shuffle(r, details)
    .slice(0, 1 + Math.floor(r() * 2))
    .map((variants) => pick(r, variants));
  return [chosen[0]!, ...shuffle(r, [...chosen.slice(1), ...extra])];
}

const FILLER_EN = [
  (r: () => number) => `Separately, ${pick(r, BIG).en} shares rose ${1 + Math.floor(r() * 9)}% on the week.`,
  () => 'Demand for inference capacity has outpaced supply for most of the year.',
  (r: () => number) => `The company was founded in ${2015 + Math.floor(r() * 9)}.`,
  () => 'Neither company disclosed further terms.',
];
const FILLER_ZH = [
  (r: () => number) => `另外，${pick(r, BIG).zh}股价本周上涨 ${1 + Math.floor(r() * 9)}%。`,
  () => '今年以来，推理算力的需求一直高于供给。',
  (r: () => number) => `该公司成立于 ${2015 + Math.floor(r() * 9)} 年。`,
  () => '双方未披露更多条款。',
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
  const companies = STEMS.flatMap((s) => SUFFIXES.map((x) => `${s} ${x}`)).slice(
    0,
    Math.max(12, Math.min(180, Math.ceil(articles / 8))),
  );
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
      // The headline restates the lead fact; filler never opens the article.
      const title = body[0]!.replace(/[.。]$/, '');
      body.splice(1 + Math.floor(r() * body.length), 0, pick(r, filler)(r));
      const text = body.join(zh ? '' : ' ');
      const published = new Date(start + e.day * 86_400_000 + Math.floor(r() * 40) * 3_600_000).toISOString();
      const id = `${e.id}-${out.length}`;
      const u = understand(text, { title });
      out.push({
        id,
        event: e.id,
        title,
        text,
        language: zh ? 'zh' : 'en',
        published,
        url: `https://gen.example/${id}`,
        outlet: outlet.name,
        sourceType: 'news',
        ingestedAt: published,
        understanding: { entities: u.entities, figures: u.figures },
      });
    }
  }
  return out;
}
