// Where each page lives (the agreed layout: the same path under en/ and zh/) and relative links
// between pages, so the site works from file:// and under any path prefix.

import type { Face } from './site-input.js';

export const paths = {
  home: (f: Face) => `${f}/index.html`,
  day: (f: Face, date: string) => `${f}/days/${date}.html`,
  archive: (f: Face) => `${f}/archive.html`,
  story: (f: Face, id: string) => `${f}/stories/${fileId(id)}.html`,
  card: (f: Face, id: string) => `${f}/cards/${fileId(id)}.html`,
  article: (f: Face, id: string) => `${f}/articles/${fileId(id)}.html`,
  topics: (f: Face) => `${f}/topics/index.html`,
  topic: (f: Face, slug: string) => `${f}/topics/${slug}.html`,
  audience: (f: Face, slug: string) => `${f}/audiences/${slug}.html`,
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
