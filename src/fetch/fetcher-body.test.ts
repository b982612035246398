// What the fetcher does with response bodies and statuses: compression, size and time caps,
// character encodings, HTTP error statuses and binary bodies, against a local server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { createFetcher, type FetcherOptions } from './fetcher.js';
import { page, send, startLocalServer, type LocalServer } from './local-server.fixture.js';

const local = (extra: FetcherOptions = {}): FetcherOptions => ({
  allowHosts: ['127.0.0.1'],
  perHostIntervalMs: 0,
  respectRobots: false,
  timeoutMs: 5000,
  ...extra,
});

// Invented sample prose.
const ZH = '星河智能今天发布了新的语言模型，公司表示其推理速度比上一代快三倍。分析人士认为这将改变云计算市场的格局。';
const TW = '星河智能今天發布了新的語言模型，公司表示其推理速度比上一代快三倍。分析人士認為這將改變雲端運算市場的格局。';
const HTML = page('Compressed', `A body worth compressing. ${'Repeated words compress well. '.repeat(50)}`);

/** Zero bytes produced lazily, `total` in all: never held in memory at once. */
function zeros(total: number): Readable {
  let sent = 0;
  const chunk = Buffer.alloc(64 * 1024, 0x61); // 'a': text-like, so only the cap can stop it
  return new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

const HUGE = 200 * 1024 * 1024;

describe('bodies', () => {
  let server: LocalServer;
  let streamedBytes = 0;
  before(async () => {
    server = await startLocalServer((req, res) => {
      const url = req.url ?? '';
      const html = (body: Uint8Array | string, type = 'text/html; charset=utf-8', extra = {}) =>
        send(res, 200, body, { 'content-type': type, ...extra });
      switch (url) {
        case '/gzip':
          return html(zlib.gzipSync(HTML), undefined, { 'content-encoding': 'gzip' });
        case '/deflate':
          return html(zlib.deflateSync(HTML), undefined, { 'content-encoding': 'deflate' });
        case '/deflate-raw':
          return html(zlib.deflateRawSync(HTML), undefined, { 'content-encoding': 'deflate' });
        case '/br':
          return html(zlib.brotliCompressSync(HTML), undefined, { 'content-encoding': 'br' });
        case '/bad-gzip':
          return html(Buffer.from('this is not gzip at all, just text'), undefined, { 'content-encoding': 'gzip' });
        case '/zstd':
          return html(Buffer.from('x'), undefined, { 'content-encoding': 'zstd' });
        case '/gbk-header':
          return html(iconv.encode(page('GBK', ZH), 'gbk'), 'text/html; charset=GBK');
        case '/gbk-meta':
          return html(iconv.encode(page('GBK', ZH, '<meta charset="gb2312">'), 'gbk'), 'text/html');
        case '/big5-header':
          return html(iconv.encode(page('Big5', TW), 'big5'), 'text/html; charset=big5');
        case '/big5-meta':
          return html(
            iconv.encode(
              page('Big5', TW, '<meta http-equiv="Content-Type" content="text/html; charset=big5">'),
              'big5',
            ),
            'text/html',
          );
        case '/mislabeled':
          return html(iconv.encode(page('Mislabeled', ZH), 'gbk'), 'text/html; charset=utf-8');
        case '/gbk-xml':
          return html(
            iconv.encode(
              `<?xml version="1.0" encoding="gb2312"?><rss><channel><title>${ZH}</title></channel></rss>`,
              'gbk',
            ),
            'application/rss+xml',
          );
        case '/png':
          return html(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'image/png');
        case '/binary':
          return html(Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]), 'application/octet-stream');
        case '/empty':
          return html('');
        case '/declared-huge':
          res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(HUGE) });
          return void res.write('<p>');
        case '/stream-huge':
        case '/huge-image':
        case '/gzip-bomb': {
          const type = url === '/huge-image' ? 'image/jpeg' : 'text/html';
          res.writeHead(200, { 'content-type': type, ...(url === '/gzip-bomb' ? { 'content-encoding': 'gzip' } : {}) });
          const source = zeros(HUGE);
          source.on('data', (chunk: Buffer) => (streamedBytes += chunk.length));
          const stream = url === '/gzip-bomb' ? source.pipe(zlib.createGzip()) : source;
          stream.pipe(res);
          res.once('close', () => source.destroy());
          return;
        }
        case '/never':
          return; // accepts the connection, never answers
        case '/stall-body':
          res.writeHead(200, { 'content-type': 'text/html' });
          return void res.write('<p>first half');
        default:
          return send(res, 404, 'no such page');
      }
    });
  });
  after(() => server.close());

  const compressed: Array<[name: string, path: string]> = [
    ['gzip', '/gzip'],
    ['deflate (zlib-wrapped)', '/deflate'],
    ['deflate (raw)', '/deflate-raw'],
    ['br', '/br'],
  ];
  for (const [name, urlPath] of compressed) {
    test(`decompresses ${name}`, async () => {
      const fetcher = createFetcher(local());
      const result = await fetcher.fetch(`${server.base}${urlPath}`, { kind: 'html' });
      assert.ok(result.ok, result.ok ? '' : result.message);
      assert.equal(result.value.text, HTML);
      assert.equal(server.seen.at(-1)?.headers['accept-encoding'], 'gzip, deflate, br');
      await fetcher.close();
    });
  }

  const charsets: Array<[name: string, path: string, kind: 'html' | 'xml', charset: string, contains: string]> = [
    ['GBK via header', '/gbk-header', 'html', 'gb18030', ZH],
    ['GB2312 via meta only', '/gbk-meta', 'html', 'gb18030', ZH],
    ['Big5 via header', '/big5-header', 'html', 'big5', TW],
    ['Big5 via http-equiv only', '/big5-meta', 'html', 'big5', TW],
    ['GBK bytes labelled UTF-8', '/mislabeled', 'html', 'gb18030', ZH],
    ['GB2312 XML declaration', '/gbk-xml', 'xml', 'gb18030', ZH],
  ];
  for (const [name, urlPath, kind, charset, contains] of charsets) {
    test(`charset: ${name}`, async () => {
      const fetcher = createFetcher(local());
      const result = await fetcher.fetch(`${server.base}${urlPath}`, { kind });
      assert.ok(result.ok, result.ok ? '' : result.message);
      assert.equal(result.value.charset, charset);
      assert.ok(result.value.text.includes(contains));
      await fetcher.close();
    });
  }

  const failures: Array<
    [name: string, path: string, options: FetcherOptions, code: string, mentions: RegExp, withinMs: number]
  > = [
    [
      'a declared 200 MB body',
      '/declared-huge',
      { maxBytes: 1024 * 1024 },
      'too_large',
      /declares 209715200 bytes, over the 1048576-byte cap/,
      2000,
    ],
    [
      'a streamed 200 MB body',
      '/stream-huge',
      { maxBytes: 1024 * 1024 },
      'too_large',
      /body passed the 1048576-byte cap/,
      3000,
    ],
    [
      'a 200 MB gzip bomb',
      '/gzip-bomb',
      { maxBytes: 1024 * 1024 },
      'too_large',
      /decompressed body passed the 1048576-byte cap/,
      3000,
    ],
    [
      'a server that never answers',
      '/never',
      { timeoutMs: 300 },
      'timeout',
      /did not answer completely within 300 ms/,
      2000,
    ],
    ['a body that stalls halfway', '/stall-body', { timeoutMs: 300 }, 'timeout', /within 300 ms/, 2000],
    ['a body that is not the gzip it claims', '/bad-gzip', {}, 'bad_encoding', /does not decompress as gzip/, 2000],
    ['an unknown content encoding', '/zstd', {}, 'unsupported', /content encoding we cannot read: "zstd"/, 2000],
    ['an image', '/png', {}, 'unsupported', /image\/png, not a text document/, 2000],
    [
      'a 200 MB image is not downloaded',
      '/huge-image',
      {},
      'unsupported',
      /image\/jpeg, not a text document; it was not downloaded/,
      2000,
    ],
    ['a binary body', '/binary', {}, 'binary_input', /binary|NUL byte/, 2000],
    ['an empty body', '/empty', {}, 'empty_input', /empty/, 2000],
  ];
  for (const [name, urlPath, options, code, mentions, withinMs] of failures) {
    test(`fails fast: ${name}`, async () => {
      streamedBytes = 0;
      const fetcher = createFetcher(local(options));
      const started = performance.now();
      const result = await fetcher.fetch(`${server.base}${urlPath}`);
      const elapsed = performance.now() - started;
      assert.equal(result.ok, false);
      if (!result.ok) {
        assert.equal(result.code, code);
        assert.match(result.message, mentions);
        assert.ok(result.message.includes(`${server.base}${urlPath}`), 'the message names the URL');
      }
      assert.ok(elapsed < withinMs, `took ${Math.round(elapsed)} ms`);
      // The server is stopped from producing the 200 MB: far less than that was generated.
      assert.ok(streamedBytes < 64 * 1024 * 1024, `server produced ${streamedBytes} bytes`);
      await fetcher.close();
    });
  }
});

