// Long lists split into pages, so every day and every story has a page reachable by links: the
// archive (days), the list of all stories, and the story lists of topics and audiences. Every page
// of a list says which part of the whole it shows and links to the others. Pure: no I/O.

import type { Face } from '../../article.js';
import { html, type SafeHtml } from './html.js';
import { SITE_LABELS, type Counted } from './site-labels.js';
import { relative } from './site-paths.js';

/** Days per archive page (each with its first headlines). */
export const ARCHIVE_DAYS_PER_PAGE = 30;
/** Stories per page of the list of all stories and of a topic's or audience's stories. */
export const STORIES_PER_PAGE = 100;

export interface PageSlice<T> {
  readonly items: readonly T[];
  /** 1-based. */
  readonly page: number;
  readonly pages: number;
  /** 1-based position of the first item shown, and of the last (0 and 0 for an empty list). */
  readonly first: number;
  readonly last: number;
  readonly total: number;
}

/** The list in pages of `perPage`, in order; an empty list is one empty page. */
export function paginate<T>(all: readonly T[], perPage: number): PageSlice<T>[] {
  const pages = Math.max(1, Math.ceil(all.length / perPage));
  return Array.from({ length: pages }, (_, i) => {
    const items = all.slice(i * perPage, (i + 1) * perPage);
    return {
      items,
      page: i + 1,
      pages,
      first: items.length === 0 ? 0 : i * perPage + 1,
      last: i * perPage + items.length,
      total: all.length,
    };
  });
}

/**
 * What part of the list this page shows ("Showing stories 101–200 of 3,177") and links to the
 * previous, next and every other page. Nothing when the whole list is on one page.
 */
export function pagerHtml(
  face: Face,
  slice: PageSlice<unknown>,
  what: Counted,
  from: string,
  pathOf: (page: number) => string,
): SafeHtml {
  if (slice.pages <= 1) return html``;
  const l = SITE_LABELS[face];
  const link = (page: number, text: string, rel?: string) =>
    html`<a href="${relative(from, pathOf(page))}"${rel ? html` rel="${rel}"` : ''}>${text}</a>`;
  return html`<nav class="pager" aria-label="${l.pagesNav}">
<p class="count">${l.showing(slice.first, slice.last, slice.total, what)}</p>
<p>${slice.page > 1 ? link(slice.page - 1, l.previousPage, 'prev') : html`<span class="muted">${l.previousPage}</span>`} · ${l.pageOf(slice.page, slice.pages)} · ${slice.page < slice.pages ? link(slice.page + 1, l.nextPage, 'next') : html`<span class="muted">${l.nextPage}</span>`}</p>
<ol class="pages">${Array.from({ length: slice.pages }, (_, i) => i + 1).map((p) => (p === slice.page ? html`<li><strong aria-current="page">${String(p)}</strong></li>` : html`<li>${link(p, String(p))}</li>`))}</ol>
</nav>`;
}
