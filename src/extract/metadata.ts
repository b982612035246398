// Page metadata from the places publishers put it, in order of trust: JSON-LD, OpenGraph and other
// meta tags, <link>, <time>, then the visible page. Every URL comes back absolute.

import type { AnyNode, Element } from 'domhandler';

export interface PageMetadata {
  readonly title: string | null;
  /** The page's other headlines (title tag, h1, og:title) when they differ: a translated title, say. */
  readonly otherTitles: readonly string[];
  readonly byline: string | null;
  readonly published: string | null;
  readonly language: string | null;
  readonly siteName: string | null;
  readonly canonicalUrl: string | null;
  readonly leadImage: string | null;
  readonly description: string | null;
  /** JSON-LD articleBody, when the page gives one: a hint for finding the body, not the body. */
  readonly articleBody: string | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const ARTICLE_TYPES = /Article|BlogPosting|Posting|Report|NewsArticle|WebPage|CreativeWork/;

/** The elements of the tree metadata needs, in document order (an explicit stack: pages nest deep). */
function gather(nodes: readonly AnyNode[], out: Element[]): void {
  const stack: AnyNode[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]!);
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type !== 'tag' && n.type !== 'script' && n.type !== 'style') continue;
    const el = n as Element;
    const t = el.name;
    if (t === 'meta' || t === 'link' || t === 'base' || t === 'html' || t === 'time' || t === 'title' || t === 'h1' ||
      (t === 'script' && /ld\+json/i.test(el.attribs['type'] ?? '')) || el.attribs['itemprop'] !== undefined ||
      el.attribs['rel'] === 'author') {
      out.push(el);
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
}

/**
 * The text under `nodes` (text nodes and elements, not scripts or styles), in document order.
 * `max` stops collecting once that many characters are read: metadata is a title or a name, and a
 * page of nested headings must not copy its whole text once per heading.
 */
export function textContent(nodes: readonly AnyNode[], max = Infinity): string {
  const parts: string[] = [];
  let length = 0;
  const stack: AnyNode[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]!);
  while (stack.length > 0 && length < max) {
    const n = stack.pop()!;
    if (n.type === 'text') {
      const data = (n as { data: string }).data;
      parts.push(data);
      length += data.length;
    } else if (n.type === 'tag') {
      const children = (n as Element).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  const s = parts.join('');
  return s.length > max ? s.slice(0, max) : s;
}

/** Characters of an element's text read as metadata (a headline, a date, a name). */
const MAX_META_TEXT = 10_000;
/** h1 and time elements read (some pages make every teaser an h1); later ones are not looked at. */
const MAX_READ_PER_TAG = 100;
/** Itemprops whose text is read; others are never used. */
const TEXT_ITEMPROPS: ReadonlySet<string> = new Set(['author', 'datePublished']);

const clean = (s: string | undefined | null): string | null => {
  if (s === undefined || s === null) return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
};

/** Query parameters that say how a reader arrived, not what the page is. */
const TRACKING = /^(?:utm_\w+|pk_\w+|mtm_\w+|fbclid|gclid|dclid|msclkid|twclid|igshid|mc_cid|mc_eid|ref|ref_src|referrer|src|via|share|spm|scm|from|cmpid|ncid|ocid|_hsenc|_hsmi|mkt_tok)$/i;

/** The URL without tracking parameters and fragment; other parameters stay in their order. */
export function withoutTracking(url: string | null): string | null {
  if (url === null) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return url;
  const kept = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k));
  u.search = '';
  for (const [k, v] of kept) u.searchParams.append(k, v);
  u.hash = '';
  return u.href;
}

function absolute(href: string | null, base: string | null): string | null {
  if (href === null) return null;
  try {
    return base === null ? new URL(href).href : new URL(href, base).href;
  } catch {
    return null;
  }
}

/** 'zh-Hans-CN', 'zh_CN', 'EN-us' → 'zh', 'zh', 'en'. */
export function normaliseLanguage(tag: string | null): string | null {
  if (tag === null) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === 'cn' || primary === 'chinese') return 'zh';
  if (primary === 'english') return 'en';
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

const pad = (n: string): string => n.padStart(2, '0');

