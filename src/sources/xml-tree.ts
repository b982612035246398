// A forgiving XML reader for feeds: text in, element tree out, with every departure from well-formed
// XML listed (line and column) instead of thrown. What it recovers from, and how:
// - a bare "&" is an "&"; an HTML entity (&nbsp;) undeclared in XML is read as in HTML; entities
//   declared in the DOCTYPE's internal subset are expanded (within a budget);
// - an end tag that closes an ancestor closes the elements left open inside it; an element closed so
//   keeps its text up to its first child element, and what follows goes back to its parent (an
//   unclosed <title> does not swallow the item's <link>); an unclosed HTML void element (<br>) keeps
//   nothing;
// - an end tag that closes nothing is dropped; a "<" that opens no tag is text;
// - the document may end inside elements (a cut-off feed): they are marked `complete: false`;
// - anything after the root element is ignored.
// CDATA is literal text. Namespaces are resolved; an undeclared prefix is reported and kept as written.
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';

export interface XmlProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface XmlElement {
  readonly kind: 'element';
  /** The name as written, e.g. "dc:creator". */
  readonly name: string;
  /** Namespace URI, or null for none (or an undeclared prefix). */
  ns: string | null;
  readonly prefix: string | null;
  readonly local: string;
  /** Attributes by name as written, values decoded. */
  readonly attrs: Map<string, string>;
  readonly children: XmlNode[];
  readonly line: number;
  readonly column: number;
  /** False when the document ended before this element was closed. */
  complete: boolean;
  parent: XmlElement | null;
}

export interface XmlText {
  readonly kind: 'text';
  text: string;
  /** True for a CDATA section. */
  readonly cdata: boolean;
}

export type XmlNode = XmlElement | XmlText;

export interface XmlDocument {
  readonly root: XmlElement | null;
  readonly problems: readonly XmlProblem[];
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const HTML_VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'area', 'base', 'col', 'embed', 'param', 'source', 'track', 'wbr']);
/** Elements nested deeper than this are read as their text only. */
const MAX_DEPTH = 512;
/** Total characters entity expansion may add (a "billion laughs" DOCTYPE stops here). */
const MAX_EXPANSION = 1_000_000;
const MAX_PROBLEMS = 50;

const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
const NAME_CHARS = /[\w:.\-\u00B7\u00C0-\uFFFF]*/y;

export function parseXml(text: string): XmlDocument {
  return new Reader(text).read();
}

class Reader {
  private pos = 0;
  private readonly problems: XmlProblem[] = [];
  private problemCount = 0;
  private readonly lineStarts: number[] = [0];
  private readonly entities = new Map<string, string>();
  private expansion = 0;
  private readonly htmlEntityNotes = new Set<string>();
  private bareAmpersandNoted = false;
  private root: XmlElement | null = null;
  private readonly stack: XmlElement[] = [];
  private rootClosed = false;
  private junkNoted = false;
  private deepNoted = false;
  /** Names of the open elements nested past MAX_DEPTH (read as text), innermost last, and how many of each. */
  private readonly skipped: string[] = [];
  private readonly skippedCount = new Map<string, number>();

