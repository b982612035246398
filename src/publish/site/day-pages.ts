// A day's digest in pages, so a day of hundreds of stories still has pages under 100 KB with every
// item in full: items in digest order (tiers highest first), a page closing when the next item
// would not fit the byte budget or the page has DAY_ITEMS_PER_PAGE items. Both faces share one plan
// (by story id), so an item is on the same page in English and Chinese and the language switch
// lands on it. Page 1 keeps the day's path, so every link made before pages existed still holds.
// Pure: no I/O.

import { FACES, type Face } from '../../article.js';
import { DIGEST_ITEMS_BUDGET, digestItemHtml, researchHtml, type DigestPart } from './digest-html.js';
import { pagerHtml } from './pagination.js';
import type { SiteDay } from './site-input.js';
import { paths } from './site-paths.js';

/** At most this many items on a page of a day, however small they are. */
export const DAY_ITEMS_PER_PAGE = 25;

export interface DayPlan {
  readonly date: string;
  readonly pages: number;
  /** The page that holds each story's item (1-based); a story not in the day's tiers is on page 1. */
  readonly pageOf: (storyId: string) => number;
  /** Bytes the items of a page may take once the pagers have theirs (page 1 also gives the research section its room). */
  readonly budget: number;
}

export interface DayPlanOptions {
  readonly perPage?: number;
  /** Bytes the items of a page may take (page 1 also carries the research section). */
  readonly budget?: number;
}

/** Story ids in digest order: the English face's, then any the Chinese face alone has. */
function storyIds(day: SiteDay): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const face of FACES) {
    for (const item of day.digest[face].tiers.flatMap((t) => t.items)) {
      if (!seen.has(item.storyId)) {
        seen.add(item.storyId);
        ids.push(item.storyId);
      }
    }
  }
  return ids;
}

function split(
  ids: readonly string[],
  size: (id: string) => number,
  first: number,
  perPage: number,
  budget: number,
): Map<string, number> {
  const pageOf = new Map<string, number>();
  let page = 1;
  let count = 0;
  let used = first;
  for (const id of ids) {
    const bytes = size(id);
    if (count > 0 && (count >= perPage || used + bytes > budget)) {
      page++;
      count = 0;
      used = 0;
    }
    pageOf.set(id, page);
    count++;
    used += bytes;
  }
  return pageOf;
}

/**
 * Which page of the day holds each item. An item's size is the larger of its two faces in full, as
 * written on a day page; the pagers (top and bottom) come out of the budget.
 */
export function planDay(day: SiteDay, options: DayPlanOptions = {}): DayPlan {
  const perPage = Math.max(1, options.perPage ?? DAY_ITEMS_PER_PAGE);
  const budget = options.budget ?? DIGEST_ITEMS_BUDGET;
  const sizes = new Map<string, number>();
  let research = 0;
  for (const face of FACES) {
    const ctx = { face, from: paths.day(face, day.date, 2) };
    for (const item of day.digest[face].tiers.flatMap((t) => t.items)) {
      const bytes = Buffer.byteLength(digestItemHtml(item, ctx, { linkHeadline: true, headingLevel: 3 }).value);
      sizes.set(item.storyId, Math.max(sizes.get(item.storyId) ?? 0, bytes));
    }
    research = Math.max(research, Buffer.byteLength(researchHtml(day.digest[face], ctx).value));
  }
  const ids = storyIds(day);
  const size = (id: string) => sizes.get(id) ?? 0;
  let room = budget;
  let pageOf = split(ids, size, research, perPage, room);
  // The pager grows with the number of pages; plan again inside what it leaves until that settles.
  for (let round = 0; round < 4; round++) {
    const pages = Math.max(1, ...pageOf.values());
    room = budget - 2 * pagerBytes(day.date, pages);
    const again = split(ids, size, research, perPage, room);
    const settled = Math.max(1, ...again.values()) === pages;
    pageOf = again;
    if (settled) break;
  }
  const pages = Math.max(1, ...pageOf.values());
  return { date: day.date, pages, pageOf: (id) => pageOf.get(id) ?? 1, budget: room };
}

/** The larger face's pager for a day of `pages` pages, shown on its last page (the longest links). */
function pagerBytes(date: string, pages: number): number {
  if (pages <= 1) return 0;
  const big = 999_999;
  return Math.max(
    ...FACES.map((face) =>
      Buffer.byteLength(
        pagerHtml(
          face,
          { items: [], page: pages, pages, first: big, last: big, total: big },
          'items',
          paths.day(face, date, pages),
          (p) => paths.day(face, date, p),
        ).value,
      ),
    ),
  );
}

/** How the digest writer shows page `page` of a planned day in `face`. */
export function dayPart(plan: DayPlan, face: Face, page: number): DigestPart {
  return { page, pages: plan.pages, pageOf: plan.pageOf, pathOf: (p) => paths.day(face, plan.date, p) };
}

/** The page (with the item's fragment) that holds a story's item on a planned day. */
export function dayItemPath(plan: DayPlan | undefined, face: Face, date: string, storyId: string): string {
  return `${paths.day(face, date, plan ? plan.pageOf(storyId) : 1)}#story-${storyId}`;
}
