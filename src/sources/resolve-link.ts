// Resolves a link found in a feed, OPML file or URL list against a base URL. Only http(s) links are
// kept: a javascript:, mailto: or relative-without-base link is not something we can fetch.

/** The absolute http(s) URL for `href`, or null if it is empty, unparseable or not http(s). */
export function resolveLink(href: string | null | undefined, base?: string | null): string | null {
  const h = href?.trim();
  if (h === undefined || h === '') return null;
  let url: URL;
  try {
    url = base ? new URL(h, base) : new URL(h);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href;
}

/** Resolves a base (e.g. xml:base) against an outer base; keeps the outer one when it cannot. */
export function resolveBase(inner: string | null | undefined, outer: string | null | undefined): string | null {
  const i = inner?.trim();
  if (!i) return outer ?? null;
  try {
    return outer ? new URL(i, outer).href : new URL(i).href;
  } catch {
    return outer ?? null;
  }
}

/**
 * Like resolveLink, for lists that name other inputs (URL lists, OPML): when the list itself was read
 * from disk (`base` is a file: URL), relative references may also resolve to file: URLs. A list read
 * over HTTP can never point at local files.
 */
export function resolveReference(href: string | null | undefined, base?: string | null): string | null {
  const web = resolveLink(href, base);
  if (web !== null || !base || !base.startsWith('file:')) return web;
  const h = href?.trim();
  if (!h) return null;
  try {
    const url = new URL(h, base);
    return url.protocol === 'file:' ? url.href : null;
  } catch {
    return null;
  }
}

/** True if `href` has no scheme, i.e. it only means something against a base. */
export function isRelativeReference(href: string): boolean {
  return !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(href.trim());
}
