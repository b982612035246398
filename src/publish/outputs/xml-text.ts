// Escaping for XML 1.0 and HTML text, and the date formats the feed specifications require.
// Third-party text reaches feeds, e-mail and exports through these functions only.

import { BIDI_CONTROL } from '../../text/unsafe-chars.js';

/**
 * Characters XML 1.0 forbids anywhere, even escaped (C0 controls other than tab, LF, CR; lone
 * surrogates; U+FFFE and U+FFFF). They are dropped: no reader can accept them.
 */
const ILLEGAL_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/** C1 controls are dropped too, and the bidi controls that could spoof surrounding text (text/unsafe-chars.ts). */
const C1_CONTROL = /[\u0080-\u009F]/g;

/** Text without characters that XML 1.0 forbids or that only serve to spoof. */
export function cleanText(text: string): string {
  return text.replace(ILLEGAL_XML, '').replace(C1_CONTROL, '').replace(BIDI_CONTROL, '');
}

/** Escapes text for XML element content and attribute values (quotes included), HTML too. */
export function escapeXml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

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
