// The built site's files over HTTP: the file a checked path names (or a directory's index.html),
// never anything outside the site directory (symlinks are resolved and must stay inside), never a
// directory listing. File bytes, their ETag and compressed forms are kept in a bounded cache and
// reused while the file's size and modification time are unchanged.

import { realpath, readFile, stat } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { createBoundedCache, type BoundedCache } from './bounded-cache.js';
import { contentTypeFor } from './content-type.js';
import { representation, sendRepresentation, sizeOf, type Representation } from './representation.js';
import type { RequestPath } from './request-path.js';
import { isNewsletterPage, NEWSLETTER_CSP } from './security-headers.js';

export interface StaticSite {
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

type Found = { kind: 'file'; file: string; mtimeMs: number; size: number } | { kind: 'directory' } | { kind: 'missing' };

/** Opens a site directory; the root is resolved once, so a symlinked root is fine. */
export async function openStaticSite(dir: string, options: StaticSiteOptions = {}): Promise<StaticSite> {
  const root = await realpath(dir);
  const cache: BoundedCache<CachedFile> = createBoundedCache({
    maxEntries: 20_000,
    maxBytes: options.cacheBytes ?? 64 * 1024 * 1024,
    sizeOf: (f) => sizeOf(f.rep),
    ttlMs: Number.POSITIVE_INFINITY,
  });

  const inside = (p: string) => p === root || p.startsWith(root + path.sep);

  /** What a path names, after symlinks; anything resolving outside the root is missing. */
  const find = async (candidate: string): Promise<Found> => {
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
    return { kind: 'file', file: real, mtimeMs: info.mtimeMs, size: info.size };
  };

  const load = async (found: Extract<Found, { kind: 'file' }>): Promise<Representation> => {
    const cached = cache.get(found.file);
    if (cached && cached.mtimeMs === found.mtimeMs && cached.size === found.size) return cached.rep;
    const rep = representation(await readFile(found.file), contentTypeFor(found.file));
    cache.set(found.file, { mtimeMs: found.mtimeMs, size: found.size, rep });
    return rep;
  };

  return {
    root,
    async serve(req, res, target) {
      const candidate = path.join(root, ...target.segments);
      let found = await find(candidate);
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
        found = await find(path.join(candidate, 'index.html'));
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

const NOT_FOUND_PAGE = Buffer.from(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Not found · 未找到</title></head>
<body><h1>Not found</h1><p>There is no page at this address. <a href="/">Home</a></p>
<p lang="zh-Hans">此地址没有页面。<a href="/">首页</a></p></body></html>
`);

/** The 404 page: plain HTML with no inline script or style, so the site policy holds. */
export async function notFound(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': NOT_FOUND_PAGE.length, 'Cache-Control': 'no-cache' });
  res.end(req.method === 'HEAD' ? undefined : NOT_FOUND_PAGE);
}
