// The site built from the end-to-end fixture corpus (test/fixtures/e2e) into a directory, as
// `tidings build` does: small pages, every relative link resolving to a written file, the agreed
// head on every page, and the same bytes on a rebuild.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'htmlparser2';
import { getElementsByTagName } from 'domutils';
import { buildE2eEdition, E2E_DATES, type E2eEdition } from '../../../test/support/e2e-edition.js';
import type { PublishReport } from './publish-site.js';
import { publishEdition } from '../../pipeline/site-edition.js';

async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, full).split(path.sep).join('/'), await readFile(full));
  }
  return out;
}

describe('site from the end-to-end corpus', () => {
  let edition: E2eEdition;
  let dirs: string[] = [];
  let report: PublishReport;
  let files: Map<string, Buffer>;
  before(async () => {
    edition = await buildE2eEdition();
    const dir = await mkdtemp(path.join(tmpdir(), 'tidings-site-e2e-'));
    dirs.push(dir);
    const built = await publishEdition(edition.deps, { outDir: dir });
    if (!built.ok) throw new Error(built.message);
    report = built.value;
    files = await filesUnder(dir);
  });
  after(async () => {
    await edition?.close();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
    dirs = [];
  });

  test('every day, story and article has its pages; nothing was left out', () => {
    assert.deepEqual(report.failures, []);
    assert.equal(report.days, E2E_DATES.length);
    for (const face of ['en', 'zh']) {
      for (const date of E2E_DATES) assert.ok(files.has(`${face}/days/${date}.html`), `${face} ${date}`);
      // One page per story, beside the list of all stories (stories/index.html, stories/page-N.html).
      const listPage = (f: string) => /\/stories\/(index|page-\d+)\.html$/.test(f);
      assert.ok(files.has(`${face}/stories/index.html`));
      assert.equal(
        [...files.keys()].filter((f) => f.startsWith(`${face}/stories/`) && !listPage(f)).length,
        report.stories,
      );
      assert.equal([...files.keys()].filter((f) => f.startsWith(`${face}/articles/`)).length, report.articles);
    }
    for (const f of [
      'index.html',
      'assets/site.css',
      'assets/site.js',
      'assets/search.js',
      'assets/search-index.js',
      'feeds/en/rss.xml',
      'feeds/zh/atom.xml',
    ])
      assert.ok(files.has(f), f);
  });

  test('a digest page weighs under 100 KB (before images)', () => {
    for (const face of ['en', 'zh']) {
      for (const date of E2E_DATES) {
        const size = files.get(`${face}/days/${date}.html`)!.length;
        assert.ok(size < 100 * 1024, `${face}/days/${date}.html is ${size} bytes`);
      }
      assert.ok(files.get(`${face}/index.html`)!.length < 100 * 1024);
    }
  });

  test('every relative link and script on every page points at a written file', () => {
    const broken: string[] = [];
    for (const [file, bytes] of files) {
      if (!file.endsWith('.html') || file.startsWith('newsletter/') || file.startsWith('exports/')) continue;
      for (const el of getElementsByTagName(() => true, parseDocument(bytes.toString('utf8')), true)) {
        for (const attr of ['href', 'src']) {
          const url = el.attribs[attr];
          if (!url || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#')) continue;
          const target = decodeURIComponent(new URL(url, `file:///site/${file}`).pathname.slice('/site/'.length));
          if (!files.has(target)) broken.push(`${file} → ${url}`);
        }
      }
    }
    assert.deepEqual(broken, []);
  });

  test('every page has its language, the no-referrer policy, one stylesheet and no inline style or script', () => {
    for (const [file, bytes] of files) {
      if (!file.endsWith('.html') || file.startsWith('newsletter/') || file.startsWith('exports/')) continue;
      const doc = parseDocument(bytes.toString('utf8'));
      const lang = getElementsByTagName('html', doc)[0]!.attribs.lang;
      assert.equal(lang, file.startsWith('zh/') ? 'zh-Hans' : 'en', file);
      assert.ok(
        getElementsByTagName('meta', doc).some(
          (m) => m.attribs.name === 'referrer' && m.attribs.content === 'no-referrer',
        ),
        file,
      );
      assert.equal(getElementsByTagName('link', doc).filter((l) => l.attribs.rel === 'stylesheet').length, 1, file);
      assert.equal(getElementsByTagName('style', doc).length, 0, file);
      assert.ok(
        getElementsByTagName('script', doc).every((s) => s.attribs.src && s.children.length === 0),
        file,
      );
    }
  });

  test('a rebuild of the same store writes the same bytes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tidings-site-e2e-'));
    dirs.push(dir);
    const again = await publishEdition(edition.deps, { outDir: dir });
    assert.ok(again.ok);
    const second = await filesUnder(dir);
    assert.deepEqual([...second.keys()].sort(), [...files.keys()].sort());
    for (const [f, b] of files) assert.ok(second.get(f)!.equals(b), `${f} differs`);
  });
});
