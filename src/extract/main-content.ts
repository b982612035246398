// Finds the article body among a page's text blocks: each substantial paragraph votes for its
// parent and, more weakly, further ancestors (votes grow with length and punctuation, shrink with
// link density); the best container and its like-minded siblings are the article.

import type { Element } from 'domhandler';
import type { Block, BlockTree } from './text-blocks.js';
import { ARTICLE_BODY_NAMES, LIKELY_CONTENT_NAMES, UNLIKELY_CONTENT_NAMES } from './boilerplate-patterns.js';

/** Punctuation that separates clauses, English and Chinese: a sign of prose rather than menus. */
const CLAUSE_MARKS = /[,，、。；;！？]/g;
const HAN = /\p{Script=Han}/gu;

/** Matches of a global regex, counted without building the array of them (a paragraph may be megabytes). */
function countMatches(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/** Length in "Latin-equivalent" characters: one Han character carries about as much as three letters. */
export function effectiveLength(text: string): number {
  return text.length + 2 * countMatches(text, HAN);
}

const TAG_BIAS: Readonly<Record<string, number>> = {
  div: 5,
  article: 10,
  main: 5,
  section: 3,
  pre: 3,
  td: 3,
  blockquote: 3,
  text: 3,
  address: -3,
  ol: -3,
  ul: -3,
  dl: -3,
  dd: -3,
  dt: -3,
  li: -3,
  form: -3,
  h1: -5,
  h2: -5,
  h3: -5,
  h4: -5,
  h5: -5,
  h6: -5,
  th: -5,
};

function nameBias(el: Element): number {
  let bias = 0;
  for (const name of [el.attribs.class, el.attribs.id]) {
    if (name === undefined || name === '') continue;
    if (UNLIKELY_CONTENT_NAMES.test(name)) bias -= 25;
    if (LIKELY_CONTENT_NAMES.test(name)) bias += 25;
  }
  if (el.attribs.itemprop === 'articleBody') bias += 50;
  return bias;
}

interface ElementStats {
  chars: number;
  linkChars: number;
}

function parentElement(el: Element): Element | null {
  const p = el.parent;
  return p !== null && p.type === 'tag' ? (p as Element) : null;
}

/**
 * Text and link characters under every element that holds a block (summed up the tree). Each
 * block's owner and its ancestors are registered in the order a walk up from each owner first
 * meets them (callers rely on that order); the sums are then passed up once, deepest first, so
 * the cost is the number of elements, not blocks x depth.
 */
function elementStats(blocks: readonly Block[]): Map<Element, ElementStats> {
  const stats = new Map<Element, ElementStats>();
  const depth = new Map<Element, number>();
  const chain: Element[] = [];
  for (const b of blocks) {
    chain.length = 0;
    let known: Element | null = b.owner;
    while (known !== null && !stats.has(known)) {
      chain.push(known);
      stats.set(known, { chars: 0, linkChars: 0 });
      known = parentElement(known);
    }
    const base = known === null ? -1 : depth.get(known)!;
    for (let i = 0; i < chain.length; i++) depth.set(chain[i]!, base + chain.length - i);
    const s = stats.get(b.owner)!;
    s.chars += b.text.length;
    s.linkChars += b.linkChars;
  }
  const byDepth: Element[][] = [];
  for (const [el, d] of depth) (byDepth[d] ??= []).push(el);
  for (let d = byDepth.length - 1; d > 0; d--) {
    for (const el of byDepth[d] ?? []) {
      const s = stats.get(el)!;
      const up = stats.get(parentElement(el)!)!;
      up.chars += s.chars;
      up.linkChars += s.linkChars;
    }
  }
  return stats;
}

/** Whether an element lies within any of `containers` (itself included), remembered along the way. */
function withinAny(containers: ReadonlySet<Element>): (el: Element) => boolean {
  const known = new Map<Element, boolean>();
  return (el) => {
    const path: Element[] = [];
    let answer = false;
    for (let e: Element | null = el; e !== null; e = parentElement(e)) {
      const k = known.get(e);
      if (k !== undefined) {
        answer = k;
        break;
      }
      if (containers.has(e)) {
        answer = true;
        break;
      }
      path.push(e);
    }
    for (const e of path) known.set(e, answer);
    return answer;
  };
}

const linkDensity = (s: ElementStats | undefined): number =>
  s === undefined || s.chars === 0 ? 0 : s.linkChars / s.chars;

export interface MainContent {
  /** Blocks of the article body, in reading order. */
  readonly blocks: Block[];
}

export function selectMainContent(tree: BlockTree): MainContent {
  const { blocks, hasBlockChild } = tree;
  if (blocks.length === 0) return { blocks: [] };
  const stats = elementStats(blocks);
  const scores = new Map<Element, number>();
  const vote = (el: Element, amount: number): void => {
    const prior = scores.get(el) ?? (TAG_BIAS[el.name] ?? 0) + nameBias(el);
    scores.set(el, prior + amount);
  };

  for (const b of blocks) {
    if (b.kind === 'heading' || b.kind === 'caption') continue;
    const length = effectiveLength(b.text);
    if (length < 25) continue;
    // Teasers (a headline and dek inside one link) are not prose, however long.
    const ownLinks = b.linkChars / b.text.length;
    if (ownLinks > 0.5) continue;
    const marks = countMatches(b.text, CLAUSE_MARKS);
    const score = (1 + marks + Math.min(Math.floor(length / 100), 3)) * (1 - ownLinks);
    // A paragraph-like owner does not collect votes itself; loose text in a container does.
    let el: Element | null = hasBlockChild.has(b.owner) ? b.owner : parentElement(b.owner);
    for (let level = 0; el !== null && level < 5; level++, el = parentElement(el)) {
      vote(el, level === 0 ? score : level === 1 ? score / 2 : score / (level * 3));
    }
  }
  if (scores.size === 0) return { blocks: blocks.filter((b) => b.linkChars < b.text.length / 2) };

  let top: Element | null = null;
  let topScore = -Infinity;
  for (const [el, raw] of scores) {
    const s = raw * (1 - linkDensity(stats.get(el)));
    scores.set(el, s);
    if (s > topScore) {
      top = el;
      topScore = s;
    }
  }
  if (top === null) return { blocks: [] };

  // The page's own marking of its article body (itemprop=articleBody, "article-body") outweighs a
  // sidebar teaser or a promo box that happens to score higher than a short article.
  const marked = markedBody(stats);
  if (marked !== null && marked !== top && !contains(marked, top) && !contains(top, marked)) {
    top = marked;
    topScore = Math.max(topScore, scores.get(marked) ?? 0);
  }

  // Sections of one article, each in its own wrapper (a how-to's steps), score alike: when at least
  // two others score nearly as well as the top, their nearest common container is the article.
  if (marked === null) top = commonContainer(top, topScore, scores) ?? top;

  // Climb while an ancestor scores nearly as well: the article often spans several scored wrappers.
  let lastScore = topScore;
  for (let p = parentElement(top); p !== null && p.name !== 'body' && p.name !== 'html'; p = parentElement(p)) {
    const s = scores.get(p);
    if (s === undefined) continue;
    if (s < topScore / 3) break;
    if (s > lastScore) {
      top = p;
      topScore = s;
      break;
    }
    lastScore = s;
  }
  // A lone child says nothing its parent does not.
  for (let p = parentElement(top); p !== null && p.name !== 'body'; p = parentElement(p)) {
    if (p.children.filter((c) => c.type === 'tag').length !== 1) break;
    top = p;
  }

  const story = firstOfStories(top, blocks, stats);
  if (story !== null) {
    const inStory = withinAny(new Set([story]));
    return { blocks: blocks.filter((b) => inStory(b.owner)) };
  }

  const first = firstOfRepeatedPosts(top, blocks, stats);
  if (first !== null) {
    const inFirst = withinAny(new Set([first]));
    return { blocks: blocks.filter((b) => inFirst(b.owner)) };
  }

  const chosen = new Set<Element>([top]);
  const parent = parentElement(top);
  if (parent !== null) {
    const textOf = blockTextByOwner(blocks);
    const threshold = Math.max(10, topScore * 0.2);
    const topClass = top.attribs.class ?? '';
    let afterTop = false;
    for (const node of parent.children) {
      if (node === top) afterTop = true;
      if (node.type !== 'tag' || node === top) continue;
      const sib = node as Element;
      // The next <article> after the chosen one is another story (an endless-scroll page's next).
      if (afterTop && top.name === 'article' && sib.name === 'article') continue;
      const sibStats = stats.get(sib);
      if (sibStats === undefined) continue;
      let s = scores.get(sib) ?? 0;
      if (topClass !== '' && sib.attribs.class === topClass) s += topScore * 0.2;
      if (s >= threshold) {
        chosen.add(sib);
        continue;
      }
      if (sib.name === 'p' || !hasBlockChild.has(sib)) {
        const ld = linkDensity(sibStats);
        const sibText = sibStats.chars;
        if ((sibText > 80 && ld < 0.25) || (sibText > 0 && ld === 0 && /[.。!?！？]\s*$/.test(textOf(sib)))) {
          chosen.add(sib);
        }
      }
    }
  }

  const inside = withinAny(chosen);
  return { blocks: blocks.filter((b) => inside(b.owner)) };
}

/** An <article> this long, opening with its own headline, is a story of its own. */
const STORY_CHARS = 300;

/**
 * Two or more stories side by side in the chosen container (<article> elements under one parent,
 * each opening with its own headline): the page's story is the first, and the ones after it are
 * the next stories an endless-scroll page appends.
 */
function firstOfStories(top: Element, blocks: readonly Block[], stats: Map<Element, ElementStats>): Element | null {
  const inTop = withinAny(new Set([top]));
  const byParent = new Map<Element | null, Element[]>();
  for (const el of stats.keys()) {
    if (el.name !== 'article' || el === top || !inTop(el)) continue;
    const list = byParent.get(el.parent as Element | null) ?? [];
    list.push(el);
    byParent.set(el.parent as Element | null, list);
  }
  for (const list of byParent.values()) {
    if (list.length < 2) continue;
    const stories = list.filter((a) => {
      if ((stats.get(a)?.chars ?? 0) < STORY_CHARS) return false;
      const inA = withinAny(new Set([a]));
      const firstBlock = blocks.find((b) => inA(b.owner));
      return firstBlock !== undefined && firstBlock.kind === 'heading';
    });
    if (stories.length >= 2 && stories[0] === list[0]) return stories[0]!;
  }
  return null;
}

const INLINE_WRAPPERS: ReadonlySet<string> = new Set(['span', 'font', 'a', 'b', 'i', 'em', 'strong', 'small', 'u']);

/** Candidates scoring at least this share of the top are its peers. */
const PEER_SHARE = 0.75;
/** Levels climbed from the top to find the container its peers share. */
const PEER_LEVELS = 4;

function commonContainer(top: Element, topScore: number, scores: ReadonlyMap<Element, number>): Element | null {
  if (topScore <= 0) return null;
  const peers = [...scores]
    .filter(([el, s]) => el !== top && s >= topScore * PEER_SHARE && !contains(el, top) && !contains(top, el))
    .map(([el]) => el);
  if (peers.length < 2) return null;
  let level = 0;
  for (
    let container = parentElement(top);
    container !== null && level < PEER_LEVELS;
    container = parentElement(container)
  ) {
    if (container.name === 'body' || container.name === 'html') return null;
    // Inline wrappers around blocks (<span><div>…</div></span>) do not count as levels.
    if (!INLINE_WRAPPERS.has(container.name)) level++;
    const inside = peers.filter((p) => contains(container!, p)).length;
    if (inside >= 2 && inside === peers.length) return container;
  }
  return null;
}

/** A marked article body needs this much prose (Latin-equivalent characters) to be trusted. */
const MARKED_BODY_MIN = 200;

/** Whether `inner` lies within `outer` (or is it). */
function contains(outer: Element, inner: Element): boolean {
  for (let e: Element | null = inner; e !== null; e = parentElement(e)) if (e === outer) return true;
  return false;
}

/** The element the page marks as its article body holding the most prose, when it holds enough. */
function markedBody(stats: Map<Element, ElementStats>): Element | null {
  let best: Element | null = null;
  let bestProse = 0;
  for (const [el, s] of stats) {
    const cls = el.attribs.class;
    if (el.attribs.itemprop !== 'articleBody' && (cls === undefined || !ARTICLE_BODY_NAMES.test(cls))) continue;
    const prose = s.chars - s.linkChars;
    if (prose > bestProse) [best, bestProse] = [el, prose];
  }
  return bestProse >= MARKED_BODY_MIN ? best : null;
}

const classKey = (el: Element): string | null => {
  const cls = el.attribs.class?.trim();
  return cls ? `${el.name}.${cls}` : null;
};

const PARAGRAPH_TAGS: ReadonlySet<string> = new Set([
  'p',
  'li',
  'span',
  'a',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'font',
  'b',
  'strong',
  'em',
  'dd',
  'dt',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
]);

/** Posts on a page listing several (a blog's front page) repeat at least this many times. */
const MIN_REPEATS = 3;

/**
 * On a page of repeated posts (same tag and class, one after another) the best-scoring post is
 * not the page's subject: the first one is (the newest post, or the thread's opening message).
 */
function firstOfRepeatedPosts(
  top: Element,
  blocks: readonly Block[],
  stats: Map<Element, ElementStats>,
): Element | null {
  let key = classKey(top);
  const inTop = withinAny(new Set([top]));
  if (key === null) {
    // The container is an anonymous wrapper: name it by the class its text blocks sit in.
    const counts = new Map<string, number>();
    for (const b of blocks) {
      if (!inTop(b.owner)) continue;
      for (let e: Element | null = b.owner, i = 0; e !== null && e !== top && i < 3; e = parentElement(e), i++) {
        const k = classKey(e);
        if (k !== null) {
          counts.set(k, (counts.get(k) ?? 0) + b.text.length);
          break;
        }
      }
    }
    let best = 0;
    for (const [k, n] of counts) if (n > best) [key, best] = [k, n];
  }
  if (key === null || PARAGRAPH_TAGS.has(key.slice(0, key.indexOf('.')))) return null;
  const peers = [...stats.keys()].filter((el) => classKey(el) === key);
  if (peers.length < MIN_REPEATS) return null;
  const topChars = stats.get(top)?.chars ?? 0;
  const first = peers.find((el) => {
    const s = stats.get(el);
    return s !== undefined && s.chars - s.linkChars >= Math.min(400, topChars * 0.2);
  });
  // Repeated parts inside the chosen container are sections of one article, not posts.
  if (first === undefined || peers.filter(inTop).length > 1 || inTop(first)) return null;
  // Sibling parts under one parent are an article cut into cards, not separate posts.
  if (first.parent === top.parent || peers.some((p) => p !== first && p.parent === first.parent)) return null;
  return first;
}

/** The text of the blocks each element holds directly, joined by spaces (made once, read per sibling). */
function blockTextByOwner(blocks: readonly Block[]): (el: Element) => string {
  let byOwner: Map<Element, string[]> | null = null;
  return (el) => {
    if (byOwner === null) {
      byOwner = new Map();
      for (const b of blocks) {
        const texts = byOwner.get(b.owner);
        if (texts === undefined) byOwner.set(b.owner, [b.text]);
        else texts.push(b.text);
      }
    }
    return byOwner.get(el)?.join(' ') ?? '';
  };
}
