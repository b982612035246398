// A file listing URLs: one per line; blank lines and lines starting with "#" are skipped, and
// " #" starts a trailing comment (a "#" inside a URL, with no space before it, is a fragment).
// Lines that are not http(s) URLs and repeats are reported, not fatal.
import { resolveLink } from './resolve-link.js';

export function parseUrlList(text: string, options: { name?: string } = {}): { urls: string[]; problems: string[] } {
  const name = options.name ?? 'URL list';
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
      const url = /\s/.test(line) ? null : resolveLink(line);
      if (url === null) {
        problems.push(`${name} line ${lineNo}: "${clip(line)}" is not an http(s) URL`);
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
