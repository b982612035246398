// Tidings' feed reader over feedparser's public test suite (github.com/kurtmckee/feedparser, tests/).
// Each fixture carries an `Expect:` line, a Python expression about feedparser's result; the ones
// about fields Tidings models are evaluated against what `tidings feed --json` prints for the file.
// The suite is read from outside the repository and never copied into it:
//   git --git-dir=/work/.mirror/kurtmckee+feedparser/repo archive HEAD tests | tar -x -C /work/feedparser-tests
//   node --import tsx bench/feedparser.ts --dir /work/feedparser-tests/tests [--show-failures N] [--only substring]
// (or FEEDPARSER_TESTS=/work/feedparser-tests/tests). Skips with a message when the directory is absent.
//
// Modelled fields (feedparser name -> ours): feed title/title_detail.value -> title, feed link ->
// link, feed language -> language; entry title/title_detail.value -> title, link -> link, id/guid -> id,
// published_parsed/updated_parsed -> published/updated, author/author_detail.name -> author,
// summary/description/summary_detail.value -> summary, content[0].value -> content; bozo -> the feed
// was rejected or read with an XML problem. Text fields (titles, summary, content, author) are compared
// as text: markup dropped, entities decoded, whitespace collapsed, on both sides (feedparser keeps
// sanitized HTML; Tidings keeps plain text for titles and summaries). Links and ids are compared exactly.
// A field our record has as null (the feed has no such element) is absent, as a missing key is in
// feedparser; "" (the element is there with no text, e.g. an image-only title) is the empty text.
// An expectation that touches any other field (encoding, version, tags, *_detail.type, ...) is not
// comparable and is not counted.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { XMLValidator } from 'fast-xml-parser';
import { readFeedBytes, type FeedRecord } from '../src/cli/feed-command.js';

// ---------------------------------------------------------------------------------------------
// A small evaluator for the Python subset the Expect lines use.

class NotComparable extends Error {}
class PyError extends Error {}

