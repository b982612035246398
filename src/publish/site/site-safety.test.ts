// The hostile fixture (test/fixtures/hostile: script tags, on* handlers, javascript: and data:
// links, iframes, style blocks, markup in titles, SVG with script, entity tricks, a 500-character
// title, right-to-left and emoji text) ingested, grouped and built into a site; then every written
// page is parsed and nothing executable or styling from a source may be in it. Our own markup is
// the only allowed kind: scripts by src from assets/, one stylesheet, http(s) or relative links.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'htmlparser2';
import { getElementsByTagName, textContent } from 'domutils';
import type { Element } from 'domhandler';
import { appOn, openRun, type App } from '../../cli/app.js';
import { loadConfig, PROJECT_ROOT } from '../../config.js';
import { openDatabase } from '../../store/database.js';
import type { PublishReport } from './publish-site.js';

const HOSTILE = path.join(PROJECT_ROOT, 'test/fixtures/hostile');
const OUR_SCRIPTS = new Set(['assets/site.js', 'assets/search.js', 'assets/search-index.js']);
const FORBIDDEN_ELEMENTS = [
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'svg',
  'math',
  'base',
  'applet',
  'template',
  'noscript',
];

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  }
  return out.sort();
}

/** Where a relative URL on `page` points, from the site root; null for absolute URLs. */
function resolveFrom(page: string, url: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return null;
  return path.posix.normalize(path.posix.join(path.posix.dirname(page), url.split('#')[0]!.split('?')[0]!));
}

/** The newsletter and the WeChat export: HTML for mail clients and editors, styled inline by us. */
const emailLike = (file: string) => file.startsWith('newsletter/') || file.startsWith('exports/');

describe('site safety: a hostile corpus never reaches a page as markup', () => {
  let app: App;
  let out: string;
  let report: PublishReport;
  let pages: Map<string, string>;
  before(async () => {
    // The run as `tidings run` builds it (the composition root, src/cli/app.ts), on an in-memory
    // store: no environment, so no model; the bundled rubric; grouping then recognised translations.
    const config = loadConfig({}, {}, HOSTILE);
    if (!config.ok) throw new Error(config.message);
    app = appOn(config.value, await openDatabase({ kind: 'pglite', dataDir: null }));
    const opened = await openRun(app, { now: () => new Date('2026-07-14T22:00:00Z') });
    if (!opened.ok) throw new Error(opened.message);
    const { run } = opened.value;
    const inputs = (await readdir(HOSTILE)).filter((f) => f.endsWith('.html')).map((f) => path.join(HOSTILE, f));
    const ingested = await run.ingest(inputs);
    assert.equal(ingested.counts.failed, 0, JSON.stringify(ingested.outcomes?.filter?.((o) => o.status === 'failed')));
    const grouped = await run.group();
    if (!grouped.ok) throw new Error(grouped.message);
    out = await mkdtemp(path.join(tmpdir(), 'tidings-hostile-site-'));
    const built = await run.publish({ outDir: out });
    if (!built.ok) throw new Error(built.message);
    await opened.value.close();
    report = built.value;
    pages = new Map();
    for (const f of await filesUnder(out))
      if (f.endsWith('.html')) pages.set(f, await readFile(path.join(out, f), 'utf8'));
  });
  after(async () => {
    await app?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  test('the hostile pages were built into a site: every article has a card and a reader in both faces', () => {
    assert.equal(report.articles, 4);
    assert.equal(report.failures.length, 0, report.failures.map((f) => f.message).join('\n'));
    for (const face of ['en', 'zh']) {
      assert.equal([...pages.keys()].filter((p) => p.startsWith(`${face}/articles/`)).length, 4);
      assert.equal([...pages.keys()].filter((p) => p.startsWith(`${face}/cards/`)).length, 4);
    }
  });

  test('no script, style, frame, object, svg or form from a source; only our scripts, by src', () => {
    for (const [file, text] of pages) {
      const doc = parseDocument(text);
      for (const name of FORBIDDEN_ELEMENTS)
        assert.equal(getElementsByTagName(name, doc).length, 0, `${file}: <${name}>`);
      for (const script of getElementsByTagName('script', doc)) {
        const src = script.attribs.src;
        assert.ok(src, `${file}: an inline script`);
        assert.equal(textContent(script).trim(), '', `${file}: a script with content`);
        assert.ok(OUR_SCRIPTS.has(resolveFrom(file, src)!), `${file}: script ${src} is not one of ours`);
      }
      for (const form of getElementsByTagName('form', doc))
        assert.equal(form.attribs.action, 'search.html', `${file}: a form that is not our search`);
      for (const link of getElementsByTagName('link', doc))
        assert.ok(
          ['stylesheet', 'alternate', 'canonical'].includes(link.attribs.rel ?? ''),
          `${file}: <link rel=${link.attribs.rel}>`,
        );
      for (const meta of getElementsByTagName('meta', doc))
        assert.equal(meta.attribs['http-equiv'], undefined, `${file}: meta http-equiv`);
    }
  });

  test('no on* handler, srcdoc or (on site pages) style attribute; links only http(s) or relative', () => {
    for (const [file, text] of pages) {
      const doc = parseDocument(text);
      const all = getElementsByTagName(() => true, doc, true) as Element[];
      for (const el of all) {
        for (const [name, value] of Object.entries(el.attribs)) {
          assert.doesNotMatch(name, /^on/i, `${file}: <${el.name} ${name}>`);
          // E-mail and WeChat exports carry our own inline styles by design (no stylesheet there).
          if (!emailLike(file)) assert.notEqual(name, 'style', `${file}: style attribute on <${el.name}>`);
          assert.notEqual(name, 'srcdoc', `${file}: srcdoc on <${el.name}>`);
          if (['href', 'src', 'action', 'xlink:href', 'formaction', 'poster', 'data'].includes(name)) {
            const v = value.trim().replace(/[\u0000-\u0020]/g, '');
            if (/^[a-z][a-z0-9+.-]*:/i.test(v))
              assert.match(v, /^https?:/i, `${file}: <${el.name} ${name}="${value}">`);
            assert.doesNotMatch(
              v,
              /evil\.example/,
              `${file}: <${el.name} ${name}="${value}"> points at the hostile host`,
            );
          }
        }
        if (el.name === 'img')
          assert.equal(el.attribs.referrerpolicy, 'no-referrer', `${file}: an image that sends a referrer`);
      }
    }
  });

  test('markup-looking text from sources is shown as text, never dropped silently or parsed', () => {
    const texts = [...pages.values()].map((t) => textContent(parseDocument(t))).join('\n');
    assert.match(texts, /<script>alert\('encoded'\)<\/script>/, 'the entity-encoded script is visible as text');
    assert.match(
      texts,
      /<iframe src=\/\/evil\.example>/,
      'the bilingual page’s markup-looking text is visible as text',
    );
  });

  test('the 500-character title, right-to-left and emoji text render intact', () => {
    const texts = [...pages.values()].map((t) => textContent(parseDocument(t))).join('\n');
    assert.match(texts, /an extremely long headline that keeps going/);
    assert.match(texts, /مختبرات كورا/);
    assert.match(texts, /👨‍👩‍👧‍👦/);
    assert.match(texts, /שלום עולם/);
  });

  test('the search index is data: it parses as JSON after its one assignment', async () => {
    const index = await readFile(path.join(out, 'assets/search-index.js'), 'utf8');
    const json = index
      .slice(index.indexOf('=') + 1)
      .trim()
      .replace(/;$/, '');
    assert.doesNotThrow(() => JSON.parse(json));
    assert.doesNotMatch(index, /<\/script/i);
  });
});
