// Markdown → title and plain paragraphs: enough of the syntax to read articles saved as .md
// (headings, lists, quotes, emphasis, links, images, code), not a renderer.

import { parse as parseYaml } from 'yaml';

export interface FrontMatter {
  readonly front: Record<string, unknown>;
  readonly body: string;
  /** Why a leading "---" block could not be read as YAML (it was then read line by line), else null. */
  readonly problem: string | null;
}

/** A front-matter line as a reader means it: `key: value`, the value taken whole as text. */
const LOOSE_FIELD = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/;

/**
 * The fields of a front matter that is not YAML, line by line (`title: OpenAI: what's next` has
 * a colon YAML refuses): each `key: value` line, the value as text without surrounding quotes.
 */
function looseFields(lines: readonly string[]): Record<string, unknown> {
  const front: Record<string, unknown> = {};
  for (const line of lines) {
    const m = LOOSE_FIELD.exec(line.trim());
    if (m === null || m[1]! in front) continue;
    const value = m[2]!
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2')
      .trim();
    if (value !== '') front[m[1]!] = value;
  }
  return front;
}

/** The first line of a YAML error ("Nested mappings are not allowed … at line 1, column 17"). */
function yamlMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? text).trim();
}

/**
 * Splits a leading "---" YAML block off. A block that is not YAML (or not a mapping), or one never
 * closed, is still front matter: its `key: value` lines are read one by one, and `problem` says
 * what was wrong, so a file never silently loses its title, date and link.
 */
export function splitFrontMatter(markdown: string): FrontMatter {
  const text = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---\s*(?:\n|$)/.exec(text);
  if (m === null) {
    // An opening "---" followed by field lines and no closing "---": the fields up to the first blank line.
    const open = /^---\n((?:[A-Za-z_][\w-]*\s*:.*\n?)+)/.exec(text);
    if (open === null) return { front: {}, body: text, problem: null };
    return {
      front: looseFields(open[1]!.split('\n')),
      body: text.slice(open[0].length),
      problem: 'front matter has no closing "---" line; read its fields line by line',
    };
  }
  const block = m[1] ?? '';
  const body = text.slice(m[0].length);
  let problem: string;
  try {
    const data: unknown = parseYaml(block);
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
      return { front: data as Record<string, unknown>, body, problem: null };
    }
    if (data === null) return { front: {}, body, problem: null };
    problem = 'front matter is not a list of fields; read it line by line';
  } catch (error) {
    problem = `front matter is not valid YAML (${yamlMessage(error)}); read its fields line by line`;
  }
  return { front: looseFields(block.split('\n')), body, problem };
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
  const links = replaceBracketed(
    replaceBracketed(
      replaceBracketed(s, '![', '(', ')', () => ' '),
      '[',
      '(',
      ')',
      (t) => t,
    ),
    '[',
    '[',
    ']',
    (t) => t,
  );
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

/** A line that ends a sentence: full stop, question or exclamation mark, ellipsis, maybe in quotes. */
const SENTENCE_END = /[.!?。！？…:：;；]["'”’»」』）)\]]*$/u;
/** Wider than any hard wrap (72-80 columns, Chinese counted double): a line written as a whole paragraph. */
const UNWRAPPED_COLUMNS = 100;

function columns(line: string): number {
  let n = 0;
  for (const ch of line) n += /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(ch) ? 2 : 1;
  return n;
}

/**
 * Whether a run of lines with no blank line between them is one paragraph per line (how many
 * archives save articles) rather than one paragraph hard-wrapped: at least two lines, some wider
 * than any hard wrap, and most ending a sentence. A wrapped paragraph breaks mid-sentence.
 */
export function isLinePerParagraph(lines: readonly string[]): boolean {
  const kept = lines.map((l) => l.trim()).filter((l) => l !== '');
  if (kept.length < 2) return false;
  const ends = kept.filter((l) => SENTENCE_END.test(l)).length;
  const wide = kept.filter((l) => l.length > UNWRAPPED_COLUMNS || columns(l) > UNWRAPPED_COLUMNS).length;
  if (wide >= 1 && ends >= Math.ceil(kept.length * 0.6) && ends >= 2) return true;
  // Short news paragraphs, one per line: a hard-wrapped text almost never ends (nearly) every line
  // with a full stop, so three or more lines that all end sentences are paragraphs too.
  return kept.length >= 3 && ends >= Math.ceil(kept.length * 0.9) && kept.every((l) => columns(l) >= 30);
}

export function markdownParagraphs(body: string): { title: string | null; paragraphs: string[] } {
  const paragraphs: string[] = [];
  let title: string | null = null;
  let buffer: string[] = [];
  let fence: string | null = null;
  const flush = (code = false): void => {
    // Code keeps its lines together; prose lines written one paragraph per line stay paragraphs.
    const parts = !code && isLinePerParagraph(buffer) ? buffer : [buffer.join(' ')];
    buffer = [];
    for (const part of parts) {
      const p = plainInline(part);
      if (p !== '') paragraphs.push(p);
    }
  };
  for (const line of body.split('\n')) {
    const fenceMark = /^\s*(```|~~~)/.exec(line)?.[1];
    if (fenceMark !== undefined) {
      if (fence === null) {
        flush();
        fence = fenceMark;
      } else if (fenceMark === fence) {
        fence = null;
        flush(true);
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
  flush(fence !== null);
  return { title, paragraphs };
}
