// The built site's files over HTTP: the file a checked path names (or a directory's index.html),
// never anything outside the site directory (symlinks are resolved and must stay inside), never a
// directory listing. File bytes, their ETag and compressed forms are kept in a bounded cache and
// reused while the file's size and modification time are unchanged.
//
// The root is resolved again for every request: a site published atomically (atomic-site.ts) is a
// link switched from one build to the next, and each request reads one build, whole. The cache is
// keyed by the file's device and inode, so a page linked unchanged into the next build is a hit.

import { realpath, readFile, stat } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { createBoundedCache, type BoundedCache } from './bounded-cache.js';
import { contentTypeFor } from './content-type.js';
import { representation, sendRepresentation, sizeOf, type Representation } from './representation.js';
import type { RequestPath } from './request-path.js';
import { isNewsletterPage, NEWSLETTER_CSP } from './security-headers.js';

export interface StaticSite {
  /** The site's directory as given (a link, for an atomically published site). */
  readonly root: string;
  /** Answers a GET or HEAD for a checked path. */
  serve(req: http.IncomingMessage, res: http.ServerResponse, target: RequestPath): Promise<void>;
}

export interface StaticSiteOptions {
  /** Bytes of file content (and compressed forms) kept in memory. */
  readonly cacheBytes?: number;
}

interface CachedFile {
  readonly mtimeMs: number;
  readonly size: number;
  readonly rep: Representation;
}

type Found =
  | { kind: 'file'; file: string; key: string; mtimeMs: number; size: number }
  | { kind: 'directory' }
  | { kind: 'missing' };

/** Opens a site directory (which must exist); a symlinked root is followed anew on each request. */
export async function openStaticSite(dir: string, options: StaticSiteOptions = {}): Promise<StaticSite> {
  const given = path.resolve(dir);
  await realpath(given);
  const cache: BoundedCache<CachedFile> = createBoundedCache({
    maxEntries: 20_000,
    maxBytes: options.cacheBytes ?? 64 * 1024 * 1024,
    sizeOf: (f) => sizeOf(f.rep),
    ttlMs: Number.POSITIVE_INFINITY,
  });

  /** What a path names, after symlinks; anything resolving outside the root is missing. */
  const find = async (root: string, candidate: string): Promise<Found> => {
    const inside = (p: string) => p === root || p.startsWith(root + path.sep);
    let real: string;
    try {
      real = await realpath(candidate);
    } catch {
      return { kind: 'missing' };
    }
    if (!inside(real)) return { kind: 'missing' };
    const info = await stat(real).catch(() => null);
    if (info === null) return { kind: 'missing' };
    if (info.isDirectory()) return { kind: 'directory' };
    if (!info.isFile()) return { kind: 'missing' };
    return { kind: 'file', file: real, key: `${info.dev}:${info.ino}`, mtimeMs: info.mtimeMs, size: info.size };
  };

  const load = async (found: Extract<Found, { kind: 'file' }>): Promise<Representation> => {
    const key = `${found.key}:${contentTypeFor(found.file)}`;
    const cached = cache.get(key);
    if (cached && cached.mtimeMs === found.mtimeMs && cached.size === found.size) return cached.rep;
    const rep = representation(await readFile(found.file), contentTypeFor(found.file));
    cache.set(key, { mtimeMs: found.mtimeMs, size: found.size, rep });
    return rep;
  };

  return {
    root: given,
    async serve(req, res, target) {
      // One build for the whole request, even if the link is switched meanwhile.
      const root = await resolveRoot(given);
      if (root === null) {
        await notFound(req, res);
        return;
      }
      const candidate = path.join(root, ...target.segments);
      let found = await find(root, candidate);
      let segments = target.segments;
      if (found.kind === 'directory') {
        if (!target.trailingSlash) {
          // Pages link relatively: /en must become /en/ before its index.html is read. The target
          // is rebuilt from the checked segments: echoing the raw path would turn //host into a
          // redirect to another site.
          const query = target.query.toString();
          const location = `/${target.segments.map(encodeURIComponent).join('/')}/`;
          res.writeHead(301, { Location: `${location}${query ? `?${query}` : ''}`, 'Content-Length': 0 }).end();
          return;
        }
        found = await find(root, path.join(candidate, 'index.html'));
        segments = [...segments, 'index.html'];
      } else if (found.kind === 'file' && target.trailingSlash) {
        found = { kind: 'missing' };
      }
      if (found.kind !== 'file') {
        await notFound(req, res);
        return;
      }
      if (isNewsletterPage(segments)) res.setHeader('Content-Security-Policy', NEWSLETTER_CSP);
      res.setHeader('Cache-Control', 'no-cache');
      await sendRepresentation(req, res, await load(found));
    },
  };
}

/**
 * The site's real directory, or null when there is none. A site built in place that is published
 * atomically for the first time is moved aside before the link takes its name (atomic-site.ts):
 * for that moment the root is missing, so a missing root is looked for again for up to 50 ms.
 */
async function resolveRoot(given: string): Promise<string | null> {
  for (let waited = 0; ; waited += 5) {
    try {
      return await realpath(given);
    } catch {
      if (waited >= 50) return null;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

const NOT_FOUND_PAGE = Buffer.from(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Not found · 未找到</title></head>
<body><h1>Not found</h1><p>There is no page at this address. <a href="/">Home</a></p>
<p lang="zh-Hans">此地址没有页面。<a href="/">首页</a></p></body></html>
`);

/** The 404 page: plain HTML with no inline script or style, so the site policy holds. */
export async function notFound(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  res.writeHead(404, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': NOT_FOUND_PAGE.length,
    'Cache-Control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : NOT_FOUND_PAGE);
}
