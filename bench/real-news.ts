// Editions on a month of real-shaped coverage, end to end through the `tidings` command: the
// figures the "real news" issue asks for, on a corpus generated here (invented outlets, companies
// and papers; the shapes of real material):
//   - one directory of Markdown files per outlet, each with a front-matter header (title, source,
//     url, published) and its body one paragraph per line; one directory registered per outlet,
//     plus one directory holding four outlets' files (each file's `source` names its outlet);
//   - arXiv-style listings in three categories (many near-topic papers a day, each with its id);
//   - near-topic events: one company's several launches, several funding rounds on one day;
//   - names the tokenizer must read whole (arXiv, iPhone, 3D, 1B, nRF54L15, GPT-4o, eBay, macOS);
//   - page furniture, sign-offs and disclaimers; undated pages (date in the URL only, a visible
//     dateline only, nothing at all).
// Reported:
//   - share of digest items with any verification problem, and with a repair;
//   - empty headlines (or empty key-point leads);
//   - multi-article stories that merge distinct events (papers with different ids, different
//     launches, rounds of different companies), over all multi-article stories;
//   - whether the latest edition's day is the latest day with dated news;
//   - importance: items per tier, days with an L1 item, the tiers of major-platform deals, Chinese
//     regulators' rules and vendor how-tos, and editions where a how-to outranks either.
//   node --import tsx bench/real-news.ts [--days 30] [--papers 12] [--seed 7] [--keep DIR]

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runTidings as run } from '../test/support/run-cli.js';
import { rng } from './seeded-random.js';

interface Options {
  days: number;
  papers: number;
  seed: number;
  keep: string | null;
}

function options(argv: readonly string[]): Options {
  const get = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    days: Number(get('--days') ?? 30),
    papers: Number(get('--papers') ?? 12),
    seed: Number(get('--seed') ?? 7),
    keep: get('--keep') ?? null,
  };
}

// --- the corpus ---------------------------------------------------------------------------------

const START = Date.UTC(2026, 2, 9); // 2026-03-09
const DAY = 86_400_000;

interface Doc {
  readonly dir: string;
  readonly file: string;
  readonly text: string;
  /** The event this article reports (truth for grouping); null for undated filler. */
  readonly event: string;
  /** Day index it is dated on, or null when the file carries no date. */
  readonly day: number | null;
}

const OUTLETS = [
  { slug: 'harbor-ledger', name: 'Harbor Ledger', host: 'harborledger.example' },
  { slug: 'chip-column', name: 'The Chip Column', host: 'chipcolumn.example' },
  { slug: 'circuit-weekly', name: 'Circuit Weekly', host: 'circuitweekly.example' },
  { slug: 'model-notes', name: 'Model Notes', host: 'modelnotes.example' },
  { slug: 'valley-business', name: 'Valley Business Desk', host: 'valleybiz.example' },
  { slug: 'silicon-brief', name: 'Silicon Brief', host: 'siliconbrief.example' },
] as const;
/** Four more outlets whose files sit in one shared directory, told apart by their own `source`. */
const SHARED = [
  { name: 'Northgate Times', host: 'northgatetimes.example' },
  { name: 'Eastbay Wire', host: 'eastbaywire.example' },
  { name: 'Render Review', host: 'renderreview.example' },
  { name: 'Prairie Tech', host: 'prairietech.example' },
] as const;

