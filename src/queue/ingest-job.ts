// One ingest job: a page (a file or a URL) or one feed item, read, understood and stored through
// the same pipeline `tidings ingest` runs (src/pipeline/). The handler is idempotent: run twice, it
// stores one article (an article's id is its text's fingerprint, a URL is sighted once; the second
// run finds the first's article by URL or by fingerprint and records a duplicate at most).

import type { Failure } from '../errors.js';
import { emptyTally, expandContext, processWorks, type IngestDeps, type ItemOutcome } from '../pipeline/ingest.js';
import { expandFeedItem, expandInput, type Work } from '../pipeline/inputs.js';
import type { FeedItem } from '../sources/feed.js';

export type IngestJobData =
  /** A page file or URL (or a list or feed named as such, expanded whole by the job). */
  | { readonly kind: 'input'; readonly input: string }
  /** One item of a feed read at `feed` (a URL or file URL), its place in the feed `index` (from 0). */
  | {
      readonly kind: 'feed-item';
      readonly feed: string;
      readonly feedTitle: string | null;
      readonly index: number;
      readonly item: FeedItem;
    };

/** What a finished job leaves in the queue for `watch` to count. */
export interface JobOutput {
  readonly new: number;
  readonly duplicate: number;
  readonly failed: number;
  readonly articleIds: readonly string[];
  readonly failures: readonly string[];
  readonly notices: readonly string[];
}

/** What a job needs: what `tidings ingest` needs, without its progress callback. */
export type JobDeps = Omit<IngestDeps, 'onItem'>;

/** A short name for the job in messages. */
export function describeJob(job: IngestJobData): string {
  return job.kind === 'input' ? job.input : `${job.feed} item ${job.index + 1}`;
}

export async function runIngestJob(
  job: IngestJobData,
  deps: JobDeps,
): Promise<{ outcomes: ItemOutcome[]; output: JobOutput }> {
  const ctx = expandContext(deps);
  const works: AsyncGenerator<Work> =
    job.kind === 'input'
      ? expandInput(job.input, ctx)
      : expandFeedItem(job.item, job.index, { location: job.feed, title: job.feedTitle }, ctx);
  const tally = emptyTally();
  await processWorks(works, deps, tally);
  return { outcomes: tally.outcomes, output: summarise(tally.outcomes, tally.notices) };
}

export function summarise(outcomes: readonly ItemOutcome[], notices: readonly string[] = []): JobOutput {
  const count = (s: ItemOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  return {
    new: count('new'),
    duplicate: count('duplicate'),
    failed: count('failed'),
    articleIds: outcomes.flatMap((o) => (o.status === 'failed' ? [] : [o.articleId])),
    failures: outcomes.flatMap((o) => (o.status === 'failed' ? [o.failure.message] : [])),
    notices,
  };
}

/** A failure met before any job (reading a source to plan its jobs), counted like a failed item. */
export function failedOutput(failure: Failure | string): JobOutput {
  const message = typeof failure === 'string' ? failure : failure.message;
  return { new: 0, duplicate: 0, failed: 1, articleIds: [], failures: [message], notices: [] };
}
