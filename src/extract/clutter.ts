// Removes page clutter from a list of paragraphs with the rules in clutter-rules.ts. Works on any
// text (HTML blocks, Markdown, plain text), so it sees words only, never markup.

import { CLUTTER_RULES, EDGE_CLUTTER, RELATED_HEADINGS } from './clutter-rules.js';

/** Lowercased letters and digits only: how two strings are compared as "the same words". */
export function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The name of the first rule the paragraph matches, or null when it is not clutter. */
export function clutterRule(paragraph: string): string | null {
  // Rules are written with straight apostrophes; "That’s all" is "That's all".
  const t = paragraph.trim().replace(/[‘’]/g, "'");
  if (t.length > 400) return null;
  const whole = ruleOf(t);
  if (whole !== null) return whole;
  // A paragraph of several sentences, each of them clutter of some kind ("Thanks for reading The
  // Weekly! Subscribe for free to get new posts."), is clutter too.
  const parts = t.split(/(?<=[.!?。！？])\s*(?=\S)/u).filter((p) => p !== '');
  if (parts.length < 2) return null;
  let first: string | null = null;
  for (const part of parts) {
    const name = ruleOf(part);
    if (name === null) return null;
    first ??= name;
  }
  return first;
}

function ruleOf(text: string): string | null {
  for (const rule of CLUTTER_RULES) if (rule.pattern.test(text)) return rule.name;
  return null;
}

/** A line that reads like a headline or link text, not a sentence: what related-article lists hold (a headline may ask a question). */
function isListLine(p: string): boolean {
  return p.length <= 120 && !/[.!。！]["”’)）]?$/.test(p);
}

/** A label above a headline ("Review", "Opinion", "Breaking news"): short, no sentence, no byline or date. */
const KICKER_CHARS = 40;
const isKicker = (p: string): boolean =>
  p.length <= KICKER_CHARS && !/[.!?。！？,，:：|｜\p{N}]/u.test(p) && !/^(?:by|from)\s/i.test(p);

/** Whether a paragraph is the page's title (alone, or with the site name, or cut short). */
function isTitle(p: string, title: string): boolean {
  const c = comparable(p);
  const withSite = c.startsWith(title) && c.length < title.length * 1.5;
  const cut = title.startsWith(c) && c.length >= title.length * 0.6;
  return c === title || (title.length >= 8 && (withSite || cut));
}

export function cleanParagraphs(paragraphs: readonly string[], context: { title?: string | null }): string[] {
  const out: string[] = [];
  const title = context.title ? comparable(context.title) : '';
  let inRelated = false;
  let leading = true;
  // Labels read above the title ("Review" over the headline): dropped with the title when it follows.
  let kickers = 0;
  for (const raw of paragraphs) {
    let p = raw
      .replace(/[\p{Cc}\uFFFD]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    for (const edge of EDGE_CLUTTER) p = p.replace(edge, ' ').trim();
    if (p === '') continue;
    if (RELATED_HEADINGS.some((re) => re.test(p))) {
      inRelated = true;
      continue;
    }
    if (inRelated) {
      if (isListLine(p)) continue;
      inRelated = false;
    }
    if (clutterRule(p) !== null) continue;
    // The title repeated at the top (alone, or with the site name) is not body text, nor are the
    // labels above it.
    if (leading && title !== '') {
      if (isTitle(p, title)) {
        out.splice(out.length - kickers, kickers);
        kickers = 0;
        continue;
      }
      if (kickers < 2 && isKicker(p)) {
        kickers++;
        out.push(p);
        continue;
      }
    }
    leading = false;
    out.push(p);
  }
  return out;
}
