// What the writer knows about a story before it writes a word: how widely each entity, figure and
// term is shared across the members (centrality), the key figure, the key entities, the figures
// that are the odd one out in a conflict, and every candidate sentence with its score.

import { translationCredits, type ArticleWithSightings, type Face } from '../article.js';
import type { Ranking } from '../rank/ranking.js';
import type { SourceType } from '../sources/registry.js';
import { parseFigures, figuresEqual, understand, type Figure } from '../understand/understand.js';
import { figureKey, isTelling, sentenceCandidates, type Candidate } from './sentence-candidates.js';

export interface StoryInput {
  readonly storyId: string;
  readonly articles: readonly ArticleWithSightings[];
  readonly ranking: Ranking;
}

export interface ScoredCandidate extends Candidate {
  readonly score: number;
}

export interface KeyFigure {
  readonly key: string;
  readonly figure: Figure;
  /** Articles carrying it. */
  readonly articles: number;
  /** A surface per language, as the sources write it ("300MW", "300 兆瓦"). */
  readonly surfaces: Partial<Record<Face, string>>;
}

export interface StoryAnalysis {
  readonly story: StoryInput;
  /** Members sorted by id: the order every tie falls back to. */
  readonly articles: readonly ArticleWithSightings[];
  readonly candidates: readonly ScoredCandidate[];
  readonly keyFigures: readonly KeyFigure[];
  /** Entity ids by how many members name them (concepts excluded). */
  readonly keyEntities: readonly string[];
  /** Figures that are the odd one out in a ranking.figureConflicts entry. */
  readonly suspectFigures: readonly Figure[];
  readonly languages: ReadonlySet<string>;
  /** Each key entity as the sources write it, per language, with its type. */
  readonly entityInfo: ReadonlyMap<string, EntityInfo>;
}

export interface EntityInfo {
  readonly type: string;
  readonly surfaces: Partial<Record<Face, string>>;
}

