// The static side of `tidings serve` against a real server on a loopback port and a tiny site in
// a temp folder: content types, directories, 304s, compression, HEAD, 404/405, the security
// headers on every kind of response, and every traversal trick we know of.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { rawRequest, socketRequest, type RawResponse } from './http-client.fixture.js';
import { NEWSLETTER_CSP, SECURITY_HEADERS, SITE_CSP } from './security-headers.js';
import { createTidingsServer, listen, shutdown } from './server.js';
import { openStaticSite } from './static-site.js';

const SECRET = 'TOP-SECRET-OUTSIDE-THE-SITE';
const bigPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Day</title></head><body>${'<p>Mistral AI orders 180,000 accelerators. 中文段落。</p>\n'.repeat(200)}</body></html>`;

const FILES: Record<string, string> = {
  'index.html': '<!doctype html><title>chooser</title><a href="en/">English</a>',
  'en/index.html': '<!doctype html><title>home</title>',
  'en/days/2026-03-02.html': bigPage,
  'zh/index.html': '<!doctype html><html lang="zh-Hans"><title>首页</title>',
  'assets/site.css': 'body { font-family: serif; }',
  'assets/site.js': 'document.documentElement.classList.add("js");',
  'assets/search-index.js': 'window.TIDINGS_INDEX = [];',
  'feeds/en/rss.xml': '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"></rss>',
  'feeds/en/atom.xml': '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>',
  'feeds/en/feed.json': '{"version":"https://jsonfeed.org/version/1.1","items":[]}',
  'feeds/zh/topics/mistral-ai.rss.xml': '<rss version="2.0"></rss>',
  'feeds/zh/topics/mistral-ai.atom.xml': '<feed></feed>',
  'feeds/zh/topics/mistral-ai.feed.json': '{}',
  'newsletter/2026-03-02.en.html': '<!doctype html><table style="width:100%"><tr><td>digest</td></tr></table>',
  'exports/769275656cc2/x.en.txt': '1/ Mistral orders 180,000 accelerators',
  'exports/769275656cc2/wechat.html': '<section>文章</section>',
  'data/sample.json': '{"a":1}',
  'data/sitemap.xml': '<urlset></urlset>',
  'img/logo.png': '\x89PNG',
  'bin/blob.bin': 'xx',
  '.hidden': SECRET,
  'empty-dir/readme.txt': 'no index here',
};

describe('static site over HTTP', () => {
  let dir: string;
  let outside: string;
  let server: http.Server;
  let port: number;
  const get = (p: string, options?: Parameters<typeof rawRequest>[2]) => rawRequest(port, p, options);

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-serve-'));
    const site = path.join(dir, 'site');
    outside = path.join(dir, 'outside');
    for (const [name, text] of Object.entries(FILES)) {
      await mkdir(path.dirname(path.join(site, name)), { recursive: true });
      await writeFile(path.join(site, name), text);
    }
    await mkdir(outside);
    await writeFile(path.join(outside, 'secret.txt'), SECRET);
    await writeFile(path.join(dir, 'secret.txt'), SECRET);
    await symlink(outside, path.join(site, 'link-out'));
    await symlink(path.join(outside, 'secret.txt'), path.join(site, 'secret-link.txt'));
    await symlink(path.join(site, 'assets'), path.join(site, 'assets-alias')); // stays inside: allowed
    server = createTidingsServer({ site: await openStaticSite(site), api: null, log: () => undefined });
    port = (await listen(server, '127.0.0.1', 0)).port;
  });
  after(async () => {
    await shutdown(server);
    await rm(dir, { recursive: true, force: true });
  });

  const assertSecurityHeaders = (r: RawResponse, what: string, csp = SITE_CSP) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      assert.equal(r.headers[name.toLowerCase()], name === 'Content-Security-Policy' ? csp : value, `${what}: ${name}`);
    }
  };

  const types: Array<[string, string]> = [
    ['/index.html', 'text/html; charset=utf-8'],
    ['/assets/site.css', 'text/css; charset=utf-8'],
    ['/assets/site.js', 'text/javascript; charset=utf-8'],
    ['/feeds/en/rss.xml', 'application/rss+xml; charset=utf-8'],
    ['/feeds/en/atom.xml', 'application/atom+xml; charset=utf-8'],
    ['/feeds/en/feed.json', 'application/feed+json; charset=utf-8'],
    ['/feeds/zh/topics/mistral-ai.rss.xml', 'application/rss+xml; charset=utf-8'],
    ['/feeds/zh/topics/mistral-ai.atom.xml', 'application/atom+xml; charset=utf-8'],
    ['/feeds/zh/topics/mistral-ai.feed.json', 'application/feed+json; charset=utf-8'],
    ['/data/sample.json', 'application/json; charset=utf-8'],
    ['/data/sitemap.xml', 'application/xml; charset=utf-8'],
    ['/exports/769275656cc2/x.en.txt', 'text/plain; charset=utf-8'],
    ['/img/logo.png', 'image/png'],
    ['/bin/blob.bin', 'application/octet-stream'],
  ];
  for (const [p, type] of types) {
    test(`content type of ${p} is ${type}`, async () => {
      const r = await get(p);
      assert.equal(r.status, 200);
      assert.equal(r.headers['content-type'], type);
      assert.equal(r.body.toString(), FILES[p.slice(1)]);
      assertSecurityHeaders(r, p);
    });
  }

  test('a directory with a trailing slash serves its index.html; without one it redirects', async () => {
    const root = await get('/');
    assert.equal(root.status, 200);
    assert.equal(root.body.toString(), FILES['index.html']);
    const zh = await get('/zh/');
    assert.equal(zh.body.toString(), FILES['zh/index.html']);
    const redirect = await get('/zh?x=1');
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.location, '/zh/?x=1');
    assertSecurityHeaders(redirect, 'redirect');
    // Never an open redirect: //zh names the same directory, and the Location stays on this site.
    const doubled = await get('//zh');
    assert.equal(doubled.status, 301);
    assert.equal(doubled.headers.location, '/zh/');
  });

  test('no directory listing: a directory without index.html is 404', async () => {
    const r = await get('/empty-dir/');
    assert.equal(r.status, 404);
    assert.doesNotMatch(r.body.toString(), /readme\.txt/);
    assertSecurityHeaders(r, '404 for a directory');
  });

  test('404 page is HTML with no inline script or style, and carries the headers', async () => {
    const r = await get('/en/days/1999-01-01.html');
    assert.equal(r.status, 404);
    assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
    assert.doesNotMatch(r.body.toString(), /<script|<style|style=/i);
    assertSecurityHeaders(r, '404');
  });

  test('ETag and If-None-Match give 304 with no body; a stale tag gets the page', async () => {
    const first = await get('/en/index.html');
    const etag = first.headers.etag!;
    assert.match(etag, /^"[\w-]+"$/);
    const again = await get('/en/index.html', { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers.etag, etag);
    assertSecurityHeaders(again, '304');
    const weak = await get('/en/index.html', { headers: { 'If-None-Match': `"other", W/${etag}` } });
    assert.equal(weak.status, 304);
    const stale = await get('/en/index.html', { headers: { 'If-None-Match': '"not-this-one"' } });
    assert.equal(stale.status, 200);
  });

  test('gzip and brotli when accepted (a tag per encoding, Vary), identity otherwise', async () => {
    const plain = await get('/en/days/2026-03-02.html');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.toString(), bigPage);
    const gz = await get('/en/days/2026-03-02.html', { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gz.headers.vary, 'Accept-Encoding');
    assert.ok(gz.body.length < bigPage.length / 4, `gzip body ${gz.body.length} bytes`);
    assert.equal(zlib.gunzipSync(gz.body).toString(), bigPage);
    assert.equal(Number(gz.headers['content-length']), gz.body.length);
    const br = await get('/en/days/2026-03-02.html', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(zlib.brotliDecompressSync(br.body).toString(), bigPage);
    assert.notEqual(br.headers.etag, gz.headers.etag);
    const refused = await get('/en/days/2026-03-02.html', { headers: { 'Accept-Encoding': 'br;q=0, gzip;q=0' } });
    assert.equal(refused.headers['content-encoding'], undefined);
    // The gzip form's tag revalidates too.
    const revalidated = await get('/en/days/2026-03-02.html', {
      headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': gz.headers.etag! },
    });
    assert.equal(revalidated.status, 304);
  });

  test('HEAD has the headers and length of GET and no body', async () => {
    const head = await get('/assets/site.css', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.equal(Number(head.headers['content-length']), Buffer.byteLength(FILES['assets/site.css']!));
    assert.equal(head.headers['content-type'], 'text/css; charset=utf-8');
    assertSecurityHeaders(head, 'HEAD');
  });

  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
    test(`${method} is 405 with Allow: GET, HEAD`, async () => {
      const r = await get('/index.html', { method });
      assert.equal(r.status, 405);
      assert.equal(r.headers.allow, 'GET, HEAD');
      assertSecurityHeaders(r, method);
    });
  }

  test('newsletter HTML and WeChat exports get the e-mail policy (inline style, no script); other pages the site policy', async () => {
    const r = await get('/newsletter/2026-03-02.en.html');
    assert.equal(r.status, 200);
    assertSecurityHeaders(r, 'newsletter', NEWSLETTER_CSP);
    assert.match(NEWSLETTER_CSP, /style-src 'unsafe-inline'/);
    assert.doesNotMatch(NEWSLETTER_CSP, /script-src|'unsafe-eval'/);
    assert.match(NEWSLETTER_CSP, /default-src 'none'/);
    assertSecurityHeaders(await get('/exports/769275656cc2/wechat.html'), 'wechat export', NEWSLETTER_CSP);
    assertSecurityHeaders(await get('/en/index.html'), 'site page');
  });

  test('a symlink that stays inside the site is served', async () => {
    const r = await get('/assets-alias/site.css');
    assert.equal(r.status, 200);
    assert.equal(r.body.toString(), FILES['assets/site.css']);
  });

  const attacks: Array<[string, string, number]> = [
    ['dot-dot', '/../secret.txt', 400],
    ['dot-dot deeper', '/en/../../secret.txt', 400],
    ['encoded dot-dot', '/%2e%2e/secret.txt', 400],
    ['encoded upper-case dot-dot', '/%2E%2E/secret.txt', 400],
    ['encoded slash', '/%2e%2e%2fsecret.txt', 400],
    ['mixed', '/en/..%2f..%2fsecret.txt', 400],
    ['backslash', '/..%5c..%5csecret.txt', 400],
    ['double-encoded dot-dot (decoded once: a literal file name)', '/%252e%252e/secret.txt', 404],
    ['encoded NUL', '/index.html%00.txt', 400],
    ['bad percent-encoding', '/%zz', 400],
    ['absolute file path', '//etc/passwd', 404],
    ['absolute-form target with dot-dot', 'http://example.test/../secret.txt', 400],
    ['symlinked directory out of the site', '/link-out/secret.txt', 404],
    ['symlinked file out of the site', '/secret-link.txt', 404],
    ['hidden file', '/.hidden', 404],
    ['encoded hidden file', '/%2ehidden', 404],
  ];
  for (const [name, target, status] of attacks) {
    test(`traversal: ${name} (${target}) is ${status} and leaks nothing`, async () => {
      const r = await get(target);
      assert.equal(r.status, status);
      assert.doesNotMatch(r.body.toString(), new RegExp(SECRET));
      assertSecurityHeaders(r, name);
    });
  }

  test('traversal: a raw NUL in the request line is refused with the security headers', async () => {
    const answer = await socketRequest(port, 'GET /index.html\0../secret.txt HTTP/1.1\r\nHost: x\r\n\r\n');
    assert.match(answer, /^HTTP\/1\.1 400/);
    assert.match(answer, /X-Content-Type-Options: nosniff/);
    assert.doesNotMatch(answer, new RegExp(SECRET));
  });

  test('a changed file is served anew (the cache checks size and time)', async () => {
    const file = path.join(dir, 'site', 'assets', 'search-index.js');
    const before = await get('/assets/search-index.js');
    await writeFile(file, 'window.TIDINGS_INDEX = [{"t":"new"}];');
    const later = new Date(Date.now() + 5000);
    await utimes(file, later, later);
    const after = await get('/assets/search-index.js');
    assert.notEqual(after.headers.etag, before.headers.etag);
    assert.match(after.body.toString(), /"new"/);
  });
});
