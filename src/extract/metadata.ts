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
    if (
      t === 'meta' ||
      t === 'link' ||
      t === 'base' ||
      t === 'html' ||
      t === 'time' ||
      t === 'title' ||
      t === 'h1' ||
      (t === 'script' && /ld\+json/i.test(el.attribs.type ?? '')) ||
      el.attribs.itemprop !== undefined ||
      el.attribs.rel === 'author' ||
      isBylineElement(el) ||
      isPublishedElement(el) ||
      isEditorElement(el)
    ) {
      out.push(el);
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
}

/** Class or id words of the element that shows the author's name ("pb-byline", "author__name", "article-body__byline"). */
const BYLINE_NAMES = /(?:^|[\s_-])(?:by-?lines?|authors?|author-?names?|authorname|writers?)(?=$|\s|[_-](?!\d))/i;
/** Elements that may carry a page-wide class ("author-4326" on the body of an author's post). */
const NOT_BYLINE_TAGS: ReadonlySet<string> = new Set([
  'meta',
  'link',
  'html',
  'body',
  'main',
  'article',
  'section',
  'img',
  'script',
  'style',
]);
/** Parts of a byline that are not the name: its date, its time, a comment count. */
const BYLINE_EXTRAS = /date|time|stamp|comment|count|share|title|role|job/i;
const INLINE_TAGS: ReadonlySet<string> = new Set([
  'a',
  'span',
  'b',
  'strong',
  'em',
  'i',
  'u',
  'small',
  'font',
  'abbr',
  'cite',
  'address',
  'bdi',
  'mark',
]);

/**
 * The first line of a byline element: its text up to the first block that follows some text (the
 * name before an author's job title), without the parts that carry a date, time or count.
 */
function bylineText(el: Element): string {
  const parts: string[] = [];
  let length = 0;
  const stack: Array<AnyNode | null> = [...el.children].reverse();
  while (stack.length > 0 && length < 300) {
    const n = stack.pop()!;
    if (n === null) continue;
    if (n.type === 'text') {
      const d = (n as { data: string }).data;
      parts.push(d);
      length += d.length;
      continue;
    }
    if (n.type !== 'tag') continue;
    const c = n as Element;
    if (
      BYLINE_EXTRAS.test(`${c.attribs.class ?? ''} ${c.attribs.id ?? ''}`) ||
      c.name === 'time' ||
      c.name === 'script' ||
      c.name === 'style'
    )
      continue;
    const block = !INLINE_TAGS.has(c.name);
    if (block && parts.join('').trim() !== '') break;
    if (c.name === 'br') {
      if (parts.join('').trim() !== '') break;
      continue;
    }
    parts.push(' ');
    for (let i = c.children.length - 1; i >= 0; i--) stack.push(c.children[i]!);
  }
  return parts.join('');
}
/** Words of an author's picture, biography or follow button, not the name line. */
const NOT_BYLINE_NAMES = /bio|avatar|photo|image|img|pic|follow|social|about|more|info|box|list|nav|menu/i;

/** A microformat (hAtom, h-entry) publication date: class "published" or "dt-published". */
function isPublishedElement(el: Element): boolean {
  return (
    /(?:^|\s)(?:dt-)?published(?:$|\s)/.test(el.attribs.class ?? '') && el.name !== 'body' && el.name !== 'article'
  );
}

/** The element that credits the page's editor ("责任编辑：…", span#editor). */
function isEditorElement(el: Element): boolean {
  return /(?:^|[\s_-])(?:editors?|zrbj|bianji)(?=$|[\s_-])/i.test(`${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`);
}

