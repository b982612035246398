// Where a source lives (a URL or a local path): kind inference, identity and how well a URL or path
// falls under it. Pure string work: no file system, so "directory" is inferred from the shape.
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceKind } from './registry-schema.js';

const FEED_PATH =
  /(?:\/(?:feed|feeds|rss|atom|rdf)(?:\/|\.xml|\.json)?$|\.(?:xml|rss|atom|rdf)$|\/feed\.json$|\/index\.xml$)/i;
const FEED_QUERY = /[?&](?:feed|format|type)=(?:rss|rss2|atom|json|feed)\b/i;

/**
 * The kind a URL or path most likely has. URLs: .opml -> opml, .urls -> urllist, feed-like paths
 * (/feed, /rss, .xml, feed.json, ?format=rss) -> feed, else page. Paths: by extension, and a path
 * without one (or ending in "/") is a directory. Callers that can look at the disk may pass kind.
 */
export function inferSourceKind(location: string, isUrl: boolean): SourceKind {
  if (isUrl) {
    let pathname = location;
    let search = '';
    if (URL.canParse(location)) ({ pathname, search } = new URL(location));
    if (/\.opml$/i.test(pathname)) return 'opml';
    if (/\.urls$/i.test(pathname)) return 'urllist';
    if (FEED_PATH.test(pathname) || FEED_QUERY.test(search)) return 'feed';
    return 'page';
  }
  if (/[\\/]$/.test(location)) return 'directory';
  const base = location
    .replace(/^.*[\\/]/, '')
    .toLowerCase()
    .replace(/\.gz$/, '');
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return 'directory';
  const ext = base.slice(dot + 1);
  if (ext === 'opml') return 'opml';
  if (ext === 'urls') return 'urllist';
  if (['xml', 'rss', 'atom', 'rdf', 'json'].includes(ext)) return 'feed';
  return 'file';
}

interface Located {
  url?: string;
  path?: string;
}

/** A comparable key: URLs without fragment, default port, trailing slash or "www."; paths normalised. */
export function locationKey(s: Located): string {
  if (s.url !== undefined) {
    if (!URL.canParse(s.url)) return `url:${s.url}`;
    const u = new URL(s.url);
    u.hash = '';
    const host = u.host.replace(/^www\./, '');
    const path = u.pathname.replace(/\/+$/, '');
    return `url:${u.protocol}//${host}${path}${u.search}`;
  }
  return `path:${normalizePath(s.path ?? '')}`;
}

export function sameLocation(a: Located, b: Located): boolean {
  return locationKey(a) === locationKey(b);
}

function normalizePath(p: string): string {
  const n = posix.normalize(p.replace(/\\/g, '/'));
  return n.length > 1 ? n.replace(/\/+$/, '') : n;
}

/**
 * How well `target` falls under source `s`: 0 no match; an exact match beats any prefix match; among
 * prefix matches, more shared path segments score higher. URL sources match URLs on the same host
 * (ignoring "www."), path sources match paths inside their directory (or beside their file).
 */
export function matchScore(s: Located, rawTarget: string): number {
  const EXACT = 1_000_000;
  // A file: URL names a local path (the form URL lists and OPML read from disk resolve to).
  const target = /^file:/i.test(rawTarget) ? fileURLToPath(rawTarget) : rawTarget;
  const isUrl = /^https?:\/\//i.test(target);
  if (isUrl && s.url !== undefined) {
    if (locationKey(s) === locationKey({ url: target })) return EXACT;
    if (!URL.canParse(s.url) || !URL.canParse(target)) return 0;
    const a = new URL(s.url);
    const b = new URL(target);
    if (a.hostname.replace(/^www\./, '') !== b.hostname.replace(/^www\./, '')) return 0;
    return 1 + sharedSegments(a.pathname, b.pathname);
  }
  if (!isUrl && s.path !== undefined) {
    const src = normalizePath(s.path);
    const t = normalizePath(target);
    if (src === t) return EXACT;
    // Only a directory source covers the files inside it; a file source matches itself alone.
    if (t.startsWith(src === '/' ? '/' : `${src}/`)) return 1 + src.split('/').length;
    return 0;
  }
  return 0;
}

function sharedSegments(a: string, b: string): number {
  const x = a.split('/').filter(Boolean);
  const y = b.split('/').filter(Boolean);
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}