const COMPANIES = [
  'Halden AI',
  'Corvid Labs',
  'Tessel Systems',
  'Nimbus Compute',
  'Orrin Chips',
  'Pallas Speech',
  'Quill Semiconductors',
  'Vexa Robotics',
  'Marrow Cloud',
  'Juniper Reasoning',
];
const PRODUCTS = [
  (c: string) => `${c.split(' ')[0]} iQ-7`,
  (c: string) => `${c.split(' ')[0]} 3D Studio`,
  (c: string) => `${c.split(' ')[0]} nX54L15`,
  (c: string) => `${c.split(' ')[0]} 1B Speech`,
  (c: string) => `${c.split(' ')[0]}-4o mini`,
  (c: string) => `${c.split(' ')[0]} M4 Pro`,
  (c: string) => `${c.split(' ')[0]} GPU-8`,
  (c: string) => `${c.split(' ')[0]} eLink 2`,
];
const INVESTORS = ['Tallow Ventures', 'Northgate Capital', 'Ferrous Partners', 'Lantern Growth', 'Bayline Fund'];
const CITIES = ['Austin', 'Oslo', 'Pune', 'Lyon', 'Osaka', 'Denver', 'Leeds'];
const TOPICS = [
  'reasoning',
  'retrieval',
  'speech recognition',
  'code generation',
  'robot control',
  'vision-language models',
  'long-context inference',
  'quantization',
];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const isoDay = (day: number): string => new Date(START + day * DAY).toISOString().slice(0, 10);
const longDate = (day: number): string =>
  new Date(START + day * DAY).toLocaleDateString('en-US', {
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });

interface Event {
  readonly id: string;
  readonly day: number;
  readonly kind: 'launch' | 'funding' | 'lawsuit';
  readonly company: string;
  readonly title: string;
  readonly facts: readonly string[][];
}

function makeEvents(r: () => number, days: number): Event[] {
  const events: Event[] = [];
  let n = 0;
  for (let day = 0; day < days; day++) {
    const count = 1 + Math.floor(r() * 3);
    for (let k = 0; k < count; k++) {
      const company = pick(r, COMPANIES);
      const kind = r() < 0.45 ? 'launch' : r() < 0.8 ? 'funding' : 'lawsuit';
      const id = `e${++n}`;
      const city = pick(r, CITIES);
      if (kind === 'launch') {
        const product = pick(r, PRODUCTS)(company);
        const speed = 200 + Math.floor(r() * 40) * 25;
        const price = 1 + Math.floor(r() * 9);
        events.push({
          id,
          day,
          kind,
          company,
          title: `${company} launches ${product}`,
          facts: [
            [
              `${company} on ${longDate(day).split(',')[0]} released ${product}, which it says serves ${speed} tokens per second for a single user.`,
              `${product}, the newest model from ${company}, went on sale with a claimed ${speed} tokens a second.`,
              `The ${company} team introduced ${product} and put its speed at ${speed} tokens per second.`,
            ],
            [
              `Input costs $${price} per million tokens, the company said, and the model runs on iPhone and macOS through the eLink SDK.`,
              `Pricing starts at $${price} per million input tokens; apps on iPhone and macOS can call it directly.`,
              `The company priced input at $${price} per million tokens and shipped clients for macOS and iPhone.`,
            ],
            [
              `Engineers in ${city} built the release on arXiv work the team published last year, including a 3D layout benchmark.`,
              `The team in ${city} credits a 3D benchmark it described on arXiv for the gains.`,
            ],
            [
              `Developers can compile the client with the MSVC toolchain or with clang, according to the documentation.`,
              `The documentation covers builds with MSVC and with clang.`,
            ],
          ],
        });
      } else if (kind === 'funding') {
        const amount = 50 + Math.floor(r() * 40) * 10;
        const valuation = (1 + Math.floor(r() * 30) / 10).toFixed(1);
        const investor = pick(r, INVESTORS);
        const round = pick(r, ['Series A', 'Series B', 'Series C']);
        events.push({
          id,
          day,
          kind,
          company,
          title: `${company} raises $${amount} million in ${round}`,
          facts: [
            [
              `${company} has raised $${amount} million in a ${round} round led by ${investor}.`,
              `${investor} led a $${amount} million ${round} investment in ${company}.`,
              `${company} said it closed a $${amount} million ${round}, with ${investor} leading.`,
            ],
            [
              `The round values the ${city}-based company at $${valuation} billion, according to a person familiar with the deal.`,
              `The deal puts ${company}'s valuation at $${valuation} billion.`,
            ],
            [
              `The company plans to spend the money on GPUs and on hiring in ${city}.`,
              `Most of the money will go to compute and to its ${city} office, the company said.`,
            ],
          ],
        });
      } else {
        const agency = pick(r, ['the FTC', 'the Department of Justice', 'the SEC']);
        events.push({
          id,
          day,
          kind,
          company,
          title: `${company} sues ${agency} over AI chatbot rules`,
          facts: [
            [
              `${company} sued ${agency} in federal court on ${longDate(day).split(',')[0]}, arguing that new rules for AI chatbots exceed the agency's powers.`,
              `In a lawsuit filed in federal court, ${company} challenged ${agency}'s rules for AI chatbots.`,
            ],
            [
              `The complaint asks the judge for an injunction before the rules take effect in 90 days.`,
              `${company} wants an injunction before the rules apply in 90 days, the complaint says.`,
            ],
            [
              `A spokesperson for ${agency} declined to comment on the lawsuit.`,
              `${agency} did not respond to a request for comment.`,
            ],
          ],
        });
      }
    }
  }
  return events;
}

