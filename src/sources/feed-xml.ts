// RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom (1.0 and 0.3) read from the forgiving XML tree (xml-tree.ts)
// onto our draft feed. Elements are matched by namespace, not by the prefix a feed happens to use;
// an undeclared but conventional prefix (dc:, content:) is still read. We choose links, authors and
// dates and turn titles into plain text. Items the document cut off are dropped and reported.
import { escapeText } from '../text/escape.js';
import { fail, ok, type Result } from '../errors.js';
import { type DraftFeed, type DraftItem, emptyFieldsOf, nonBlank } from './feed-draft.js';
import { resolveBase, resolveLink } from './resolve-link.js';
import { stripMarkup, textToHtml } from './strip-markup.js';
import { hasElementChildren, innerMarkup, textOf, type XmlDocument, type XmlElement } from './xml-tree.js';

const NAMESPACES: Readonly<Record<string, string>> = {
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://backend.userland.com/rss2': '',
  'http://backend.userland.com/rss': '',
  'http://blogs.law.harvard.edu/tech/rss': '',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.w3.org/xml/1998/namespace': 'xml',
  'http://search.yahoo.com/mrss/': 'media',
};

/** Reads elements by canonical key ("title", "dc:creator", "atom:link"), whatever prefix the feed uses. */
class Keys {
  private readonly cache = new WeakMap<XmlElement, string>();
  /** In an Atom document, elements in no or an unknown default namespace are Atom's. */
  constructor(private readonly atomDefault: boolean) {}
  of(el: XmlElement): string {
    let k = this.cache.get(el);
    if (k === undefined) {
      let prefix: string;
      const known = el.ns === null ? undefined : NAMESPACES[el.ns.toLowerCase()];
      if (known !== undefined) prefix = known;
      else if (el.prefix !== null) prefix = el.prefix.toLowerCase();
      else prefix = this.atomDefault ? 'atom' : '';
      k = prefix === '' ? el.local.toLowerCase() : `${prefix}:${el.local.toLowerCase()}`;
      this.cache.set(el, k);
    }
    return k;
  }
  children(el: XmlElement, ...keys: string[]): XmlElement[] {
    const out: XmlElement[] = [];
    for (const c of el.children) if (c.kind === 'element' && keys.includes(this.of(c))) out.push(c);
    return out;
  }
  /** The first child with the first key that has one. */
  child(el: XmlElement, ...keys: string[]): XmlElement | null {
    for (const key of keys) {
      for (const c of el.children) if (c.kind === 'element' && this.of(c) === key) return c;
    }
    return null;
  }
  /** Trimmed text of the first child (by key order) that has some. */
  text(el: XmlElement, ...keys: string[]): string | null {
    for (const key of keys) {
      for (const c of el.children) {
        if (c.kind !== 'element' || this.of(c) !== key) continue;
        const t = nonBlank(textOf(c));
        if (t !== null) return t;
      }
    }
    return null;
  }
}

/** Plain text of an HTML fragment, or null if nothing is left. */
function plain(html: string | null | undefined): string | null {
  const t = nonBlank(html);
  return t === null ? null : nonBlank(stripMarkup(t));
}

/** An RSS element's content as HTML: unescaped markup is serialised back; escaped markup is already text. */
function htmlContent(el: XmlElement | null): string | null {
  if (el === null) return null;
  return nonBlank(hasElementChildren(el) ? innerMarkup(el) : textOf(el));
}

function attr(el: XmlElement, name: string): string | null {
  for (const [k, v] of el.attrs) if (k === name || k.toLowerCase() === name) return v;
  return null;
}

/** The effective xml:base of an element: its own and its ancestors', resolved outward-in against the document's URL. */
function baseOf(el: XmlElement, docBase: string | null): string | null {
  const chain: string[] = [];
  for (let e: XmlElement | null = el; e !== null; e = e.parent) {
    const b = e.attrs.get('xml:base');
    if (b !== undefined) chain.push(b);
  }
  let base = docBase;
  for (let i = chain.length - 1; i >= 0; i--) base = resolveBase(chain[i], base);
  return base;
}