const SOURCE_WEIGHT: Record<SourceType, number> = {
  official: 1.25,
  news: 1,
  research: 1,
  blog: 0.8,
  social: 0.6,
  aggregator: 0.4,
};
/** "DENVER, May 9, 2026 —": a press-release dateline reads poorly as a key point. */
const DATELINE = /^[A-Z][A-Z .'-]{2,}, [^—–-]{3,30} [—–-] /u;
const KIND_ORDER: readonly Figure['kind'][] = [
  'money',
  'power',
  'multiplier',
  'percent',
  'rate',
  'quantity',
  'count',
  'year',
];

/**
 * One analysis per story input object: a story's cards (every article, both faces) and posts are
 * written from the same input, and the analysis reads only its articles and ranking (both
 * readonly). The entry is used only while the input still holds the same arrays it was made from.
 */
const analyses = new WeakMap<
  StoryInput,
  { articles: StoryInput['articles']; ranking: Ranking; length: number; analysis: StoryAnalysis }
>();

export function analyseStory(story: StoryInput): StoryAnalysis {
  const hit = analyses.get(story);
  if (hit && hit.articles === story.articles && hit.ranking === story.ranking && hit.length === story.articles.length)
    return hit.analysis;
  const analysis = analyseStoryOnce(story);
  analyses.set(story, { articles: story.articles, ranking: story.ranking, length: story.articles.length, analysis });
  return analysis;
}

function analyseStoryOnce(story: StoryInput): StoryAnalysis {
  const articles = [...story.articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = Math.max(1, articles.length);
  const suspectFigures = suspectFiguresOf(story.ranking);
  const perArticle = articles.map((a) => ({ article: a, cands: sentenceCandidates(a) }));

  // Document frequency: entities and figures across languages, terms within one language.
  const df = new Map<string, number>();
  const bump = (key: string): void => void df.set(key, (df.get(key) ?? 0) + 1);
  const langCount = new Map<string, number>();
  for (const { article, cands } of perArticle) {
    langCount.set(article.language, (langCount.get(article.language) ?? 0) + 1);
    const keys = new Set<string>();
    for (const c of cands) {
      for (const e of c.entities) keys.add(`e:${e}`);
      for (const e of c.concepts) keys.add(`c:${e}`);
      for (const f of c.figureKeys) keys.add(`f:${f}`);
      for (const t of c.terms) keys.add(`t:${article.language}:${t}`);
    }
    keys.forEach(bump);
  }
  // Shared with how many of the other members; a lone article gives every feature a flat half.
  const share = (key: string): number => (n === 1 ? 0.5 : Math.max(0, (df.get(key) ?? 0) - 1) / (n - 1));
  const independent = new Set(story.ranking.independentPublishers.map((p) => p.toLowerCase()));

  const candidates: ScoredCandidate[] = [];
  for (const { article, cands } of perArticle) {
    const nLang = Math.max(1, langCount.get(article.language) ?? 1);
    let weight = article.sourceType ? SOURCE_WEIGHT[article.sourceType] : 0.8;
    if (independent.size > 0 && article.outlet && !independent.has(article.outlet.toLowerCase())) weight *= 0.7;
    for (const c of cands) {
      if (c.unusable) continue;
      if (c.figures.some((f) => suspectFigures.some((s) => figuresEqual(f, s)))) continue;
      let central = 0;
      for (const e of c.entities) central += share(`e:${e}`);
      for (const e of c.concepts) central += 0.3 * share(`c:${e}`);
      for (const f of c.figureKeys) central += 1.5 * share(`f:${f}`);
      let termShare = 0;
      for (const t of c.terms) termShare += Math.max(0, ((df.get(`t:${article.language}:${t}`) ?? 0) - 1) / nLang);
      central += Math.min(1.5, 0.25 * termShare);
      // Long sentences collect features by length alone; a square root keeps them honest.
      const size = Math.sqrt(1 + c.entities.length + c.figureKeys.length + c.concepts.length / 2);
      let score = (2 * central) / size + 1 / (1 + c.index) + (c.hasQuote ? 0.15 : 0);
      if (DATELINE.test(c.text)) score *= 0.8;
      if (c.dangling) score *= 0.5;
      candidates.push({ ...c, score: round(score * weight) });
    }
  }

  const keyFigures = keyFiguresOf(
    perArticle.map((p) => ({ article: p.article, cands: p.cands })),
    suspectFigures,
  );
  const keyEntities = [...df.entries()]
    .filter(([k]) => k.startsWith('e:'))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k]) => k.slice(2));
  return {
    story,
    articles,
    candidates,
    keyFigures,
    keyEntities,
    suspectFigures,
    languages: new Set(articles.map((a) => a.language)),
    entityInfo: entityInfoOf(articles),
  };
}

/** The minority variant of each conflict; on a tie every variant is suspect (we cannot tell). */
export function suspectFiguresOf(ranking: Ranking): Figure[] {
  const out: Figure[] = [];
  for (const conflict of ranking.figureConflicts) {
    const counts = conflict.variants.map((v) => v.sources.length);
    const most = Math.max(0, ...counts);
    const tie = counts.filter((c) => c === most).length > 1;
    for (const v of conflict.variants) {
      if (!tie && v.sources.length === most) continue;
      out.push(...parseFigures(v.surface));
    }
  }
  return out;
}

