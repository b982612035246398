// Links and the date formats the feed specifications require. Third-party text reaches feeds,
// e-mail and exports escaped by text/escape.ts (escapeText, cleanText).

/** A link we may print: http(s) only, as a normalised absolute URL; anything else is null. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

function dateOf(iso: string): Date {
  // A bare day (YYYY-MM-DD) is the start of that day in UTC: digests are editions of a UTC day.
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
}

/** RFC 822 date-time as RSS 2.0 requires (four-digit year, per RFC 1123): "Sat, 09 May 2026 00:00:00 GMT". */
export function rfc822(iso: string): string {
  return dateOf(iso).toUTCString();
}

/** RFC 3339 date-time (Atom, JSON Feed): "2026-05-09T00:00:00Z". */
export function rfc3339(iso: string): string {
  return dateOf(iso)
    .toISOString()
    .replace(/\.000Z$/, 'Z');
}
