// The built site in a real browser: Debian's Chromium through playwright-core, the site built from
// the e2e fixture corpus (plus a translation and the hostile fixture) and served on loopback by
// `tidings serve`'s own server (src/server/), security headers and Content-Security-Policy included. Screenshots go to test-artifacts/screenshots/.
// Nothing is skipped: a missing browser, a broken build or a missing fixture fails the tests.

import type { Face } from '../../src/article.js';
import assert from 'node:assert/strict';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  cspViolations,
  DESKTOP,
  launchBrowser,
  PHONE,
  screenshot,
  type Browser,
  type Incident,
} from './browser-harness.js';
import { buildFixtureSite, HOSTILE_DIR } from './e2e-site.js';
import { addressUrl, createTidingsServer, listen, shutdown } from '../../src/server/server.js';
import { SITE_CSP } from '../../src/server/security-headers.js';
import { openStaticSite } from '../../src/server/static-site.js';
import { paths } from '../../src/publish/site/site-paths.js';
import type { TranslationRow } from '../../src/store/translation-store.js';

interface Fixture {
  readonly dir: string;
  readonly hostile: readonly string[];
  readonly server: { readonly url: string };
  /** What the server logged (it logs only failures). */
  readonly serverLog: string[];
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Every file under dir, site-relative with forward slashes. */
async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await filesUnder(dir, rel)));
    else out.push(rel);
  }
  return out.sort();
}

const failures = (list: readonly Incident[]) => list.filter((i) => i.kind !== 'request');

