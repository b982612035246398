// A summary card for one article: its own sentences for summary, insight and takeaway; general
// sentences of the article as principles; our templated actions around its links and figures.

import { publicUrl, type ArticleWithSightings } from '../article.js';
import { GAZETTEER } from '../understand/gazetteer.js';
import { ADVICE_CUES, AUDIENCE_CUES, cueHits } from './cues.js';
import { possessive, zhCat } from './digest-item.js';
import { LABELS, audienceName } from './labels.js';
import { SCHEMA_VERSION, type Card, type ProvenanceEntry } from './schemas.js';
import { selectDiverse } from './selection.js';
import type { FaceLanguage } from './sentence-candidates.js';
import { extractEntry, outletOf, sourceRefOf, spanOf, translatorOf } from './source-refs.js';
import { analyseStory, humanTranslationView, type ScoredCandidate, type StoryInput } from './story-analysis.js';

export interface CardOptions {
  /** The face; defaults to the article's own language (English for a third language). */
  readonly language?: FaceLanguage;
  /** The site named in the attribution. */
  readonly site?: string;
  /** Other articles that may be related by shared entities (beyond the story's members). */
  readonly library?: readonly ArticleWithSightings[];
}

const PRINCIPLES = {
  en: [
    'Check a reported figure against the original announcement before repeating it.',
    'Count independent publishers, not copies, when judging how solid a story is.',
    'Read the primary source when one exists.',
  ],
  zh: ['转述数字之前，先与原始公告核对。', '判断一条消息是否可靠，要数独立发布方，而不是转载数量。', '有一手来源时，先读一手来源。'],
} as const;