/** Whether the page credits `name` as its editor, not its author (an author meta tag often holds the editor on Chinese sites). */
function creditedAsEditor(name: string, editorText: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:责任编辑|编辑|editor|edited by)\\s*[:：]?\\s*${escaped}(?![\\p{L}])`, 'iu').test(editorText);
}

/** A <time> that says when the page was changed, not when it was published. */
function isModifiedTime(el: Element): boolean {
  const a = el.attribs;
  return (
    /dateModified/i.test(a.itemprop ?? '') ||
    (/(?:^|[\s_-])(?:updated|modified|lastmod)/i.test(a.class ?? '') && !/published/i.test(a.class ?? ''))
  );
}

function isBylineElement(el: Element): boolean {
  const names = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  return !NOT_BYLINE_TAGS.has(el.name) && BYLINE_NAMES.test(names) && !NOT_BYLINE_NAMES.test(names);
}

const MONTH_WORD = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
/** Where the name ends on a byline line: a date, a time, a handle, a separator, "Updated". */
const BYLINE_TAIL = new RegExp(
  String.raw`\s*(?:\b${MONTH_WORD}\s+\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+${MONTH_WORD}\s+\d{4}|\b\d{4}[-/.年]\d{1,2}|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\b\d{1,2}:\d{2}|@\w|\s[|•·—–]\s|\b(?:updated|published|posted|last updated)\b|\d+\s*(?:min|minutes?)\s+read).*$`,
  'i',
);

/**
 * The author's name from a byline written on the page ("By Jane Doe", "by Steven Musil January 18,
 * 2017 11:00 PM PST @stevenmusil", "Par Sébastien Farcis"): the name without the "By" before it and
 * the date, time or handle after it; null when what is left does not look like a name.
 */
export function bylineName(raw: string | null): string | null {
  if (raw === null) return null;
  let t = raw.replace(/\s+/g, ' ').trim();
  t = t.replace(/^(?:(?:written|posted|reported|words|story|text)\s+)?(?:by|par|por|von|door|di|av|af)\b[:\s]*/i, '');
  t = t.replace(/^(?:作者|文|记者|撰文)\s*[:：|｜/]?\s*/u, '');
  t = t
    .replace(BYLINE_TAIL, '')
    .replace(/[\s,;:|•·—–-]+$/u, '')
    .trim();
  if (t.length < 2 || t.length > 80 || !/^[\p{L}\p{M}]/u.test(t) || /[.!?。！？]\s+\p{L}/u.test(t)) return null;
  if (t.split(/\s+/).length > 10) return null;
  return t;
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
const TRACKING =
  /^(?:utm_\w+|pk_\w+|mtm_\w+|fbclid|gclid|dclid|msclkid|twclid|igshid|mc_cid|mc_eid|ref|ref_src|referrer|src|via|share|spm|scm|from|cmpid|ncid|ocid|_hsenc|_hsmi|mkt_tok)$/i;

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

/** The two-letter language codes of ISO 639-1. */
const ISO_639_1 = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es ' +
    'et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj ' +
    'kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ' +
    'ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti ' +
    'tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
);
/** Three-letter values that pages put in lang="" and that are character sets or placeholders, not languages. */
const NOT_LANGUAGES = new Set([
  'utf',
  'iso',
  'gbk',
  'big',
  'win',
  'euc',
  'jis',
  'koi',
  'ucs',
  'und',
  'mul',
  'zxx',
  'mis',
  'xxx',
  'asc',
]);

/** 'zh-Hans-CN', 'zh_CN', 'EN-us' → 'zh', 'zh', 'en'; a value that is no language ('utf-8', 'xx') → null. */
export function normaliseLanguage(tag: string | null): string | null {
  if (tag === null) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === 'cn' || primary === 'chinese') return 'zh';
  if (primary === 'english') return 'en';
  if (/^[a-z]{2}$/.test(primary)) return ISO_639_1.has(primary) ? primary : null;
  return /^[a-z]{3}$/.test(primary) && !NOT_LANGUAGES.has(primary) ? primary : null;
}

const pad = (n: string): string => n.padStart(2, '0');

/** Whether the day exists (no month 13, no 30 February). */
function realDay(y: string, m: string, d: string): boolean {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether the time of day exists (no 25:14, no minute 60; a leap second 60 is allowed). */
function realTime(h: string, m: string, s: string | undefined): boolean {
  return Number(h) <= 23 && Number(m) <= 59 && (s === undefined || Number(s) <= 60);
}

/** ISO 8601 from the date forms pages use; null when the string is not a date or not a real time. */
export function normaliseDate(raw: string | null): string | null {
  if (raw === null) return null;
  const s = raw.trim();
  const zh = /(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(s);
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (day !== null) return realDay(day[1]!, day[2]!, day[3]!) ? s : null;
  // ISO 8601 and the "2015-07-10 09:53:00 -0400" of some CMSes; the offset is kept (as the instant in UTC).
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|GMT|UTC|[+-]\d{2}(?::?\d{2})?)?(?![\d:])/i.exec(
      s,
    );
  if (iso !== null) {
    const [whole, y, mo, d, hh, mi, ss, frac, zone] = iso;
    if (!realDay(y!, mo!, d!) || !realTime(hh!, mi!, ss)) return null;
    const local = `${y}-${mo}-${d}T${hh}:${mi}${ss !== undefined ? `:${ss}${frac ?? ''}` : ''}`;
    if (zone === undefined)
      return whole.length === s.length || !/^\s*[+-]?\d/.test(s.slice(whole.length)) ? local : null;
    const offset = /^(?:Z|GMT|UTC)$/i.test(zone)
      ? 'Z'
      : zone.length === 3
        ? `${zone}:00`
        : zone.includes(':')
          ? zone
          : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    const at = new Date(`${y}-${mo}-${d}T${hh}:${mi}:${ss ?? '00'}${frac ?? ''}${offset}`);
    return Number.isNaN(at.getTime()) ? null : at.toISOString().replace('.000Z', 'Z');
  }
  if (zh !== null) {
    const [, y, m, d, hh, mm, ss] = zh;
    if (!realDay(y!, m!, d!) || (hh !== undefined && !realTime(hh, mm!, ss))) return null;
    const date = `${y}-${pad(m ?? '')}-${pad(d ?? '')}`;
    return hh === undefined ? date : `${date}T${pad(hh)}:${mm}:${ss ?? '00'}`;
  }
  // "05/29/2007 09:49:00": month and day only when one of them cannot be a month.
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (slash !== null) {
    const [, a, b, y, hh, mm, ss] = slash;
    const [mo, d] =
      Number(a) > 12 && Number(b) <= 12 ? [b!, a!] : Number(b) > 12 && Number(a) <= 12 ? [a!, b!] : [null, null];
    if (mo === null || d === null || !realDay(y!, mo, d) || (hh !== undefined && !realTime(hh, mm!, ss))) return null;
    const date = `${y}-${pad(mo)}-${pad(d)}`;
    return hh === undefined ? date : `${date}T${pad(hh)}:${mm}:${ss ?? '00'}`;
  }
  if (/^\d{10}$/.test(s)) return new Date(Number(s) * 1000).toISOString().replace('.000Z', 'Z');
  if (/[a-z]{3}/i.test(s) && /\d{4}/.test(s)) {
    const d = new Date(s);
    if (!Number.isNaN(d.getTime())) return d.toISOString().replace('.000Z', 'Z');
  }
  return null;
}

/**
 * A script's JSON without the wrappers pages put around it for old parsers: an HTML comment, a
 * CDATA section, each alone or behind a JavaScript comment (`//<![CDATA[ … //]]>`, or the same in a block comment).
 */
