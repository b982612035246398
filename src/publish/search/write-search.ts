// Writes the site's search: DIR/assets/search-index.js (the index, as a script that sets a global so
// it also loads from file://) and DIR/assets/search.js (the client). One index over both faces.

import type { Face } from '../../article.js';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { fail, ok, type Result } from '../../errors.js';
import { detectLanguage } from '../../text/language.js';
import { foldMapFor } from './fold-map.js';
import { searchClientSource, type SearchIndex, type SearchKind } from './search-core.js';

/** Characters of a document's text kept in the index (titles are kept whole, up to 500). */
export const DEFAULT_TEXT_CAP = 1000;
const TITLE_CAP = 500;

export const SearchDocSchema = z.object({
  lang: z.enum(['en', 'zh']),
  /** Site-relative, e.g. 'en/stories/abc.html': no scheme, no leading slash, no '..'. */
  path: z
    .string()
    .regex(/^[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/, 'must be a site-relative path of plain segments')
    .refine((p) => !p.split('/').some((s) => s === '.' || s === '..'), 'must not contain . or .. segments'),
  title: z.string(),
  kind: z.enum(['digest', 'story', 'card', 'article', 'topic', 'audience']),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
    .optional(),
  text: z.string(),
  /**
   * What the page is about, shared by its other pages (an article's reader page and its card, and
   * both faces of either): search shows one result per group, the reader's face first. Default: the path.
   */
  group: z.string().min(1).max(200).optional(),
});

export interface SearchDoc {
  readonly lang: Face;
  readonly path: string;
  readonly title: string;
  readonly kind: SearchKind;
  readonly date?: string;
  readonly text: string;
  /** What the page is about (SearchDocSchema.group): one search result per group. */
  readonly group?: string;
}

export interface SearchOptions {
  /** Characters of text kept per document (default DEFAULT_TEXT_CAP). */
  readonly textCap?: number;
}

export interface SkippedDoc {
  readonly path: string;
  readonly message: string;
}

export interface SearchWritten {
  readonly indexPath: string;
  readonly clientPath: string;
  readonly docs: number;
  readonly indexBytes: number;
  readonly clientBytes: number;
  /** Documents refused (bad path, kind…); the rest are indexed. */
  readonly skipped: readonly SkippedDoc[];
}

/** Cuts at a character boundary, preferring the end of a sentence or word near the cap. */
function cap(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let cut = flat.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const stop = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('。'), cut.lastIndexOf(' '));
  return stop > max * 0.8 ? cut.slice(0, stop + 1).trim() : cut;
}

/** The index for these documents (pure): bad ones are reported, duplicates by path keep the first. */
export function buildSearchIndex(
  docs: readonly SearchDoc[],
  options: SearchOptions = {},
): { index: SearchIndex; skipped: SkippedDoc[] } {
  const textCap = options.textCap ?? DEFAULT_TEXT_CAP;
  const skipped: SkippedDoc[] = [];
  const texts: string[] = [];
  const textIds = new Map<string, number>();
  const rows: Array<SearchIndex['docs'][number]> = [];
  const paths = new Set<string>();
  docs.forEach((raw, i) => {
    const parsed = SearchDocSchema.safeParse(raw);
    const label = typeof raw?.path === 'string' ? raw.path : `document ${i}`;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      skipped.push({
        path: label,
        message: `search document ${label}: ${issue?.path.join('.') || 'value'} ${issue?.message ?? 'is invalid'}`,
      });
      return;
    }
    const d = parsed.data;
    if (paths.has(d.path)) {
      skipped.push({ path: d.path, message: `search document ${d.path}: listed twice; the first is kept` });
      return;
    }
    paths.add(d.path);
    // A page's text often opens with its title; the title is indexed on its own (and weighs more),
    // so the repeat would only spend the cap and fill the snippet with the line above it.
    const lead = d.text.replace(/^\s+/, '');
    const title = d.title.trim();
    const text = cap(title !== '' && lead.startsWith(title) ? lead.slice(title.length) : d.text, textCap);
    let id = textIds.get(text);
    if (id === undefined) {
      id = texts.push(text) - 1;
      textIds.set(text, id);
    }
    // The language a reader meets on the page (a Chinese article's page on the English face is
    // Chinese), read from its title and text; '' when neither English nor Chinese.
    const read = detectLanguage(`${d.title}\n${text}`).language;
    rows.push([
      d.lang,
      d.path,
      cap(d.title, TITLE_CAP),
      d.kind,
      d.date ?? '',
      id,
      d.group ?? d.path,
      read === 'other' ? '' : read,
    ]);
  });
  const fold = foldMapFor([...texts, ...rows.map((r) => r[2])]);
  return { index: { v: 1, fold, texts, docs: rows }, skipped };
}

/** The index as a classic script. JSON is valid JS; U+2028/9 are escaped for older parsers. */
export function serializeSearchIndex(index: SearchIndex): string {
  const json = JSON.stringify(index)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/</g, '\\u003c');
  return `// Tidings search index (generated by tidings build).\nwindow.TIDINGS_SEARCH_INDEX = ${json};\n`;
}

export async function writeSearch(
  outDir: string,
  docs: readonly SearchDoc[],
  options: SearchOptions = {},
): Promise<Result<SearchWritten>> {
  const assets = path.join(outDir, 'assets');
  const indexPath = path.join(assets, 'search-index.js');
  const clientPath = path.join(assets, 'search.js');
  try {
    const { index, skipped } = buildSearchIndex(docs, options);
    const indexText = serializeSearchIndex(index);
    const clientText = searchClientSource();
    await mkdir(assets, { recursive: true });
    await writeFile(indexPath, indexText, 'utf8');
    await writeFile(clientPath, clientText, 'utf8');
    return ok({
      indexPath,
      clientPath,
      docs: index.docs.length,
      indexBytes: Buffer.byteLength(indexText),
      clientBytes: Buffer.byteLength(clientText),
      skipped,
    });
  } catch (error) {
    return fail('internal_error', `cannot write the search files under ${assets}: ${(error as Error).message}`, assets);
  }
}
