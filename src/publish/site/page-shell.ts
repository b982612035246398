// The frame of every page: head (no inline script or style: the CSP forbids them), header with
// navigation and the language switch, main content, footer. The switch is a plain link to the same
// path in the other face; site.js adds the #fragment and remembers the choice.

import type { Face } from '../../article.js';
import { html, type SafeHtml } from './html.js';
import { SITE_LABELS } from './site-labels.js';
import { otherFace, paths, relative } from './site-paths.js';

export interface ShellOptions {
  readonly face: Face;
  /** This page's path from the site root. */
  readonly path: string;
  readonly title: string;
  readonly siteName: string;
  readonly body: SafeHtml;
  /** Extra scripts (site-relative paths), e.g. the search client. */
  readonly scripts?: readonly string[];
  readonly bodyClass?: string;
  /** The site's absolute base URL, for the canonical link (the only absolute URL on a page). */
  readonly baseUrl?: string;
}

export function pageShell(o: ShellOptions): string {
  const l = SITE_LABELS[o.face];
  const other: Face = o.face === 'en' ? 'zh' : 'en';
  const lo = SITE_LABELS[other];
  const rel = (to: string) => relative(o.path, to);
  const nav = [
    [paths.home(o.face), l.home],
    [paths.archive(o.face), l.archive],
    [paths.topics(o.face), l.topics],
    [paths.search(o.face), l.search],
  ] as const;
  const page = html`<!doctype html>
<html lang="${l.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${o.title} · ${o.siteName}</title>
<link rel="stylesheet" href="${rel('assets/site.css')}">
${o.baseUrl ? html`<link rel="canonical" href="${new URL(o.path, o.baseUrl).href}">\n` : ''}<link rel="alternate" hreflang="${lo.htmlLang}" href="${rel(otherFace(o.path, other))}">
<link rel="alternate" type="application/rss+xml" title="${`${o.siteName} RSS`}" href="${rel(`feeds/${o.face}/rss.xml`)}">
<script src="${rel('assets/site.js')}" defer></script>
${(o.scripts ?? []).map((s) => html`<script src="${rel(s)}" defer></script>\n`)}</head>
<body class="${`face-${o.face}${o.bodyClass ? ` ${o.bodyClass}` : ''}`}">
<a class="skip" href="#main">${l.skip}</a>
<header class="site-header">
<a class="brand" href="${rel(paths.home(o.face))}">${o.siteName}</a>
<nav aria-label="${l.nav}"><ul>${nav.map(([to, label]) => html`<li><a href="${rel(to)}"${to === o.path ? html` aria-current="page"` : ''}>${label}</a></li>`)}</ul></nav>
<a class="lang-switch" href="${rel(otherFace(o.path, other))}" hreflang="${lo.htmlLang}" lang="${lo.htmlLang}" data-lang="${other}" title="${l.switchLabel}">${l.switchTo}</a>
</header>
<main id="main">
${o.body}
</main>
<footer class="site-footer"><p>${l.footer}</p><p class="feeds">${l.feeds}: <a href="${rel(`feeds/${o.face}/rss.xml`)}">RSS</a> · <a href="${rel(`feeds/${o.face}/atom.xml`)}">Atom</a> · <a href="${rel(`feeds/${o.face}/feed.json`)}">JSON Feed</a></p></footer>
</body>
</html>
`;
  return page.value;
}
