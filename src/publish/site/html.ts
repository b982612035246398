// An escaping tagged template for the site's pages. Every interpolated value is escaped as text
// unless it is a SafeHtml: markup that this module or our own templates produced. Third-party text
// (titles, paragraphs, outlet names) can therefore never become markup, whatever it contains.

import { escapeText } from '../../text/escape.js';

const SAFE = Symbol('safe-html');

export interface SafeHtml {
  readonly [SAFE]: true;
  readonly value: string;
}

const make = (value: string): SafeHtml => ({ [SAFE]: true, value });

export function isSafeHtml(x: unknown): x is SafeHtml {
  return typeof x === 'object' && x !== null && (x as { [SAFE]?: unknown })[SAFE] === true;
}

type Value = string | number | SafeHtml | null | undefined | false | readonly Value[];

function render(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (Array.isArray(v)) return v.map(render).join('');
  if (isSafeHtml(v)) return v.value;
  return escapeText(String(v));
}

/** html`<p>${text}</p>`: interpolations escaped; arrays joined; null/undefined/false dropped. */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return make(out);
}

/** Marks markup as safe. Only for strings built by our own code (never from a source). */
export function trusted(markup: string): SafeHtml {
  return make(markup);
}

export function join(parts: readonly SafeHtml[], sep = ''): SafeHtml {
  return make(parts.map((p) => p.value).join(escapeText(sep)));
}

/** The URL if it is absolute http(s), normalised; null for anything else (javascript:, data:, relative). */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

/** A link to a source: an <a> only for http(s) URLs (no referrer, new context); text otherwise. */
export function externalLink(url: string | null | undefined, text: string | SafeHtml): SafeHtml {
  const href = safeHttpUrl(url);
  return href
    ? html`<a href="${href}" rel="noopener noreferrer nofollow" referrerpolicy="no-referrer">${text}</a>`
    : html`<span class="nolink">${text}</span>`;
}

// An http(s) address written in running text, up to whitespace or a character no URL holds bare.
const URL_IN_TEXT = /https?:\/\/[^\s<>"'\u3000-\u303f\uff01-\uff5e]+/g;
// Punctuation that ends a sentence rather than the address ("see https://x.example/a.").
const URL_TRAILER = /[.,;:!?)\]}]+$/;

/** Text with each http(s) address in it made a link (externalLink); everything else escaped. */
export function linkified(text: string): SafeHtml {
  const parts: SafeHtml[] = [];
  let at = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const url = m[0].replace(URL_TRAILER, '');
    if (safeHttpUrl(url) === null) continue;
    parts.push(html`${text.slice(at, m.index)}`, externalLink(url, url));
    at = m.index + url.length;
  }
  parts.push(html`${text.slice(at)}`);
  return join(parts);
}

/** A third-party image, by URL only, never sending a referrer; nothing for non-http(s) URLs. */
export function externalImage(url: string | null | undefined, alt: string): SafeHtml {
  const src = safeHttpUrl(url);
  return src ? html`<img src="${src}" alt="${alt}" loading="lazy" referrerpolicy="no-referrer">` : html``;
}
