// RSS 2.0, Atom (RFC 4287) and JSON Feed 1.1, written by hand from one FeedSpec: every text goes
// through escapeText, entry HTML goes in CDATA (split at any "]]>"), control characters are dropped
// (text/escape.ts's policy, which includes everything XML 1.0 forbids), dates are RFC 822 for RSS and RFC 3339 for Atom and JSON. Pure: spec in, document out.

import { cleanText, escapeText as e } from '../../text/escape.js';
import type { Face } from '../../article.js';
import { LABELS } from '../../write/labels.js';
import { digestHtml, postHtml } from './content-html.js';
import { absoluteUrl, sitePaths, type PublishInput, type TopicRef } from './publish-input.js';
import { rfc3339, rfc822 } from './xml-text.js';

/** Entries per feed: readers poll often; the archive holds the rest. */
export const FEED_LIMIT = 30;

export interface FeedEntry {
  /** Absolute URL of the page; also the entry's permanent id. */
  link: string;
  title: string;
  /** ISO date or date-time. */
  published: string;
  /** When the entry last changed (Atom updated, JSON date_modified); default: published. */
  updated?: string;
  /** The entry's content as an HTML fragment (already escaped markup). */
  html: string;
  /** A plain-text summary, optional. */
  summary?: string;
}

export interface FeedSpec {
  title: string;
  description: string;
  face: Face;
  /** Absolute URL of the HTML page the feed mirrors. */
  siteUrl: string;
  /** Absolute URLs of the feed in each format (each document names itself and its siblings). */
  urls: { rss: string; atom: string; json: string };
  /** ISO time: the newest entry, or the build time when there is none. */
  updated: string;
  author: string;
  entries: FeedEntry[];
}

/** Language tags: RSS uses its registry's values (zh-cn), Atom and JSON Feed take BCP 47. */
const RSS_LANGUAGE: Record<Face, string> = { en: 'en', zh: 'zh-cn' };
export const BCP47: Record<Face, string> = { en: 'en', zh: 'zh-Hans' };

/** Plain text as HTML text (the inner escaping of RSS's doubly escaped text elements). */
function html(text: string): string {
  return cleanText(text).replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));
}

/**
 * Entry HTML as a CDATA section: a third smaller than escaping every tag. Our HTML escapes '>' in
 * text, so "]]>" cannot occur in it; it is still split across two sections should it ever appear.
 */
function cdata(markup: string): string {
  return `<![CDATA[${cleanText(markup).split(']]>').join(']]]]><![CDATA[>')}]]>`;
}