  constructor(private readonly src: string) {
    for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  read(): XmlDocument {
    const s = this.src;
    while (this.pos < s.length) {
      const lt = s.indexOf('<', this.pos);
      if (lt === -1) {
        this.text(s.slice(this.pos), this.pos);
        this.pos = s.length;
        break;
      }
      if (lt > this.pos) this.text(s.slice(this.pos, lt), this.pos);
      this.pos = lt;
      if (s.startsWith('<!--', lt)) this.comment();
      else if (s.startsWith('<![CDATA[', lt)) this.cdata();
      else if (s.startsWith('<?', lt)) this.instruction();
      else if (s.startsWith('<!', lt)) this.declaration();
      else if (s[lt + 1] === '/') this.endTag();
      else if (NAME_START.test(s[lt + 1] ?? '')) this.startTag();
      else {
        this.problem(lt, 'a "<" that opens no tag, read as text');
        this.text('<', lt, true);
        this.pos = lt + 1;
      }
    }
    if (this.root === null) this.problem(s.length, 'no root element');
    for (const open of this.stack) {
      open.complete = false;
    }
    if (this.stack.length > 0) {
      const innermost = this.stack[this.stack.length - 1]!;
      this.problem(s.length, `the document ends inside <${innermost.name}> (opened at line ${innermost.line}, column ${innermost.column})`);
    }
    if (this.problemCount > MAX_PROBLEMS) {
      this.problems.push({ ...this.where(s.length), message: `${this.problemCount - MAX_PROBLEMS} more XML problems not listed` });
    }
    return { root: this.root, problems: this.problems };
  }

  private where(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  private problem(offset: number, message: string): void {
    this.problemCount++;
    if (this.problemCount <= MAX_PROBLEMS) this.problems.push({ ...this.where(offset), message });
  }

  private get current(): XmlElement | null {
    return this.stack[this.stack.length - 1] ?? null;
  }

  /** Character data at `offset` (already decoded when `literal`). */
  private text(raw: string, offset: number, literal = false): void {
    const parent = this.current;
    if (parent === null) {
      if (raw.trim() !== '' && !/^\uFEFF\s*$/.test(raw)) this.junk(offset, this.root === null ? 'text before the root element' : 'text after the root element');
      return;
    }
    const value = literal ? raw : this.decode(raw, offset);
    const last = parent.children[parent.children.length - 1];
    if (last?.kind === 'text' && !last.cdata) last.text += value;
    else parent.children.push({ kind: 'text', text: value, cdata: false });
  }

  private junk(offset: number, what: string): void {
    if (this.rootClosed) {
      if (!this.junkNoted) this.problem(offset, `${what}: ignored`);
      this.junkNoted = true;
      return;
    }
    this.problem(offset, `${what}: ignored`);
  }

  /** Decodes entity and character references; reports what XML would refuse. */
  private decode(raw: string, offset: number, depth = 0): string {
    return fromC1(this.decodeReferences(raw, offset, depth));
  }

  private decodeReferences(raw: string, offset: number, depth: number): string {
    if (!raw.includes('&')) return raw;
    return raw.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z_][\w.-]*)?(;?)/g, (m, ref: string | undefined, semi: string, at: number) => {
      if (ref === undefined || semi === '') {
        if (!this.bareAmpersandNoted) this.problem(offset + at, 'a bare "&" (not "&amp;"), read as "&"');
        this.bareAmpersandNoted = true;
        if (ref !== undefined && ref.startsWith('#')) return m;
        return m;
      }
      if (ref.startsWith('#')) {
        const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0) {
          this.problem(offset + at, `an invalid character reference ${m}`);
          return '\uFFFD';
        }
        return String.fromCodePoint(code);
      }
      const predefined = PREDEFINED[ref];
      if (predefined !== undefined) return predefined;
      const declared = this.entities.get(ref);
      if (declared !== undefined) {
        if (depth > 8 || this.expansion + declared.length > MAX_EXPANSION) {
          this.problem(offset + at, `entity &${ref}; not expanded: entity expansion over its limit`);
          return '';
        }
        this.expansion += declared.length;
        return this.decodeReferences(declared, offset + at, depth + 1);
      }
      const html = htmlEntity(ref);
      if (html !== null) {
        if (!this.htmlEntityNotes.has(ref)) this.problem(offset + at, `entity &${ref}; is not defined in XML, read as in HTML`);
        this.htmlEntityNotes.add(ref);
        return html;
      }
      this.problem(offset + at, `unknown entity &${ref};, kept as written`);
      return m;
    });
  }

  private comment(): void {
    const end = this.src.indexOf('-->', this.pos + 4);
    if (end === -1) {
      this.problem(this.pos, 'a comment that is never closed');
      this.pos = this.src.length;
      return;
    }
    this.pos = end + 3;
  }

  private cdata(): void {
    const start = this.pos;
    const end = this.src.indexOf(']]>', start + 9);
    const body = this.src.slice(start + 9, end === -1 ? this.src.length : end);
    if (end === -1) this.problem(start, 'a CDATA section that is never closed');
    this.pos = end === -1 ? this.src.length : end + 3;
    const parent = this.current;
    if (parent === null) {
      if (body.trim() !== '') this.junk(start, 'a CDATA section outside the root element');
      return;
    }
    parent.children.push({ kind: 'text', text: fromC1(body), cdata: true });
  }

  private instruction(): void {
    const end = this.src.indexOf('?>', this.pos + 2);
    if (end === -1) {
      this.problem(this.pos, 'a processing instruction that is never closed');
      this.pos = this.src.length;
      return;
    }
    const body = this.src.slice(this.pos + 2, end);
    if (/^xml\s/i.test(body) && this.pos > 0 && this.src.slice(0, this.pos).replace(/^\uFEFF/, '').trim() !== '') {
      this.problem(this.pos, 'the XML declaration is not at the start of the document');
    }
    this.pos = end + 2;
  }

  /** <!DOCTYPE ...> with an optional internal subset, whose general entities are kept. */
  private declaration(): void {
    const start = this.pos;
    const s = this.src;
    let i = start + 2;
    let subset: string | null = null;
    for (; i < s.length; i++) {
      const c = s[i];
      if (c === '[') {
        const close = findSubsetEnd(s, i + 1);
        if (close === -1) break;
        subset = s.slice(i + 1, close);
        i = close;
      } else if (c === '"' || c === "'") {
        const q = s.indexOf(c, i + 1);
        if (q === -1) break;
        i = q;
      } else if (c === '>') break;
    }
    if (i >= s.length) {
      this.problem(start, 'a declaration that is never closed');
      this.pos = s.length;
      return;
    }
    this.pos = i + 1;
    if (!/^<!DOCTYPE\b/i.test(s.slice(start, start + 9))) {
      this.problem(start, 'an unexpected declaration, ignored');
      return;
    }
    if (this.root !== null) this.problem(start, 'a DOCTYPE inside the document, ignored');
    if (subset !== null) {
      const decl = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;
      for (let m = decl.exec(subset); m !== null; m = decl.exec(subset)) {
        const name = m[1]!;
        if (!this.entities.has(name)) this.entities.set(name, m[2] ?? m[3] ?? '');
      }
    }
  }

  private endTag(): void {
    const s = this.src;
    const start = this.pos;
    NAME_CHARS.lastIndex = start + 2;
    const name = NAME_CHARS.exec(s)![0];
    let i = start + 2 + name.length;
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (s[i] === '>') i++;
    else if (name !== '') {
      this.problem(start, `the end tag </${name}> is not finished`);
    }
    this.pos = name === '' ? start + 2 : i;
    if (name === '') {
      this.problem(start, 'an end tag with no name, read as text');
      this.text('</', start, true);
      return;
    }
    // An end tag of an element nested past the limit (not kept) closes it and those inside it; any
    // other end tag closes a kept element, and the skipped ones still open end with it.
    if (this.skipped.length > 0) {
      if ((this.skippedCount.get(name) ?? 0) > 0) {
        for (;;) {
          const top = this.skipped.pop()!;
          this.skippedCount.set(top, this.skippedCount.get(top)! - 1);
          if (top === name) return;
        }
      }
      this.skipped.length = 0;
      this.skippedCount.clear();
    }
    let at = this.stack.length - 1;
    while (at >= 0 && this.stack[at]!.name !== name) at--;
    if (at < 0) {
      at = this.stack.length - 1;
      while (at >= 0 && this.stack[at]!.name.toLowerCase() !== name.toLowerCase()) at--;
      if (at >= 0) this.problem(start, `the end tag </${name}> closes <${this.stack[at]!.name}> (case differs)`);
    }
    if (at < 0) {
      this.junk(start, this.rootClosed ? `content after the root element (</${name}>)` : `the end tag </${name}> closes no open element`);
      return;
    }
    while (this.stack.length - 1 > at) {
      const open = this.stack.pop()!;
      this.problem(start, `<${open.name}> opened at line ${open.line}, column ${open.column} is not closed before </${name}>`);
      hoist(open);
    }
    this.stack.pop();
    if (this.stack.length === 0) this.rootClosed = true;
  }

  private startTag(): void {
    const s = this.src;
    const start = this.pos;
    NAME_CHARS.lastIndex = start + 1;
    const name = NAME_CHARS.exec(s)![0];
    let i = start + 1 + name.length;
    const attrs = new Map<string, string>();
    let selfClosing = false;
    let finished = false;
    while (i < s.length) {
      while (i < s.length && /\s/.test(s[i]!)) i++;
      const c = s[i];
      if (c === '>') {
        i++;
        finished = true;
        break;
      }
      if (c === '/' && s[i + 1] === '>') {
        i += 2;
        selfClosing = true;
        finished = true;
        break;
      }
      if (c === '<') break;
      NAME_CHARS.lastIndex = i;
      const attr = NAME_CHARS.exec(s)![0];
      if (attr === '') {
        i++;
        continue;
      }
      i += attr.length;
      while (i < s.length && /\s/.test(s[i]!)) i++;
      if (s[i] !== '=') {
        this.problem(i, `attribute ${attr} of <${name}> has no value`);
        attrs.set(attr, '');
        continue;
      }
      i++;
      while (i < s.length && /\s/.test(s[i]!)) i++;
      const q = s[i];
      let value: string;
      if (q === '"' || q === "'") {
        const close = s.indexOf(q, i + 1);
        if (close === -1) {
          i = s.length;
          break;
        }
        value = s.slice(i + 1, close);
        i = close + 1;
      } else {
        const m = /[^\s>]*/y;
        m.lastIndex = i;
        value = m.exec(s)![0];
        i += value.length;
        this.problem(i - value.length, `attribute ${attr} of <${name}> is not quoted`);
      }
      if (value.includes('<')) this.problem(i, `attribute ${attr} of <${name}> contains "<"`);
      if (!attrs.has(attr)) attrs.set(attr, this.decode(value.replace(/[\t\n\r]/g, ' '), i));
    }
    if (!finished) {
      this.problem(start, `the start tag <${name}> is not finished`);
      this.pos = i;
      if (i >= s.length) {
        // Cut off inside a start tag: the element is incomplete, like any left open at the end.
        const el = this.open(name, attrs, start);
        if (el !== null) this.stack.push(el);
      }
      return;
    }
    this.pos = i;
    if (this.rootClosed || (this.root !== null && this.stack.length === 0)) {
      this.junk(start, `content after the root element (<${name}>)`);
      return;
    }
    if (this.stack.length >= MAX_DEPTH) {
      if (!this.deepNoted) this.problem(start, `elements nested more than ${MAX_DEPTH} deep: read as text`);
      this.deepNoted = true;
      if (!selfClosing) {
        this.skipped.push(name);
        this.skippedCount.set(name, (this.skippedCount.get(name) ?? 0) + 1);
      }
      return;
    }
    const el = this.open(name, attrs, start);
    if (el === null) return;
    if (!selfClosing) this.stack.push(el);
  }

  private open(name: string, attrs: Map<string, string>, start: number): XmlElement | null {
    const parent = this.current;
    const colon = name.indexOf(':');
    const prefix = colon > 0 ? name.slice(0, colon) : null;
    const local = colon > 0 ? name.slice(colon + 1) : name;
    const { line, column } = this.where(start);
    const el: XmlElement = { kind: 'element', name, ns: null, prefix, local, attrs, children: [], line, column, complete: true, parent };
    el.ns = this.namespaceOf(el, prefix, start);
    if (parent === null) {
      if (this.root !== null) return null;
      this.root = el;
    } else parent.children.push(el);
    return el;
  }

  private namespaceOf(el: XmlElement, prefix: string | null, offset: number): string | null {
    if (prefix === 'xml') return XML_NS;
    const attr = prefix === null ? 'xmlns' : `xmlns:${prefix}`;
    for (let e: XmlElement | null = el; e !== null; e = e.parent) {
      const v = e.attrs.get(attr);
      if (v !== undefined) return v === '' ? null : v;
    }
    if (prefix !== null && prefix !== 'xmlns') this.problem(offset, `namespace prefix "${prefix}" is not declared`);
    return null;
  }
}

