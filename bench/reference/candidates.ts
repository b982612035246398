// Neutral evidence for labelling one page's metadata by hand (bench/reference/README.md): what a
// reader of the page and its markup can see, printed without choosing anything. It does not run
// Tidings' extractor or Readability.js, and does not read the suite's expected files.
//
//   node --import tsx bench/reference/candidates.ts <page-folder-or-source.html> [--text 600]

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe']);
const BLOCK =
  /^(p|div|h[1-6]|li|ul|ol|article|section|header|footer|aside|nav|main|br|tr|td|table|blockquote|figure|figcaption|dd|dt|dl|pre|time|span)$/;
const HINT =
  /author|byline|by-line|writer|creator|date|time|publish|posted|dateline|credit|contributor|masthead|site-?name|logo|copyright/i;

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
}

function textOf(n: AnyNode, out: string[] = []): string[] {
  if (n.type === 'text') out.push((n as unknown as { data: string }).data);
  else if (n.type === 'tag' || n.type === 'script' || n.type === 'style' || n.type === 'root') {
    const el = n as Element;
    if (el.name !== undefined && SKIP.has(el.name.toLowerCase())) return out;
    if (el.name !== undefined && BLOCK.test(el.name.toLowerCase())) out.push(' ');
    for (const c of el.children ?? []) textOf(c, out);
    if (el.name !== undefined && BLOCK.test(el.name.toLowerCase())) out.push(' ');
  }
  return out;
}

function* walk(n: AnyNode): Generator<Element> {
  const kids = (n as Element).children ?? [];
  for (const c of kids) {
    if (c.type === 'tag' || c.type === 'script' || c.type === 'style') {
      yield c as Element;
      yield* walk(c);
    }
  }
}

function insideSvg(el: Element): boolean {
  for (let p = el.parent as Element | null; p !== null && p !== undefined; p = p.parent as Element | null)
    if (p.name === 'svg' || p.name === 'symbol') return true;
  return false;
}

function rawText(el: Element): string {
  return el.children.map((c) => ('data' in c ? String((c as { data: string }).data) : '')).join('');
}

function describe(el: Element): string {
  const a = el.attribs;
  const bits = [el.name];
  if (a.id) bits.push(`#${a.id}`);
  if (a.class) bits.push(`.${a.class.trim().split(/\s+/).join('.')}`);
  for (const k of ['rel', 'itemprop', 'datetime', 'content', 'title', 'href', 'property', 'name'])
    if (a[k] !== undefined) bits.push(`[${k}=${JSON.stringify(clip(a[k], 100))}]`);
  for (const [k, v] of Object.entries(a))
    if (/^data-.*(date|time|seconds|author)/i.test(k)) bits.push(`[${k}=${JSON.stringify(clip(v, 60))}]`);
  return bits.join('');
}

