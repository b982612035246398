// Invented articles for the stories tests: three events (two of them Anthropic deals, so one
// company alone must not merge them), in English and Chinese, over two days. Prose is ours.

import type { ArticleLanguage } from '../article.js';
import type { SourceType } from '../sources/registry.js';
import { understand } from '../understand/understand.js';
import type { ArticleToPlace } from './story-archive.js';

export interface FixtureSpec {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly language: ArticleLanguage;
  readonly published: string | null;
  readonly outlet: string;
  readonly sourceType?: SourceType;
  readonly ingestedAt?: string;
}

export function fixtureArticle(spec: FixtureSpec): ArticleToPlace {
  const u = understand(spec.text, { title: spec.title });
  return {
    id: spec.id,
    title: spec.title,
    text: spec.text,
    language: spec.language,
    published: spec.published,
    url: `https://${spec.outlet.toLowerCase().replace(/[^a-z]+/g, '')}.example/${spec.id}`,
    outlet: spec.outlet,
    sourceType: spec.sourceType ?? 'news',
    ingestedAt: spec.ingestedAt ?? '2026-06-03T12:00:00.000Z',
    understanding: { entities: u.entities, figures: u.figures },
  };
}

/** Event "corvane": Anthropic rents 250MW from Corvane Systems for $4.2 billion. */
export const CORVANE_EN = fixtureArticle({
  id: 'c0rvane00en1',
  outlet: 'Quillfeed',
  published: '2026-06-02T09:00:00Z',
  language: 'en',
  title: 'Anthropic rents 250MW from Corvane Systems in $4.2 billion deal',
  text:
    'Anthropic has agreed to pay Corvane Systems $4.2 billion over five years for 250MW of capacity at its Brackenridge campus in Ohio, the companies said on Tuesday.\n\n' +
    'The Brackenridge site will hold about 90,000 Nvidia GB300 GPUs when it is full. Corvane, a young neocloud, will bring the first 60MW online in October.\n\n' +
    '"We needed power that exists this year, not in 2029," said Ilse Marrow, who runs infrastructure at Anthropic.',
});

export const CORVANE_ZH = fixtureArticle({
  id: 'c0rvane00zh1',
  outlet: '算力札记',
  published: '2026-06-02T15:00:00Z',
  language: 'zh',
  title: 'Anthropic 以 42 亿美元租下 Corvane 俄亥俄园区 250 兆瓦算力',
  text:
    'Anthropic 与新云公司 Corvane Systems 签署为期五年的协议，以 42 亿美元租用其位于俄亥俄州的 Brackenridge 园区 250 兆瓦算力。\n\n' +
    '园区建成后将部署约 9 万块英伟达 GB300 GPU，首批 60 兆瓦将于十月投入使用。\n\n' +
    '业内人士认为，这笔交易说明大模型公司正在把电力视为最稀缺的资源。',
});

/** Day two: an analysis of the same deal from another outlet. */
export const CORVANE_EN_DAY2 = fixtureArticle({
  id: 'c0rvane00en2',
  outlet: 'Gridline Weekly',
  published: '2026-06-03T07:30:00Z',
  language: 'en',
  title: 'What the Corvane deal says about the price of power',
  text:
    'A day after Anthropic committed $4.2 billion to Corvane Systems, analysts are still arguing over the price of the 250MW at Brackenridge.\n\n' +
    'Spread over five years, the contract works out at roughly $840 million a year. Corvane says the first 60MW will be live in October.',
});

/** Event "tokyo": another Anthropic story, with nothing but the company in common. */
export const ANTHROPIC_TOKYO = fixtureArticle({
  id: 't0ky0000en01',
  outlet: 'Quillfeed',
  published: '2026-06-02T11:00:00Z',
  language: 'en',
  title: 'Anthropic opens a Tokyo office and plans to hire 120 staff',
  text:
    'Anthropic is opening an office in Tokyo, its first in Japan, and plans to hire 120 staff there by the end of next year.\n\n' +
    'The company said Japanese banks and insurers are among the fastest-growing users of Claude. The office will be led by Haruto Fennimore, who joins from a consulting firm.',
});

/** Event "qwen": an Alibaba model launch, in both languages. */
export const QWEN_EN = fixtureArticle({
  id: 'qwen00000en1',
  outlet: 'Quillfeed',
  published: '2026-06-02T13:00:00Z',
  language: 'en',
  title: 'Alibaba releases Qwen Lumen, a 7-billion-parameter model for phones',
  text:
    'Alibaba has released Qwen Lumen, an open model with 7 billion parameters designed to run on phones, and says it answers 40% faster than its predecessor.\n\n' +
    'The model is free for commercial use below 100 million monthly users.',
});

export const QWEN_ZH = fixtureArticle({
  id: 'qwen00000zh1',
  outlet: '算力札记',
  published: '2026-06-02T14:10:00Z',
  language: 'zh',
  title: '阿里巴巴发布 Qwen Lumen 手机端模型',
  text:
    '阿里巴巴发布面向手机的开源模型 Qwen Lumen，参数规模 70 亿，响应速度比上一代快 40%。\n\n' +
    '月活跃用户低于 1 亿的企业可以免费商用。',
});

export const ALL_FIXTURES: readonly ArticleToPlace[] = [
  CORVANE_EN,
  CORVANE_ZH,
  CORVANE_EN_DAY2,
  ANTHROPIC_TOKYO,
  QWEN_EN,
  QWEN_ZH,
];

/** The event each fixture belongs to. */
export const FIXTURE_EVENTS: Readonly<Record<string, string>> = {
  c0rvane00en1: 'corvane',
  c0rvane00zh1: 'corvane',
  c0rvane00en2: 'corvane',
  t0ky0000en01: 'tokyo',
  qwen00000en1: 'qwen',
  qwen00000zh1: 'qwen',
};
