// The fetcher's politeness and protocol behaviour against a local server: robots.txt, pacing and
// concurrency, conditional GET from the disk cache, redirects, blocked addresses, bad URLs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createFetcher, type FetcherOptions } from './fetcher.js';
import { page, send, startLocalServer, type LocalServer } from './local-server.fixture.js';

const local = (extra: FetcherOptions = {}): FetcherOptions => ({
  allowHosts: ['127.0.0.1'],
  perHostIntervalMs: 0,
  timeoutMs: 5000,
  ...extra,
});

describe('robots.txt', () => {
  let server: LocalServer;
  let robots = {
    status: 200,
    body: 'User-agent: *\nDisallow: /private/\nAllow: /private/ok$\n\nUser-agent: TidingsBot\nDisallow: /bots-only-no\n',
  };
  before(async () => {
    server = await startLocalServer((req, res) => {
      if (req.url === '/robots.txt') send(res, robots.status, robots.body, { 'content-type': 'text/plain' });
      else send(res, 200, page('Open', `path ${req.url}`));
    });
  });
  after(() => server.close());

  test('a disallowed path is refused without being requested; robots.txt is fetched once', async () => {
    const fetcher = createFetcher(local({ userAgent: 'SomeReader/1.0' }));
    const blocked = await fetcher.fetch(`${server.base}/private/memo`);
    assert.equal(blocked.ok, false);
    if (!blocked.ok) {
      assert.equal(blocked.code, 'robots_disallowed');
      assert.match(blocked.message, /private\/memo is disallowed by .*robots\.txt \(Disallow: \/private\/\)/);
    }
    const allowed = await fetcher.fetch(`${server.base}/private/ok`);
    assert.ok(allowed.ok);
    const open = await fetcher.fetch(`${server.base}/news`);
    assert.ok(open.ok);
    assert.equal(server.seen.filter((r) => r.path === '/robots.txt').length, 1);
    assert.equal(
      server.seen.some((r) => r.path === '/private/memo'),
      false,
    );
    await fetcher.close();
  });

  test('the group for our own product token applies instead of *', async () => {
    const fetcher = createFetcher(local({ userAgent: 'TidingsBot/0.1' }));
    assert.equal((await fetcher.fetch(`${server.base}/private/memo`)).ok, true);
    const no = await fetcher.fetch(`${server.base}/bots-only-no`);
    assert.equal(no.ok ? 'ok' : no.code, 'robots_disallowed');
    await fetcher.close();
  });

  const statuses: Array<[name: string, status: number, expected: string]> = [
    ['404 robots.txt allows everything', 404, 'ok'],
    ['403 robots.txt allows everything', 403, 'ok'],
    ['500 robots.txt disallows everything', 500, 'robots_disallowed'],
    ['503 robots.txt disallows everything', 503, 'robots_disallowed'],
  ];
  for (const [name, status, expected] of statuses) {
    test(name, async () => {
      robots = { status, body: 'User-agent: *\nDisallow: /\n' };
      const fetcher = createFetcher(local());
      const result = await fetcher.fetch(`${server.base}/anything`);
      assert.equal(result.ok ? 'ok' : result.code, expected);
      if (!result.ok) assert.match(result.message, new RegExp(`HTTP ${status}`));
      await fetcher.close();
    });
  }

  test('robots.txt kept in the disk cache is used by the next fetcher for 24 h; a 503 is not kept', async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'tidings-robots-cache-'));
    try {
      let clock = Date.parse('2026-05-10T08:00:00Z');
      const asked = () => server.seen.filter((r) => r.path === '/robots.txt').length;
      const run = async (target: string) => {
        const fetcher = createFetcher(local({ cacheDir, now: () => clock }));
        const result = await fetcher.fetch(`${server.base}${target}`);
        await fetcher.close();
        return result;
      };
      robots = { status: 200, body: 'User-agent: *\nDisallow: /private/\n' };
      const before = asked();
      assert.equal((await run('/private/a')).ok, false);
      clock += 23 * 3600_000;
      const second = await run('/private/b');
      assert.equal(second.ok ? 'ok' : second.code, 'robots_disallowed', 'the kept rules still apply');
      assert.equal(asked() - before, 1, 'asked once for two fetchers');
      clock += 2 * 3600_000;
      robots = { status: 503, body: 'down' };
      assert.equal((await run('/open')).ok, false, 'after 24 h it is asked again: a 503 closes the site');
      assert.equal((await run('/open')).ok, false);
      assert.equal(asked() - before, 3, 'the 503 was not kept');
      robots = { status: 404, body: '' };
      assert.ok((await run('/open')).ok);
      assert.ok((await run('/private/c')).ok, 'a kept 404: no restrictions');
      assert.equal(asked() - before, 4);
      const uncached = createFetcher(local({ cacheDir, robotsCacheMs: 0 }));
      assert.ok((await uncached.fetch(`${server.base}/open`)).ok);
      await uncached.close();
      assert.equal(asked() - before, 5, 'robotsCacheMs: 0 always asks');
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  test('respectRobots: false skips robots.txt entirely', async () => {
    robots = { status: 200, body: 'User-agent: *\nDisallow: /\n' };
    const before = server.seen.length;
    const fetcher = createFetcher(local({ respectRobots: false }));
    assert.ok((await fetcher.fetch(`${server.base}/x`)).ok);
    assert.deepEqual(
      server.seen.slice(before).map((r) => r.path),
      ['/x'],
    );
    await fetcher.close();
  });

  test('Crawl-delay larger than the pacing interval spaces request starts', async () => {
    robots = { status: 200, body: 'User-agent: *\nCrawl-delay: 0.3\n' };
    // The fetcher's own send times (onSend), not arrival at the server, which lags by a loaded
    // machine's connection cost.
    const sent: Array<{ url: string; at: number }> = [];
    const fetcher = createFetcher(local({ perHostIntervalMs: 50, perHostConcurrency: 3, onSend: (e) => sent.push(e) }));
    const results = await Promise.all([1, 2, 3].map((n) => fetcher.fetch(`${server.base}/d${n}`)));
    assert.ok(results.every((r) => r.ok));
    const starts = sent.filter((e) => !e.url.endsWith('/robots.txt')).map((e) => e.at);
    assert.equal(starts.length, 3);
    for (let i = 1; i < starts.length; i++)
      assert.ok(starts[i]! - starts[i - 1]! >= 295, `gap ${i}: ${(starts[i]! - starts[i - 1]!).toFixed(1)} ms`);
    await fetcher.close();
  });
});

