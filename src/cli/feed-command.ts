// `tidings feed`: read feeds (files or URLs) and print what was read, storing nothing. One JSON object
// per feed per line with --json; a readable summary otherwise. Exit 0 when every item was read, 1 when a
// feed was rejected or read with items lost.

import { gunzipSync } from 'node:zlib';
import { canonicalCharset, charsetFromContentType } from '../fetch/charset.js';
import { decodeBytes, type CharsetSource } from '../fetch/decode.js';
import type { Fetcher } from '../fetch/fetcher.js';
import type { Failure } from '../errors.js';
import { parseFeed, type Feed, type FeedTextField } from '../sources/feed.js';
import { readLocalInput } from '../sources/local.js';
import type { Io } from './io.js';

/**
 * A text field (title, author, summary, content) is null when the feed does not have it and "" when
 * the feed has the element with no text in it (an image-only title, an empty description).
 */
export interface FeedItemRecord {
  readonly id: string | null;
  readonly title: string | null;
  readonly link: string | null;
  /** ISO 8601 UTC. */
  readonly published: string | null;
  readonly updated: string | null;
  readonly author: string | null;
  /** Plain text. */
  readonly summary: string | null;
  /** HTML, when the feed carries full content. */
  readonly content: string | null;
}

export interface FeedRecord {
  readonly source: string;
  /** False when nothing could be read (then `error` says why). */
  readonly ok: boolean;
  readonly error: string | null;
  readonly format: string | null;
  /** False when the XML had errors (then `problems` say where, and what was lost). */
  readonly wellFormed: boolean;
  /** Items dropped because the document cut them off. */
  readonly lost: number;
  /** The document ends inside an element: whatever followed the cut was never seen. */
  readonly truncated: boolean;
  readonly problems: readonly string[];
  /** Null when the feed has no title element, "" when it has one with no text. */
  readonly title: string | null;
  readonly link: string | null;
  readonly language: string | null;
  readonly items: readonly FeedItemRecord[];
}

export async function feedCommand(
  inputs: readonly string[],
  options: { json: boolean; fetcher: () => Fetcher; maxBytes: number },
  io: Io,
): Promise<number> {
  let incomplete = 0;
  let fetcher: Fetcher | null = null;
  try {
    for (const input of inputs) {
      const isUrl = /^https?:\/\//i.test(input);
      if (isUrl && fetcher === null) fetcher = options.fetcher();
      const record = isUrl ? await fetchFeed(fetcher!, input) : await readFeedFile(input, options.maxBytes);
      if (!record.ok || record.lost > 0 || record.truncated) incomplete++;
      io.out(options.json ? `${JSON.stringify(record)}\n` : renderRecord(record));
    }
  } finally {
    await fetcher?.close();
  }
  return incomplete > 0 ? 1 : 0;
}

async function readFeedFile(file: string, maxBytes: number): Promise<FeedRecord> {
  const read = await readLocalInput(file, maxBytes);
  if (!read.ok) return rejected(file, read);
  let bytes = read.value.bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (error) {
      return rejectedWith(file, `${file}: not a readable gzip file (${(error as Error).message})`);
    }
  }
  return readFeedBytes(bytes, { source: file, url: null, contentType: null });
}

async function fetchFeed(fetcher: Fetcher, url: string): Promise<FeedRecord> {
  const res = await fetcher.fetch(url, { kind: 'xml' });
  if (!res.ok) return rejected(url, res);
  const problems = [
    ...mediaTypeNotes(res.value.contentType),
    ...encodingNotes(res.value.text, res.value.charset, null),
    ...(res.value.replacedBytes > 0 ? [replacedNote(res.value.replacedBytes, res.value.charset)] : []),
  ];
  return fromText(res.value.text, { source: url, url: res.value.url, problems });
}

/** Bytes of a feed (a file's, or a test's) decoded as ingest decodes them, then read. Pure. */
export function readFeedBytes(
  bytes: Uint8Array,
  options: { source: string; url: string | null; contentType: string | null },
): FeedRecord {
  const decoded = decodeBytes(bytes, { kind: 'xml', contentType: options.contentType });
  if (!decoded.ok) return rejectedWith(options.source, `${options.source}: ${decoded.message}`);
  const { text, charset, source, replaced } = decoded.value;
  const problems = [
    ...mediaTypeNotes(options.contentType),
    ...encodingNotes(text, charset, source),
    ...(replaced > 0 ? [replacedNote(replaced, charset)] : []),
  ];
  const header = charsetFromContentType(options.contentType);
  if (header !== null && header !== charset)
    problems.push(`the Content-Type says charset=${header}, but the bytes were read as ${charset} (${source})`);
  return fromText(text, { source: options.source, url: options.url, problems });
}

