// Section labels and connecting words of the English and Chinese faces. Body text never comes
// from here: only the words around it.

import type { Face } from '../article.js';
import { assertNever } from '../errors.js';
import type { Confidence } from '../rank/ranking.js';
import type { SourceType } from '../sources/registry.js';
import type { SourceTypeLabel } from './schemas.js';

/** The steps of a post's argument, in order: what happened, why it matters, the catch, what to watch. */
export const ARGUMENT_ROLES = ['event', 'why', 'catch', 'watch'] as const;
export type ArgumentRole = (typeof ARGUMENT_ROLES)[number];

export interface FaceLabels {
  readonly aiSummary: string;
  readonly updates: (n: number) => string;
  readonly confidence: string;
  readonly confidenceValue: (c: Confidence) => string;
  readonly keyPoints: string;
  readonly inDetail: string;
  readonly impact: string;
  readonly forAudience: (audience: string) => string;
  readonly detailedAnalysis: string;
  readonly tradeOffs: string;
  readonly pros: string;
  readonly cons: string;
  readonly quickStart: string;
  readonly recommendation: string;
  readonly sources: string;
  readonly sourceType: (t: SourceTypeLabel) => string;
  /** Beside the type of a source that is a human translation of another. */
  readonly translationSource: string;
  /** Beside the type of a source read from its feed's summary (its page could not be fetched). */
  readonly fromFeedSummary: string;
  readonly nothingToday: string;
  /** The heading of the research section (papers and preprints). */
  readonly research: string;
  /** Under the research section: how many more papers were left out. */
  readonly morePapers: (n: number) => string;
  readonly colon: string;
  readonly listSeparator: string;
  readonly summary: string;
  readonly keyTakeaway: string;
  readonly keyInsights: string;
  readonly principles: string;
  readonly inPractice: string;
  readonly topics: string;
  readonly bestFor: string;
  readonly relatedOn: (site: string) => string;
  readonly ordinals: readonly string[];
  readonly takeawaysIntro: string;
  /** The lead-in of a post's takeaway by its step in the argument ("Why it matters: …"). */
  readonly argument: Readonly<Record<ArgumentRole, string>>;
  readonly credits: string;
  /** No coverage in the face's language: the body is composed from the facts of the other language's coverage. */
  readonly noticeUntranslated: string;
  /** No coverage in the face's language and too little understood to compose from: extracts in the original. */
  readonly noticeExtractsOnly: string;
  readonly noticeOtherLanguage: string;
  /** The body comes from a human translation (a bilingual page or a recognised translated article). */
  readonly noticeHumanTranslation: string;
}

const EN_CONFIDENCE: Record<Confidence, string> = { High: 'High', Medium: 'Medium', Low: 'Low' };
const ZH_CONFIDENCE: Record<Confidence, string> = { High: '高', Medium: '中', Low: '低' };
const ZH_TYPES: Record<SourceTypeLabel, string> = {
  News: '新闻',
  Official: '官方',
  Social: '社交媒体',
  Blog: '博客',
  Research: '研究',
  Aggregator: '聚合',
};

