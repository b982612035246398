// Markdown → title and plain paragraphs: enough of the syntax to read articles saved as .md
// (headings, lists, quotes, emphasis, links, images, code), not a renderer.

import { parse as parseYaml } from 'yaml';

export interface FrontMatter {
  readonly front: Record<string, unknown>;
  readonly body: string;
}

/** Splits a leading "---" YAML block off; a malformed block is left in the body as text. */
export function splitFrontMatter(markdown: string): FrontMatter {
  const text = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---\s*(?:\n|$)/.exec(text);
  if (m === null) return { front: {}, body: text };
  try {
    const data: unknown = parseYaml(m[1] ?? '');
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
      return { front: data as Record<string, unknown>, body: text.slice(m[0].length) };
    }
  } catch {
    // Not YAML after all: read it as text.
  }
  return { front: {}, body: text };
}

/**
 * Replaces each `<open>text](target)` (with `mid` and `end` for "(" and ")") by `render(text)`,
 * leftmost first, exactly as /\[([^\]]*)\]\(([^)]*)\)/g would, in one pass: the regex tries
 * every "[" again and reads to the same "]" each time, which is quadratic on a line of "[".
 */
function replaceBracketed(s: string, open: string, mid: string, end: string, render: (text: string) => string): string {
  let out = '';
  let from = 0;
  let i = s.indexOf(open);
  while (i !== -1) {
    const close = s.indexOf(']', i + open.length);
    if (close === -1) break;
    if (s.startsWith(mid, close + 1)) {
      const stop = s.indexOf(end, close + 1 + mid.length);
      // No end after this "]" means none after any later one either.
      if (stop === -1) break;
      out += s.slice(from, i) + render(s.slice(i + open.length, close));
      from = stop + 1;
      i = s.indexOf(open, from);
    } else {
      // Every start before `close` reaches the same "]" and fails the same way.
      i = s.indexOf(open, close + 1);
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** `<…>` (at least one character inside) replaced by a space, as /<[^>]+>/g would, in one pass. */
function replaceTags(s: string): string {
  let out = '';
  let from = 0;
  let i = s.indexOf('<');
  while (i !== -1) {
    const close = s.indexOf('>', i + 1);
    if (close === -1) break;
    if (close === i + 1) {
      i = s.indexOf('<', i + 1);
      continue;
    }
    out += `${s.slice(from, i)} `;
    from = close + 1;
    i = s.indexOf('<', from);
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Inline Markdown to plain text: images go, links keep their text, emphasis marks go. */
function plainInline(s: string): string {
  const links = replaceBracketed(replaceBracketed(replaceBracketed(s, '![', '(', ')', () => ' '), '[', '(', ')', (t) => t), '[', '[', ']', (t) => t);
  return replaceTags(links)
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Characters "." does not match: a line holding one is not read as a heading or list item. */
const LINE_BREAKS = /[\r\u2028\u2029]/;

/**
 * An ATX heading, as /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/ reads it (closing hashes dropped), without
 * the backtracking that regex does on a line of spaces.
 */
function headingOf(line: string): { level: number; text: string } | null {
  const open = /^\s{0,3}(#{1,6})\s+/.exec(line);
  if (open === null) return null;
  const rest = line.slice(open[0].length).trimEnd();
  let end = rest.length;
  while (end > 0 && rest[end - 1] === '#') end--;
  const text = rest.slice(0, end).trimEnd();
  return LINE_BREAKS.test(text) ? null : { level: open[1]!.length, text };
}

/** A list item's text, as /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/ reads it, in one pass. */
function listItemText(line: string): string | null {
  const marker = /^\s*(?:[-*+]|\d+[.)])\s+/.exec(line);
  if (marker === null) return null;
  const text = line.slice(marker[0].length);
  return LINE_BREAKS.test(text) ? null : text;
}

export function markdownParagraphs(body: string): { title: string | null; paragraphs: string[] } {
  const paragraphs: string[] = [];
  let title: string | null = null;
  let buffer: string[] = [];
  let fence: string | null = null;
  const flush = (): void => {
    const p = plainInline(buffer.join(' '));
    buffer = [];
    if (p !== '') paragraphs.push(p);
  };
  for (const line of body.split('\n')) {
    const fenceMark = /^\s*(```|~~~)/.exec(line)?.[1];
    if (fenceMark !== undefined) {
      if (fence === null) {
        flush();
        fence = fenceMark;
      } else if (fenceMark === fence) {
        fence = null;
        flush();
      }
      continue;
    }
    if (fence !== null) {
      buffer.push(line);
      continue;
    }
    const heading = headingOf(line);
    if (heading !== null) {
      flush();
      const text = plainInline(heading.text);
      if (title === null && paragraphs.length === 0 && heading.level === 1) title = text;
      else if (text !== '') paragraphs.push(text);
      continue;
    }
    if (/^\s*$/.test(line) || /^\s*(?:[-*_]\s*){3,}$/.test(line)) {
      flush();
      continue;
    }
    const item = listItemText(line);
    if (item !== null) {
      flush();
      buffer.push(item);
      continue;
    }
    buffer.push(line.replace(/^\s*>\s?/, ''));
  }
  flush();
  return { title, paragraphs };
}