function langOf(el: XmlElement): string | null {
  for (let e: XmlElement | null = el; e !== null; e = e.parent) {
    const l = e.attrs.get('xml:lang');
    if (l !== undefined) return normalizeLanguage(l);
  }
  return null;
}

/** "en_US" -> "en-US"; blank -> null. */
export function normalizeLanguage(tag: string | null): string | null {
  const t = nonBlank(tag);
  return t === null ? null : t.replace(/_/g, '-');
}

/** A link as written, resolved against the element's base when it can be. */
function linkFrom(href: string | null, el: XmlElement, docBase: string | null): string | null {
  const h = nonBlank(href);
  if (h === null) return null;
  return resolveLink(h, baseOf(el, docBase)) ?? h;
}

/** "desk@x.example (Ivo Brandt)" -> "Ivo Brandt"; "Ivo Brandt <desk@x>" -> "Ivo Brandt"; a bare address stays. */
function personName(raw: string | null): string | null {
  const t = nonBlank(raw);
  if (t === null) return null;
  const paren = /^\S+@\S+\s*\((.+)\)$/.exec(t);
  if (paren) return nonBlank(paren[1]);
  const named = /^(.+?)\s*\(\s*[^()\s]+@[^()\s]+\s*\)$/.exec(t);
  if (named) return nonBlank(named[1]);
  const angle = /^(.+?)\s*<[^<>@\s]+@[^<>\s]+>$/.exec(t);
  if (angle) return nonBlank(angle[1]?.replace(/^"|"$/g, ''));
  return t;
}

export interface XmlFeedRead {
  readonly draft: DraftFeed;
  /** Items dropped because the document cut them off, one message each. */
  readonly lost: readonly string[];
}

export function draftFromXml(doc: XmlDocument, name: string, baseUrl: string | null): Result<XmlFeedRead> {
  const root = doc.root;
  if (root === null) return fail('bad_input', `${name}: no XML element found`, name);
  const local = root.local.toLowerCase();
  if (local === 'feed') return ok(readAtom(root, baseUrl));
  if (local === 'rss' || local === 'rdf' || local === 'channel')
    return ok(readRss(root, local === 'rdf' ? 'rdf' : 'rss2', baseUrl));
  return fail('unsupported', `${name}: not an RSS, RDF or Atom feed (root element <${root.name}>)`, name);
}

function itemLabel(index: number, title: string | null): string {
  return title === null ? `item ${index + 1}` : `item ${index + 1} ("${title.slice(0, 80)}")`;
}

/** Complete items are read; a cut-off one is reported as lost with where it starts. */
function readItems(
  elements: readonly XmlElement[],
  read: (el: XmlElement) => DraftItem,
  title: (el: XmlElement) => string | null,
): { items: DraftItem[]; lost: string[] } {
  const items: DraftItem[] = [];
  const lost: string[] = [];
  elements.forEach((el, i) => {
    if (!el.complete) {
      lost.push(
        `${itemLabel(i, title(el))} at line ${el.line}, column ${el.column} is cut off by the end of the document: not read`,
      );
      return;
    }
    items.push(read(el));
  });
  return { items, lost };
}

