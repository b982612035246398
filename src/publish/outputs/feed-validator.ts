// A small checker of the feed specifications' required elements and date formats, for tests and
// for `tidings build` to assert on what it wrote: RSS 2.0 (channel title/link/description, RFC 822
// dates, guid, atom:link rel=self), Atom (RFC 4287: feed and entry id/title/updated, entry link,
// author, RFC 3339 dates, xml:lang) and JSON Feed 1.1 (version, title, items with id, content,
// date_published, language). Returns the list of problems; empty means valid.

import { XMLParser, XMLValidator } from 'fast-xml-parser';

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
export const RFC822 = new RegExp(
  `^(?:${DAY}, )?\\d{1,2} ${MONTH} \\d{2,4} \\d{2}:\\d{2}(?::\\d{2})? (?:GMT|UT|[+-]\\d{4}|[A-Z]{1,3})$`,
);
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
/** Characters XML 1.0 forbids (even as character references, which we never write). */
export const XML_ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['item', 'entry', 'link', 'author'].includes(name),
});

type Node = Record<string, unknown>;
const text = (v: unknown): string =>
  typeof v === 'string'
    ? v
    : v && typeof v === 'object' && typeof (v as Node)['#text'] === 'string'
      ? ((v as Node)['#text'] as string)
      : '';
const absolute = (s: string) => /^https?:\/\/[^\s]+$/.test(s);
const asArray = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v === undefined ? [] : [v as Node]);

function wellFormed(xml: string): string[] {
  const problems: string[] = [];
  if (XML_ILLEGAL.test(xml)) problems.push('contains a character XML 1.0 forbids');
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) problems.push('no XML declaration with UTF-8');
  const v = XMLValidator.validate(xml);
  if (v !== true) problems.push(`not well-formed: line ${v.err.line}: ${v.err.msg}`);
  return problems;
}

export function validateRss(xml: string): string[] {
  const problems = wellFormed(xml);
  if (problems.length > 0) return problems;
  const rss = (parser.parse(xml) as Node).rss as Node | undefined;
  if (!rss) return ['root element is not <rss>'];
  if (rss['@version'] !== '2.0') problems.push('rss version is not "2.0"');
  const ch = rss.channel as Node | undefined;
  if (!ch) return [...problems, 'no <channel>'];
  const channelLink = text(asArray(ch.link)[0]);
  for (const name of ['title', 'description'])
    if (text(ch[name]).trim() === '') problems.push(`channel has no <${name}>`);
  if (channelLink === '') problems.push('channel has no <link>');
  else if (!absolute(channelLink)) problems.push('channel <link> is not an absolute URL');
  if (ch.lastBuildDate !== undefined && !RFC822.test(text(ch.lastBuildDate)))
    problems.push(`lastBuildDate "${text(ch.lastBuildDate)}" is not RFC 822`);
  if (rss['@xmlns:atom'] !== 'http://www.w3.org/2005/Atom') problems.push('atom namespace not declared');
  const self = asArray(ch['atom:link']).find((l) => l['@rel'] === 'self');
  if (!self || !absolute(String(self['@href']))) problems.push('no atom:link rel="self" with an absolute href');
  asArray(ch.item).forEach((item, i) => {
    if (text(item.title) === '' && text(item.description) === '')
      problems.push(`item ${i + 1} has neither title nor description`);
    if (!RFC822.test(text(item.pubDate))) problems.push(`item ${i + 1} pubDate "${text(item.pubDate)}" is not RFC 822`);
    const guid = item.guid as Node | string | undefined;
    const permalink = typeof guid === 'object' ? guid['@isPermaLink'] : undefined;
    if (guid === undefined) problems.push(`item ${i + 1} has no guid`);
    else if (permalink !== 'false' && !absolute(text(guid)))
      problems.push(`item ${i + 1} guid is a permalink but not an absolute URL`);
    const link = text(asArray(item.link)[0]);
    if (!absolute(link)) problems.push(`item ${i + 1} link "${link}" is not an absolute URL`);
  });
  return problems;
}

