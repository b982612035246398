// The stories stage over the store: place every article not yet in a story (incremental and
// idempotent: a re-run places nothing), and read stories back for the CLI.

import { fail, ok, type Result } from '../errors.js';
import { LANGUAGE_KEYS } from './document-frequency.js';
import { featureKeys, featuresOf } from './features.js';
import { createBatchArchive, type StorySeed } from './batch-archive.js';
import { activityTime, DEFAULT_GROUPING, windowAround, type GroupingOptions } from './grouping.js';
import { featureSimilarity, type SimilarityBreakdown } from './similarity.js';
import type { Story } from './story.js';
import {
  placeInArchive,
  type NewMember,
  type PlacedArticle,
  type StoryArchive,
  type ArticleToPlace,
  type TimeWindow,
} from './story-archive.js';

// What this stage needs from the store, declared here so that the stage never imports src/store:
// the orchestration passes the store's ArticleStore and StoryStore, which satisfy these.

/** Stored articles by id (placement) or by id or prefix (explaining a pair). */
export interface ArticleLookup {
  getArticle(idOrPrefix: string): Promise<ArticleToPlace | null | 'ambiguous'>;
  getArticles(ids: readonly string[]): Promise<ArticleToPlace[]>;
}

/** What placing a batch reads from and writes to the stored stories. */
export interface StoryPlacementStore {
  /**
   * Of the given articles (default: all), those not yet in a story, with the times that order
   * placement and bound the window.
   */
  unassignedArticles(
    articleIds?: readonly string[],
  ): Promise<Array<{ id: string; published: string | null; ingestedAt: string }>>;
  /**
   * What a batch placed in memory needs from the store: stories whose last activity lies in
   * `active` or last ingest in `ingested`, each with its keys and its first and `maxMembers`
   * latest members; and how many articles are counted.
   */
  storySeeds(
    active: TimeWindow,
    ingested: TimeWindow,
    maxMembers: number,
  ): Promise<{ documents: number; stories: StorySeed[] }>;
  /** Stored article counts of the keys (keys never counted are left out). */
  keyCounts(keys: readonly string[]): Promise<Map<string, number>>;
  /**
   * Writes a batch of placements made in memory, in one transaction. false (and no change) when
   * the counted articles are not `documentsBefore` or an article already has a story: someone
   * else placed articles meanwhile, and the batch must be placed again.
   */
  addMembers(members: readonly NewMember[], documentsBefore: number): Promise<boolean>;
}

/** Stored stories read back. */
export interface StoryLookup {
  listStories(filter: { date: string | null }): Promise<Story[]>;
  /** By story id or prefix, or by the id or prefix of one of its articles. */
  getStory(idOrPrefix: string): Promise<Story | null | 'ambiguous'>;
}

/** The stores assignStories is handed. */
export interface PlacementStores {
  readonly articles: Pick<ArticleLookup, 'getArticles'>;
  readonly stories: StoryPlacementStore;
}

export interface AssignReport {
  readonly placed: readonly PlacedArticle[];
  readonly newStories: number;
  readonly joined: number;
}

/** Articles read from the store and placements written to it per chunk of this many. */
const CHUNK = 1000;

/**
 * Places the given articles (default: every stored article) that have no story yet. The batch is
 * placed in memory (createBatchArchive: the same decisions as one article at a time against the
 * store) and written in bulk per chunk; if another process places articles meanwhile, what is
 * left is placed again from the store's new state.
 */
export async function assignStories(
  stores: PlacementStores,
  articleIds?: readonly string[],
  options: GroupingOptions = DEFAULT_GROUPING,
): Promise<Result<AssignReport>> {
  try {
    const placed: PlacedArticle[] = [];
    let complete = false;
    for (let attempt = 0; attempt < 5 && !complete; attempt++) {
      complete = await placeBatch(stores, articleIds, options, placed);
    }
    if (!complete)
      return fail(
        'store_error',
        'grouping articles into stories failed: other processes kept placing the same articles',
      );
    return ok({
      placed,
      newStories: placed.filter((p) => p.placement.kind === 'new').length,
      joined: placed.filter((p) => p.placement.kind === 'join').length,
    });
  } catch (error) {
    return fail('store_error', `grouping articles into stories failed: ${(error as Error).message}`);
  }
}