describe('the site in Chromium', () => {
  let fx: Fixture;
  let pages: string[] = [];
  /** The translations the run recognised and folded into their originals. */
  let folded: readonly TranslationRow[] = [];
  const started = Date.now();
  let built = started;

  before(async () => {
    const site = await buildFixtureSite();
    built = Date.now();
    folded = (await site.deps.translations?.list()) ?? [];
    const serverLog: string[] = [];
    const server = createTidingsServer({
      site: await openStaticSite(site.dir),
      api: null,
      log: (line) => serverLog.push(line),
    });
    const address = await listen(server, '127.0.0.1', 0);
    const browser = await launchBrowser();
    pages = (await filesUnder(site.dir)).filter((f) => f.endsWith('.html') && /^(en|zh)\//.test(f));
    fx = {
      dir: site.dir,
      hostile: site.hostile,
      server: { url: addressUrl(address) },
      serverLog,
      browser,
      async close() {
        await browser.close();
        await shutdown(server, 1000);
        await site.close();
        await rm(path.dirname(site.dir), { recursive: true, force: true });
      },
    };
  });
  after(async () => {
    await fx?.close();
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `# browser tests: ${s(Date.now() - started)} (site build ${s(built - started)}, browser ${s(Date.now() - built)})`,
    );
  });

  const url = (rel: string) => new URL(rel, fx.server.url).href;
  const rel = (page: Page) => new URL(page.url()).pathname.slice(1);
  async function open(rel: string, viewport: { width: number; height: number } = DESKTOP): Promise<Page> {
    const page = await fx.browser.newPage(viewport);
    const res = await page.goto(url(rel), { waitUntil: 'load' });
    assert.equal(res?.status(), 200, `${rel} answers 200`);
    assert.equal(res.headers()['content-security-policy'], SITE_CSP, `${rel} is served with the site CSP`);
    return page;
  }
  /** The story page with a word in its <title>, found in the built files (ids depend on the corpus). */
  async function storyWith(face: Face, word: string): Promise<string> {
    for (const p of pages.filter((f) => f.startsWith(`${face}/stories/`))) {
      const title = /<title>([\s\S]*?)<\/title>/.exec(await readFile(path.join(fx.dir, p), 'utf8'))?.[1] ?? '';
      if (title.includes(word)) return p;
    }
    throw new Error(`no ${face} story page has "${word}" in its title`);
  }

  test('the language switch keeps the story, and the root page remembers the choice', async () => {
    const story = await storyWith('en', 'Mistral');
    const page = await open(story);
    await Promise.all([page.waitForURL(/\/zh\/stories\//), page.click('a.lang-switch')]);
    assert.equal(rel(page).split('#')[0], story.replace(/^en\//, 'zh/'));
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
    await page.goto(url(''));
    await page.waitForURL(/\/zh\/index\.html/);
    // And back: English is remembered as well.
    await Promise.all([page.waitForURL(/\/en\/index\.html/), page.click('a.lang-switch')]);
    await page.goto(url('index.html'));
    await page.waitForURL(/\/en\/index\.html/);
    await page.close();
  });

  test('opening a story from the digest', async () => {
    const page = await open('en/index.html');
    // A story's headline in the digest (the crumbs above it link the list of all stories, stories/index.html).
    const first = page.locator('main article.item .headline a[href^="stories/"]').first();
    const href = await first.getAttribute('href');
    assert.ok(href, 'the digest links to a story page');
    const headline = (await first.innerText()).trim();
    await Promise.all([page.waitForURL(/\/en\/stories\//), first.click()]);
    assert.equal(rel(page), `en/${href}`);
    const id = /stories\/([^.]+)\.html/.exec(href)![1]!;
    assert.ok(
      (await page.locator(`#story-${id}`).innerText()).includes(headline),
      `the story page carries "${headline}"`,
    );
    await page.close();
  });

  const searches = [
    {
      name: 'a Chinese word on the Chinese search page',
      face: 'zh',
      query: '阶跃星辰',
      story: 'zh',
      title: '阶跃星辰',
    },
    {
      name: 'an English word (stemmed) on the English search page',
      face: 'en',
      query: 'accelerator',
      story: 'en',
      title: 'Mistral',
    },
  ] as const;
  for (const s of searches) {
    test(`search: ${s.name}`, async () => {
      const page = await open(`${s.face}/search.html`);
      await page.fill('#search-q', s.query);
      await Promise.all([page.waitForURL(/\?q=/), page.press('#search-q', 'Enter')]);
      await page.waitForSelector('#search-results li');
      const results = await page.$$eval('#search-results li', (lis) =>
        lis.map((li) => ({
          href: li.querySelector('a')?.getAttribute('href') ?? '',
          lang: li.getAttribute('data-lang'),
          marks: [...li.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
        })),
      );
      const expected = `../${await storyWith(s.story, s.title)}`;
      assert.ok(
        results.some((r) => r.href === expected),
        `${expected} among ${results.map((r) => r.href).join(', ')}`,
      );
      assert.equal(results[0]!.lang, s.face, "the reader's face comes first");
      for (const r of results)
        assert.ok(
          r.marks.some((m) => m.toLowerCase().startsWith(s.query.slice(0, 4).toLowerCase())),
          `${r.href} marks the query: ${r.marks.join('|')}`,
        );
      assert.match(await page.locator('#search-status').innerText(), s.face === 'zh' ? /条/ : /result/);
      // The link works from the search page.
      await Promise.all([
        page.waitForURL(new RegExp(expected.slice(3).replace(/[.]/g, '\\.'))),
        page.click(`#search-results a[href="${expected}"]`),
      ]);
      await page.close();
    });
  }

  test('search works from file:// too (the index is a script, not a fetch)', async () => {
    const page = await fx.browser.newPage();
    await page.goto(`${pathToFileURL(path.join(fx.dir, 'zh/search.html')).href}?q=${encodeURIComponent('芯片')}`);
    await page.waitForSelector('#search-results li');
    const first = await page.$eval('#search-results li a', (a) => (a as HTMLAnchorElement).href);
    assert.match(first, /^file:\/\/.*\/zh\/[a-z]+\/[^/]+\.html$/);
    await page.close();
  });

  test('search for nothing found says so, and hostile query text stays text', async () => {
    const page = await open(`en/search.html?q=${encodeURIComponent('<img src=x onerror=alert(1)> zzqqxx')}`);
    await page.waitForFunction(() => (document.getElementById('search-status')?.textContent ?? '').includes('zzqqxx'));
    assert.match(
      await page.locator('#search-status').innerText(),
      /Nothing found for “<img src=x onerror=alert\(1\)> zzqqxx”/,
    );
    assert.equal(await page.locator('#search-results li, #search-results img').count(), 0);
    assert.equal(await page.inputValue('#search-q'), '<img src=x onerror=alert(1)> zzqqxx');
    await page.close();
  });

  test('a recognised translation is folded into its original as `tidings run` folds it: no reader of its own', () => {
    // The site is built by the composition root's run, so ModelWatch's Chinese post on Step-4
    // Swift is recognised as a translation of Kestrel Report's article and folded into it.
    const url = 'https://modelwatch.example/posts/step-4-swift';
    const row = folded.find((t) => t.translationUrl === url);
    assert.ok(row, `${url} is folded; folded: ${JSON.stringify(folded.map((t) => t.translationUrl))}`);
    for (const face of ['en', 'zh'] as const) {
      assert.ok(pages.includes(paths.article(face, row.originalId)), `${face}: the original has its reader`);
      assert.ok(!pages.includes(paths.article(face, row.translationId)), `${face}: the folded translation has none`);
    }
  });

  test('the bilingual reader switches between interleaved and side by side', async () => {
    let reader: string | undefined;
    for (const p of pages.filter((f) => f.startsWith('en/articles/'))) {
      if ((await readFile(path.join(fx.dir, p), 'utf8')).includes('data-layout=')) reader = p;
    }
    assert.ok(reader, 'a reader page with a translation (the bilingual example page)');
    const page = await open(reader);
    const tops = () =>
      page.$eval('.pair', (pair) =>
        [...pair.querySelectorAll('p')].map((p) => Math.round(p.getBoundingClientRect().top)),
      );
    assert.equal(await page.getAttribute('article.reader', 'data-layout'), 'interleaved');
    const [en1, zh1] = await tops();
    assert.ok(zh1! > en1!, 'interleaved: the Chinese paragraph sits under the English one');
    await page.click('button.layout-toggle');
    assert.equal(await page.getAttribute('article.reader', 'data-layout'), 'side');
    assert.equal(await page.getAttribute('button.layout-toggle', 'aria-pressed'), 'true');
    const [en2, zh2] = await tops();
    assert.equal(en2, zh2, 'side by side: the two paragraphs start on one line');
    await screenshot(page, 'desktop-en-reader-side');
    await page.click('button.layout-toggle');
    assert.equal(await page.getAttribute('article.reader', 'data-layout'), 'interleaved');
    await page.close();
  });

  test('no page runs a script it should not, breaks the CSP or throws (hostile fixture included)', async () => {
    assert.ok(fx.hostile.length > 0, `the hostile fixture is missing: no pages in ${HOSTILE_DIR}`);
    // Every page built from the hostile articles (they all name the invented Quorra Labs), and the
    // first page of every other kind: each page's static markup is checked by site-safety.test.ts,
    // this is the proof in a browser that nothing runs.
    const kinds = new Set<string>();
    const visit: string[] = [];
    for (const p of pages) {
      const kind = p.split('/').slice(0, -1).join('/');
      const hostile = /Quorra/.test(await readFile(path.join(fx.dir, p), 'utf8'));
      if (hostile || !kinds.has(kind)) visit.push(p);
      kinds.add(kind);
    }
    assert.ok(
      visit.some((p) => p.includes('/articles/')),
      'a hostile article reader is among the pages visited',
    );
    const before = fx.browser.incidents.length;
    const queue = [...visit, 'index.html'];
    const violations: string[] = [];
    const worker = async () => {
      const page = await fx.browser.newPage();
      for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
        await page.goto(url(p), { waitUntil: 'load' });
        if (p === 'index.html') continue; // the chooser redirects to the remembered face
        violations.push(...(await cspViolations(page)).map((v) => `${p}: ${v}`));
        const injected = await page.evaluate(() => Object.keys(window).filter((k) => /pwned|xss|hacked/i.test(k)));
        assert.deepEqual(injected, [], `${p} ran injected script`);
      }
      await page.close();
    };
    await Promise.all([worker(), worker()]);
    assert.deepEqual(violations, [], 'CSP violations');
    assert.deepEqual(failures(fx.browser.incidents.slice(before)), [], 'dialogs, errors, console errors');
    assert.deepEqual(fx.serverLog, [], 'the server logged no failure');
  });

  test('phone width: no horizontal scroll; screenshots of home, story, reader and search', async () => {
    const reader = pages.find((f) => f.startsWith('en/articles/'));
    const targets = [
      ['home', 'index.html'],
      ['story', (await storyWith('en', 'Mistral')).replace(/^en\//, '')],
      ['reader', reader!.replace(/^en\//, '')],
      ['search', 'search.html?q=Mistral'],
    ] as const;
    const wide: string[] = [];
    for (const [view, size] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      for (const face of ['en', 'zh'] as const) {
        const page = await fx.browser.newPage(size);
        for (const [name, target] of targets) {
          const res = await page.goto(url(`${face}/${target}`), { waitUntil: 'load' });
          assert.equal(res?.status(), 200, `${face}/${target}`);
          if (name === 'search') await page.waitForSelector('#search-results li');
          const { scroll, client } = await page.evaluate(() => ({
            scroll: document.documentElement.scrollWidth,
            client: document.documentElement.clientWidth,
          }));
          if (view === 'phone' && scroll > client)
            wide.push(`${face}/${target}: ${scroll}px wide in a ${client}px screen`);
          await screenshot(page, `${view}-${face}-${name}`);
        }
        await page.close();
      }
    }
    assert.deepEqual(wide, [], 'pages wider than a phone');
    assert.deepEqual(failures(fx.browser.incidents), [], 'no errors on any page');
  });
});
