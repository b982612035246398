// The digest and its items in HTML, with the sections, order and labels of the Markdown face
// (src/write/markdown.ts): headline and tier, confidence, key points, impact by audience, detailed
// analysis (trade-offs: pros, cons), quick start, recommendation, typed sources, verification.

import type { Face } from '../../article.js';
import { LABELS, audienceName } from '../../write/labels.js';
import type { Digest, DigestItem, SourceRef, Verification } from '../../write/schemas.js';
import { externalLink, html, linkified, type SafeHtml } from './html.js';
import { SITE_LABELS } from './site-labels.js';
import { paths, relative, slugOf } from './site-paths.js';
import { pagerHtml, type PageSlice } from './pagination.js';

export interface LinkContext {
  readonly face: Face;
  /** The page being written, for relative links. */
  readonly from: string;
}

export function tierHeading(face: Face, tier: DigestItem['tier']): string {
  return `${tier.emoji} L${tier.level} - ${face === 'zh' ? tier.nameZh : tier.name}`;
}

const confidenceClass = (c: DigestItem['confidence']) => `badge confidence confidence-${c.toLowerCase()}`;

export function confidenceBadge(face: Face, c: DigestItem['confidence']): SafeHtml {
  const l = LABELS[face];
  return html`<span class="${confidenceClass(c)}">${l.confidence}${l.colon}${l.confidenceValue(c)}</span>`;
}

export function sourceTypeBadge(face: Face, type: SourceRef['type']): SafeHtml {
  return html`<span class="${`badge type type-${type.toLowerCase()}`}">${LABELS[face].sourceType(type)}</span>`;
}

export function sourcesList(face: Face, sources: readonly SourceRef[]): SafeHtml {
  const l = LABELS[face];
  if (sources.length === 0)
    return html`<p class="sources empty">${l.sources}${l.colon}${SITE_LABELS[face].noSources}</p>`;
  return html`<p class="sources">${l.sources}${l.colon}${sources.map((s, i) => html`${i > 0 ? ' | ' : ''}<span class="source">${externalLink(s.url, s.outlet)} ${sourceTypeBadge(face, s.type)}${s.translationOf ? html` <span class="muted">${l.translationSource}</span>` : ''}${s.fromFeedSummary ? html` <span class="muted from-feed-summary">${l.fromFeedSummary}</span>` : ''}</span>`)}</p>`;
}

export function verificationNote(face: Face, v: Verification | undefined): SafeHtml {
  const l = SITE_LABELS[face];
  if (!v) return html`<p class="verification unverified">${l.notVerified}</p>`;
  if (v.ok) return html`<p class="verification ok">✓ ${l.verifiedOk(v.sentences)}</p>`;
  return html`<div class="verification repaired"><p>⚠ ${l.verifiedRepaired(v.problems.length, v.sentences)}</p>
<ul>${v.repairs.map((r) => html`<li>${l.repairAction(r.action)}: “${r.surface}” — ${r.reason}</li>`)}</ul></div>`;
}

const bodyLang = (item: { bodyLanguage: string }) =>
  item.bodyLanguage === 'zh' ? 'zh-Hans' : item.bodyLanguage === 'en' ? 'en' : null;

function bullets(items: readonly string[]): SafeHtml {
  return items.length > 0 ? html`<ul>${items.map((x) => html`<li>${x}</li>`)}</ul>` : html`<ul><li>—</li></ul>`;
}