function readRss(root: XmlElement, format: 'rss2' | 'rdf', baseUrl: string | null): XmlFeedRead {
  const k = new Keys(false);
  const channel = k.of(root) === 'channel' ? root : k.child(root, 'channel');
  const scope = channel ?? root;
  const docBase = baseUrl;
  const siteLinkEl = k.child(scope, 'link');
  const siteLink = siteLinkEl === null ? null : linkFrom(textOf(siteLinkEl), siteLinkEl, docBase);
  const selfLinkEl = k.children(scope, 'atom:link').find((l) => attr(l, 'rel') === 'self') ?? null;
  const alternateEl =
    k.children(scope, 'atom:link').find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate') ?? null;
  const itemEls = [
    ...(channel === null || channel === root ? [] : k.children(root, 'item')),
    ...k.children(scope, 'item'),
  ];
  const titleOf = (el: XmlElement): string | null =>
    plain(htmlContent(k.child(el, 'title', 'dc:title', 'media:title')));
  const AUTHOR_KEYS = ['dc:creator', 'author', 'dc:author', 'itunes:author'];
  const { items, lost } = readItems(
    itemEls,
    (item): DraftItem => {
      const links: string[] = [];
      for (const l of k.children(item, 'link')) {
        const href = linkFrom(textOf(l), l, docBase);
        if (href !== null) links.push(href);
      }
      const guidEl = k.child(item, 'guid');
      const guid = guidEl === null ? null : nonBlank(textOf(guidEl));
      // A guid is a permalink unless it says isPermaLink="false" (the RSS 2.0 default is true).
      if (guidEl !== null && guid !== null && attr(guidEl, 'ispermalink')?.trim().toLowerCase() !== 'false')
        links.push(linkFrom(guid, guidEl, docBase)!);
      for (const l of k.children(item, 'atom:link')) {
        const rel = attr(l, 'rel') ?? 'alternate';
        if (rel === 'alternate') {
          const href = linkFrom(attr(l, 'href'), l, docBase);
          if (href !== null) links.push(href);
        }
      }
      const about = nonBlank(item.attrs.get('rdf:about') ?? attr(item, 'about'));
      if (about !== null) links.push(linkFrom(about, item, docBase)!);
      // Microsoft's CDF (<CHANNEL>/<ITEM HREF=... LASTMOD=...>, <ABSTRACT>).
      const href = linkFrom(attr(item, 'href'), item, docBase);
      if (href !== null) links.push(href);
      const atomAuthor = k.child(item, 'atom:author');
      const contentEl = k.child(item, 'content:encoded', 'xhtml:body', 'body', 'fullitem', 'atom:content');
      const summaryEl = k.child(item, 'description', 'dc:description', 'atom:summary', 'itunes:summary', 'abstract');
      const title = titleOf(item);
      const author = personName(
        k.text(item, ...AUTHOR_KEYS) ?? (atomAuthor === null ? null : k.text(atomAuthor, 'atom:name', 'atom:email')),
      );
      const summary = plain(htmlContent(summaryEl));
      const contentHtml =
        contentEl === null
          ? null
          : k.of(contentEl) === 'atom:content'
            ? atomContent(contentEl, k)
            : htmlContent(contentEl);
      return {
        guid: guid ?? about ?? k.text(item, 'dc:identifier', 'atom:id'),
        links,
        base: baseOf(item, docBase),
        title,
        dateRaw:
          k.text(
            item,
            'pubdate',
            'dc:date',
            'dcterms:issued',
            'dcterms:created',
            'dcterms:date',
            'atom:published',
            'dcterms:modified',
            'atom:updated',
          ) ?? nonBlank(attr(item, 'lastmod')),
        updatedRaw: k.text(item, 'dcterms:modified', 'atom:updated') ?? nonBlank(attr(item, 'lastmod')),
        author,
        summary,
        contentHtml,
        language:
          normalizeLanguage(k.text(item, 'dc:language')) ?? normalizeLanguage(item.attrs.get('xml:lang') ?? null),
        emptyFields: emptyFieldsOf({
          title: [k.child(item, 'title', 'dc:title', 'media:title'), title],
          summary: [summaryEl, summary],
          content: [
            contentHtml === null &&
            contentEl !== null &&
            !(k.of(contentEl) === 'atom:content' && elsewhere(contentEl, k))
              ? contentEl
              : null,
            contentHtml,
          ],
          author: [k.child(item, ...AUTHOR_KEYS) ?? atomAuthor, author],
        }),
      };
    },
    titleOf,
  );
  const titleEl = k.child(scope, 'title', 'dc:title');
  const title = plain(htmlContent(titleEl));
  return {
    draft: {
      format,
      title,
      titleEmpty: titleEl !== null && title === null,
      siteLink:
        siteLink ??
        (alternateEl === null ? null : linkFrom(attr(alternateEl, 'href'), alternateEl, docBase)) ??
        linkFrom(attr(scope, 'href'), scope, docBase),
      feedLink: selfLinkEl === null ? null : linkFrom(attr(selfLinkEl, 'href'), selfLinkEl, docBase),
      base: baseOf(scope, docBase),
      language: normalizeLanguage(k.text(scope, 'language', 'dc:language')) ?? langOf(scope),
      items,
    },
    lost,
  };
}

