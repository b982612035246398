import type { Face } from '../../article.js';
// The site's own words (navigation, section names, notices) in each face. Section names of the
// outputs themselves come from src/write/labels.ts, as in the Markdown.

/** What a paginated list counts. */
export type Counted = 'days' | 'stories' | 'cards' | 'items';

const GROUPED = (n: number) => n.toLocaleString('en-US');

export interface SiteLabels {
  readonly htmlLang: string;
  readonly switchTo: string;
  readonly switchLabel: string;
  readonly home: string;
  readonly archive: string;
  readonly topics: string;
  readonly audiences: string;
  readonly search: string;
  readonly nav: string;
  readonly latest: string;
  readonly story: string;
  readonly sourcesHeading: string;
  readonly timeline: string;
  readonly commentary: string;
  readonly verification: string;
  readonly whyTier: string;
  readonly card: string;
  readonly reader: string;
  readonly original: string;
  readonly language: (l: string) => string;
  readonly languageHeading: string;
  readonly noSources: string;
  readonly noDays: string;
  readonly noStoriesDay: string;
  readonly noItem: string;
  readonly noTranslation: string;
  readonly translateHint: string;
  readonly humanTranslation: string;
  readonly machineTranslation: (model: string) => string;
  readonly machineNote: string;
  readonly withheld: string;
  readonly layoutInterleaved: string;
  readonly layoutSide: string;
  readonly toggleLayout: string;
  readonly storiesHeading: string;
  readonly storiesCount: (n: number) => string;
  readonly articlesCount: (n: number) => string;
  readonly inDigestOf: string;
  readonly appearsOn: string;
  readonly undated: string;
  /** A folded translation's row: whose article it translates (the link goes to that pair's reader). */
  readonly translationOf: (outlet: string) => string;
  readonly searchPlaceholder: string;
  readonly searchNoJs: string;
  readonly chooser: string;
  readonly verifiedOk: (n: number) => string;
  readonly verifiedRepaired: (problems: number, n: number) => string;
  readonly notVerified: string;
  readonly repairAction: (a: 'unquoted' | 'dropped' | 'withheld') => string;
  readonly engine: (e: string) => string;
  readonly footer: string;
  readonly more: (n: number) => string;
  readonly newestOf: (shown: number, all: number) => string;
  /** The list of every story, newest first, in pages. */
  readonly allStories: string;
  /** Which part of a paginated list a page shows. */
  readonly showing: (first: number, last: number, total: number, what: Counted) => string;
  readonly pageOf: (page: number, pages: number) => string;
  readonly pageNumber: (page: number) => string;
  readonly previousPage: string;
  readonly nextPage: string;
  readonly pagesNav: string;
  /** A topic's cards when not all are listed: where the rest are. */
  readonly cardsShown: (shown: number, all: number) => string;
  readonly fullAnalysis: string;
  /** After a tier's heading on a day page that carries on a tier begun on the page before. */
  readonly tierContinued: string;
  /** At the end of a tier that carries on on the next page of the day (a link). */
  readonly tierContinues: string;
  readonly feeds: string;
  readonly untitled: string;
  readonly skip: string;
}

const LANG_EN: Record<string, string> = { en: 'English', zh: 'Chinese', other: 'other language' };
const LANG_ZH: Record<string, string> = { en: '英文', zh: '中文', other: '其他语言' };

