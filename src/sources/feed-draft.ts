// What a format reader hands to parseFeed before links are resolved and dates normalised: one place
// (finishFeed in feed.ts) then applies the same rules and problem messages to every format.

export type FeedFormat = 'rss2' | 'rdf' | 'atom' | 'jsonfeed';

export interface DraftItem {
  readonly guid: string | null;
  /** Candidate links, best first; the first that resolves to http(s) wins. */
  readonly links: readonly string[];
  /** Base for relative links (xml:base of the entry, else of the feed), before the caller's base. */
  readonly base: string | null;
  readonly title: string | null;
  /** The published date as written (or, when the item has none, its updated date). */
  readonly dateRaw: string | null;
  /** The last-updated date as written. */
  readonly updatedRaw: string | null;
  readonly author: string | null;
  readonly summary: string | null;
  readonly contentHtml: string | null;
  readonly language: string | null;
}

export interface DraftFeed {
  readonly format: FeedFormat;
  readonly title: string | null;
  readonly siteLink: string | null;
  readonly feedLink: string | null;
  readonly base: string | null;
  readonly language: string | null;
  readonly items: readonly DraftItem[];
  /** Problems found while reading the format, e.g. an item that is not an object. */
  readonly problems?: readonly string[];
}

/** Trimmed text, or null when absent or blank. */
export function nonBlank(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const t = value.trim();
  return t === '' ? null : t;
}