/** One digest item; `headingLevel` is 3 inside a day's digest, 2 on a story page. */
export function digestItemHtml(
  item: DigestItem,
  ctx: LinkContext,
  options: { linkHeadline: boolean; headingLevel: 2 | 3 },
): SafeHtml {
  const face = ctx.face;
  const l = LABELS[face];
  const zh = face === 'zh';
  const lang = bodyLang(item);
  const storyHref = relative(ctx.from, paths.story(face, item.storyId));
  const headline = options.linkHeadline ? html`<a href="${storyHref}">${item.headline}</a>` : html`${item.headline}`;
  const h = options.headingLevel;
  const title =
    h === 3
      ? html`<h3 class="headline">${headline} <span class="level">L${item.tier.level}</span></h3>`
      : html`<h2 class="headline">${headline} <span class="level">L${item.tier.level}</span></h2>`;
  const sub = (text: string) => (h === 3 ? html`<h4>${text}</h4>` : html`<h3>${text}</h3>`);
  const subsub = (text: string) => (h === 3 ? html`<h5>${text}</h5>` : html`<h4>${text}</h4>`);
  return html`<article class="${`item tier-${Math.min(item.tier.level, 4)}`}" id="${`story-${item.storyId}`}">
${title}
${item.notice ? html`<p class="notice">${item.notice}</p>` : ''}
<p class="meta">${confidenceBadge(face, item.confidence)}</p>
<div class="body"${lang ? html` lang="${lang}"` : ''}>
<p class="key-points"><strong>${l.keyPoints}${l.colon}</strong>${item.keyPoints.lead}${item.keyPoints.points.length > 0 ? html`${item.bodyLanguage === 'zh' ? '' : ' '}${l.inDetail}${l.colon}` : ''}</p>
${item.keyPoints.points.length > 0 ? html`<ol class="points">${item.keyPoints.points.map((p) => html`<li>${p}</li>`)}</ol>` : ''}
${item.impact.length > 0 ? html`<div class="impact"><strong>${l.impact}${l.colon}</strong><ul>${item.impact.map((i) => html`<li><a class="audience" href="${relative(ctx.from, paths.audience(face, slugOf(i.audience)))}">${l.forAudience(zh ? audienceName(i.audience, 'zh') : i.audience)}</a> ${i.text}</li>`)}</ul></div>` : ''}
<details class="analysis" open>
<summary>${l.detailedAnalysis}</summary>
${subsub(l.tradeOffs)}
<div class="tradeoffs"><div class="pros"><p><strong>${l.pros}</strong></p>${bullets(item.pros)}</div><div class="cons"><p><strong>${l.cons}</strong></p>${bullets(item.cons)}</div></div>
</details>
${sub(l.quickStart)}
${item.quickStart.length > 0 ? html`<ol class="quick-start">${item.quickStart.map((q) => html`<li>${linkified(q)}</li>`)}</ol>` : html`<p>—</p>`}
${sub(l.recommendation)}
<p class="recommendation">${item.recommendation}</p>
</div>
${sourcesList(face, item.sources)}
${verificationNote(face, item.verification)}
</article>`;
}

/**
 * A condensed item for a large day: headline, confidence, the lead and the sources, with a link to
 * the story page where the whole item is. Keeps the same id, so links and the switch still land.
 */
export function compactItemHtml(item: DigestItem, ctx: LinkContext): SafeHtml {
  const l = LABELS[ctx.face];
  const lang = bodyLang(item);
  const href = relative(ctx.from, paths.story(ctx.face, item.storyId));
  return html`<article class="${`item compact tier-${Math.min(item.tier.level, 4)}`}" id="${`story-${item.storyId}`}">
<h3 class="headline"><a href="${href}">${item.headline}</a> <span class="level">L${item.tier.level}</span></h3>
<p class="meta">${confidenceBadge(ctx.face, item.confidence)}</p>
<p${lang ? html` lang="${lang}"` : ''}><strong>${l.keyPoints}${l.colon}</strong>${item.keyPoints.lead}</p>
${sourcesList(ctx.face, item.sources)}
<p class="more"><a href="${href}">${SITE_LABELS[ctx.face].fullAnalysis}</a></p>
</article>`;
}

/** Bytes the items of one digest page may take: the page stays under 100 KB with its frame. */
export const DIGEST_ITEMS_BUDGET = 88 * 1024;

/**
 * Which items a day's page shows in full: in digest order (highest tier first), each one whose
 * full form still leaves room for the rest in condensed form; the others are condensed.
 */
export function itemForms(full: readonly number[], compact: readonly number[], budget: number): boolean[] {
  const rest: number[] = [];
  for (let i = compact.length - 1; i >= 0; i--) rest.unshift(compact[i]! + (rest[0] ?? 0));
  const out: boolean[] = [];
  let used = 0;
  full.forEach((f, i) => {
    const after = rest[i + 1] ?? 0;
    const whole = used + f + after <= budget;
    out.push(whole);
    used += whole ? f : compact[i]!;
  });
  return out;
}

