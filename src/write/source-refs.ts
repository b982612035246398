// The sources of an output: one entry per article (syndicated copies and reposts are sightings of
// it, not sources of their own), typed as the registry types them, officials first.

import type { ArticleWithSightings } from '../article.js';
import type { ScoredCandidate } from './story-analysis.js';
import type { ProvenanceEntry, SourceRef, SpanRef } from './schemas.js';
import { sourceTypeLabel } from './labels.js';

const TYPE_ORDER = ['Official', 'News', 'Research', 'Blog', 'Social', 'Aggregator'];

export function outletOf(article: ArticleWithSightings): string {
  if (article.outlet) return article.outlet;
  if (article.siteName) return article.siteName;
  try {
    return new URL(article.url).hostname.replace(/^www\./, '');
  } catch {
    return article.url;
  }
}

export function sourceRefOf(article: ArticleWithSightings): SourceRef {
  return {
    articleId: article.id,
    outlet: outletOf(article),
    type: sourceTypeLabel(article.sourceType),
    url: article.url,
    language: article.language,
    title: article.title,
  };
}

export function sourceRefs(articles: readonly ArticleWithSightings[]): SourceRef[] {
  return [...articles]
    .sort(
      (a, b) =>
        TYPE_ORDER.indexOf(sourceTypeLabel(a.sourceType)) - TYPE_ORDER.indexOf(sourceTypeLabel(b.sourceType)) ||
        (a.published ?? '9999').localeCompare(b.published ?? '9999') ||
        (a.id < b.id ? -1 : 1),
    )
    .map(sourceRefOf);
}

export function spanOf(c: ScoredCandidate): SpanRef {
  return { articleId: c.articleId, field: 'text', start: c.start, end: c.end };
}

export function extractEntry(path: string, c: ScoredCandidate): ProvenanceEntry {
  return { path, kind: 'extract', spans: [spanOf(c)] };
}
