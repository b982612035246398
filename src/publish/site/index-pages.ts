// The pages that lead to the others: a day's digest (and home, the latest day), the archive, the
// topic and audience pages, the search page (its client is src/publish/search) and the root
// language chooser.

import type { Face } from '../../article.js';
import { LABELS, audienceName } from '../../write/labels.js';
import type { Digest } from '../../write/schemas.js';
import { confidenceBadge, digestHtml } from './digest-html.js';
import { dayItemPath, dayPart, type DayPlan } from './day-pages.js';
import { html, type SafeHtml } from './html.js';
import { SITE_LABELS } from './site-labels.js';
import type { SiteDay, SiteStory } from './site-input.js';
import { paths, relative } from './site-paths.js';
import { pagerHtml, type PageSlice } from './pagination.js';
import { storyTitle } from './story-page.js';

export interface Topic {
  readonly slug: string;
  readonly name: { readonly en: string; readonly zh: string };
  readonly storyIds: readonly string[];
  readonly articleIds: readonly string[];
}

export interface Audience {
  readonly slug: string;
  readonly name: string;
  readonly storyIds: readonly string[];
}

/** One page of a day's digest (the home page is page 1 of the latest day). */
export function dayBody(day: SiteDay, face: Face, from: string, isHome: boolean, plan: DayPlan, page = 1): SafeHtml {
  const l = SITE_LABELS[face];
  return html`${isHome ? html`<p class="crumbs"><a href="${relative(from, paths.day(face, day.date))}">${l.latest}</a> · <a href="${relative(from, paths.archive(face))}">${l.archive}</a> · <a href="${relative(from, paths.allStories(face))}">${l.allStories}</a></p>` : ''}
${digestHtml(day.digest[face], { face, from }, plan.budget, dayPart(plan, face, page))}`;
}

export function emptyHome(face: Face): SafeHtml {
  const l = SITE_LABELS[face];
  return html`<h1>${LABELS[face].aiSummary}</h1><p class="notice">${l.noDays}</p>`;
}

/** The searchable text of a day's digest, or of the items on one page of it. */
export function dayText(d: Digest, onPage: (storyId: string) => boolean = () => true): string {
  return d.tiers
    .flatMap((t) => t.items.filter((i) => onPage(i.storyId)).map((i) => `${i.headline}\n${i.keyPoints.lead}`))
    .join('\n');
}

/** One page of the archive: its days (newest first), each with its first headlines. */
export function archiveBody(
  slice: PageSlice<SiteDay>,
  face: Face,
  plans: ReadonlyMap<string, DayPlan> = new Map(),
): SafeHtml {
  const l = SITE_LABELS[face];
  const days = slice.items;
  const from = paths.archive(face, slice.page);
  const pager = pagerHtml(face, slice, 'days', from, (p) => paths.archive(face, p));
  return html`<h1>${l.archive}</h1>
<p class="crumbs"><a href="${relative(from, paths.allStories(face))}">${l.allStories}</a></p>
${slice.total === 0 ? html`<p class="notice">${l.noDays}</p>` : ''}
${pager}
<ol class="archive">${days.map((d) => {
    const digest = d.digest[face];
    return html`<li><h2><a href="${relative(from, paths.day(face, d.date))}">${d.date}</a> <span class="count">${LABELS[face].updates(digest.count)}</span></h2>
${
  digest.count === 0
    ? html`<p class="muted">${l.noStoriesDay}</p>`
    : html`<ul>${digest.tiers
        .flatMap((t) => t.items.map((i) => ({ t, i })))
        .slice(0, ARCHIVE_HEADLINES)
        .map(
          ({ t, i }) =>
            html`<li>${t.tier.emoji} <a href="${relative(from, dayItemPath(plans.get(d.date), face, d.date, i.storyId))}">${i.headline}</a></li>`,
        )}${digest.count > ARCHIVE_HEADLINES ? html`<li class="muted"><a href="${relative(from, paths.day(face, d.date))}">${l.more(digest.count - ARCHIVE_HEADLINES)}</a></li>` : ''}</ul>`
}</li>`;
  })}</ol>
${pager}`;
}

/** Headlines per day in the archive; the day's page has them all. */
const ARCHIVE_HEADLINES = 5;
/** Cards listed on a topic page; every card is also linked from its story's page. */
const LIST_CARDS = 100;

