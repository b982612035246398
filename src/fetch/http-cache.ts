// The fetcher's disk cache: for each URL that answered 200, its body and validators (ETag,
// Last-Modified) for the next conditional GET. Two files per URL, named by the SHA-256 of the URL;
// the .json is written last, so its presence means the entry is complete.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface CachedResponse {
  url: string;
  status: number;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  /** ISO 8601 time of the last successful fetch or revalidation. */
  fetchedAt: string;
  bytes: Uint8Array;
}

type CachedMeta = Omit<CachedResponse, 'bytes'>;

export class HttpCache {
  constructor(private readonly dir: string) {}

  /** The stored entry, or null when absent or unreadable (a damaged cache is only a miss). */
  async get(url: string): Promise<CachedResponse | null> {
    const base = this.pathFor(url);
    try {
      const meta = JSON.parse(await readFile(`${base}.json`, 'utf8')) as Partial<CachedMeta>;
      if (meta.url !== url || typeof meta.status !== 'number' || typeof meta.fetchedAt !== 'string') return null;
      const bytes = new Uint8Array(await readFile(`${base}.body`));
      return {
        url,
        status: meta.status,
        contentType: meta.contentType ?? null,
        etag: meta.etag ?? null,
        lastModified: meta.lastModified ?? null,
        fetchedAt: meta.fetchedAt,
        bytes,
      };
    } catch {
      return null;
    }
  }

  async put(entry: CachedResponse): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const base = this.pathFor(entry.url);
    const { bytes, ...meta } = entry;
    await writeAtomically(`${base}.body`, bytes);
    await writeAtomically(`${base}.json`, JSON.stringify(meta));
  }

  /**
   * After a 304: the entry's validators and time, its body left as it is on disk (the same bytes).
   * Writing the small .json alone keeps a revalidation cheap.
   */
  async refresh(entry: CachedResponse): Promise<void> {
    const { bytes: _unchanged, ...meta } = entry;
    await writeAtomically(`${this.pathFor(entry.url)}.json`, JSON.stringify(meta));
  }

  private pathFor(url: string): string {
    return join(this.dir, createHash('sha256').update(url).digest('hex'));
  }
}

async function writeAtomically(path: string, data: Uint8Array | string): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}
