// Document frequencies counted over a set of articles in memory (a bench corpus, a test fixture,
// the pair scorer), rather than read from the store. Apart from document-frequency.ts because it
// needs the feature keys (features.ts), and features.ts needs document-frequency.ts (via bridge.ts).

import type { DocumentFrequency } from './document-frequency.js';
import { featureKeys, type ArticleFeatures } from './features.js';

/** Frequencies over a set of articles (a bench corpus, a test fixture). */
export function frequencyOf(features: readonly ArticleFeatures[]): DocumentFrequency {
  const counts = new Map<string, number>();
  for (const f of features) for (const k of featureKeys(f)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return { documents: features.length, count: (key) => counts.get(key) ?? 0 };
}
