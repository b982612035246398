// The digest and a commentary post as HTML fragments for feed entries: plain semantic markup, no
// styles, no scripts, absolute links. All text passes escapeText (text/escape.ts); links pass safeHref.

import { escapeText as e } from '../../text/escape.js';
import type { Face } from '../../article.js';
import { LABELS, audienceName } from '../../write/labels.js';
import { verificationLine } from '../../write/markdown.js';
import type { Digest, DigestItem, Post, SourceRef } from '../../write/schemas.js';
import { absoluteUrl, sitePaths } from './publish-input.js';
import { safeHref } from './xml-text.js';

/** An outlet linked to its article when the URL is http(s), plain text otherwise. */
export function sourceLink(s: SourceRef, face: Face): string {
  const l = LABELS[face];
  const href = safeHref(s.url);
  const name = href ? `<a href="${e(href)}">${e(s.outlet)}</a>` : e(s.outlet);
  return `${name} (${e(l.sourceType(s.type))})`;
}

function list(tag: 'ul' | 'ol', items: readonly string[]): string {
  return items.length === 0 ? '' : `<${tag}>${items.map((x) => `<li>${e(x)}</li>`).join('')}</${tag}>`;
}

/** The digest's verification line ("Verified: all 6 sentences checked…") as plain text, or null. */
export function verifiedText(v: DigestItem['verification'], face: Face): string | null {
  const line = verificationLine(v, face === 'zh');
  return line === null ? null : line.replace(/^_|_$/g, '');
}

export function digestItemHtml(item: DigestItem, face: Face, baseUrl: string): string {
  const l = LABELS[face];
  const story = absoluteUrl(baseUrl, sitePaths.story(face, item.storyId));
  const out: string[] = [`<h3><a href="${e(story)}">${e(item.headline)}</a> L${item.tier.level}</h3>`];
  if (item.notice) out.push(`<p><em>${e(item.notice)}</em></p>`);
  out.push(`<p><strong>${e(l.confidence)}</strong>${e(l.colon)}${e(l.confidenceValue(item.confidence))}</p>`);
  out.push(`<p><strong>${e(l.keyPoints)}</strong>${e(l.colon)}${e(item.keyPoints.lead)}</p>`);
  out.push(list('ol', item.keyPoints.points));
  if (item.impact.length > 0) {
    out.push(
      `<p><strong>${e(l.impact)}</strong></p><ul>${item.impact.map((i) => `<li>${e(l.forAudience(audienceName(i.audience, face)))} ${e(i.text)}</li>`).join('')}</ul>`,
    );
  }
  if (item.pros.length > 0) out.push(`<p><strong>${e(l.pros)}</strong></p>${list('ul', item.pros)}`);
  if (item.cons.length > 0) out.push(`<p><strong>${e(l.cons)}</strong></p>${list('ul', item.cons)}`);
  if (item.quickStart.length > 0) out.push(`<p><strong>${e(l.quickStart)}</strong></p>${list('ol', item.quickStart)}`);
  if (item.recommendation)
    out.push(`<p><strong>${e(l.recommendation)}</strong>${e(l.colon)}${e(item.recommendation)}</p>`);
  if (item.sources.length > 0)
    out.push(
      `<p><strong>${e(l.sources)}</strong>${e(l.colon)}${item.sources.map((s) => sourceLink(s, face)).join(' | ')}</p>`,
    );
  const checked = verifiedText(item.verification, face);
  if (checked) out.push(`<p><em>${e(checked)}</em></p>`);
  return out.filter((x) => x !== '').join('\n');
}

export function digestHtml(digest: Digest, face: Face, baseUrl: string): string {
  const l = LABELS[face];
  const out: string[] = [`<p>${e(l.updates(digest.count))}</p>`];
  if (digest.notice) out.push(`<p>${e(digest.notice)}</p>`);
  for (const group of digest.tiers) {
    const name = face === 'zh' ? group.tier.nameZh : group.tier.name;
    out.push(`<h2>${e(group.tier.emoji)} L${group.tier.level} - ${e(name)}</h2>`);
    for (const item of group.items) out.push(digestItemHtml(item, face, baseUrl));
  }
  return out.join('\n');
}

export function postHtml(post: Post, face: Face): string {
  const l = LABELS[face];
  const out: string[] = [`<p>${e(post.hook)}</p>`];
  if (post.notice) out.push(`<p><em>${e(post.notice)}</em></p>`);
  if (post.takeaways.length > 0) out.push(`<p>${e(l.takeawaysIntro)}</p>`, list('ol', post.takeaways));
  if (post.closing) out.push(`<p>${e(post.closing)}</p>`);
  if (post.credits.length > 0)
    out.push(
      `<p><strong>${e(l.credits)}</strong>${e(l.colon)}${post.credits.map((s) => sourceLink(s, face)).join(' | ')}</p>`,
    );
  return out.join('\n');
}
