// Flattens a parsed page into blocks of text in reading order, each tied to the block-level element
// that holds it, with page furniture (scripts, navigation, share bars, comment widgets …) skipped.
// One pass over the tree; the content scorer works on these blocks, never on the tree again.

import type { AnyNode, Element } from 'domhandler';
import {
  ARTICLE_BODY_NAMES,
  BLOCK_TAGS,
  BOILERPLATE_NAMES,
  DROPPED_ROLES,
  DROPPED_TAGS,
  FURNITURE_TAGS,
  HEADING_TAGS,
  NEVER_WRAPPER_NAMES,
  POSITIVE_NAMES,
} from './boilerplate-patterns.js';

export type BlockKind = 'paragraph' | 'heading' | 'item' | 'cell' | 'quote' | 'pre' | 'caption' | 'text';

export interface Block {
  /** Whitespace-collapsed text. */
  readonly text: string;
  /** Characters of `text` inside links. */
  readonly linkChars: number;
  /** The nearest block-level element holding the text. */
  readonly owner: Element;
  readonly kind: BlockKind;
}

export interface BlockTree {
  readonly blocks: Block[];
  /** Block-level elements that hold other block-level elements (so text directly in them is loose). */
  readonly hasBlockChild: ReadonlySet<Element>;
}

const KIND_BY_TAG: Readonly<Record<string, BlockKind>> = {
  p: 'paragraph',
  li: 'item',
  dd: 'item',
  dt: 'item',
  td: 'cell',
  th: 'cell',
  blockquote: 'quote',
  pre: 'pre',
  figcaption: 'caption',
  caption: 'caption',
};

function kindOf(tag: string): BlockKind {
  if (HEADING_TAGS.has(tag)) return 'heading';
  return KIND_BY_TAG[tag] ?? 'text';
}

/**
 * Names of share and tool bars. A bar never holds paragraphs of prose, so an element named only
 * by these words ("sharing-enabled", "post-tools") that does hold some is a section of the article.
 */
const SHARE_BAR_NAMES =
  /(?:^|[\s_-])(?:share|sharing|shareable|social|socials|share-?bar|toolbar|tools|utility|print|follow)(?=$|[\s_-])/i;

/** Words that mark where the byline and date sit: a camelCase name's ("FeatureByline") are not read as furniture. */
const BYLINE_WORDS = /^(?:byline|dateline|timestamp|meta)$/i;

/**
 * A class or id with its camelCase words split like hyphenated ones: "newsCaption" is
 * "news-Caption", "authorInfo-bio" "author-Info-bio". A byline word met this way is left out, as
 * the byline reader looks for its line in the text ("FeatureByline" stays).
 */
function camelWords(name: string, without: RegExp | null): string {
  return name
    .split(/([-_])/)
    .map((part) => {
      const split = part.replace(/(\p{Ll})(\p{Lu})/gu, '$1-$2');
      if (split !== part)
        return split
          .split('-')
          .filter((w) => !BYLINE_WORDS.test(w) && !(without?.test(w) ?? false))
          .join('-');
      return without?.test(part) ? '' : part;
    })
    .join('');
}

/** Words of a byline line's parts (who and when): an inline element named only by them stays in its line. */
const BYLINE_LINE_WORDS = /^(?:byline|dateline|timestamp|meta|author|date|time)$/i;

/**
 * Whether an element's class or id names it furniture ('share' when only as a share or tool bar).
 * `inline`: read by its class alone (an id is often a heading's anchor, "Eich_CEO_promotion"), as
 * if it had no byline word.
 */
function namedFurniture(el: Element, inline = false): 'share' | 'other' | null {
  const names = (inline ? (el.attribs.class ?? '') : `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`).trim();
  if (names === '') return null;
  let negative: 'share' | 'other' | null = null;
  for (const written of names.split(/\s+/)) {
    const full = camelWords(written, inline ? BYLINE_LINE_WORDS : null);
    // "content-with-sidebar", "has-comments": layout modifiers, not the furniture itself.
    const name = full.replace(/(?:^|[-_])(?:with|has|no|without|show|hide)[-_]\w+/gi, '');
    if (BOILERPLATE_NAMES.test(name)) {
      const onlyShare =
        SHARE_BAR_NAMES.test(name) &&
        !BOILERPLATE_NAMES.test(name.replace(new RegExp(SHARE_BAR_NAMES.source, 'gi'), ' '));
      negative = onlyShare && negative !== 'other' ? 'share' : 'other';
    } else if (POSITIVE_NAMES.test(name)) return null;
  }
  return negative;
}

function isNamedFurniture(el: Element): boolean {
  return namedFurniture(el) !== null;
}

