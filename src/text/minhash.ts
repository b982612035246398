// MinHash over word 4-shingles (Han characters count as words), for near-duplicate detection that
// tolerates an added paragraph, header or footer. The signature estimates Jaccard similarity of the
// shingle sets; banding it turns "similar enough" into index lookups instead of all-pairs.

import { hash32 } from './fingerprint.js';
import { normalizeForMatch } from './normalize.js';

export const MINHASH_SIZE = 32;
/** 8 bands of 4 rows: pairs with Jaccard 0.8 share a band with p≈0.99, pairs at 0.3 with p≈0.06. */
export const MINHASH_BANDS = 8;
const ROWS = MINHASH_SIZE / MINHASH_BANDS;
const SHINGLE = 4;

const TOKEN = /\p{Script=Han}|[\p{L}\p{N}]+/gu;

/** Per-permutation seeds, fixed so signatures are stable across runs and machines. */
const SEEDS = Array.from({ length: MINHASH_SIZE }, (_, i) => hash32(`tidings-minhash-${i}`, 0x811c9dc5));

export function shingleHashes(text: string): Uint32Array {
  const tokens = normalizeForMatch(text).match(TOKEN) ?? [];
  const count = Math.max(0, tokens.length - SHINGLE + 1);
  const out = new Uint32Array(count === 0 && tokens.length > 0 ? 1 : count);
  if (count === 0 && tokens.length > 0) out[0] = hash32(tokens.join(' '), 0x9e3779b9);
  for (let i = 0; i < count; i++) out[i] = hash32(tokens.slice(i, i + SHINGLE).join(' '), 0x9e3779b9);
  return out;
}

/** The signature: for each permutation, the minimum permuted shingle hash. Empty text → all 0xffffffff. */
export function minhashSignature(text: string): Uint32Array {
  const shingles = shingleHashes(text);
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (const h of shingles) {
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const v = mix(h ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity: the share of positions where two signatures agree. */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_SIZE;
}

/** Band keys "<band>:<hex>" for index lookup. */
export function minhashBands(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < MINHASH_BANDS; b++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < ROWS; r++) h = mix(h ^ sig[b * ROWS + r]!);
    keys.push(`${b}:${h.toString(16).padStart(8, '0')}`);
  }
  return keys;
}

export function encodeSignature(sig: Uint32Array): string {
  return Array.from(sig, (v) => v.toString(16).padStart(8, '0')).join('');
}

export function decodeSignature(hex: string): Uint32Array {
  const sig = new Uint32Array(MINHASH_SIZE);
  for (let i = 0; i < MINHASH_SIZE; i++) sig[i] = Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16) >>> 0;
  return sig;
}

/** murmur3's 32-bit finaliser: a cheap, well-mixed permutation of 32-bit values. */
function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
