// Event identity on real-shaped material: a generated corpus shaped like a few days of real AI
// coverage — arXiv listings (many papers a day in three categories, abstracts in the same
// vocabulary: "large language model", "reasoning", "benchmark"), several launches by one company,
// funding rounds of different companies on one day, general news on one country (different
// events), a lawsuit covered over days, and genuine multi-outlet coverage of one event in English
// and Chinese (a launch, a round, a paper written up by the press). Every article carries its true
// event. Reports the share of multi-article stories that merge distinct papers, launches or rounds
// (the failure to fix), the share of all wrong merges, and pairwise precision/recall/F1.
//   node --import tsx bench/event-identity.ts [--papers 150] [--days 3] [--seed 7]
// Runs unchanged against an older tree (copy it into that tree's bench/): it uses only
// understand(), createMemoryStoryIndex() and placeAllInArchive(). All prose is invented here.

import { placeAllInArchive } from '../src/stories/story-archive.js';
import type { ArticleToPlace } from '../src/stories/story-archive.js';
import { createMemoryStoryIndex } from '../src/stories/story-index.js';
import { understand } from '../src/understand/understand.js';
import { rng } from './seeded-random.js';

type Kind = 'paper' | 'launch' | 'funding' | 'country' | 'lawsuit';
interface Labelled extends ArticleToPlace {
  readonly event: string;
  readonly kind: Kind;
}

const args = process.argv.slice(2);
const flag = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : dflt;
};
const PAPERS = flag('--papers', 150);
const DAYS = flag('--days', 3);
const r = rng(flag('--seed', 7));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const shuffle = <T>(xs: readonly T[]): T[] =>
  xs
    .map((x) => ({ x, k: r() }))
    .sort((a, b) => a.k - b.k)
    .map((p) => p.x);

const START = Date.parse('2026-03-02T00:00:00Z');
const out: Labelled[] = [];
function add(
  event: string,
  kind: Kind,
  day: number,
  hour: number,
  lang: 'en' | 'zh',
  outlet: string,
  url: string,
  title: string,
  text: string,
  sourceType: ArticleToPlace['sourceType'] = 'news',
): void {
  const published = new Date(START + day * 86_400_000 + hour * 3_600_000).toISOString();
  const u = understand(text, { title });
  out.push({
    id: `a${String(out.length).padStart(5, '0')}`,
    event,
    kind,
    title,
    text,
    language: lang,
    published,
    url,
    outlet,
    sourceType,
    ingestedAt: published,
    understanding: { entities: u.entities, figures: u.figures },
  });
}