function keyFiguresOf(
  members: ReadonlyArray<{ article: ArticleWithSightings; cands: readonly Candidate[] }>,
  suspect: readonly Figure[],
): KeyFigure[] {
  const byKey = new Map<string, { figure: Figure; articles: Set<string>; surfaces: Partial<Record<Face, string>> }>();
  // A figure a title carries is the headline's figure: each title that says it counts as one more
  // article ("Anthropic books all 300MW …" over the 1GW the whole campus may reach).
  const inTitles = new Map<string, number>();
  for (const { article } of members) {
    const keys = new Set(
      parseFigures(article.title ?? '')
        .filter(isTelling)
        .map(figureKey),
    );
    for (const k of keys) inTitles.set(k, (inTitles.get(k) ?? 0) + 1);
  }
  for (const { article, cands } of members) {
    for (const c of cands) {
      if (c.unusable) continue;
      for (const f of c.figures) {
        if (!isTelling(f) || suspect.some((s) => figuresEqual(f, s))) continue;
        const key = figureKey(f);
        const entry = byKey.get(key) ?? { figure: f, articles: new Set<string>(), surfaces: {} };
        entry.articles.add(article.id);
        const lang = article.language === 'zh' ? 'zh' : article.language === 'en' ? 'en' : null;
        if (lang && entry.surfaces[lang] === undefined) entry.surfaces[lang] = f.surface;
        byKey.set(key, entry);
      }
    }
  }
  return [...byKey.entries()]
    .map(([key, e]) => ({ key, figure: e.figure, articles: e.articles.size, surfaces: e.surfaces }))
    .sort(
      (a, b) =>
        b.articles + (inTitles.get(b.key) ?? 0) - (a.articles + (inTitles.get(a.key) ?? 0)) ||
        b.articles - a.articles ||
        KIND_ORDER.indexOf(a.figure.kind) - KIND_ORDER.indexOf(b.figure.kind) ||
        b.figure.value - a.figure.value ||
        (a.key < b.key ? -1 : 1),
    );
}

/** The members a face writes from: its own language when there is any coverage in it. */
export function facePool(
  analysis: StoryAnalysis,
  face: Face,
): { language: Face | 'other'; translated: boolean; articleIds: ReadonlySet<string> } {
  const inFace = analysis.articles.filter((a) => a.language === face);
  if (inFace.length > 0) return { language: face, translated: false, articleIds: new Set(inFace.map((a) => a.id)) };
  const other: Face = face === 'en' ? 'zh' : 'en';
  const inOther = analysis.articles.filter((a) => a.language === other);
  if (inOther.length > 0) return { language: other, translated: true, articleIds: new Set(inOther.map((a) => a.id)) };
  return { language: 'other', translated: true, articleIds: new Set(analysis.articles.map((a) => a.id)) };
}

/**
 * The article's human translation into `face` as an article of its own (a bilingual page's other
 * side, or a recognised translation folded into it), or null when it has none. Its id is
 * "<id>#<face>", as the verifier's source for that text (src/verify/sources-of.ts); its URL
 * and outlet are the translation's own when a translation sighting names them.
 */
export function humanTranslationView(article: ArticleWithSightings, face: Face): ArticleWithSightings | null {
  const page = article.bilingual;
  if (page === null || article.language === face || article.language === 'other') return null;
  const paragraphs = page.pairs.map((p) => p[face].trim()).filter((p) => p.length > 0);
  if (paragraphs.length === 0) return null;
  const text = paragraphs.join('\n\n');
  const u = understand(text);
  const translated = translationCredits(article.sightings)[0];
  return {
    ...article,
    id: `${article.id}#${face}`,
    language: face,
    title: (face === 'zh' ? page.titleZh : page.titleEn) ?? article.title,
    paragraphs,
    text,
    bilingual: null,
    url: translated?.url ?? article.url,
    outlet: translated?.outlet ?? article.outlet,
    understanding: { sentences: u.sentences, entities: u.entities, figures: u.figures, quotes: u.quotes },
  };
}

function entityInfoOf(articles: readonly ArticleWithSightings[]): Map<string, EntityInfo> {
  const out = new Map<string, { type: string; surfaces: Partial<Record<Face, string>> }>();
  for (const a of articles) {
    const lang = a.language === 'zh' ? 'zh' : a.language === 'en' ? 'en' : null;
    for (const e of a.understanding.entities) {
      if (e.type === 'concept') continue;
      const id = e.entityId ?? `name:${e.name.toLowerCase()}`;
      const info = out.get(id) ?? { type: e.type, surfaces: {} };
      // The first mention in the language, unless a longer one (the full name) comes later.
      const current = lang ? info.surfaces[lang] : undefined;
      if (lang && (current === undefined || (e.surface.length > current.length && /^\p{Lu}/u.test(e.surface))))
        info.surfaces[lang] = e.surface;
      out.set(id, info);
    }
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