export function writeCard(article: ArticleWithSightings, story: StoryInput, options: CardOptions = {}): Card {
  const members = story.articles.some((a) => a.id === article.id) ? story : { ...story, articles: [article, ...story.articles] };
  const analysis = analyseStory(members);
  const face: FaceLanguage = options.language ?? (article.language === 'zh' ? 'zh' : 'en');
  const zh = face === 'zh';
  const labels = LABELS[face];
  const site = options.site ?? 'Tidings';
  // In the other language's face, the article's human translation (when it has one) is written from.
  const human = face !== article.language ? humanTranslationView(article, face) : null;
  const humanCandidates = human ? analyseStory({ ...members, articles: [human] }).candidates : null;
  const own = humanCandidates ?? analysis.candidates.filter((c) => c.articleId === article.id);
  const prov: ProvenanceEntry[] = [];
  const sep = (human?.language ?? article.language) === 'zh' ? '' : ' ';

  // Summary: 3-5 diverse sentences of the article, in the article's order.
  const summaryPicks = selectDiverse(own, Math.min(5, Math.max(3, Math.ceil(own.length / 4))), {
    lambda: 0.6,
    boost: (c) => 1 / (1 + c.index) - (c.dangling ? 0.8 : 0),
  }).sort((a, b) => a.start - b.start);
  const summary = summaryPicks.map((c) => c.text).join(sep);
  prov.push({ path: 'summary', kind: 'extract', spans: summaryPicks.map(spanOf) });

  // Insight: the most general strong sentence not already in the summary.
  const general = (c: ScoredCandidate): number => (c.figureKeys.length === 0 ? 0.4 : 0) + (c.dangling ? -1 : 0) + 0.2 * cueHits(c, ADVICE_CUES);
  const [insight] = selectDiverse(own, 1, { chosen: summaryPicks, boost: general }).concat(summaryPicks.slice(0, 1));
  const keyInsight = insight?.text ?? '';
  if (insight) prov.push(extractEntry('keyInsight', insight));

  // Takeaway: for the primary audience, in the second person, around the article's best sentence for it.
  const audience = story.ranking.audiences[0] ?? (zh ? '读者' : 'reader');
  const cues = AUDIENCE_CUES[audience];
  const [forAudience] = selectDiverse(own, 1, {
    chosen: insight ? [insight] : [],
    filter: (c) => !c.dangling,
    boost: (c) => (cues ? 0.4 * cueHits(c, cues) : 0),
  });
  const takeawayBase = forAudience ?? insight;
  const who = audienceName(audience, face);
  const keyTakeaway = takeawayBase
    ? zh
      ? zhCat('如果你是', who, `，这篇文章最值得你记住的是：${takeawayBase.text}`)
      : `If you are ${article_(who)} ${who.toLowerCase()}, the line to keep from this article is this: ${takeawayBase.text}`
    : '';
  if (takeawayBase) prov.push({ path: 'keyTakeaway', kind: 'template', spans: [spanOf(takeawayBase)] });

  // Principles: general sentences (no figures) from the article, then from the story, then method.
  const used = [...summaryPicks, ...(insight ? [insight] : []), ...(takeawayBase ? [takeawayBase] : [])];
  const sameLanguage = humanCandidates ?? analysis.candidates.filter((c) => c.language === article.language);
  const principlePicks = selectDiverse(sameLanguage, 3, {
    chosen: used,
    filter: (c) => c.figures.length === 0 && c.entities.length === 0 && !c.dangling && !c.hasQuote && c.text.length <= (c.language === 'zh' ? 60 : 180),
    boost: (c) => (c.articleId === article.id || c.articleId === human?.id ? 0.5 : 0) + 0.2 * cueHits(c, ADVICE_CUES),
  });
  const principles: string[] = [];
  principlePicks.forEach((c) => {
    prov.push(extractEntry(`principles[${principles.length}]`, c));
    principles.push(c.text);
  });
  for (const p of PRINCIPLES[face]) {
    if (principles.length >= 3) break;
    prov.push({ path: `principles[${principles.length}]`, kind: 'computed', spans: [] });
    principles.push(p);
  }

  // In practice: concrete actions around this article's link, its companions and its figures.
  const inPractice: string[] = [];
  const practice = (text: string, kind: 'template' | 'computed', spans: ProvenanceEntry['spans']): void => {
    prov.push({ path: `inPractice[${inPractice.length}]`, kind, spans: [...spans] });
    inPractice.push(text);
  };
  // Addresses only where there is one to publish: a local file is named, never its path.
  const at = (url: string | null): string => (url === null ? '' : zh ? `：${url}` : `: ${url}`);
  const articleUrl = publicUrl(article.url);
  if (articleUrl !== null) practice(zh ? `阅读原文全文：${articleUrl}` : `Read the full article: ${articleUrl}`, 'computed', []);
  const companion = analysis.articles.find((a) => a.id !== article.id && a.sourceType === 'official') ?? analysis.articles.find((a) => a.id !== article.id);
  if (companion) {
    const title = companion.title ?? publicUrl(companion.url) ?? (zh ? '无标题' : 'untitled');
    practice(
      zh ? zhCat('对照', outletOf(companion), `的报道《${title}》${at(publicUrl(companion.url))}`) : `Compare with ${possessive(outletOf(companion))} "${title}"${at(publicUrl(companion.url))}`,
      'template',
      [{ articleId: companion.id, field: 'title', start: 0, end: (companion.title ?? '').length }],
    );
  }
  // A human translation carried with the article (folded or a bilingual page): where to read it.
  const translator = translatorOf(article);
  if (translator) {
    const other = article.language === 'zh' ? (zh ? '英文' : 'English') : zh ? '中文' : 'Chinese';
    practice(zh ? zhCat('阅读', translator.outlet, `的${other}译文${at(translator.url)}`) : `Read ${possessive(translator.outlet)} ${other} translation${at(translator.url)}`, 'computed', []);
  }
  const figs = article.understanding.figures.filter((f) => f.kind !== 'year' && !analysis.suspectFigures.some((s) => s.value === f.value && s.unit === f.unit));
  const uniqueFigs = [...new Map(figs.map((f) => [`${f.kind}:${f.value}:${f.unit}`, f])).values()].slice(0, 3);
  if (uniqueFigs.length > 0) {
    practice(
      zh ? `记下文中的关键数字，留待日后核对：${uniqueFigs.map((f) => f.surface).join('、')}。` : `Note the article's key figures to check later: ${uniqueFigs.map((f) => f.surface).join(', ')}.`,
      'template',
      uniqueFigs.map((f) => ({ articleId: article.id, field: 'text' as const, start: f.start, end: f.end })),
    );
  }
  if (inPractice.length < 3) practice(zh ? '在转述之前，先找到第二个独立来源。' : 'Find a second independent source before you pass it on.', 'computed', []);

  return {
    schemaVersion: SCHEMA_VERSION,
    language: face,
    bodyLanguage: human ? face : article.language,
    notice: article.language === face ? null : human ? labels.noticeHumanTranslation : article.language === 'other' ? labels.noticeOtherLanguage : labels.noticeUntranslated,
    articleId: article.id,
    title: human?.title ?? article.title ?? articleUrl ?? (zh ? '无标题' : 'Untitled'),
    url: articleUrl,
    summary,
    keyTakeaway,
    keyInsight,
    principles,
    inPractice,
    topics: topicsOf(article, face),
    bestFor: story.ranking.audiences.slice(0, 3),
    related: relatedOf(article, analysis.articles, options.library ?? []),
    attribution: attributionOf(article, site, face),
    source: sourceRefOf(article),
    provenance: prov,
  };
}

