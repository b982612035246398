// A watch cycle's plan: the sources' inputs cut into jobs of one page, file or feed item each.
// Feeds are read here (a file, or a URL through the fetcher) and split into their items; anything
// else (a page, a list, a file that turns out unreadable) is one job that the worker expands with
// the ingest pipeline, so its failures read exactly as `tidings ingest` reports them. Pages are
// queued before feed items, as `ingest` reads a directory's pages before its feeds: a feed item
// linking to a page already stored is then a sighting of it, not another fetch.

import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeBytes } from '../fetch/decode.js';
import type { Fetcher } from '../fetch/fetcher.js';
import { displayName, feedNotices, kindFromName } from '../pipeline/inputs.js';
import { parseFeed } from '../sources/feed.js';
import { listLocalInputs, readLocalInput } from '../sources/local.js';
import type { SourceEntry } from '../sources/registry.js';
import { sniffFormat, type InputFormat } from '../sources/sniff.js';
import type { IngestJobData } from './ingest-job.js';

export interface CyclePlan {
  /** Pages and other single inputs: queued first. */
  readonly first: IngestJobData[];
  /** Feed items, and lists expanded whole: queued when the first jobs are done. */
  readonly later: IngestJobData[];
  /** Failures met reading a feed to split it (a feed's lost items), each counted as a failed item. */
  readonly failures: string[];
  readonly notices: string[];
}

export interface PlanContext {
  readonly fetcher: Fetcher | null;
  readonly maxBytes: number;
  findSource(location: string): SourceEntry | null;
}

export async function planCycle(inputs: readonly string[], ctx: PlanContext): Promise<CyclePlan> {
  const plan: CyclePlan = { first: [], later: [], failures: [], notices: [] };
  const seen = new Set<string>();
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) await planUrl(input, ctx, plan, seen);
    else await planPath(input, ctx, plan, seen);
  }
  return plan;
}

async function planPath(input: string, ctx: PlanContext, plan: CyclePlan, seen: Set<string>): Promise<void> {
  const filePath = input.startsWith('file:') ? fileURLToPath(input) : path.resolve(input);
  let isDirectory = false;
  try {
    isDirectory = (await stat(filePath)).isDirectory();
  } catch {
    // As `ingest` reports it; the source could not be read at all (watch backs off).
    plan.failures.push(`${input}: no such file, directory or URL`);
    return;
  }
  if (!isDirectory) {
    await planFile(filePath, ctx, plan, seen);
    return;
  }
  const listed = await listLocalInputs(filePath);
  if (!listed.ok) {
    single(filePath, plan, seen);
    return;
  }
  const files = [...listed.value].sort(
    (a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
  for (const file of files) {
    if (file.failure) plan.failures.push(file.failure.message);
    else await planFile(file.path, ctx, plan, seen);
  }
}

async function planFile(filePath: string, ctx: PlanContext, plan: CyclePlan, seen: Set<string>): Promise<void> {
  if (rank(filePath) === 0) {
    single(filePath, plan, seen);
    return;
  }
  const read = await readLocalInput(filePath, ctx.maxBytes);
  if (!read.ok) {
    single(filePath, plan, seen);
    return;
  }
  const decoded = decodeBytes(read.value.bytes, { kind: kindFromName(filePath) });
  if (!decoded.ok) {
    single(filePath, plan, seen);
    return;
  }
  const format = sniffFormat(decoded.value.text, filePath.replace(/\.gz$/i, ''), null);
  splitOrSingle(decoded.value.text, format, pathToFileURL(filePath).toString(), filePath, plan, seen);
}

async function planUrl(url: string, ctx: PlanContext, plan: CyclePlan, seen: Set<string>): Promise<void> {
  if (ctx.fetcher === null) {
    single(url, plan, seen);
    return;
  }
  const fetched = await ctx.fetcher.fetch(url);
  if (!fetched.ok) {
    plan.failures.push(fetched.message);
    return;
  }
  planAnswer(url, fetched.value, plan, seen);
}

/** The plan of a URL source from its answer, fetched by the caller (watch reads the answer's headers and body first). */
export function planFetchedUrl(
  url: string,
  answer: { readonly url: string; readonly text: string; readonly contentType: string | null },
): CyclePlan {
  const plan: CyclePlan = { first: [], later: [], failures: [], notices: [] };
  planAnswer(url, answer, plan, new Set());
  return plan;
}

function planAnswer(
  url: string,
  answer: { readonly url: string; readonly text: string; readonly contentType: string | null },
  plan: CyclePlan,
  seen: Set<string>,
): void {
  const format = sniffFormat(answer.text, new URL(answer.url).pathname, answer.contentType);
  splitOrSingle(answer.text, format, answer.url, url, plan, seen);
}

function splitOrSingle(
  text: string,
  format: InputFormat | null,
  location: string,
  input: string,
  plan: CyclePlan,
  seen: Set<string>,
): void {
  if (format !== 'rss2' && format !== 'rdf' && format !== 'atom' && format !== 'jsonfeed') {
    single(input, plan, seen, format === 'html' || format === 'markdown' || format === 'text');
    return;
  }
  const name = displayName(location);
  const parsed = parseFeed(text, { baseUrl: location.startsWith('file:') ? undefined : location, name });
  if (!parsed.ok) {
    single(input, plan, seen, false);
    return;
  }
  if (seen.has(location)) return;
  seen.add(location);
  for (const work of feedNotices(parsed.value, name)) {
    if (work.kind === 'notice') plan.notices.push(`${work.subject}: ${work.message}`);
    else if (work.kind === 'failed') plan.failures.push(work.failure.message);
  }
  for (const [index, item] of parsed.value.items.entries()) {
    plan.later.push({ kind: 'feed-item', feed: location, feedTitle: parsed.value.title, index, item });
  }
}

function single(input: string, plan: CyclePlan, seen: Set<string>, page = rank(input) === 0): void {
  if (seen.has(input)) return;
  seen.add(input);
  (page ? plan.first : plan.later).push({ kind: 'input', input });
}

function rank(file: string): number {
  return /\.(x?html?|html\.gz|md|markdown|txt)$/i.test(file) ? 0 : 1;
}
