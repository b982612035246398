// The pure parts of the server, as tables: request targets, encodings, ETag matching, content
// types, API parameters and cursors, the bounded cache, and the gate on computations.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeCursor,
  encodeCursor,
  isCalendarDay,
  isIsoDateTime,
  isStoreTimestamp,
  parseParams,
} from './api-params.js';
import { createBoundedCache } from './bounded-cache.js';
import { createGate, isBusy } from './compute-gate.js';
import { contentTypeFor, isCompressible } from './content-type.js';
import { etagMatches, negotiateEncoding } from './representation.js';
import { parseRequestTarget } from './request-path.js';
import { isNewsletterPage } from './security-headers.js';

describe('parseRequestTarget', () => {
  const cases: Array<[string, string, string[] | string]> = [
    ['root', '/', []],
    ['page', '/en/days/2026-03-02.html', ['en', 'days', '2026-03-02.html']],
    ['query kept apart', '/en/search.html?q=%E6%A8%A1%E5%9E%8B', ['en', 'search.html']],
    ['encoded Chinese file name', '/topics/%E6%A8%A1%E5%9E%8B.html', ['topics', '模型.html']],
    ['empty segments dropped', '//etc//passwd', ['etc', 'passwd']],
    ['absolute-form reduced to its path', 'http://127.0.0.1:8080/en/', ['en']],
    ['dot-dot', '/a/../b', 'bad_input'],
    ['encoded dot-dot', '/%2e%2E/b', 'bad_input'],
    ['single dot', '/./index.html', 'bad_input'],
    ['encoded slash', '/a%2fb', 'bad_input'],
    ['encoded backslash', '/a%5cb', 'bad_input'],
    ['encoded NUL', '/a%00b', 'bad_input'],
    ['broken escape', '/%e4%b8', 'bad_input'],
    ['not a path', 'etc/passwd', 'bad_input'],
    ['asterisk form', '*', 'bad_input'],
    ['dot file', '/.git/config', 'not_found'],
  ];
  for (const [name, target, expected] of cases) {
    test(name, () => {
      const r = parseRequestTarget(target);
      if (typeof expected === 'string') {
        assert.equal(r.ok, false);
        if (!r.ok) assert.equal(r.code, expected);
      } else {
        assert.ok(r.ok);
        assert.deepEqual(r.value.segments, expected);
      }
    });
  }
  test('trailing slash and query are reported', () => {
    const r = parseRequestTarget('/en/?a=1');
    assert.ok(r.ok && r.value.trailingSlash && r.value.query.get('a') === '1' && r.value.raw === '/en/');
  });
});

describe('negotiateEncoding', () => {
  const cases: Array<[string | undefined, string]> = [
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['identity', 'identity'],
    ['deflate', 'identity'],
    ['GZIP;Q=0.5', 'gzip'],
  ];
  for (const [header, expected] of cases)
    test(`${JSON.stringify(header)} -> ${expected}`, () => assert.equal(negotiateEncoding(header), expected));
});

describe('etagMatches', () => {
  const tag = '"abc123"';
  const cases: Array<[string | undefined, boolean]> = [
    [undefined, false],
    ['"abc123"', true],
    ['W/"abc123"', true],
    ['"abc123-gz"', true],
    ['"abc123-br"', true],
    ['"x", "abc123"', true],
    ['*', true],
    ['"abc12"', false],
    ['"abc123-zz"', false],
  ];
  for (const [header, expected] of cases)
    test(`${JSON.stringify(header)} -> ${expected}`, () => assert.equal(etagMatches(header, tag), expected));
});

describe('contentTypeFor', () => {
  const cases: Array<[string, string]> = [
    ['feeds/en/rss.xml', 'application/rss+xml; charset=utf-8'],
    ['feeds/en/topics/openai.atom.xml', 'application/atom+xml; charset=utf-8'],
    ['feeds/zh/feed.json', 'application/feed+json; charset=utf-8'],
    ['sitemap.xml', 'application/xml; charset=utf-8'],
    ['data.json', 'application/json; charset=utf-8'],
    ['a.HTML', 'text/html; charset=utf-8'],
    ['x.en.txt', 'text/plain; charset=utf-8'],
    ['logo.svg', 'image/svg+xml; charset=utf-8'],
    ['font.woff2', 'font/woff2'],
    ['noext', 'application/octet-stream'],
  ];
  for (const [file, type] of cases) test(file, () => assert.equal(contentTypeFor(file), type));
  test('text is compressible, images are not', () => {
    assert.ok(isCompressible('application/rss+xml; charset=utf-8'));
    assert.ok(isCompressible('application/feed+json; charset=utf-8'));
    assert.ok(!isCompressible('image/png'));
  });
  test('e-mail policy pages: HTML under newsletter/ and WeChat exports only', () => {
    assert.ok(isNewsletterPage(['newsletter', '2026-03-02.en.html']));
    assert.ok(!isNewsletterPage(['en', 'newsletter', 'x.html']));
    assert.ok(!isNewsletterPage(['newsletter', 'logo.png']));
    assert.ok(
      isNewsletterPage(['exports', 'story-1', 'wechat.html']),
      'a WeChat export is inline-styled hand-off material too',
    );
    assert.ok(!isNewsletterPage(['exports', 'story-1', 'x.en.txt']));
    assert.ok(!isNewsletterPage(['en', 'exports', 'story-1', 'wechat.html']));
  });
});

