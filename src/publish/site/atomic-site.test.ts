// Atomic publishing (atomic-site.ts): each build in its own directory, `<out>` a link switched by
// rename(2); unchanged files linked, not written; old builds pruned; and a reader fetching pages
// through the static server while builds are swapped never gets a missing page.

import assert from 'node:assert/strict';
import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { addressUrl, createTidingsServer, listen, shutdown } from '../../server/server.js';
import { openStaticSite } from '../../server/static-site.js';
import { atomicTarget, isAtomicSite, KEEP_BUILDS, MANIFEST, prepareBuild, publishBuild } from './atomic-site.js';

/** Writes `files` as a build of `out` the way the site writer does (pages through reuse, the rest directly). */
async function build(out: string, pages: Record<string, string>, extras: Record<string, string> = {}) {
  const target = await atomicTarget(out);
  const b = await prepareBuild(target);
  for (const [rel, body] of Object.entries(pages)) {
    if (await b.reuse(rel, body)) continue;
    await mkdir(path.dirname(path.join(b.dir, rel)), { recursive: true });
    await writeFile(path.join(b.dir, rel), body);
  }
  for (const [rel, body] of Object.entries(extras)) {
    await mkdir(path.dirname(path.join(b.dir, rel)), { recursive: true });
    await writeFile(path.join(b.dir, rel), body);
  }
  return publishBuild(target, b);
}

describe('atomic site publishing', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-atomic-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('the first build is all written; the next writes only what changed and links the rest', async () => {
    const out = path.join(dir, 'a/site');
    await mkdir(path.dirname(out), { recursive: true });
    const pages = {
      'index.html': 'home 1',
      'en/index.html': 'en 1',
      'en/story/s1.html': 's1',
      'zh/index.html': 'zh 1',
    };
    const first = await build(out, pages, { 'feeds/en.xml': 'feed 1' });
    assert.equal(first.rewritten, 5);
    assert.equal(first.unchanged, 0);
    assert.ok((await lstat(out)).isSymbolicLink());
    assert.ok(await isAtomicSite(out));
    assert.equal(await readFile(path.join(out, 'en/index.html'), 'utf8'), 'en 1');
    // The link is relative: the site's folder can be moved.
    assert.ok(!path.isAbsolute(await readlink(out)));

    const second = await build(
      out,
      { ...pages, 'en/index.html': 'en 2', 'en/story/s2.html': 's2' },
      { 'feeds/en.xml': 'feed 1' },
    );
    assert.deepEqual(second.changed, ['en/index.html', 'en/story/s2.html']);
    assert.equal(second.rewritten, 2);
    assert.equal(second.unchanged, 4); // 3 pages by reuse, the feed by comparison
    assert.equal(await readFile(path.join(out, 'en/index.html'), 'utf8'), 'en 2');
    // Unchanged files are the same inode in both builds; a changed one is not.
    const same = async (rel: string) =>
      (await stat(path.join(first.dir, rel))).ino === (await stat(path.join(second.dir, rel))).ino;
    assert.ok(await same('zh/index.html'));
    assert.ok(await same('feeds/en.xml'));
    assert.ok(!(await same('en/index.html')));
    // The previous build is still whole (readers in flight).
    assert.equal(await readFile(path.join(first.dir, 'en/index.html'), 'utf8'), 'en 1');
    const manifest = JSON.parse(await readFile(path.join(out, MANIFEST), 'utf8')) as Record<string, string>;
    assert.equal(Object.keys(manifest).length, 6);

    const dropped = await build(out, { 'index.html': 'home 1' });
    assert.equal(dropped.rewritten, 0);
    assert.equal(dropped.dropped, 5);
    for (let i = 0; i < 3; i++) await build(out, { 'index.html': `home ${i + 10}` });
    const builds = (await readdir(`${out}.builds`)).filter((n) => !n.startsWith('.'));
    assert.equal(builds.length, KEEP_BUILDS);
  });

  test('a plain directory built in place is moved aside at the first swap', async () => {
    const out = path.join(dir, 'b/site');
    await mkdir(path.join(out, 'en'), { recursive: true });
    await writeFile(path.join(out, 'en/index.html'), 'old');
    const target = await atomicTarget(out);
    assert.equal(target.plainDirectory, true);
    const swapped = await build(out, { 'en/index.html': 'new' });
    assert.ok(swapped.movedAside !== null);
    assert.equal(await readFile(path.join(swapped.movedAside, 'en/index.html'), 'utf8'), 'old');
    assert.equal(await readFile(path.join(out, 'en/index.html'), 'utf8'), 'new');
  });

  test('the server looks again for a site root that is missing for a moment (a plain directory moved aside)', async () => {
    const out = path.join(dir, 'd/site');
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, 'index.html'), 'plain');
    const server = createTidingsServer({ site: await openStaticSite(out), api: null, log: () => undefined });
    const url = addressUrl(await listen(server, '127.0.0.1', 0));
    try {
      const moved = `${out}.aside`;
      await rename(out, moved);
      const answer = fetch(url).then(async (r) => [r.status, await r.text()]);
      await new Promise((r) => setTimeout(r, 15));
      await rename(moved, out);
      assert.deepEqual(await answer, [200, 'plain']);
      await rm(out, { recursive: true });
      assert.equal((await fetch(url)).status, 404); // gone for good: not found, after 50 ms
    } finally {
      await shutdown(server);
    }
  });

  test('a reader fetching pages in a loop while builds are swapped never gets a missing page or an error', async () => {
    const out = path.join(dir, 'c/site');
    await mkdir(path.dirname(out), { recursive: true });
    const pagesOf = (n: number) => {
      const pages: Record<string, string> = { 'index.html': `<p>home ${n}</p>` };
      for (let i = 0; i < 40; i++) pages[`en/story/s${i}.html`] = `<p>story ${i} v${i % 5 === 0 ? n : 0}</p>`;
      return pages;
    };
    await build(out, pagesOf(0));
    const server = createTidingsServer({ site: await openStaticSite(out), api: null, log: () => undefined });
    const url = addressUrl(await listen(server, '127.0.0.1', 0));
    let stop = false;
    const seen = { requests: 0, bad: [] as string[], homes: new Set<string>() };
    const reader = (async () => {
      while (!stop) {
        for (const rel of ['', 'index.html', 'en/story/s0.html', 'en/story/s7.html', 'en/story/s35.html']) {
          const res = await fetch(url + rel);
          const body = await res.text();
          seen.requests++;
          if (res.status !== 200 || body === '') seen.bad.push(`${rel}: ${res.status}`);
          if (rel === '') seen.homes.add(body);
        }
      }
    })();
    try {
      for (let n = 1; n <= 15; n++) await build(out, pagesOf(n));
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      stop = true;
      await reader;
      await shutdown(server);
    }
    assert.deepEqual(seen.bad, [], `${seen.bad.length} of ${seen.requests} requests failed`);
    assert.ok(seen.requests > 15, `only ${seen.requests} requests`);
    assert.ok(seen.homes.size > 1, 'the reader saw the home page change');
    assert.ok(
      seen.homes.has('<p>home 15</p>') || (await readFile(path.join(out, 'index.html'), 'utf8')) === '<p>home 15</p>',
    );
  });
});
