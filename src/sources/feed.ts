// Reads a syndication feed (RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed) into our Feed record. Pure: text in,
// record out. XML errors do not reject the feed: every complete item is read, and each error is listed
// in `problems` with its line and column; items the document cut off are dropped and listed too.
// Item-level gaps (no link, unreadable date) keep the item and are listed in `problems`.
import { fail, ok, type Result } from '../errors.js';
import type { DraftFeed, FeedFormat, FeedTextField } from './feed-draft.js';
import { normalizeFeedDate } from './feed-date.js';
import { draftFromJsonFeed } from './feed-json.js';
import { draftFromXml } from './feed-xml.js';
import { resolveBase, resolveLink } from './resolve-link.js';
import { parseXml } from './xml-tree.js';

export type { FeedFormat, FeedTextField } from './feed-draft.js';

export interface FeedItem {
  guid: string | null;
  /** Absolute http(s) URL, or null (then `problems` says why). */
  url: string | null;
  /** Plain text: markup stripped, entities decoded. */
  title: string | null;
  /** ISO 8601 UTC, see feed-date.ts for the formats read and the zone assumed when none is given. The updated date when the item gives no other. */
  published: string | null;
  /** ISO 8601 UTC: when the item says it was last updated. */
  updated: string | null;
  author: string | null;
  /** Plain text. */
  summary: string | null;
  /** The full content as HTML when the feed carries it (content:encoded, Atom content, content_html). */
  contentHtml: string | null;
  language: string | null;
  /**
   * Text fields the item carries with no text in them (an image-only title, an empty description):
   * null above like absent ones, listed here so a reader of the feed can tell "empty" from "absent".
   */
  emptyFields?: readonly FeedTextField[];
}

export interface Feed {
  format: FeedFormat;
  title: string | null;
  /** The feed has a title element with no text in it (`title` is then null). */
  titleEmpty?: boolean;
  siteUrl: string | null;
  feedUrl: string | null;
  language: string | null;
  items: FeedItem[];
  /** XML errors ("line 4, column 7: ..."), lost items and per-item problems, e.g. 'item 3 ("Title") has no link'. */
  problems: string[];
  /** False when the XML had errors (listed in `problems`); the feed was read around them. */
  wellFormed: boolean;
  /** Items dropped because the document cut them off (each also in `problems`). */
  lost: number;
  /** The XML errors read around, "line 4, column 7: ..." (also in `problems`). */
  xmlProblems: string[];
  /** One message per item dropped because the document cut it off (also in `problems`). */
  lostItems: string[];
  /** True when the document ends inside an element: items after the cut, if any, were never seen. */
  truncated: boolean;
}

export interface ParseFeedOptions {
  /** The URL the feed was fetched from; relative links resolve against it (after any xml:base). */
  baseUrl?: string;
  /** Names the feed in messages (a URL or file name). */
  name?: string;
}

export function parseFeed(text: string, options: ParseFeedOptions = {}): Result<Feed> {
  const name = options.name ?? options.baseUrl ?? 'feed';
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') return fail('empty_input', `${name}: the feed is empty`, name);
  const baseUrl = options.baseUrl ?? null;
  if (body.startsWith('{') || body.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (e) {
      return fail('bad_input', `${name}: malformed JSON: ${(e as Error).message}`, name);
    }
    const draft = draftFromJsonFeed(json, name, baseUrl);
    if (!draft.ok) return draft;
    return ok(finishFeed(draft.value, { xmlProblems: [], lostItems: [], truncated: false }));
  }
  if (!body.startsWith('<')) return fail('bad_input', `${name}: not a feed (neither XML nor JSON)`, name);
  // Unlike `body`, not trimmed at the start: line numbers in problems are the file's.
  const doc = parseXml(text.replace(/^\uFEFF/, ''));
  const read = draftFromXml(doc, name, baseUrl);
  if (!read.ok) {
    // Say what was wrong with the XML too when it explains why nothing was found.
    const first = doc.problems[0];
    return first === undefined || doc.root !== null
      ? read
      : fail(read.code, `${read.message} (line ${first.line}, column ${first.column}: ${first.message})`, name);
  }
  const xmlProblems = doc.problems.map((p) => `line ${p.line}, column ${p.column}: ${p.message}`);
  const truncated = doc.problems.some((p) => p.message.startsWith('the document ends inside'));
  return ok(finishFeed(read.value.draft, { xmlProblems, lostItems: [...read.value.lost], truncated }));
}

/** Resolves links and dates and lists what each item lacks. */
function finishFeed(draft: DraftFeed, xml: { xmlProblems: string[]; lostItems: string[]; truncated: boolean }): Feed {
  const problems = [...xml.xmlProblems, ...xml.lostItems, ...(draft.problems ?? [])];
  const outerBase = draft.base ?? resolveLink(draft.feedLink) ?? resolveLink(draft.siteLink);
  const items = draft.items.map((d, i): FeedItem => {
    const label = d.title === null ? `item ${i + 1}` : `item ${i + 1} ("${d.title}")`;
    const base = resolveBase(d.base, outerBase);
    let url: string | null = null;
    for (const href of d.links) {
      url = resolveLink(href, base);
      if (url !== null) break;
    }
    const empty =
      d.guid === null &&
      d.links.length === 0 &&
      d.title === null &&
      d.summary === null &&
      d.contentHtml === null &&
      d.dateRaw === null;
    if (empty) problems.push(`item ${i + 1} has no title, link, id, date, summary or content`);
    if (url === null && !empty) {
      const first = d.links[0];
      problems.push(first === undefined ? `${label} has no link` : `${label} has no usable link ("${first}")`);
    }
    const language = d.language ?? draft.language;
    let published: string | null = null;
    if (d.dateRaw !== null) {
      published = normalizeFeedDate(d.dateRaw, { language });
      if (published === null) problems.push(`${label} has an unreadable date "${d.dateRaw}"`);
    }
    let updated: string | null = null;
    if (d.updatedRaw !== null) {
      updated = d.updatedRaw === d.dateRaw ? published : normalizeFeedDate(d.updatedRaw, { language });
      if (updated === null && d.updatedRaw !== d.dateRaw)
        problems.push(`${label} has an unreadable updated date "${d.updatedRaw}"`);
    }
    return {
      guid: d.guid,
      url,
      title: d.title,
      published,
      updated,
      author: d.author,
      summary: d.summary,
      contentHtml: d.contentHtml,
      language: d.language,
      ...(d.emptyFields !== undefined && d.emptyFields.length > 0 ? { emptyFields: d.emptyFields } : {}),
    };
  });
  return {
    format: draft.format,
    title: draft.title,
    ...(draft.titleEmpty === true && draft.title === null ? { titleEmpty: true } : {}),
    siteUrl: resolveLink(draft.siteLink, outerBase),
    feedUrl: resolveLink(draft.feedLink, outerBase),
    language: draft.language,
    items,
    problems,
    wellFormed: xml.xmlProblems.length === 0,
    lost: xml.lostItems.length,
    xmlProblems: xml.xmlProblems,
    lostItems: xml.lostItems,
    truncated: xml.truncated,
  };
}
