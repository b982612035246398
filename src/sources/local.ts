// Edge: finds and reads local inputs. A directory is walked recursively in a fixed order (sorted by
// code unit, so the same tree always yields the same list); hidden files and folders are skipped.
// Nothing here throws for a bad file: each problem is a Failure naming the path and the cause.
import { constants, type Dirent, type Stats } from 'node:fs';
import { open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { type Failure, fail, ok, type Result } from '../errors.js';

const gunzipAsync = promisify(gunzip);

/** File endings read from a directory walk (a file named on its own is always read). */
export const LOCAL_INPUT_EXTENSIONS = [
  '.html',
  '.htm',
  '.xhtml',
  '.html.gz',
  '.htm.gz',
  '.md',
  '.markdown',
  '.txt',
  '.xml',
  '.rss',
  '.atom',
  '.rdf',
  '.json',
  '.opml',
  '.urls',
] as const;

export interface LocalInput {
  path: string;
  /** Set when the walk could not read this entry (e.g. a folder without permission). */
  failure?: Failure;
}

/** A folder's own documentation (README.md, LICENSE.txt …) describes the folder; it is not an article. */
const FOLDER_DOCUMENTS = /^(readme|license|licence|changelog|contributing|notice|authors)(\.[a-z]+)?$/i;

export function isLocalInputName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    !lower.startsWith('.') && !FOLDER_DOCUMENTS.test(lower) && LOCAL_INPUT_EXTENSIONS.some((ext) => lower.endsWith(ext))
  );
}

/** The inputs under `pathArg`: the file itself, or every readable input in the directory tree. */
export async function listLocalInputs(pathArg: string): Promise<Result<LocalInput[]>> {
  let info: Stats;
  try {
    info = await stat(pathArg);
  } catch (e) {
    return ioFailure(pathArg, e);
  }
  if (info.isFile()) return ok([{ path: pathArg }]);
  if (!info.isDirectory())
    return fail('unsupported', `${pathArg}: is ${specialKind(info)}, not a file or directory`, pathArg);
  const out: LocalInput[] = [];
  await walk(pathArg, out, new Set());
  if (out.length === 0) {
    return fail('empty_input', `${pathArg}: no inputs found (looked for ${LOCAL_INPUT_EXTENSIONS.join(' ')})`, pathArg);
  }
  return ok(out);
}

async function walk(dir: string, out: LocalInput[], seen: Set<string>): Promise<void> {
  let real: string;
  let entries: Dirent[];
  try {
    real = await realpath(dir);
    if (seen.has(real)) return; // a symlink cycle
    seen.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    out.push({ path: dir, failure: ioFailure(dir, e) });
    return;
  }
  const names = entries
    .filter((d) => !d.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const d of names) {
    const full = join(dir, d.name);
    let isDir = d.isDirectory();
    let isFile = d.isFile();
    if (d.isSymbolicLink()) {
      try {
        const target = await stat(full);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch {
        continue; // a dangling link is not an input
      }
    }
    if (isDir) await walk(full, out, seen);
    else if (isFile && isLocalInputName(d.name)) out.push({ path: full });
  }
}

/**
 * Reads a file's bytes, gunzipping .gz files (by name or by the gzip magic bytes). `maxBytes` caps
 * both the file and the unzipped text: a larger input is `too_large`, an empty one `empty_input`.
 */
export async function readLocalInput(
  path: string,
  maxBytes: number,
): Promise<Result<{ path: string; bytes: Uint8Array }>> {
  let raw: Buffer;
  // Opened without blocking (a FIFO would otherwise wait for a writer forever), then checked on the
  // open handle, so what is read is the regular file that was checked: never a device (/dev/zero
  // never ends), a FIFO or a socket, and never more than maxBytes.
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (info.isDirectory()) return fail('bad_input', `${path}: is a directory, not a file`, path);
    if (!info.isFile())
      return fail(
        'unsupported',
        `${path}: is ${specialKind(info)}, not a regular file; only regular files are read`,
        path,
      );
    if (info.size > maxBytes)
      return fail('too_large', `${path}: ${info.size} bytes, over the ${maxBytes}-byte limit`, path);
    raw = await readAtMost(handle, maxBytes + 1);
    if (raw.length > maxBytes)
      return fail('too_large', `${path}: over the ${maxBytes}-byte limit (it grew while being read)`, path);
  } catch (e) {
    return ioFailure(path, e);
  } finally {
    await handle?.close();
  }
  const gzipped = raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b;
  if (path.toLowerCase().endsWith('.gz') && !gzipped && raw.length > 0) {
    return fail('bad_input', `${path}: named .gz but not gzip data`, path);
  }
  let bytes: Uint8Array = raw;
  if (gzipped) {
    try {
      bytes = await gunzipAsync(raw, { maxOutputLength: maxBytes });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE')
        return fail('too_large', `${path}: unzips to more than ${maxBytes} bytes`, path);
      return fail('bad_input', `${path}: corrupt gzip data (${(e as Error).message})`, path);
    }
  }
  if (bytes.length === 0) return fail('empty_input', `${path}: the file is empty`, path);
  return ok({ path, bytes });
}

async function readAtMost(handle: FileHandle, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}

function specialKind(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

function ioFailure(path: string, e: unknown): Failure {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return fail('not_found', `${path}: no such file or directory`, path);
    case 'EACCES':
    case 'EPERM':
      return fail('bad_input', `${path}: permission denied`, path);
    default:
      return fail('bad_input', `${path}: cannot read (${code ?? (e as Error).message})`, path);
  }
}
