// Which of a story's articles its outputs are written from. A story covered by hundreds of
// articles over weeks would make each digest item cost as much as reading all of them; the writer
// needs the first report, the official sources and the latest coverage. Pure.

import type { TimelineEntry } from './story.js';

/** A story with at most this many articles is written from all of them. */
export const MAX_ARTICLES_WRITTEN = 40;

/**
 * The entries to write from, in timeline order: all of them up to `max`; past it the first, the
 * newest official ones (up to half of `max`), then the newest of the rest.
 */
export function writtenFrom(timeline: readonly TimelineEntry[], max: number = MAX_ARTICLES_WRITTEN): TimelineEntry[] {
  if (timeline.length <= max) return [...timeline];
  const keep = new Set<string>([timeline[0]!.articleId]);
  const officials = timeline.filter((e) => e.sourceType === 'official');
  const officialBudget = Math.floor(max / 2);
  for (let i = officials.length - 1, n = 0; i >= 0 && n < officialBudget; i--, n++) keep.add(officials[i]!.articleId);
  for (let i = timeline.length - 1; i >= 0 && keep.size < max; i--) keep.add(timeline[i]!.articleId);
  return timeline.filter((e) => keep.has(e.articleId));
}