describe('pacing and concurrency', () => {
  let server: LocalServer;
  before(async () => {
    server = await startLocalServer((req, res) => {
      if (req.url === '/robots.txt') return send(res, 404, 'none');
      setTimeout(() => send(res, 200, page('Slow', 'answer after 150 ms')), req.url?.startsWith('/slow') ? 150 : 0);
    });
  });
  after(() => server.close());

  test('request starts to one host are at least perHostIntervalMs apart', async () => {
    // Measured where pacing happens, at the fetcher's own send times: the server sees each request
    // later by the time connecting takes, which on a loaded machine varies by more than the gap.
    const sent: Array<{ url: string; at: number }> = [];
    const fetcher = createFetcher(
      local({ perHostIntervalMs: 120, perHostConcurrency: 4, onSend: (e) => sent.push(e) }),
    );
    const results = await Promise.all([1, 2, 3, 4].map((n) => fetcher.fetch(`${server.base}/p${n}`)));
    assert.ok(results.every((r) => r.ok));
    assert.equal(sent.length, 5); // robots.txt + 4 pages, all paced
    assert.match(sent[0]!.url, /\/robots\.txt$/, 'robots.txt first');
    // Unpaced, every gap would be a millisecond or two.
    for (let i = 1; i < sent.length; i++)
      assert.ok(sent[i]!.at - sent[i - 1]!.at >= 115, `gap ${i}: ${(sent[i]!.at - sent[i - 1]!.at).toFixed(1)} ms`);
    await fetcher.close();
  });

  test('no more than perHostConcurrency requests to one host at once', async () => {
    const fetcher = createFetcher(local({ perHostConcurrency: 2 }));
    server.resetPeak();
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => fetcher.fetch(`${server.base}/slow${n}`)));
    assert.ok(results.every((r) => r.ok));
    assert.equal(server.maxInFlight(), 2);
    await fetcher.close();
  });

  test('the global concurrency limit holds across hosts', async () => {
    const fetcher = createFetcher(
      local({ allowHosts: ['127.0.0.1', 'localhost'], perHostConcurrency: 2, concurrency: 1, respectRobots: false }),
    );
    server.resetPeak();
    const urls = [1, 2].flatMap((n) => [`${server.base}/slow-g${n}`, `http://localhost:${server.port}/slow-g${n}`]);
    const results = await Promise.all(urls.map((u) => fetcher.fetch(u)));
    assert.ok(
      results.every((r) => r.ok),
      JSON.stringify(results.filter((r) => !r.ok)),
    );
    assert.equal(server.maxInFlight(), 1);
    await fetcher.close();
  });

  test('fetchedAt comes from the injected clock', async () => {
    const fetcher = createFetcher(local({ now: () => Date.UTC(2026, 4, 10, 8, 0, 0) }));
    const result = await fetcher.fetch(`${server.base}/clock`);
    assert.ok(result.ok);
    assert.equal(result.value.fetchedAt, '2026-05-10T08:00:00.000Z');
    await fetcher.close();
  });
});

