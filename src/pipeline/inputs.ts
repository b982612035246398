// Expands what the user named (URLs, files, directories, feeds, OPML lists, URL lists) into the
// pages to read, lazily and in a deterministic order. Every problem becomes a failure for that one
// item; nothing here throws for bad input.

import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { assertNever, fail, ok, type Failure, type Result } from '../errors.js';
import type { ExtractedPage } from '../extract/extract.js';
import { extractPageIsolated } from '../extract/extract-isolated.js';
import { decodeBytes } from '../fetch/decode.js';
import type { Fetcher } from '../fetch/fetcher.js';
import { parseFeed, type Feed, type FeedItem } from '../sources/feed.js';
import { listLocalInputs, readLocalInput } from '../sources/local.js';
import { parseOpml } from '../sources/opml.js';
import type { SourceEntry } from '../sources/registry.js';
import { sniffFormat, type InputFormat } from '../sources/sniff.js';
import { parseUrlList } from '../sources/url-list.js';
import { followReference } from '../fetch/reference-policy.js';
import type { PageOrigin } from './candidate.js';
import { textToHtml } from '../sources/strip-markup.js';

export type Work =
  | {
      readonly kind: 'page';
      readonly origin: PageOrigin;
      readonly format: 'html' | 'markdown' | 'text';
      readonly text: string;
      /** What the reader should know about how it was read (e.g. bytes that could not be decoded). */
      readonly notes?: readonly string[];
    }
  | {
      readonly kind: 'extracted';
      readonly origin: PageOrigin;
      readonly page: ExtractedPage;
      /** Read from the feed's own title and summary because the item's page could not be fetched. */
      readonly fromFeedSummary?: boolean;
      readonly notes?: readonly string[];
    }
  /** A feed item whose page is already stored: recorded as another sighting, not fetched again. */
  | { readonly kind: 'seen'; readonly origin: PageOrigin; readonly articleId: string }
  | { readonly kind: 'failed'; readonly failure: Failure }
  /** Something the reader should know about an input that is not an item's failure (a feed's XML errors, read around). */
  | { readonly kind: 'notice'; readonly subject: string; readonly message: string };

export interface ExpandContext {
  readonly fetcher: Fetcher | null;
  readonly maxBytes: number;
  readonly concurrency: number;
  findSource(location: string): SourceEntry | null;
  /** The stored article already seen at this URL, if any. */
  knownArticle(url: string): Promise<string | null>;
  /**
   * Fetches that failed in this run, by URL: a URL named again (one feed listing it 120 times,
   * several feeds) is not fetched again and its failure is not reported again.
   */
  readonly failedFetches?: Map<string, Failure>;
  /** Fetches under way, by URL: a URL named twice at once is fetched once. */
  readonly pendingFetches?: Map<string, Promise<Fetched>>;
}

/** A feed item whose content carries at least this much text is read from the feed, not fetched. */
const FULL_CONTENT_MIN_CHARS = 400;

/** How many lists deep an entry may be: a list naming lists naming lists is as far as we go. */
export const MAX_LIST_DEPTH = 3;
/** How many entries of lists (OPML, URL lists, at any depth) one input may lead to. */
export const MAX_LIST_ENTRIES = 5_000;

export async function* expandInput(arg: string, ctx: ExpandContext): AsyncGenerator<Work> {
  yield* expandLocation(arg, { via: arg, source: null, feedTitle: null, depth: 0 }, ctx, {
    visited: new Set(),
    entries: 0,
  });
}

interface Inherited {
  readonly via: string;
  readonly source: SourceEntry | null;
  readonly feedTitle: string | null;
  /** How many lists (OPML, URL lists) led here. */
  readonly depth: number;
}

/** One input's walk: where it has been, and how many list entries it has followed. */
interface Walk {
  readonly visited: Set<string>;
  entries: number;
}