/** ISO 8601 from the date forms pages use; null when the string is not a date. */
export function normaliseDate(raw: string | null): string | null {
  if (raw === null) return null;
  const s = raw.trim();
  const zh = /(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(s);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const iso = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?/.exec(s);
  if (iso !== null) {
    const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(s);
    if (hasZone) {
      const d = new Date(s.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
      if (!Number.isNaN(d.getTime())) return d.toISOString().replace('.000Z', 'Z');
    }
    return iso[0].replace(' ', 'T');
  }
  if (zh !== null) {
    const [, y, m, d, hh, mm, ss] = zh;
    const date = `${y}-${pad(m ?? '')}-${pad(d ?? '')}`;
    return hh === undefined ? date : `${date}T${pad(hh)}:${mm}:${ss ?? '00'}`;
  }
  if (/^\d{10}$/.test(s)) return new Date(Number(s) * 1000).toISOString().replace('.000Z', 'Z');
  if (/[a-z]{3}/i.test(s) && /\d{4}/.test(s)) {
    const d = new Date(s);
    if (!Number.isNaN(d.getTime())) return d.toISOString().replace('.000Z', 'Z');
  }
  return null;
}

function jsonLdObjects(scripts: readonly Element[]): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  // Objects in document order, each followed by its @graph; arrays (at any depth) are looked into.
  const visit = (value: Json): void => {
    const stack: Json[] = [value];
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]!);
      } else if (v !== null && typeof v === 'object') {
        out.push(v);
        const graph = v['@graph'];
        if (graph !== undefined) stack.push(graph);
      }
    }
  };
  for (const s of scripts) {
    try {
      visit(JSON.parse(textContent(s.children).replace(/^\s*<!--|-->\s*$/g, '')) as Json);
    } catch {
      // A malformed JSON-LD block is the page's mistake; the other sources of metadata still apply.
    }
  }
  return out;
}

const str = (v: Json | undefined): string | null => (typeof v === 'string' ? clean(v) : null);

/** A name, or the names in an array (arrays within arrays read in order), joined by commas. */
function nameOf(value: Json | undefined): string | null {
  const names: string[] = [];
  const stack: Array<Json | undefined> = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    let name: string | null = null;
    if (typeof v === 'string') name = clean(v);
    else if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    else if (v !== null && typeof v === 'object' && v !== undefined) name = str(v['name']);
    if (name !== null) names.push(name);
  }
  return names.length > 0 ? names.join(', ') : null;
}

function imageOf(value: Json | undefined): string | null {
  let v = value;
  while (Array.isArray(v)) v = v[0];
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && v !== undefined) return str(v['url']) ?? str(v['contentUrl']);
  return null;
}

/** Whether a JSON-LD @type names an article; a value too deeply nested to write out does not. */
function isArticleType(type: Json | undefined): boolean {
  try {
    return ARTICLE_TYPES.test(JSON.stringify(type ?? ''));
  } catch {
    return false;
  }
}

/** "Headline | Site", "Headline - Site", "Headline_站点" → "Headline" (the longest part). */
export function stripSiteFromTitle(title: string): string {
  const parts = title.split(/\s+[|\-–—»·]\s+|\s*[_｜|]\s*/);
  if (parts.length < 2) return title;
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a), '');
  return longest.length >= 10 ? longest.trim() : title;
}

