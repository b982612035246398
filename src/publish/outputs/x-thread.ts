// A commentary post as an X thread: numbered posts "i/n", each at most 280 by X's count. Text is
// the verified post's own sentences, unchanged; cuts fall between sentences, or for a sentence too
// long for one post at a space or a Chinese pause, never inside a word, a quoted phrase, a figure
// or a URL. The originals are credited with their links, and the story page is linked last.

import { cleanText } from '../../text/escape.js';
import type { Face } from '../../article.js';
import { LABELS } from '../../write/labels.js';
import type { Post } from '../../write/schemas.js';
import { cutSentence, headlineText, ordinal, sentencesOf, xWeight } from './platform-text.js';
import { safeHref } from './xml-text.js';

export const X_LIMIT = 280;
/** Room kept in every post for its number ("12/15 " at most with fewer than 100 posts). */
const NUMBER_ROOM = 6;

export interface XThread {
  posts: string[];
  /** Sentences that had to be cut by characters (a quoted phrase or figure longer than a post). */
  forcedCuts: string[];
}

/** The blocks of a thread in reading order; each block is a paragraph of one or more sentences. */
function blocksOf(post: Post, face: Face, storyUrl: string): string[] {
  const l = LABELS[face];
  const zh = face === 'zh';
  const blocks = [headlineText(post.headline), post.hook];
  if (post.notice) blocks.push(post.notice);
  post.takeaways.forEach((t, i) => blocks.push(`${ordinal(face, i)}${t}`));
  if (post.closing) blocks.push(post.closing);
  const credits = post.credits.map((s) => {
    const href = safeHref(s.url);
    return href ? `${s.outlet} ${href}` : s.outlet;
  });
  if (credits.length > 0) blocks.push(`${l.credits}${l.colon}${credits.join(zh ? '； ' : '; ')}`);
  blocks.push(`${zh ? '全文' : 'More'}${l.colon}${storyUrl}`);
  return blocks.map((b) => cleanText(b).replace(/\s+/g, ' ').trim()).filter((b) => b !== '');
}

/** Splits a credits line at its separators rather than mid-outlet when it is too long. */
function unitsOf(block: string): string[] {
  const parts = block.split(/(?<=[；;] )|(?<=；)/u);
  return parts.length > 1 ? parts.map((p) => p.trim()) : sentencesOf(block);
}

export function xThread(post: Post, face: Face, storyUrl: string): XThread {
  const budget = X_LIMIT - NUMBER_ROOM;
  const posts: string[] = [];
  const forcedCuts: string[] = [];
  let current = '';
  const sepFor = (zhText: boolean) => (zhText ? '' : ' ');
  const push = (piece: string, joiner: string): void => {
    const joined = current === '' ? piece : `${current}${joiner}${piece}`;
    if (xWeight(joined) <= budget) {
      current = joined;
      return;
    }
    if (current !== '') posts.push(current);
    current = piece;
  };
  for (const block of blocksOf(post, face, storyUrl)) {
    // A whole block that fits goes in as a paragraph; otherwise its sentences are packed one by one.
    if (xWeight(block) <= budget) {
      push(block, '\n\n');
      continue;
    }
    let first = true;
    for (const unit of unitsOf(block)) {
      const zhText = /[\u3400-\u9fff]/u.test(unit);
      const { pieces, forced } = cutSentence(unit, budget, xWeight);
      if (forced) forcedCuts.push(unit);
      for (const piece of pieces) {
        push(piece, first ? '\n\n' : sepFor(zhText));
        first = false;
      }
    }
  }
  if (current !== '') posts.push(current);
  const n = posts.length;
  return { posts: posts.map((p, i) => `${i + 1}/${n} ${p}`), forcedCuts };
}

/** The thread as a file: posts separated by a blank line and a rule, ready to paste one by one. */
export function xThreadText(thread: XThread): string {
  return `${thread.posts.join('\n\n---\n\n')}\n`;
}