// --- arXiv listings: papers in one vocabulary ---------------------------------------------
const METHOD = [
  'Stepwise Verification',
  'Self-Consistency Decoding',
  'Curriculum Reinforcement Learning',
  'Retrieval-Augmented Reasoning',
  'Process Reward Models',
  'Latent Chain-of-Thought',
  'Test-Time Scaling',
  'Preference Optimisation',
  'Sparse Attention',
  'Tool-Augmented Agents',
  'Speculative Decoding',
  'Mixture-of-Experts Routing',
  'Contrastive Distillation',
  'Program-Aided Reasoning',
  'Uncertainty Estimation',
];
const GOAL = [
  'Mathematical Reasoning',
  'Long-Context Understanding',
  'Code Generation',
  'Multilingual Reasoning',
  'Scientific Question Answering',
  'Planning',
  'Factual Recall',
  'Table Reasoning',
  'Legal Reasoning',
  'Multimodal Reasoning',
  'Instruction Following',
  'Commonsense Reasoning',
];
const CATS = ['cs.CL', 'cs.LG', 'cs.AI'];
const FIRST = [
  'Ana',
  'Wei',
  'Marcus',
  'Ruth',
  'Tomasz',
  'Jun',
  'Lise',
  'Ahmed',
  'Elena',
  'Pablo',
  'Mei',
  'Hannah',
  'Kwame',
  'Viktor',
  'Sara',
  'Omar',
  'Ingrid',
  'Lucia',
  'David',
  'Yuki',
  'Bruno',
  'Amara',
  'Greta',
  'Samir',
];
const LAST = [
  'Poulsen',
  'Lin',
  'Odell',
  'Agbaje',
  'Wrona',
  'Takeda',
  'Moreau',
  'Sayegh',
  'Sokolova',
  'Ibarra',
  'Tanaka',
  'Briggs',
  'Asante',
  'Halme',
  'Quintana',
  'Haddad',
  'Falk',
  'Ferri',
  'Okafor',
  'Mori',
  'Castell',
  'Nwosu',
  'Lund',
  'Patel',
];
const ABSTRACT = [
  (m: string, g: string) =>
    `Large language models still struggle with ${g.toLowerCase()}. We propose ${m.toLowerCase()}, a simple method that improves reasoning without additional human labels.`,
  (m: string, g: string) =>
    `We study ${m.toLowerCase()} for ${g.toLowerCase()} in large language models and ask when it helps multi-step reasoning.`,
  (m: string, g: string) =>
    `Recent large language models report strong benchmark results on ${g.toLowerCase()}, but it is unclear whether ${m.toLowerCase()} is the reason.`,
];
const FINDING = [
  (n: number) =>
    `On a new benchmark of ${n.toLocaleString('en-US')} problems, our approach improves accuracy by ${(2 + (n % 9)).toFixed(1)} points over strong baselines.`,
  (n: number) =>
    `Experiments on ${3 + (n % 5)} reasoning benchmarks show consistent gains for open-weight models from 1B to 70B parameters.`,
  (n: number) =>
    `We evaluate ${5 + (n % 12)} large language models and find that reasoning accuracy drops sharply on harder benchmark splits.`,
];
const CLOSE = [
  'We release code, data and the benchmark to support future work on reasoning.',
  'Our analysis shows where large language models fail and suggests directions for better reasoning benchmarks.',
  'Code and models are publicly available.',
];
const papers: Array<{ id: string; title: string; day: number }> = [];
for (let day = 0; day < DAYS; day++) {
  for (let i = 0; i < PAPERS; i++) {
    const id = `2603.${String(1000 + day * 2000 + i * 7).padStart(5, '0')}`;
    const m = pick(METHOD);
    const g = pick(GOAL);
    const title = pick([
      `${m} for ${g} in Large Language Models`,
      `Improving ${g} with ${m}`,
      `On ${m} and ${g}: A Benchmark Study`,
      `${m} Helps Large Language Models Reason About ${g}`,
    ]);
    const authors = shuffle(FIRST)
      .slice(0, 2 + Math.floor(r() * 3))
      .map((f) => `${f} ${pick(LAST)}`)
      .join(', ');
    const cat = CATS[i % 3]!;
    const n = 500 + Math.floor(r() * 9000);
    const text = [
      `arXiv:${id} [${cat}]`,
      `Authors: ${authors}`,
      `${pick(ABSTRACT)(m, g)} ${pick(FINDING)(n)} ${pick(CLOSE)}`,
      `Subjects: ${cat}. Cite as: arXiv:${id}`,
    ].join('\n\n');
    add(
      `paper-${id}`,
      'paper',
      day,
      1 + (i % 20) / 10,
      'en',
      'arXiv',
      `https://arxiv.org/abs/${id}`,
      title,
      text,
      'research',
    );
    papers.push({ id, title, day });
  }
}
// Some papers are written up by the press (same event as the paper: the id is cited).
for (const p of shuffle(papers).slice(0, Math.max(3, Math.floor(papers.length / 30)))) {
  const zh = r() < 0.4;
  const text = zh
    ? `一篇新论文（arXiv:${p.id}）提出了新的方法。论文《${p.title}》称，该方法在多个推理基准测试上提升了大语言模型的准确率。作者表示将公开代码和数据。`
    : `A new paper on arXiv (arXiv:${p.id}), "${p.title}", claims gains for large language models on reasoning benchmarks. The authors say they will release code and data, and outside researchers called the results promising but preliminary.`;
  add(
    `paper-${p.id}`,
    'paper',
    p.day,
    9,
    zh ? 'zh' : 'en',
    zh ? '模型观察室' : 'The Weights Weekly',
    `https://press.example/${p.id}`,
    zh ? `论文解读：${p.title}` : `Paper of the day: ${p.title}`,
    text,
  );
}