async function* expandLocation(
  location: string,
  inherited: Inherited,
  ctx: ExpandContext,
  walk: Walk,
): AsyncGenerator<Work> {
  if (walk.visited.has(location)) return;
  walk.visited.add(location);
  if (/^https?:\/\//i.test(location)) {
    yield* expandUrl(location, inherited, ctx, walk);
    return;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location) && !location.startsWith('file:')) {
    yield failed(fail('unsupported', `${location}: only http(s) URLs, files and directories can be read`, location));
    return;
  }
  const filePath = location.startsWith('file:') ? fileURLToPath(location) : path.resolve(location);
  let isDirectory = false;
  try {
    isDirectory = (await stat(filePath)).isDirectory();
  } catch {
    yield failed(fail('not_found', `${location}: no such file, directory or URL`, location));
    return;
  }
  if (isDirectory) {
    const listed = await listLocalInputs(filePath);
    if (!listed.ok) {
      yield failed(listed);
      return;
    }
    // Pages first, then feeds and lists: a feed item linking to a page already read is then
    // recognised by its URL instead of being fetched.
    const files = [...listed.value].sort(
      (a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
    );
    for (const file of files) {
      if (file.failure) {
        yield failed(file.failure);
        continue;
      }
      yield* expandFile(
        file.path,
        { ...inherited, via: file.path, source: inherited.source ?? ctx.findSource(file.path) },
        ctx,
        walk,
      );
    }
    return;
  }
  yield* expandFile(filePath, { ...inherited, source: inherited.source ?? ctx.findSource(filePath) }, ctx, walk);
}

function rank(file: string): number {
  return /\.(x?html?|html\.gz|md|markdown|txt)$/i.test(file) ? 0 : 1;
}

async function* expandFile(
  filePath: string,
  inherited: Inherited,
  ctx: ExpandContext,
  walk: Walk,
): AsyncGenerator<Work> {
  walk.visited.add(filePath);
  const read = await readLocalInput(filePath, ctx.maxBytes);
  if (!read.ok) {
    yield failed(read);
    return;
  }
  const decoded = decodeBytes(read.value.bytes, { kind: kindFromName(filePath) });
  if (!decoded.ok) {
    yield failed({
      ...decoded,
      message: decoded.message.includes(filePath) ? decoded.message : `${filePath}: ${decoded.message}`,
      subject: filePath,
    });
    return;
  }
  const format = sniffFormat(decoded.value.text, filePath.replace(/\.gz$/i, ''), null);
  yield* dispatch(
    decoded.value.text,
    format,
    pathToFileURL(filePath).toString(),
    inherited,
    ctx,
    walk,
    replacementNotes(decoded.value.replaced, decoded.value.charset),
  );
}

async function* expandUrl(url: string, inherited: Inherited, ctx: ExpandContext, walk: Walk): AsyncGenerator<Work> {
  const fetched = await fetchText(url, ctx);
  if (!fetched.ok) {
    yield failed(fetched.failure);
    return;
  }
  const format = sniffFormat(fetched.text, new URL(fetched.url).pathname, fetched.contentType);
  const source = inherited.source ?? ctx.findSource(url);
  yield* dispatch(fetched.text, format, fetched.url, { ...inherited, source }, ctx, walk, fetched.notes);
}

type Fetched =
  | { ok: true; url: string; text: string; contentType: string | null; notes: readonly string[] }
  /** `repeated`: this URL's failure was met before in this run (it is reported once). */
  | { ok: false; failure: Failure; repeated?: boolean };

async function fetchText(url: string, ctx: ExpandContext): Promise<Fetched> {
  if (ctx.fetcher === null) return { ok: false, failure: fail('unsupported', `${url}: fetching is turned off`, url) };
  const before = ctx.failedFetches?.get(url);
  if (before !== undefined) return { ok: false, failure: before, repeated: true };
  const pending = ctx.pendingFetches?.get(url);
  if (pending !== undefined) {
    const shared = await pending;
    return shared.ok ? shared : { ...shared, repeated: true };
  }
  const started = fetchOnce(url, ctx.fetcher, ctx);
  ctx.pendingFetches?.set(url, started);
  try {
    return await started;
  } finally {
    ctx.pendingFetches?.delete(url);
  }
}

async function fetchOnce(url: string, fetcher: Fetcher, ctx: ExpandContext): Promise<Fetched> {
  const res = await fetcher.fetch(url);
  if (!res.ok) {
    ctx.failedFetches?.set(url, res);
    return { ok: false, failure: res };
  }
  return {
    ok: true,
    url: res.value.url,
    text: res.value.text,
    contentType: res.value.contentType,
    notes: replacementNotes(res.value.replacedBytes, res.value.charset),
  };
}

