// One ingest job: a page (a file or a URL) or one feed item, read, understood and stored through
// the same pipeline `tidings ingest` runs (src/pipeline/). The handler is idempotent: run twice, it
// stores one article (an article's id is its text's fingerprint, a URL is sighted once; the second
// run finds the first's article by URL or by fingerprint and records a duplicate at most).

import { z } from 'zod';
import type { Failure } from '../errors.js';
import { emptyTally, expandContext, processWorks, type IngestDeps, type ItemOutcome } from '../pipeline/ingest.js';
import { expandFeedItem, expandInput, type Work } from '../pipeline/inputs.js';
import type { FeedItem } from '../sources/feed.js';
import { describeIssues } from '../zod-issues.js';

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

// The queue keeps a job's data and its output as JSON in PostgreSQL (pg-boss's tables), written by
// one version of Tidings and read by another worker or `watch`, possibly of another version: both
// are parsed on the way out, not cast, so a row that is not what we wrote fails that one job with
// a message naming the problem instead of breaking a worker or a whole cycle's count.

const text = z.string().nullable();

const feedItemSchema = z.object({
  guid: text,
  url: text,
  title: text,
  published: text,
  updated: text,
  author: text,
  summary: text,
  contentHtml: text,
  language: text,
  emptyFields: z.array(z.enum(['title', 'summary', 'content', 'author'])).optional(),
}) satisfies z.ZodType<FeedItem>;

const jobDataSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('input'), input: z.string().min(1) }),
  z.object({
    kind: z.literal('feed-item'),
    feed: z.string().min(1),
    feedTitle: text,
    index: z.number().int().nonnegative(),
    item: feedItemSchema,
  }),
]);

const takenJobDataSchema = z.intersection(jobDataSchema, z.object({ cycle: z.string().min(1) }));

const count = z.number().int().nonnegative();
const jobOutputSchema = z.object({
  new: count,
  duplicate: count,
  failed: count,
  articleIds: z.array(z.string()),
  failures: z.array(z.string()),
  notices: z.array(z.string()),
}) satisfies z.ZodType<JobOutput>;

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

function parseWith<T>(schema: z.ZodType<T>, raw: unknown, what: string, jobId: string): Parsed<T> {
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problem: `job ${jobId}: ${what} is malformed: ${describeIssues(parsed.error)}` };
}

/** A queued job's data as stored (with its cycle's id), checked. */
export function parseJobData(raw: unknown, jobId: string): Parsed<IngestJobData & { readonly cycle: string }> {
  return parseWith(takenJobDataSchema, raw, 'its data', jobId);
}

/** A completed job's output as stored, checked. */
export function parseJobOutput(raw: unknown, jobId: string): Parsed<JobOutput> {
  return parseWith(jobOutputSchema, raw, 'its output', jobId);
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
