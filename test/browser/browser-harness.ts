// Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core (which
// downloads no browser), a fresh profile per run, and a record of everything a page should never
// do: dialogs (alert/confirm/prompt), uncaught errors, console errors, CSP violations.

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/config.js';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'test-artifacts', 'screenshots');
export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 375, height: 740 } as const;

export interface Incident {
  readonly page: string;
  readonly kind: 'dialog' | 'pageerror' | 'console' | 'csp' | 'request';
  readonly text: string;
}

export interface Browser {
  readonly context: BrowserContext;
  /** Everything that went wrong on any page so far. */
  readonly incidents: Incident[];
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = await mkdtemp(path.join(tmpdir(), 'tidings-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: DESKTOP,
  });
  // Loopback pages load in milliseconds; a missing element should fail fast, not after 30 s.
  context.setDefaultTimeout(10_000);
  const incidents: Incident[] = [];
  // Runs before any page script, through the DevTools protocol (so the page's CSP does not apply
  // to it): collects CSP violation reports where the test can read them.
  await context.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  // Nothing on a built page may reach beyond loopback.
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]|data:|about:|file:)/, (route) => {
    incidents.push({
      page: route.request().frame().url(),
      kind: 'request',
      text: `blocked request to ${route.request().url()}`,
    });
    void route.abort();
  });
  const watch = (page: Page) => {
    page.on('dialog', (d) => {
      incidents.push({ page: page.url(), kind: 'dialog', text: `${d.type()}: ${d.message()}` });
      void d.dismiss();
    });
    page.on('pageerror', (e) => incidents.push({ page: page.url(), kind: 'pageerror', text: e.message }));
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const text = m.text();
      // Blocked third-party requests (routed away above) log a load failure: not a page fault.
      const kind = /Content Security Policy/i.test(text)
        ? 'csp'
        : /^Failed to load resource/.test(text)
          ? 'request'
          : 'console';
      incidents.push({ page: page.url(), kind, text });
    });
  };
  return {
    context,
    incidents,
    async newPage(viewport = DESKTOP) {
      const page = await context.newPage();
      watch(page);
      await page.setViewportSize(viewport);
      return page;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The CSP violations the page saw (collected by the init script). */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // The first screen, as a reader sees it (full pages of search results run to 9,000 px).
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
