// The day's digest: one item per story, grouped under its tier, highest tier first; within a
// tier by the ranking's score, then story id (a stable order). Stories told only by research
// listings (papers) go to a section of their own, capped, the rest counted. An empty day says so.

import { publicUrl, type Face } from '../article.js';
import { paperIds } from '../stories/event-identity.js';
import { digestItemFor, faceContext } from './digest-item.js';
import { LABELS } from './labels.js';
import { SCHEMA_VERSION, type Digest, type DigestItem } from './schemas.js';
import { analyseStory, type StoryInput } from './story-analysis.js';

export interface DigestOptions {
  /** YYYY-MM-DD: the day the digest is for (passed in; the writer reads no clock). */
  readonly date: string;
  readonly language: Face;
  /** At most this many research stories are listed; the rest are counted (default RESEARCH_CAP). */
  readonly researchCap?: number;
}

export const RESEARCH_CAP = 10;

const ARXIV_PAGE = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i;

/**
 * A story told only by research listings: every article is an arXiv abstract page, or comes from
 * a research source and names a paper by arXiv id or DOI. A lab's own write-up without a paper id
 * stays a story in the tiers, and so does a paper the press wrote up (the press is news).
 */
export function isResearchStory(story: StoryInput): boolean {
  return (
    story.articles.length > 0 &&
    story.articles.every(
      (a) =>
        ARXIV_PAGE.test(a.url) ||
        (a.sourceType === 'research' && paperIds(`${a.title ?? ''}\n${a.text}`, a.url).length > 0),
    )
  );
}

export function writeDigest(stories: readonly StoryInput[], options: DigestOptions): Digest {
  const ordered = [...stories].sort(
    (a, b) =>
      a.ranking.tier.level - b.ranking.tier.level ||
      b.ranking.score - a.ranking.score ||
      (a.storyId < b.storyId ? -1 : a.storyId > b.storyId ? 1 : 0),
  );
  const tiers: Digest['tiers'] = [];
  const research: Digest['research'] = { items: [], more: 0 };
  const cap = options.researchCap ?? RESEARCH_CAP;
  for (const story of ordered) {
    if (story.articles.length === 0) continue;
    if (isResearchStory(story)) {
      if (research.items.length >= cap) {
        research.more++;
        continue;
      }
      // The story's first article by id: the same one every run.
      const lead = [...story.articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0]!;
      research.items.push({
        storyId: story.storyId,
        title: lead.title ?? lead.url,
        outlet: lead.outlet,
        url: publicUrl(lead.url),
      });
      continue;
    }
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
    notice: count === 0 && research.items.length === 0 ? LABELS[options.language].nothingToday : null,
    tiers,
    research,
  };
}
