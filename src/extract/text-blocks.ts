// Flattens a parsed page into blocks of text in reading order, each tied to the block-level element
// that holds it, with page furniture (scripts, navigation, share bars, comment widgets …) skipped.
// One pass over the tree; the content scorer works on these blocks, never on the tree again.

import type { AnyNode, Element } from 'domhandler';
import {
  BLOCK_TAGS,
  BOILERPLATE_NAMES,
  DROPPED_ROLES,
  DROPPED_TAGS,
  HEADING_TAGS,
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
  p: 'paragraph', li: 'item', dd: 'item', dt: 'item', td: 'cell', th: 'cell', blockquote: 'quote',
  pre: 'pre', figcaption: 'caption', caption: 'caption',
};

function kindOf(tag: string): BlockKind {
  if (HEADING_TAGS.has(tag)) return 'heading';
  return KIND_BY_TAG[tag] ?? 'text';
}

function isNamedFurniture(el: Element): boolean {
  const names = `${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`.trim();
  if (names === '') return false;
  let negative = false;
  for (const name of names.split(/\s+/)) {
    if (BOILERPLATE_NAMES.test(name)) negative = true;
    else if (POSITIVE_NAMES.test(name)) return false;
  }
  return negative;
}

/** True for elements whose content is never article text: by tag, role, visibility or name. */
export function isFurniture(el: Element): boolean {
  const tag = el.name;
  if (DROPPED_TAGS.has(tag)) return true;
  if (tag === 'body' || tag === 'html' || tag === 'article' || tag === 'main') return false;
  const a = el.attribs;
  if (a['hidden'] !== undefined || a['aria-hidden'] === 'true') return true;
  const role = a['role'];
  if (role !== undefined && DROPPED_ROLES.has(role)) return true;
  const style = a['style'];
  if (style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  if (a['itemprop'] === 'articleBody') return false;
  return isNamedFurniture(el);
}

export function collectBlocks(root: Element | { children: AnyNode[] }, rootOwner: Element): BlockTree {
  const blocks: Block[] = [];
  const hasBlockChild = new Set<Element>();
  let parts: string[] = [];
  let linkChars = 0;

  const flush = (owner: Element): void => {
    if (parts.length === 0) return;
    const raw = parts.join('');
    parts = [];
    const text = raw.replace(/\s+/g, ' ').trim();
    const links = Math.min(linkChars, text.length);
    linkChars = 0;
    if (text !== '') blocks.push({ text, linkChars: links, owner, kind: kindOf(owner.name) });
  };

  const walk = (nodes: AnyNode[], owner: Element, inLink: boolean): void => {
    for (const node of nodes) {
      if (node.type === 'text') {
        const data = (node as { data: string }).data;
        parts.push(data);
        if (inLink) linkChars += data.replace(/\s+/g, ' ').length;
        continue;
      }
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
      const el = node as Element;
      const tag = el.name;
      if (isFurniture(el)) continue;
      if (tag === 'br' || tag === 'hr') {
        flush(owner);
        continue;
      }
      if (tag === 'img') {
        continue;
      }
      if (BLOCK_TAGS.has(tag)) {
        flush(owner);
        hasBlockChild.add(owner);
        walk(el.children, el, false);
        flush(el);
        continue;
      }
      walk(el.children, owner, inLink || tag === 'a');
    }
  };

  walk(root.children, rootOwner, false);
  flush(rootOwner);
  return { blocks, hasBlockChild };
}