describe('statuses and network errors', () => {
  let server: LocalServer;
  before(async () => {
    server = await startLocalServer((req, res) => {
      const status = Number((req.url ?? '').slice(1).split('?')[0]);
      const headers = req.url?.includes('retry') ? { 'retry-after': '120' } : {};
      send(res, Number.isInteger(status) && status >= 200 ? status : 400, 'status page', headers);
    });
  });
  after(() => server.close());

  const cases: Array<[path: string, code: string, mentions: RegExp]> = [
    ['/404', 'not_found', /was not found \(HTTP 404\)/],
    ['/410', 'not_found', /HTTP 410/],
    ['/500', 'server_error', /failed on the server side \(HTTP 500\)/],
    ['/503?retry', 'server_error', /HTTP 503.*retry after 120 seconds/],
    ['/429', 'rate_limited', /too many requests \(HTTP 429\)$/],
    ['/429?retry', 'rate_limited', /retry after 120 seconds/],
    ['/403', 'http_error', /answered HTTP 403/],
    ['/304', 'http_error', /304 Not Modified, but nothing was cached/],
  ];
  for (const [urlPath, code, mentions] of cases) {
    test(`status ${urlPath}`, async () => {
      const fetcher = createFetcher(local());
      const result = await fetcher.fetch(`${server.base}${urlPath}`);
      assert.equal(result.ok, false);
      if (!result.ok) {
        assert.equal(result.code, code);
        assert.match(result.message, mentions);
        assert.equal(result.subject, `${server.base}${urlPath}`);
      }
      await fetcher.close();
    });
  }

  test('a robots.txt cut off by the network fails the page with network_error, and is retried next time', async () => {
    let robotsCalls = 0;
    const flaky = await startLocalServer((req, res) => {
      if (req.url === '/robots.txt' && ++robotsCalls === 1) return void req.socket.destroy();
      if (req.url === '/robots.txt') return send(res, 404, '');
      send(res, 200, page('Flaky', 'second time lucky'));
    });
    const fetcher = createFetcher(local({ respectRobots: true }));
    const first = await fetcher.fetch(`${flaky.base}/page`);
    assert.equal(first.ok, false);
    if (!first.ok) {
      assert.equal(first.code, 'network_error');
      assert.match(
        first.message,
        /\/page was not fetched because its robots\.txt could not be read: .*robots\.txt could not be fetched/,
      );
    }
    const second = await fetcher.fetch(`${flaky.base}/page`);
    assert.ok(second.ok, second.ok ? '' : second.message);
    assert.equal(robotsCalls, 2);
    await fetcher.close();
    await flaky.close();
  });

  test('connection refused is a network_error naming the URL', async () => {
    const closed = await startLocalServer(() => undefined);
    await closed.close();
    const fetcher = createFetcher(local());
    const result = await fetcher.fetch(`${closed.base}/gone`);
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.code, 'network_error');
      assert.match(result.message, new RegExp(`${closed.base}/gone could not be fetched: the connection was refused`));
    }
    await fetcher.close();
  });
});