// ---------------------------------------------------------------------------------------------
// Atom

interface AtomValue {
  /** Markup, when the construct is HTML or XHTML. */
  readonly html: string | null;
  /** Literal text, when the construct is text. */
  readonly text: string | null;
  /** Neither text nor markup (an image, a PDF), or only a src. */
  readonly other: boolean;
}

function isHtmlType(type: string): boolean {
  return type === 'html' || type === 'text/html' || type === 'xhtml' || type === 'application/xhtml+xml';
}

/** An Atom text or content construct (type text/html/xhtml or a media type; Atom 0.3 mode escaped/base64/xml). */
function atomValue(el: XmlElement, k: Keys): AtomValue {
  const type = (attr(el, 'type') ?? '').trim().toLowerCase() || 'text';
  const mode = (attr(el, 'mode') ?? '').trim().toLowerCase();
  let raw: string;
  let markup = false;
  if (mode === 'base64') {
    raw = decodeBase64(textOf(el));
  } else if (type === 'xhtml' || type === 'application/xhtml+xml' || mode === 'xml' || hasElementChildren(el)) {
    // The XHTML wrapper <div> is not part of the content.
    const divs = el.children.filter((c) => c.kind === 'element');
    const only =
      divs.length === 1 &&
      divs[0]!.kind === 'element' &&
      divs[0]!.local.toLowerCase() === 'div' &&
      el.children.every((c) => c.kind === 'element' || c.text.trim() === '')
        ? divs[0]!
        : null;
    raw = innerMarkup(only ?? el);
    markup = true;
  } else raw = textOf(el);
  void k;
  if (markup || isHtmlType(type) || mode === 'escaped') return { html: raw, text: null, other: false };
  if (type === 'text' || type.startsWith('text/')) return { html: null, text: raw, other: false };
  if (type.endsWith('+xml') || type.endsWith('/xml')) return { html: raw, text: null, other: false };
  // Any other media type is base64 (Atom 1.0, 4.1.3.3): kept only when it decodes to text, not image data.
  if (mode !== 'base64' && attr(el, 'src') === null) {
    const decoded = decodeBase64Text(raw);
    if (decoded !== null) return { html: null, text: decoded, other: false };
  }
  return { html: null, text: null, other: true };
}

function decodeBase64(s: string): string {
  return Buffer.from(s.replace(/\s+/g, ''), 'base64').toString('utf8');
}

/** Base64 that decodes to UTF-8 text without control characters, or null. */
function decodeBase64Text(s: string): string | null {
  const compact = s.replace(/\s+/g, '');
  if (compact === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return null;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(compact, 'base64'));
    return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? null : text;
  } catch {
    return null;
  }
}

/** Atom content given by reference (`src`) or as media other than text: not empty, only not here. */
function elsewhere(el: XmlElement, k: Keys): boolean {
  return attr(el, 'src') !== null || atomValue(el, k).other;
}

/** An Atom text construct as plain text. */
function atomPlain(el: XmlElement | null, k: Keys): string | null {
  if (el === null) return null;
  const v = atomValue(el, k);
  if (v.html !== null) return plain(v.html);
  if (v.text !== null) return nonBlank(v.text.replace(/\s+/g, ' '));
  return null;
}

/** Atom content as HTML: markup is kept, text is escaped into paragraphs, other media and src-only content are null. */
function atomContent(el: XmlElement | null, k: Keys): string | null {
  if (el === null) return null;
  const v = atomValue(el, k);
  if (v.html !== null) return nonBlank(v.html);
  const text = nonBlank(v.text);
  if (text === null) return null;
  return textToHtml(text) || `<p>${escapeText(text)}</p>`;
}

