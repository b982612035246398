// A summary card for one article: its own sentences for summary, insight and takeaway; general
// sentences of the article as principles; our templated actions around its links and figures.

import { publicUrl, type ArticleWithSightings, type Face } from '../article.js';
import { figuresEqual, parseFigures, type Figure } from '../understand/figures.js';
import { GAZETTEER } from '../understand/gazetteer.js';
import {
  composeFigurePoint,
  composeImpact,
  factTopics,
  composeLead,
  composeProsCons,
  composeTakeaway,
  figuresToList,
  meaningful,
  storyFacts,
  withChineseNames,
} from './compose.js';
import { ADVICE_CUES, cueHits } from './cues.js';
import { figureKeysIn, fitForSlot, possessive, zhCat } from './digest-item.js';
import { LABELS } from './labels.js';
import { hasUnattributedQuote } from './slot-check.js';
import type { Statement } from './story-statements.js';
import { SCHEMA_VERSION, type Card, type ProvenanceEntry } from './schemas.js';
import { selectDiverse } from './selection.js';
import { extractEntry, outletOf, sourceRefOf, spanOf, translatorOf } from './source-refs.js';
import { chineseNamesOf, nameInFace } from './zh-names.js';
import { analyseStory, humanTranslationView, type ScoredCandidate, type StoryInput } from './story-analysis.js';

export interface CardOptions {
  /** The face; defaults to the article's own language (English for a third language). */
  readonly language?: Face;
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
  zh: [
    '转述数字之前，先与原始公告核对。',
    '判断一条消息是否可靠，要数独立发布方，而不是转载数量。',
    '有一手来源时，先读一手来源。',
  ],
} as const;

