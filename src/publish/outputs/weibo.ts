// A commentary post as one Weibo post (Chinese face): 【headline】, hook, numbered takeaways,
// closing, #话题# hashtags from the story's topics, credits and the story's link, at most 2,000
// characters. When too long, whole sentences are dropped from the end of the body and the post
// says where it was cut and links to the full story; hashtags, credits and link always stay.

import { cleanText } from '../../text/escape.js';
import { LABELS } from '../../write/labels.js';
import type { Post } from '../../write/schemas.js';
import { headlineText, ordinal, sentencesOf, weiboLength } from './platform-text.js';
import type { TopicRef } from './publish-input.js';
import { safeHref } from './xml-text.js';

export const WEIBO_LIMIT = 2000;

export interface WeiboPost {
  text: string;
  /** The first sentence left out, or null when the whole post fits. */
  cutAt: string | null;
}

const tidy = (s: string) => cleanText(s).replace(/\s+/g, ' ').trim();

/** A topic name as a Weibo hashtag: the '#' that would end it early and spaces are taken out. */
export function hashtag(name: string): string | null {
  const inner = tidy(name).replace(/[#\s]+/g, '');
  return inner === '' ? null : `#${inner}#`;
}

export function weiboPost(post: Post, topics: readonly TopicRef[], storyUrl: string): WeiboPost {
  const l = LABELS.zh;
  const paragraphs: string[][] = [];
  paragraphs.push(sentencesOf(`【${tidy(headlineText(post.headline))}】${tidy(post.hook)}`));
  if (post.notice) paragraphs.push([tidy(post.notice)]);
  post.takeaways.forEach((t, i) => paragraphs.push(sentencesOf(`${ordinal('zh', i)}${tidy(t)}`)));
  if (post.closing) paragraphs.push(sentencesOf(tidy(post.closing)));

  const tags = [...new Set(topics.map((t) => hashtag(t.name.zh)).filter((t): t is string => t !== null))].slice(0, 5);
  const credits = post.credits.map((s) => {
    const href = safeHref(s.url);
    return `${tidy(s.outlet)}（${l.sourceType(s.type)}）${href ? ` ${href}` : ''}`;
  });
  const tail = [
    ...(tags.length > 0 ? [tags.join(' ')] : []),
    ...(credits.length > 0 ? [`${l.credits}${l.colon}${credits.join('； ')}`] : []),
    `全文：${storyUrl}`,
  ].join('\n');

  const body = (paras: string[][]) =>
    paras
      .map((p) => p.join(''))
      .filter((p) => p !== '')
      .join('\n\n');
  const whole = `${body(paragraphs)}\n\n${tail}`;
  if (weiboLength(whole) <= WEIBO_LIMIT) return { text: whole, cutAt: null };

  // Drop sentences from the end until the body, a cut notice and the tail fit.
  const flat = paragraphs.flatMap((p, pi) => p.map((s) => ({ s, pi })));
  for (let keep = flat.length - 1; keep >= 0; keep--) {
    const cutAt = flat[keep]!.s;
    const kept: string[][] = paragraphs.map(() => []);
    for (const { s, pi } of flat.slice(0, keep)) kept[pi]!.push(s);
    const notice = `（篇幅所限，自“${cutAt.slice(0, 20)}${[...cutAt].length > 20 ? '…' : ''}”起的内容从略，全文见文末链接。）`;
    const text = `${body(kept)}${keep > 0 ? '\n\n' : ''}${notice}\n\n${tail}`;
    if (weiboLength(text) <= WEIBO_LIMIT) return { text, cutAt };
  }
  // Only the tail is left (credits alone exceed the limit): keep the link, drop credits past it.
  const cutAt = flat[0]?.s ?? '';
  return {
    text: [...(tags.length > 0 ? [tags.join(' ')] : []), `（篇幅所限，正文从略。）全文：${storyUrl}`].join('\n'),
    cutAt,
  };
}
