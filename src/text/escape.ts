// Escaping for everything Tidings publishes as markup: the site's pages, the feeds (RSS, Atom,
// JSON Feed), the newsletter, the exports (WeChat HTML, content HTML, bilingual translation
// documents) and the HTML made at ingest from a feed item's plain text. One policy for all of them:
//
// Control characters. Dropped, before escaping:
//   - terminal escape sequences whole (ESC [ 2 J, not just the ESC, so no "[2J" is left behind),
//   - C0 controls other than tab and line feed (a carriage return too: HTML and XML readers turn
//     CR LF into LF anyway, and a lone CR can overwrite what a terminal shows), DEL, C1 controls,
//   - the bidi embedding, override and isolate controls (which make "exe.png" read as "gnp.exe"),
//   - what XML 1.0 forbids even escaped and the above leaves: lone surrogates, U+FFFE and U+FFFF.
// The first three are text/unsafe-chars.ts's plainText (also used at ingest and on the terminal);
// the last is added here because a feed holding one is not XML at all. Text that is valid for the
// site is therefore valid for a feed, and the site, the feeds and e-mail show the same characters.
//
// Markup. The five characters that can end text or an attribute value: & < > " '. The result is
// safe as HTML or XML element content and as a single- or double-quoted attribute value.

import { plainText } from './unsafe-chars.js';

/** Lone surrogates, U+FFFE and U+FFFF (with the u flag a surrogate pair is one code point and kept). */
const NOT_XML = /[\uD800-\uDFFF\uFFFE\uFFFF]/u;
const NOT_XML_ALL = /[\uD800-\uDFFF\uFFFE\uFFFF]/gu;

/** Text without the characters the policy above drops; markup characters are left as they are. */
export function cleanText(text: string): string {
  const plain = plainText(text);
  return NOT_XML.test(plain) ? plain.replace(NOT_XML_ALL, '') : plain;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML or XML element content and attribute values: cleanText, then & < > " ' escaped. */
export function escapeText(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