export function writeCard(article: ArticleWithSightings, story: StoryInput, options: CardOptions = {}): Card {
  const members = story.articles.some((a) => a.id === article.id)
    ? story
    : { ...story, articles: [article, ...story.articles] };
  const analysis = analyseStory(members);
  const face: Face = options.language ?? (article.language === 'zh' ? 'zh' : 'en');
  const zh = face === 'zh';
  const labels = LABELS[face];
  const site = options.site ?? 'Tidings';
  // In the other language's face, the article's human translation (when it has one) is written from.
  const human = face !== article.language ? humanTranslationView(article, face) : null;
  const humanCandidates = human ? analyseStory({ ...members, articles: [human] }).candidates : null;
  const own = humanCandidates ?? analysis.candidates.filter((c) => c.articleId === article.id);
  const prov: ProvenanceEntry[] = [];
  const sep = (human?.language ?? article.language) === 'zh' ? '' : ' ';

  // The article's own facts (its parties, figures, event kind): what the card composes from.
  const articleAnalysis = analyseStory({ ...members, storyId: article.id, articles: [article] });
  const facts = withChineseNames(storyFacts(articleAnalysis), chineseNamesOf(analysis));
  // No text in the face's language (neither the article's own nor a human translation): composed.
  const composing = face !== article.language && !human && facts.subject !== null;
  const outlet = outletOf(article);

  let summary: string;
  let keyInsight = '';
  let used: ScoredCandidate[] = [];
  if (composing) {
    const parts: Statement[] = [];
    const lead = composeLead(facts, face);
    if (lead) parts.push(lead);
    const keys = new Set(lead ? [...figureKeysIn(lead.text)] : []);
    for (const f of figuresToList(facts, face)) {
      if (parts.length >= 4) break;
      const s = composeFigurePoint(facts, f, face);
      const ks = figureKeysIn(s.text);
      if (ks.size === 0 || [...ks].some((k) => keys.has(k))) continue;
      ks.forEach((k) => keys.add(k));
      parts.push(s);
    }
    summary = parts.map((p) => p.text).join(zh ? '' : ' ');
    prov.push({ path: 'summary', kind: 'composed', spans: parts.flatMap((p) => p.spans) });
    const judged = composeProsCons(facts, face);
    const insight = judged.pros[0] ?? judged.cons[0] ?? null;
    if (insight) {
      keyInsight = insight.text;
      prov.push({ path: 'keyInsight', kind: insight.kind, spans: [...insight.spans] });
    }
  } else {
    // Summary: 3-5 diverse sentences of the article, in the article's order.
    const summaryPicks = selectDiverse(own, Math.min(5, Math.max(3, Math.ceil(own.length / 4))), {
      lambda: 0.6,
      // Someone's words only with their speaker named in the same sentence.
      filter: (c) => !hasUnattributedQuote(c.text),
      boost: (c) => 1 / (1 + c.index) - (c.dangling ? 0.8 : 0),
    }).sort((a, b) => a.start - b.start);
    summary = summaryPicks.map((c) => c.text).join(sep);
    prov.push({ path: 'summary', kind: 'extract', spans: summaryPicks.map(spanOf) });
    used = [...summaryPicks];
    // Insight: the most general strong sentence not already in the summary, whole and attributed.
    const general = (c: ScoredCandidate): number =>
      (c.figureKeys.length === 0 ? 0.4 : 0) + 0.2 * cueHits(c, ADVICE_CUES);
    const [insight] = selectDiverse(own, 1, { chosen: summaryPicks, filter: fitForSlot, boost: general });
    if (insight) {
      keyInsight = insight.text;
      prov.push(extractEntry('keyInsight', insight));
      used.push(insight);
    }
  }
  if (keyInsight === '') {
    // Nothing general left in the article's words: who the news is good or bad for, else a figure the summary lacks.
    const judged = composeProsCons(facts, face);
    const inSummary = figureKeysIn(summary);
    const fallback =
      judged.pros[0] ??
      judged.cons[0] ??
      facts.figures
        .filter((f) => meaningful(f, face) && !inSummary.has(f.key))
        .map((f) => composeFigurePoint(facts, f, face))[0] ??
      composeImpact(facts, face, story.ranking.audiences[0] ?? 'Executive', new Set())?.statement ??
      null;
    if (fallback) {
      keyInsight = fallback.text;
      prov.push({ path: 'keyInsight', kind: fallback.kind, spans: [...fallback.spans] });
    } else if (!composing) {
      // Nothing composed either (no party named): the article's strongest sentence, as before.
      const [first] = selectDiverse(own, 1, { filter: fitForSlot });
      if (first) {
        keyInsight = first.text;
        prov.push(extractEntry('keyInsight', first));
      }
    }
  }

  // Takeaway: a sentence about the article (who reports what, the figure to remember).
  const takeaway = composeTakeaway(facts, nameInFace(analysis, outlet, face), face);
  const keyTakeaway = takeaway?.text ?? '';
  if (takeaway) prov.push({ path: 'keyTakeaway', kind: takeaway.kind, spans: [...takeaway.spans] });

  // Principles: general sentences (no figures, no names) of the article in the face's language,
  // whole and attributed to the outlet that wrote them; then our method.
  const principles: string[] = [];
  if (!composing && (human !== null || article.language === face)) {
    const principlePicks = selectDiverse(own, 2, {
      chosen: used,
      filter: (c) =>
        c.figures.length === 0 &&
        c.entities.length === 0 &&
        fitForSlot(c) &&
        !c.hasQuote &&
        c.text.length <= (c.language === 'zh' ? 60 : 180),
      boost: (c) => 0.2 * cueHits(c, ADVICE_CUES),
    });
    principlePicks.forEach((c) => {
      const text = zh ? zhCat(outlet, ' 认为：', c.text) : `${outlet} argues: ${c.text}`;
      prov.push({ path: `principles[${principles.length}]`, kind: 'template', spans: [spanOf(c)] });
      principles.push(text);
    });
  }
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
  if (articleUrl !== null)
    practice(zh ? `阅读原文全文：${articleUrl}` : `Read the full article: ${articleUrl}`, 'computed', []);
  const companion =
    analysis.articles.find((a) => a.id !== article.id && a.sourceType === 'official') ??
    analysis.articles.find((a) => a.id !== article.id);
  if (companion) {
    const title = companion.title ?? publicUrl(companion.url) ?? (zh ? '无标题' : 'untitled');
    practice(
      zh
        ? zhCat('对照', outletOf(companion), `的报道《${title}》${at(publicUrl(companion.url))}`)
        : `Compare with ${possessive(outletOf(companion))} "${title}"${at(publicUrl(companion.url))}`,
      'template',
      [{ articleId: companion.id, field: 'title', start: 0, end: (companion.title ?? '').length }],
    );
  }
  // A human translation carried with the article (folded or a bilingual page): where to read it.
  const translator = translatorOf(article);
  if (translator) {
    const other = article.language === 'zh' ? (zh ? '英文' : 'English') : zh ? '中文' : 'Chinese';
    practice(
      zh
        ? zhCat('阅读', translator.outlet, `的${other}译文${at(translator.url)}`)
        : `Read ${possessive(translator.outlet)} ${other} translation${at(translator.url)}`,
      'computed',
      [],
    );
  }
  // A figure is listed by its surface only when the surface alone says what it is: "3 billion" of
  // "from 3 billion to 400 billion parameters" read alone is a bare count, not 3 billion parameters,
  // and would not be found in the source as the figure it is.
  const saysItself = (f: Figure) => parseFigures(f.surface).some((g) => figuresEqual(g, f));
  const figs = article.understanding.figures.filter(
    (f) =>
      f.kind !== 'year' &&
      saysItself(f) &&
      !analysis.suspectFigures.some((s) => s.value === f.value && s.unit === f.unit),
  );
  const uniqueFigs = [...new Map(figs.map((f) => [`${f.kind}:${f.value}:${f.unit}`, f])).values()].slice(0, 3);
  if (uniqueFigs.length > 0) {
    practice(
      zh
        ? `记下文中的关键数字，留待日后核对：${uniqueFigs.map((f) => f.surface).join('、')}。`
        : `Note the article's key figures to check later: ${uniqueFigs.map((f) => f.surface).join(', ')}.`,
      'template',
      uniqueFigs.map((f) => ({ articleId: article.id, field: 'text' as const, start: f.start, end: f.end })),
    );
  }
  if (inPractice.length < 3)
    practice(
      zh ? '在转述之前，先找到第二个独立来源。' : 'Find a second independent source before you pass it on.',
      'computed',
      [],
    );

  const topics = topicsOf(article, face, human?.title ?? article.title ?? '');
  return {
    schemaVersion: SCHEMA_VERSION,
    language: face,
    bodyLanguage: human || composing ? face : article.language,
    notice:
      article.language === face
        ? null
        : human
          ? labels.noticeHumanTranslation
          : article.language === 'other' && !composing
            ? labels.noticeOtherLanguage
            : composing
              ? labels.noticeUntranslated
              : labels.noticeExtractsOnly,
    articleId: article.id,
    title: human?.title ?? article.title ?? articleUrl ?? (zh ? '无标题' : 'Untitled'),
    url: articleUrl,
    summary,
    keyTakeaway,
    keyInsight,
    principles,
    inPractice,
    topics: topics.length > 0 ? topics : factTopics(facts, face),
    bestFor: story.ranking.audiences.slice(0, 3),
    related: relatedOf(article, analysis.articles, options.library ?? []),
    attribution: attributionOf(article, site, face),
    source: sourceRefOf(article),
    provenance: prov,
  };
}