describe('API parameters', () => {
  test('limit defaults to 20 and is bounded', () => {
    const d = parseParams('stories', new URLSearchParams(''));
    assert.ok(d.ok && d.value.limit === 20);
    const max = parseParams('stories', new URLSearchParams('limit=100'));
    assert.ok(max.ok && max.value.limit === 100);
    for (const bad of ['0', '101', '-1', '1.5', 'x', '']) {
      const r = parseParams('stories', new URLSearchParams(`limit=${bad}`));
      assert.ok(!r.ok && /"limit"/.test(r.message), bad);
    }
  });
  test('calendar days', () => {
    for (const d of ['2026-03-02', '2024-02-29']) assert.ok(isCalendarDay(d), d);
    for (const d of ['2026-02-29', '2026-3-2', '20260302', '2026-03-02T00:00:00Z', '0000-01-01'])
      assert.ok(!isCalendarDay(d), d);
  });
  test('ISO date-times (since=): every part in range, a zone required', () => {
    for (const t of ISO_ACCEPTED) assert.ok(isIsoDateTime(t), t);
    for (const t of [
      '2026-03-02T24:00:00Z',
      '2026-03-02T08:60Z',
      '2026-03-02T08:00:60Z',
      '2026-02-30T08:00Z',
      '2026-03-02T08:00:00',
      '2026-03-02T08:00:00+15:00',
      '0000-01-01T00:00Z',
      '2026-03-02T08:00:00.1234567Z',
      '2026-03-02 08:00:00Z',
      '2026-03-02T8:00Z',
      '+275760-09-13T00:00:00Z',
    ])
      assert.ok(!isIsoDateTime(t), t);
  });
  test("store timestamps (inside cursors): PostgreSQL's text form only, every part in range", () => {
    for (const t of STORE_ACCEPTED) assert.ok(isStoreTimestamp(t), t);
    for (const t of [
      'notadate',
      '2026-99-99 08:00:00+00',
      '2026-03-02T08:00:00Z',
      '2026-03-02 25:00:00+00',
      '2026-03-02 08:00:00+16',
      '2026-03-02 08:00:00+00 BC',
      '2026-03-02 08:00:00',
      '0000-03-02 08:00:00+00',
    ]) {
      assert.ok(!isStoreTimestamp(t), t);
    }
  });
  test('a cursor whose key the store would refuse is a 400 naming cursor, not a store error', () => {
    const bad = [
      { lastActive: 'notadate', id: 'abc' },
      { lastActive: '2026-02-30 10:00:00+00', id: 'abc' },
      { lastActive: '2026-03-02 10:00:00+00', id: 'a\u0000b' },
      { lastActive: '2026-03-02 10:00:00+00', id: 'x'.repeat(65) },
    ];
    for (const key of bad) {
      const r = decodeCursor(
        'stories',
        Buffer.from(JSON.stringify({ v: 1, list: 'stories', key })).toString('base64url'),
      );
      assert.ok(!r.ok && r.code === 'bad_input' && /"cursor"/.test(r.message), JSON.stringify(key));
    }
  });
  test('a cursor round-trips, and is refused by another list or when damaged', () => {
    const c = encodeCursor('articles', { published: '2026-03-02 10:00:00.123456+00', id: 'abc' });
    assert.deepEqual(decodeCursor('articles', c), {
      ok: true,
      value: { published: '2026-03-02 10:00:00.123456+00', id: 'abc' },
    });
    const other = decodeCursor('stories', c);
    assert.ok(!other.ok && /articles list/.test(other.message));
    const damaged = decodeCursor(
      'articles',
      Buffer.from(JSON.stringify({ v: 1, list: 'articles', key: { id: 5 } })).toString('base64url'),
    );
    assert.ok(!damaged.ok && /"cursor"/.test(damaged.message));
    assert.ok(!decodeCursor('articles', '!!!').ok);
  });
});

