// A story's page: its digest item, the sources (type, language, outlet, link) with links to each
// article's card and reader, the timeline, the commentary post, why it got its tier, and the
// verification report of everything written about it.

import { outletName, type Face } from '../../article.js';
import { LABELS } from '../../write/labels.js';
import type { Post } from '../../write/schemas.js';
import { sourceTypeLabel } from '../../write/labels.js';
import {
  digestItemHtml,
  confidenceBadge,
  sourceTypeBadge,
  tierHeading,
  verificationNote,
  sourcesList,
} from './digest-html.js';
import { externalLink, html, type SafeHtml } from './html.js';
import { SITE_LABELS } from './site-labels.js';
import type { SiteStory } from './site-input.js';
import { isFoldedTranslation, timelineWithTranslations, type FoldedTranslation } from '../../stories/story.js';
import { paths, relative } from './site-paths.js';

export function storyTitle(s: SiteStory, face: Face): string {
  return s.item[face]?.headline ?? s.story.title ?? SITE_LABELS[face].untitled;
}

function postHtml(post: Post, face: Face, siteName: string): SafeHtml {
  const l = LABELS[face];
  const zh = face === 'zh';
  return html`<article class="post"${post.bodyLanguage === 'zh' ? html` lang="zh-Hans"` : post.bodyLanguage === 'en' ? html` lang="en"` : ''}>
<h3>${post.headline}</h3>
${post.notice ? html`<p class="notice">${post.notice}</p>` : ''}
<p class="hook"><strong>@${siteName}${zh ? '：' : ': '}</strong>${post.hook}</p>
<p>${l.takeawaysIntro}</p>
<ol class="takeaways">${post.takeaways.map((t, i) => html`<li><strong>${l.ordinals[i] ?? `${i + 1}.`}${zh ? '，' : ': '}</strong>${t}</li>`)}</ol>
<p>${post.closing}</p>
<p class="credits">${l.credits}${l.colon}${post.credits.map((s, i) => html`${i > 0 ? ' | ' : ''}${externalLink(s.url, s.outlet)}`)}</p>
${verificationNote(face, post.verification)}
</article>`;
}

/**
 * A story's page. `dayItem` gives the path (with the item's fragment) of the day page that holds the
 * story's item on a date: page 1 of the day unless the day is in pages (day-pages.ts).
 */