async function* dispatch(
  text: string,
  format: InputFormat | null,
  location: string,
  inherited: Inherited,
  ctx: ExpandContext,
  walk: Walk,
  notes: readonly string[] = [],
): AsyncGenerator<Work> {
  const origin: PageOrigin = {
    url: location,
    via: inherited.via,
    source: inherited.source,
    feedTitle: inherited.feedTitle,
  };
  const name = displayName(location);
  switch (format) {
    case 'html':
    case 'markdown':
    case 'text':
      yield notes.length > 0 ? { kind: 'page', origin, format, text, notes } : { kind: 'page', origin, format, text };
      return;
    case 'rss2':
    case 'rdf':
    case 'atom':
    case 'jsonfeed': {
      const parsed = parseFeed(text, { baseUrl: location.startsWith('file:') ? undefined : location, name });
      if (!parsed.ok) {
        yield failed(parsed);
        return;
      }
      yield* feedNotices(parsed.value, name);
      yield* expandFeed(parsed.value, location, inherited, ctx);
      return;
    }
    case 'opml': {
      const parsed = parseOpml(text, { name, baseUrl: location });
      if (!parsed.ok) {
        yield failed(parsed);
        return;
      }
      const admitted = admitEntries(
        parsed.value.map((e) => e.xmlUrl),
        name,
        location,
        inherited.depth,
        walk,
      );
      for (const problem of admitted.problems) yield failed(problem);
      for (const target of admitted.targets) {
        const source = ctx.findSource(target);
        yield* expandLocation(target, { via: target, source, feedTitle: null, depth: inherited.depth + 1 }, ctx, walk);
      }
      return;
    }
    case 'urllist': {
      const list = parseUrlList(text, { name, baseUrl: location });
      for (const problem of list.problems) yield failed(fail('bad_input', problem, name));
      const admitted = admitEntries(list.urls, name, location, inherited.depth, walk);
      for (const problem of admitted.problems) yield failed(problem);
      yield* concurrentExpand(
        admitted.targets,
        (u) =>
          expandLocation(
            u,
            { via: name, source: ctx.findSource(u), feedTitle: null, depth: inherited.depth + 1 },
            ctx,
            walk,
          ),
        ctx.concurrency,
      );
      return;
    }
    case null:
      yield failed(fail('unsupported', `${name}: not a feed, page, OPML list or URL list`, name));
      return;
    default:
      assertNever(format, 'input format');
  }
}

/** A feed's XML errors as one notice; each item the document cut off, and a cut with no item lost, as a failure. */
export function* feedNotices(feed: Feed, name: string): Generator<Work> {
  if (feed.xmlProblems.length > 0) {
    const shown = feed.xmlProblems.slice(0, 5).join('; ');
    const more = feed.xmlProblems.length > 5 ? `; and ${feed.xmlProblems.length - 5} more` : '';
    yield {
      kind: 'notice',
      subject: name,
      message: `XML errors read around (${feed.items.length} ${feed.items.length === 1 ? 'item' : 'items'} read): ${shown}${more}`,
    };
  }
  for (const [i, message] of feed.lostItems.entries()) {
    const item = /^item \d+/.exec(message)?.[0] ?? `lost item ${i + 1}`;
    yield failed(fail('bad_input', `${name}: ${message}`, `${name} ${item}`));
  }
  if (feed.truncated && feed.lostItems.length === 0) {
    yield failed(
      fail(
        'bad_input',
        `${name}: the feed is cut off (the document ends inside an element); items after the cut, if any, were not read`,
        name,
      ),
    );
  }
}

/**
 * One item of a feed read at `location`, as a job of its own (`tidings watch`, issue 16): read as
 * it is read within its whole feed. `index` is its place in the feed (from 0), which names it in
 * messages and, when it has no link, in its address.
 */
