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

/** Inline Markdown to plain text: images go, links keep their text, emphasis marks go. */
function plainInline(s: string): string {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
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
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading !== null) {
      flush();
      const text = plainInline(heading[2] ?? '');
      if (title === null && paragraphs.length === 0 && heading[1] === '#') title = text;
      else if (text !== '') paragraphs.push(text);
      continue;
    }
    if (/^\s*$/.test(line) || /^\s*(?:[-*_]\s*){3,}$/.test(line)) {
      flush();
      continue;
    }
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item !== null) {
      flush();
      buffer.push(item[1] ?? '');
      continue;
    }
    buffer.push(line.replace(/^\s*>\s?/, ''));
  }
  flush();
  return { title, paragraphs };
}