export function unwrapScript(text: string): string {
  let t = text.trim();
  for (;;) {
    const before = t;
    t = t
      .replace(/^(?:\/\/|\/\*)?\s*(?:<!\[CDATA\[|<!--)\s*(?:\*\/)?/, '')
      .replace(/(?:\/\/|\/\*)?\s*(?:\]\]>|-->)\s*(?:\*\/)?$/, '')
      .trim();
    if (t === before) return t;
  }
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
      visit(JSON.parse(unwrapScript(textContent(s.children))) as Json);
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
    else if (v !== null && typeof v === 'object' && v !== undefined) name = str(v.name);
    if (name !== null) names.push(name);
  }
  return names.length > 0 ? names.join(', ') : null;
}

function imageOf(value: Json | undefined): string | null {
  let v = value;
  while (Array.isArray(v)) v = v[0];
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && v !== undefined) return str(v.url) ?? str(v.contentUrl);
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

const titleWords = (s: string): string[] =>
  (
    s
      .toLowerCase()
      .normalize('NFKC')
      .match(/\p{Script=Han}|[\p{L}\p{N}]+/gu) ?? []
  ).filter((w) => w.length > 1 || /\p{Script=Han}/u.test(w));

/** Whether most words of `headline` are in `visible` (a title tag, an h1). */
function echoes(headline: string, visible: string): boolean {
  const words = titleWords(headline);
  if (words.length === 0) return false;
  const seen = new Set(titleWords(visible));
  return words.filter((w) => seen.has(w)).length / words.length >= 0.5;
}

