// A run of ingest: expand the inputs, read each page, understand it, and store it once. Items
// are independent: a failure is recorded against its item and the run goes on.

import type { SightingRelation } from '../article.js';
import { fail, type Failure, type Result } from '../errors.js';
import type { ExtractedPage } from '../extract/extract.js';
import type { DateSource } from '../extract/dating.js';
import { extractPageIsolated } from '../extract/extract-isolated.js';
import type { Fetcher } from '../fetch/fetcher.js';
import type { SourceEntry } from '../sources/registry.js';
import type { ArticleStore } from '../store/article-store.js';
import { buildCandidate, sightingFor, type PageOrigin } from './candidate.js';
import { canonicalUrl } from './canonical-url.js';
import { identify } from './dedupe.js';
import { expandInput, type ExpandContext, type Work } from './inputs.js';

export type ItemOutcome =
  | {
      readonly status: 'new';
      readonly articleId: string;
      readonly title: string | null;
      readonly url: string;
      readonly notes?: readonly string[];
      readonly dateSource?: DateSource;
    }
  | {
      readonly status: 'duplicate';
      readonly articleId: string;
      readonly relation: SightingRelation;
      readonly url: string;
      readonly title: string | null;
      readonly notes?: readonly string[];
    }
  | { readonly status: 'failed'; readonly failure: Failure };

export interface IngestReport {
  readonly outcomes: readonly ItemOutcome[];
  readonly counts: { readonly new: number; readonly duplicate: number; readonly failed: number };
  /** What the reader should know about inputs that is no item's failure, e.g. "feed.xml: XML errors read around ...". */
  readonly notices?: readonly string[];
}

export interface IngestDeps {
  readonly store: ArticleStore;
  readonly fetcher: Fetcher | null;
  findSource(location: string): SourceEntry | null;
  readonly now: () => Date;
  readonly maxBytes: number;
  readonly concurrency: number;
  readonly onItem?: (outcome: ItemOutcome, done: number) => void;
}

/** Where items are expanded and fetched: one per run (or job), so fetch failures are shared within it. */
export function expandContext(deps: Omit<IngestDeps, 'onItem'>): ExpandContext {
  return {
    fetcher: deps.fetcher,
    maxBytes: deps.maxBytes,
    concurrency: deps.concurrency,
    findSource: deps.findSource,
    knownArticle: (url: string) => deps.store.findByUrl([canonicalUrl(url)]),
    failedFetches: new Map<string, Failure>(),
    pendingFetches: new Map(),
  };
}

/** What processing works gathers: outcomes in order, notices, and the failures already reported. */
export interface WorkTally {
  readonly outcomes: ItemOutcome[];
  readonly notices: string[];
  readonly reported: Set<string>;
}

export const emptyTally = (): WorkTally => ({ outcomes: [], notices: [], reported: new Set() });

/**
 * Processes expanded works in order into `tally`: a notice is collected, each item stored once, and
 * a failure reported once per URL (or file) however many items or inputs name it.
 */
export async function processWorks(
  works: AsyncIterable<Work>,
  deps: Pick<IngestDeps, 'store' | 'now' | 'onItem'>,
  tally: WorkTally,
): Promise<void> {
  for await (const work of works) {
    if (work.kind === 'notice') {
      tally.notices.push(`${work.subject}: ${work.message}`);
      continue;
    }
    const outcome = await processWork(work, deps);
    if (outcome.status === 'failed') {
      const key = outcome.failure.subject ?? outcome.failure.message;
      if (tally.reported.has(key)) continue;
      tally.reported.add(key);
    }
    tally.outcomes.push(outcome);
    deps.onItem?.(outcome, tally.outcomes.length);
  }
}