/**
 * 3-6 tags: the article's named entities by mentions, then its themes (concepts). Places and
 * people are topics only when the title names them (the story is about them).
 */
export function topicsOf(article: ArticleWithSightings, face: Face, title = article.title ?? ''): string[] {
  const counts = new Map<string, { n: number; concept: boolean; name: string; id: string | null }>();
  const inTitle = (e: { surface: string; name: string; entityId: string | null }): boolean => {
    if (title.includes(e.surface) || title.includes(e.name)) return true;
    const g = e.entityId ? GAZETTEER.find((x) => x.id === e.entityId) : undefined;
    return g ? [...g.aliases.en, ...g.aliases.zh].some((a) => a.length > 1 && title.includes(a)) : false;
  };
  for (const e of article.understanding.entities) {
    if ((e.type === 'place' || e.type === 'person') && !inTitle(e)) continue;
    const key = e.entityId ?? `name:${e.name.toLowerCase()}`;
    const entry = counts.get(key) ?? { n: 0, concept: e.type === 'concept', name: e.name, id: e.entityId };
    entry.n++;
    counts.set(key, entry);
  }
  const ranked = [...counts.values()].sort(
    (a, b) => Number(a.concept) - Number(b.concept) || b.n - a.n || (a.name < b.name ? -1 : 1),
  );
  const names = ranked.map((e) => {
    if (face !== 'zh' || !e.id) return e.name;
    const entry = GAZETTEER.find((g) => g.id === e.id);
    return entry?.aliases.zh[0] ?? e.name;
  });
  return [...new Set(names)].slice(0, 6);
}

function relatedOf(
  article: ArticleWithSightings,
  members: readonly ArticleWithSightings[],
  library: readonly ArticleWithSightings[],
): Card['related'] {
  const named = (a: ArticleWithSightings): Set<string> =>
    new Set(a.understanding.entities.filter((e) => e.type !== 'concept' && e.entityId).map((e) => e.entityId!));
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

export function attributionOf(article: ArticleWithSightings, site: string, face: Face): string {
  const outlet = outletOf(article);
  // The feed's title when it adds something, the outlet named once ("Models & Hardware | Kestrel Report").
  const feed = article.feedTitle?.trim() ?? '';
  const origin = feed === '' || feed.includes(outlet) ? feed || outlet : `${feed} | ${outlet}`;
  return face === 'zh'
    ? `编辑摘要、要点与策展：${site}。原文发表于 ${origin}。`
    : `Editorial summary, takeaway, and curation by ${site}. Original article published by ${origin}.`;
}
