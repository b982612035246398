// Incremental grouping over any archive of stories (the store, or memory for benches and tests):
// each article is compared only with candidate stories found through the key index in its date
// window, so adding one costs the same however large the archive. Stories never reshuffle: an
// article is placed once, and existing members never move.

import { LANGUAGE_KEYS, type DocumentFrequency } from './document-frequency.js';
import { featureKeys, featuresOf, indexKeys, type ArticleFeatures, type ArticleLike } from './features.js';
import {
  activityTime,
  DEFAULT_GROUPING,
  placeArticle,
  rankCandidates,
  windowAround,
  type GroupingOptions,
  type KeyHit,
  type Placement,
  type StoryCandidate,
} from './grouping.js';
import type { TimelineEntry } from './story.js';
import type { SourceType } from '../sources/registry.js';

export interface TimeWindow {
  readonly from: string;
  readonly to: string;
}

export interface NewMember {
  readonly storyId: string;
  /** The article starts the story. */
  readonly first: boolean;
  readonly entry: TimelineEntry;
  readonly ingestedAt: string;
  readonly features: ArticleFeatures;
  /** Keys that find the story (entities, figures, terms). */
  readonly indexKeys: readonly string[];
  /** Keys counted for rarity (index keys and words). */
  readonly frequencyKeys: readonly string[];
}

export interface StoryArchive {
  /**
   * Stories with any of the keys whose last activity lies in `active` or whose last ingest lies in
   * `ingested` (so an undated article meets the stories being covered when it arrived), ordered
   * by story then key. A key found in more than `maxPerKey` such stories gives no hits at all.
   */
  keyHits(keys: readonly string[], active: TimeWindow, ingested: TimeWindow, maxPerKey: number): Promise<KeyHit[]>;
  frequencies(keys: readonly string[]): Promise<DocumentFrequency>;
  /** Each story's first member and its most recent `maxMembers` members. */
  candidates(storyIds: readonly string[], maxMembers: number): Promise<StoryCandidate[]>;
  /** Records the placement; false (and no change) when the article already has a story. */
  addMember(member: NewMember): Promise<boolean>;
}

/** An article with what the timeline shows about it. */
export interface ArticleToPlace extends ArticleLike {
  readonly url: string;
  readonly outlet: string | null;
  readonly sourceType: SourceType | null;
  readonly ingestedAt: string;
}

export interface PlacedArticle {
  readonly articleId: string;
  readonly placement: Placement;
  /** false when another process placed the article first. */
  readonly recorded: boolean;
}

/** Input order for a batch: by activity time, then id, so a batch places the same way every run. */
export function inPlacementOrder<T extends ArticleToPlace>(articles: readonly T[]): T[] {
  return [...articles]
    .map((a) => ({ a, t: activityTime(a.published, a.ingestedAt) }))
    .sort((x, y) => (x.t < y.t ? -1 : x.t > y.t ? 1 : x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0))
    .map((x) => x.a);
}

export async function placeInArchive(
  archive: StoryArchive,
  article: ArticleToPlace,
  options: GroupingOptions = DEFAULT_GROUPING,
): Promise<PlacedArticle> {
  const features = featuresOf(article);
  const keys = indexKeys(features);
  const at = activityTime(article.published, article.ingestedAt);
  const ingestedAt = new Date(Date.parse(article.ingestedAt)).toISOString();
  const hits = await archive.keyHits(
    keys,
    windowAround(at, options.windowDays),
    windowAround(ingestedAt, options.windowDays),
    options.maxStoriesPerKey,
  );
  const ranked = rankCandidates(hits, await archive.frequencies(keys), options.maxCandidates);
  const candidates = ranked.length === 0 ? [] : await archive.candidates(ranked, options.maxMembersCompared);
  const allKeys = new Set([...featureKeys(features), ...LANGUAGE_KEYS]);
  for (const c of candidates) for (const m of c.members) for (const k of keysOf(m)) allKeys.add(k);
  const df = await archive.frequencies([...allKeys]);
  const placement = placeArticle(features, candidates, df, options);
  const entry: TimelineEntry = {
    articleId: article.id,
    title: article.title,
    outlet: article.outlet,
    sourceType: article.sourceType,
    language: article.language,
    published: article.published,
    activityAt: at,
    url: article.url,
    score: placement.kind === 'join' ? placement.score : null,
  };
  const recorded = await archive.addMember({
    storyId: placement.storyId,
    first: placement.kind === 'new',
    entry,
    ingestedAt,
    features,
    indexKeys: keys,
    frequencyKeys: featureKeys(features),
  });
  return { articleId: article.id, placement, recorded };
}

// A member's keys never change; a member is compared in many placements, so they are derived once.
const memberKeys = new WeakMap<ArticleFeatures, readonly string[]>();
function keysOf(f: ArticleFeatures): readonly string[] {
  let keys = memberKeys.get(f);
  if (!keys) memberKeys.set(f, (keys = featureKeys(f)));
  return keys;
}

/** Places a batch in order; articles already placed are the caller's to leave out. */
export async function placeAllInArchive(
  archive: StoryArchive,
  articles: readonly ArticleToPlace[],
  options: GroupingOptions = DEFAULT_GROUPING,
): Promise<PlacedArticle[]> {
  const out: PlacedArticle[] = [];
  for (const a of inPlacementOrder(articles)) out.push(await placeInArchive(archive, a, options));
  return out;
}
