// HTML, Markdown and plain text → the article's paragraphs and metadata, clutter removed, with
// bilingual pages split into aligned English/Chinese pairs. Pure: strings in, a record out.

import { Element } from 'domhandler';
import type { AnyNode } from 'domhandler';
import { fail, ok, type Result } from '../errors.js';
import { detectBilingual } from './bilingual.js';
import type { BilingualPage } from './bilingual.js';
import { cleanParagraphs, comparable } from './clutter.js';
import { selectMainContent } from './main-content.js';
import { normaliseDate, readMetadata, textContent } from './metadata.js';
import { collectBlocks } from './text-blocks.js';
import type { Block } from './text-blocks.js';
import { isLinePerParagraph, markdownParagraphs, splitFrontMatter } from './markdown.js';
import { datelineDate, datelineMomentNearTitle, urlDate } from './dating.js';
import { takeBylineLine } from './byline.js';
import { checkTextSize, limitMessage, PageLimitError, type PageLimits } from './page-limits.js';
import { parseBounded } from './parse-html.js';
import { detectLanguage } from '../text/language.js';

export type { BilingualPage } from './bilingual.js';
export { cleanParagraphs } from './clutter.js';

export interface ExtractedPage {
  title: string | null;
  byline: string | null;
  /** ISO 8601 from meta/JSON-LD/time elements (or front matter), else a byline line's date. */
  published: string | null;
  /**
   * What `published` was read from: the page's own metadata, a visible byline line or dateline
   * ('dateline'), or the day in the page's address ('url').
   * Absent on pages built elsewhere (a feed item's summary): their `published` counts as 'page'.
   */
  publishedFrom?: 'page' | 'dateline' | 'url' | null;
  /** The date of a visible dateline near the title (YYYY-MM-DD), read whatever `published` says. */
  dateline?: string | null;
  /** What went wrong reading the page that did not stop it being read (a front matter that is not YAML). */
  problems?: string[];
  /**
   * The language ('en', 'zh', …): the declared one (html lang / meta / og:locale, normalised; a
   * value that is no language code is ignored) unless the text clearly reads as English or Chinese.
   */
  language: string | null;
  siteName: string | null;
  /** Absolute URLs, resolved against options.url and <base>. */
  canonicalUrl: string | null;
  leadImage: string | null;
  description: string | null;
  /** Main text, one entry per paragraph, list item or heading, clutter removed. */
  paragraphs: string[];
  bilingual: BilingualPage | null;
}

export interface ExtractOptions {
  /** The page's address: relative URLs are resolved against it. */
  url?: string;
  /** The page bounds (default PAGE_LIMITS). */
  limits?: PageLimits;
}

/** The body, else the innermost <html> (following <html> elements nested in one another). */
function findBody(nodes: readonly AnyNode[]): Element | null {
  let html: Element | null = null;
  let level = nodes;
  search: for (;;) {
    for (const n of level) {
      if (n.type !== 'tag') continue;
      const el = n as Element;
      if (el.name === 'body') return el;
      if (el.name === 'html') {
        html = el;
        level = el.children;
        continue search;
      }
    }
    return html;
  }
}

const BARE_ADDRESS = /^(?:[^\s:]{1,40}\s*[:–—-]\s*)?(?:https?:\/\/|www\.)\S+$/i;

/** A paragraph this short may be mostly link text and still be a sentence of the article. */
const SHORT_SENTENCE = 200;