export function rssFeed(spec: FeedSpec): string {
  const items = spec.entries.map((x) =>
    [
      '    <item>',
      // RSS readers treat title and description as HTML: escape for HTML, then for XML, so
      // "</title><script>" reads back as those characters, never as markup.
      `      <title>${e(html(x.title))}</title>`,
      `      <link>${e(x.link)}</link>`,
      `      <guid isPermaLink="true">${e(x.link)}</guid>`,
      `      <pubDate>${rfc822(x.published)}</pubDate>`,
      `      <description>${e(html(x.summary ?? x.title))}</description>`,
      `      <content:encoded>${cdata(x.html)}</content:encoded>`,
      '    </item>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    '  <channel>',
    `    <title>${e(html(spec.title))}</title>`,
    `    <link>${e(spec.siteUrl)}</link>`,
    `    <description>${e(html(spec.description))}</description>`,
    `    <language>${RSS_LANGUAGE[spec.face]}</language>`,
    `    <lastBuildDate>${rfc822(spec.updated)}</lastBuildDate>`,
    `    <atom:link href="${e(spec.urls.rss)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

export function atomFeed(spec: FeedSpec): string {
  const entries = spec.entries.map((x) =>
    [
      '  <entry>',
      `    <id>${e(x.link)}</id>`,
      `    <title type="text">${e(x.title)}</title>`,
      `    <updated>${rfc3339(x.updated ?? x.published)}</updated>`,
      `    <published>${rfc3339(x.published)}</published>`,
      `    <link rel="alternate" type="text/html" href="${e(x.link)}"/>`,
      ...(x.summary ? [`    <summary type="text">${e(x.summary)}</summary>`] : []),
      `    <content type="html">${cdata(x.html)}</content>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${BCP47[spec.face]}">`,
    `  <id>${e(spec.urls.atom)}</id>`,
    `  <title type="text">${e(spec.title)}</title>`,
    `  <subtitle type="text">${e(spec.description)}</subtitle>`,
    `  <updated>${rfc3339(spec.updated)}</updated>`,
    `  <author><name>${e(spec.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${e(spec.urls.atom)}"/>`,
    `  <link rel="alternate" type="text/html" href="${e(spec.siteUrl)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

export function jsonFeed(spec: FeedSpec): string {
  // JSON.stringify escapes quotes and controls; cleanText drops what XML forbids so all three agree.
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: cleanText(spec.title),
    home_page_url: spec.siteUrl,
    feed_url: spec.urls.json,
    description: cleanText(spec.description),
    language: BCP47[spec.face],
    authors: [{ name: cleanText(spec.author) }],
    items: spec.entries.map((x) => ({
      id: x.link,
      url: x.link,
      title: cleanText(x.title),
      content_html: cleanText(x.html),
      ...(x.summary ? { summary: cleanText(x.summary) } : {}),
      date_published: rfc3339(x.published),
      ...(x.updated && x.updated !== x.published ? { date_modified: rfc3339(x.updated) } : {}),
      language: BCP47[spec.face],
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

function feedUrls(baseUrl: string, dir: string, stem: string): FeedSpec['urls'] {
  return {
    rss: absoluteUrl(baseUrl, `${dir}/${stem}rss.xml`),
    atom: absoluteUrl(baseUrl, `${dir}/${stem}atom.xml`),
    json: absoluteUrl(baseUrl, `${dir}/${stem}feed.json`),
  };
}

/** The build time when it falls on that day (the digest may have changed), else the day itself. */
function dayUpdated(date: string, generatedAt: string): string {
  return generatedAt.slice(0, 10) === date && generatedAt > date ? generatedAt : date;
}

/** The daily digests of one face: one entry per day, newest first, at most FEED_LIMIT. */
export function dailyFeedSpec(input: PublishInput, face: Face): FeedSpec {
  const l = LABELS[face];
  const site = input.siteName ?? 'Tidings';
  const days = [...input.days].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)).slice(0, FEED_LIMIT);
  return {
    title: `${site} ${l.aiSummary}`,
    description:
      face === 'zh'
        ? `${site}：经核查的中英文 AI 行业每日摘要`
        : `${site}: the verified daily digest of AI-industry news, from English and Chinese coverage`,
    face,
    siteUrl: absoluteUrl(input.baseUrl, sitePaths.home(face)),
    urls: feedUrls(input.baseUrl, `feeds/${face}`, ''),
    // A day's digest is rewritten while its day lasts: the build time (passed in) is its update.
    updated: days[0] ? dayUpdated(days[0].date, input.generatedAt) : input.generatedAt,
    author: site,
    entries: days.map(({ date, digest }) => ({
      link: absoluteUrl(input.baseUrl, sitePaths.day(face, date)),
      title: `${date} ${l.aiSummary}`,
      published: date,
      updated: dayUpdated(date, input.generatedAt),
      summary: l.updates(digest[face].count),
      html: digestHtml(digest[face], face, input.baseUrl),
    })),
  };
}

/** Every topic the stories carry, with its stories' entries, newest first; slugs sorted. */
export function topicFeedSpecs(input: PublishInput, face: Face): Array<{ topic: TopicRef; spec: FeedSpec }> {
  const site = input.siteName ?? 'Tidings';
  const byTopic = new Map<string, { topic: TopicRef; stories: PublishInput['posts'] }>();
  for (const story of input.posts) {
    for (const topic of story.topics ?? []) {
      const entry = byTopic.get(topic.slug) ?? { topic, stories: [] };
      entry.stories.push(story);
      byTopic.set(topic.slug, entry);
    }
  }
  return [...byTopic.values()]
    .sort((a, b) => (a.topic.slug < b.topic.slug ? -1 : 1))
    .map(({ topic, stories }) => {
      const newest = [...stories]
        .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.storyId < b.storyId ? -1 : 1))
        .slice(0, FEED_LIMIT);
      const name = topic.name[face];
      return {
        topic,
        spec: {
          title: face === 'zh' ? `${site}：${name}` : `${site}: ${name}`,
          description: face === 'zh' ? `${site} 关于“${name}”的报道` : `${site} stories on ${name}`,
          face,
          siteUrl: absoluteUrl(input.baseUrl, sitePaths.topic(face, topic.slug)),
          urls: feedUrls(input.baseUrl, `feeds/${face}/topics`, `${encodeURIComponent(topic.slug)}.`),
          updated: newest[0]?.date ?? input.generatedAt,
          author: site,
          entries: newest.map((s) => ({
            link: absoluteUrl(input.baseUrl, sitePaths.story(face, s.storyId)),
            title: s.post[face].headline,
            published: s.date,
            summary: s.post[face].hook,
            html: postHtml(s.post[face], face),
          })),
        },
      };
    });
}