/** rel="alternate" (the default when rel is absent), preferring an HTML type; resolved against each link's base. */
function alternateLinks(links: readonly XmlElement[], docBase: string | null): string[] {
  // An href, or (some Atom 0.3 feeds) the link as the element's text.
  const href = (l: XmlElement): string | null => nonBlank(attr(l, 'href')) ?? nonBlank(textOf(l));
  const alts = links.filter((l) => (attr(l, 'rel') ?? 'alternate').trim() === 'alternate' && href(l) !== null);
  const html = alts.filter((l) => !attr(l, 'type') || /html/i.test(attr(l, 'type')!));
  return [...html, ...alts.filter((l) => !html.includes(l))].map((l) => linkFrom(href(l), l, docBase)!);
}

function readAtom(root: XmlElement, baseUrl: string | null): XmlFeedRead {
  const k = new Keys(root.ns === null || NAMESPACES[root.ns.toLowerCase()] === undefined);
  const docBase = baseUrl;
  const authorName = (el: XmlElement | null): string | null => {
    if (el === null) return null;
    for (const a of k.children(el, 'atom:author')) {
      const n = k.text(a, 'atom:name') ?? (hasElementChildren(a) ? k.text(a, 'atom:email') : nonBlank(textOf(a)));
      if (n !== null) return n;
    }
    return null;
  };
  const feedAuthor = authorName(root) ?? personName(k.text(root, 'dc:creator'));
  const titleOf = (el: XmlElement): string | null => atomPlain(k.child(el, 'atom:title'), k);
  const { items, lost } = readItems(
    k.children(root, 'atom:entry'),
    (entry): DraftItem => {
      const source = k.child(entry, 'atom:source');
      const summaryEl = k.child(entry, 'atom:summary');
      const contentEl = k.child(entry, 'atom:content');
      const title = titleOf(entry) ?? plain(htmlContent(k.child(entry, 'dc:title')));
      const summary = atomPlain(summaryEl, k) ?? plain(htmlContent(k.child(entry, 'dc:description')));
      const contentHtml = atomContent(contentEl, k) ?? htmlContent(k.child(entry, 'content:encoded'));
      const author = authorName(entry) ?? personName(k.text(entry, 'dc:creator')) ?? authorName(source) ?? feedAuthor;
      return {
        guid: k.text(entry, 'atom:id', 'dc:identifier'),
        links: alternateLinks(k.children(entry, 'atom:link'), docBase),
        base: baseOf(entry, docBase),
        title,
        dateRaw: k.text(
          entry,
          'atom:published',
          'atom:issued',
          'atom:created',
          'dcterms:issued',
          'dcterms:created',
          'dc:date',
          'atom:updated',
          'atom:modified',
          'dcterms:modified',
        ),
        updatedRaw: k.text(entry, 'atom:updated', 'atom:modified', 'dcterms:modified'),
        author,
        summary,
        contentHtml,
        // The entry's own language; the feed's is the feed's (finishFeed falls back to it where needed).
        language:
          normalizeLanguage(entry.attrs.get('xml:lang') ?? null) ?? normalizeLanguage(k.text(entry, 'dc:language')),
        emptyFields: emptyFieldsOf({
          title: [k.child(entry, 'atom:title', 'dc:title'), title],
          summary: [summaryEl ?? k.child(entry, 'dc:description'), summary],
          // Content given by reference (src) or as other media is not empty: it is elsewhere.
          content: [
            contentHtml === null && !(contentEl !== null && elsewhere(contentEl, k))
              ? (contentEl ?? k.child(entry, 'content:encoded'))
              : null,
            contentHtml,
          ],
          author: [k.child(entry, 'atom:author', 'dc:creator'), author],
        }),
      };
    },
    titleOf,
  );
  const title = titleOf(root) ?? plain(htmlContent(k.child(root, 'dc:title')));
  return {
    draft: {
      format: 'atom',
      title,
      titleEmpty: title === null && k.child(root, 'atom:title', 'dc:title') !== null,
      siteLink: alternateLinks(k.children(root, 'atom:link'), docBase)[0] ?? null,
      feedLink: (() => {
        const self = k.children(root, 'atom:link').find((l) => attr(l, 'rel') === 'self');
        return self === undefined ? null : linkFrom(attr(self, 'href'), self, docBase);
      })(),
      base: baseOf(root, docBase),
      language: langOf(root) ?? normalizeLanguage(k.text(root, 'dc:language')),
      items,
    },
    lost,
  };
}