/** Accepted by the API's checks (test/hostile-serve.test.ts has the store accept such values too). */
const ISO_ACCEPTED = [
  '2026-03-02T08:00Z',
  '2026-03-02T08:00:00Z',
  '2026-03-02T08:00:00.123456+08:00',
  '2026-03-02T08:00:00-0530',
  '2026-03-02T23:59:59.9+14:00',
  '0001-01-01T00:00Z',
  '9999-12-31T23:59:59Z',
];
const STORE_ACCEPTED = [
  '2026-03-02 08:00:00+00',
  '2026-03-02 08:00:00.5+05:30',
  '1890-01-01 00:00:00+00:01:15',
  '2026-03-02 23:59:59.999999-11',
  '2026-03-02 08:00:00-03:30',
];

describe('bounded cache', () => {
  const make = (maxEntries: number, maxBytes: number, ttlMs = Number.POSITIVE_INFINITY, now = () => 0) =>
    createBoundedCache<string>({ maxEntries, maxBytes, sizeOf: (v) => v.length, ttlMs, now });

  test('evicts the least recently used past the entry bound', () => {
    const c = make(2, 1000);
    c.set('a', 'A');
    c.set('b', 'B');
    assert.equal(c.get('a'), 'A'); // a is now more recent than b
    c.set('c', 'C');
    assert.equal(c.get('b'), undefined);
    assert.equal(c.get('a'), 'A');
    assert.equal(c.size, 2);
  });
  test('evicts past the byte bound, and never keeps a value bigger than the bound', () => {
    const c = make(100, 10);
    c.set('a', '12345');
    c.set('b', '12345');
    c.set('c', '1');
    assert.equal(c.get('a'), undefined);
    assert.ok(c.bytes <= 10);
    c.set('huge', 'x'.repeat(11));
    assert.equal(c.get('huge'), undefined);
    assert.equal(c.get('c'), '1');
  });
  test('entries expire after the time to live', () => {
    let t = 0;
    const c = make(10, 100, 1000, () => t);
    c.set('a', 'A');
    t = 999;
    assert.equal(c.get('a'), 'A');
    t = 2001;
    assert.equal(c.get('a'), undefined);
  });
  test('concurrent asks share one computation; what keep refuses is not stored', async () => {
    const c = make(10, 100);
    let runs = 0;
    const compute = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 10));
      return 'v';
    };
    const got = await Promise.all([
      c.getOrCompute('k', compute),
      c.getOrCompute('k', compute),
      c.getOrCompute('k', compute),
    ]);
    assert.deepEqual(got, ['v', 'v', 'v']);
    assert.equal(runs, 1);
    await c.getOrCompute(
      'no',
      async () => 'x',
      () => false,
    );
    assert.equal(c.get('no'), undefined);
  });
});

describe('gate on computations', () => {
  const later = () => {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    return { done, release };
  };

  test('runs up to maxRunning at once, queues up to maxQueued in order, refuses the rest at once', async () => {
    const gate = createGate({ maxRunning: 2, maxQueued: 1 });
    const order: string[] = [];
    const holds = ['a', 'b', 'c'].map(() => later());
    const run = (name: string, hold: Promise<void>) =>
      gate.run(async () => {
        order.push(`start ${name}`);
        await hold;
        return name;
      });
    const a = run('a', holds[0]!.done);
    const b = run('b', holds[1]!.done);
    const c = run('c', holds[2]!.done);
    const d = await run('d', Promise.resolve());
    assert.ok(isBusy(d), 'the fourth is refused while two run and one waits');
    assert.ok(d.retryAfterS >= 1 && d.retryAfterS <= 60);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(order, ['start a', 'start b']);
    assert.equal(gate.running, 2);
    assert.equal(gate.queued, 1);
    holds[0]!.release();
    assert.equal(await a, 'a');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(order, ['start a', 'start b', 'start c'], 'the waiting one takes the freed slot');
    holds[1]!.release();
    holds[2]!.release();
    assert.deepEqual(await Promise.all([b, c]), ['b', 'c']);
    assert.equal(gate.running, 0);
  });

  test('a computation that throws frees its slot; Retry-After grows with the work ahead, within 1-60 s', async () => {
    let t = 0;
    const gate = createGate({ maxRunning: 1, maxQueued: 0, now: () => t });
    await assert.rejects(
      gate.run(async () => {
        t += 10_000;
        throw new Error('boom');
      }),
    );
    assert.equal(gate.running, 0);
    const hold = later();
    const slow = gate.run(() => hold.done);
    const refused = await gate.run(async () => 1);
    assert.ok(isBusy(refused));
    assert.ok(refused.retryAfterS > 1 && refused.retryAfterS <= 60, String(refused.retryAfterS));
    hold.release();
    await slow;
    assert.equal(await gate.run(async () => 2), 2);
  });
});
