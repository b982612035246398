// htmlparser2's parseDocument with the page bounds of page-limits.ts checked as the tree is built.
// The parser keeps its open elements in an array it shifts and searches for every tag, so a page
// of unclosed tags costs depth x tags (600 KB of <div> took minutes); stopping at the depth bound
// keeps that product small, and stopping at the element bound keeps the tree's memory small.

import type { Document } from 'domhandler';
import { DomHandler, Parser, type Options } from 'htmlparser2';
import { PAGE_LIMITS, PageLimitError, type PageLimits } from './page-limits.js';

class BoundedHandler extends DomHandler {
  private elements = 0;

  constructor(
    private readonly limits: PageLimits,
    options: Options,
  ) {
    super(undefined, options);
  }

  override onopentag(name: string, attribs: { [key: string]: string }): void {
    super.onopentag(name, attribs);
    if (++this.elements > this.limits.maxElements) throw new PageLimitError('elements', this.limits.maxElements);
    // tagStack holds the document itself below the open elements.
    if (this.tagStack.length - 1 > this.limits.maxDepth) throw new PageLimitError('depth', this.limits.maxDepth);
  }
}

class BoundedParser extends Parser {
  private endTags = 0;

  constructor(
    handler: BoundedHandler,
    options: Options,
    private readonly limits: PageLimits,
  ) {
    super(handler, options);
  }

  override onclosetag(start: number, endIndex: number): void {
    if (++this.endTags > this.limits.maxEndTags) throw new PageLimitError('end-tags', this.limits.maxEndTags);
    super.onclosetag(start, endIndex);
  }
}

/** Parses HTML (or XML with `xmlMode`) into a tree; throws PageLimitError past a bound. */
export function parseBounded(text: string, options: Options, limits: PageLimits = PAGE_LIMITS): Document {
  const handler = new BoundedHandler(limits, options);
  new BoundedParser(handler, options, limits).end(text);
  return handler.root;
}