export function readMetadata(root: { children: AnyNode[] }, url: string | null): PageMetadata {
  const els: Element[] = [];
  gather(root.children, els);
  const meta = new Map<string, string>();
  let base = url;
  let canonical: string | null = null;
  let htmlLang: string | null = null;
  let titleTag: string | null = null;
  const h1s: string[] = [];
  let timeDate: string | null = null;
  let h1Count = 0;
  let timeCount = 0;
  const itemprops = new Map<string, string>();
  const ldScripts: Element[] = [];
  let relAuthor: string | null = null;

  for (const el of els) {
    const a = el.attribs;
    switch (el.name) {
      case 'meta': {
        const key = (a['property'] ?? a['name'] ?? a['http-equiv'] ?? a['itemprop'] ?? '').toLowerCase();
        const content = clean(a['content']);
        if (key !== '' && content !== null && !meta.has(key)) meta.set(key, content);
        break;
      }
      case 'link': {
        const rel = (a['rel'] ?? '').toLowerCase().split(/\s+/);
        if (rel.includes('canonical') && canonical === null) canonical = clean(a['href']);
        break;
      }
      case 'base':
        if (a['href'] !== undefined) base = absolute(a['href'], url) ?? base;
        break;
      case 'html':
        htmlLang ??= clean(a['lang'] ?? a['xml:lang']);
        break;
      case 'title':
        titleTag ??= clean(textContent(el.children, MAX_META_TEXT));
        break;
      case 'h1': {
        if (h1Count++ >= MAX_READ_PER_TAG) break;
        const t = clean(textContent(el.children, MAX_META_TEXT));
        if (t !== null) h1s.push(t);
        break;
      }
      case 'time':
        if (timeDate !== null || timeCount++ >= MAX_READ_PER_TAG) break;
        timeDate ??= normaliseDate(clean(a['datetime']) ?? clean(textContent(el.children, MAX_META_TEXT)));
        break;
      case 'script':
        ldScripts.push(el);
        break;
      default:
        break;
    }
    const prop = a['itemprop'];
    if (prop !== undefined && TEXT_ITEMPROPS.has(prop) && !itemprops.has(prop)) {
      const v = clean(a['content'] ?? a['datetime'] ?? (el.name === 'meta' ? undefined : textContent(el.children, MAX_META_TEXT)));
      if (v !== null) itemprops.set(prop, v);
    }
    if (a['rel'] === 'author' && el.name === 'a') relAuthor ??= clean(textContent(el.children, MAX_META_TEXT));
  }

  const ld = jsonLdObjects(ldScripts);
  const article = ld.find((o) => isArticleType(o['@type']) && (o['headline'] !== undefined || o['articleBody'] !== undefined)) ??
    ld.find((o) => isArticleType(o['@type']));
  const m = (k: string): string | null => meta.get(k) ?? null;
  const notUrl = (s: string | null): string | null => (s !== null && /^https?:\/\//.test(s) ? null : s);

  const title =
    clean(m('og:title')) ?? str(article?.['headline']) ?? m('twitter:title') ??
    (titleTag !== null ? stripSiteFromTitle(titleTag) : null) ?? h1s[0] ?? null;
  const byline =
    nameOf(article?.['author']) ?? notUrl(m('author')) ?? notUrl(m('article:author')) ?? m('byl') ??
    m('parsely-author') ?? m('dc.creator') ?? itemprops.get('author') ?? relAuthor;
  const published =
    normaliseDate(str(article?.['datePublished'])) ?? normaliseDate(m('article:published_time')) ??
    normaliseDate(m('og:published_time')) ?? normaliseDate(m('pubdate')) ?? normaliseDate(m('publishdate')) ??
    normaliseDate(m('publish-date')) ?? normaliseDate(m('date')) ?? normaliseDate(m('dc.date.issued')) ??
    normaliseDate(m('dc.date')) ?? normaliseDate(m('parsely-pub-date')) ?? normaliseDate(m('sailthru.date')) ??
    normaliseDate(itemprops.get('datePublished') ?? null) ?? timeDate;
  const language = normaliseLanguage(htmlLang) ?? normaliseLanguage(m('content-language')) ??
    normaliseLanguage(m('language')) ?? normaliseLanguage(m('og:locale')) ?? normaliseLanguage(str(article?.['inLanguage']));
  const publisher = article?.['publisher'];
  const siteName = m('og:site_name') ?? nameOf(publisher) ?? m('application-name') ?? null;
  const canonicalUrl = withoutTracking(absolute(canonical, base) ?? absolute(m('og:url'), base));
  const leadImage = absolute(m('og:image') ?? m('og:image:url') ?? m('twitter:image') ?? m('twitter:image:src') ?? imageOf(article?.['image']), base);
  const description = m('description') ?? m('og:description') ?? m('twitter:description') ?? str(article?.['description']);
  const articleBody = str(article?.['articleBody']);
  const otherTitles = [m('og:title'), str(article?.['headline']), m('twitter:title'), titleTag !== null ? stripSiteFromTitle(titleTag) : null, ...h1s]
    .filter((t): t is string => t !== null && t !== title);
  return { title, otherTitles: [...new Set(otherTitles)], byline, published, language, siteName, canonicalUrl, leadImage, description, articleBody };
}