/** Whether a title part names the site: the same name, or the site's name with more after it ("Spiceworks Inc"). */
function namesSite(part: string, siteName: string): boolean {
  const a = part.trim().toLowerCase();
  const b = siteName.trim().toLowerCase();
  if (a === '' || b === '') return false;
  if (a === b) return true;
  const startsWord = (long: string, short: string): boolean =>
    long.startsWith(short) && !/[\p{L}\p{N}]/u.test(long.charAt(short.length));
  return startsWord(b, a) || startsWord(a, b) || b.replace(/^www\./, '').split('.')[0] === a;
}

/**
 * "Headline - BBC News", "Headline | Site", "Site: Headline" → "Headline" when the part cut off
 * names the site; the title unchanged otherwise.
 */
export function withoutSiteName(title: string, siteName: string): { title: string; site: string | null } {
  const sep = /\s+[|\-–—»·:]\s+|\s*[_｜|]\s*|:\s+/gu;
  const cuts = [...title.matchAll(sep)];
  const last = cuts[cuts.length - 1];
  if (last !== undefined && last.index !== undefined) {
    const tail = title.slice(last.index + last[0].length);
    const head = title.slice(0, last.index).trim();
    if (namesSite(tail, siteName) && head.length > 0) return { title: head, site: tail.trim() };
  }
  const first = cuts[0];
  if (first !== undefined && first.index !== undefined) {
    const lead = title.slice(0, first.index);
    const rest = title.slice(first.index + first[0].length).trim();
    if (namesSite(lead, siteName) && rest.length > 0) return { title: rest, site: lead.trim() };
  }
  return { title, site: null };
}

/**
 * The headline in a title tag: the part an h1 repeats ("On Recent Controversial Events - Bradley
 * M. Kuhn" with that h1), else the longest part (stripSiteFromTitle).
 */
function titleFromTag(titleTag: string, h1s: readonly string[]): string {
  const parts = titleTag
    .split(/\s+[|\-–—»·]\s+|\s*[_｜|]\s*/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length >= 2) {
    const heads = new Set(h1s.slice(0, 5).map((h) => h.toLowerCase()));
    const repeated = parts.find((p) => heads.has(p.toLowerCase()));
    if (repeated !== undefined && repeated.length >= 10) return repeated;
  }
  const bracket = BRACKETED_TAIL.exec(titleTag);
  if (
    parts.length < 2 &&
    bracket !== null &&
    (bracket[1]!.length >= 10 ||
      /\p{Script=Han}{4}|[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]{4}/u.test(bracket[1]!))
  )
    return bracket[1]!;
  return stripSiteFromTitle(titleTag);
}

/** h1s looked at for the visible headline (later ones are section headings or teasers). */
const HEADLINE_H1S = 5;

