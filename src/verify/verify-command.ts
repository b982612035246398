// `tidings verify <file> --sources <files or stored article ids…>`: the I/O edge of verification.
// Reads the output and its sources (text, Markdown, HTML; stored articles through a callback the
// CLI passes in), prints the report, and returns the exit code: 0 all supported, 1 otherwise.

import { extractPageIsolated } from '../extract/extract-isolated.js';
import { decodeBytes } from '../fetch/decode.js';
import { EXIT_CODES, fail, ok, type Result } from '../errors.js';
import { readLocalInput } from '../sources/local.js';
import { readDocument, readTidingsJson, verifyFields } from './document.js';
import type { SourceText } from './grounding.js';
import { renderReport } from './render-report.js';

export interface VerifyIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  /** Resolves a reference that is not a readable file, e.g. a stored article id. */
  readonly readSource?: (ref: string) => Promise<Result<SourceText>>;
  /** Per-file cap in bytes (default 20 MB). */
  readonly maxBytes?: number;
  /** Print the report as JSON instead of text. */
  readonly json?: boolean;
}

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export async function verifyCommand(file: string, sources: readonly string[], io: VerifyIo): Promise<number> {
  const maxBytes = io.maxBytes ?? DEFAULT_MAX_BYTES;
  // The file first: a missing file is named as such, not as "no sources" (a Tidings JSON output
  // names its own sources, so a file that cannot be read yields none).
  const output = await readTextFile(file, maxBytes);
  if (!output.ok) {
    io.err(`tidings verify: ${output.message}\n`);
    return EXIT_CODES[output.code];
  }
  if (sources.length === 0) {
    io.err(`tidings verify: ${file}: no sources given; pass --sources <files or article ids…>\n`);
    return EXIT_CODES.usage_error;
  }
  const texts: SourceText[] = [];
  for (const ref of sources) {
    const read = await resolveSource(ref, maxBytes, io.readSource);
    if (!read.ok) {
      io.err(`tidings verify: ${read.message}\n`);
      return EXIT_CODES[read.code];
    }
    texts.push(read.value);
  }
  const json = readTidingsJson(output.value);
  if (json !== null && !json.ok) {
    io.err(`tidings verify: ${file}: ${json.message}\n`);
    return EXIT_CODES[json.code];
  }
  const report = verifyFields(json === null ? readDocument(output.value) : json.value, texts);
  io.out(io.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report));
  return report.ok ? 0 : 1;
}

async function resolveSource(
  ref: string,
  maxBytes: number,
  readSource: VerifyIo['readSource'],
): Promise<Result<SourceText>> {
  const file = await readSourceFile(ref, maxBytes);
  if (file.ok || file.code !== 'not_found' || !readSource) return file;
  const stored = await readSource(ref);
  if (stored.ok) return stored;
  return fail(stored.code, `${ref}: neither a readable file nor a stored article (${stored.message})`, ref);
}

/** A source file as text: HTML through the extractor (main text only), anything else as written. */
export async function readSourceFile(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Result<SourceText>> {
  const text = await readTextFile(path, maxBytes);
  if (!text.ok) return text;
  const label = path.split(/[\\/]/).pop() ?? path;
  if (/\.x?html?$/i.test(path) || /^\s*<(?:!doctype html|html)\b/i.test(text.value)) {
    // Read in the page worker, within the page cost limits; a page over one is a failure naming it.
    const read = await extractPageIsolated({ format: 'html', text: text.value, name: path });
    if (!read.ok) return read;
    const page = read.value;
    const body = [page.title, ...page.paragraphs].filter((p): p is string => p !== null && p !== '').join('\n\n');
    if (body === '') return fail('no_content', `${path}: no article text found in the page`, path);
    return ok({
      id: path,
      label: page.siteName ?? label,
      text: body,
      ...(page.canonicalUrl ? { url: page.canonicalUrl } : {}),
    });
  }
  return ok({ id: path, label, text: text.value });
}

async function readTextFile(path: string, maxBytes: number): Promise<Result<string>> {
  const read = await readLocalInput(path, maxBytes);
  if (!read.ok) return read;
  // HTML may declare its charset in a meta tag; other text is sniffed.
  const decoded = decodeBytes(read.value.bytes, { kind: /\.x?html?$/i.test(path) ? 'html' : 'text' });
  if (!decoded.ok) return fail(decoded.code, `${path}: ${decoded.message}`, path);
  if (decoded.value.text.trim() === '') return fail('empty_input', `${path}: nothing but whitespace`, path);
  return ok(decoded.value.text);
}
