// What the site is built from: the written edition records, gathered from the store and written
// by the pipeline (src/pipeline/site-edition.ts) and handed to publishSite, or made up by a test.
// The core (build-site.ts) turns these into pages without touching the store or a writer.

import type { ArticleWithSightings } from '../../article.js';
import type { Failure } from '../../errors.js';
import type { Ranking } from '../../rank/ranking.js';
import type { Story } from '../../stories/story.js';
import type { Translation } from '../../translate/translate.js';
import type { Card, Digest, DigestItem, Post } from '../../write/schemas.js';

export interface Faced<T> {
  readonly en: T;
  readonly zh: T;
}

export interface SiteDay {
  readonly date: string;
  readonly digest: Faced<Digest>;
}

export interface SiteStory {
  readonly story: Story;
  readonly ranking: Ranking | null;
  /** The story's item in the digest of its latest day, in each face (null when not in a digest). */
  readonly item: Faced<DigestItem | null>;
  readonly post: Faced<Post | null>;
  /** Days whose digest carries the story, newest first. */
  readonly days: readonly string[];
}

export interface SiteArticle {
  readonly article: ArticleWithSightings;
  readonly storyId: string | null;
  readonly card: Faced<Card | null>;
  /**
   * A model's translation into the other language, kept from `tidings run` or `tidings translate`;
   * the reader shows it, marked as such, only where the article has no human translation.
   */
  readonly machineTranslation?: Translation | null;
}

export interface SiteInput {
  /** Newest first. */
  readonly days: readonly SiteDay[];
  readonly stories: readonly SiteStory[];
  readonly articles: readonly SiteArticle[];
  /** The site's name in page titles and attributions. */
  readonly siteName?: string;
  /** Absolute base URL of the published site (canonical links); relative links work without it. */
  readonly baseUrl?: string;
}

/** A document for the search index (src/publish/search), one per page worth finding. */
/** The written editions as the site receives them, with what was left out. */
export interface Gathered {
  readonly input: SiteInput;
  /** Items left out, each with its reason. */
  readonly failures: readonly Failure[];
}

export type { SearchDoc } from '../search/write-search.js';

export type PageKind =
  | 'chooser'
  | 'home'
  | 'day'
  | 'archive'
  | 'story'
  | 'card'
  | 'article'
  | 'topics'
  | 'topic'
  | 'audience'
  | 'search'
  | 'asset';

export interface Page {
  /** Relative to the site root, with forward slashes. */
  readonly path: string;
  readonly kind: PageKind;
  readonly body: string;
}