/**
 * The headline as the page shows it: the first of the first h1s that is marked
 * itemprop="headline", or that says what the metadata title says (most words of each in the
 * other: "Headline | Author" in og:title, the page's own wording of a shortened og:title); never
 * the site's name, never a single word. Null when no h1 is that.
 */
function visibleHeadline(
  h1s: readonly string[],
  marked: ReadonlySet<number>,
  metadataTitle: string | null,
  siteName: string | null,
): string | null {
  for (let i = 0; i < Math.min(HEADLINE_H1S, h1s.length); i++) {
    const h = h1s[i]!;
    if (titleWords(h).length < 2 || (siteName !== null && namesSite(h, siteName))) continue;
    if (marked.has(i)) return h;
    if (metadataTitle !== null && echoes(metadataTitle, h) && echoes(h, metadataTitle)) return h;
  }
  return null;
}

/** Separators between a headline and the site in a title tag. */
const TITLE_SEPARATORS = /\s+[|\-–—»·✩]\s+|\s*[_｜|]\s*/u;
/** "Headline [Site]", "見出し＜サイト＞", "标题【网站】": a bracketed last part. */
const BRACKETED_TAIL = /^(.*\S)\s*(?:\[([^\]]+)\]|＜([^＞]+)＞|【([^】]+)】|<([^>]+)>)$/u;
/** A site name written as its domain: "Le Monde.fr", "Factorio.com". */
const DOMAIN_FORM = /^([^.]*[^.\s])\.(?:com|net|org|info|co\.uk|[a-z]{2})$/i;
/** A name, not a headline: at most this many words. */
const SITE_NAME_WORDS = 5;

const bare = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, '');

/**
 * The site's name from the page's other namings of it: og:site_name's name without its motto
 * ("Mozilla Hacks – the Web developer blog"), without a domain ending that the publisher or title
 * tag leaves off ("Le Monde.fr" with a Le Monde publisher), in the title tag's spelling when that
 * only adds spaces ("HeraldSun", "| Herald Sun"). With no named site: the part of the title tag
 * that is not the headline ("Headline | Blog Name", "Headline [LWN.net]", "Blog Name: Headline").
 */
function refineSiteName(
  siteName: string | null,
  titleTag: string | null,
  title: string | null,
  publishers: ReadonlyArray<string | null>,
): string | null {
  const tagParts =
    titleTag === null
      ? []
      : titleTag
          .split(TITLE_SEPARATORS)
          .map((p) => p.trim())
          .filter((p) => p !== '');
  const namings = [...publishers.filter((p): p is string => p !== null), ...tagParts];
  if (siteName !== null) {
    let name = siteName;
    const motto = /^(.+?)\s+[–—|-]\s+(.+)$/u.exec(name);
    if (motto !== null && motto[2]!.split(/\s+/).length >= 3 && motto[1]!.split(/\s+/).length <= 4)
      name = motto[1]!.trim();
    // "Spiceworks Inc" when the title tag and publisher say "Spiceworks": the brand, not the company.
    const company = /^(.+?),?\s+(?:inc|ltd|llc|limited|gmbh|corp|corporation|plc|s\.?a)\.?$/iu.exec(name);
    if (company !== null && namings.some((n) => n.toLowerCase() === company[1]!.toLowerCase())) name = company[1]!;
    const domain = DOMAIN_FORM.exec(name);
    if (domain !== null) {
      const plain = namings.find((n) => n.toLowerCase() === domain[1]!.toLowerCase());
      if (plain !== undefined) name = plain;
    }
    if (!/\s/.test(name)) {
      const spaced = tagParts.find((p) => /\s/.test(p) && bare(p) === bare(name));
      if (spaced !== undefined) name = spaced;
    }
    return name;
  }
  if (titleTag === null || title === null) return null;
  const head = bare(title);
  if (head === '') return null;
  let site: string | null = null;
  const bracket = BRACKETED_TAIL.exec(titleTag);
  if (bracket !== null && bare(bracket[1]!) === head)
    site = bracket[2] ?? bracket[3] ?? bracket[4] ?? bracket[5] ?? null;
  else if (tagParts.length >= 2 && bare(tagParts[0]!) === head) site = tagParts[tagParts.length - 1]!;
  else if (tagParts.length >= 2 && bare(tagParts[tagParts.length - 1]!) === head) site = tagParts[0]!;
  else {
    const colon = /^([^:]{2,40}):\s+(.+)$/u.exec(titleTag);
    if (colon !== null && bare(colon[2]!) === head) site = colon[1]!;
  }
  if (site === null) return null;
  site = site.replace(/(?:\s*\([^()]*\))+$/u, '').trim();
  // Not a document's identifier ("draft-ietf-remotestorage-04") or a date.
  const identifier = /^[\p{L}\d]+(?:[-_][\p{L}\d]+){2,}$/u.test(site);
  return site !== '' && !identifier && site.split(/\s+/).length <= SITE_NAME_WORDS && !/^\d/.test(site) ? site : null;
}

