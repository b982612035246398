// A commentary post as a WeChat (公众号) article: title, 摘要 of at most 120 characters, body
// sections, sources. WeChat's editor keeps inline style attributes and drops <style> blocks and
// scripts, so styles are inline here. This is an export to paste into that editor, not a site page:
// the site's CSP (no inline styles) does not apply to it. WeChat also strips links to outside
// sites from articles, so each source's address is printed as text for readers to copy.

import { escapeText as e } from '../../text/escape.js';
import { LABELS } from '../../write/labels.js';
import type { Post } from '../../write/schemas.js';
import { cutSentence, headlineText, ordinal, sentencesOf } from './platform-text.js';
import { safeHref } from './xml-text.js';

export const WECHAT_DIGEST_LIMIT = 120;

const S = {
  body: 'margin:0;padding:0 16px;font-size:16px;line-height:1.75;color:#222;',
  h1: 'font-size:22px;line-height:1.4;margin:16px 0 8px;',
  digest: 'margin:8px 0 16px;padding:8px 12px;background:#f5f5f5;color:#555;font-size:14px;',
  h2: 'font-size:18px;margin:24px 0 8px;border-left:4px solid #c0392b;padding-left:8px;',
  p: 'margin:0 0 12px;',
  small: 'margin:0 0 8px;font-size:13px;color:#777;word-break:break-all;',
};

/**
 * The 摘要: whole sentences of the hook up to 120 characters; a longer first sentence is cut at a
 * pause mark or space (never inside a figure or quote) and ends with "…". The body keeps it whole.
 */
export function wechatDigest(hook: string): string {
  let out = '';
  for (const s of sentencesOf(hook)) {
    if ([...(out + s)].length > WECHAT_DIGEST_LIMIT) break;
    out += s;
  }
  if (out !== '') return out;
  const first = cutSentence(hook.trim(), WECHAT_DIGEST_LIMIT - 1, (x) => [...x].length).pieces[0] ?? '';
  return `${first.replace(/[，、；：,;:\s]+$/u, '')}…`;
}

export function wechatArticle(post: Post, storyUrl: string): string {
  const l = LABELS.zh;
  const p = (text: string) => `<p style="${S.p}">${e(text)}</p>`;
  const sections: string[] = [
    `<h1 style="${S.h1}">${e(headlineText(post.headline))}</h1>`,
    `<p style="${S.digest}">摘要：${e(wechatDigest(post.hook))}</p>`,
  ];
  if (post.notice) sections.push(p(post.notice));
  sections.push(`<h2 style="${S.h2}">导语</h2>`, p(post.hook));
  if (post.takeaways.length > 0) {
    sections.push(`<h2 style="${S.h2}">${e(l.takeawaysIntro.replace(/。$/, ''))}</h2>`);
    post.takeaways.forEach((t, i) => sections.push(p(`${ordinal('zh', i)}${t}`)));
  }
  if (post.closing) sections.push(`<h2 style="${S.h2}">结语</h2>`, p(post.closing));
  sections.push(`<h2 style="${S.h2}">${e(l.credits)}</h2>`);
  for (const s of post.credits) {
    const href = safeHref(s.url);
    sections.push(
      `<p style="${S.small}">${e(s.outlet)}（${e(l.sourceType(s.type))}）${href ? `：${e(href)}` : ''}</p>`,
    );
  }
  sections.push(
    `<p style="${S.small}">注：微信公众号文章不支持外部链接，以上原文地址以文字列出，请复制到浏览器打开。全文与核查报告：${e(storyUrl)}</p>`,
  );
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-Hans">',
    '<head><meta charset="utf-8"><meta name="referrer" content="no-referrer">',
    `<title>${e(headlineText(post.headline))}</title>`,
    `<meta name="description" content="${e(wechatDigest(post.hook))}">`,
    '</head>',
    '<!-- An export for the WeChat editor: inline styles on purpose (it drops style blocks); no scripts; links as text (WeChat strips external links). -->',
    `<body><section style="${S.body}">`,
    ...sections,
    '</section></body>',
    '</html>',
    '',
  ].join('\n');
}