/** The research section: paper titles linked to their pages, the rest counted. */
export function researchHtml(digest: Digest, ctx: LinkContext): SafeHtml {
  const research = digest.research;
  if (!research || research.items.length === 0) return html``;
  const l = LABELS[ctx.face];
  return html`<section class="research"><h2>${l.research}</h2><ul>${research.items.map((r) => html`<li id="${`story-${r.storyId}`}">${externalLink(r.url, r.title)}${r.outlet ? html` <span class="muted">${r.outlet}</span>` : ''}</li>`)}${research.more > 0 ? html`<li class="muted">${l.morePapers(research.more)}</li>` : ''}</ul></section>`;
}

/**
 * Which page of a day's digest to write (day-pages.ts plans them): the items whose story is on
 * `page`, in digest order, with a pager to the others. The research section is on page 1.
 */
export interface DigestPart {
  readonly page: number;
  readonly pages: number;
  /** The page that holds a story's item. */
  readonly pageOf: (storyId: string) => number;
  /** Where each page of the day lives. */
  readonly pathOf: (page: number) => string;
}

const WHOLE: DigestPart = { page: 1, pages: 1, pageOf: () => 1, pathOf: () => '' };

/**
 * A day's digest (or one page of it): title, count, notice, then each tier's items, highest first;
 * a tier split across pages says so at both ends. The research section closes page 1.
 */
export function digestHtml(
  digest: Digest,
  ctx: LinkContext,
  budget = DIGEST_ITEMS_BUDGET,
  part: DigestPart = WHOLE,
): SafeHtml {
  const l = LABELS[ctx.face];
  const sl = SITE_LABELS[ctx.face];
  const all = digest.tiers.flatMap((g) => g.items);
  const here = (item: DigestItem) => part.pageOf(item.storyId) === part.page;
  const items = all.filter(here);
  const full = items.map((item) => digestItemHtml(item, ctx, { linkHeadline: true, headingLevel: 3 }));
  const compact = items.map((item) => compactItemHtml(item, ctx));
  const firstPage = part.page === 1;
  const research = firstPage ? researchHtml(digest, ctx) : html``;
  // Page 1 carries the research section too: the items have what it leaves.
  const room = budget - Buffer.byteLength(research.value);
  const forms = itemForms(
    full.map((h) => Buffer.byteLength(h.value)),
    compact.map((h) => Buffer.byteLength(h.value)),
    room,
  );
  const rendered = new Map(items.map((item, i) => [item, forms[i] ? full[i]! : compact[i]!]));
  const before = all.findIndex(here);
  const slice: PageSlice<DigestItem> = {
    items,
    page: part.page,
    pages: part.pages,
    first: items.length === 0 ? 0 : before + 1,
    last: before + items.length,
    total: all.length,
  };
  const pager = pagerHtml(ctx.face, slice, 'items', ctx.from, part.pathOf);
  const next = part.page < part.pages ? relative(ctx.from, part.pathOf(part.page + 1)) : null;
  return html`<header class="digest-header"><h1>${digest.date} ${l.aiSummary}</h1><p class="count">${l.updates(digest.count)}</p></header>
${firstPage && digest.notice ? html`<p class="notice">${digest.notice}</p>` : ''}
${firstPage && digest.tiers.length === 0 && !digest.notice && !digest.research?.items.length ? html`<p class="notice">${l.nothingToday}</p>` : ''}
${pager}
${digest.tiers
  .filter((group) => group.items.some(here))
  .map((group) => {
    const continued = group.items.some((i) => part.pageOf(i.storyId) < part.page);
    const continues = next !== null && group.items.some((i) => part.pageOf(i.storyId) > part.page);
    return html`<section class="${`tier tier-${Math.min(group.tier.level, 4)}`}"><h2>${tierHeading(ctx.face, group.tier)}${continued ? html` <span class="muted">(${sl.tierContinued})</span>` : ''}</h2>
${group.items.filter(here).map((item) => rendered.get(item)!)}
${continues ? html`<p class="continues"><a href="${next!}">${sl.tierContinues}</a></p>` : ''}</section>`;
  })}
${research}
${pager}`;
}