/**
 * A byline without what is not a name: an address in brackets ("Bradley M. Kuhn
 * (http://ebb.org/bkuhn/)"), and co-authors in brackets written out ("A (avec B et C)" → "A, B, C").
 */
function tidyByline(byline: string | null): string | null {
  if (byline === null) return null;
  let t = byline
    .replace(/\s*[(<]\s*(?:https?:\/\/|www\.|mailto:)[^)>]*[)>]/giu, '')
    .replace(/\s*https?:\/\/\S+/giu, '')
    .trim();
  const co = /^(.+?)\s*\(\s*(?:with|avec|mit|con|com)\s+(.+?)\s*\)$/iu.exec(t);
  if (co !== null)
    t = [co[1]!, ...co[2]!.split(/\s*(?:,|\band\b|\bet\b|\bund\b|\by\b|\be\b|&)\s*/u)]
      .map((n) => n.trim())
      .filter((n) => n !== '')
      .join(', ');
  return t === '' ? null : t;
}

/** "2017-11-03 03:01" → "2017-11-03T03:01": a date-time's wall-clock time as written. */
const wallClock = (raw: string): string | null =>
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(raw.trim())?.slice(1).join('T') ?? null;

/**
 * The first publication date the sources give, in order of trust. When it has no zone and a later
 * source writes the same wall-clock time with one (JSON-LD "2017-11-03 03:01:00", a meta tag
 * "2017-11-03T03:01:00-04:00"), that one: the same moment, now an instant.
 */