function isNeverWrapper(el: Element): boolean {
  return NEVER_WRAPPER_NAMES.test(`${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`);
}

function isHidden(el: Element): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined || a['aria-hidden'] === 'true') return true;
  const style = a.style;
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/**
 * True for elements that look like page furniture: by tag, role, visibility or name. Such an element
 * is dropped only when it holds a minor part of the page's text; sites also give such names to the
 * wrappers of the whole page ("container penci_sidebar", "Page-ad-margins").
 */
export function isFurniture(el: Element): boolean {
  const tag = el.name;
  if (FURNITURE_TAGS.has(tag)) return true;
  if (tag === 'body' || tag === 'html' || tag === 'article' || tag === 'main') return false;
  const a = el.attribs;
  if (isHidden(el)) return true;
  const role = a.role;
  if (role !== undefined && DROPPED_ROLES.has(role)) return true;
  if (a.itemprop === 'articleBody') return false;
  return isNamedFurniture(el);
}

/** Descendants looked at to tell an inline element holding blocks (a <span> around <div>s). */
const INLINE_SCAN = 500;

/**
 * Whether an element holds a block-level element or a formula (or is too large to tell cheaply).
 * Furniture never holds a formula: a <math> inside a "…Menu…" named wrapper (a math renderer's
 * context menu hook) is part of its sentence.
 */
function holdsBlocks(el: Element): boolean {
  const stack: AnyNode[] = [...el.children];
  for (let seen = 0; stack.length > 0; seen++) {
    if (seen >= INLINE_SCAN) return true;
    const n = stack.pop()!;
    if (n.type !== 'tag') continue;
    const child = n as Element;
    if (BLOCK_TAGS.has(child.name) || child.name === 'math' || isMarkedArticle(child)) return true;
    for (const c of child.children) stack.push(c);
  }
  return false;
}

/** Characters of an element's text outside links, whitespace collapsed (bounded like holdsBlocks). */
function proseLength(el: Element): number {
  let n = 0;
  const stack: AnyNode[] = [...el.children];
  for (let seen = 0; stack.length > 0 && seen < INLINE_SCAN; seen++) {
    const node = stack.pop()!;
    if (node.type === 'text') n += (node as { data: string }).data.replace(/\s+/g, ' ').length;
    else if (node.type === 'tag' && (node as Element).name !== 'a' && !DROPPED_TAGS.has((node as Element).name))
      for (const c of (node as Element).children) stack.push(c);
  }
  return n;
}

/**
 * Furniture holding no blocks (a caption or credit span, a hover card, a screen-reader label, a
 * <nav> or <aside> of inline text): dropped on the spot, as its text would otherwise join the
 * paragraph or loose text around it. A share-named span keeps its text (a "sharing" class on
 * quoted text is common), and so does one named only as a byline or date.
 */
function isInlineFurniture(el: Element): boolean {
  if (!isFurniture(el)) return false;
  if (!FURNITURE_TAGS.has(el.name) && el.attribs.role === undefined) {
    // A byline or date span stays in its line, where the byline reader looks for it.
    const named = namedFurniture(el, true);
    if (named === null || named === 'share') return false;
  }
  return !holdsBlocks(el);
}

/** The furniture-looking elements around a block, innermost first (a shared linked list). */
interface FurnitureChain {
  readonly el: Element;
  /** Furniture by a share or tool bar's name alone: kept when it holds paragraphs of prose. */
  readonly shareBar: boolean;
  /** Hidden by the page, or a comment thread: neither a marked article inside nor its size saves it. */
  readonly hidden: boolean;
  readonly up: FurnitureChain | null;
}

/** Classes of a <blockquote> quoting a post from a social network, as their embed codes write it. */
const EMBEDDED_POST =
  /(?:^|\s)(?:twitter-tweet|twitter-video|instagram-media|tiktok-embed|bluesky-embed|mastodon-embed|text-post-media|reddit-embed-bq)(?=$|\s)/i;

/** A paragraph at least this long, ending a sentence, is prose (what share bars never hold). */
const PROSE_CHARS = 80;

/** Furniture holding at least this share of the page's text is taken for a page wrapper and kept. */
const WRAPPER_SHARE = 0.5;

function isMarkedArticle(el: Element): boolean {
  if (el.attribs.itemprop === 'articleBody') return true;
  const cls = el.attribs.class;
  return cls !== undefined && ARTICLE_BODY_NAMES.test(cls);
}

