// A file listing URLs: one per line; blank lines and lines starting with "#" are skipped, and
// " #" starts a trailing comment (a "#" inside a URL, with no space before it, is a fragment).
// Lines that are not http(s) URLs and repeats are reported, not fatal. Relative references resolve
// against `baseUrl`, the list's own location; a list read from disk (a file: base) may name files.
import { isRelativeReference, resolveReference } from './resolve-link.js';

export interface UrlListOptions {
  /** Names the list in messages. */
  name?: string;
  /** The list's own location (http(s) or file: URL), for relative lines. */
  baseUrl?: string;
}

export function parseUrlList(text: string, options: UrlListOptions = {}): { urls: string[]; problems: string[] } {
  const name = options.name ?? 'URL list';
  const base = options.baseUrl ?? null;
  const urls: string[] = [];
  const problems: string[] = [];
  const firstLine = new Map<string, number>();
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const line = raw.replace(/\s+#.*$/, '').trim();
      if (line === '' || line.startsWith('#')) return;
      const lineNo = i + 1;
      const url = /\s/.test(line) ? null : resolveReference(line, base);
      if (url === null) {
        const why =
          base === null && isRelativeReference(line) && !/\s/.test(line)
            ? 'is relative and the list has no base URL'
            : 'is not an http(s) URL';
        problems.push(`${name} line ${lineNo}: "${clip(line)}" ${why}`);
        return;
      }
      const seen = firstLine.get(url);
      if (seen !== undefined) {
        problems.push(`${name} line ${lineNo}: repeats line ${seen}`);
        return;
      }
      firstLine.set(url, lineNo);
      urls.push(url);
    });
  return { urls, problems };
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
