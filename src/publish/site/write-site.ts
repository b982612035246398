// The site's I/O edge on the file side: writes the built pages under the output directory and
// counts what was written per kind of page (pages, bytes, smallest, median and largest).

import { mkdir, writeFile } from 'node:fs/promises';
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
    out.set(kind, { pages: sorted.length, bytes: sorted.reduce((a, b) => a + b, 0), min: sorted[0]!, median: sorted[Math.floor((sorted.length - 1) / 2)]!, max: sorted.at(-1)! });
  }
  return out;
}

export async function writePages(outDir: string, pages: readonly Page[]): Promise<Result<number>> {
  const dirs = new Set(pages.map((p) => path.dirname(path.join(outDir, p.path))));
  try {
    for (const dir of dirs) await mkdir(dir, { recursive: true });
    let bytes = 0;
    for (const p of pages) {
      await writeFile(path.join(outDir, p.path), p.body, 'utf8');
      bytes += Buffer.byteLength(p.body);
    }
    return ok(bytes);
  } catch (error) {
    return fail('internal_error', `cannot write the site under ${outDir}: ${(error as Error).message}`, outDir);
  }
}
