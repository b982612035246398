// The day's digest as an e-mail: a 600px table layout with inline styles, no scripts, no external
// CSS, absolute links to the site, and a plain-text alternative. Mail clients strip <style> blocks
// and <link> styles, so inline styles are right here. This is an e-mail artifact, not a site page:
// the site's CSP (style-src 'self', no inline styles) governs pages under en/ and zh/, not this.

import { cleanText, escapeText as e } from '../../text/escape.js';
import type { Face } from '../../article.js';
import { LABELS, audienceName } from '../../write/labels.js';
import type { Digest, DigestItem, SourceTypeLabel } from '../../write/schemas.js';
import { verifiedText } from './content-html.js';
import { absoluteUrl, sitePaths } from './publish-input.js';
import { safeHref } from './xml-text.js';

export const NEWSLETTER_WIDTH = 600;

const FONT =
  "font-family:-apple-system,'Segoe UI',Roboto,'PingFang SC','Hiragino Sans GB','Microsoft YaHei',sans-serif;";
const S = {
  outer: `background:#f4f4f4;margin:0;padding:0;`,
  table: `width:100%;max-width:${NEWSLETTER_WIDTH}px;background:#ffffff;border-collapse:collapse;`,
  cell: `${FONT}padding:16px 24px;font-size:15px;line-height:1.6;color:#222222;`,
  h1: `${FONT}margin:0;font-size:22px;line-height:1.3;color:#111111;`,
  tier: `${FONT}margin:24px 0 8px;font-size:17px;color:#111111;border-bottom:1px solid #dddddd;padding-bottom:4px;`,
  h3: `${FONT}margin:16px 0 6px;font-size:16px;line-height:1.4;`,
  a: 'color:#1a5fb4;text-decoration:underline;',
  p: 'margin:0 0 8px;',
  list: 'margin:0 0 8px;padding-left:20px;',
  meta: 'margin:0 0 8px;font-size:13px;color:#666666;',
  foot: `${FONT}padding:16px 24px;font-size:12px;color:#777777;`,
};

/** A source's type in brackets of the face's script: "(News)", "（新闻）". */
function typeIn(face: Face, type: SourceTypeLabel): string {
  const label = LABELS[face].sourceType(type);
  return face === 'zh' ? `（${label}）` : `(${label})`;
}

export interface NewsletterOptions {
  baseUrl: string;
  siteName?: string;
}

function listHtml(tag: 'ul' | 'ol', items: readonly string[]): string {
  return items.length === 0
    ? ''
    : `<${tag} style="${S.list}">${items.map((x) => `<li>${e(x)}</li>`).join('')}</${tag}>`;
}

function itemHtml(item: DigestItem, face: Face, baseUrl: string): string {
  const l = LABELS[face];
  const story = absoluteUrl(baseUrl, sitePaths.story(face, item.storyId));
  const label = (s: string) => `<strong>${e(s)}</strong>${e(l.colon)}`;
  const out = [
    `<h3 style="${S.h3}"><a href="${e(story)}" style="${S.a}">${e(item.headline)}</a> L${item.tier.level}</h3>`,
  ];
  if (item.notice) out.push(`<p style="${S.meta}">${e(item.notice)}</p>`);
  out.push(`<p style="${S.p}">${label(l.confidence)}${e(l.confidenceValue(item.confidence))}</p>`);
  out.push(
    `<p style="${S.p}">${label(l.keyPoints)}${e(item.keyPoints.lead)}</p>`,
    listHtml('ol', item.keyPoints.points),
  );
  if (item.impact.length > 0)
    out.push(
      `<p style="${S.p}"><strong>${e(l.impact)}</strong></p>`,
      listHtml(
        'ul',
        item.impact.map((i) => `${l.forAudience(audienceName(i.audience, face))}${face === 'zh' ? '' : ' '}${i.text}`),
      ),
    );
  if (item.pros.length > 0) out.push(`<p style="${S.p}"><strong>${e(l.pros)}</strong></p>`, listHtml('ul', item.pros));
  if (item.cons.length > 0) out.push(`<p style="${S.p}"><strong>${e(l.cons)}</strong></p>`, listHtml('ul', item.cons));
  if (item.quickStart.length > 0)
    out.push(`<p style="${S.p}"><strong>${e(l.quickStart)}</strong></p>`, listHtml('ol', item.quickStart));
  if (item.recommendation) out.push(`<p style="${S.p}">${label(l.recommendation)}${e(item.recommendation)}</p>`);
  if (item.sources.length > 0) {
    const links = item.sources.map((s) => {
      const href = safeHref(s.url);
      const name = href ? `<a href="${e(href)}" style="${S.a}">${e(s.outlet)}</a>` : e(s.outlet);
      return `${name} ${e(typeIn(face, s.type))}`;
    });
    out.push(`<p style="${S.meta}">${label(l.sources)}${links.join(' | ')}</p>`);
  }
  const checked = verifiedText(item.verification, face);
  if (checked) out.push(`<p style="${S.meta}"><em>${e(checked)}</em></p>`);
  return out.filter((x) => x !== '').join('\n');
}