/** One pass over the unplaced articles; false when a write found the store changed under it. */
async function placeBatch(
  stores: PlacementStores,
  articleIds: readonly string[] | undefined,
  options: GroupingOptions,
  placed: PlacedArticle[],
): Promise<boolean> {
  const order = (await stores.stories.unassignedArticles(articleIds))
    .map((a) => ({
      id: a.id,
      at: activityTime(a.published, a.ingestedAt),
      ingested: new Date(Date.parse(a.ingestedAt)).toISOString(),
    }))
    .sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  if (order.length === 0) return true;
  // Earliest ingest among the articles still to place, for dropping stories none can reach.
  const laterIngest: string[] = new Array<string>(order.length);
  for (let i = order.length - 1; i >= 0; i--) {
    const next = laterIngest[i + 1];
    laterIngest[i] = next !== undefined && next < order[i]!.ingested ? next : order[i]!.ingested;
  }
  const ingestedTimes = order.map((o) => o.ingested).sort();
  const span = (from: string, to: string) => ({
    from: windowAround(from, options.windowDays).from,
    to: windowAround(to, options.windowDays).to,
  });
  const seeds = await stores.stories.storySeeds(
    span(order[0]!.at, order.at(-1)!.at),
    span(ingestedTimes[0]!, ingestedTimes.at(-1)!),
    options.maxMembersCompared,
  );
  const archive = createBatchArchive(seeds.stories, seeds.documents, (keys) => stores.stories.keyCounts(keys));
  let documents = seeds.documents;
  for (let from = 0; from < order.length; from += CHUNK) {
    const ids = order.slice(from, from + CHUNK).map((o) => o.id);
    const found = new Map((await stores.articles.getArticles(ids)).map((a) => [a.id, a]));
    const chunk: PlacedArticle[] = [];
    for (const id of ids) {
      const article = found.get(id);
      if (article) chunk.push(await placeInArchive(archive, article, options));
    }
    if (!(await stores.stories.addMembers(archive.takePending(), documents))) return false;
    documents = archive.documents();
    placed.push(...chunk);
    const next = from + CHUNK;
    if (next < order.length) {
      archive.evict(
        windowAround(order[next]!.at, options.windowDays).from,
        windowAround(laterIngest[next]!, options.windowDays).from,
      );
    }
  }
  return true;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Stories, newest activity first; with a date, those with coverage that UTC day. */
export async function listStories(
  stores: { readonly stories: Pick<StoryLookup, 'listStories'> },
  filter: { date?: string | null } = {},
): Promise<Result<Story[]>> {
  if (filter.date && (!DAY.test(filter.date) || Number.isNaN(Date.parse(`${filter.date}T00:00:00Z`)))) {
    return fail('bad_input', `date "${filter.date}" is not a calendar day in the form YYYY-MM-DD`, filter.date);
  }
  try {
    return ok(await stores.stories.listStories({ date: filter.date ?? null }));
  } catch (error) {
    return fail('store_error', `reading stories failed: ${(error as Error).message}`);
  }
}

/** A story by id or id prefix (or by the id of one of its articles). */
export async function getStory(
  stores: { readonly stories: Pick<StoryLookup, 'getStory'> },
  idOrPrefix: string,
): Promise<Result<Story>> {
  const key = idOrPrefix.trim();
  if (key.length < 4)
    return fail('bad_input', `story id "${idOrPrefix}" is too short: give at least 4 characters`, idOrPrefix);
  try {
    const story = await stores.stories.getStory(key);
    if (story === null) return fail('not_found', `no story or article with id "${idOrPrefix}"`, idOrPrefix);
    if (story === 'ambiguous')
      return fail('bad_input', `id prefix "${idOrPrefix}" matches several stories: give more characters`, idOrPrefix);
    return ok(story);
  } catch (error) {
    return fail('store_error', `reading story ${idOrPrefix} failed: ${(error as Error).message}`, idOrPrefix);
  }
}

export interface SimilarityExplanation {
  readonly a: {
    readonly id: string;
    readonly title: string | null;
    readonly outlet: string | null;
    readonly language: string;
  };
  readonly b: {
    readonly id: string;
    readonly title: string | null;
    readonly outlet: string | null;
    readonly language: string;
  };
  readonly similarity: SimilarityBreakdown;
  /** Whether the two would join one story at the grouping threshold. */
  readonly sameStory: boolean;
  readonly threshold: number;
}

/** Score and reasons for two stored articles, with rarity weights from the store. */
export async function explainSimilarity(
  stores: { readonly articles: Pick<ArticleLookup, 'getArticle'>; readonly stories: Pick<StoryArchive, 'frequencies'> },
  a: string,
  b: string,
  options: GroupingOptions = DEFAULT_GROUPING,
): Promise<Result<SimilarityExplanation>> {
  try {
    const found: ArticleToPlace[] = [];
    for (const id of [a, b]) {
      const article = await stores.articles.getArticle(id);
      if (article === null) return fail('not_found', `no article with id "${id}"`, id);
      if (article === 'ambiguous')
        return fail('bad_input', `id prefix "${id}" matches several articles: give more characters`, id);
      found.push(article);
    }
    const [x, y] = [found[0]!, found[1]!];
    const fx = featuresOf(x);
    const fy = featuresOf(y);
    const df = await stores.stories.frequencies([
      ...new Set([...featureKeys(fx), ...featureKeys(fy), ...LANGUAGE_KEYS]),
    ]);
    const similarity = featureSimilarity(fx, fy, df);
    const brief = (s: ArticleToPlace) => ({ id: s.id, title: s.title, outlet: s.outlet, language: s.language });
    return ok({
      a: brief(x),
      b: brief(y),
      similarity,
      sameStory: similarity.score >= options.threshold,
      threshold: options.threshold,
    });
  } catch (error) {
    return fail('store_error', `comparing ${a} and ${b} failed: ${(error as Error).message}`);
  }
}
