// The pages that lead to the others: a day's digest (and home, the latest day), the archive, the
// topic and audience pages, the search page (its client is src/publish/search) and the root
// language chooser.

import { LABELS, audienceName } from '../../write/labels.js';
import type { Digest } from '../../write/schemas.js';
import { confidenceBadge, digestHtml } from './digest-html.js';
import { html, type SafeHtml } from './html.js';
import { SITE_LABELS } from './site-labels.js';
import type { Face, SiteDay, SiteStory } from './site-input.js';
import { paths, relative } from './site-paths.js';
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

export function dayBody(day: SiteDay, face: Face, from: string, isHome: boolean): SafeHtml {
  const l = SITE_LABELS[face];
  return html`${isHome ? html`<p class="crumbs"><a href="${relative(from, paths.day(face, day.date))}">${l.latest}</a> · <a href="${relative(from, paths.archive(face))}">${l.archive}</a></p>` : ''}
${digestHtml(day.digest[face], { face, from })}`;
}

export function emptyHome(face: Face): SafeHtml {
  const l = SITE_LABELS[face];
  return html`<h1>${LABELS[face].aiSummary}</h1><p class="notice">${l.noDays}</p>`;
}

export function dayText(d: Digest): string {
  return d.tiers.flatMap((t) => t.items.map((i) => `${i.headline}\n${i.keyPoints.lead}`)).join('\n');
}

export function archiveBody(days: readonly SiteDay[], face: Face): SafeHtml {
  const l = SITE_LABELS[face];
  const from = paths.archive(face);
  return html`<h1>${l.archive}</h1>
${days.length === 0 ? html`<p class="notice">${l.noDays}</p>` : ''}
<ol class="archive">${days.map((d) => {
    const digest = d.digest[face];
    return html`<li><h2><a href="${relative(from, paths.day(face, d.date))}">${d.date}</a> <span class="count">${LABELS[face].updates(digest.count)}</span></h2>
${digest.count === 0 ? html`<p class="muted">${l.noStoriesDay}</p>` : html`<ul>${digest.tiers.flatMap((t) => t.items.map((i) => ({ t, i }))).slice(0, ARCHIVE_HEADLINES).map(({ t, i }) => html`<li>${t.tier.emoji} <a href="${`${relative(from, paths.day(face, d.date))}#story-${i.storyId}`}">${i.headline}</a></li>`)}${digest.count > ARCHIVE_HEADLINES ? html`<li class="muted"><a href="${relative(from, paths.day(face, d.date))}">${l.more(digest.count - ARCHIVE_HEADLINES)}</a></li>` : ''}</ul>`}</li>`;
  })}</ol>`;
}

/** Headlines per day in the archive; the day's page has them all. */
const ARCHIVE_HEADLINES = 5;
/** Stories listed on a topic or audience page, newest first; older ones are in the archive. */
const LIST_STORIES = 60;

function storyList(all: readonly SiteStory[], face: Face, from: string): SafeHtml {
  const l = SITE_LABELS[face];
  if (all.length === 0) return html`<p class="muted">—</p>`;
  const stories = all.slice(0, LIST_STORIES);
  const older = all.length - stories.length;
  return html`${older > 0 ? html`<p class="muted">${l.newestOf(stories.length, all.length)} <a href="${relative(from, paths.archive(face))}">${l.archive}</a></p>` : ''}<ul class="story-list">${stories.map((s) => {
    const item = s.item[face];
    return html`<li>${item ? html`${item.tier.emoji} ` : ''}<a href="${relative(from, paths.story(face, s.story.id))}">${storyTitle(s, face)}</a> ${item ? confidenceBadge(face, item.confidence) : ''} <span class="muted">${s.days[0] ?? ''} · ${l.articlesCount(s.story.articleCount)}</span></li>`;
  })}</ul>`;
}

export function topicsIndexBody(topics: readonly Topic[], audiences: readonly Audience[], face: Face): SafeHtml {
  const l = SITE_LABELS[face];
  const from = paths.topics(face);
  return html`<h1>${l.topics}</h1>
<ul class="tags big">${topics.map((t) => html`<li><a href="${relative(from, paths.topic(face, t.slug))}">${t.name[face]}</a> <span class="muted">${t.storyIds.length}</span></li>`)}</ul>
<h2>${l.audiences}</h2>
<ul class="tags big">${audiences.map((a) => html`<li><a href="${relative(from, paths.audience(face, a.slug))}">${audienceName(a.name, face)}</a> <span class="muted">${a.storyIds.length}</span></li>`)}</ul>`;
}

export function topicBody(topic: Topic, stories: readonly SiteStory[], cards: ReadonlyArray<{ id: string; title: string }>, face: Face): SafeHtml {
  const l = SITE_LABELS[face];
  const from = paths.topic(face, topic.slug);
  return html`<p class="crumbs"><a href="${relative(from, paths.topics(face))}">${l.topics}</a></p>
<h1>${topic.name[face]}</h1>
<h2>${l.storiesHeading} <span class="count">${l.storiesCount(stories.length)}</span></h2>
${storyList(stories, face, from)}
<h2>${l.card}</h2>
<ul>${cards.slice(0, LIST_STORIES).map((c) => html`<li><a href="${relative(from, paths.card(face, c.id))}">${c.title}</a></li>`)}</ul>`;
}

export function audienceBody(audience: Audience, stories: readonly SiteStory[], face: Face): SafeHtml {
  const l = SITE_LABELS[face];
  const from = paths.audience(face, audience.slug);
  return html`<p class="crumbs"><a href="${relative(from, paths.topics(face))}">${l.audiences}</a></p>
<h1>${audienceName(audience.name, face)}</h1>
<h2>${l.storiesHeading} <span class="count">${l.storiesCount(stories.length)}</span></h2>
${storyList(stories, face, from)}`;
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