export function newsletterHtml(digest: Digest, face: Face, options: NewsletterOptions): string {
  const l = LABELS[face];
  const site = options.siteName ?? 'Tidings';
  const dayUrl = absoluteUrl(options.baseUrl, sitePaths.day(face, digest.date));
  const title = `${digest.date} ${l.aiSummary}`;
  const body: string[] = [
    `<h1 style="${S.h1}">${e(title)}</h1>`,
    `<p style="${S.meta}">${e(l.updates(digest.count))} · <a href="${e(dayUrl)}" style="${S.a}">${face === 'zh' ? '在网站上阅读' : 'Read on the site'}</a></p>`,
  ];
  if (digest.notice) body.push(`<p style="${S.p}">${e(digest.notice)}</p>`);
  for (const group of digest.tiers) {
    body.push(
      `<h2 style="${S.tier}">${e(group.tier.emoji)} L${group.tier.level} - ${e(face === 'zh' ? group.tier.nameZh : group.tier.name)}</h2>`,
    );
    for (const item of group.items) body.push(itemHtml(item, face, options.baseUrl));
  }
  const research = digest.research;
  if (research && research.items.length > 0) {
    body.push(`<h2 style="${S.tier}">${e(l.research)}</h2>`);
    for (const r of research.items) {
      const href = safeHref(r.url);
      body.push(
        `<p style="${S.p}">${href ? `<a href="${e(href)}" style="${S.a}">${e(r.title)}</a>` : e(r.title)}${r.outlet ? ` <span style="${S.meta}">${e(r.outlet)}</span>` : ''}</p>`,
      );
    }
    if (research.more > 0) body.push(`<p style="${S.meta}">${e(l.morePapers(research.more))}</p>`);
  }
  const foot =
    face === 'zh'
      ? `${e(site)}：每条内容中的引语、数字与名称均已在来源中核查。<a href="${e(dayUrl)}" style="${S.a}">网页版</a>`
      : `${e(site)}: every quote, figure and name was checked against the sources. <a href="${e(dayUrl)}" style="${S.a}">Web version</a>`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${face === 'zh' ? 'zh-Hans' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${e(title)}</title>`,
    '</head>',
    `<body style="${S.outer}">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.outer}"><tr><td align="center">`,
    `<table role="presentation" width="${NEWSLETTER_WIDTH}" cellpadding="0" cellspacing="0" border="0" style="${S.table}">`,
    `<tr><td style="${S.cell}">`,
    ...body,
    '</td></tr>',
    `<tr><td style="${S.foot}">${foot}</td></tr>`,
    '</table>',
    '</td></tr></table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const t = (s: string) => cleanText(s).replace(/\s+/g, ' ').trim();

/** The plain-text alternative: the same sections, links written out in full. */
export function newsletterText(digest: Digest, face: Face, options: NewsletterOptions): string {
  const l = LABELS[face];
  const typeLabel = (type: SourceTypeLabel) => typeIn(face, type);
  const out: string[] = [
    `${digest.date} ${l.aiSummary}`,
    l.updates(digest.count),
    absoluteUrl(options.baseUrl, sitePaths.day(face, digest.date)),
  ];
  if (digest.notice) out.push('', t(digest.notice));
  for (const group of digest.tiers) {
    const name = face === 'zh' ? group.tier.nameZh : group.tier.name;
    out.push('', `${group.tier.emoji} L${group.tier.level} - ${name}`, '='.repeat(40));
    for (const item of group.items) {
      out.push(
        '',
        `${t(item.headline)} L${item.tier.level}`,
        absoluteUrl(options.baseUrl, sitePaths.story(face, item.storyId)),
      );
      if (item.notice) out.push(t(item.notice));
      out.push(`${l.confidence}${l.colon}${l.confidenceValue(item.confidence)}`);
      out.push(`${l.keyPoints}${l.colon}${t(item.keyPoints.lead)}`);
      item.keyPoints.points.forEach((p, i) => out.push(`  (${i + 1}) ${t(p)}`));
      if (item.impact.length > 0)
        out.push(
          `${l.impact}${l.colon}`,
          ...item.impact.map(
            (i) => `  - ${l.forAudience(audienceName(i.audience, face))}${face === 'zh' ? '' : ' '}${t(i.text)}`,
          ),
        );
      if (item.pros.length > 0) out.push(`${l.pros}${l.colon}`, ...item.pros.map((x) => `  - ${t(x)}`));
      if (item.cons.length > 0) out.push(`${l.cons}${l.colon}`, ...item.cons.map((x) => `  - ${t(x)}`));
      if (item.quickStart.length > 0)
        out.push(`${l.quickStart}${l.colon}`, ...item.quickStart.map((x, i) => `  ${i + 1}. ${t(x)}`));
      if (item.recommendation) out.push(`${l.recommendation}${l.colon}${t(item.recommendation)}`);
      if (item.sources.length > 0)
        out.push(
          `${l.sources}${l.colon}`,
          ...item.sources.map((s) => `  - ${t(s.outlet)} ${typeLabel(s.type)} ${safeHref(s.url) ?? ''}`.trimEnd()),
        );
      const checked = verifiedText(item.verification, face);
      if (checked) out.push(checked);
    }
  }
  const research = digest.research;
  if (research && research.items.length > 0) {
    out.push('', l.research, '='.repeat(40), '');
    for (const r of research.items)
      out.push(`- ${t(r.title)}${r.outlet ? ` (${t(r.outlet)})` : ''} ${safeHref(r.url) ?? ''}`.trimEnd());
    if (research.more > 0) out.push(`- ${l.morePapers(research.more)}`);
  }
  return `${out.join('\n')}\n`;
}
