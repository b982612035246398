// `tidings build` and the end of `tidings run`: take the written editions (a function the caller
// passes, src/pipeline/site-edition.ts: publish never reads the store nor calls a writer), build the
// pages, write them with the search index (src/publish/search) and the feeds, newsletter and
// exports (src/publish/outputs), and report what was written.

import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Failure, Result } from '../../errors.js';
import { fail, ok } from '../../errors.js';
import { writeOutputs } from '../outputs/write-outputs.js';
import { writeSearch } from '../search/write-search.js';
import { publishInputOf } from './outputs-input.js';
import { buildSite } from './build-site.js';
import type { Gathered, PageKind, SiteInput } from './site-input.js';
import { prunePages, summarise, writePages, type KindSummary } from './write-site.js';

export const DEFAULT_BASE_URL = 'http://127.0.0.1:8080/';

export interface PublishOptions {
  readonly outDir: string;
  readonly baseUrl?: string;
  readonly onProgress?: (message: string) => void;
  /** Places an unchanged page without writing it (atomic publishing, atomic-site.ts); true when it did. */
  readonly reuse?: (rel: string, body: string) => Promise<boolean>;
  /** For tests and benches: a clock for the elapsed time. */
  readonly now?: () => number;
}

export interface PublishReport {
  readonly outDir: string;
  readonly kinds: ReadonlyMap<PageKind | 'search' | 'feed' | 'newsletter' | 'export', KindSummary>;
  readonly pages: number;
  readonly bytes: number;
  readonly ms: { readonly gather: number; readonly build: number; readonly write: number };
  readonly days: number;
  readonly stories: number;
  readonly articles: number;
  /** Items left out or extras that could not be written, each with its reason. */
  readonly failures: readonly Failure[];
  readonly input: SiteInput;
  /** Stale pages of an earlier build removed (under en/ and zh/ only). */
  readonly removed: readonly string[];
}

/** The written editions the site shows, gathered when the site asks (progress lines go to `onProgress`). */
export type WrittenEditions = (onProgress?: (message: string) => void) => Promise<Result<Gathered>>;

export async function publishSite(editions: WrittenEditions, options: PublishOptions): Promise<Result<PublishReport>> {
  const now = options.now ?? (() => performance.now());
  const outDir = path.resolve(options.outDir);
  const t0 = now();
  const gathered = await editions(options.onProgress);
  if (!gathered.ok) return gathered;
  const input: SiteInput = { ...gathered.value.input, baseUrl: options.baseUrl ?? DEFAULT_BASE_URL };
  const t1 = now();
  options.onProgress?.('building pages');
  const site = buildSite(input);
  const t2 = now();
  options.onProgress?.(`writing ${site.pages.length} pages, then the search index, feeds, newsletter and exports`);
  const written = await writePages(outDir, site.pages, options.reuse);
  if (!written.ok) return written;
  const failures: Failure[] = [...gathered.value.failures];
  const pruned = await prunePages(
    outDir,
    site.pages.map((p) => p.path),
  );
  if (!pruned.ok) failures.push(pruned);
  const kinds = new Map<PageKind | 'search' | 'feed' | 'newsletter' | 'export', KindSummary>(summarise(site.pages));
  let bytes = written.value;
  const search = await writeSearch(outDir, site.searchDocs);
  if (search.ok) {
    const b = search.value.indexBytes + search.value.clientBytes;
    kinds.set('search', {
      pages: 2,
      bytes: b,
      min: Math.min(search.value.indexBytes, search.value.clientBytes),
      median: search.value.clientBytes,
      max: Math.max(search.value.indexBytes, search.value.clientBytes),
    });
    bytes += b;
    for (const s of search.value.skipped)
      failures.push(fail('bad_input', `search left out ${s.path}: ${s.message}`, s.path));
  } else failures.push(search);
  const outputs = await writeOutputs(outDir, publishInputOf(input, input.baseUrl ?? DEFAULT_BASE_URL));
  if (outputs.ok) {
    const sizes = await Promise.all(
      outputs.value.map(async (p) => (await stat(path.join(outDir, ...p.split('/')))).size),
    );
    for (const [kind, prefix] of [
      ['feed', 'feeds/'],
      ['newsletter', 'newsletter/'],
      ['export', 'exports/'],
    ] as const) {
      const list = sizes.filter((_, i) => outputs.value[i]!.startsWith(prefix)).sort((a, b) => a - b);
      if (list.length === 0) continue;
      const total = list.reduce((a, b) => a + b, 0);
      kinds.set(kind, {
        pages: list.length,
        bytes: total,
        min: list[0]!,
        median: list[Math.floor((list.length - 1) / 2)]!,
        max: list.at(-1)!,
      });
      bytes += total;
    }
  } else failures.push(outputs);
  const t3 = now();
  return ok({
    outDir,
    kinds,
    pages: [...kinds.values()].reduce((n, k) => n + k.pages, 0),
    bytes,
    ms: { gather: t1 - t0, build: t2 - t1, write: t3 - t2 },
    days: input.days.length,
    stories: input.stories.length,
    articles: input.articles.length,
    failures,
    input,
    removed: pruned.ok ? pruned.value : [],
  });
}
