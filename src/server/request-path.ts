// The request target, checked before it goes near the file system: only origin-form paths (or
// absolute-form URLs, reduced to their path), decoded once, with no NUL, no backslash, no `.` or
// `..` segment in raw or percent-encoded form, and no hidden (dot) files. The file system check
// that follows (symlinks leading out of the site) is in static-site.ts.

import { fail, ok, type Result } from '../errors.js';

export interface RequestPath {
  /** The raw path as sent (no query): for messages only, never echoed into a redirect. */
  readonly raw: string;
  /** Decoded, non-empty segments. */
  readonly segments: readonly string[];
  /** The path ends in `/` (a directory was asked for). */
  readonly trailingSlash: boolean;
  readonly query: URLSearchParams;
}

/** Splits and checks a request target (req.url). */
export function parseRequestTarget(target: string): Result<RequestPath> {
  let rest = target;
  const absolute = /^https?:\/\/[^/?#]*/i.exec(rest);
  if (absolute) rest = rest.slice(absolute[0].length) || '/';
  if (!rest.startsWith('/')) return fail('bad_input', `request target "${target.slice(0, 80)}" is not a path`, target);
  const q = rest.indexOf('?');
  const raw = (q === -1 ? rest : rest.slice(0, q)).split('#')[0] ?? '';
  const query = new URLSearchParams(q === -1 ? '' : rest.slice(q + 1));
  const segments: string[] = [];
  for (const part of raw.split('/')) {
    if (part === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return fail('bad_input', `path segment "${part.slice(0, 40)}" is not valid percent-encoding`, target);
    }
    if (segment.includes('\0')) return fail('bad_input', 'the path contains a NUL byte', target);
    if (segment.includes('/') || segment.includes('\\'))
      return fail('bad_input', `path segment "${part.slice(0, 40)}" encodes a path separator`, target);
    if (segment === '.' || segment === '..')
      return fail('bad_input', 'the path contains a "." or ".." segment', target);
    if (segment.startsWith('.'))
      return fail('not_found', `hidden file "${segment.slice(0, 40)}" is not served`, target);
    segments.push(segment);
  }
  return ok({ raw, segments, trailingSlash: raw.endsWith('/'), query });
}
