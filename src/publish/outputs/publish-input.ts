// What the publishing step gets from the edition: the days' digests and the stories' commentary
// posts, both faces each, plus the absolute base URL of the site (feeds and e-mail need absolute
// links; site pages do not). The site builder assembles it; everything under outputs/ reads it.

import type { Face } from '../../article.js';
import type { Digest, Post } from '../../write/schemas.js';

/** A topic a story carries: one slug for both faces (pages sit at the same path under en/ and zh/). */
export interface TopicRef {
  slug: string;
  name: { en: string; zh: string };
}

export interface PublishedDay {
  date: string;
  digest: { en: Digest; zh: Digest };
}

export interface PublishedStory {
  storyId: string;
  /** The story's day (YYYY-MM-DD) or its latest activity (ISO time). */
  date: string;
  post: { en: Post; zh: Post };
  /** Topics for the per-topic feeds and the Weibo hashtags; none means the story is in no topic feed. */
  topics?: TopicRef[];
}

export interface PublishInput {
  /** Absolute, ends with '/', e.g. 'http://127.0.0.1:8080/'. */
  baseUrl: string;
  /** ISO time, passed in so builds are deterministic. */
  generatedAt: string;
  /** Newest first. */
  days: PublishedDay[];
  posts: PublishedStory[];
  /** The publication's name in titles and credits; default 'Tidings'. */
  siteName?: string;
}

/**
 * The slug of a topic: lower-case ASCII words joined by '-', from its English name. A name with no
 * ASCII letters or digits (a Chinese-only topic) gets 't-' and a short stable hash, so file names
 * stay portable. The site's topic pages and the topic feeds must both use this function.
 */
export function topicSlug(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  if (ascii !== '') return ascii;
  let h = 0x811c9dc5;
  for (const ch of name.normalize('NFC')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `t-${h.toString(36)}`;
}

/**
 * A story's topics from the two faces of its cards or writer (the same entities in the same order,
 * named per face, as write/card.ts topicsOf returns them). Unpaired names keep one name for both.
 */
export function storyTopics(en: readonly string[], zh: readonly string[]): TopicRef[] {
  const out = new Map<string, TopicRef>();
  en.forEach((name, i) => {
    const slug = topicSlug(name);
    if (!out.has(slug)) out.set(slug, { slug, name: { en: name, zh: zh[i] ?? name } });
  });
  return [...out.values()];
}

/** Absolute URL of a site-relative path under the base (path segments are already encoded). */
export function absoluteUrl(baseUrl: string, sitePath: string): string {
  return new URL(sitePath, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString();
}

/** Site-relative paths of the pages the outputs link to (the layout agreed for the site). */
export const sitePaths = {
  day: (face: Face, date: string) => `${face}/days/${encodeURIComponent(date)}.html`,
  story: (face: Face, storyId: string) => `${face}/stories/${encodeURIComponent(storyId)}.html`,
  home: (face: Face) => `${face}/index.html`,
  topic: (face: Face, slug: string) => `${face}/topics/${encodeURIComponent(slug)}.html`,
};

/** Ids become directory names under exports/: only these are safe on every file system. */
export function isSafeId(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(id) && !id.includes('..');
}