// --- launches: several products by one company on one day --------------------------------
// Each company has its own product line; each product launches once.
const LINES: Record<string, ReadonlyArray<readonly [string, string, string]>> = {
  Corvana: [
    ['Quill 2', 'coding model', '编程模型'],
    ['Atlas Vision 1', 'image model', '图像模型'],
    ['Echo 1.5', 'speech model', '语音模型'],
    ['Ledger 3', 'reasoning model', '推理模型'],
    ['Sprite 4', 'small model for phones', '端侧小模型'],
    ['Canvas 2.1', 'video model', '视频模型'],
  ],
  'Halvard Labs': [
    ['Tern 7B', 'open coding model', '开源编程模型'],
    ['Heron 2', 'translation model', '翻译模型'],
    ['Osprey 3.1', 'agent framework', '智能体框架'],
    ['Kite 1.2', 'embedding model', '向量模型'],
    ['Wren 5', 'chat model', '对话模型'],
    ['Plover 2', 'robotics model', '机器人模型'],
  ],
};
const EN_OUTLETS = ['Harbor Tech Daily', 'The Circuit Ledger', 'Gridline Weekly'];
const ZH_OUTLETS = ['硅潮', '算力前哨'];
let u = 0;
for (let day = 0; day < DAYS; day++) {
  for (const [company, line] of Object.entries(LINES)) {
    for (const [product, what, whatZh] of line.slice(day * 2, day * 2 + 2)) {
      const ev = `launch-${company}-${product}`;
      const price = pick([1, 2, 3, 5, 8]);
      const score = (50 + r() * 40).toFixed(1);
      const coverage = 1 + Math.floor(r() * 3);
      for (let k = 0; k < coverage; k++) {
        const zh = k === 2;
        const outlet = zh ? pick(ZH_OUTLETS) : EN_OUTLETS[k]!;
        if (zh) {
          add(
            ev,
            'launch',
            day,
            3 + k,
            'zh',
            outlet,
            `https://zh.example/${u++}`,
            `${company} 发布${whatZh} ${product}`,
            `${company} 今天发布${whatZh} ${product}。公司称，${product} 在其内部基准测试中得分 ${score}%，通过 ${company} API 提供，价格为每百万 token ${price} 美元。`,
          );
        } else {
          add(
            ev,
            'launch',
            day,
            3 + k,
            'en',
            outlet,
            `https://en.example/${u++}`,
            pick([
              `${company} launches ${product} ${what}`,
              `${company} releases ${product}, a new ${what}`,
              `${company} unveils ${product} ${what} for developers`,
            ]),
            `${company} on ${['Monday', 'Tuesday', 'Wednesday', 'Thursday'][day % 4]} released ${product}, a ${what} available through the ${company} API. The company says ${product} scores ${score}% on its internal benchmark and costs $${price} per million tokens. Analysts said the launch adds pressure on rivals in a crowded market for AI models.`,
          );
        }
      }
    }
  }
}

// --- funding rounds of different companies on one day -------------------------------------
const STARTUPS = [
  'Brightmoor Robotics',
  'Tallowind AI',
  'Nexfold',
  'Quarrystone',
  'Veilpoint Systems',
  'Oakhurst AI',
  'Marrowgate',
  'Sunderly Labs',
  'Pinecrest Robotics',
  'Kilnworth',
];
const INVESTORS = ['Fallow Peak Capital', 'Ostrava Ventures', 'Greyhaven Partners', 'Lanternfield'];
let s = 0;
for (let day = 0; day < DAYS; day++) {
  for (let i = 0; i < 3; i++) {
    const name = STARTUPS[s++ % STARTUPS.length]!;
    const ev = `funding-${name}-${day}`;
    const amount = pick([25, 40, 45, 60, 80, 120, 150, 300]);
    const series = pick(['A', 'B', 'C']);
    const investor = pick(INVESTORS);
    const coverage = 1 + Math.floor(r() * 3);
    for (let k = 0; k < coverage; k++) {
      if (k === 2) {
        add(
          ev,
          'funding',
          day,
          5,
          'zh',
          pick(ZH_OUTLETS),
          `https://zh.example/${u++}`,
          `AI 初创公司 ${name} 完成 ${amount >= 100 ? `${amount / 100} 亿` : `${amount * 100} 万`}美元 ${series} 轮融资`,
          `AI 初创公司 ${name} 宣布完成 ${series} 轮融资，由 ${investor} 领投。公司表示，资金将用于招聘工程师和扩大业务。老股东也参与了本轮融资。`,
        );
      } else {
        add(
          ev,
          'funding',
          day,
          4 + k,
          'en',
          EN_OUTLETS[k]!,
          `https://en.example/${u++}`,
          `${name} raises $${amount} million Series ${series}`,
          `${name}, an AI startup, has raised $${amount} million in a Series ${series} funding round led by ${investor}. The company will use the money to hire engineers and expand, its chief executive said. Existing investors also took part in the round.`,
        );
      }
    }
  }
}

