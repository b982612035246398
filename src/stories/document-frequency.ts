// Document frequencies of feature keys: how many articles carry each key. Rarity weights evidence:
// sharing "Nvidia" says little, sharing "Lattice Cloud" or "GB300" says a lot.

import { featureKeys, type ArticleFeatures } from './features.js';

export interface DocumentFrequency {
  /** Articles counted. */
  readonly documents: number;
  /** Articles carrying the key (0 when unseen). */
  count(key: string): number;
}

export const NO_FREQUENCIES: DocumentFrequency = { documents: 0, count: () => 0 };

/** Frequencies over a set of articles (a bench corpus, a test fixture). */
export function frequencyOf(features: readonly ArticleFeatures[]): DocumentFrequency {
  const counts = new Map<string, number>();
  for (const f of features) for (const k of featureKeys(f)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return { documents: features.length, count: (key) => counts.get(key) ?? 0 };
}

/** Frequencies from a plain table (rows read from the store). */
export function frequencyFromTable(documents: number, table: ReadonlyMap<string, number>): DocumentFrequency {
  return { documents, count: (key) => table.get(key) ?? 0 };
}

/**
 * Rarity in 0..1: 1 for a key no other article carries, falling as it gets common; 0.5 for any key
 * when nothing has been counted yet (no evidence either way). Smoothed so that df ≤ documents.
 */
export function rarity(df: DocumentFrequency, key: string): number {
  if (df.documents === 0) return 0.5;
  const n = df.documents;
  const k = Math.min(df.count(key), n);
  const idf = Math.log((n + 1) / (k + 1));
  const max = Math.log(n + 1);
  return max === 0 ? 0.5 : Math.max(0.05, idf / max);
}

/**
 * Inverse document frequency for TF-IDF weighting of words: near 0 for a word nearly every article
 * uses (template and boilerplate vocabulary), 1 for every word while nothing has been counted.
 */
export function idf(df: DocumentFrequency, key: string): number {
  if (df.documents === 0) return 1;
  return Math.log((df.documents + 1) / (Math.min(df.count(key), df.documents) + 0.5));
}
