// Maps feedsmith's parse of RSS 2.0, RSS 1.0 (RDF) and Atom onto our draft feed. feedsmith decodes
// entities and CDATA; we choose links, authors and dates and turn titles into plain text.
import type { AtomFeed, RdfFeed, RssFeed } from 'feedsmith';
import { type DraftFeed, type DraftItem, nonBlank } from './feed-draft.js';
import { resolveBase } from './resolve-link.js';
import { escapeHtml, stripMarkup, textToHtml } from './strip-markup.js';

type Rss = RssFeed.Feed<string>;
type Rdf = RdfFeed.Feed<string>;
type Atom = AtomFeed.Feed<string>;
type AtomText = AtomFeed.Text | AtomFeed.Content;
type AtomLink = AtomFeed.Link<string>;

/** Plain text of an HTML fragment, or null if nothing is left. */
function plain(html: string | null | undefined): string | null {
  const t = nonBlank(html);
  return t === null ? null : nonBlank(stripMarkup(t));
}

function selfLink(links: readonly AtomLink[] | undefined): string | null {
  return nonBlank(links?.find((l) => l.rel === 'self')?.href);
}

export function draftFromRss(feed: Rss, baseUrl: string | null): DraftFeed {
  const siteLink = nonBlank(feed.link);
  const base = resolveBase(feed.xml?.base, baseUrl ?? siteLink);
  const items = (feed.items ?? []).map((item): DraftItem => {
    const guid = nonBlank(item.guid?.value);
    const links: string[] = [];
    const link = nonBlank(item.link);
    if (link !== null) links.push(link);
    // A guid is a permalink unless it says isPermaLink="false" (the RSS 2.0 default is true).
    if (guid !== null && item.guid?.isPermaLink !== false) links.push(guid);
    for (const l of item.atom?.links ?? []) if ((!l.rel || l.rel === 'alternate') && l.href) links.push(l.href);
    const person = item.authors?.[0];
    return {
      guid,
      links,
      base: resolveBase(item.xml?.base, base),
      title: plain(item.title ?? item.dc?.titles?.[0]),
      dateRaw: nonBlank(item.pubDate ?? item.dc?.dates?.[0] ?? item.dcterms?.modified),
      author: nonBlank(item.dc?.creators?.[0]) ?? nonBlank(person?.name) ?? nonBlank(person?.email),
      summary: plain(item.description),
      contentHtml: nonBlank(item.content?.encoded),
      language: nonBlank(item.dc?.languages?.[0]),
    };
  });
  return {
    format: 'rss2',
    title: plain(feed.title),
    siteLink,
    feedLink: selfLink(feed.atom?.links),
    base,
    language: nonBlank(feed.language) ?? nonBlank(feed.dc?.languages?.[0]),
    items,
  };
}

export function draftFromRdf(feed: Rdf, baseUrl: string | null): DraftFeed {
  const siteLink = nonBlank(feed.link);
  const base = resolveBase(feed.xml?.base, baseUrl ?? siteLink);
  const items = (feed.items ?? []).map((item): DraftItem => {
    const about = nonBlank(item.rdf?.about);
    const links = [item.link, about].filter((l): l is string => nonBlank(l) !== null);
    return {
      guid: about ?? nonBlank(item.dc?.identifiers?.[0]),
      links,
      base: resolveBase(item.xml?.base, base),
      title: plain(item.title ?? item.dc?.titles?.[0]),
      dateRaw: nonBlank(item.dc?.dates?.[0] ?? item.dcterms?.modified),
      author: nonBlank(item.dc?.creators?.[0]),
      summary: plain(item.description ?? item.dc?.descriptions?.[0]),
      contentHtml: nonBlank(item.content?.encoded),
      language: nonBlank(item.dc?.languages?.[0]),
    };
  });
  return {
    format: 'rdf',
    title: plain(feed.title),
    siteLink,
    feedLink: selfLink(feed.atom?.links),
    base,
    language: nonBlank(feed.dc?.languages?.[0]),
    items,
  };
}

/** Atom text construct as plain text: type="text" is literal, html and xhtml are markup. */
function atomPlain(t: AtomText | undefined): string | null {
  const value = nonBlank(t?.value);
  if (value === null) return null;
  return isMarkup(t?.type) ? plain(value) : nonBlank(value.replace(/\s+/g, ' '));
}

/** Atom content as HTML: markup is kept, text is escaped into paragraphs, src-only content is null. */
function atomHtml(t: AtomText | undefined): string | null {
  const value = nonBlank(t?.value);
  if (value === null) return null;
  if (isMarkup(t?.type)) return value;
  const type = t?.type?.toLowerCase();
  // A media type that is neither text nor markup (e.g. base64 image data) is not article content.
  if (type !== undefined && type !== 'text' && !type.startsWith('text/')) return null;
  return textToHtml(value) || `<p>${escapeHtml(value)}</p>`;
}

function isMarkup(type: string | undefined): boolean {
  const t = type?.toLowerCase();
  return t === 'html' || t === 'xhtml' || t === 'text/html' || t === 'application/xhtml+xml';
}

/** rel="alternate" (the default when rel is absent), preferring an HTML type. */
function alternateLinks(links: readonly AtomLink[] | undefined): string[] {
  const alts = (links ?? []).filter((l) => !l.rel || l.rel === 'alternate');
  const html = alts.filter((l) => !l.type || /html/i.test(l.type));
  return [...html, ...alts.filter((l) => !html.includes(l))].flatMap((l) => (l.href ? [l.href] : []));
}

export function draftFromAtom(feed: Atom, baseUrl: string | null): DraftFeed {
  const base = resolveBase(feed.xml?.base, baseUrl);
  const feedAuthor = nonBlank(feed.authors?.[0]?.name);
  const language = nonBlank(feed.xml?.lang) ?? nonBlank(feed.dc?.languages?.[0]);
  const items = (feed.entries ?? []).map((entry): DraftItem => {
    return {
      guid: nonBlank(entry.id),
      links: alternateLinks(entry.links),
      base: resolveBase(entry.xml?.base, base),
      title: atomPlain(entry.title),
      dateRaw: nonBlank(entry.published ?? entry.updated ?? entry.dc?.dates?.[0]),
      author: nonBlank(entry.authors?.[0]?.name) ?? nonBlank(entry.dc?.creators?.[0]) ?? feedAuthor,
      summary: atomPlain(entry.summary),
      contentHtml: atomHtml(entry.content),
      language: nonBlank(entry.xml?.lang),
    };
  });
  return {
    format: 'atom',
    title: atomPlain(feed.title),
    siteLink: alternateLinks(feed.links)[0] ?? null,
    feedLink: selfLink(feed.links),
    base,
    language,
    items,
  };
}