// C1 control characters in feed text are Windows-1252 punctuation written with the wrong encoding
// (a "smart quote" 0x92 read as U+0092); HTML reads &#146; the same way. Unassigned ones are kept.
const C1_AS_1252 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function fromC1(text: string): string {
  return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => C1_AS_1252[c.charCodeAt(0) - 0x80]!) : text;
}

/** Index of the "]" that ends a DOCTYPE internal subset starting at `from`, skipping quoted text and comments. */
function findSubsetEnd(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === ']') return i;
    if (c === '"' || c === "'") {
      const q = s.indexOf(c, i + 1);
      if (q === -1) return -1;
      i = q;
    } else if (s.startsWith('<!--', i)) {
      const e = s.indexOf('-->', i + 4);
      if (e === -1) return -1;
      i = e + 2;
    }
  }
  return -1;
}

/**
 * An element closed by an ancestor's end tag: it keeps its text up to its first child element (all of
 * it if it holds no text, unless it is an HTML void element, which keeps nothing); the rest is moved
 * back to its parent, after it.
 */
function hoist(el: XmlElement): void {
  const parent = el.parent;
  if (parent === null) return;
  let cut: number;
  if (HTML_VOID.has(el.local.toLowerCase())) cut = 0;
  else {
    cut = el.children.length;
    let sawText = false;
    for (let i = 0; i < el.children.length; i++) {
      const c = el.children[i]!;
      if (c.kind === 'text') {
        if (c.text.trim() !== '') sawText = true;
      } else if (sawText || c.local === el.local) {
        cut = i;
        break;
      }
    }
  }
  if (cut >= el.children.length) return;
  const moved = el.children.splice(cut);
  for (const m of moved) if (m.kind === 'element') m.parent = parent;
  const at = parent.children.indexOf(el);
  parent.children.splice(at + 1, 0, ...moved);
}

