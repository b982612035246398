// The one bound on text that reaches a btree index. PostgreSQL (and PGlite) refuse an index entry
// over about 2.7 KB ("index row size … exceeds btree version 4 maximum 2704"), and a refused entry
// fails the whole transaction: before this bound, one hostile article with a 2.7 KB "word" made
// every later grouping fail. Every text an article brings to an indexed column — URLs (articles,
// sightings) and feature keys (story_keys, feature_frequencies) — passes through boundIndexed on
// its way in and on its way to a lookup, so the same long text always meets the same entry.
//
// Identity is kept: a text over the bound becomes its first bytes plus a hash of the whole, so two
// long texts that differ anywhere stay two entries. Text within the bound is left exactly as it is.

import { createHash } from 'node:crypto';

/**
 * At most this many UTF-8 bytes of text per indexed value. 2,048 leaves room under the btree's
 * 2,704-byte entry for the entry's header and the other columns of a composite key (an article or
 * story id), and is the longest URL that sitemaps and most browsers' address bars accept.
 */
export const MAX_INDEXED_BYTES = 2048;

/** Marks a bounded value: '#' never survives URL normalisation, and feature keys never contain it. */
const HASH_MARK = '#sha256:';
/** 128 bits of SHA-256, in hex. */
const HASH_HEX_CHARS = 32;

/**
 * The text as it may be indexed: itself when its UTF-8 form fits in maxBytes, else its longest
 * prefix that fits (cut between characters, never inside one) with "#sha256:" and 32 hex digits of
 * the whole text's hash, maxBytes in all. Pure: the same text always gives the same value.
 */
export function boundIndexed(text: string, maxBytes: number = MAX_INDEXED_BYTES): string {
  // A JS string's UTF-8 form is at most three bytes per UTF-16 unit: short strings need no count.
  if (text.length * 3 <= maxBytes || Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const suffix = `${HASH_MARK}${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, HASH_HEX_CHARS)}`;
  return `${utf8Prefix(text, maxBytes - suffix.length)}${suffix}`;
}

/** boundIndexed for each value, order kept (the values a query binds as a text[] parameter). */
export function boundAll(texts: readonly string[]): string[] {
  return texts.map((t) => boundIndexed(t));
}

/** The longest prefix of text whose UTF-8 form has at most maxBytes bytes, whole characters only. */
function utf8Prefix(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += ch.length;
  }
  return text.slice(0, end);
}