export function validateAtom(xml: string): string[] {
  const problems = wellFormed(xml);
  if (problems.length > 0) return problems;
  const feed = (parser.parse(xml) as Node).feed as Node | undefined;
  if (!feed) return ['root element is not <feed>'];
  if (feed['@xmlns'] !== 'http://www.w3.org/2005/Atom') problems.push('feed is not in the Atom namespace');
  if (typeof feed['@xml:lang'] !== 'string' || feed['@xml:lang'] === '') problems.push('feed has no xml:lang');
  if (!absolute(text(feed.id))) problems.push('feed id is not an absolute IRI');
  if (text(feed.title).trim() === '') problems.push('feed has no title');
  if (!RFC3339.test(text(feed.updated))) problems.push(`feed updated "${text(feed.updated)}" is not RFC 3339`);
  if (!asArray(feed.link).some((l) => l['@rel'] === 'self' && absolute(String(l['@href']))))
    problems.push('feed has no link rel="self"');
  const feedAuthor = asArray(feed.author).some((a) => text(a.name).trim() !== '');
  asArray(feed.entry).forEach((entry, i) => {
    const n = `entry ${i + 1}`;
    if (!absolute(text(entry.id))) problems.push(`${n} id is not an absolute IRI`);
    if (text(entry.title).trim() === '') problems.push(`${n} has no title`);
    if (!RFC3339.test(text(entry.updated))) problems.push(`${n} updated "${text(entry.updated)}" is not RFC 3339`);
    if (entry.published !== undefined && !RFC3339.test(text(entry.published)))
      problems.push(`${n} published is not RFC 3339`);
    const links = asArray(entry.link);
    if (entry.content === undefined && !links.some((l) => (l['@rel'] ?? 'alternate') === 'alternate'))
      problems.push(`${n} has neither content nor an alternate link`);
    if (!links.every((l) => absolute(String(l['@href'])))) problems.push(`${n} has a link that is not absolute`);
    if (!feedAuthor && asArray(entry.author).length === 0) problems.push(`${n} has no author and the feed has none`);
  });
  return problems;
}

export function validateJsonFeed(json: string): string[] {
  let feed: Node;
  try {
    feed = JSON.parse(json) as Node;
  } catch (e) {
    return [`not JSON: ${(e as Error).message}`];
  }
  const problems: string[] = [];
  if (feed.version !== 'https://jsonfeed.org/version/1.1')
    problems.push('version is not "https://jsonfeed.org/version/1.1"');
  if (typeof feed.title !== 'string' || feed.title === '') problems.push('no title');
  for (const k of ['home_page_url', 'feed_url'])
    if (feed[k] !== undefined && !absolute(String(feed[k]))) problems.push(`${k} is not an absolute URL`);
  if (typeof feed.language !== 'string') problems.push('no language');
  if (!Array.isArray(feed.items)) return [...problems, 'no items array'];
  (feed.items as Node[]).forEach((item, i) => {
    const n = `item ${i + 1}`;
    if (typeof item.id !== 'string' || item.id === '') problems.push(`${n} has no string id`);
    if (typeof item.content_html !== 'string' && typeof item.content_text !== 'string')
      problems.push(`${n} has neither content_html nor content_text`);
    if (typeof item.date_published !== 'string' || !RFC3339.test(item.date_published))
      problems.push(`${n} date_published is not RFC 3339`);
    if (
      item.date_modified !== undefined &&
      (typeof item.date_modified !== 'string' || !RFC3339.test(item.date_modified))
    )
      problems.push(`${n} date_modified is not RFC 3339`);
    if (typeof item.language !== 'string') problems.push(`${n} has no language`);
    if (item.url !== undefined && !absolute(String(item.url))) problems.push(`${n} url is not absolute`);
  });
  return problems;
}