export const LABELS: Record<Face, FaceLabels> = {
  en: {
    aiSummary: 'AI Summary',
    updates: (n) => `${n} ${n === 1 ? 'update' : 'updates'}`,
    confidence: 'Confidence',
    confidenceValue: (c) => EN_CONFIDENCE[c],
    keyPoints: 'Key Points',
    inDetail: 'In detail',
    impact: 'Impact',
    forAudience: (a) => `For ${plural(a)}:`,
    detailedAnalysis: 'Detailed Analysis',
    tradeOffs: 'Trade-offs',
    pros: 'Pros',
    cons: 'Cons',
    quickStart: 'Quick Start (5-15 minutes)',
    recommendation: 'Recommendation',
    sources: 'Sources',
    sourceType: (t) => t,
    translationSource: 'translation',
    fromFeedSummary: "from the feed's summary",
    nothingToday: 'Nothing to report today: no stories were found for this date.',
    research: 'Research papers',
    morePapers: (n) => `and ${n} more ${n === 1 ? 'paper' : 'papers'}`,
    colon: ': ',
    listSeparator: ', ',
    summary: 'Summary',
    keyTakeaway: 'Key takeaway',
    keyInsights: 'Key insights',
    principles: 'Principles',
    inPractice: 'In practice',
    topics: 'Topics',
    bestFor: 'Best for',
    relatedOn: (site) => `Related on ${site}`,
    ordinals: ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth'],
    takeawaysIntro: 'There are several key takeaways here.',
    argument: { event: 'What happened', why: 'Why it matters', catch: 'The catch', watch: 'What to watch' },
    credits: 'Credits',
    noticeUntranslated:
      'This story has no English coverage yet; it is written here from the names and figures of its Chinese coverage. Configure a model for a full translation.',
    noticeExtractsOnly:
      'This story has no English coverage yet; below are extracts in the original Chinese. Configure a model to translate them.',
    noticeOtherLanguage: 'This story has no English or Chinese coverage; below are extracts in the original language.',
    noticeHumanTranslation:
      'This story has no English coverage of its own; below are extracts from a human English translation of its Chinese coverage.',
  },
  zh: {
    aiSummary: 'AI 摘要',
    updates: (n) => `${n} 条更新`,
    confidence: '置信度',
    confidenceValue: (c) => ZH_CONFIDENCE[c],
    keyPoints: '要点',
    inDetail: '具体来看',
    impact: '影响',
    forAudience: (a) => `对${AUDIENCE_ZH[a] ?? a}：`,
    detailedAnalysis: '详细分析',
    tradeOffs: '权衡',
    pros: '优点',
    cons: '缺点',
    quickStart: '快速上手（5-15 分钟）',
    recommendation: '建议',
    sources: '来源',
    sourceType: (t) => ZH_TYPES[t],
    translationSource: '译文',
    fromFeedSummary: '来自订阅源摘要',
    nothingToday: '今日暂无可报道的内容：该日期没有找到任何报道。',
    research: '研究论文',
    morePapers: (n) => `另有 ${n} 篇论文`,
    colon: '：',
    listSeparator: '、',
    summary: '摘要',
    keyTakeaway: '核心要点',
    keyInsights: '关键洞察',
    principles: '原则',
    inPractice: '实践',
    topics: '主题',
    bestFor: '适合读者',
    relatedOn: (site) => `${site} 相关内容`,
    ordinals: ['第一', '第二', '第三', '第四', '第五', '第六'],
    takeawaysIntro: '这里有几个关键要点。',
    argument: { event: '发生了什么', why: '为什么重要', catch: '需要注意', watch: '接下来看' },
    credits: '原文出处',
    noticeUntranslated: '本条目暂无中文报道，以下内容根据其英文报道中的名称与数字写成；如需完整译文，请配置模型。',
    noticeExtractsOnly: '本条目暂无中文报道，以下为英文原文摘录；如需中文译文，请配置模型。',
    noticeOtherLanguage: '本条目暂无中文或英文报道，以下为原文摘录。',
    noticeHumanTranslation: '本条目暂无中文原创报道，以下摘录取自其英文报道的人工中文译文。',
  },
};

/** Chinese names of the default audiences; a configured audience without one keeps its name. */
export const AUDIENCE_ZH: Record<string, string> = {
  Investor: '投资者',
  Executive: '企业高管',
  Developer: '开发者',
  Researcher: '研究人员',
  'Tech Journalist': '科技记者',
  'Enterprise buyer': '企业采购方',
  'Policy maker': '政策制定者',
};

export function audienceName(audience: string, face: Face): string {
  return face === 'zh' ? (AUDIENCE_ZH[audience] ?? audience) : audience;
}

function plural(audience: string): string {
  if (/s$/i.test(audience)) return audience;
  return `${audience}s`;
}

export function sourceTypeLabel(type: SourceType | null): SourceTypeLabel {
  switch (type) {
    case 'official':
      return 'Official';
    case 'news':
    case null:
      return 'News';
    case 'social':
      return 'Social';
    case 'blog':
      return 'Blog';
    case 'research':
      return 'Research';
    case 'aggregator':
      return 'Aggregator';
    default:
      return assertNever(type, 'source type');
  }
}
