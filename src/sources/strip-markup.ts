// Feed titles and summaries often carry HTML (escaped or in CDATA). This turns such a fragment into
// one line of plain text: tags dropped, entities decoded, whitespace collapsed.

import { escapeText } from '../text/escape.js';
import type { AnyNode } from 'domhandler';
import { PAGE_LIMITS, PageLimitError, type PageLimits } from '../extract/page-limits.js';
import { parseBounded } from '../extract/parse-html.js';

/** The start of a block-level tag whose boundary must not glue words together ("<p>a</p><p>b</p>" -> "a b"). */
const BLOCK_TAG_START = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|tr|td|th|section|article|figure|figcaption)\b/gi;

/**
 * Each block-level tag replaced by a space, as /<\/?(?:p|div|…)\b[^>]*>/gi would, in one pass: that
 * regex reads from every "<p" to the next ">", so a fragment full of "<p" without one took minutes.
 */
function spaceBlockTags(fragment: string): string {
  let out = '';
  let from = 0;
  BLOCK_TAG_START.lastIndex = 0;
  for (let m = BLOCK_TAG_START.exec(fragment); m !== null; m = BLOCK_TAG_START.exec(fragment)) {
    const end = fragment.indexOf('>', BLOCK_TAG_START.lastIndex);
    // No ">" after this tag start means none after any later one.
    if (end === -1) break;
    out += `${fragment.slice(from, m.index)} `;
    from = end + 1;
    BLOCK_TAG_START.lastIndex = from;
  }
  return from === 0 ? fragment : out + fragment.slice(from);
}

const PARSE_OPTIONS = { decodeEntities: true } as const;

/**
 * A title or summary is a line of text: past 10,000 elements (a page's bound is 200,000) it is read
 * flat, so a feed of many such fragments costs no more than its size.
 */
const FRAGMENT_LIMITS: PageLimits = { ...PAGE_LIMITS, maxElements: 10_000, maxEndTags: 10_000 };

export function stripMarkup(fragment: string): string {
  if (!fragment.includes('<') && !fragment.includes('&')) return collapse(fragment);
  const spaced = spaceBlockTags(fragment);
  try {
    return collapse(visibleText(parseBounded(spaced, PARSE_OPTIONS, FRAGMENT_LIMITS).children));
  } catch (error) {
    if (!(error instanceof PageLimitError)) throw error;
    // Markup nested past the page bounds is not read as a tree: its tags are dropped as text and
    // only its entities decoded (no "<" is left to open an element).
    const flat = spaced.replace(/<[^<>]*>/g, '').replace(/</g, '&lt;');
    return collapse(visibleText(parseBounded(flat, PARSE_OPTIONS, FRAGMENT_LIMITS).children));
  }
}

/** Text of the nodes in document order; script and style bodies are not text a reader sees. */
function visibleText(nodes: readonly AnyNode[]): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') parts.push(node.data);
    if (!('children' in node)) continue;
    if ('name' in node && (node.name === 'script' || node.name === 'style')) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return parts.join('');
}

function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Plain text to HTML paragraphs: blank lines separate paragraphs. */
export function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p>${escapeText(p)}</p>`)
    .join('\n');
}
