import type { Face } from '../../article.js';
// Where each page lives (the agreed layout: the same path under en/ and zh/) and relative links
// between pages, so the site works from file:// and under any path prefix.

export const paths = {
  home: (f: Face) => `${f}/index.html`,
  /** Page 1 of a day is days/DATE.html (the path every link has always had); later pages days/DATE-page-2.html… */
  day: (f: Face, date: string, page = 1) =>
    page <= 1 ? `${f}/days/${date}.html` : `${f}/days/${date}-page-${page}.html`,
  /** Page 1 is archive.html; later pages (older days) archive-2.html, archive-3.html… */
  archive: (f: Face, page = 1) => (page <= 1 ? `${f}/archive.html` : `${f}/archive-${page}.html`),
  /** Every story, newest first: stories/index.html, then stories/page-2.html… (story ids are hex). */
  allStories: (f: Face, page = 1) => (page <= 1 ? `${f}/stories/index.html` : `${f}/stories/page-${page}.html`),
  story: (f: Face, id: string) => `${f}/stories/${fileId(id)}.html`,
  card: (f: Face, id: string) => `${f}/cards/${fileId(id)}.html`,
  article: (f: Face, id: string) => `${f}/articles/${fileId(id)}.html`,
  topics: (f: Face) => `${f}/topics/index.html`,
  topic: (f: Face, slug: string, page = 1) =>
    page <= 1 ? `${f}/topics/${slug}.html` : `${f}/topics/pages/${slug}-${page}.html`,
  audience: (f: Face, slug: string, page = 1) =>
    page <= 1 ? `${f}/audiences/${slug}.html` : `${f}/audiences/pages/${slug}-${page}.html`,
  search: (f: Face) => `${f}/search.html`,
};

/** Ids are hex in practice; anything else is reduced to a safe file name. */
function fileId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** The same page in the other face. */
export function otherFace(path: string, to: Face): string {
  return path.replace(/^(en|zh)\//, `${to}/`);
}

/** A relative URL from one page to another (both relative to the site root). */
export function relative(from: string, to: string): string {
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let i = 0;
  while (i < fromDirs.length && i < toParts.length - 1 && fromDirs[i] === toParts[i]) i++;
  const up = fromDirs.length - i;
  return `${'../'.repeat(up)}${toParts.slice(i).join('/')}`;
}

/** Topic and audience slugs: the one function the topic feeds use too (src/publish/outputs). */
export { topicSlug as slugOf } from '../outputs/publish-input.js';