export function storyPage(
  s: SiteStory,
  face: Face,
  siteName: string,
  articleIds: ReadonlySet<string>,
  dayItem: (date: string) => string = (d) => `${paths.day(face, d)}#story-${s.story.id}`,
): { path: string; title: string; body: SafeHtml; text: string } {
  const l = SITE_LABELS[face];
  const wl = LABELS[face];
  const from = paths.story(face, s.story.id);
  const rel = (to: string) => relative(from, to);
  const item = s.item[face];
  const post = s.post[face];
  const title = storyTitle(s, face);
  const r = s.ranking;
  const rows = timelineWithTranslations(s.story);
  // A folded translation has no card of its own: it links to its original's reader, where the pair is.
  const translationLink = (t: FoldedTranslation) => {
    const label = l.translationOf(t.originalOutlet ?? hostOf(t.url));
    return articleIds.has(t.originalId)
      ? html`<a href="${rel(paths.article(face, t.originalId))}">${label}</a>`
      : html`${label}`;
  };
  const body = html`<nav class="crumbs">${s.days.length > 0 ? html`${l.appearsOn} ${s.days.map((d, i) => html`${i > 0 ? ', ' : ''}<a href="${rel(dayItem(d))}">${d}</a>`)}` : l.noItem}</nav>
${item ? digestItemHtml(item, { face, from }, { linkHeadline: false, headingLevel: 2 }) : html`<h1>${title}</h1><p class="notice">${l.noItem}</p>`}
<section class="story-sources" id="sources"><h2>${l.sourcesHeading}</h2>
${item ? sourcesList(face, item.sources) : ''}
<table class="sources-table"><thead><tr><th>${wl.sources}</th><th>${l.languageHeading}</th><th>${l.original}</th><th></th></tr></thead><tbody>
${rows.map((e) => html`<tr id="${`a-${e.articleId}`}"><td>${e.outlet ?? hostOf(e.url)} ${sourceTypeBadge(face, sourceTypeLabel(e.sourceType))}</td><td>${l.language(e.language)}</td><td${e.language === 'zh' ? html` lang="zh-Hans"` : ''}>${externalLink(e.url, e.title ?? l.untitled)}</td><td class="links">${isFoldedTranslation(e) ? translationLink(e) : articleIds.has(e.articleId) ? html`<a href="${rel(paths.card(face, e.articleId))}">${l.card}</a> · <a href="${rel(paths.article(face, e.articleId))}">${l.reader}</a>` : ''}</td></tr>`)}
</tbody></table></section>
<section class="timeline" id="timeline"><h2>${l.timeline}</h2><ol>
${rows.map((e) => html`<li><time datetime="${e.published ?? e.activityAt}">${(e.published ?? e.activityAt).slice(0, 16).replace('T', ' ')}</time>${e.published ? '' : html` <span class="muted">(${l.undated})</span>`} — ${e.outlet ?? ''} <span class="muted">${l.language(e.language)}</span>${wl.colon}${!isFoldedTranslation(e) && articleIds.has(e.articleId) ? html`<a href="${rel(paths.card(face, e.articleId))}"${e.language === 'zh' ? html` lang="zh-Hans"` : ''}>${e.title ?? l.untitled}</a>` : html`<span${e.language === 'zh' ? html` lang="zh-Hans"` : ''}>${e.title ?? l.untitled}</span>`}${isFoldedTranslation(e) ? html` <span class="muted">(${translationLink(e)})</span>` : ''}</li>`)}
</ol></section>
${post ? html`<section class="commentary" id="commentary"><h2>${l.commentary}</h2>${postHtml(post, face, siteName)}</section>` : ''}
${
  r
    ? html`<section class="why" id="why"><h2>${l.whyTier}</h2><p>${tierHeading(face, r.tier)} ${confidenceBadge(face, r.confidence)}</p>
<ul>${r.tierReasons.map((x) => html`<li>${x}</li>`)}${r.confidenceReasons.map((x) => html`<li>${x}</li>`)}${r.figureConflicts.map((c) => html`<li class="conflict">${c.description}${c.resolution ? html` — ${c.resolution}` : ''}</li>`)}</ul></section>`
    : ''
}
<section class="report" id="verification"><h2>${l.verification}</h2>
${item ? html`<h3>${wl.aiSummary}</h3>${verificationNote(face, item.verification)}${problemList(item.verification?.problems ?? [])}` : ''}
${post ? html`<h3>${l.commentary}</h3>${verificationNote(face, post.verification)}${problemList(post.verification?.problems ?? [])}` : ''}
${item?.engine ? html`<p class="muted">${l.engine(item.engine)}</p>` : ''}
</section>`;
  const text = [
    title,
    item?.keyPoints.lead,
    ...(item?.keyPoints.points ?? []),
    item?.recommendation,
    post?.hook,
    ...rows.map((e) => `${e.outlet ?? ''} ${e.title ?? ''}`),
  ]
    .filter(Boolean)
    .join('\n');
  return { path: from, title, body, text };
}

function problemList(
  problems: ReadonlyArray<{ path: string; kind: string; surface: string; message: string }>,
): SafeHtml {
  return problems.length > 0
    ? html`<ul class="problems">${problems.map((p) => html`<li><code>${p.path}</code> ${p.kind}: “${p.surface}” — ${p.message}</li>`)}</ul>`
    : html``;
}

/** The host of a URL, or the URL itself when it has none (local files). */
/** A web address's host; a local file is named as such, never by its path. */
function hostOf(url: string): string {
  return outletName({ outlet: null, siteName: null, url });
}
