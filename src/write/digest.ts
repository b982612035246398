// The day's digest: one item per story, grouped under its tier, highest tier first; within a
// tier by the ranking's score, then story id (a stable order). An empty day says so.

import { digestItemFor, faceContext } from './digest-item.js';
import { LABELS } from './labels.js';
import { SCHEMA_VERSION, type Digest, type DigestItem } from './schemas.js';
import type { FaceLanguage } from './sentence-candidates.js';
import { analyseStory, type StoryInput } from './story-analysis.js';

export interface DigestOptions {
  /** YYYY-MM-DD: the day the digest is for (passed in; the writer reads no clock). */
  readonly date: string;
  readonly language: FaceLanguage;
}

export function writeDigest(stories: readonly StoryInput[], options: DigestOptions): Digest {
  const ordered = [...stories].sort(
    (a, b) =>
      a.ranking.tier.level - b.ranking.tier.level ||
      b.ranking.score - a.ranking.score ||
      (a.storyId < b.storyId ? -1 : a.storyId > b.storyId ? 1 : 0),
  );
  const tiers: Digest['tiers'] = [];
  for (const story of ordered) {
    if (story.articles.length === 0) continue;
    const item: DigestItem = digestItemFor(faceContext(analyseStory(story), options.language));
    const last = tiers[tiers.length - 1];
    if (last && last.tier.level === item.tier.level) last.items.push(item);
    else tiers.push({ tier: item.tier, items: [item] });
  }
  const count = tiers.reduce((n, t) => n + t.items.length, 0);
  return {
    schemaVersion: SCHEMA_VERSION,
    date: options.date,
    language: options.language,
    count,
    notice: count === 0 ? LABELS[options.language].nothingToday : null,
    tiers,
  };
}