export async function* expandFeedItem(
  item: FeedItem,
  index: number,
  feed: { readonly location: string; readonly title: string | null },
  ctx: ExpandContext,
): AsyncGenerator<Work> {
  const single: Feed = {
    format: 'rss2',
    title: feed.title,
    siteUrl: null,
    feedUrl: null,
    language: null,
    items: [item],
    problems: [],
    wellFormed: true,
    lost: 0,
    xmlProblems: [],
    lostItems: [],
    truncated: false,
  };
  const source = ctx.findSource(feed.location.startsWith('file:') ? fileURLToPath(feed.location) : feed.location);
  yield* expandFeed(single, feed.location, { via: feed.location, source, feedTitle: null, depth: 0 }, ctx, index);
}

async function* expandFeed(
  feed: Feed,
  location: string,
  inherited: Inherited,
  ctx: ExpandContext,
  offset = 0,
): AsyncGenerator<Work> {
  const feedTitle = inherited.source?.feedTitle ?? feed.title ?? null;
  const via = displayName(location);
  const base: Omit<PageOrigin, 'url'> = { via, source: inherited.source, feedTitle };
  const needFetch: Array<{ index: number; item: FeedItem; url: string }> = [];
  const results: Work[][] = feed.items.map(() => []);

  for (const [index, item] of feed.items.entries()) {
    const hints = { title: item.title, published: item.published, author: item.author };
    const label = `${via} item ${index + 1 + offset}${item.title ? ` ("${item.title.slice(0, 60)}")` : ''}`;
    const link = item.url ?? (item.guid && /^https?:\/\//.test(item.guid) ? item.guid : null);
    const followed = link === null ? null : followReference(link, location, 'feed item link');
    if (followed !== null && !followed.ok) {
      results[index]!.push(failed({ ...followed, message: `${label}: ${followed.message}` }));
      continue;
    }
    const url = followed?.value ?? null;
    if (item.contentHtml && plainLength(item.contentHtml) >= FULL_CONTENT_MIN_CHARS) {
      // Read in the page worker, within the page cost limits; a page over one is reported.
      const read = await extractPageIsolated({
        format: 'html',
        text: item.contentHtml,
        name: label,
        ...(url ? { url } : {}),
      });
      if (!read.ok) {
        results[index]!.push(failed(read));
        continue;
      }
      const page = read.value;
      const itemUrl = url ?? `${location}#${encodeURIComponent(item.guid ?? String(index + 1 + offset))}`;
      results[index]!.push({
        kind: 'extracted',
        origin: { ...base, url: itemUrl, hints },
        page: { ...page, title: page.title ?? item.title },
      });
      continue;
    }
    if (url === null) {
      results[index]!.push(failed(fail('bad_input', `${label} has no link and no full text`, label)));
      continue;
    }
    const known = await ctx.knownArticle(url);
    if (known !== null) {
      results[index]!.push({ kind: 'seen', origin: { ...base, url, hints }, articleId: known });
      continue;
    }
    needFetch.push({ index, item, url });
  }

  // Pages that must be fetched are fetched concurrently (the fetcher paces each host), then
  // everything is handed on in the feed's own order.
  await mapConcurrent(needFetch, ctx.concurrency, async ({ index, item, url }) => {
    const hints = { title: item.title, published: item.published, author: item.author };
    const fetched = await fetchText(url, ctx);
    if (!fetched.ok) {
      // The page could not be read: the item is kept from what the feed itself says, marked so.
      const label = `${via} item ${index + 1 + offset}${item.title ? ` ("${item.title.slice(0, 60)}")` : ''}`;
      const kept = await fromFeedSummary(item, url, label, fetched.failure);
      if (kept === null) results[index]!.push(failed(fetched.failure));
      else
        results[index]!.push({
          kind: 'extracted',
          origin: { ...base, url, hints },
          page: kept.page,
          fromFeedSummary: true,
          ...(fetched.repeated ? {} : { notes: [kept.note] }),
        });
      return;
    }
    const format = sniffFormat(fetched.text, new URL(fetched.url).pathname, fetched.contentType);
    const pageFormat = format === 'markdown' || format === 'text' ? format : 'html';
    const page = {
      kind: 'page',
      origin: { ...base, url: fetched.url, hints },
      format: pageFormat,
      text: fetched.text,
    } as const;
    results[index]!.push(fetched.notes.length > 0 ? { ...page, notes: fetched.notes } : page);
  });
  for (const works of results) yield* works;
}

/**
 * A feed item read from the feed alone (its title and its summary or short content), for when its
 * page could not be fetched; null when the feed gives no text beyond a title.
 */
async function fromFeedSummary(
  item: FeedItem,
  url: string,
  label: string,
  failure: Failure,
): Promise<{ page: ExtractedPage; note: string } | null> {
  const summary = textToHtml(item.summary ?? '');
  const content = item.contentHtml && plainLength(item.contentHtml) > 0 ? item.contentHtml : summary;
  if (content === '') return null;
  const read = await extractPageIsolated({ format: 'html', text: content, name: label, url });
  if (!read.ok || read.value.paragraphs.join('').trim() === '') return null;
  const note = `page not fetched (${failure.message}); kept from the feed's summary`;
  return { page: { ...read.value, title: item.title ?? read.value.title, canonicalUrl: null }, note };
}

async function* concurrentExpand(
  items: readonly string[],
  expand: (item: string) => AsyncGenerator<Work>,
  concurrency: number,
): AsyncGenerator<Work> {
  const results: Work[][] = items.map(() => []);
  await mapConcurrent(
    items.map((item, index) => ({ item, index })),
    concurrency,
    async ({ item, index }) => {
      for await (const work of expand(item)) results[index]!.push(work);
    },
  );
  for (const works of results) yield* works;
}

export async function mapConcurrent<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

/**
 * The entries of a list read at `location` that may be followed: each through the reference policy
 * (`follow`), no deeper than MAX_LIST_DEPTH lists, and no more than MAX_LIST_ENTRIES for the whole
 * input. What is not followed is reported, never dropped without a word.
 */
function admitEntries(
  refs: readonly string[],
  name: string,
  location: string,
  depth: number,
  walk: Walk,
): { targets: string[]; problems: Failure[] } {
  const problems: Failure[] = [];
  if (refs.length === 0) return { targets: [], problems };
  if (depth >= MAX_LIST_DEPTH) {
    problems.push(
      fail(
        'too_large',
        `${name}: a list reached through ${depth} other lists; its ${refs.length} entries are not followed (lists are followed ${MAX_LIST_DEPTH} deep)`,
        name,
      ),
    );
    return { targets: [], problems };
  }
  const targets: string[] = [];
  let skipped = 0;
  for (const ref of refs) {
    const target = follow(ref, location);
    if (!target.ok) {
      problems.push(target);
      continue;
    }
    if (walk.entries >= MAX_LIST_ENTRIES) {
      skipped++;
      continue;
    }
    walk.entries++;
    targets.push(target.value);
  }
  if (skipped > 0)
    problems.push(
      fail(
        'too_large',
        `${name}: ${skipped} entries not followed: one input may lead to at most ${MAX_LIST_ENTRIES} list entries`,
        name,
      ),
    );
  return { targets, problems };
}

/**
 * An entry of a list (OPML, URL list) read at `location`, through the one reference policy: from a
 * list read over the network only http(s) addresses; a local file as a path.
 */
function follow(ref: string, location: string): Result<string> {
  const target = followReference(ref, location, 'list entry');
  if (!target.ok || !target.value.startsWith('file:')) return target;
  return ok(fileURLToPath(target.value));
}

export function displayName(location: string): string {
  return location.startsWith('file:') ? path.relative(process.cwd(), fileURLToPath(location)) || location : location;
}

function plainLength(html: string): number {
  // A tag ends at the first ">" before any other "<": /<[^>]*>/ retried from every "<" of a long run
  // of them reads to the end each time (100,000 took 8 s).
  return html
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim().length;
}

export function kindFromName(file: string): 'html' | 'xml' | 'text' | 'json' {
  const f = file.toLowerCase().replace(/\.gz$/, '');
  if (/\.(x?html?)$/.test(f)) return 'html';
  if (/\.(xml|rss|atom|rdf|opml)$/.test(f)) return 'xml';
  if (f.endsWith('.json')) return 'json';
  return 'text';
}

function replacementNotes(replaced: number, charset: string): string[] {
  if (replaced === 0) return [];
  return [
    `${replaced} ${replaced === 1 ? 'byte' : 'bytes'} could not be decoded as ${charset} and ${replaced === 1 ? 'was' : 'were'} replaced`,
  ];
}

function failed(failure: Failure): Work {
  return { kind: 'failed', failure };
}
