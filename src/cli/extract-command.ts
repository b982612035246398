// `tidings extract`: read pages and print what was extracted, storing nothing.

import { gunzipSync } from 'node:zlib';
import type { ExtractedPage } from '../extract/extract.js';
import { extractPageIsolated } from '../extract/extract-isolated.js';
import { decodeBytes } from '../fetch/decode.js';
import type { Fetcher } from '../fetch/fetcher.js';
import { fail, ok, type Result } from '../errors.js';
import { readLocalInput } from '../sources/local.js';
import { sniffFormat } from '../sources/sniff.js';
import { detectLanguage } from '../text/language.js';
import type { Io } from './io.js';
import { renderFailure } from './render.js';

export interface ExtractedRecord {
  readonly source: string;
  readonly title: string | null;
  readonly byline: string | null;
  readonly published: string | null;
  readonly language: string | null;
  readonly siteName: string | null;
  readonly canonicalUrl: string | null;
  readonly paragraphs: readonly string[];
  readonly text: string;
}

/** A page as read, with how many bytes could not be decoded (and in which charset it was read). */
interface ReadPage {
  readonly page: ExtractedPage;
  readonly replaced: number;
  readonly charset: string;
}

export async function extractCommand(
  inputs: readonly string[],
  options: { json: boolean; fetcher: () => Fetcher; maxBytes: number },
  io: Io,
): Promise<number> {
  let failed = 0;
  let fetcher: Fetcher | null = null;
  try {
    for (const input of inputs) {
      const isUrl = /^https?:\/\//i.test(input);
      if (isUrl && fetcher === null) fetcher = options.fetcher();
      const read = isUrl ? await fetchPage(fetcher!, input) : await readPage(input, options.maxBytes);
      if (!read.ok) {
        failed++;
        io.err(`tidings extract: ${renderFailure(read)}\n`);
        continue;
      }
      if (read.value.replaced > 0)
        io.err(
          `tidings extract: ${input}: ${read.value.replaced} ${read.value.replaced === 1 ? 'byte' : 'bytes'} could not be decoded as ${read.value.charset} and ${read.value.replaced === 1 ? 'was' : 'were'} replaced\n`,
        );
      const record = toRecord(input, read.value.page);
      io.out(options.json ? `${JSON.stringify(record)}\n` : renderRecord(record));
    }
  } finally {
    await fetcher?.close();
  }
  return failed > 0 ? 1 : 0;
}

export function toRecord(source: string, page: ExtractedPage): ExtractedRecord {
  const text = page.paragraphs.join('\n\n');
  return {
    source,
    title: page.title,
    byline: page.byline,
    published: page.published,
    language: page.language ?? (text ? detectLanguage(text).language : null),
    siteName: page.siteName,
    canonicalUrl: page.canonicalUrl,
    paragraphs: page.paragraphs,
    text,
  };
}

async function readPage(file: string, maxBytes: number): Promise<Result<ReadPage>> {
  const read = await readLocalInput(file, maxBytes);
  if (!read.ok) return read;
  let bytes = read.value.bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (error) {
      return fail('bad_input', `${file}: not a readable gzip file (${(error as Error).message})`, file);
    }
  }
  const decoded = decodeBytes(bytes, { kind: 'html' });
  if (!decoded.ok) return fail(decoded.code, `${file}: ${decoded.message}`, file);
  const page = await extractByFormat(decoded.value.text, file, file.replace(/\.gz$/i, ''), null);
  if (!page.ok) return page;
  return ok({ page: page.value, replaced: decoded.value.replaced, charset: decoded.value.charset });
}

async function fetchPage(fetcher: Fetcher, url: string): Promise<Result<ReadPage>> {
  const res = await fetcher.fetch(url, { kind: 'html' });
  if (!res.ok) return res;
  const page = await extractByFormat(
    res.value.text,
    url,
    new URL(res.value.url).pathname,
    res.value.contentType,
    res.value.url,
  );
  if (!page.ok) return page;
  return ok({ page: page.value, replaced: res.value.replacedBytes, charset: res.value.charset });
}

/** Reads the page in the page worker, within the page cost limits; a page over one is a failure naming `source`. */
function extractByFormat(
  text: string,
  source: string,
  name: string,
  contentType: string | null,
  url?: string,
): Promise<Result<ExtractedPage>> {
  const sniffed = sniffFormat(text, name, contentType);
  const format = sniffed === 'markdown' || sniffed === 'text' ? sniffed : 'html';
  return extractPageIsolated({ format, text, name: source, ...(url ? { url } : {}) });
}

function renderRecord(r: ExtractedRecord): string {
  const head = [
    `# ${r.title ?? '(untitled)'}`,
    `source: ${r.source}`,
    r.canonicalUrl ? `canonical: ${r.canonicalUrl}` : null,
    r.siteName ? `site: ${r.siteName}` : null,
    r.byline ? `byline: ${r.byline}` : null,
    r.published ? `published: ${r.published}` : null,
    r.language ? `language: ${r.language}` : null,
  ].filter((l): l is string => l !== null);
  return `${head.join('\n')}\n\n${r.text}\n\n`;
}