describe('conditional GET from the disk cache', () => {
  let server: LocalServer;
  let cacheDir = '';
  let version = 'v1';
  before(async () => {
    cacheDir = await mkdtemp(path.join(os.tmpdir(), 'tidings-fetch-cache-'));
    server = await startLocalServer((req, res) => {
      if (req.url === '/robots.txt') return send(res, 404, '');
      if (req.url === '/etag') {
        const tag = `"${version}"`;
        if (req.headers['if-none-match'] === tag) return send(res, 304, '', { etag: tag });
        return send(res, 200, page('Tagged', `version ${version}`), { etag: tag });
      }
      if (req.url === '/dated') {
        const stamp = 'Sun, 10 May 2026 08:00:00 GMT';
        if (req.headers['if-modified-since'] === stamp) return send(res, 304, '');
        return send(res, 200, page('Dated', 'a dated page'), { 'last-modified': stamp });
      }
      send(res, 200, page('Plain', 'no validators'));
    });
  });
  after(async () => {
    await server.close();
    await rm(cacheDir, { recursive: true, force: true });
  });

  test('ETag: a second fetcher revalidates and serves the cached body on 304', async () => {
    const first = createFetcher(local({ cacheDir }));
    const fresh = await first.fetch(`${server.base}/etag`);
    assert.ok(fresh.ok);
    assert.equal(fresh.value.fromCache, false);
    assert.equal(fresh.value.etag, '"v1"');
    await first.close();

    const second = createFetcher(local({ cacheDir }));
    const revalidated = await second.fetch(`${server.base}/etag`);
    assert.ok(revalidated.ok);
    assert.equal(revalidated.value.notModified, true);
    assert.equal(revalidated.value.fromCache, true);
    assert.equal(revalidated.value.status, 200);
    assert.equal(revalidated.value.text, fresh.value.text);
    const conditional = server.seen.filter((r) => r.path === '/etag').at(-1);
    assert.equal(conditional?.headers['if-none-match'], '"v1"');

    version = 'v2';
    const changed = await second.fetch(`${server.base}/etag`);
    assert.ok(changed.ok);
    assert.equal(changed.value.notModified, false);
    assert.match(changed.value.text, /version v2/);
    await second.close();
  });

  test('Last-Modified: If-Modified-Since is sent and 304 is served from disk', async () => {
    const fetcher = createFetcher(local({ cacheDir }));
    assert.ok((await fetcher.fetch(`${server.base}/dated`)).ok);
    const again = await fetcher.fetch(`${server.base}/dated`);
    assert.ok(again.ok);
    assert.equal(again.value.notModified, true);
    assert.match(again.value.text, /a dated page/);
    assert.equal(again.value.lastModified, 'Sun, 10 May 2026 08:00:00 GMT');
    await fetcher.close();
  });

  test('without a cacheDir nothing is conditional', async () => {
    const fetcher = createFetcher(local());
    await fetcher.fetch(`${server.base}/etag`);
    const again = await fetcher.fetch(`${server.base}/etag`);
    assert.ok(again.ok);
    assert.equal(again.value.fromCache, false);
    assert.equal(server.seen.filter((r) => r.path === '/etag').at(-1)?.headers['if-none-match'], undefined);
    await fetcher.close();
  });
});

