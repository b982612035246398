// Reads an OPML subscription list: every <outline> with an xmlUrl, at any depth. Folders (outlines
// without xmlUrl) give their titles to the entries inside them as the category.
import { XMLValidator } from 'fast-xml-parser';
import type { Document, Element } from 'domhandler';
import { fail, ok, type Result } from '../errors.js';
import { limitMessage, PageLimitError, type PageLimits } from '../extract/page-limits.js';
import { parseBounded } from '../extract/parse-html.js';
import { nonBlank } from './feed-draft.js';
import { resolveReference } from './resolve-link.js';

export interface OpmlEntry {
  title: string | null;
  /** Resolved against the file's base URL when it can be (http(s), or file: for an OPML read from disk); otherwise as written, for the fetcher to report. */
  xmlUrl: string;
  htmlUrl: string | null;
  language: string | null;
  /** The outline's own category attribute, else the titles of its enclosing folders joined by " / ". */
  category: string | null;
}

export interface OpmlOptions {
  /** Names the file in messages. */
  name?: string;
  /** The file's own location (http(s) or file: URL), for relative xmlUrl and htmlUrl. */
  baseUrl?: string;
  /** Bounds on the file's tree (default: a page's, PAGE_LIMITS). */
  limits?: PageLimits;
}

export function parseOpml(text: string, options: OpmlOptions = {}): Result<OpmlEntry[]> {
  const name = options.name ?? 'OPML file';
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') return fail('empty_input', `${name}: the OPML file is empty`, name);
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    return fail('bad_input', `${name}: malformed XML at line ${line}, column ${col}: ${msg}`, name);
  }
  let dom: Document;
  try {
    // The nesting, element and end-tag bounds of a page apply: folders need not nest 100,000 deep.
    dom = parseBounded(body, { xmlMode: true, decodeEntities: true }, options.limits);
  } catch (error) {
    if (error instanceof PageLimitError) return fail('too_large', limitMessage(name, error, 'OPML file'), name);
    throw error;
  }
  const root = dom.children.find((n): n is Element => n.type === 'tag');
  if (root === undefined || root.name.toLowerCase() !== 'opml') {
    return fail('unsupported', `${name}: not an OPML file (root element <${root?.name ?? '?'}>)`, name);
  }
  const body_ = root.children.find((n): n is Element => n.type === 'tag' && n.name.toLowerCase() === 'body');
  const entries: OpmlEntry[] = [];
  if (body_ !== undefined) collect(body_, options.baseUrl ?? null, entries);
  return ok(entries);
}

/** Attribute by case-insensitive name: exporters write xmlUrl, xmlurl and XMLURL. */
function attr(el: Element, key: string): string | null {
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(el.attribs)) if (k.toLowerCase() === lower) return nonBlank(v);
  return null;
}

/**
 * Every outline under `parent` in document order (an explicit stack: folders may nest deep). An
 * outline's `folders` is the titles of the folders around it joined by " / ", made once per folder.
 */
function collect(parent: Element, base: string | null, out: OpmlEntry[]): void {
  const stack: Array<{ readonly el: Element; readonly folders: string | null }> = [];
  const pushOutlines = (el: Element, folders: string | null): void => {
    for (let i = el.children.length - 1; i >= 0; i--) {
      const child = el.children[i]!;
      if (child.type === 'tag' && child.name.toLowerCase() === 'outline') stack.push({ el: child, folders });
    }
  };
  pushOutlines(parent, null);
  while (stack.length > 0) {
    const { el: child, folders } = stack.pop()!;
    const title = attr(child, 'title') ?? attr(child, 'text');
    const xmlUrl = attr(child, 'xmlUrl');
    if (xmlUrl !== null) {
      out.push({
        title,
        xmlUrl: resolveReference(xmlUrl, base) ?? xmlUrl,
        htmlUrl: resolveReference(attr(child, 'htmlUrl'), base),
        language: attr(child, 'language'),
        category: attr(child, 'category') ?? folders,
      });
    }
    pushOutlines(
      child,
      title === null || xmlUrl !== null ? folders : folders === null ? title : `${folders} / ${title}`,
    );
  }
}
