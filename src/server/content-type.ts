// Content types by file name. Feeds get their registered types (a feed reader sniffing
// application/xml would still cope, but browsers and validators go by these); every text type
// says its charset, since the build writes UTF-8 and Chinese text must not be read as Latin-1.

import path from 'node:path';

const UTF8 = '; charset=utf-8';

/** Feed names from the site layout: rss.xml, atom.xml, feed.json and <slug>.rss.xml etc. */
const FEEDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(^|\.)rss\.xml$/i, `application/rss+xml${UTF8}`],
  [/(^|\.)atom\.xml$/i, `application/atom+xml${UTF8}`],
  [/(^|\.)feed\.json$/i, `application/feed+json${UTF8}`],
];

const BY_EXTENSION: Readonly<Record<string, string>> = {
  '.html': `text/html${UTF8}`,
  '.htm': `text/html${UTF8}`,
  '.css': `text/css${UTF8}`,
  '.js': `text/javascript${UTF8}`,
  '.mjs': `text/javascript${UTF8}`,
  '.json': `application/json${UTF8}`,
  '.map': `application/json${UTF8}`,
  '.xml': `application/xml${UTF8}`,
  '.txt': `text/plain${UTF8}`,
  '.md': `text/markdown${UTF8}`,
  '.svg': `image/svg+xml${UTF8}`,
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.webmanifest': `application/manifest+json${UTF8}`,
};

export function contentTypeFor(file: string): string {
  const name = path.basename(file);
  for (const [pattern, type] of FEEDS) if (pattern.test(name)) return type;
  return BY_EXTENSION[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/** Worth compressing: text of any kind (images and fonts are compressed already). */
export function isCompressible(type: string): boolean {
  return /^text\/|^application\/(?:[\w.-]+\+)?(?:json|xml)|^application\/javascript|^image\/svg\+xml/.test(type);
}