/** A server that calls the feed something other than XML or JSON (text/plain, text/html): read anyway, and said. */
function mediaTypeNotes(contentType: string | null | undefined): string[] {
  const media = contentType?.split(';')[0]?.trim().toLowerCase();
  if (media === undefined || media === '' || /xml|rss|atom|rdf|json/.test(media)) return [];
  return [`the server says the feed is ${media}, not an XML or JSON type; read as a feed anyway`];
}

/**
 * What XML would refuse about the encoding: a declaration naming an unknown charset or one the bytes
 * were not read in, or no declaration on bytes that are not UTF-8 (XML then means UTF-8).
 */
function encodingNotes(text: string, charset: string, source: CharsetSource | null): string[] {
  const declared = /^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']*)["']/
    .exec(text.slice(0, 4096))?.[1]
    ?.trim();
  if (declared !== undefined && declared !== '') {
    const canonical = canonicalCharset(declared);
    if (canonical === null) return [`the XML declaration names an unknown encoding "${declared}"; read as ${charset}`];
    const family = (c: string): string => c.replace(/(le|be)$/, '');
    if (family(canonical) !== family(charset))
      return [
        `the XML declaration says ${declared}, but the bytes were read as ${charset}${source === null ? '' : ` (${source})`}`,
      ];
    return [];
  }
  if (source === 'detected' && charset !== 'utf-8')
    return [`no encoding is declared (XML then means UTF-8) and the bytes are not UTF-8: read as ${charset}`];
  return [];
}

function replacedNote(n: number, charset: string): string {
  return `${n} ${n === 1 ? 'byte' : 'bytes'} could not be decoded as ${charset} and ${n === 1 ? 'was' : 'were'} replaced`;
}

function fromText(
  text: string,
  options: { source: string; url: string | null; problems: readonly string[] },
): FeedRecord {
  const parsed = parseFeed(text, { name: options.source, ...(options.url ? { baseUrl: options.url } : {}) });
  if (!parsed.ok) return { ...rejectedWith(options.source, parsed.message), problems: options.problems };
  return toRecord(options.source, parsed.value, options.problems);
}

export function toRecord(source: string, feed: Feed, extraProblems: readonly string[] = []): FeedRecord {
  return {
    source,
    ok: true,
    error: null,
    format: feed.format,
    wellFormed: feed.wellFormed && extraProblems.length === 0,
    lost: feed.lost,
    truncated: feed.truncated,
    problems: [...extraProblems, ...feed.problems],
    title: feed.title ?? (feed.titleEmpty === true ? '' : null),
    link: feed.siteUrl,
    language: feed.language,
    items: feed.items.map((item) => {
      const text = (value: string | null, field: FeedTextField): string | null =>
        value ?? (item.emptyFields?.includes(field) ? '' : null);
      return {
        id: item.guid,
        title: text(item.title, 'title'),
        link: item.url,
        published: item.published,
        updated: item.updated,
        author: text(item.author, 'author'),
        summary: text(item.summary, 'summary'),
        content: text(item.contentHtml, 'content'),
      };
    }),
  };
}

function rejected(source: string, failure: Failure): FeedRecord {
  return rejectedWith(source, failure.message);
}

function rejectedWith(source: string, error: string): FeedRecord {
  return {
    source,
    ok: false,
    error,
    format: null,
    wellFormed: false,
    lost: 0,
    truncated: false,
    problems: [],
    title: null,
    link: null,
    language: null,
    items: [],
  };
}

function renderRecord(r: FeedRecord): string {
  if (!r.ok) return `# ${r.source}\nnot read: ${r.error}\n\n`;
  const head = [
    `# ${r.title || '(untitled feed)'}`,
    `source: ${r.source}`,
    r.link ? `site: ${r.link}` : null,
    r.language ? `language: ${r.language}` : null,
    `${r.format}, ${r.items.length} ${r.items.length === 1 ? 'item' : 'items'}${r.lost > 0 ? `, ${r.lost} lost` : ''}${r.truncated ? ', cut off' : ''}${r.wellFormed ? '' : ', XML errors'}`,
  ].filter((l): l is string => l !== null);
  const items = r.items.map(
    (i, n) =>
      `${n + 1}. ${i.title || '(untitled)'}${i.published ? `  [${i.published}]` : ''}\n   ${i.link ?? '(no link)'}`,
  );
  const problems = r.problems.map((p) => `! ${p}`);
  return `${[...head, '', ...items, ...(problems.length > 0 ? ['', ...problems] : [])].join('\n')}\n\n`;
}