export async function ingest(inputs: readonly string[], deps: IngestDeps): Promise<IngestReport> {
  const ctx = expandContext(deps);
  const tally = emptyTally();
  for (const input of inputs) await processWorks(expandInput(input, ctx), deps, tally);
  const { outcomes, notices } = tally;
  const count = (s: ItemOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  const counts = { new: count('new'), duplicate: count('duplicate'), failed: count('failed') };
  return notices.length > 0 ? { outcomes, counts, notices } : { outcomes, counts };
}

/** One item of work (a page, a feed item, a failure met expanding an input): read, understood and stored once. */
export async function processWork(
  work: Exclude<Work, { kind: 'notice' }>,
  deps: Pick<IngestDeps, 'store' | 'now'>,
): Promise<ItemOutcome> {
  switch (work.kind) {
    case 'failed':
      return { status: 'failed', failure: work.failure };
    case 'seen': {
      const sighting = sightingFor(work.origin, work.origin.url, 'same-url', deps.now());
      await deps.store.addSighting(work.articleId, sighting);
      return {
        status: 'duplicate',
        articleId: work.articleId,
        relation: 'same-url',
        url: sighting.url,
        title: work.origin.hints?.title ?? null,
      };
    }
    case 'page':
    case 'extracted': {
      const subject = work.origin.url;
      try {
        // A page is read in the page worker, within the page cost limits (a page over one is reported).
        const read =
          work.kind === 'page'
            ? await extractPage(work.format, work.text, work.origin.url)
            : { ok: true as const, value: work.page };
        if (!read.ok) return { status: 'failed', failure: read };
        const outcome = await storePage(
          read.value,
          work.origin,
          deps,
          work.kind === 'extracted' && work.fromFeedSummary === true,
        );
        // Stored, but the reader should know how it was read (e.g. bytes that could not be decoded,
        // a front matter that is not YAML).
        // A page's problems name the file or address it was read from (an article is listed by its own URL).
        const notes = [...(work.notes ?? []), ...(read.value.problems ?? []).map((p) => `${work.origin.url}: ${p}`)];
        return notes.length > 0 && outcome.status !== 'failed' ? { ...outcome, notes } : outcome;
      } catch (error) {
        // A bug met on one item must not end the run over many; it is reported with the item.
        const message = error instanceof Error ? error.message : String(error);
        return { status: 'failed', failure: fail('internal_error', `${subject}: ${message}`, subject) };
      }
    }
  }
}

function extractPage(format: 'html' | 'markdown' | 'text', text: string, url: string): Promise<Result<ExtractedPage>> {
  return extractPageIsolated({ format, text, name: url, ...(/^https?:/i.test(url) ? { url } : {}) });
}

async function storePage(
  page: ExtractedPage,
  origin: PageOrigin,
  deps: Pick<IngestDeps, 'store' | 'now'>,
  fromFeedSummary = false,
): Promise<ItemOutcome> {
  const now = deps.now();
  const built = buildCandidate(page, origin, now);
  if (built === null) {
    return {
      status: 'failed',
      failure: fail('no_content', `${origin.url}: no article text found on the page`, origin.url),
    };
  }
  // An item kept from its feed's summary (its page could not be fetched) says so wherever it is a source.
  const candidate = fromFeedSummary ? { ...built, article: { ...built.article, fromFeedSummary: true } } : built;
  const { article } = candidate;
  const identity = await identify(candidate, deps.store);
  switch (identity.kind) {
    case 'new': {
      const inserted = await deps.store.insertArticle(article, candidate.bands, candidate.sighting);
      if (inserted)
        return {
          status: 'new',
          articleId: article.id,
          title: article.title,
          url: article.url,
          ...(article.dateSource ? { dateSource: article.dateSource } : {}),
        };
      // Lost a race with another writer storing the same text: it is a duplicate after all.
      await deps.store.addSighting(article.id, { ...candidate.sighting, relation: 'exact-copy' });
      return {
        status: 'duplicate',
        articleId: article.id,
        relation: 'exact-copy',
        url: candidate.sighting.url,
        title: article.title,
      };
    }
    case 'duplicate':
      await deps.store.addSighting(identity.articleId, { ...candidate.sighting, relation: identity.relation });
      return {
        status: 'duplicate',
        articleId: identity.articleId,
        relation: identity.relation,
        url: candidate.sighting.url,
        title: article.title,
      };
    case 'original-of':
      await deps.store.rehomeToOriginal(identity.articleId, article, candidate.bands, candidate.sighting);
      return {
        status: 'duplicate',
        articleId: identity.articleId,
        relation: 'original',
        url: candidate.sighting.url,
        title: article.title,
      };
    case 'translation-of':
      await deps.store.attachTranslation(identity.articleId, article.bilingual!, candidate.bands, {
        ...candidate.sighting,
        relation: 'translation',
      });
      return {
        status: 'duplicate',
        articleId: identity.articleId,
        relation: 'translation',
        url: candidate.sighting.url,
        title: article.title,
      };
  }
}
