// The site's I/O edge on the file side: writes the built pages under the output directory and
// counts what was written per kind of page (pages, bytes, smallest, median and largest).

import { access, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../errors.js';
import type { Page, PageKind } from './site-input.js';

export interface KindSummary {
  readonly pages: number;
  readonly bytes: number;
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

export function summarise(pages: readonly Page[]): Map<PageKind, KindSummary> {
  const sizes = new Map<PageKind, number[]>();
  for (const p of pages) sizes.set(p.kind, [...(sizes.get(p.kind) ?? []), Buffer.byteLength(p.body)]);
  const out = new Map<PageKind, KindSummary>();
  for (const [kind, list] of sizes) {
    const sorted = [...list].sort((a, b) => a - b);
    out.set(kind, {
      pages: sorted.length,
      bytes: sorted.reduce((a, b) => a + b, 0),
      min: sorted[0]!,
      median: sorted[Math.floor((sorted.length - 1) / 2)]!,
      max: sorted.at(-1)!,
    });
  }
  return out;
}

/**
 * Writes the pages; `reuse` (atomic publishing, atomic-site.ts) may place an unchanged page itself
 * (a link to the previous build's file) and say so, and then it is not written.
 */
export async function writePages(
  outDir: string,
  pages: readonly Page[],
  reuse?: (rel: string, body: string) => Promise<boolean>,
): Promise<Result<number>> {
  const dirs = new Set(pages.map((p) => path.dirname(path.join(outDir, p.path))));
  try {
    for (const dir of dirs) await mkdir(dir, { recursive: true });
    let bytes = 0;
    for (const p of pages) {
      bytes += Buffer.byteLength(p.body);
      if (reuse && (await reuse(p.path, p.body))) continue;
      await writeFile(path.join(outDir, p.path), p.body, 'utf8');
    }
    return ok(bytes);
  } catch (error) {
    return fail('internal_error', `cannot write the site under ${outDir}: ${(error as Error).message}`, outDir);
  }
}

/** Marks a directory as a site we built, so a rebuild may remove the pages it no longer has. */
export const SITE_MARKER = '.tidings-site';

/**
 * After a rebuild: removes pages under en/ and zh/ that this build did not write (a story folded
 * into another, an article that left the store), so no stale page stays linked from search. Only
 * in a directory that carries our marker: never in a folder someone else owns.
 */
export async function prunePages(outDir: string, written: readonly string[]): Promise<Result<string[]>> {
  const marker = path.join(outDir, SITE_MARKER);
  const keep = new Set(written);
  const removed: string[] = [];
  try {
    const ours = await access(marker).then(
      () => true,
      () => false,
    );
    if (ours) {
      for (const face of ['en', 'zh']) {
        const root = path.join(outDir, face);
        const entries = await readdir(root, { withFileTypes: true, recursive: true }).catch(() => []);
        for (const e of entries) {
          if (!e.isFile() || !e.name.endsWith('.html')) continue;
          const rel = path.relative(outDir, path.join(e.parentPath, e.name)).split(path.sep).join('/');
          if (!keep.has(rel)) {
            await rm(path.join(outDir, rel));
            removed.push(rel);
          }
        }
      }
    }
    await writeFile(
      marker,
      'Built by `tidings build`: pages under en/ and zh/ that a rebuild does not write are removed.\n',
    );
    return ok(removed.sort());
  } catch (error) {
    return fail('internal_error', `cannot tidy the site under ${outDir}: ${(error as Error).message}`, outDir);
  }
}