export const SITE_LABELS: Record<Face, SiteLabels> = {
  en: {
    htmlLang: 'en',
    switchTo: '中文',
    switchLabel: '阅读中文版',
    home: 'Today',
    archive: 'Archive',
    topics: 'Topics',
    audiences: 'Audiences',
    search: 'Search',
    nav: 'Site',
    latest: 'Latest digest',
    story: 'Story',
    sourcesHeading: 'Sources',
    timeline: 'Timeline',
    commentary: 'Commentary',
    verification: 'Verification report',
    whyTier: 'Why this tier and confidence',
    card: 'Summary card',
    reader: 'Bilingual reader',
    original: 'Original',
    language: (l) => LANG_EN[l] ?? l,
    languageHeading: 'Language',
    noSources: 'No source can be shown for this story: verification withheld every source it cited.',
    noDays: 'Nothing has been published yet: no day has any stories.',
    noStoriesDay: 'No stories on this day.',
    noItem: 'This story is not in any digest.',
    noTranslation: 'No translation of this article exists yet: the original is shown alone.',
    translateHint:
      'With a model configured, `tidings translate <article>` writes one (and `tidings run` translates every article of the day).',
    humanTranslation: 'Human translation (from the source’s bilingual page or a recognised translation)',
    machineTranslation: (model) => `Machine translation by ${model}, not a human one`,
    machineNote:
      'Each paragraph was checked against the original (figures kept, nothing left untranslated); a paragraph that failed shows the original alone.',
    withheld: '[Translation withheld: it did not pass its checks.]',
    layoutInterleaved: 'Interleaved',
    layoutSide: 'Side by side',
    toggleLayout: 'Switch layout',
    storiesHeading: 'Stories',
    storiesCount: (n) => `${GROUPED(n)} ${n === 1 ? 'story' : 'stories'}`,
    articlesCount: (n) => `${n} ${n === 1 ? 'article' : 'articles'}`,
    inDigestOf: 'From the digest of',
    appearsOn: 'In the digests of',
    undated: 'undated',
    translationOf: (outlet) => `translation of ${outlet}`,
    searchPlaceholder: 'Search stories, cards, articles (English or 中文)',
    searchNoJs: 'Search needs JavaScript; every page is also reachable from the archive and topics.',
    chooser: 'Choose a language',
    verifiedOk: (n) => `Verified: all ${n} sentences checked; every quote, figure and name is in the sources.`,
    verifiedRepaired: (p, n) =>
      `Verified: ${p} of the claims in ${n} sentences were not in the sources and were repaired before publishing.`,
    notVerified: 'Not verified.',
    repairAction: (a) => ({ unquoted: 'unquoted', dropped: 'dropped', withheld: 'withheld' })[a],
    engine: (e) =>
      ({
        offline: 'Written by the offline engine.',
        llm: 'Written by a model, verified.',
        'offline-fallback': 'Written by the offline engine (the model’s answer could not be used).',
      })[e] ?? e,
    feeds: 'Feeds',
    more: (n) => `and ${n} more on the day’s page`,
    newestOf: (shown, all) => `The newest ${shown} of ${all} stories; older ones are in the`,
    allStories: 'All stories',
    showing: (first, last, total, what) => `Showing ${what} ${GROUPED(first)}–${GROUPED(last)} of ${GROUPED(total)}`,
    pageOf: (page, pages) => `page ${GROUPED(page)} of ${GROUPED(pages)}`,
    pageNumber: (page) => `page ${GROUPED(page)}`,
    previousPage: '← Previous page',
    nextPage: 'Next page →',
    pagesNav: 'Pages',
    cardsShown: (shown, all) =>
      `${GROUPED(shown)} of ${GROUPED(all)} cards listed; every card is linked from its story’s page.`,
    fullAnalysis: 'Impact, analysis, quick start and recommendation on the story page →',
    tierContinued: 'continued',
    tierContinues: 'This tier continues on the next page →',
    footer: 'Every quote, figure and name on this site was checked against its sources.',
    untitled: '(untitled)',
    skip: 'Skip to content',
  },
  zh: {
    htmlLang: 'zh-Hans',
    switchTo: 'English',
    switchLabel: 'Read in English',
    home: '今日',
    archive: '归档',
    topics: '主题',
    audiences: '读者',
    search: '搜索',
    nav: '站点',
    latest: '最新摘要',
    story: '报道',
    sourcesHeading: '来源',
    timeline: '时间线',
    commentary: '评论',
    verification: '核查报告',
    whyTier: '分级与置信度依据',
    card: '摘要卡片',
    reader: '双语阅读',
    original: '原文',
    language: (l) => LANG_ZH[l] ?? l,
    languageHeading: '语言',
    noSources: '本报道无可显示的来源：核查未通过，其引用的来源均已撤下。',
    noDays: '尚无内容发布：没有任何一天有报道。',
    noStoriesDay: '当日没有报道。',
    noItem: '本报道未收入任何摘要。',
    noTranslation: '本文暂无译文，仅显示原文。',
    translateHint: '配置模型后，可用 `tidings translate <article>` 生成译文（`tidings run` 会翻译当日所有文章）。',
    humanTranslation: '人工译文（来自来源的双语页面或识别出的译文文章）',
    machineTranslation: (model) => `机器翻译（${model}），非人工译文`,
    machineNote: '每段译文都与原文核对过（数字一致、没有漏译）；未通过核对的段落只显示原文。',
    withheld: '〔此段译文未通过核对，仅保留原文。〕',
    layoutInterleaved: '段落交替',
    layoutSide: '左右对照',
    toggleLayout: '切换版式',
    storiesHeading: '报道',
    storiesCount: (n) => `${GROUPED(n)} 篇报道`,
    articlesCount: (n) => `${n} 篇文章`,
    inDigestOf: '摘自摘要：',
    appearsOn: '收入以下日期的摘要：',
    undated: '无日期',
    translationOf: (outlet) => `译自 ${outlet}`,
    searchPlaceholder: '搜索报道、卡片、文章（中文或 English）',
    searchNoJs: '搜索需要 JavaScript；所有页面也可通过归档和主题找到。',
    chooser: '选择语言',
    verifiedOk: (n) => `核查：${n} 句均已在来源中找到依据（引语、数字、名称）。`,
    verifiedRepaired: (p, n) => `核查：${n} 句中有 ${p} 处未能在来源中找到，发布前已处理。`,
    notVerified: '未核查。',
    repairAction: (a) => ({ unquoted: '去掉引号', dropped: '删除', withheld: '撤下' })[a],
    engine: (e) =>
      ({
        offline: '由离线引擎撰写。',
        llm: '由模型撰写，已核查。',
        'offline-fallback': '由离线引擎撰写（模型的回答未能采用）。',
      })[e] ?? e,
    feeds: '订阅',
    more: (n) => `另有 ${n} 条，见当日摘要`,
    newestOf: (shown, all) => `共 ${all} 篇报道，此处列出最新 ${shown} 篇；更早的见`,
    allStories: '全部报道',
    showing: (first, last, total, what) =>
      `第 ${GROUPED(first)}–${GROUPED(last)} ${{ days: '天', stories: '篇', cards: '张', items: '条' }[what]}，共 ${GROUPED(total)} ${{ days: '天', stories: '篇报道', cards: '张卡片', items: '条' }[what]}`,
    pageOf: (page, pages) => `第 ${GROUPED(page)} 页，共 ${GROUPED(pages)} 页`,
    pageNumber: (page) => `第 ${GROUPED(page)} 页`,
    previousPage: '← 上一页',
    nextPage: '下一页 →',
    pagesNav: '分页',
    cardsShown: (shown, all) =>
      `共 ${GROUPED(all)} 张卡片，此处列出 ${GROUPED(shown)} 张；每张卡片都可从其报道页找到。`,
    fullAnalysis: '影响、分析、快速上手与建议见报道页 →',
    tierContinued: '续',
    tierContinues: '本级别下一页继续 →',
    footer: '本站每条引语、数字和名称均已对照来源核查。',
    untitled: '（无标题）',
    skip: '跳到正文',
  },
};
