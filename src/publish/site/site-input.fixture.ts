// Invented edition records for the site's pure-core tests, written by the real offline engine from
// made-up articles (prose is ours): a normal story, an English-only one, and the bad cases the
// site must render sensibly (an empty day, no translation, all sources withheld, a 500-character
// title, right-to-left and emoji text).

import type { ArticleWithSightings, ArticleLanguage } from '../../article.js';
import type { BilingualPage } from '../../extract/extract.js';
import { rankStory } from '../../rank/rank.js';
import type { Rubric } from '../../rank/rubric.js';
import type { Story } from '../../stories/story.js';
import { writeCard } from '../../write/card.js';
import { writeDigest } from '../../write/digest.js';
import { writePost } from '../../write/post.js';
import type { Digest } from '../../write/schemas.js';
import type { StoryInput } from '../../write/story-analysis.js';
import type { SiteArticle, SiteInput, SiteStory } from './site-input.js';
import { understoodArticle } from '../../../test/support/article.js';

export interface ArticleSpec {
  readonly id: string;
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly language: ArticleLanguage;
  readonly outlet: string;
  readonly published: string;
  readonly url?: string;
  readonly bilingual?: BilingualPage;
  readonly leadImage?: string;
}

export function fixtureArticle(spec: ArticleSpec): ArticleWithSightings {
  return understoodArticle({
    id: spec.id,
    url: spec.url ?? `https://${spec.outlet.toLowerCase().replace(/[^a-z]+/g, '') || 'outlet'}.example/${spec.id}`,
    title: spec.title,
    published: spec.published,
    language: spec.language,
    siteName: spec.outlet,
    outlet: spec.outlet,
    leadImage: spec.leadImage ?? null,
    paragraphs: spec.paragraphs,
    bilingual: spec.bilingual ?? null,
    fingerprint: spec.id,
    ingestedAt: spec.published,
  });
}

function storyOf(articles: readonly ArticleWithSightings[]): Story {
  const timeline = articles.map((a) => ({
    articleId: a.id,
    title: a.title,
    outlet: a.outlet,
    sourceType: a.sourceType,
    language: a.language,
    published: a.published,
    activityAt: a.published ?? a.ingestedAt,
    url: a.url,
    score: null,
  }));
  return {
    id: articles[0]!.id,
    title: articles[0]!.title,
    firstActive: timeline[0]!.activityAt,
    lastActive: timeline.at(-1)!.activityAt,
    articleCount: articles.length,
    timeline,
    translations: [],
  };
}

/** A whole site input: each group of articles is one story on `date`; `edit` may spoil a record. */
export function fixtureSite(
  rubric: Rubric,
  date: string,
  groups: ReadonlyArray<readonly ArticleWithSightings[]>,
  extraDays: readonly string[] = [],
): SiteInput {
  const inputs: StoryInput[] = groups.map((articles) => ({
    storyId: articles[0]!.id,
    articles,
    ranking: rankStory(articles, rubric),
  }));
  const digest = {
    en: writeDigest(inputs, { date, language: 'en' }),
    zh: writeDigest(inputs, { date, language: 'zh' }),
  };
  const itemOf = (d: Digest, id: string) => d.tiers.flatMap((t) => t.items).find((i) => i.storyId === id) ?? null;
  const stories: SiteStory[] = inputs.map((input) => ({
    story: storyOf(input.articles),
    ranking: input.ranking,
    item: { en: itemOf(digest.en, input.storyId), zh: itemOf(digest.zh, input.storyId) },
    post: { en: writePost(input, 'en'), zh: writePost(input, 'zh') },
    days: [date],
  }));
  const articles: SiteArticle[] = inputs.flatMap((input) =>
    input.articles.map((a) => ({
      article: a,
      storyId: input.storyId,
      card: { en: writeCard(a, input, { language: 'en' }), zh: writeCard(a, input, { language: 'zh' }) },
    })),
  );
  const empty = (d: string) => ({
    en: writeDigest([], { date: d, language: 'en' }),
    zh: writeDigest([], { date: d, language: 'zh' }),
  });
  return { days: [{ date, digest }, ...extraDays.map((d) => ({ date: d, digest: empty(d) }))], stories, articles };
}

export const BILINGUAL_EN = [
  'Brannock Compute said on Monday it will build a 120MW data centre in Norrland for $1.8 billion, with the first 40MW online in March.',
  'The company said the site will run on hydro power and hold about 30,000 GPUs.',
];
export const BILINGUAL_ZH = [
  '布兰诺克计算周一表示，将斥资 18 亿美元在诺尔兰建设一座 120 兆瓦的数据中心，首批 40 兆瓦将于 3 月上线。',
  '公司表示，该园区将使用水电，可容纳约 3 万块 GPU。',
];

export const brannockEn = fixtureArticle({
  id: 'b4a0000000e1',
  title: 'Brannock Compute plans 120MW Norrland data centre for $1.8 billion',
  language: 'en',
  outlet: 'Harbor Tech Daily',
  published: '2026-08-03T09:00:00Z',
  paragraphs: BILINGUAL_EN,
  leadImage: 'https://img.example/brannock.jpg',
  bilingual: {
    layout: 'interleaved',
    titleEn: 'Brannock Compute plans 120MW Norrland data centre for $1.8 billion',
    titleZh: '布兰诺克计算计划斥资 18 亿美元建设诺尔兰 120 兆瓦数据中心',
    pairs: BILINGUAL_EN.map((en, i) => ({ en, zh: BILINGUAL_ZH[i]! })),
  },
});

export const brannockZh = fixtureArticle({
  id: 'b4a0000000z1',
  title: '布兰诺克计算将在诺尔兰建 120 兆瓦数据中心',
  language: 'zh',
  outlet: '硅潮',
  published: '2026-08-03T12:00:00Z',
  paragraphs: [
    '布兰诺克计算周一宣布，将投资 18 亿美元在诺尔兰建设 120 兆瓦数据中心。',
    '首批 40 兆瓦容量预计 3 月投入使用。',
  ],
});

export const LONG_TITLE = `Velmora Labs ${'announces a very long list of things that go on and on '.repeat(10)}`.slice(
  0,
  500,
);

export const oddArticle = fixtureArticle({
  id: 'e0d000000001',
  title: LONG_TITLE,
  language: 'en',
  outlet: 'Quillfeed 🚀 <b>Wire</b>',
  published: '2026-08-03T15:00:00Z',
  url: 'javascript:alert(1)',
  paragraphs: [
    '🚀🔥 Velmora Labs raised $40 million on Monday 🤖✨, the company said, and 👨‍👩‍👧‍👦 emoji must survive.',
    'A right-to-left line follows: أطلقت مختبرات فيلمورا نموذجًا جديدًا and שלום עולם, with 12 engineers hired.',
  ],
});