function article_(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** 3-6 tags: the article's named entities by mentions, then its themes (concepts). */
export function topicsOf(article: ArticleWithSightings, face: FaceLanguage): string[] {
  const counts = new Map<string, { n: number; concept: boolean; name: string; id: string | null }>();
  for (const e of article.understanding.entities) {
    const key = e.entityId ?? `name:${e.name.toLowerCase()}`;
    const entry = counts.get(key) ?? { n: 0, concept: e.type === 'concept', name: e.name, id: e.entityId };
    entry.n++;
    counts.set(key, entry);
  }
  const ranked = [...counts.values()].sort((a, b) => Number(a.concept) - Number(b.concept) || b.n - a.n || (a.name < b.name ? -1 : 1));
  const names = ranked.map((e) => {
    if (face !== 'zh' || !e.id) return e.name;
    const entry = GAZETTEER.find((g) => g.id === e.id);
    return entry?.aliases.zh[0] ?? e.name;
  });
  return [...new Set(names)].slice(0, 6);
}

function relatedOf(article: ArticleWithSightings, members: readonly ArticleWithSightings[], library: readonly ArticleWithSightings[]): Card['related'] {
  const named = (a: ArticleWithSightings): Set<string> => new Set(a.understanding.entities.filter((e) => e.type !== 'concept' && e.entityId).map((e) => e.entityId!));
  const mine = named(article);
  const out: Card['related'] = [];
  const seen = new Set([article.id]);
  for (const m of [...members].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    out.push({ articleId: m.id, title: m.title ?? publicUrl(m.url) ?? outletOf(m) });
  }
  const shared = library
    .filter((a) => !seen.has(a.id))
    .map((a) => ({ a, n: [...named(a)].filter((id) => mine.has(id)).length }))
    .filter((x) => x.n > 0)
    .sort((x, y) => y.n - x.n || (x.a.id < y.a.id ? -1 : 1));
  for (const { a } of shared) {
    if (out.length >= 5 || seen.has(a.id)) continue;
    seen.add(a.id);
    out.push({ articleId: a.id, title: a.title ?? publicUrl(a.url) ?? outletOf(a) });
  }
  return out.slice(0, 5);
}

export function attributionOf(article: ArticleWithSightings, site: string, face: FaceLanguage): string {
  const outlet = outletOf(article);
  const origin = article.feedTitle && article.feedTitle !== outlet ? `${article.feedTitle} | ${outlet}` : outlet;
  return face === 'zh'
    ? `编辑摘要、要点与策展：${site}。原文发表于 ${origin}。`
    : `Editorial summary, takeaway, and curation by ${site}. Original article published by ${origin}.`;
}