type Tok = { t: 'name' | 'num' | 'str' | 'op'; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const strStart = /^([uUbBrR]{0,2})(['"])/.exec(src.slice(i, i + 3));
    if (strStart && (strStart[1] !== '' || c === "'" || c === '"')) {
      const prefix = strStart[1]!.toLowerCase();
      const q = strStart[2]!;
      i += strStart[0].length;
      const triple = src.startsWith(q + q, i);
      if (triple) i += 2;
      let s = '';
      for (;;) {
        if (i >= src.length) throw new PyError('unterminated string');
        if (triple ? src.startsWith(q + q + q, i) : src[i] === q) {
          i += triple ? 3 : 1;
          break;
        }
        const ch = src[i]!;
        if (ch === '\\' && !prefix.includes('r')) {
          const n = src[i + 1]!;
          const simple: Record<string, string> = {
            n: '\n',
            t: '\t',
            r: '\r',
            '\\': '\\',
            "'": "'",
            '"': '"',
            '0': '\0',
            a: '\x07',
            b: '\b',
            f: '\f',
            v: '\v',
          };
          if (n === 'x') {
            s += String.fromCodePoint(parseInt(src.slice(i + 2, i + 4), 16));
            i += 4;
          } else if (n === 'u') {
            s += String.fromCodePoint(parseInt(src.slice(i + 2, i + 6), 16));
            i += 6;
          } else if (n === 'U') {
            s += String.fromCodePoint(parseInt(src.slice(i + 2, i + 10), 16));
            i += 10;
          } else if (n === '\n') {
            i += 2;
          } else if (simple[n] !== undefined) {
            s += simple[n];
            i += 2;
          } else {
            s += '\\';
            i += 1;
          }
        } else {
          s += ch;
          i++;
        }
      }
      out.push({ t: 'str', v: s });
      continue;
    }
    const num = /^\d+(?:\.\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_]\w*/.exec(src.slice(i));
    if (name) {
      out.push({ t: 'name', v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = /^(==|!=|<=|>=|[()[\]{}.,:+\-<>%*])/.exec(src.slice(i));
    if (op) {
      out.push({ t: 'op', v: op[0] });
      i += op[0].length;
      continue;
    }
    throw new PyError(`cannot read "${src.slice(i, i + 10)}"`);
  }
  return out;
}

/** A modelled text field: compared as text. Ours is plain text or HTML (`html`); the expected value is HTML. */
class Text {
  constructor(
    readonly value: string,
    readonly html = false,
    readonly person = false,
  ) {}
}
const MISSING = Symbol('missing');

type Val = unknown;

/** A feedparser-like dict whose keys are checked against the modelled set. */
class View {
  constructor(
    readonly fields: ReadonlyMap<string, Val>,
    readonly modelled: ReadonlySet<string>,
    readonly where: string,
  ) {}
  get(key: string): Val {
    if (!this.modelled.has(key)) throw new NotComparable(`${this.where}.${key}`);
    const v = this.fields.get(key);
    return v === undefined ? MISSING : v;
  }
}

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'tr',
  'td',
  'th',
  'section',
  'article',
  'pre',
  'table',
]);

/** The text a reader sees in an HTML fragment: script and style dropped, blocks and <br> separate words. */
function htmlText(s: string): string {
  if (!s.includes('<') && !s.includes('&')) return collapse(s);
  const parts: string[] = [];
  const walk = (nodes: ReturnType<typeof parseDocument>['children']): void => {
    for (const n of nodes) {
      if (n.type === 'text') parts.push(n.data);
      else if ('children' in n) {
        const name = 'name' in n ? n.name.toLowerCase() : '';
        if (name === 'script' || name === 'style') continue;
        if (BLOCK.has(name)) parts.push(' ');
        walk(n.children);
        if (BLOCK.has(name)) parts.push(' ');
      }
    }
  };
  walk(parseDocument(s, { decodeEntities: true }).children);
  return collapse(parts.join(''));
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function pyEq(a: Val, b: Val): boolean {
  if (a instanceof Text || b instanceof Text) {
    const ours = a instanceof Text ? a : (b as Text);
    const expected = a instanceof Text ? b : a;
    if (expected instanceof Text) return ours.value === expected.value;
    if (typeof expected !== 'string') return false;
    // feedparser's value is HTML or, for a text/plain construct, literal text; the expectation does not say which.
    let wants = [htmlText(expected), collapse(expected)];
    // feedparser writes an author as "name (email)"; Tidings keeps the name.
    if (ours.person)
      wants = wants.map((w) =>
        w.replace(/^(.*?)\s*\([^()\s]+@[^()\s]+\)$/, '$1').replace(/^[^\s@]+@[^\s@]+\s*\((.+)\)$/, '$1'),
      );
    return wants.includes(ours.html ? htmlText(ours.value) : collapse(ours.value));
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => pyEq(v, b[i]));
  if (a instanceof View || b instanceof View) return false;
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a as object);
    const kb = Object.keys(b as object);
    return (
      ka.length === kb.length && ka.every((k) => pyEq((a as Record<string, Val>)[k], (b as Record<string, Val>)[k]))
    );
  }
  return a === b;
}

function truthy(v: Val): boolean {
  if (v instanceof Text) return v.value !== '';
  if (v === MISSING || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof View) return true;
  return true;
}

function present(v: Val): Val {
  if (v === MISSING) throw new PyError('KeyError');
  return v;
}

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly env: Record<string, Val>,
  ) {}
  private peek(v?: string): boolean {
    const t = this.toks[this.i];
    return t !== undefined && (v === undefined || ((t.t === 'op' || t.t === 'name') && t.v === v));
  }
  private take(v: string): void {
    if (!this.peek(v)) throw new PyError(`expected ${v}`);
    this.i++;
  }
  done(): boolean {
    return this.i >= this.toks.length;
  }
  // Evaluates eagerly; `and`/`or` still evaluate both sides so every field is checked for comparability.
  expr(): Val {
    let v = this.and();
    while (this.peek('or')) {
      this.i++;
      const w = this.and();
      v = truthy(v) ? v : w;
    }
    return v;
  }
  private and(): Val {
    let v = this.not();
    while (this.peek('and')) {
      this.i++;
      const w = this.not();
      v = truthy(v) ? w : v;
    }
    return v;
  }
  private not(): Val {
    if (this.peek('not')) {
      this.i++;
      return !truthy(this.not());
    }
    return this.comparison();
  }
  private comparison(): Val {
    let left = this.sum();
    let result: boolean | null = null;
    for (;;) {
      let op: string | null = null;
      if (this.peek('==') || this.peek('!=') || this.peek('<') || this.peek('>') || this.peek('<=') || this.peek('>='))
        op = this.toks[this.i++]!.v;
      else if (this.peek('is')) {
        this.i++;
        op = 'is';
        if (this.peek('not')) {
          this.i++;
          op = 'is not';
        }
      } else if (this.peek('in')) {
        this.i++;
        op = 'in';
      } else if (this.peek('not') && this.toks[this.i + 1]?.v === 'in') {
        this.i += 2;
        op = 'not in';
      }
      if (op === null) break;
      const right = this.sum();
      let r: boolean;
      switch (op) {
        case '==':
        case 'is':
          r = pyEq(present(left), present(right));
          break;
        case '!=':
        case 'is not':
          r = !pyEq(present(left), present(right));
          break;
        case 'in':
        case 'not in': {
          let has: boolean;
          if (right instanceof View) has = typeof left === 'string' && right.get(left) !== MISSING;
          else if (typeof right === 'string' || right instanceof Text)
            has = typeof left === 'string' && (right instanceof Text ? right.value : right).includes(left);
          else if (Array.isArray(right)) has = right.some((x) => pyEq(x, left));
          else throw new NotComparable('in');
          r = op === 'in' ? has : !has;
          break;
        }
        default:
          throw new NotComparable(op);
      }
      result = (result ?? true) && r;
      left = right;
    }
    return result ?? left;
  }
  private sum(): Val {
    let v = this.unary();
    while (this.peek('+')) {
      this.i++;
      const w = this.unary();
      if (typeof v === 'string' && typeof w === 'string') v = v + w;
      else if (typeof v === 'number' && typeof w === 'number') v = v + w;
      else throw new NotComparable('+');
    }
    return v;
  }
  private unary(): Val {
    if (this.peek('-')) {
      this.i++;
      const v = this.unary();
      if (typeof v !== 'number') throw new NotComparable('-');
      return -v;
    }
    return this.postfix();
  }
  private postfix(): Val {
    let v = this.atom();
    for (;;) {
      if (this.peek('[')) {
        this.i++;
        const key = this.expr();
        this.take(']');
        v = this.index(v, key);
      } else if (this.peek('.')) {
        this.i++;
        const name = this.toks[this.i++]!.v;
        if (name === 'get' && this.peek('(')) {
          this.i++;
          const key = this.expr();
          let dflt: Val = null;
          if (this.peek(',')) {
            this.i++;
            dflt = this.expr();
          }
          this.take(')');
          const got = v instanceof View ? v.get(String(key)) : MISSING;
          v = got === MISSING ? dflt : got;
        } else if (v instanceof View) v = v.get(name);
        else throw new NotComparable(`.${name}`);
      } else if (this.peek('(')) {
        throw new NotComparable('call');
      } else return v;
    }
  }
  private index(v: Val, key: Val): Val {
    v = present(v);
    if (v instanceof View) {
      if (typeof key !== 'string') throw new NotComparable('index');
      return v.get(key);
    }
    if (Array.isArray(v) && typeof key === 'number') {
      const x = v[key < 0 ? v.length + key : key];
      if (x === undefined) throw new PyError('IndexError');
      return x;
    }
    if (v instanceof Text && typeof key === 'number')
      return (
        v.value[key] ??
        (() => {
          throw new PyError('IndexError');
        })()
      );
    throw new NotComparable('index');
  }
  private atom(): Val {
    const t = this.toks[this.i++];
    if (t === undefined) throw new PyError('unexpected end');
    if (t.t === 'num') return Number(t.v);
    if (t.t === 'str') {
      let s = t.v;
      while (this.toks[this.i]?.t === 'str') s += this.toks[this.i++]!.v;
      return s;
    }
    if (t.t === 'name') {
      if (t.v === 'None') return null;
      if (t.v === 'True') return true;
      if (t.v === 'False') return false;
      if ((t.v === 'len' || t.v === 'ord') && this.peek('(')) {
        this.i++;
        const arg = present(this.expr());
        this.take(')');
        const s = arg instanceof Text ? arg.value : arg;
        if (t.v === 'len') {
          if (typeof s === 'string' || Array.isArray(s)) return s.length;
          throw new NotComparable('len');
        }
        if (typeof s !== 'string' || [...s].length !== 1) throw new PyError('ord');
        return s.codePointAt(0);
      }
      if (!(t.v in this.env)) throw new NotComparable(t.v);
      return this.env[t.v];
    }
    if (t.v === '(') {
      if (this.peek(')')) {
        this.i++;
        return [];
      }
      const first = this.expr();
      if (this.peek(')')) {
        this.i++;
        return first;
      }
      const items = [first];
      while (this.peek(',')) {
        this.i++;
        if (this.peek(')')) break;
        items.push(this.expr());
      }
      this.take(')');
      return items;
    }
    if (t.v === '[') {
      const items: Val[] = [];
      while (!this.peek(']')) {
        items.push(this.expr());
        if (this.peek(',')) this.i++;
      }
      this.i++;
      return items;
    }
    if (t.v === '{') {
      const obj: Record<string, Val> = {};
      while (!this.peek('}')) {
        const k = this.expr();
        this.take(':');
        obj[String(k)] = this.expr();
        if (this.peek(',')) this.i++;
      }
      this.i++;
      return obj;
    }
    throw new PyError(`unexpected ${t.v}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Our record as feedparser's result.

const FEED_KEYS = new Set(['title', 'title_detail', 'link', 'language']);
const ENTRY_KEYS = new Set([
  'title',
  'title_detail',
  'link',
  'id',
  'guid',
  'published_parsed',
  'updated_parsed',
  'author',
  'author_detail',
  'summary',
  'description',
  'summary_detail',
  'content',
]);

/** An ISO date as Python's time.struct_time in UTC: (y, m, d, H, M, S, weekday Mon=0, day of year, 0). */
function structTime(iso: string | null): Val {
  if (iso === null) return MISSING;
  const d = new Date(iso);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  const yday = Math.floor((d.getTime() - start) / 86_400_000) + 1;
  return [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    (d.getUTCDay() + 6) % 7,
    yday,
    0,
  ];
}

function detail(fields: Record<string, Val>, where: string): View {
  const map = new Map<string, Val>();
  for (const [k, v] of Object.entries(fields)) if (v !== MISSING) map.set(k, v);
  return new View(map, new Set(Object.keys(fields)), where);
}

function envOf(record: FeedRecord): Record<string, Val> {
  // A field Tidings read as absent (null) is absent here too (a KeyError in Python); a field present
  // with no text is "" in our record and compares equal to an expected value with no text.
  const feedFields = new Map<string, Val>();
  if (record.title !== null) {
    feedFields.set('title', new Text(record.title));
    feedFields.set('title_detail', detail({ value: new Text(record.title) }, 'feed.title_detail'));
  }
  if (record.link !== null) feedFields.set('link', record.link);
  if (record.language !== null) feedFields.set('language', record.language);
  const entries = record.items.map((item, i) => {
    const f = new Map<string, Val>();
    const set = (k: string, v: Val): void => void (v !== MISSING && f.set(k, v));
    if (item.title !== null) {
      f.set('title', new Text(item.title));
      f.set('title_detail', detail({ value: new Text(item.title) }, 'entry.title_detail'));
    }
    if (item.link !== null) f.set('link', item.link);
    if (item.id !== null) {
      f.set('id', item.id);
      f.set('guid', item.id);
    }
    set('published_parsed', structTime(item.published));
    // feedparser's updated_parsed falls back to published_parsed (its issue 310 compatibility mapping).
    set('updated_parsed', structTime(item.updated ?? item.published));
    if (item.author !== null) {
      f.set('author', new Text(item.author, false, true));
      f.set('author_detail', detail({ name: new Text(item.author, false, true) }, 'entry.author_detail'));
    }
    // feedparser's summary is the summary, else the (text or HTML) content.
    const summary =
      item.summary !== null ? new Text(item.summary) : item.content !== null ? new Text(item.content, true) : null;
    if (summary !== null) {
      f.set('summary', summary);
      f.set('description', summary);
      f.set('summary_detail', detail({ value: summary }, 'entry.summary_detail'));
    }
    if (item.content !== null) f.set('content', [detail({ value: new Text(item.content, true) }, 'entry.content[0]')]);
    return new View(f, ENTRY_KEYS, `entries[${i}]`);
  });
  return {
    bozo: !record.ok || !record.wellFormed,
    feed: new View(feedFields, FEED_KEYS, 'feed'),
    entries,
  };
}

// ---------------------------------------------------------------------------------------------

interface Fixture {
  readonly path: string;
  readonly bytes: Buffer;
  readonly expect: string;
  readonly contentType: string | null;
}

function listXml(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listXml(p));
    else if (name.endsWith('.xml')) out.push(p);
  }
  return out;
}

/** The fixture's comment header, read as feedparser's helpers read it (after a BOM-aware decode). */
function headerText(bytes: Buffer): string {
  const b = bytes;
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b);
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b);
  if (b[0] === 0x00 && b[1] === 0x3c) return new TextDecoder('utf-16be').decode(b);
  if (b[0] === 0x3c && b[1] === 0x00) return new TextDecoder('utf-16le').decode(b);
  return new TextDecoder('utf-8').decode(b).replace(/\0/g, '');
}

function loadFixture(path: string, root: string): Fixture | null {
  const bytes = readFileSync(path);
  const text = headerText(bytes);
  const m = /Description:\s*(.*?)\s*Expect:\s*(.*)\s*-->/.exec(text);
  if (!m) return null;
  const rel = relative(root, path);
  const header = /^Header:\s+Content-type:(.*)$/im.exec(text);
  const http = rel.includes('http');
  return { path: rel, bytes, expect: m[2]!.trim(), contentType: http ? (header?.[1]?.trim() ?? 'text/xml') : null };
}

type Outcome = 'pass' | 'fail' | 'not-comparable' | 'crash';

/**
 * The fixtures a strict, namespace-aware XML parser (Python's expat, on the raw bytes) refuses, or
 * null when python3 is not there (then fast-xml-parser's validator judges, which misses undeclared
 * entities and an unfinished last end tag).
 */
function expatIllFormed(files: readonly string[]): Set<string> | null {
  // expat reads only UTF-8, UTF-16, ISO-8859-1 and US-ASCII: a document in another encoding (Big5,
  // GB2312, UTF-32...) that Python's codecs read is transcoded to UTF-8 and parsed again, so that only
  // its XML, not expat's codec list, decides.
  const script = [
    'import sys, re, codecs, xml.parsers.expat',
    'def parse(data):',
    '    xml.parsers.expat.ParserCreate(namespace_separator=" ").Parse(data, True)',
    'def encoding_of(data):',
    '    if data[:4] in (b"\\x00\\x00\\xfe\\xff", b"\\x00\\x00\\x00<"): return "utf-32-be"',
    '    if data[:4] in (b"\\xff\\xfe\\x00\\x00", b"<\\x00\\x00\\x00"): return "utf-32-le"',
    '    m = re.match(rb"\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\\x22\\x27]([A-Za-z0-9._-]+)", data)',
    '    return m.group(1).decode("ascii") if m else None',
    'for path in sys.stdin.read().splitlines():',
    '    data = open(path, "rb").read()',
    '    try:',
    '        parse(data)',
    '        continue',
    '    except Exception:',
    '        pass',
    '    enc = encoding_of(data)',
    '    try:',
    '        if enc is None or codecs.lookup(enc).name in ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "iso8859-1", "ascii"): raise ValueError(enc)',
    '        text = data.decode(enc).lstrip("\\ufeff")',
    '        text = re.sub(r"^(\\s*<\\?xml[^>]*?encoding\\s*=\\s*)([\\x22\\x27])[^\\x22\\x27]*\\2", r"\\1\\2utf-8\\2", text)',
    '        parse(text.encode("utf-8"))',
    '    except Exception:',
    '        print(path)',
  ].join('\n');
  try {
    const out = execFileSync('python3', ['-c', script], {
      input: files.join('\n'),
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    return new Set(out.split('\n').filter((l) => l !== ''));
  } catch {
    return null;
  }
}

const FEED_PATHS = new Set(['', 'title', 'title_detail', 'title_detail.value', 'link', 'language']);
const ENTRY_PATHS = new Set([
  '',
  'title',
  'title_detail',
  'title_detail.value',
  'link',
  'id',
  'guid',
  'published_parsed',
  'updated_parsed',
  'author',
  'author_detail',
  'author_detail.name',
  'summary',
  'description',
  'summary_detail',
  'summary_detail.value',
  'content',
  'content.#',
  'content.#.value',
]);

/** Every feed/entries access in the expression is to a modelled field (read from its text, before evaluating). */
function comparablePaths(expr: string): boolean {
  const access = /\b(feed|entries)((?:\[\s*-?\d+\s*\]|\[\s*(?:'[^']*'|"[^"]*")\s*\]|\.[A-Za-z_]\w*)*)/g;
  for (let m = access.exec(expr); m !== null; m = access.exec(expr)) {
    const steps = [...m[2]!.matchAll(/\[\s*(-?\d+)\s*\]|\[\s*(?:'([^']*)'|"([^"]*)")\s*\]|\.([A-Za-z_]\w*)/g)].map(
      (s) => (s[1] !== undefined ? '#' : (s[2] ?? s[3] ?? s[4])!),
    );
    if (m[1] === 'entries') {
      if (steps[0] === '#') steps.shift();
      else if (steps.length > 0) return false;
    }
    if (!(m[1] === 'feed' ? FEED_PATHS : ENTRY_PATHS).has(steps.join('.'))) return false;
  }
  return true;
}

function main(): void {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dirArg = flag('--dir') ?? process.env.FEEDPARSER_TESTS;
  const showFailures = Number(flag('--show-failures') ?? 0);
  const only = flag('--only');
  if (!dirArg || !existsSync(dirArg)) {
    console.log(`feedparser bench skipped: no test directory (${dirArg ?? 'give --dir or FEEDPARSER_TESTS'}).`);
    console.log(
      'Get it with: git --git-dir=/work/.mirror/kurtmckee+feedparser/repo archive HEAD tests | tar -x -C /work/feedparser-tests',
    );
    return;
  }
  const root = resolve(dirArg);
  const files = ['wellformed', 'illformed', 'encoding', 'entities']
    .map((d) => join(root, d))
    .filter((d) => existsSync(d))
    .flatMap(listXml)
    .filter((f) => only === undefined || f.includes(only));

  const strict = expatIllFormed(files);
  const counts: Record<Outcome, number> = { pass: 0, fail: 0, 'not-comparable': 0, crash: 0 };
  const byDir = new Map<string, { comparable: number; pass: number }>();
  const failures: string[] = [];
  const crashes: string[] = [];
  let illFormed = 0;
  let illSalvaged = 0;
  let illReported = 0;
  const illSilent: string[] = [];
  /** Neither salvaged (items or a title read) nor reported (rejected with an error, or problems listed): what the goal forbids. */
  const illLost: string[] = [];
  let noHeader = 0;
  const started = Date.now();

  for (const file of files) {
    const fx = loadFixture(file, root);
    if (fx === null) {
      noHeader++;
      continue;
    }
    let record: FeedRecord;
    try {
      const url = fx.contentType !== null ? `http://127.0.0.1:8097/tests/${fx.path}` : null;
      record = readFeedBytes(fx.bytes, { source: fx.path, url, contentType: fx.contentType });
    } catch (e) {
      counts.crash++;
      crashes.push(`${fx.path}: ${(e as Error).stack ?? String(e)}`);
      continue;
    }

    // Ill-formed: the expectation says bozo, or the document is not well-formed XML (expat, else fast-xml-parser's validator).
    const expectsBozo = /^bozo\b|\band bozo\b/.test(fx.expect);
    const refused =
      strict !== null ? strict.has(file) : XMLValidator.validate(headerText(fx.bytes).replace(/^\uFEFF/, '')) !== true;
    if (expectsBozo || refused) {
      illFormed++;
      const reported = !record.ok || !record.wellFormed;
      const salvaged = record.ok && (record.items.length > 0 || record.title !== null);
      if (reported) illReported++;
      if (salvaged) illSalvaged++;
      if (!reported) illSilent.push(fx.path);
      if (!reported && !salvaged) illLost.push(fx.path);
    }

    let outcome: Outcome;
    let detailText = '';
    try {
      if (!comparablePaths(fx.expect)) throw new NotComparable('field');
      const env = envOf(record);
      const p = new Parser(tokenize(fx.expect), env);
      const v = p.expr();
      if (!p.done()) throw new NotComparable('trailing tokens');
      // An expectation that names no field ("1", "bozo" alone on a well-formed file) compares nothing.
      if (!/\b(feed|entries|bozo)\b/.test(fx.expect)) throw new NotComparable('no field');
      outcome = truthy(v) ? 'pass' : 'fail';
    } catch (e) {
      if (e instanceof NotComparable) outcome = 'not-comparable';
      else if (e instanceof PyError) {
        outcome = 'fail';
        detailText = e.message;
      } else throw e;
    }
    counts[outcome]++;
    const dir = fx.path.includes('/', fx.path.indexOf('/') + 1)
      ? fx.path.split('/').slice(0, 2).join('/')
      : fx.path.split('/')[0]!;
    if (outcome === 'pass' || outcome === 'fail') {
      const d = byDir.get(dir) ?? { comparable: 0, pass: 0 };
      d.comparable++;
      if (outcome === 'pass') d.pass++;
      byDir.set(dir, d);
    }
    if (outcome === 'fail') {
      const items = record.items.slice(0, 2).map((i) => JSON.stringify(i).slice(0, 400));
      failures.push(
        `${fx.path}\n  expect: ${fx.expect}\n  ${detailText ? `error: ${detailText}\n  ` : ''}got: ok=${record.ok} wellFormed=${record.wellFormed} error=${record.error ?? ''} title=${JSON.stringify(record.title)} link=${record.link} language=${record.language}\n  problems: ${record.problems.slice(0, 3).join(' | ')}\n  items: ${items.join('\n         ')}`,
      );
    }
  }

  const comparable = counts.pass + counts.fail;
  const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);
  console.log(`feedparser suite: ${root}`);
  console.log(
    `fixtures read: ${files.length - noHeader} (${noHeader} without an Expect line skipped), ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(
    `comparable expectations: ${comparable}; pass ${counts.pass} (${pct(counts.pass, comparable)}), fail ${counts.fail}; not comparable ${counts['not-comparable']}`,
  );
  console.log(`crashes: ${counts.crash}`);
  console.log(
    `ill-formed judged by: ${strict !== null ? "Python's expat (strict, namespace-aware) or a bozo expectation" : "fast-xml-parser's validator (python3 not found) or a bozo expectation"}`,
  );
  console.log(
    `ill-formed fixtures: ${illFormed}; reported (rejected with an error, or read with problems listed) ${illReported}; salvaged (read, with items or a title) ${illSalvaged}; read as if well-formed, no problem listed ${illSilent.length}; neither salvaged nor reported ${illLost.length}`,
  );
  if (illLost.length > 0) console.log(`ill-formed, neither salvaged nor reported: ${illLost.join(', ')}`);
  console.log('by directory (comparable: pass):');
  for (const [dir, d] of [...byDir].sort())
    console.log(
      `  ${dir.padEnd(28)} ${String(d.comparable).padStart(5)}: ${String(d.pass).padStart(5)} (${pct(d.pass, d.comparable)})`,
    );
  for (const c of crashes) console.log(`CRASH ${c}`);
  if (illSilent.length > 0)
    console.log(`ill-formed, read with no problem listed: ${illSilent.slice(0, 20).join(', ')}`);
  for (const f of failures.slice(0, showFailures)) console.log(`FAIL ${f}`);
}

main();