// --- one country, different events; and a lawsuit covered over days -----------------------
const COUNTRY = [
  [
    'caps fuel prices as oil costs climb',
    'The finance ministry in Seoul said it would cap retail gasoline and diesel prices for three months, funded by a temporary cut in fuel taxes.',
  ],
  [
    'reviews troop posture with the United States',
    'The defence ministry in Seoul said talks with Washington would cover the training and rotation of troops on the peninsula.',
  ],
  [
    'raises alert after missile launches',
    'The military said the North fired two short-range ballistic missiles into the sea, and the government in Seoul raised its alert level.',
  ],
  [
    'tightens rules on chip exports',
    'The trade ministry in Seoul said exporters of advanced memory chips would need new licences from next month.',
  ],
] as const;
for (let day = 0; day < DAYS; day++) {
  for (const [i, [what, body]] of COUNTRY.entries()) {
    if ((i + day) % 2 === 1) continue;
    const ev = `country-${i}`; // the same measure reported again on a later day is the same event
    for (const outlet of EN_OUTLETS.slice(0, 1 + Math.floor(r() * 2))) {
      add(
        ev,
        'country',
        day,
        6,
        'en',
        outlet,
        `https://en.example/${u++}`,
        `South Korea ${what}`,
        `South Korea's government said on ${['Monday', 'Tuesday', 'Wednesday'][day % 3]} ${body} Officials said the measure would be reviewed. Opposition lawmakers criticised the government's handling.`,
      );
    }
  }
}
for (let day = 0; day < DAYS; day++) {
  add(
    'lawsuit-halvorsen',
    'lawsuit',
    day,
    10,
    'en',
    pick(EN_OUTLETS),
    `https://en.example/${u++}`,
    pick([
      'Authors press Halvorsen v. Corvana copyright case',
      'Judge weighs Halvorsen v. Corvana training-data lawsuit',
      'Corvana asks court to dismiss Halvorsen v. Corvana',
    ]),
    `In Halvorsen v. Corvana, the lawsuit in which novelists led by Ingrid Halvorsen say Corvana trained its models on pirated copies of their books, ${pick(['the judge set a hearing for April', 'Corvana asked the court to dismiss the claims', 'the authors filed new evidence'])}. Corvana says its training was lawful.`,
  );
}

// --- group and measure ---------------------------------------------------------------------
const index = createMemoryStoryIndex();
const started = performance.now();
await placeAllInArchive(index, out);
const ms = performance.now() - started;
const byStory = new Map<string, Labelled[]>();
for (const a of out) {
  const st = index.storyOf(a.id) ?? a.id;
  byStory.set(st, [...(byStory.get(st) ?? []), a]);
}
const multi = [...byStory.values()].filter((m) => m.length > 1);
const events = (m: Labelled[]) => new Set(m.map((a) => a.event));
const distinctOfKind = (m: Labelled[], kinds: readonly Kind[]) =>
  new Set(m.filter((a) => kinds.includes(a.kind)).map((a) => a.event)).size > 1;
const mergingIdentity = multi.filter((m) => distinctOfKind(m, ['paper', 'launch', 'funding']));
const mergingAny = multi.filter((m) => events(m).size > 1);
const byKind = (k: Kind) => multi.filter((m) => distinctOfKind(m, [k])).length;

const pairs = (m: Map<string, number>) => [...m.values()].reduce((t, n) => t + (n * (n - 1)) / 2, 0);
const pred = new Map<string, number>();
const tru = new Map<string, number>();
const both = new Map<string, number>();
for (const a of out) {
  const st = index.storyOf(a.id) ?? a.id;
  pred.set(st, (pred.get(st) ?? 0) + 1);
  tru.set(a.event, (tru.get(a.event) ?? 0) + 1);
  both.set(`${st}\u0000${a.event}`, (both.get(`${st}\u0000${a.event}`) ?? 0) + 1);
}
const tp = pairs(both);
const P = tp / Math.max(1, pairs(pred));
const R = tp / Math.max(1, pairs(tru));
const pct = (n: number, d: number) => `${d === 0 ? '0.0' : ((100 * n) / d).toFixed(1)}% (${n}/${d})`;
const kinds = (['paper', 'launch', 'funding', 'country', 'lawsuit'] as const)
  .map((k) => `${k} ${out.filter((a) => a.kind === k).length}`)
  .join(', ');
console.log(
  `event-identity corpus: ${out.length} articles (${out.filter((a) => a.language === 'zh').length} zh; ${kinds}), ${tru.size} events, ${DAYS} days; grouped in ${(ms / 1000).toFixed(1)} s`,
);
console.log(
  `multi-article stories merging distinct papers/launches/rounds: ${pct(mergingIdentity.length, multi.length)}  [papers ${byKind('paper')}, launches ${byKind('launch')}, rounds ${byKind('funding')}]`,
);
console.log(
  `multi-article stories merging any distinct events: ${pct(mergingAny.length, multi.length)}  [one-country news ${byKind('country')}]`,
);
console.log(
  `pairwise: P ${P.toFixed(3)}  R ${R.toFixed(3)}  F1 ${(P + R === 0 ? 0 : (2 * P * R) / (P + R)).toFixed(3)}  (${pred.size} stories for ${tru.size} events)`,
);
if (args.includes('--show')) {
  for (const m of mergingAny)
    console.log(
      `  merged: ${[...events(m)].slice(0, 4).join(' + ')}${events(m).size > 4 ? ` + ${events(m).size - 4} more` : ''} (${m.length} articles)`,
    );
}
const multiEvents = [...tru.values()].filter((n) => n > 1).length;
const whole = [...byStory.values()].filter((m) => m.length > 1 && events(m).size === 1);
console.log(
  `events with several articles: ${multiEvents}; stories holding exactly one such event whole or in part: ${whole.length}`,
);
