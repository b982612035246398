// Deciding where one new article goes: the candidate stories come from an inverted index of keys
// (entities, figures, rare terms) limited to a window around the article's date; the article joins
// the best one whose members it resembles enough, or starts a story of its own. Pure.

import type { DocumentFrequency } from './document-frequency.js';
import { rarity } from './document-frequency.js';
import type { ArticleFeatures } from './features.js';
import { distinctEvent } from './event-identity.js';
import { featureSimilarity } from './similarity.js';

export interface GroupingOptions {
  /** Score (0..1) an article needs with some member of a story to join it. */
  readonly threshold: number;
  /** A story is a candidate while its last activity is within this many days of the article. */
  readonly windowDays: number;
  /** At most this many candidate stories are compared in full, the best by shared key rarity. */
  readonly maxCandidates: number;
  /** Per candidate story, the first member and this many most recent ones are compared. */
  readonly maxMembersCompared: number;
  /**
   * A key carried by more stories than this in the window finds none: it is too common there to
   * tell them apart, and following it would make each placement cost grow with coverage per day.
   */
  readonly maxStoriesPerKey: number;
}

export const DEFAULT_GROUPING: GroupingOptions = {
  threshold: 0.5,
  windowDays: 3,
  maxCandidates: 6,
  maxMembersCompared: 3,
  maxStoriesPerKey: 100,
};

export interface KeyHit {
  readonly storyId: string;
  readonly key: string;
}

export interface StoryCandidate {
  readonly id: string;
  readonly members: readonly ArticleFeatures[];
}

export type Placement =
  | {
      readonly kind: 'join';
      readonly storyId: string;
      readonly score: number;
      readonly matchedArticleId: string;
      readonly reasons: string[];
    }
  | {
      readonly kind: 'new';
      readonly storyId: string;
      readonly nearest: { readonly storyId: string; readonly score: number } | null;
    };

/** A story is named after its first article, so its id never changes as coverage arrives. */
export function storyIdFor(firstArticleId: string): string {
  return firstArticleId;
}

/** When an article happened for grouping and for the day it belongs to: published, else ingested. */
export function activityTime(published: string | null, ingestedAt: string): string {
  const t = published ? Date.parse(published) : Number.NaN;
  return new Date(Number.isNaN(t) ? Date.parse(ingestedAt) : t).toISOString();
}

export function windowAround(time: string, days: number): { from: string; to: string } {
  const t = Date.parse(time);
  const span = days * 86_400_000;
  return { from: new Date(t - span).toISOString(), to: new Date(t + span).toISOString() };
}

/** Orders candidate stories by the summed rarity of the keys they share with the article. */
export function rankCandidates(hits: readonly KeyHit[], df: DocumentFrequency, max: number): string[] {
  const weight = new Map<string, number>();
  for (const h of hits) weight.set(h.storyId, (weight.get(h.storyId) ?? 0) + rarity(df, h.key));
  return [...weight]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([id]) => id);
}

const termSets = new WeakMap<ArticleFeatures, ReadonlySet<string>>();
function termSet(f: ArticleFeatures): ReadonlySet<string> {
  let s = termSets.get(f);
  if (!s) termSets.set(f, (s = new Set(f.terms.map((t) => t.key))));
  return s;
}

/** The story the article joins (best score at or above the threshold), or a new one. */
export function placeArticle(
  article: ArticleFeatures,
  candidates: readonly StoryCandidate[],
  df: DocumentFrequency,
  options: GroupingOptions = DEFAULT_GROUPING,
): Placement {
  let best: { storyId: string; score: number; matchedArticleId: string; reasons: string[] } | null = null;
  let bestMember: ArticleFeatures | null = null;
  const articleTerms = new Set(article.terms.map((t) => t.key));
  for (const story of candidates) {
    // A story holding a different paper, product or funded company is another event: the article
    // never joins it, whatever its other members score.
    if (
      story.members.some(
        (m) => m.id !== article.id && distinctEvent(article.identity, m.identity, articleTerms, termSet(m)) !== null,
      )
    )
      continue;
    for (const member of story.members) {
      if (member.id === article.id) continue;
      // Scored without reasons in words; the kept pair is explained below (same score).
      const s = featureSimilarity(article, member, df, false);
      if (!best || s.score > best.score || (s.score === best.score && story.id < best.storyId)) {
        best = { storyId: story.id, score: s.score, matchedArticleId: member.id, reasons: [] };
        bestMember = member;
      }
    }
  }
  if (best && bestMember && best.score >= options.threshold)
    return { kind: 'join', ...best, reasons: featureSimilarity(article, bestMember, df).reasons };
  return {
    kind: 'new',
    storyId: storyIdFor(article.id),
    nearest: best ? { storyId: best.storyId, score: best.score } : null,
  };
}
