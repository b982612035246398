// Who reported a story, each publisher counted once. Syndicated copies, reposts, the same URL
// again and translations are sightings of one article and fold into its outlet; aggregator
// articles fold into the story's originals, and count once (flagged) only when there is none.
import { outletName, type ArticleWithSightings, type SightingRelation } from '../article.js';
import { assertNever } from '../errors.js';
import type { SourceType } from '../sources/registry.js';
import type { Rubric } from './rubric.js';

/**
 * What makes a publisher a publisher of its own, strongest first: the user registered it as a
 * source; we read it from a web site of its own; or nothing but a name it claims (og:site_name in a
 * local file nobody registered), which anyone can write, six times over in six files.
 */
export type PublisherEvidence =
  | { readonly kind: 'registered'; readonly site: string | null }
  | { readonly kind: 'site'; readonly site: string }
  | { readonly kind: 'claimed'; readonly names: readonly string[] };

export interface Publisher {
  readonly name: string;
  /** Normalised outlet name; one publisher per key. */
  readonly key: string;
  readonly type: SourceType;
  readonly articleIds: readonly string[];
  /** Earliest publication among its articles (ISO), for a stable "who first" order. */
  readonly first: string | null;
  readonly evidence: PublisherEvidence;
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

export const outletOf = outletName;

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
  a.first === b.first
    ? a.name < b.name
      ? -1
      : a.name > b.name
        ? 1
        : 0
    : a.first === null
      ? 1
      : b.first === null
        ? -1
        : a.first < b.first
          ? -1
          : 1;

export function countPublishers(articles: readonly ArticleWithSightings[], rubric: Rubric): PublisherCount {
  const groups = new Map<
    string,
    { name: string; type: SourceType; ids: string[]; first: string | null; evidence: PublisherEvidence }
  >();
  const folded: FoldedCopy[] = [];
  const memberKeys = new Set(articles.map((a) => keyOf(outletOf(a))));
  const keyFor = publisherKeys(articles);
  for (const a of articles) {
    const key = keyFor.get(a.id)!;
    const type: SourceType = a.sourceType ?? 'news';
    const g = groups.get(key);
    if (g) {
      g.ids.push(a.id);
      if (a.published !== null && (g.first === null || a.published < g.first)) g.first = a.published;
      // One outlet with an official and a news article is official: it speaks for itself.
      if (type === 'official') g.type = 'official';
      g.evidence = strongest(g.evidence, evidenceOf(a));
      if (g.evidence.kind === 'claimed') g.name = claimedName(g.evidence);
    } else {
      const evidence = evidenceOf(a);
      groups.set(key, {
        name: evidence.kind === 'claimed' ? claimedName(evidence) : outletOf(a),
        type,
        ids: [a.id],
        first: a.published,
        evidence,
      });
    }
    const name = groups.get(key)!.name;
    for (const s of a.sightings) {
      const why = copyWhy(s.relation);
      const outlet = (s.outlet ?? '').trim();
      if (why === null || outlet === '' || memberKeys.has(keyOf(outlet))) continue;
      const aggregator = s.sourceType === 'aggregator' ? ', aggregator' : '';
      if (!folded.some((f) => f.outlet === outlet && f.into === name))
        folded.push({ outlet, into: name, why: `${why}${aggregator}` });
    }
  }
  const all: Publisher[] = [...groups.entries()]
    .map(([key, g]) => ({ name: g.name, key, type: g.type, articleIds: g.ids, first: g.first, evidence: g.evidence }))
    .sort(byFirst);
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

// Independence. A name is a claim: og:site_name is whatever the file says. Articles are one publisher
// when they share an outlet name, or a web site we read them from, or when none of them has more
// than a claimed name: claims without a registration or a site of their own count once together,
// however many names they claim.

const UNVERIFIED_KEY = 'claimed:';

/** The publisher key of every article: connected by shared name or shared site (union-find). */
function publisherKeys(articles: readonly ArticleWithSightings[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let node = x; node !== root; ) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const add = (x: string): void => void (parent.has(x) || parent.set(x, x));
  const union = (x: string, y: string): void => {
    add(x);
    add(y);
    const [a, b] = [find(x), find(y)].sort();
    if (a !== b) parent.set(b!, a!);
  };
  const nodeOf = new Map<string, string>();
  for (const a of articles) {
    const evidence = evidenceOf(a);
    if (evidence.kind === 'claimed') {
      add(UNVERIFIED_KEY);
      nodeOf.set(a.id, UNVERIFIED_KEY);
      continue;
    }
    const name = keyOf(outletOf(a));
    add(name);
    // One web site is one publisher, however many registry entries or feeds reach it (two arXiv
    // categories are one arXiv), except on hosting platforms, where each host is its own.
    if (evidence.site !== null) union(name, `site:${evidence.site}`);
    nodeOf.set(a.id, name);
  }
  return new Map([...nodeOf].map(([id, node]) => [id, find(node)]));
}

/** What backs an article's publisher: a registration, a site we read it from, or only a claim. */
export function evidenceOf(a: ArticleWithSightings): PublisherEvidence {
  const read = readFromSite(a);
  // A registered source vouches for its articles' own addresses too (a folder of saved pages).
  if (a.sourceId !== null) return { kind: 'registered', site: read ?? siteOf(a.url) };
  if (read !== null) return { kind: 'site', site: read };
  return { kind: 'claimed', names: [outletOf(a)] };
}

/** The site we read the article from ourselves (not what it claims), if it was fetched. */
function readFromSite(a: ArticleWithSightings): string | null {
  for (const s of a.sightings) {
    if (s.relation !== 'original' && s.relation !== 'same-url') continue;
    const site = siteOf(s.url);
    if (site !== null) return site;
  }
  return null;
}

/** Hosting platforms: each subdomain is someone else's site. */
const PLATFORM_DOMAINS = new Set([
  'substack.com',
  'medium.com',
  'github.io',
  'blogspot.com',
  'wordpress.com',
  'tumblr.com',
  'ghost.io',
  'hashnode.dev',
  'notion.site',
  'wixsite.com',
  'weebly.com',
  'squarespace.com',
  'netlify.app',
  'vercel.app',
  'pages.dev',
  'gitlab.io',
  'sina.com.cn',
  'sohu.com',
  '163.com',
  'toutiao.com',
  'zhihu.com',
  'csdn.net',
  'cnblogs.com',
  'jianshu.com',
  'weixin.qq.com',
  'mp.weixin.qq.com',
  'feishu.cn',
  'livejournal.com',
  'typepad.com',
]);

function strongest(x: PublisherEvidence, y: PublisherEvidence): PublisherEvidence {
  const rank = { registered: 0, site: 1, claimed: 2 } as const;
  if (x.kind === 'claimed' && y.kind === 'claimed')
    return { kind: 'claimed', names: [...new Set([...x.names, ...y.names])].sort() };
  return rank[x.kind] <= rank[y.kind] ? x : y;
}

function claimedName(e: { names: readonly string[] }): string {
  return e.names.length === 1 ? e.names[0]! : `${e.names.length} unverified names (${e.names.join(', ')})`;
}

/**
 * The site an address belongs to: the host without "www.", cut to its registrable part (the last
 * two labels, three under a two-letter country's generic second level such as co.uk or com.cn), so
 * a.example.com and b.example.com are one site. Null for anything not read over http(s).
 */
export function siteOf(url: string): string | null {
  let host: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    host = u.hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null;
  }
  if (/^[\d.]+$/.test(host) || host.startsWith('[')) return host;
  const labels = host.replace(/^www\./, '').split('.');
  const secondLevel =
    labels.length >= 3 &&
    /^[a-z]{2}$/.test(labels.at(-1)!) &&
    /^(co|com|net|org|gov|edu|ac|ltd|plc|or|ne|go)$/.test(labels.at(-2)!);
  const site = labels.slice(secondLevel ? -3 : -2).join('.');
  // On a hosting platform the host itself is the site (alice.substack.com is not bob.substack.com).
  return PLATFORM_DOMAINS.has(site) || PLATFORM_DOMAINS.has(labels.slice(-3).join('.')) ? labels.join('.') : site;
}
