// The Article record: one piece of coverage, stored once however many places it was seen.
// Every stage after ingest reads articles; the store is the only writer.

import type { BilingualPage } from './extract/extract.js';
import type { EntityMention, Figure, Quote } from './understand/understand.js';
import type { Span } from './text/sentences.js';
import type { SourceType } from './sources/registry.js';
import type { DateSource } from './extract/dating.js';

/** The two languages Tidings reads and writes: an edition's face, a text's language, a search's language. */
export type Face = 'en' | 'zh';
export const FACES: readonly Face[] = ['en', 'zh'];
/** An article's detected language: one of the faces, or neither. */
export type ArticleLanguage = Face | 'other';

/** How a sighting relates to the article it was folded into. */
export const SIGHTING_RELATIONS = [
  'original', // the first place the article was seen
  'same-url', // the same URL again (another feed, tracking parameters, a re-run)
  'canonical', // a page whose rel=canonical names the article's URL (syndicated copy)
  'exact-copy', // the same normalised text at another URL
  'near-duplicate', // near-identical text at another URL (repost with another header/footer)
  'translation', // a bilingual or translated version of the article
] as const;
export type SightingRelation = (typeof SIGHTING_RELATIONS)[number];

export interface Sighting {
  readonly url: string;
  readonly relation: SightingRelation;
  readonly outlet: string | null;
  readonly sourceId: string | null;
  readonly sourceType: SourceType | null;
  readonly feedTitle: string | null;
  /** The input the sighting came through: feed URL, file path, URL list. */
  readonly via: string | null;
  readonly seenAt: string;
}

/**
 * Who translated an article, for credit: its 'translation' sightings, one per outlet (or per URL
 * where no outlet is known), a web address before a local path (a page ingested from a file is
 * credited by its own public address when it stated one).
 */
export function translationCredits(sightings: readonly Sighting[]): Sighting[] {
  const web = (s: Sighting) => (/^https?:/i.test(s.url) ? 0 : 1);
  const ordered = sightings.filter((s) => s.relation === 'translation').sort((a, b) => web(a) - web(b));
  const seen = new Set<string>();
  return ordered.filter((s) => {
    const key = s.outlet ?? s.url;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The address a reader can open: the URL when it is http(s); null for anything else. A local file's
 * path is the user's business: it is never published (site, feeds, API, exports) nor sent to a model.
 */
export function publicUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  return /^https?:\/\//i.test(url.trim()) ? url.trim() : null;
}

/** What an article with neither an outlet, a site name nor a web address is called. */
export const LOCAL_FILE_OUTLET = 'Local file';

/**
 * What to call an article's publisher: its outlet (the registry's name), else the site name the page
 * gives, else its web host; a local file with none of these is LOCAL_FILE_OUTLET, never its path.
 */
export function outletName(a: {
  readonly outlet: string | null;
  readonly siteName: string | null;
  readonly url: string;
}): string {
  const named = (a.outlet ?? '').trim() || (a.siteName ?? '').trim();
  if (named !== '') return named;
  const web = publicUrl(a.url);
  if (web !== null) {
    try {
      const host = new URL(web).hostname.replace(/^www\./, '');
      if (host !== '') return host;
    } catch {
      // not a parseable address: fall through
    }
  }
  return LOCAL_FILE_OUTLET;
}

/**
 * An article as it may be published (the API): web addresses kept, local paths removed from its
 * address and its sightings (a sighting read from a file keeps its outlet and time, not its path).
 */
export function publishedArticle<A extends ArticleWithSightings>(
  article: A,
): Omit<A, 'url' | 'sightings'> & {
  url: string | null;
  sightings: Array<Omit<Sighting, 'url' | 'via'> & { url: string | null; via: string | null }>;
} {
  return {
    ...article,
    url: publicUrl(article.url),
    sightings: article.sightings.map((s) => ({
      ...s,
      url: publicUrl(s.url),
      via: s.via === null ? null : publicUrl(s.via),
    })),
  };
}

export interface ArticleUnderstanding {
  readonly sentences: readonly Span[];
  readonly entities: readonly EntityMention[];
  readonly figures: readonly Figure[];
  readonly quotes: readonly Quote[];
}

export interface Article {
  readonly id: string;
  /** The article's own address: rel=canonical when given, else the URL it was first seen at. */
  readonly url: string;
  readonly title: string | null;
  readonly byline: string | null;
  /** When it was published, from its own evidence (`dateSource`); null when nothing dates it. */
  readonly published: string | null;
  /**
   * What gave `published`: 'page' (the page's or file's own metadata), 'feed', 'url' (a date in its
   * address), 'dateline' (a visible date near the title), or 'seen' (nothing: published is null and
   * its day is the day it was ingested). Absent for a dated article stored before this was recorded
   * (store migration 7).
   */
  readonly dateSource?: DateSource | null;
  readonly language: ArticleLanguage;
  /** Substantial text in both English and Chinese (a bilingual page, a mixed post). */
  readonly mixed: boolean;
  readonly siteName: string | null;
  readonly outlet: string | null;
  readonly sourceId: string | null;
  readonly sourceType: SourceType | null;
  readonly feedTitle: string | null;
  readonly leadImage: string | null;
  readonly description: string | null;
  readonly paragraphs: readonly string[];
  /** paragraphs joined by blank lines; spans in `understanding` index into this. */
  readonly text: string;
  readonly bilingual: BilingualPage | null;
  readonly fingerprint: string;
  /** MinHash signature of the text (hex), for near-duplicate checks. */
  readonly signature: string;
  readonly understanding: ArticleUnderstanding;
  readonly ingestedAt: string;
  /**
   * The text is the feed's own summary (or short content) of the item, because its page could not
   * be fetched; absent for an article read from its page.
   */
  readonly fromFeedSummary?: boolean;
}

export interface ArticleWithSightings extends Article {
  readonly sightings: readonly Sighting[];
}
