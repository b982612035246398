// Zod's issues as one line a person can act on: where in the value (`choices[0].message.content`,
// `understanding.entities[3].start`) and what was wrong there (`expected string, received null`).
// Shared by every edge that parses data it did not make: providers' answers, stored JSON rows.

import type { z } from 'zod';

/** `a.b[0].c`; "(root)" for the value itself. */
export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * The first `max` issues, each as "path: what", joined by "; " (and how many more). Zod's own
 * "Invalid input: " prefix is dropped: the path already says where, the rest says what.
 */
export function describeIssues(error: z.ZodError, max = 3): string {
  const lines = error.issues
    .slice(0, max)
    .map((issue) => `${issuePath(issue.path)}: ${issue.message.replace(/^Invalid input: /, '')}`);
  const more = error.issues.length - max;
  return more > 0 ? `${lines.join('; ')} (and ${more} more)` : lines.join('; ');
}
