// Markdown faces of the digest, card and post: section names, order and layout as in
// FORMATS.md, labels in the face's language. Body text is printed as written (only Markdown
// control characters are escaped), so the JSON stays the record that verification reads.

import { LABELS, audienceName, type FaceLabels } from './labels.js';
import type { Card, Digest, DigestItem, Post, SourceRef, Verification } from './schemas.js';

/** Escapes the few characters that would turn source prose into markup. */
export function inline(text: string): string {
  return text.replace(/[\\`*[\]<]/g, (ch) => `\\${ch}`).replace(/\s*\n\s*/g, ' ');
}

/** An outlet as a Markdown link to its address, or its name alone when it has no web address. */
function linked(outlet: string, url: string | null): string {
  return url === null ? inline(outlet) : `[${inline(outlet)}](${url})`;
}

function sourcesLine(sources: readonly SourceRef[], l: FaceLabels, zh: boolean): string {
  const list = sources.map((s) => {
    const marks = [
      l.sourceType(s.type),
      ...(s.translationOf ? [l.translationSource] : []),
      ...(s.fromFeedSummary ? [l.fromFeedSummary] : []),
    ];
    const type = marks.join(zh ? '，' : ', ');
    return `${linked(s.outlet, s.url)} ${zh ? `（${type}）` : `(${type})`}`;
  });
  return `${l.sources}${l.colon}${list.join(' | ')}`;
}

export function renderDigestItem(item: DigestItem): string {
  const l = LABELS[item.language];
  const zh = item.language === 'zh';
  const out: string[] = [];
  out.push(`### ${inline(item.headline)} L${item.tier.level}`);
  if (item.notice) out.push(`> ${item.notice}`);
  out.push(`${l.confidence}${l.colon}${l.confidenceValue(item.confidence)}`);
  const numbered = item.keyPoints.points.map((p, i) => `(${i + 1}) ${inline(p)}`).join(' ');
  const lead = inline(item.keyPoints.lead);
  const gap = item.bodyLanguage === 'zh' ? '' : ' ';
  out.push(`${l.keyPoints}${l.colon}${lead}${numbered ? `${gap}${l.inDetail}${l.colon}${numbered}` : ''}`);
  if (item.impact.length > 0) {
    out.push(
      `${l.impact}${l.colon}${item.impact.map((i) => `${l.forAudience(zh ? audienceName(i.audience, 'zh') : i.audience)}${zh ? '' : ' '}${inline(i.text)}`).join(gap)}`,
    );
  }
  out.push(`#### ${l.detailedAnalysis}`);
  out.push(`##### ${l.tradeOffs}`);
  // A side with nothing judged for it is left out rather than filled.
  if (item.pros.length > 0 || item.cons.length === 0) out.push(`${l.pros}${zh ? '：' : ':'}\n\n${bullets(item.pros)}`);
  if (item.cons.length > 0) out.push(`${l.cons}${zh ? '：' : ':'}\n\n${bullets(item.cons)}`);
  out.push(`#### ${l.quickStart}`);
  out.push(item.quickStart.map((q, i) => `${i + 1}. ${inline(q)}`).join('\n'));
  out.push(`#### ${l.recommendation}`);
  out.push(inline(item.recommendation));
  out.push(sourcesLine(item.sources, l, zh));
  const checked = verificationLine(item.verification, zh);
  if (checked) out.push(checked);
  return out.join('\n\n');
}

/** One line a reader can trust or question: how many sentences were checked and what was repaired. */
export function verificationLine(v: Verification | undefined, zh: boolean): string | null {
  if (!v) return null;
  if (v.ok)
    return zh
      ? `_核查：${v.sentences} 句均已在来源中找到依据（引语、数字、名称）。_`
      : `_Verified: all ${v.sentences} sentences checked; every quote, figure and name is in the sources._`;
  const repairs = v.repairs.map((r) => `${r.action} “${r.surface}”`).join('; ');
  return zh
    ? `_核查：${v.sentences} 句中有 ${v.problems.length} 处未能在来源中找到，已处理：${repairs}。_`
    : `_Verified: ${v.problems.length} of the claims in ${v.sentences} sentences were not in the sources and were repaired: ${repairs}._`;
}

function bullets(items: readonly string[]): string {
  return items.length > 0 ? items.map((x) => `- ${inline(x)}`).join('\n') : '- —';
}

export function renderDigest(digest: Digest): string {
  const l = LABELS[digest.language];
  const out: string[] = [`# ${digest.date} ${l.aiSummary}`, l.updates(digest.count)];
  if (digest.notice) out.push(digest.notice);
  for (const group of digest.tiers) {
    const name = digest.language === 'zh' ? group.tier.nameZh : group.tier.name;
    out.push(`## ${group.tier.emoji} L${group.tier.level} - ${name}`);
    for (const item of group.items) out.push(renderDigestItem(item));
  }
  const research = digest.research;
  if (research && research.items.length > 0) {
    out.push(`## ${l.research}`);
    const lines = research.items.map((r) => `- ${linked(r.title, r.url)}${r.outlet ? ` (${inline(r.outlet)})` : ''}`);
    if (research.more > 0) lines.push(`- ${l.morePapers(research.more)}`);
    out.push(lines.join('\n'));
  }
  return `${out.join('\n\n')}\n`;
}

export function renderCard(card: Card, site = 'Tidings'): string {
  const l = LABELS[card.language];
  const zh = card.language === 'zh';
  const out: string[] = [`# ${inline(card.title)}`];
  if (card.notice) out.push(`> ${card.notice}`);
  out.push(`## ${l.summary}`, inline(card.summary));
  out.push(`## ${l.keyTakeaway}`, inline(card.keyTakeaway));
  out.push(`## ${l.keyInsights}`, inline(card.keyInsight));
  out.push(`## ${l.principles}`, bullets(card.principles));
  out.push(`## ${l.inPractice}`, bullets(card.inPractice));
  out.push(`## ${l.topics}`, bullets(card.topics));
  // No audience tagged: no "Best for" line rather than an empty one.
  if (card.bestFor.length > 0)
    out.push(
      `${l.bestFor}${zh ? '：' : ': '}${card.bestFor.map((a) => (zh ? audienceName(a, 'zh') : a)).join(l.listSeparator)}`,
    );
  out.push(
    `## ${l.relatedOn(site)}`,
    card.related.length > 0 ? card.related.map((r) => `- ${inline(r.title)} (${r.articleId})`).join('\n') : '- —',
  );
  out.push(inline(card.attribution));
  out.push(
    `${linked(card.source.outlet, card.source.url)} ${zh ? `（${l.sourceType(card.source.type)}）` : `(${l.sourceType(card.source.type)})`}`,
  );
  const checked = verificationLine(card.verification, zh);
  if (checked) out.push(checked);
  return `${out.join('\n\n')}\n`;
}

export function renderPost(post: Post, author = 'Tidings'): string {
  const l = LABELS[post.language];
  const zh = post.language === 'zh';
  const out: string[] = [`# ${inline(post.headline)}`];
  if (post.notice) out.push(`> ${post.notice}`);
  out.push(`@${author}${zh ? '：' : ': '}${inline(post.hook)}`);
  out.push(l.takeawaysIntro);
  post.takeaways.forEach((t, i) => out.push(`${l.ordinals[i] ?? `${i + 1}.`}${zh ? '，' : ': '}${inline(t)}`));
  out.push(inline(post.closing));
  out.push(`${l.credits}${l.colon}${post.credits.map((s) => linked(s.outlet, s.url)).join(' | ')}`);
  const checked = verificationLine(post.verification, zh);
  if (checked) out.push(checked);
  return `${out.join('\n\n')}\n`;
}
