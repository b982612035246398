// Who reported a story, each publisher counted once. Syndicated copies, reposts, the same URL
// again and translations are sightings of one article and fold into its outlet; aggregator
// articles fold into the story's originals, and count once (flagged) only when there is none.
import type { ArticleWithSightings, SightingRelation } from '../article.js';
import { assertNever } from '../errors.js';
import type { SourceType } from '../sources/registry.js';
import type { Rubric } from './rubric.js';

export interface Publisher {
  readonly name: string;
  /** Normalised outlet name; one publisher per key. */
  readonly key: string;
  readonly type: SourceType;
  readonly articleIds: readonly string[];
  /** Earliest publication among its articles (ISO), for a stable "who first" order. */
  readonly first: string | null;
}

export interface FoldedCopy {
  readonly outlet: string;
  readonly into: string;
  readonly why: string;
}

export interface PublisherCount {
  /** Counted toward corroboration (types in rubric.corroboration.countTypes), in order of first report. */
  readonly independent: readonly Publisher[];
  readonly official: readonly Publisher[];
  /** Publishers of a type the rubric does not count (listed, not counted). */
  readonly uncounted: readonly Publisher[];
  readonly folded: readonly FoldedCopy[];
  /** Set when the only independent publishers are aggregators: they count once, flagged. */
  readonly aggregatorOnly: boolean;
  /** The publisher key of each article, or null when its coverage folds into others'. */
  readonly publisherOf: ReadonlyMap<string, Publisher | null>;
}

export function outletOf(a: { outlet: string | null; siteName: string | null; url: string }): string {
  const named = (a.outlet ?? a.siteName ?? '').trim();
  if (named !== '') return named;
  try {
    return new URL(a.url).hostname.replace(/^www\./, '') || a.url;
  } catch {
    return a.url;
  }
}

const keyOf = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

function copyWhy(relation: SightingRelation): string | null {
  switch (relation) {
    case 'original':
      return null;
    case 'same-url':
      return 'the same article again';
    case 'canonical':
      return 'syndicated copy';
    case 'exact-copy':
      return 'exact copy';
    case 'near-duplicate':
      return 'near-duplicate repost';
    case 'translation':
      return 'translation';
    default:
      return assertNever(relation, 'sighting relation');
  }
}

const byFirst = (a: Publisher, b: Publisher): number =>
  a.first === b.first ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.first === null ? 1 : b.first === null ? -1 : a.first < b.first ? -1 : 1;

export function countPublishers(articles: readonly ArticleWithSightings[], rubric: Rubric): PublisherCount {
  const groups = new Map<string, { name: string; type: SourceType; ids: string[]; first: string | null }>();
  const folded: FoldedCopy[] = [];
  const memberKeys = new Set(articles.map((a) => keyOf(outletOf(a))));
  for (const a of articles) {
    const name = outletOf(a);
    const key = keyOf(name);
    const type: SourceType = a.sourceType ?? 'news';
    const g = groups.get(key);
    if (g) {
      g.ids.push(a.id);
      if (a.published !== null && (g.first === null || a.published < g.first)) g.first = a.published;
      // One outlet with an official and a news article is official: it speaks for itself.
      if (type === 'official') g.type = 'official';
    } else {
      groups.set(key, { name, type, ids: [a.id], first: a.published });
    }
    for (const s of a.sightings) {
      const why = copyWhy(s.relation);
      const outlet = (s.outlet ?? '').trim();
      if (why === null || outlet === '' || memberKeys.has(keyOf(outlet))) continue;
      const aggregator = s.sourceType === 'aggregator' ? ', aggregator' : '';
      if (!folded.some((f) => f.outlet === outlet && f.into === name)) folded.push({ outlet, into: name, why: `${why}${aggregator}` });
    }
  }
  const all: Publisher[] = [...groups.entries()].map(([key, g]) => ({ name: g.name, key, type: g.type, articleIds: g.ids, first: g.first })).sort(byFirst);
  const official = all.filter((p) => p.type === 'official');
  const others = all.filter((p) => p.type !== 'official');
  const originals = others.filter((p) => p.type !== 'aggregator');
  const aggregators = others.filter((p) => p.type === 'aggregator');
  const publisherOf = new Map<string, Publisher | null>();
  for (const p of all) for (const id of p.articleIds) publisherOf.set(id, p);

  let counted: Publisher[] = originals;
  let aggregatorOnly = false;
  if (aggregators.length > 0 && originals.length > 0) {
    for (const p of aggregators) {
      folded.push({ outlet: p.name, into: 'the original reports in this story', why: 'aggregator' });
      for (const id of p.articleIds) publisherOf.set(id, null);
    }
  } else if (aggregators.length > 0) {
    // No original in the story: the aggregators stand for it, once, under the first of them.
    const [head, ...rest] = aggregators;
    counted = [{ ...head!, articleIds: aggregators.flatMap((p) => p.articleIds) }];
    aggregatorOnly = true;
    for (const p of rest) {
      folded.push({ outlet: p.name, into: head!.name, why: 'aggregator' });
      for (const id of p.articleIds) publisherOf.set(id, null);
    }
  }
  const countTypes = new Set<SourceType>(rubric.corroboration.countTypes);
  return {
    independent: counted.filter((p) => countTypes.has(p.type)),
    official,
    uncounted: counted.filter((p) => !countTypes.has(p.type)),
    folded: folded.sort((x, y) => (x.outlet < y.outlet ? -1 : x.outlet > y.outlet ? 1 : 0)),
    aggregatorOnly,
    publisherOf,
  };
}