/** "{\displaystyle x^{2}}" → "x^{2}": TeX as pages write it in alt text. */
function texText(tex: string): string {
  const t = tex.replace(/\s+/g, ' ').trim();
  const m = /^\{\\(?:displaystyle|textstyle|scriptstyle)\s*(.*)\}$/s.exec(t);
  return (m?.[1] ?? t).trim();
}

/** A <math> element's text: its alttext, its TeX annotation, else its symbols in order. */
function mathText(math: Element): string {
  const alt = math.attribs.alttext;
  if (alt !== undefined && alt.trim() !== '') return texText(alt);
  const symbols: string[] = [];
  let tex: string | null = null;
  const stack: AnyNode[] = [...math.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') {
      symbols.push((n as { data: string }).data.trim());
      continue;
    }
    if (n.type !== 'tag') continue;
    const el = n as Element;
    if (el.name === 'annotation' || el.name === 'annotation-xml') {
      if (tex === null && /tex/i.test(el.attribs.encoding ?? ''))
        tex = el.children.map((c) => (c.type === 'text' ? (c as { data: string }).data : '')).join('');
      continue;
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  return tex !== null && tex.trim() !== '' ? texText(tex) : symbols.join('');
}

export function collectBlocks(root: Element | { children: AnyNode[] }, rootOwner: Element): BlockTree {
  const raw: Array<
    Block & { readonly furniture: FurnitureChain | null; readonly links: ReadonlyMap<Element, number> | null }
  > = [];
  const hasBlockChild = new Set<Element>();
  let parts: string[] = [];
  let linkChars = 0;
  let furniture: FurnitureChain | null = null;
  // Furniture-looking elements that hold a marked article body (<article>, itemprop=articleBody …).
  const holdsArticle = new Set<Element>();
  // Text outside links of the inline furniture dropped on the spot.
  let skippedProse = 0;
  // Share-bar-named furniture holding an embedded post.
  const holdsPost = new Set<Element>();
  // Every furniture link made, outer before inner.
  const chains: FurnitureChain[] = [];

  // Links that hold paragraphs or other blocks (a teaser card, or a whole article inside one <a>).
  const linksHoldingBlocks = new Set<Element>();
  // Link characters of the block being read, by link element (a link may span several blocks).
  let blockLinks = new Map<Element, number>();
  const flush = (owner: Element): void => {
    if (parts.length === 0) return;
    const joined = parts.join('');
    parts = [];
    const text = joined.replace(/\s+/g, ' ').trim();
    const links = Math.min(linkChars, text.length);
    linkChars = 0;
    const byLink = blockLinks;
    blockLinks = new Map();
    if (text !== '')
      raw.push({
        text,
        linkChars: links,
        owner,
        kind: kindOf(owner.name),
        furniture,
        links: byLink.size > 0 ? byLink : null,
      });
  };

  // Depth-first in document order with an explicit stack (a page may nest thousands deep). A step
  // either visits a node or, after an element's subtree, flushes its text or restores the
  // furniture chain that was current before it.
  type Step =
    | { readonly node: AnyNode; readonly owner: Element; readonly inLink: Element | null; readonly entered: boolean }
    | { readonly flushOwner: Element }
    | { readonly restore: FurnitureChain | null };
  const stack: Step[] = [];
  const pushChildren = (children: readonly AnyNode[], owner: Element, inLink: Element | null): void => {
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, owner, inLink, entered: false });
  };

  pushChildren(root.children, rootOwner, null);
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('flushOwner' in step) {
      flush(step.flushOwner);
      continue;
    }
    if ('restore' in step) {
      furniture = step.restore;
      continue;
    }
    const { node, owner, inLink, entered } = step;
    if (node.type === 'text') {
      const data = (node as { data: string }).data;
      parts.push(data);
      if (inLink !== null) {
        const n = data.replace(/\s+/g, ' ').length;
        linkChars += n;
        blockLinks.set(inLink, (blockLinks.get(inLink) ?? 0) + n);
      }
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const el = node as Element;
    const tag = el.name;
    if (tag === 'math') {
      // A formula is part of its sentence: its written form (alttext, TeX annotation), else its symbols.
      parts.push(` ${mathText(el)} `);
      continue;
    }
    if (DROPPED_TAGS.has(tag)) continue;
    // Hidden text is never article text, even a span inside a paragraph (a place to hide
    // instructions for a model from a human reader).
    if (isHidden(el)) continue;
    if (!entered && !BLOCK_TAGS.has(tag) && tag !== 'a' && isInlineFurniture(el)) {
      // Still part of the page's text when judging whether other furniture wraps most of it.
      if (inLink === null) skippedProse += proseLength(el);
      continue;
    }
    if (!entered && isFurniture(el)) {
      // The element is visited again inside its own furniture chain, which ends after it.
      stack.push({ restore: furniture });
      const shareBar = !FURNITURE_TAGS.has(tag) && el.attribs.role === undefined && namedFurniture(el) === 'share';
      furniture = { el, shareBar, hidden: isHidden(el) || isNeverWrapper(el), up: furniture };
      chains.push(furniture);
      stack.push({ node: el, owner, inLink, entered: true });
      continue;
    }
    if (tag === 'br' || tag === 'hr') {
      flush(owner);
      continue;
    }
    if (tag === 'img') {
      // An image standing for a formula (Wikipedia's fallback images) reads as its TeX.
      const alt = el.attribs.alt;
      if (alt !== undefined && /math|latex|tex\b|equation|formula/i.test(el.attribs.class ?? ''))
        parts.push(` ${texText(alt)} `);
      continue;
    }
    // A post quoted from a social network (an embedded tweet) is part of the story; the wrapper a
    // site gives it ("social-media-embed") is named like a share bar.
    if (furniture?.shareBar && tag === 'blockquote' && EMBEDDED_POST.test(el.attribs.class ?? ''))
      holdsPost.add(furniture.el);
    if (furniture !== null && isMarkedArticle(el)) {
      // Outer links of a chain already marked were marked with it.
      for (let f: FurnitureChain | null = furniture; f !== null && !holdsArticle.has(f.el); f = f.up)
        holdsArticle.add(f.el);
    }
    if (BLOCK_TAGS.has(tag)) {
      if (inLink !== null) linksHoldingBlocks.add(inLink);
      flush(owner);
      hasBlockChild.add(owner);
      stack.push({ flushOwner: el });
      pushChildren(el.children, el, inLink);
      continue;
    }
    pushChildren(el.children, owner, tag === 'a' ? el : inLink);
  }
  flush(rootOwner);

  // Drop what furniture holds, unless the furniture wraps most of the page. Chains share their
  // outer links, so sums and verdicts are made once per link: inner links were made after outer ones.
  const chars = new Map<FurnitureChain, number>();
  let total = skippedProse;
  for (const b of raw) {
    // Link text does not count: a wall of teaser links is furniture however long.
    const prose = b.text.length - b.linkChars;
    total += prose;
    if (b.furniture !== null) chars.set(b.furniture, (chars.get(b.furniture) ?? 0) + prose);
  }
  for (let i = chains.length - 1; i >= 0; i--) {
    const f = chains[i]!;
    if (f.up !== null) chars.set(f.up, (chars.get(f.up) ?? 0) + (chars.get(f) ?? 0));
  }
  // Paragraphs of prose directly in each link (inner furniture holds its own).
  const prose = new Map<FurnitureChain, number>();
  for (const b of raw) {
    if (
      b.furniture !== null &&
      b.kind === 'paragraph' &&
      b.text.length >= PROSE_CHARS &&
      b.linkChars < b.text.length * 0.3 &&
      /[.!?。！？]["”’)）]?$/.test(b.text)
    ) {
      prose.set(b.furniture, (prose.get(b.furniture) ?? 0) + 1);
    }
  }
  const dropped = new Set<FurnitureChain>();
  for (const f of chains) {
    if ((f.up !== null && dropped.has(f.up)) || f.hidden) {
      dropped.add(f);
      continue;
    }
    if (f.shareBar && ((prose.get(f) ?? 0) >= 1 || holdsPost.has(f.el))) continue;
    if (!holdsArticle.has(f.el) && (chars.get(f) ?? 0) < total * WRAPPER_SHARE) dropped.add(f);
  }
  // A link around blocks holding most of the page's text (a whole article inside one <a>) is a
  // wrapper, not a link: its text is not link text.
  const perLink = new Map<Element, number>();
  for (const b of raw) if (b.links !== null) for (const [a, n] of b.links) perLink.set(a, (perLink.get(a) ?? 0) + n);
  const wrappers = new Set<Element>();
  let allText = 0;
  for (const b of raw) allText += b.text.length;
  for (const [a, n] of perLink) if (linksHoldingBlocks.has(a) && n >= allText * WRAPPER_SHARE) wrappers.add(a);
  const blocks: Block[] = [];
  for (const b of raw) {
    if (b.furniture !== null && dropped.has(b.furniture)) continue;
    let linkChars = b.linkChars;
    if (wrappers.size > 0 && b.links !== null)
      for (const [a, n] of b.links) if (wrappers.has(a)) linkChars = Math.max(0, linkChars - n);
    blocks.push({ text: b.text, linkChars, owner: b.owner, kind: b.kind });
  }
  return { blocks, hasBlockChild };
}