/** Blocks mostly of link text are navigation, tags or related links; captions describe images. */
function isProse(b: Block): boolean {
  if (b.kind === 'caption') return false;
  if (b.linkChars === 0) return true;
  const density = b.linkChars / b.text.length;
  if (b.kind === 'heading') return density < 0.9;
  // An address written out in the text ("http://amzn.to/2iJF", "www.example.com") is a reference
  // the article gives its reader; menus and teasers never show one.
  if (BARE_ADDRESS.test(b.text)) return true;
  // A short sentence whose subject is a link ("<a>James Van Der Beek</a> has been eliminated from …")
  // is prose: a paragraph of one or two sentences, ending one, with words of its own besides the links.
  return (
    density < 0.5 ||
    (b.kind === 'paragraph' &&
      density < 0.8 &&
      b.text.length <= SHORT_SENTENCE &&
      b.text.length - b.linkChars >= 20 &&
      /[.!?。！？]["”’)）]?$/.test(b.text))
  );
}

/** Blocks at the top of the body searched for the standfirst. */
const STANDFIRST_WINDOW = 3;

/**
 * The standfirst (the summary under the headline, set as a heading: "<h2 class=sub-headline>") is
 * the page's description, not the article's text: dropped when it repeats the description. A
 * first paragraph that repeats it is the lede that sites copy into the description, and stays.
 */
function dropStandfirst(blocks: Block[], description: string | null): void {
  if (description === null) return;
  const wanted = comparable(description);
  if (wanted.length < 20) return;
  for (let i = 0; i < Math.min(STANDFIRST_WINDOW, blocks.length); i++) {
    const b = blocks[i]!;
    if (b.kind === 'paragraph') return;
    if (b.kind === 'heading' && comparable(b.text) === wanted) {
      blocks.splice(i, 1);
      return;
    }
  }
}

/** The heading of a comment thread: "3 Comments", "Leave a Reply", "2 thoughts on “…”", "网友评论". */
const COMMENTS_HEADING =
  /^(?:(?:\d+|no|one|two|three|four|five|six|seven|eight|nine|ten)\s+)?(?:comments?|responses?|replies|reactions|thoughts?|discussion)(?:\s*\(\d+\)|\s+(?:on|to)\s+["“'‘].*)?[.:]?$|^(?:leave|post|add|write) a (?:comment|reply|response)\b.{0,40}$|^join the (?:conversation|discussion)\b.{0,40}$|^(?:网友|读者)?(?:评论|留言|跟帖)\s*(?:[(（]\s*\d+\s*[)）]|\d+\s*条)?[:：]?$|^(?:发表|我要|写)评论$/iu;

/**
 * The blocks before a comment thread's heading: a thread whose container is not named as one
 * (an unnamed <div> after the article) follows the article and is not part of it.
 */
function beforeComments(blocks: Block[]): Block[] {
  for (let i = 1; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'heading' && b.text.length <= 120 && COMMENTS_HEADING.test(b.text.trim())) return blocks.slice(0, i);
  }
  return blocks;
}

/** Bilingual pairs; a translated title standing above the body is the title, not a paragraph. */
function bilingualSplit(
  paragraphs: string[],
  title: string | null,
  otherTitles: readonly string[],
): Pick<ExtractedPage, 'paragraphs' | 'bilingual'> {
  const bilingual = detectBilingual(paragraphs, title, otherTitles);
  const lead = paragraphs[0];
  const body =
    bilingual !== null && lead !== undefined && lead === bilingual.titleZh ? paragraphs.slice(1) : paragraphs;
  return { paragraphs: body, bilingual };
}

/**
 * Reads an HTML page. Throws PageLimitError when the page exceeds a bound of page-limits.ts
 * (nesting depth, elements, end tags, text); extractPage reports that as a failure instead.
 * extractMarkdown and extractPlainText throw it past the text bound.
 */
export function extractHtml(html: string, options: ExtractOptions = {}): ExtractedPage {
  const doc = parseBounded(
    html,
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
    options.limits,
  );
  const meta = readMetadata(doc, options.url ?? null);
  const body = findBody(doc.children);
  const tree = body !== null ? collectBlocks(body, body) : collectBlocks(doc, new Element('body', {}));
  checkTextSize(
    tree.blocks.map((b) => b.text),
    options.limits,
  );
  const main = selectMainContent(tree);
  const blocks = beforeComments(main.blocks.filter(isProse));
  // The page's own h1 at the top of the body is the headline, already in `title`.
  if (blocks[0]?.owner.name === 'h1') blocks.shift();
  dropStandfirst(blocks, meta.description);
  const { line, paragraphs } = takeBylineLine(
    cleanParagraphs(
      blocks.map((b) => b.text),
      { title: meta.title },
    ),
  );
  const nearTitle = datelineMomentNearTitle(linesNearHeadline(doc.children));
  const dateline = nearTitle?.slice(0, 10) ?? datelineDate(blocks.map((b) => b.text));
  // No date in the page's metadata: the visible dateline (with its time when it gives one), else
  // the day in the page's address.
  const fromUrl = [meta.canonicalUrl, options.url].map((u) => (u ? urlDate(u) : null)).find((d) => d !== null) ?? null;
  const [published, publishedFrom]: [string | null, ExtractedPage['publishedFrom']] =
    meta.published !== null
      ? [meta.published, 'page']
      : line?.published
        ? [line.published, 'dateline']
        : dateline !== null
          ? [nearTitle ?? dateline, 'dateline']
          : fromUrl !== null
            ? [fromUrl, 'url']
            : [null, null];
  return {
    title: meta.title,
    byline: meta.byline ?? line?.byline ?? null,
    published,
    publishedFrom,
    dateline,
    language: languageOf(meta.language, meta.title, paragraphs),
    siteName: meta.siteName,
    canonicalUrl: meta.canonicalUrl,
    leadImage: meta.leadImage,
    description: meta.description,
    ...bilingualSplit(paragraphs, meta.title, meta.otherTitles),
  };
}

/** Characters of the body read to check the declared language. */
const LANGUAGE_SAMPLE = 4000;

/**
 * The page's language: what it declares (lang, content-language, og:locale) unless its text says
 * clearly otherwise. A template's lang="en" on a Chinese article is Chinese; a declared "fr" on a
 * page whose text reads as French to no one is kept only while the text does not clearly read as
 * English or Chinese.
 */
function languageOf(declared: string | null, title: string | null, paragraphs: readonly string[]): string | null {
  let sample = title ?? '';
  for (const p of paragraphs) {
    if (sample.length >= LANGUAGE_SAMPLE) break;
    sample += `\n${p}`;
  }
  const guess = detectLanguage(sample.slice(0, LANGUAGE_SAMPLE));
  if (guess.language === 'other' || guess.mixed || guess.confidence < 0.5) return declared;
  return declared === guess.language ? declared : guess.language;
}

/** Elements read beside the headline for a dateline, and the characters read from each. */
const NEAR_HEADLINE = 4;
const NEAR_HEADLINE_CHARS = 300;

/**
 * The short lines beside the page's first h1, read from the page itself (a date often sits in a
 * header or a "meta" line that is left out of the body as furniture): the elements just before and
 * after it, and after its parent and grandparent when it is wrapped.
 */
function linesNearHeadline(nodes: readonly AnyNode[]): string[] {
  let h1: Element | null = null;
  const stack: AnyNode[] = [...nodes].reverse();
  while (stack.length > 0 && h1 === null) {
    const n = stack.pop()!;
    if (n.type !== 'tag') continue;
    const el = n as Element;
    if (el.name === 'h1') h1 = el;
    else for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  if (h1 === null) return [];
  const lines: string[] = [];
  const read = (el: AnyNode | null, step: (n: AnyNode) => AnyNode | null, most = NEAR_HEADLINE): void => {
    let taken = 0;
    for (let n = el; n !== null && taken < most; n = step(n)) {
      if (n.type !== 'tag' && n.type !== 'text') continue;
      const text = (
        n.type === 'text' ? (n as { data: string }).data : textContent((n as Element).children, NEAR_HEADLINE_CHARS)
      )
        .replace(/\s+/g, ' ')
        .trim();
      if (text === '') continue;
      taken++;
      if (text.length <= 200) lines.push(text);
    }
  };
  read(h1.prev, (n) => n.prev, 2);
  read(h1.next, (n) => n.next);
  const parent = h1.parent?.type === 'tag' ? (h1.parent as Element) : null;
  if (parent !== null) {
    read(parent.next, (n) => n.next);
    const grand = parent.parent?.type === 'tag' ? (parent.parent as Element) : null;
    if (grand !== null && grand.name !== 'body') read(grand.next, (n) => n.next);
  }
  return lines;
}

const EMPTY: Omit<ExtractedPage, 'paragraphs' | 'bilingual' | 'title'> = {
  byline: null,
  published: null,
  language: null,
  siteName: null,
  canonicalUrl: null,
  leadImage: null,
  description: null,
};

function fromText(title: string | null, paragraphs: string[], meta: Partial<ExtractedPage>): ExtractedPage {
  checkTextSize(paragraphs);
  const { line, paragraphs: cleaned } = takeBylineLine(cleanParagraphs(paragraphs, { title }));
  const byline = meta.byline ?? line?.byline ?? null;
  const own = meta.published ?? null;
  const published = own ?? line?.published ?? null;
  const publishedFrom = own !== null ? 'page' : line?.published ? 'dateline' : null;
  return {
    ...EMPTY,
    ...meta,
    title,
    byline,
    published,
    publishedFrom,
    dateline: datelineDate(paragraphs),
    ...bilingualSplit(cleaned, title, []),
  };
}

export function extractMarkdown(markdown: string, options: ExtractOptions = {}): ExtractedPage {
  const { front, body, problem } = splitFrontMatter(markdown);
  const { title: heading, paragraphs } = markdownParagraphs(body);
  const pick = (k: string): string | null => {
    const v = front[k];
    return typeof v === 'string' && v.trim() !== ''
      ? v.trim()
      : v instanceof Date
        ? v.toISOString().slice(0, 10)
        : typeof v === 'number'
          ? String(v)
          : null;
  };
  const title = pick('title') ?? heading;
  const canonical = pick('canonical') ?? pick('url') ?? options.url ?? null;
  const dateField = front.date !== undefined ? 'date' : 'published';
  const rawDate = pick(dateField);
  const published = normaliseDate(rawDate);
  // A date the header gives but that cannot be read is said, never dropped in silence.
  const problems = [
    ...(problem === null ? [] : [problem]),
    ...(rawDate !== null && published === null
      ? [`front matter "${dateField}: ${rawDate.slice(0, 80)}" is not a date it can read`]
      : []),
  ];
  return fromText(title, paragraphs, {
    byline: pick('author') ?? pick('byline'),
    published,
    language: pick('lang') ?? pick('language'),
    // Exports name the outlet as `source`, `publisher` or `outlet` (a URL there is an address, not a name).
    siteName:
      pick('site') ??
      pick('siteName') ??
      [pick('source'), pick('publisher'), pick('outlet')].find(
        (v) => v !== null && !/^[a-z][a-z0-9+.-]*:\/\//i.test(v),
      ) ??
      null,
    canonicalUrl: canonical,
    description: pick('description') ?? pick('summary'),
    ...(problems.length === 0 ? {} : { problems }),
  });
}

export function extractPlainText(text: string, options: ExtractOptions = {}): ExtractedPage {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    // A block written one paragraph per line keeps its lines as paragraphs; a wrapped one is joined.
    .flatMap((block) => (isLinePerParagraph(block.split('\n')) ? block.split('\n') : [block]))
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
  // A short first line without closing punctuation is the title, as in a text file of an article.
  const first = paragraphs[0];
  const title =
    first !== undefined && first.length <= 200 && !/[.!?。！？]$/.test(first) && paragraphs.length > 1 ? first : null;
  return fromText(title, title !== null ? paragraphs.slice(1) : paragraphs, { canonicalUrl: options.url ?? null });
}

export type PageFormat = 'html' | 'markdown' | 'text';

export interface PageRequest {
  readonly format: PageFormat;
  readonly text: string;
  /** Names the page in messages (a file or URL). */
  readonly name: string;
  /** The page's address, for relative URLs (see ExtractOptions). */
  readonly url?: string;
}

/** Reads one page of any format; a page over a bound is a `too_large` failure naming it and the bound. */
export function extractPage(request: PageRequest): Result<ExtractedPage> {
  const options = request.url === undefined ? {} : { url: request.url };
  try {
    switch (request.format) {
      case 'html':
        return ok(extractHtml(request.text, options));
      case 'markdown':
        return ok(extractMarkdown(request.text, options));
      case 'text':
        return ok(extractPlainText(request.text, options));
    }
  } catch (error) {
    if (error instanceof PageLimitError) return fail('too_large', limitMessage(request.name, error), request.name);
    throw error;
  }
}
