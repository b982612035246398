// What reading one page may cost. Structural bounds are checked while the page is parsed, so a
// hostile page is refused after a bounded amount of work and the same page is always refused the
// same way; the time and memory bounds (extract-isolated.ts) catch whatever the structure does not.
// See docs/decisions/0012-page-cost-limits.md for the numbers and why.

export interface PageLimits {
  /** Elements open inside one another. Real pages stay under 60; browsers flatten past 512. */
  readonly maxDepth: number;
  /** Elements in the page (each costs ~0.5 KB as a tree). Real articles have a few thousand. */
  readonly maxElements: number;
  /** End tags; one that matches no open element still costs a search of the open elements. */
  readonly maxEndTags: number;
  /** Characters of text read from the page (a long article is 100,000; a novel 1,000,000). */
  readonly maxTextChars: number;
}

export const PAGE_LIMITS: PageLimits = {
  maxDepth: 1_000,
  maxElements: 200_000,
  maxEndTags: 200_000,
  maxTextChars: 2_000_000,
};

/** Time and memory of one page's extraction, enforced by running it in a worker. */
export interface PageCostLimits {
  readonly timeMs: number;
  readonly memoryMb: number;
}

export const PAGE_COST_LIMITS: PageCostLimits = { timeMs: 20_000, memoryMb: 512 };

export type PageLimitKind = 'depth' | 'elements' | 'end-tags' | 'text' | 'time' | 'memory';

const n = (x: number): string => x.toLocaleString('en-US');

const DESCRIPTION: Record<PageLimitKind, (limit: number) => string> = {
  depth: (l) => `the nesting limit (elements more than ${n(l)} levels deep; limit ${n(l)})`,
  elements: (l) => `the element limit (more than ${n(l)} elements; limit ${n(l)})`,
  'end-tags': (l) => `the end-tag limit (more than ${n(l)} end tags; limit ${n(l)})`,
  text: (l) => `the text limit (more than ${n(l)} characters of text; limit ${n(l)})`,
  time: (l) => `the time limit (still being read after ${n(l / 1000)} s; limit ${n(l / 1000)} s)`,
  memory: (l) => `the memory limit (reading it needed more than ${n(l)} MB; limit ${n(l)} MB)`,
};

/** Thrown by the parser and walks when a page exceeds a bound; turned into a Failure at the edge. */
export class PageLimitError extends Error {
  /** Which bound, in words: "the nesting limit (elements more than 1,000 levels deep; limit 1,000)". */
  readonly bound: string;

  constructor(
    readonly kind: PageLimitKind,
    readonly limit: number,
  ) {
    const bound = DESCRIPTION[kind](limit);
    super(`page exceeds ${bound}`);
    this.name = 'PageLimitError';
    this.bound = bound;
  }
}

/** Throws PageLimitError('text') when the texts together are longer than the bound. */
export function checkTextSize(texts: readonly string[], limits: PageLimits = PAGE_LIMITS): void {
  let total = 0;
  for (const t of texts) {
    total += t.length;
    if (total > limits.maxTextChars) throw new PageLimitError('text', limits.maxTextChars);
  }
}

/** "<name>: page exceeds … (limit …); skipped": the message a failure carries. */
export function limitMessage(name: string, error: PageLimitError, what = 'page'): string {
  return `${name}: ${what} exceeds ${error.bound}; skipped`;
}