function withZoneWhenShown(sources: ReadonlyArray<string | null>): string | null {
  const dates = sources.map((raw) => ({ raw, date: normaliseDate(raw) }));
  const first = dates.find((d) => d.date !== null);
  if (first === undefined) return null;
  const chosen = first.date!;
  if (!/T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(chosen)) return chosen;
  const wall = chosen.slice(0, 16);
  const zoned = dates.find(
    (d) => d.date !== null && d.raw !== null && /(?:Z|[+-]\d{2}:?\d{2})$/.test(d.date) && wallClock(d.raw) === wall,
  );
  return zoned?.date ?? chosen;
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
  /** Indexes in h1s of the h1s marked itemprop="headline". */
  const markedH1s = new Set<number>();
  let timeDate: string | null = null;
  let timeRaw: string | null = null;
  let hatomDate: string | null = null;
  let hatomRaw: string | null = null;
  let h1Count = 0;
  let timeCount = 0;
  const itemprops = new Map<string, string>();
  const ldScripts: Element[] = [];
  let relAuthor: string | null = null;
  let shownByline: string | null = null;
  let editorText = '';

  for (const el of els) {
    const a = el.attribs;
    switch (el.name) {
      case 'meta': {
        // RDFa lets one tag carry several properties ("og:title twitter:title"); Dublin Core is
        // written "DC.title" or "dc:title".
        const keys = (a.property ?? a.name ?? a['http-equiv'] ?? a.itemprop ?? '').toLowerCase().split(/\s+/);
        const content = clean(a.content);
        if (content === null) break;
        for (const raw of keys) {
          const key = raw
            .replace(/^(dc|dcterms?)\./, (_, p: string) => `${p === 'dcterm' ? 'dcterms' : p}:`)
            .replace(/^dcterm:/, 'dcterms:');
          if (key !== '' && !meta.has(key)) meta.set(key, content);
        }
        break;
      }
      case 'link': {
        const rel = (a.rel ?? '').toLowerCase().split(/\s+/);
        if (rel.includes('canonical') && canonical === null) canonical = clean(a.href);
        break;
      }
      case 'base':
        if (a.href !== undefined) base = absolute(a.href, url) ?? base;
        break;
      case 'html':
        htmlLang ??= clean(a.lang ?? a['xml:lang']);
        break;
      case 'title':
        titleTag ??= clean(textContent(el.children, MAX_META_TEXT));
        break;
      case 'h1': {
        if (h1Count++ >= MAX_READ_PER_TAG) break;
        const t = clean(textContent(el.children, MAX_META_TEXT));
        if (t !== null) {
          if ((a.itemprop ?? '').split(/\s+/).includes('headline')) markedH1s.add(h1s.length);
          h1s.push(t);
        }
        break;
      }
      case 'time':
        if (timeDate !== null || timeCount++ >= MAX_READ_PER_TAG || isModifiedTime(el)) break;
        timeRaw = clean(a.datetime) ?? clean(textContent(el.children, MAX_META_TEXT));
        timeDate = normaliseDate(timeRaw);
        break;
      case 'script':
        ldScripts.push(el);
        break;
      default:
        break;
    }
    // itemprop is a list too ("author creator").
    for (const prop of (a.itemprop ?? '').split(/\s+/)) {
      if (!TEXT_ITEMPROPS.has(prop) || itemprops.has(prop)) continue;
      // <abbr itemprop="datePublished" title="2016-05-08T00:55:00-07:00">12:55 AM</abbr>
      const titled = prop === 'datePublished' && el.name === 'abbr' ? a.title : undefined;
      const v = clean(
        a.content ?? a.datetime ?? titled ?? (el.name === 'meta' ? undefined : textContent(el.children, MAX_META_TEXT)),
      );
      const value = prop === 'author' ? bylineName(v) : v;
      if (value !== null) itemprops.set(prop, value);
    }
    if (a.rel === 'author' && el.name === 'a') relAuthor ??= bylineName(textContent(el.children, MAX_META_TEXT));
    if (shownByline === null && isBylineElement(el)) shownByline = bylineName(bylineText(el));
    if (editorText.length < 2000 && isEditorElement(el)) editorText += ` ${textContent(el.children, 300)}`;
    if (hatomDate === null && isPublishedElement(el)) {
      hatomRaw = clean(a.datetime ?? a.title ?? a.content) ?? clean(textContent(el.children, 200));
      hatomDate = normaliseDate(hatomRaw);
    }
  }

  const ld = jsonLdObjects(ldScripts);
  const article =
    ld.find((o) => isArticleType(o['@type']) && (o.headline !== undefined || o.articleBody !== undefined)) ??
    ld.find((o) => isArticleType(o['@type']));
  const m = (k: string): string | null => meta.get(k) ?? null;
  const notUrl = (s: string | null): string | null => (s !== null && /^https?:\/\//.test(s) ? null : s);

  const publisher = article?.publisher;
  let siteName = m('og:site_name') ?? nameOf(publisher) ?? m('application-name') ?? null;
  // The page's other titles (title tag, first h1, og:title): when two of them agree and the JSON-LD
  // headline echoes none, the headline describes the page ("Wikimedia list article"), it is not its title.
  const others = [titleTag, h1s[0] ?? null, m('og:title')].filter((t): t is string => t !== null);
  const agreed = others.some((a, i) => others.some((b, j) => j > i && (echoes(a, b) || echoes(b, a))));
  const ldHeadline = str(article?.headline);
  const headline = ldHeadline !== null && (!agreed || others.some((v) => echoes(ldHeadline, v))) ? ldHeadline : null;
  const metaTitle = (k: string): string | null => {
    const t = clean(m(k));
    return t === null || siteName === null ? t : withoutSiteName(t, siteName).title;
  };
  // "Aktuálně.cz - Víte, co se právě děje" is the site "Aktuálně.cz" and its motto when the titles
  // end in "| Aktuálně.cz".
  for (const t of [m('og:title'), titleTag]) {
    if (t === null || siteName === null) continue;
    const { site } = withoutSiteName(t, siteName);
    if (
      site !== null &&
      site !== siteName &&
      siteName.toLowerCase().startsWith(site.toLowerCase()) &&
      /^\s*[-|–—:]/.test(siteName.slice(site.length))
    ) {
      siteName = site;
      break;
    }
  }
  const metadataTitle =
    headline ??
    metaTitle('dc:title') ??
    metaTitle('dcterms:title') ??
    metaTitle('og:title') ??
    metaTitle('twitter:title') ??
    metaTitle('parsely-title') ??
    metaTitle('weibo:article:title') ??
    (titleTag !== null ? titleFromTag(titleTag, h1s) : null) ??
    h1s[0] ??
    null;
  // What the reader sees as the headline: an h1 marked as the headline, or one that says what the
  // metadata title says (without the site or author the metadata adds, in the page's own wording).
  const title = visibleHeadline(h1s, markedH1s, metadataTitle, siteName) ?? metadataTitle;
  siteName = refineSiteName(siteName, titleTag, title, [
    nameOf(publisher),
    m('dc:publisher'),
    m('dcterms:publisher'),
    m('application-name'),
  ]);
  const credited = tidyByline(
    nameOf(article?.author) ??
      notUrl(m('dc:creator')) ??
      notUrl(m('dcterms:creator')) ??
      notUrl(m('author')) ??
      notUrl(m('article:author')) ??
      notUrl(m('og:article:author')) ??
      m('byl') ??
      m('parsely-author') ??
      itemprops.get('author') ??
      relAuthor ??
      shownByline,
  );
  const byline = credited !== null && creditedAsEditor(credited, editorText) ? null : credited;
  const dateSources = [
    str(article?.datePublished),
    m('article:published_time'),
    m('og:published_time'),
    m('pubdate'),
    m('publishdate'),
    m('publish-date'),
    m('publish_date'),
    m('published_at'),
    m('date'),
    m('dc:date.issued'),
    m('dc:date'),
    m('parsely-pub-date'),
    m('sailthru.date'),
    itemprops.get('datePublished') ?? null,
    hatomRaw,
    timeRaw,
  ];
  const published = withZoneWhenShown(dateSources);
  const language =
    normaliseLanguage(htmlLang) ??
    normaliseLanguage(m('content-language')) ??
    normaliseLanguage(m('language')) ??
    normaliseLanguage(m('og:locale')) ??
    normaliseLanguage(str(article?.inLanguage));
  const canonicalUrl = withoutTracking(absolute(canonical, base) ?? absolute(m('og:url'), base));
  const leadImage = absolute(
    m('og:image') ?? m('og:image:url') ?? m('twitter:image') ?? m('twitter:image:src') ?? imageOf(article?.image),
    base,
  );
  const description = m('description') ?? m('og:description') ?? m('twitter:description') ?? str(article?.description);
  const articleBody = str(article?.articleBody);
  const otherTitles = [
    m('og:title'),
    str(article?.headline),
    m('twitter:title'),
    titleTag !== null ? stripSiteFromTitle(titleTag) : null,
    ...h1s,
  ].filter((t): t is string => t !== null && t !== title);
  return {
    title,
    otherTitles: [...new Set(otherTitles)],
    byline,
    published,
    language,
    siteName,
    canonicalUrl,
    leadImage,
    description,
    articleBody,
  };
}
