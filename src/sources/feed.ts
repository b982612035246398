// Reads a syndication feed (RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed) into our Feed record. Pure: text in,
// record out. Structure errors fail the whole feed; item-level gaps (no link, unreadable date) keep
// the item and are listed in `problems` so the ingester can decide.
import { type AnyFeed, DetectError, parseFeed as feedsmithParse } from 'feedsmith';
import { XMLValidator } from 'fast-xml-parser';
import { assertNever, fail, ok, type Result } from '../errors.js';
import type { DraftFeed, FeedFormat } from './feed-draft.js';
import { normalizeFeedDate } from './feed-date.js';
import { draftFromJsonFeed } from './feed-json.js';
import { draftFromAtom, draftFromRdf, draftFromRss } from './feed-xml.js';
import { resolveBase, resolveLink } from './resolve-link.js';

export type { FeedFormat } from './feed-draft.js';

export interface FeedItem {
  guid: string | null;
  /** Absolute http(s) URL, or null (then `problems` says why). */
  url: string | null;
  /** Plain text: markup stripped, entities decoded. */
  title: string | null;
  /** ISO 8601 UTC, see feed-date.ts for the formats read and the zone assumed when none is given. */
  published: string | null;
  author: string | null;
  /** Plain text. */
  summary: string | null;
  /** The full content as HTML when the feed carries it (content:encoded, Atom content, content_html). */
  contentHtml: string | null;
  language: string | null;
}

export interface Feed {
  format: FeedFormat;
  title: string | null;
  siteUrl: string | null;
  feedUrl: string | null;
  language: string | null;
  items: FeedItem[];
  /** Per-item problems, e.g. 'item 3 ("Title") has no link'. */
  problems: string[];
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
  const draft = readDraft(body, name, options.baseUrl ?? null);
  if (!draft.ok) return draft;
  return ok(finishFeed(draft.value));
}

function readDraft(body: string, name: string, baseUrl: string | null): Result<DraftFeed> {
  if (body.startsWith('{') || body.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (e) {
      return fail('bad_input', `${name}: malformed JSON: ${(e as Error).message}`, name);
    }
    return draftFromJsonFeed(json, name, baseUrl);
  }
  if (!body.startsWith('<')) return fail('bad_input', `${name}: not a feed (neither XML nor JSON)`, name);

  // A bare "&" (as in an unescaped query string) is the commonest feed error and can only mean "&amp;".
  const xml = body.replace(/&(?!#\d+;|#x[0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)/g, '&amp;');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    return fail('bad_input', `${name}: malformed XML at line ${line}, column ${col}: ${msg}`, name);
  }
  let parsed: AnyFeed;
  try {
    // feedsmith keeps only the RDF items listed in the channel's <items> table of contents; publishers
    // often forget to update it, so we drop the table and read every <item>.
    // (Only when a closing tag is there: without one the lazy search would run to the end from every <items.)
    parsed = feedsmithParse(/<(?:\w+:)?RDF[\s>]/.test(xml) && xml.includes('</items>') ? xml.replace(/<items\b[^>]*>[\s\S]*?<\/items>/, '') : xml);
  } catch (e) {
    if (e instanceof DetectError) {
      const root = /<([A-Za-z][\w:.-]*)[\s>/]/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>/g, ''))?.[1];
      return fail('unsupported', `${name}: not an RSS, RDF or Atom feed (root element <${root ?? '?'}>)`, name);
    }
    return fail('bad_input', `${name}: unreadable feed: ${(e as Error).message}`, name);
  }
  switch (parsed.format) {
    case 'rss':
      return ok(draftFromRss(parsed.feed, baseUrl));
    case 'rdf':
      return ok(draftFromRdf(parsed.feed, baseUrl));
    case 'atom':
      return ok(draftFromAtom(parsed.feed, baseUrl));
    case 'json':
      return draftFromJsonFeed(parsed.feed, name, baseUrl);
    default:
      return assertNever(parsed, 'feed format');
  }
}

/** Resolves links and dates and lists what each item lacks. */
function finishFeed(draft: DraftFeed): Feed {
  const problems = [...(draft.problems ?? [])];
  const outerBase = draft.base ?? resolveLink(draft.feedLink) ?? resolveLink(draft.siteLink);
  const items = draft.items.map((d, i): FeedItem => {
    const label = d.title === null ? `item ${i + 1}` : `item ${i + 1} ("${d.title}")`;
    const base = resolveBase(d.base, outerBase);
    let url: string | null = null;
    for (const href of d.links) {
      url = resolveLink(href, base);
      if (url !== null) break;
    }
    if (url === null) {
      const first = d.links[0];
      problems.push(first === undefined ? `${label} has no link` : `${label} has no usable link ("${first}")`);
    }
    const language = d.language ?? draft.language;
    let published: string | null = null;
    if (d.dateRaw !== null) {
      published = normalizeFeedDate(d.dateRaw, { language });
      if (published === null) problems.push(`${label} has an unreadable date "${d.dateRaw}"`);
    }
    return {
      guid: d.guid,
      url,
      title: d.title,
      published,
      author: d.author,
      summary: d.summary,
      contentHtml: d.contentHtml,
      language: d.language,
    };
  });
  return {
    format: draft.format,
    title: draft.title,
    siteUrl: resolveLink(draft.siteLink, outerBase),
    feedUrl: resolveLink(draft.feedLink, outerBase),
    language: draft.language,
    items,
    problems,
  };
}
