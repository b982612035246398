// The sources of an output: one entry per article (syndicated copies and reposts are sightings of
// it, not sources of their own), typed as the registry types them, officials first.

import { outletName, publicUrl, translationCredits, type ArticleWithSightings, type Sighting } from '../article.js';
import type { ScoredCandidate } from './story-analysis.js';
import type { ProvenanceEntry, SourceRef, SpanRef } from './schemas.js';
import { sourceTypeLabel } from './labels.js';

const TYPE_ORDER = ['Official', 'News', 'Research', 'Blog', 'Social', 'Aggregator'];

export function outletOf(article: ArticleWithSightings): string {
  return outletName(article);
}

export function sourceRefOf(article: ArticleWithSightings): SourceRef {
  return {
    articleId: article.id,
    outlet: outletOf(article),
    type: sourceTypeLabel(article.sourceType),
    url: publicUrl(article.url),
    language: article.language,
    title: article.title,
    ...(article.fromFeedSummary === true ? { fromFeedSummary: true as const } : {}),
  };
}

/**
 * One entry per article, and after it, for an article that carries another outlet's translation
 * (a folded translation or a bilingual page credited to a translator), that translation: what the
 * other face quotes is its text, so it is a source too, marked as a translation, not independent.
 */
export function sourceRefs(articles: readonly ArticleWithSightings[]): SourceRef[] {
  return [...articles]
    .sort(
      (a, b) =>
        TYPE_ORDER.indexOf(sourceTypeLabel(a.sourceType)) - TYPE_ORDER.indexOf(sourceTypeLabel(b.sourceType)) ||
        (a.published ?? '9999').localeCompare(b.published ?? '9999') ||
        (a.id < b.id ? -1 : 1),
    )
    .flatMap((a) => [sourceRefOf(a), ...translationRefsOf(a)]);
}

/**
 * The outlet whose human translation the article carries (a folded translation or a bilingual page
 * credited to a translator other than the article's own outlet), with the address to read it.
 */
export function translatorOf(
  article: ArticleWithSightings,
): { outlet: string; url: string | null; sourceType: Sighting['sourceType'] } | null {
  if (article.bilingual === null || article.language === 'other') return null;
  const s = translationCredits(article.sightings).find((x) => x.outlet !== null && x.outlet !== outletOf(article));
  return s ? { outlet: s.outlet!, url: publicUrl(s.url), sourceType: s.sourceType } : null;
}

function translationRefsOf(article: ArticleWithSightings): SourceRef[] {
  const translator = translatorOf(article);
  if (translator === null) return [];
  const side = article.language === 'zh' ? 'en' : 'zh';
  return [
    {
      // The id the verifier gives the translated side (src/verify/sources-of.ts).
      articleId: `${article.id}#${side}`,
      outlet: translator.outlet,
      type: sourceTypeLabel(translator.sourceType),
      url: translator.url,
      language: side,
      title: (side === 'zh' ? article.bilingual!.titleZh : article.bilingual!.titleEn) ?? null,
      translationOf: article.id,
    },
  ];
}

export function spanOf(c: ScoredCandidate): SpanRef {
  return { articleId: c.articleId, field: 'text', start: c.start, end: c.end };
}

export function extractEntry(path: string, c: ScoredCandidate): ProvenanceEntry {
  return { path, kind: 'extract', spans: [spanOf(c)] };
}