const SIGN_OFFS = [
  'Thanks for reading! Subscribe to get the next issue in your inbox.',
  'That’s all for this week. Forward this newsletter to a friend.',
  'This article is for information only and is not investment advice.',
];

function markdownFile(
  title: string,
  source: string,
  url: string,
  published: string | null,
  paragraphs: readonly string[],
): string {
  const header = [
    '---',
    `title: "${title.replace(/"/g, '\\"')}"`,
    `source: "${source}"`,
    `url: ${url}`,
    ...(published ? [`published: ${published}`] : []),
    '---',
    '',
  ];
  return `${header.join('\n')}${paragraphs.join('\n')}\n`;
}

function generate(o: Options): Doc[] {
  const r = rng(o.seed);
  const docs: Doc[] = [];
  const events = makeEvents(r, o.days);
  for (const e of events) {
    // Covered by one to four outlets, on its day or up to two days later, each in its own words.
    const outlets = [
      ...OUTLETS.map((x) => ({ ...x, shared: false })),
      ...SHARED.map((x) => ({ ...x, slug: 'wire-roundup', shared: true })),
    ];
    const reach = 1 + Math.floor(r() * 4);
    const chosen = new Set<number>();
    while (chosen.size < reach) chosen.add(Math.floor(r() * outlets.length));
    for (const i of chosen) {
      const outlet = outlets[i]!;
      const day = Math.min(o.days - 1, e.day + (r() < 0.7 ? 0 : 1 + Math.floor(r() * 2)));
      const paragraphs = e.facts.map((variants) => pick(r, variants));
      if (r() < 0.25) paragraphs.push(pick(r, SIGN_OFFS));
      const hour = 6 + Math.floor(r() * 12);
      const url = `https://${outlet.host}/${isoDay(day).replace(/-/g, '/')}/${e.id}-${e.company.toLowerCase().replace(/[^a-z]+/g, '-')}`;
      const title = r() < 0.5 ? e.title : `${e.title}: what it means`;
      docs.push({
        dir: outlet.slug,
        file: `${e.id}-${outlet.slug}-${outlet.host}.md`,
        text: markdownFile(
          title,
          outlet.name,
          url,
          `${isoDay(day)}T${String(hour).padStart(2, '0')}:00:00Z`,
          paragraphs,
        ),
        event: e.id,
        day,
      });
    }
  }
  // arXiv-style listings: many near-topic papers a day in three categories, each its own event.
  let serial = 1000;
  for (let day = 0; day < o.days; day++) {
    for (let k = 0; k < o.papers; k++) {
      const category = pick(r, ['cs.AI', 'cs.CL', 'cs.LG']);
      const id = `2603.${String(serial++).padStart(5, '0')}`;
      const topic = pick(r, TOPICS);
      const size = pick(r, ['1B', '3B', '7B', '70B']);
      const gain = 2 + Math.floor(r() * 30);
      const title = `${pick(r, ['Scaling', 'Rethinking', 'Efficient', 'Robust', 'Sparse'])} ${topic} for ${size} language models`;
      const paragraphs = [
        `We study ${topic} in ${size}-parameter language models and propose a training recipe that improves accuracy by ${gain}% on our benchmark.`,
        `Experiments on ${pick(r, ['six', 'eight', 'ten', 'twelve'])} tasks show the method holds across model sizes; code is available on arXiv with the paper.`,
        `Comments: ${10 + Math.floor(r() * 20)} pages, ${2 + Math.floor(r() * 8)} figures. Subjects: ${category}.`,
        `Submission history: [v1] ${longDate(day)}.`,
      ];
      docs.push({
        dir: `arxiv-${category.replace('.', '-').toLowerCase()}`,
        file: `${id}.md`,
        text: markdownFile(
          title,
          `arXiv ${category}`,
          `https://arxiv.org/abs/${id}`,
          `${isoDay(day)}T00:00:00Z`,
          paragraphs,
        ),
        event: `arxiv:${id}`,
        day,
      });
    }
  }
  docs.push(...importanceDocs(o));
  // Undated pages: a date in the URL only, a visible dateline only, and nothing at all.
  const last = o.days - 1;
  const page = (title: string, body: readonly string[]) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${body.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
  docs.push({
    dir: 'pages',
    file: 'url-dated.html',
    text: page('Marrow Cloud opens a region in Leeds', [
      'Marrow Cloud opened a GPU region in Leeds on Tuesday, the company said, with capacity for 4,000 accelerators.',
      'Customers can reserve capacity from next month.',
      `<a href="https://marrowcloud.example/${isoDay(last - 1).replace(/-/g, '/')}/leeds-region">Permalink</a>`,
    ]),
    event: 'page-url',
    day: null,
  });
  docs.push({
    dir: 'pages',
    file: 'dateline.html',
    text: page('Orrin Chips names a new chief executive', [
      `OSLO, ${longDate(last - 2)} — Orrin Chips named a new chief executive on Monday, replacing its founder after eleven years.`,
      'The board said the change was planned.',
    ]),
    event: 'page-dateline',
    day: last - 2,
  });
  docs.push({
    dir: 'pages',
    file: 'undated.html',
    text: page('A guide to GPU memory on laptops', [
      'Laptop GPUs share memory with the processor in some designs and not in others.',
      'This guide explains the difference for people choosing a machine.',
    ]),
    event: 'page-undated',
    day: null,
  });
  return docs;
}

// Importance material, from its own random stream (so the rest of the corpus is the same as without
// it): deals by the major platforms (real names, invented deals) covered by two to four outlets,
// sometimes in Chinese too; a vendor's how-tos that name a major platform (one outlet); rules from
// Chinese regulators reported only in Chinese (工信部, 网信办). Kinds: 'platform', 'howto', 'rule'.
const PLATFORMS = [
  { en: 'Nvidia', zh: '英伟达' },
  { en: 'Microsoft', zh: '微软' },
  { en: 'Google', zh: '谷歌' },
  { en: 'Alibaba', zh: '阿里巴巴' },
  { en: 'Amazon Web Services', zh: '亚马逊云科技' },
  { en: 'Tencent', zh: '腾讯' },
] as const;
const ZH_OUTLETS = [
  { name: '华东科技报', host: 'huadong-tech.example' },
  { name: '算力前哨', host: 'suanli.example' },
] as const;
const REGULATORS = [
  { short: '工信部', full: '工业和信息化部' },
  { short: '网信办', full: '国家互联网信息办公室' },
] as const;

export type ImportanceKind = 'platform' | 'howto' | 'rule';
export const importanceKindOf = (event: string): ImportanceKind | null =>
  (/^imp-(platform|howto|rule)-/.exec(event)?.[1] as ImportanceKind | undefined) ?? null;

function importanceDocs(o: Options): Doc[] {
  const r = rng(o.seed + 1000);
  const docs: Doc[] = [];
  const outlets = [
    ...OUTLETS.map((x) => ({ ...x, dir: x.slug })),
    ...SHARED.map((x) => ({ ...x, dir: 'wire-roundup' })),
  ];
  let n = 0;
  const pairs = new Set<string>();
  for (let day = 0; day < o.days; day++) {
    const stamp = (hour: number) => `${isoDay(day)}T${String(hour).padStart(2, '0')}:00:00Z`;
    if (day % 3 === 1) {
      // Each deal between its own pair of companies (the same pair twice would be one event).
      let p = pick(r, PLATFORMS);
      let partner = pick(r, COMPANIES);
      while (pairs.has(`${p.en}|${partner}`)) {
        p = pick(r, PLATFORMS);
        partner = pick(r, COMPANIES);
      }
      pairs.add(`${p.en}|${partner}`);
      const billions = 1 + Math.floor(r() * 15);
      const mw = 100 + Math.floor(r() * 9) * 50;
      const id = `imp-platform-${++n}`;
      const title = `${p.en} signs $${billions} billion compute deal with ${partner}`;
      const reach = 2 + Math.floor(r() * 3);
      const chosen = new Set<number>();
      while (chosen.size < reach) chosen.add(Math.floor(r() * outlets.length));
      for (const i of chosen) {
        const outlet = outlets[i]!;
        const paragraphs = [
          pick(r, [
            `${p.en} agreed to buy $${billions} billion of AI computing capacity from ${partner} over five years, the companies said.`,
            `${partner} will supply ${p.en} with $${billions} billion of GPU capacity over five years under a deal announced on ${longDate(day).split(',')[0]}.`,
          ]),
          pick(r, [
            `The deal covers ${mw} megawatts of data center capacity coming online next year.`,
            `About ${mw}MW of data center power is reserved for ${p.en} under the contract.`,
          ]),
          `Shares of ${partner} rose after the announcement; ${p.en} did not say which models the capacity will train.`,
        ];
        const url = `https://${outlet.host}/${isoDay(day).replace(/-/g, '/')}/${id}`;
        docs.push({
          dir: outlet.dir,
          file: `${id}-${outlet.host}.md`,
          text: markdownFile(title, outlet.name, url, stamp(8 + Math.floor(r() * 8)), paragraphs),
          event: id,
          day,
        });
      }
      if (r() < 0.6) {
        const zh = pick(r, ZH_OUTLETS);
        const paragraphs = [
          `${p.zh}与 ${partner} 签署算力采购协议，未来五年将采购价值 ${billions * 10} 亿美元的 AI 算力。`,
          `按照协议，${partner} 将为${p.zh}预留 ${mw} 兆瓦的数据中心电力容量，明年起陆续交付。`,
          `分析人士认为，这笔交易显示大模型训练对算力的需求仍在快速增长。`,
        ];
        docs.push({
          dir: 'zh-desk',
          file: `${id}-${zh.host}.md`,
          text: markdownFile(
            `${p.zh}签下 ${billions * 10} 亿美元算力大单`,
            zh.name,
            `https://${zh.host}/${isoDay(day).replace(/-/g, '/')}/${id}`,
            stamp(12),
            paragraphs,
          ),
          event: id,
          day,
        });
      }
    }
    if (day % 4 === 2) {
      const p = pick(r, PLATFORMS);
      const id = `imp-howto-${++n}`;
      // Each how-to its own task, so they are not near-copies of one another.
      const task = pick(r, [
        [
          'fine-tune a 7B model on your own documents',
          'Prepare the documents as JSON lines, one example per line; 2,000 examples are enough to start.',
          'Training a 7B model on 2,000 examples takes about 40 minutes on one GPU.',
        ],
        [
          'serve a speech model behind an HTTPS endpoint',
          'Package the model with its tokenizer and pick a GPU instance with at least 16 GB of memory.',
          'Put a load balancer in front and keep one warm replica so the first request does not wait.',
        ],
        [
          'run batch inference over a million documents',
          'Split the input into shards of 10,000 documents and write results next to each shard.',
          'A million short documents take about three hours on four GPUs at this batch size.',
        ],
        [
          'add retrieval to a chatbot',
          'Index your pages with an embedding model and store the vectors beside their text.',
          'At question time fetch the five closest passages and pass them to the model with the question.',
        ],
        [
          'quantize a model to 4 bits for a laptop',
          'Export the weights, pick a 4-bit scheme and check accuracy on a small test set.',
          'A 7B model then fits in about 5 GB of memory and answers on a laptop GPU.',
        ],
      ]);
      const paragraphs = [
        `This tutorial shows how to ${task[0]} on ${p.en}, step by step.`,
        `First, create a project and enable the API. ${task[1]}`,
        `${task[2]} Sample code for each step is on our GitHub page.`,
        pick(r, SIGN_OFFS),
      ];
      docs.push({
        dir: 'vendor-blog',
        file: `${id}.md`,
        text: markdownFile(
          `How to ${task[0]} on ${p.en}, step by step`,
          'Sparrowline Developer Blog',
          `https://dev.sparrowline.example/${isoDay(day).replace(/-/g, '/')}/${id}`,
          stamp(15),
          paragraphs,
        ),
        event: id,
        day,
      });
    }
    if (day % 5 === 3) {
      const g = pick(r, REGULATORS);
      // Each rule its own subject, as real rules are (a regulator's rules on different days differ).
      const subject = pick(r, [
        '生成式人工智能服务备案',
        '深度合成内容标识',
        '算法推荐备案',
        '个人信息出境',
        '未成年人模式',
        '大模型安全评估',
      ]);
      const id = `imp-rule-${++n}`;
      const months = 1 + Math.floor(r() * 5);
      const both = r() < 0.5;
      for (const zh of both ? ZH_OUTLETS : [pick(r, ZH_OUTLETS)]) {
        const paragraphs = [
          pick(r, [
            `${g.full}发布${subject}管理新规，要求提供大模型服务的企业在上线前完成相关手续。`,
            `${g.short}日前出台${subject}新规，向公众提供生成式人工智能服务的企业须按新规办理，并定期报送评估结果。`,
          ]),
          `新规将于 ${months} 个月后施行。业内人士表示，中小模型公司的合规成本将有所上升。`,
        ];
        docs.push({
          dir: 'zh-desk',
          file: `${id}-${zh.host}.md`,
          text: markdownFile(
            `${g.short}发布${subject}新规`,
            zh.name,
            `https://${zh.host}/${isoDay(day).replace(/-/g, '/')}/${id}`,
            stamp(9),
            paragraphs,
          ),
          event: id,
          day,
        });
      }
    }
  }
  return docs;
}

// --- running it ----------------------------------------------------------------------------------

interface StoryJson {
  id: string;
  timeline: Array<{ articleId: string; url: string }>;
  translations?: unknown[];
}
interface ItemJson {
  storyId: string;
  headline: string;
  keyPoints: { lead: string };
  verification?: { problems: unknown[]; repairs: Array<{ action: string }> };
}
interface DigestJson {
  date: string;
  tiers: Array<{ tier: { level: number }; items: ItemJson[] }>;
}

async function measure(o: Options): Promise<void> {
  const dir = o.keep ?? (await mkdtemp(path.join(os.tmpdir(), 'tidings-real-news-')));
  const docs = generate(o);
  const dirs = [...new Set(docs.map((d) => d.dir))].sort();
  for (const d of dirs) await mkdir(path.join(dir, 'corpus', d), { recursive: true });
  for (const d of docs) await writeFile(path.join(dir, 'corpus', d.dir, d.file), d.text);
  const special: Record<string, string> = {
    'wire-roundup': 'Wire roundup',
    pages: 'Saved pages',
    'zh-desk': '中文报道',
    'vendor-blog': 'Sparrowline Developer Blog',
  };
  const nameOf = (d: string): string =>
    OUTLETS.find((x) => x.slug === d)?.name ??
    special[d] ??
    `arXiv ${d
      .replace(/^arxiv-cs-/, 'cs.')
      .replace('cs.', 'cs.')
      .toUpperCase()
      .replace('CS.', 'cs.')}`;
  const typeOf = (d: string): string => (d.startsWith('arxiv') ? 'research' : d === 'vendor-blog' ? 'blog' : 'news');
  await writeFile(
    path.join(dir, 'sources.yaml'),
    `version: 1\nsources:\n${dirs.map((d) => `  - id: ${d}\n    name: ${JSON.stringify(nameOf(d))}\n    kind: directory\n    type: ${typeOf(d)}\n    language: ${d === 'zh-desk' ? 'zh' : 'en'}\n    path: corpus/${d}/\n`).join('')}`,
  );
  const byUrl = new Map<string, string>();
  for (const d of docs) {
    const url = /\nurl: (\S+)/.exec(d.text)?.[1];
    if (url) byUrl.set(url, d.event);
  }
  console.log(
    `corpus: ${docs.length} files in ${dirs.length} directories, ${o.days} days, ${new Set(docs.map((d) => d.event)).size} events (${dir})`,
  );

  const t0 = performance.now();
  const ingested = await run(['ingest'], dir);
  const tIngest = (performance.now() - t0) / 1000;
  console.log(
    `ingest: exit ${ingested.code}, ${/Ingest finished: [^\n]*/.exec(ingested.out)?.[0] ?? '?'} (${tIngest.toFixed(1)} s)`,
  );
  const dating = /Dated [^\n]*/.exec(ingested.out + ingested.err)?.[0];
  if (dating) console.log(`dating: ${dating}`);

  const storiesRun = await run(['stories', '--json'], dir);
  const stories = JSON.parse(storiesRun.out) as StoryJson[];
  const listed = await run(['articles', '--json', '--limit', '100000'], dir);
  const eventOf = new Map<string, string>();
  for (const line of listed.out.trim().split('\n')) {
    const a = JSON.parse(line) as { id: string; url: string };
    const e = byUrl.get(a.url);
    if (e) eventOf.set(a.id, e);
  }
  let multi = 0;
  let merged = 0;
  const mergedKinds = new Map<string, number>();
  for (const s of stories) {
    const ids = s.timeline.map((t) => t.articleId);
    if (ids.length < 2) continue;
    multi++;
    const events = new Set(ids.map((id) => eventOf.get(id) ?? `unknown:${id}`));
    if (events.size > 1) {
      merged++;
      const kind = [...events].some((e) => e.startsWith('arxiv:')) ? 'papers' : 'news events';
      mergedKinds.set(kind, (mergedKinds.get(kind) ?? 0) + 1);
    }
  }
  console.log(
    `stories: ${stories.length}, multi-article ${multi}, merging distinct events ${merged} (${pct(merged, multi)}) ${[...mergedKinds].map(([k, n]) => `${k} ${n}`).join(', ')}`,
  );

  // Every day's digest in English (and every third day's in Chinese): verification and headlines.
  let items = 0;
  let withProblem = 0;
  let withRepair = 0;
  let emptyHeadline = 0;
  // Importance, on the English editions: items per tier, days with an L1 item, where each kind of
  // importance event lands, and days a single-outlet how-to ranks above a government's rule or a
  // two-outlet deal by a major platform.
  const storyEvents = new Map(
    stories.map((s) => [s.id, new Set(s.timeline.map((t) => eventOf.get(t.articleId) ?? ''))]),
  );
  const kindOfStory = (id: string): ImportanceKind | null => {
    for (const e of storyEvents.get(id) ?? []) {
      const k = importanceKindOf(e);
      if (k) return k;
    }
    return null;
  };
  const perTier = new Map<number, number>();
  const daysWithL1 = new Set<string>();
  const kindTiers = new Map<ImportanceKind, number[]>();
  let inversions = 0;
  const t1 = performance.now();
  for (let day = 0; day < o.days; day++) {
    for (const lang of day % 3 === 0 ? ['en', 'zh'] : ['en']) {
      const r = await run(['digest', '--date', isoDay(day), '--lang', lang, '--format', 'json'], dir);
      if (r.code !== 0) continue;
      const digest = JSON.parse(r.out) as DigestJson;
      if (lang === 'en') {
        const order: Array<{ kind: ImportanceKind | null; level: number }> = [];
        for (const t of digest.tiers) {
          for (const item of t.items) {
            perTier.set(t.tier.level, (perTier.get(t.tier.level) ?? 0) + 1);
            if (t.tier.level === 1) daysWithL1.add(digest.date);
            const kind = kindOfStory(item.storyId);
            if (kind) kindTiers.set(kind, [...(kindTiers.get(kind) ?? []), t.tier.level]);
            order.push({ kind, level: t.tier.level });
          }
        }
        const firstHowto = order.findIndex((x) => x.kind === 'howto');
        if (firstHowto >= 0 && order.slice(firstHowto + 1).some((x) => x.kind === 'rule' || x.kind === 'platform'))
          inversions++;
      }
      for (const item of digest.tiers.flatMap((t) => t.items)) {
        items++;
        if ((item.verification?.problems.length ?? 0) > 0) withProblem++;
        if ((item.verification?.repairs.filter((x) => x.action !== 'unquoted').length ?? 0) > 0) withRepair++;
        if (item.headline.trim() === '' || item.keyPoints.lead.trim() === '') emptyHeadline++;
      }
    }
  }
  const tDigests = (performance.now() - t1) / 1000;
  console.log(
    `digest items: ${items}; with a verification problem ${withProblem} (${pct(withProblem, items)}); with a sentence dropped or a field withheld ${withRepair} (${pct(withRepair, items)}); empty headline or lead ${emptyHeadline} (${tDigests.toFixed(1)} s)`,
  );

  const tiers = [...perTier]
    .sort((a, b) => a[0] - b[0])
    .map(([l, c]) => `L${l} ${c}`)
    .join(', ');
  console.log(`tiers (English editions): ${tiers}; days with an L1 item ${daysWithL1.size} of ${o.days}`);
  const spread = (levels: readonly number[] | undefined) =>
    levels ? [1, 2, 3, 4].map((l) => `L${l} ${levels.filter((x) => x === l).length}`).join(' ') : 'none';
  console.log(
    `importance: major-platform deals ${spread(kindTiers.get('platform'))}; Chinese regulators' rules ${spread(kindTiers.get('rule'))}; vendor how-tos ${spread(kindTiers.get('howto'))}; editions where a how-to ranks above a rule or a platform deal ${inversions}`,
  );

  const latest = await run(['digest', '--format', 'json'], dir);
  const latestDay = latest.code === 0 ? (JSON.parse(latest.out) as DigestJson).date : `exit ${latest.code}`;
  const lastDated = isoDay(Math.max(...docs.filter((d) => d.day !== null).map((d) => d.day!)));
  console.log(
    `latest edition: ${latestDay}; latest dated news day: ${lastDated}; clock: ${new Date().toISOString().slice(0, 10)} → ${latestDay === lastDated ? 'right' : 'WRONG'}`,
  );
  if (o.keep === null) await rm(dir, { recursive: true, force: true });
}

function pct(n: number, d: number): string {
  return d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`;
}

await measure(options(process.argv.slice(2)));
