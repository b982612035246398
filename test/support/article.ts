// The one builder of Article records for tests. Every field has a plain default and any field can
// be overridden; what a test cares about is what it passes. Fixtures with their own vocabulary
// (an outlet and a type, copies seen elsewhere) turn it into overrides and call this.

import type { ArticleUnderstanding, ArticleWithSightings, Sighting } from '../../src/article.js';
import type { ArticleToPlace } from '../../src/stories/story-archive.js';
import { understand } from '../../src/understand/understand.js';

export type ArticleOverrides = Partial<ArticleWithSightings>;

export const NO_UNDERSTANDING: ArticleUnderstanding = { sentences: [], entities: [], figures: [], quotes: [] };

/**
 * An article: id 'a1' at https://news.example/<id>, English, untitled, undated, no text, a news
 * source, fingerprint 'fp-<id>', ingested 2026-05-10 12:00 UTC. `text` defaults to the paragraphs
 * joined by blank lines, and `sightings` to one 'original' sighting of its URL, outlet and source,
 * seen when it was ingested.
 */
export function article(over: ArticleOverrides = {}): ArticleWithSightings {
  const id = over.id ?? 'a1';
  const url = over.url ?? `https://news.example/${id}`;
  const paragraphs = over.paragraphs ?? [];
  const base: Omit<ArticleWithSightings, 'sightings'> = {
    id,
    url,
    title: null,
    byline: null,
    published: null,
    language: 'en',
    mixed: false,
    siteName: null,
    outlet: null,
    sourceId: null,
    sourceType: 'news',
    feedTitle: null,
    leadImage: null,
    description: null,
    paragraphs,
    text: paragraphs.join('\n\n'),
    bilingual: null,
    fingerprint: `fp-${id}`,
    signature: '',
    understanding: NO_UNDERSTANDING,
    ingestedAt: '2026-05-10T12:00:00.000Z',
    ...over,
  };
  const sightings = over.sightings ?? [sightingOf(base)];
  return { ...base, sightings };
}

/** As `article`, with `understanding` from the real understand() of its text and title. */
export function understoodArticle(over: ArticleOverrides = {}): ArticleWithSightings {
  const a = article(over);
  if (over.understanding !== undefined) return a;
  const u = understand(a.text, { title: a.title ?? undefined });
  return {
    ...a,
    understanding: { sentences: u.sentences, entities: u.entities, figures: u.figures, quotes: u.quotes },
  };
}

/** The 'original' sighting of an article: its URL, outlet and source, seen when it was ingested. */
export function sightingOf(
  a: Pick<ArticleWithSightings, 'url' | 'outlet' | 'sourceId' | 'sourceType' | 'feedTitle' | 'ingestedAt'>,
  over: Partial<Sighting> = {},
): Sighting {
  return {
    url: a.url,
    relation: 'original',
    outlet: a.outlet,
    sourceId: a.sourceId,
    sourceType: a.sourceType,
    feedTitle: a.feedTitle,
    via: null,
    seenAt: a.ingestedAt,
    ...over,
  };
}

/**
 * A story-placement fixture (what grouping reads of an article) as the stored article it stands for:
 * its text as paragraphs, its entities and figures, and the signature given (the fingerprint the
 * store keeps; placement does not read it).
 */
export function placedArticle(a: ArticleToPlace, signature = ''): ArticleWithSightings {
  return article({
    ...a,
    paragraphs: a.text.split('\n\n'),
    signature,
    understanding: {
      ...NO_UNDERSTANDING,
      entities: [...a.understanding.entities],
      figures: [...a.understanding.figures],
    },
  });
}

/** The 'original' sighting of a story-placement fixture (it names no source entry or feed). */
export function placedSighting(a: ArticleToPlace): Sighting {
  return sightingOf({ ...a, sourceId: null, feedTitle: null });
}