const htmlEntityCache = new Map<string, string | null>();

/** The HTML named character reference `&name;`, or null when HTML has none by that name. */
function htmlEntity(name: string): string | null {
  const cached = htmlEntityCache.get(name);
  if (cached !== undefined) return cached;
  // htmlparser2 knows HTML's named references (with and without the semicolon); a name it does not
  // know comes back unchanged.
  const decoded = textContent(parseDocument(`&${name};`, { decodeEntities: true }).children);
  const value = decoded === `&${name};` ? null : decoded;
  if (htmlEntityCache.size < 1000) htmlEntityCache.set(name, value);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Reading the tree.

/** Text content of a node (CDATA included), in document order, without recursion limits. */
export function textOf(node: XmlNode): string {
  if (node.kind === 'text') return node.text;
  let out = '';
  const stack: XmlNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.kind === 'text') out += n.text;
    else for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

/** True when the element holds child elements (markup that was not escaped). */
export function hasElementChildren(el: XmlElement): boolean {
  return el.children.some((c) => c.kind === 'element');
}

/** The element's content as markup: child elements serialised, text escaped (CDATA included). */
export function innerMarkup(el: XmlElement): string {
  let out = '';
  for (const c of el.children) out += serialize(c);
  return out;
}

function serialize(node: XmlNode): string {
  if (node.kind === 'text') return escapeText(node.text);
  const parts: string[] = [];
  // Iterative, so depth costs no stack: ["open", node] pushes its children then its end tag.
  const work: Array<XmlNode | string> = [node];
  while (work.length > 0) {
    const n = work.pop()!;
    if (typeof n === 'string') {
      parts.push(n);
      continue;
    }
    if (n.kind === 'text') {
      parts.push(escapeText(n.text));
      continue;
    }
    const name = n.prefix !== null && (n.ns === 'http://www.w3.org/1999/xhtml' || n.prefix === 'xhtml') ? n.local : n.name;
    let attrs = '';
    for (const [k, v] of n.attrs) attrs += ` ${k}="${escapeAttr(v)}"`;
    if (n.children.length === 0 && HTML_VOID.has(name.toLowerCase())) {
      parts.push(`<${name}${attrs} />`);
      continue;
    }
    parts.push(`<${name}${attrs}>`);
    work.push(`</${name}>`);
    for (let i = n.children.length - 1; i >= 0; i--) work.push(n.children[i]!);
  }
  return parts.join('');
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