describe('redirects', () => {
  let server: LocalServer;
  before(async () => {
    server = await startLocalServer((req, res) => {
      const url = req.url ?? '';
      const redirect = (to: string, status = 302) => send(res, status, '', { location: to });
      if (url === '/robots.txt')
        return send(res, 200, 'User-agent: *\nDisallow: /secret\n', { 'content-type': 'text/plain' });
      if (url === '/old') return redirect('/new', 301);
      if (url === '/new') return send(res, 200, page('New home', 'moved here'));
      const chain = /^\/chain\/(\d+)$/.exec(url);
      if (chain) return redirect(`/chain/${Number(chain[1]) + 1}`, 307);
      if (url === '/loop/a') return redirect('/loop/b');
      if (url === '/loop/b') return redirect(`${server.base}/loop/a`);
      if (url === '/to-private') return redirect('http://10.0.0.1/admin');
      if (url === '/to-secret') return redirect('/secret/file');
      if (url === '/to-ftp') return redirect('ftp://files.example/x');
      if (url === '/no-location') return send(res, 302, '');
      send(res, 200, page('Fallback', url));
    });
  });
  after(() => server.close());

  test('a redirect is followed and both URLs are reported', async () => {
    const fetcher = createFetcher(local());
    const result = await fetcher.fetch(`${server.base}/old#frag`);
    assert.ok(result.ok);
    assert.equal(result.value.requestedUrl, `${server.base}/old#frag`);
    assert.equal(result.value.url, `${server.base}/new`);
    assert.match(result.value.text, /moved here/);
    await fetcher.close();
  });

  const failures: Array<[name: string, path: string, options: FetcherOptions, code: string, mentions: RegExp]> = [
    ['a chain longer than the cap', '/chain/0', {}, 'redirect_loop', /more than 5 times/],
    [
      'a lower cap',
      '/chain/0',
      { maxRedirects: 2 },
      'redirect_loop',
      /more than 2 times: .*chain\/0 -> .*chain\/1 -> .*chain\/2 -> .*chain\/3/,
    ],
    ['a loop', '/loop/a', {}, 'redirect_loop', /in a loop: .*loop\/a -> .*loop\/b -> .*loop\/a/],
    [
      'a hop to a private address',
      '/to-private',
      {},
      'blocked_address',
      /10\.0\.0\.1 is private .*reached by redirect from/,
    ],
    ['a hop to a robots-disallowed path', '/to-secret', {}, 'robots_disallowed', /secret\/file is disallowed/],
    ['a hop to another scheme', '/to-ftp', {}, 'unsupported', /ftp:/],
    ['a redirect without Location', '/no-location', {}, 'http_error', /no Location header/],
  ];
  for (const [name, urlPath, options, code, mentions] of failures) {
    test(`redirect fails: ${name}`, async () => {
      const fetcher = createFetcher(local(options));
      const result = await fetcher.fetch(`${server.base}${urlPath}`);
      assert.equal(result.ok, false);
      if (!result.ok) {
        assert.equal(result.code, code);
        assert.match(result.message, mentions);
      }
      await fetcher.close();
    });
  }

  test('the redirect cap stops requests: at most cap + 1 hops reach the server', async () => {
    const fetcher = createFetcher(local({ maxRedirects: 3 }));
    const before = server.seen.filter((r) => r.path.startsWith('/chain/')).length;
    await fetcher.fetch(`${server.base}/chain/100`);
    assert.equal(server.seen.filter((r) => r.path.startsWith('/chain/')).length - before, 4);
    await fetcher.close();
  });
});

describe('refused before any request', () => {
  let server: LocalServer;
  before(async () => {
    server = await startLocalServer((_req, res) => send(res, 200, page('Should not be reached', 'x')));
  });
  after(() => server.close());

  const cases: Array<[name: string, url: () => string, code: string, mentions: RegExp]> = [
    ['loopback IP not in allowHosts', () => `${server.base}/`, 'blocked_address', /127\.0\.0\.1 is loopback/],
    [
      'a DNS name resolving to loopback',
      () => `http://localhost:${server.port}/`,
      'blocked_address',
      /localhost resolves to .*loopback/,
    ],
    ['IPv6 loopback', () => `http://[::1]:${server.port}/`, 'blocked_address', /::1 is loopback/],
    [
      'IPv4-mapped loopback',
      () => `http://[::ffff:127.0.0.1]:${server.port}/`,
      'blocked_address',
      /IPv4-mapped form of loopback/,
    ],
    ['decimal-integer loopback', () => `http://2130706433:${server.port}/`, 'blocked_address', /loopback/],
    ['0.0.0.0', () => `http://0.0.0.0:${server.port}/`, 'blocked_address', /this-network/],
    ['link-local metadata address', () => 'http://169.254.169.254/latest/meta-data', 'blocked_address', /link-local/],
    ['ftp scheme', () => 'ftp://files.example/a.txt', 'unsupported', /only http and https/],
    ['file scheme', () => 'file:///etc/hostname', 'unsupported', /file:/],
    ['not a URL', () => 'not a url', 'bad_input', /"not a url" is not a valid URL/],
  ];
  for (const [name, url, code, mentions] of cases) {
    test(`refused: ${name}`, async () => {
      const fetcher = createFetcher({ timeoutMs: 3000, perHostIntervalMs: 0 });
      const result = await fetcher.fetch(url());
      assert.equal(result.ok, false);
      if (!result.ok) {
        assert.equal(result.code, code);
        assert.match(result.message, mentions);
      }
      assert.equal(server.seen.length, 0, 'the server saw no request');
      await fetcher.close();
    });
  }

  test('allowHosts can name a host instead of an IP', async () => {
    const fetcher = createFetcher({ allowHosts: ['localhost'], perHostIntervalMs: 0, respectRobots: false });
    const result = await fetcher.fetch(`http://localhost:${server.port}/named`);
    assert.ok(result.ok, result.ok ? '' : result.message);
    await fetcher.close();
  });

  test('using a closed fetcher is a bug and throws', async () => {
    const fetcher = createFetcher(local());
    await fetcher.close();
    await assert.rejects(fetcher.fetch(`${server.base}/`), /after the fetcher was closed/);
  });
});
