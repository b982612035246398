// The aligner (align.ts) as recognition evidence: how well the two texts' sentences link, one
// number. A translation's sentences link with high confidence; an independent report's sentences
// are forced into links all the same (the DP links everything) but with low scores, and more of
// them are left over as 1-0 and 0-1.

import { align } from './align.js';
import type { AlignmentSummary } from './recognize.js';

/** Mean link confidence, each link weighted by the sentences it covers (a dropped sentence counts its low score). */
export function alignmentSummary(en: readonly string[], zh: readonly string[]): AlignmentSummary {
  const alignment = align(en.join('\n\n'), zh.join('\n\n'));
  let weighted = 0;
  let weight = 0;
  let unlinked = 0;
  for (const l of alignment.links) {
    const size = l.en.length + l.zh.length;
    weighted += l.score * size;
    weight += size;
    if (l.en.length === 0 || l.zh.length === 0) unlinked += size;
  }
  return { score: weight === 0 ? 0 : weighted / weight, links: alignment.links.length, unlinked };
}