/** JSON-LD fields of interest, from every object in every block (@graph included). */
function jsonLdFields(raw: string): string[] {
  const body = raw
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    return [`(unparsable JSON-LD: ${(error as Error).message.slice(0, 80)}) ${clip(body, 300)}`];
  }
  const out: string[] = [];
  const visit = (v: unknown, path: string): void => {
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${path}[${i}]`));
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const [k, x] of Object.entries(o)) {
        if (
          /^(@type|headline|name|alternativeHeadline|author|creator|datePublished|dateCreated|dateModified|uploadDate|publisher|url|mainEntityOfPage)$/.test(
            k,
          )
        ) {
          if (x !== null && typeof x === 'object') {
            if (k === 'author' || k === 'publisher' || k === 'creator')
              out.push(`${path}.${k} = ${clip(JSON.stringify(x), 200)}`);
            else visit(x, `${path}.${k}`);
          } else out.push(`${path}.${k} = ${JSON.stringify(x)}`);
        } else if (k === '@graph' || typeof x === 'object') visit(x, `${path}.${k}`);
      }
    }
  };
  visit(data, '$');
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const target = args.find((a) => !a.startsWith('--'));
  if (target === undefined) {
    console.error('usage: candidates.ts <page-folder-or-source.html> [--text N]');
    process.exit(2);
  }
  const file = existsSync(target) && statSync(target).isDirectory() ? join(target, 'source.html') : target;
  if (!existsSync(file)) {
    console.error(`candidates: ${file} does not exist`);
    process.exit(2);
  }
  const ti = args.indexOf('--text');
  const textLen = ti >= 0 ? Number(args[ti + 1]) : 600;
  const html = readFileSync(file, 'utf8');
  const doc = parseDocument(html, { decodeEntities: true });
  const all = [...walk(doc)];

  const section = (name: string, lines: string[]): void => {
    console.log(`== ${name}`);
    for (const l of lines.length > 0 ? lines : ['(none)']) console.log(`  ${l}`);
  };

  const html0 = all.find((e) => e.name === 'html');
  section('html', [`lang=${JSON.stringify(html0?.attribs.lang ?? null)}`]);
  section(
    '<title>',
    all.filter((e) => e.name === 'title' && !insideSvg(e)).map((e) => JSON.stringify(clip(textOf(e).join(''), 300))),
  );
  section(
    'canonical / og:url / base',
    all
      .filter(
        (e) =>
          (e.name === 'link' && /canonical|shortlink/i.test(e.attribs.rel ?? '')) ||
          (e.name === 'meta' && /^(og:url|twitter:url)$/i.test(e.attribs.property ?? e.attribs.name ?? '')) ||
          e.name === 'base',
      )
      .map(describe),
  );
  section(
    'meta',
    all
      .filter((e) => e.name === 'meta' && (e.attribs.property ?? e.attribs.name ?? e.attribs.itemprop) !== undefined)
      .filter(
        (e) =>
          /^(og:|twitter:|article:|dc\.|dcterms\.|dc:|sailthru\.|parsely-|author|byl|date|pubdate|publish|title|application-name|copyright|citation_|datepublished|headline|site|cxenseparse|weibo:)/i.test(
            (e.attribs.property ?? e.attribs.name ?? e.attribs.itemprop ?? '').trim(),
          ) || /\b(og|dc|article):/i.test(e.attribs.property ?? ''),
      )
      .map(
        (e) =>
          `${(e.attribs.property ?? e.attribs.name ?? e.attribs.itemprop ?? '').trim()} = ${JSON.stringify(clip(e.attribs.content ?? '', 200))}`,
      ),
  );
  section(
    'JSON-LD',
    all
      .filter((e) => e.name === 'script' && /ld\+json/i.test(e.attribs.type ?? ''))
      .flatMap((e) => jsonLdFields(rawText(e))),
  );

  // Headings in document order, the first ones only.
  const h1 = all.filter((e) => e.name === 'h1').slice(0, 10);
  const h23 = all.filter((e) => /^h[23]$/.test(e.name)).slice(0, 12);
  const headings = all
    .filter((e) => h1.includes(e) || h23.includes(e))
    .map((e) => `${e.name} ${describe(e).slice(e.name.length)} ${JSON.stringify(clip(textOf(e).join(''), 160))}`);
  section('headings (every h1, first 10; first 12 h2-h3)', headings);

  const hinted = all
    .filter(
      (e) => !SKIP.has(e.name) && e.name !== 'meta' && e.name !== 'link' && e.name !== 'script' && e.name !== 'style',
    )
    .filter(
      (e) =>
        HINT.test(
          `${e.attribs.class ?? ''} ${e.attribs.id ?? ''} ${e.attribs.rel ?? ''} ${e.attribs.itemprop ?? ''}`,
        ) ||
        e.name === 'time' ||
        e.attribs.datetime !== undefined,
    );
  const seen = new Set<string>();
  const hintLines: string[] = [];
  for (const e of hinted) {
    const line = `${describe(e)} ${JSON.stringify(clip(textOf(e).join(''), 160))}`;
    if (seen.has(line)) continue;
    seen.add(line);
    hintLines.push(line);
    if (hintLines.length >= 40) {
      hintLines.push(`… ${hinted.length - 40} more`);
      break;
    }
  }
  section('author/byline/date/time elements (first 40)', hintLines);

  const body = all.find((e) => e.name === 'body') ?? doc;
  section(`visible text (first ${textLen} chars)`, [clip(textOf(body as AnyNode).join(''), textLen)]);
  const copyright = clip(textOf(body as AnyNode).join(''), 1e9).match(/(?:©|&copy;|copyright)[^.|]{0,120}/gi) ?? [];
  section('copyright lines', copyright.slice(0, 5));
}

main();
