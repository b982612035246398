// When a source is polled next, from what its last answer said (issue 16). Pure: text, headers and
// times in, a time and its reason out.
//
// - A good read waits the source's interval (`every:`, else watch's --every), or longer when the
//   answer asks for it: the feed's <ttl> (minutes, RSS 2.0), its sy:updatePeriod/sy:updateFrequency
//   (RSS 1.0 syndication module), or the answer's Cache-Control max-age. Hints only lengthen the
//   wait, never shorten it, and at most to MAX_HINT_MS.
// - A failed read backs off: the interval times 2, 4, 8 ... for each failure in a row, at most
//   MAX_BACKOFF_MS; a 429 or 503 that sent Retry-After (seconds or an HTTP date) waits at least that
//   long (at most MAX_HINT_MS). The first good read puts the source back on its interval.

/** The longest a failing source waits between tries (back-off alone). */
export const MAX_BACKOFF_MS = 6 * 3600_000;
/** The longest a feed's TTL, Cache-Control or Retry-After can make a source wait. */
export const MAX_HINT_MS = 24 * 3600_000;

export type PollReason = 'every' | 'ttl' | 'sy:update' | 'max-age' | 'backoff' | 'retry-after';

export interface PollHints {
  /** From the feed itself: <ttl> or sy:updatePeriod/Frequency. */
  readonly feed?: { readonly ms: number; readonly from: 'ttl' | 'sy:update' } | null;
  /** Cache-Control max-age of the answer, in ms. */
  readonly maxAgeMs?: number | null;
  /** Retry-After of a refused answer, in ms from now. */
  readonly retryAfterMs?: number | null;
}

/** The wait after `failures` failed reads in a row (0: the plain interval). */
export function backoffInterval(intervalMs: number, failures: number): number {
  if (failures <= 0) return intervalMs;
  return Math.max(intervalMs, Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** Math.min(failures, 20)));
}

/** How long to wait before the next poll, and why that long. */
export function nextWait(
  intervalMs: number,
  failures: number,
  hints: PollHints = {},
): { ms: number; reason: PollReason } {
  if (failures > 0) {
    const backoff = backoffInterval(intervalMs, failures);
    const asked = hints.retryAfterMs == null ? null : Math.min(MAX_HINT_MS, hints.retryAfterMs);
    return asked !== null && asked > backoff
      ? { ms: asked, reason: 'retry-after' }
      : { ms: backoff, reason: 'backoff' };
  }
  let best: { ms: number; reason: PollReason } = { ms: intervalMs, reason: 'every' };
  const consider = (ms: number | null | undefined, reason: PollReason) => {
    if (ms == null || !(ms > 0)) return;
    const capped = Math.min(MAX_HINT_MS, ms);
    if (capped > best.ms) best = { ms: capped, reason };
  };
  consider(hints.feed?.ms, hints.feed?.from ?? 'ttl');
  consider(hints.maxAgeMs, 'max-age');
  return best;
}

/** Cache-Control's max-age in ms; null when absent, unreadable, or the answer must not be reused (no-store, no-cache). */
export function maxAgeMs(cacheControl: string | null | undefined): number | null {
  if (!cacheControl) return null;
  let maxAge: number | null = null;
  for (const part of cacheControl.split(',')) {
    const [name, raw] = part.split('=', 2).map((s) => s.trim());
    const key = (name ?? '').toLowerCase();
    if (key === 'no-store' || key === 'no-cache') return null;
    if (key === 'max-age' && raw !== undefined) {
      const value = raw.replace(/^"|"$/g, '');
      if (/^\d+$/.test(value)) maxAge = Number(value) * 1000;
    }
  }
  return maxAge;
}

/** Retry-After (delay-seconds or an HTTP date) as ms from `now`; null when unreadable. A date in the past is 0. */
export function retryAfterMs(value: string | null | undefined, now: Date): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date (IMF-fixdate, or the obsolete RFC 850 and asctime forms, which Date.parse reads).
  if (!/[a-z]/i.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

const PERIOD_MS: Readonly<Record<string, number>> = {
  hourly: 3600_000,
  daily: 24 * 3600_000,
  weekly: 7 * 24 * 3600_000,
  monthly: 30 * 24 * 3600_000,
  yearly: 365 * 24 * 3600_000,
};

/**
 * How often the feed says it changes: RSS 2.0's <ttl> (minutes) or the syndication module's
 * <sy:updatePeriod> (hourly, daily ...) divided by <sy:updateFrequency> (default 1). Read from the
 * channel's head only (before the first item or entry), so an item's text cannot set it.
 */
export function feedRefreshHint(text: string): { ms: number; from: 'ttl' | 'sy:update' } | null {
  const head = channelHead(text);
  if (head === null) return null;
  const ttl = /<ttl(?:\s[^>]*)?>\s*(\d{1,7})\s*<\/ttl>/i.exec(head);
  if (ttl !== null) {
    const minutes = Number(ttl[1]);
    if (minutes > 0) return { ms: minutes * 60_000, from: 'ttl' };
  }
  const period = /<(?:[\w.-]+:)?updatePeriod(?:\s[^>]*)?>\s*([a-z]+)\s*<\/(?:[\w.-]+:)?updatePeriod>/i.exec(head);
  const periodMs = period === null ? undefined : PERIOD_MS[period[1]!.toLowerCase()];
  if (periodMs === undefined) return null;
  const frequency = /<(?:[\w.-]+:)?updateFrequency(?:\s[^>]*)?>\s*(\d{1,6})\s*<\/(?:[\w.-]+:)?updateFrequency>/i.exec(
    head,
  );
  const times = frequency === null ? 1 : Number(frequency[1]);
  return times > 0 ? { ms: Math.round(periodMs / times), from: 'sy:update' } : null;
}

/** A feed's XML before its first <item> or <entry>; null when the text is not an RSS, RDF or Atom document. */
function channelHead(text: string): string | null {
  if (!text.slice(0, 512).trimStart().startsWith('<')) return null;
  const first = /<(?:[\w.-]+:)?(?:item|entry)[\s>/]/i.exec(text);
  const head = first === null ? text.slice(0, 65_536) : text.slice(0, Math.min(first.index, 65_536));
  return /<(?:rss|channel|(?:[\w.-]+:)?RDF|feed)[\s>]/i.test(head) ? head : null;
}