/** One page of a story list (newest first), with where it sits in the whole list. */
function storyList(slice: PageSlice<SiteStory>, face: Face, from: string, pathOf: (page: number) => string): SafeHtml {
  const l = SITE_LABELS[face];
  if (slice.total === 0) return html`<p class="muted">—</p>`;
  const pager = pagerHtml(face, slice, 'stories', from, pathOf);
  return html`${pager}<ul class="story-list">${slice.items.map((s) => {
    const item = s.item[face];
    return html`<li>${item ? html`${item.tier.emoji} ` : ''}<a href="${relative(from, paths.story(face, s.story.id))}">${storyTitle(s, face)}</a> ${item ? confidenceBadge(face, item.confidence) : ''} <span class="muted">${s.days[0] ?? s.story.lastActive.slice(0, 10)} · ${l.articlesCount(s.story.articleCount)}</span></li>`;
  })}</ul>${pager}`;
}

/** One page of the list of every story, newest first: the way to any story, whatever its day. */
export function allStoriesBody(slice: PageSlice<SiteStory>, face: Face): SafeHtml {
  const l = SITE_LABELS[face];
  const from = paths.allStories(face, slice.page);
  return html`<p class="crumbs"><a href="${relative(from, paths.archive(face))}">${l.archive}</a></p>
<h1>${l.allStories} <span class="count">${l.storiesCount(slice.total)}</span></h1>
${storyList(slice, face, from, (p) => paths.allStories(face, p))}`;
}

export function topicsIndexBody(topics: readonly Topic[], audiences: readonly Audience[], face: Face): SafeHtml {
  const l = SITE_LABELS[face];
  const from = paths.topics(face);
  return html`<h1>${l.topics}</h1>
<ul class="tags big">${topics.map((t) => html`<li><a href="${relative(from, paths.topic(face, t.slug))}">${t.name[face]}</a> <span class="muted">${t.storyIds.length}</span></li>`)}</ul>
<h2>${l.audiences}</h2>
<ul class="tags big">${audiences.map((a) => html`<li><a href="${relative(from, paths.audience(face, a.slug))}">${audienceName(a.name, face)}</a> <span class="muted">${a.storyIds.length}</span></li>`)}</ul>`;
}

/** One page of a topic: its stories (paginated) and, on the first page, its cards. */
export function topicBody(
  topic: Topic,
  stories: PageSlice<SiteStory>,
  cards: ReadonlyArray<{ id: string; title: string }>,
  face: Face,
): SafeHtml {
  const l = SITE_LABELS[face];
  const from = paths.topic(face, topic.slug, stories.page);
  const shown = cards.slice(0, LIST_CARDS);
  return html`<p class="crumbs"><a href="${relative(from, paths.topics(face))}">${l.topics}</a></p>
<h1>${topic.name[face]}</h1>
<h2>${l.storiesHeading} <span class="count">${l.storiesCount(stories.total)}</span></h2>
${storyList(stories, face, from, (p) => paths.topic(face, topic.slug, p))}
${
  stories.page === 1
    ? html`<h2>${l.card}</h2>
${shown.length < cards.length ? html`<p class="muted">${l.cardsShown(shown.length, cards.length)}</p>` : ''}<ul>${shown.map((c) => html`<li><a href="${relative(from, paths.card(face, c.id))}">${c.title}</a></li>`)}</ul>`
    : ''
}`;
}

export function audienceBody(audience: Audience, stories: PageSlice<SiteStory>, face: Face): SafeHtml {
  const l = SITE_LABELS[face];
  const from = paths.audience(face, audience.slug, stories.page);
  return html`<p class="crumbs"><a href="${relative(from, paths.topics(face))}">${l.audiences}</a></p>
<h1>${audienceName(audience.name, face)}</h1>
<h2>${l.storiesHeading} <span class="count">${l.storiesCount(stories.total)}</span></h2>
${storyList(stories, face, from, (p) => paths.audience(face, audience.slug, p))}`;
}

/** The search page as the layout fixes it: the client (assets/search.js) fills the results. */
export function searchBody(face: Face): SafeHtml {
  const l = SITE_LABELS[face];
  return html`<h1>${l.search}</h1>
<form role="search" action="search.html"><input type="search" name="q" id="search-q" placeholder="${l.searchPlaceholder}" aria-label="${l.search}"> <button type="submit">${l.search}</button></form>
<p id="search-status">${l.searchNoJs}</p>
<ol id="search-results"></ol>`;
}

/** The root page: two plain links; site.js goes straight to the remembered face. */
export function chooserPage(siteName: string): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${siteName}</title>
<link rel="stylesheet" href="assets/site.css">
<script src="assets/site.js" defer></script>
</head>
<body class="chooser">
<main id="main">
<h1>${siteName}</h1>
<p>${SITE_LABELS.en.chooser} · <span lang="zh-Hans">${SITE_LABELS.zh.chooser}</span></p>
<ul class="choices">
<li><a href="en/index.html" hreflang="en" data-lang="en" class="choose">English</a></li>
<li><a href="zh/index.html" hreflang="zh-Hans" lang="zh-Hans" data-lang="zh" class="choose">中文</a></li>
</ul>
</main>
</body>
</html>
`.value;
}
