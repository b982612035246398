// What a format reader hands to parseFeed before links are resolved and dates normalised: one place
// (finishFeed in feed.ts) then applies the same rules and problem messages to every format.

export type FeedFormat = 'rss2' | 'rdf' | 'atom' | 'jsonfeed';

/** The text fields a feed may carry present but with no text (an `<img>`-only title, an empty `<description/>`). */
export type FeedTextField = 'title' | 'summary' | 'content' | 'author';

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
  /** Fields whose element is there but holds no text (their value above is null). */
  readonly emptyFields?: readonly FeedTextField[];
}

export interface DraftFeed {
  readonly format: FeedFormat;
  readonly title: string | null;
  readonly siteLink: string | null;
  readonly feedLink: string | null;
  readonly base: string | null;
  readonly language: string | null;
  readonly items: readonly DraftItem[];
  /** True when the feed has a title element with no text (`title` is then null). */
  readonly titleEmpty?: boolean;
  /** Problems found while reading the format, e.g. an item that is not an object. */
  readonly problems?: readonly string[];
}

/** The fields of `present` whose element exists (non-null) while the value read from it is null. */
export function emptyFieldsOf(
  present: Partial<Record<FeedTextField, [element: unknown, value: string | null]>>,
): FeedTextField[] {
  const out: FeedTextField[] = [];
  for (const [field, pair] of Object.entries(present) as Array<[FeedTextField, [unknown, string | null]]>) {
    if (pair[0] !== null && pair[0] !== undefined && pair[1] === null) out.push(field);
  }
  return out;
}

/** Trimmed text, or null when absent or blank. */
export function nonBlank(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const t = value.trim();
  return t === '' ? null : t;
}
