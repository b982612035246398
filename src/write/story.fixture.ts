// Invented stories for the writer's tests: every outlet, figure and sentence is made up here.
// Articles are understood with the real understand(), so spans and figures are genuine.

import type { ArticleWithSightings, Face } from '../article.js';
import type { Ranking } from '../rank/ranking.js';
import type { SourceType } from '../sources/registry.js';
import { understoodArticle } from '../../test/support/article.js';
import type { StoryInput } from './story-analysis.js';

export interface FixtureArticle {
  id: string;
  outlet: string;
  type: SourceType;
  language: Face;
  title: string;
  paragraphs: string[];
  feedTitle?: string;
}

export function makeArticle(f: FixtureArticle): ArticleWithSightings {
  return understoodArticle({
    id: f.id,
    url: `https://${f.id}.example/story`,
    title: f.title,
    published: '2026-05-09T10:00:00Z',
    language: f.language,
    siteName: f.outlet,
    outlet: f.outlet,
    sourceId: f.id,
    sourceType: f.type,
    feedTitle: f.feedTitle ?? null,
    paragraphs: f.paragraphs,
    ingestedAt: '2026-05-09T12:00:00Z',
  });
}

export function makeRanking(overrides: Partial<Ranking> = {}): Ranking {
  return {
    tier: { level: 1, name: 'Major Platform Updates', nameZh: '重大平台更新', emoji: '🔴' },
    tierReasons: [],
    confidence: 'High',
    confidenceReasons: [],
    independentPublishers: [],
    officialConfirmation: false,
    figuresAgreeing: [],
    figureConflicts: [],
    audiences: ['Investor', 'Developer'],
    audienceReasons: [],
    score: 1,
    ...overrides,
  };
}

export const BRIGHTLINE_OFFICIAL = makeArticle({
  id: 'a1-official',
  outlet: 'Brightline Compute',
  type: 'official',
  language: 'en',
  title: 'Brightline Compute and Anthropic agree on Ohio capacity',
  feedTitle: 'Brightline Newsroom',
  paragraphs: [
    'Brightline Compute today announced that Anthropic will take all 150MW of its new Ohio campus under a three-year agreement worth $2 billion.',
    'The first 50MW is due to enter service in September, with the rest following by the end of the year.',
    '“We built Ohio for one large tenant,” said Dana Whitcombe, chief executive of Brightline Compute.',
  ],
});

export const BRIGHTLINE_NEWS = makeArticle({
  id: 'a2-news',
  outlet: 'Riverside Tech Wire',
  type: 'news',
  language: 'en',
  title: 'Anthropic rents all 150MW of Brightline Compute campus in $2 billion deal',
  feedTitle: 'Riverside Tech Wire — AI',
  paragraphs: [
    'Anthropic has agreed to rent all 150MW of Brightline Compute’s Ohio campus for $2 billion over three years, the companies said on Friday.',
    'Analysts said the price is high, but the capacity arrives faster than anything the large clouds can offer.',
    'The risk for Brightline Compute is concentration: the contract will be about 70% of its revenue.',
    'Developers have complained about slow responses at peak hours, and faster capacity should cut waiting times.',
  ],
});

export const BRIGHTLINE_ZH = makeArticle({
  id: 'a3-zh',
  outlet: '云端观察',
  type: 'news',
  language: 'zh',
  title: 'Anthropic 以 20 亿美元包下 Brightline Compute 俄亥俄园区',
  paragraphs: [
    'Brightline Compute 周五宣布，Anthropic 将以 20 亿美元的价格，在三年内包下其俄亥俄园区的全部 150 兆瓦算力。',
    '首批 50 兆瓦预计于 9 月投入使用，其余容量在年底前交付。',
    '不过，这份合同约占该公司收入的 70%，客户集中度风险不容忽视。',
  ],
});

/** The misquote: 1500 兆瓦 where every other source says 150MW. */
export const BRIGHTLINE_ZH_MISQUOTE = makeArticle({
  id: 'a4-zh-misquote',
  outlet: '算力速递',
  type: 'news',
  language: 'zh',
  title: 'Brightline Compute 拿下 Anthropic 大单',
  paragraphs: [
    '美国算力公司 Brightline Compute 宣布，Anthropic 将在三年内包下其俄亥俄园区，规模达 1500 兆瓦，合同价值 20 亿美元。',
    '分析人士认为，大模型公司越来越看重算力的交付速度，而不是价格。',
  ],
});

export function brightlineStory(
  articles: ArticleWithSightings[] = [BRIGHTLINE_OFFICIAL, BRIGHTLINE_NEWS, BRIGHTLINE_ZH, BRIGHTLINE_ZH_MISQUOTE],
): StoryInput {
  const outlets = [...new Set(articles.map((a) => a.outlet ?? ''))];
  const hasMisquote = articles.includes(BRIGHTLINE_ZH_MISQUOTE);
  return {
    storyId: 'brightline-ohio',
    articles,
    ranking: makeRanking({
      independentPublishers: outlets,
      officialConfirmation: articles.includes(BRIGHTLINE_OFFICIAL),
      figureConflicts: hasMisquote
        ? [
            {
              description: 'capacity: 150MW vs 1500 兆瓦',
              variants: [
                { surface: '150MW', sources: outlets.filter((o) => o !== '算力速递') },
                { surface: '1500 兆瓦', sources: ['算力速递'] },
              ],
            },
          ]
        : [],
    }),
  };
}

export const SOLO_NOTE = makeArticle({
  id: 'b1-solo',
  outlet: 'Quillmark Lab Notes',
  type: 'research',
  language: 'en',
  title: 'Quillmark measures memory use across 6 open models',
  paragraphs: [
    'Quillmark Lab published a benchmark on Thursday that measures peak memory across 6 open models during long conversations.',
    'The largest model needed 3x the memory of the smallest at the same context length.',
    'Memory, not arithmetic, is the limit for long contexts.',
  ],
});

export function soloStory(): StoryInput {
  return {
    storyId: 'quillmark-memory',
    articles: [SOLO_NOTE],
    ranking: makeRanking({
      tier: { level: 2, name: 'Important Updates', nameZh: '重要更新', emoji: '🟠' },
      confidence: 'Low',
      independentPublishers: ['Quillmark Lab Notes'],
      audiences: ['Researcher'],
    }),
  };
}
