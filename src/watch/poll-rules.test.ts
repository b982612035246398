import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { everyMs, parseEvery } from '../sources/every.js';
import {
  backoffInterval,
  feedRefreshHint,
  MAX_BACKOFF_MS,
  MAX_HINT_MS,
  maxAgeMs,
  nextWait,
  retryAfterMs,
} from './poll-rules.js';

const MIN = 60_000;

describe('every:', () => {
  test('a bare number is minutes; s, m, min, h and d are units', () => {
    assert.deepEqual(parseEvery(30), { ok: true, ms: 30 * MIN });
    assert.deepEqual(parseEvery(1.5), { ok: true, ms: 90_000 });
    assert.deepEqual(parseEvery('90s'), { ok: true, ms: 90_000 });
    assert.deepEqual(parseEvery('45'), { ok: true, ms: 45 * MIN });
    assert.deepEqual(parseEvery('30m'), { ok: true, ms: 30 * MIN });
    assert.deepEqual(parseEvery('20 min'), { ok: true, ms: 20 * MIN });
    assert.deepEqual(parseEvery('2h'), { ok: true, ms: 120 * MIN });
    assert.deepEqual(parseEvery('1D'), { ok: true, ms: 24 * 60 * MIN });
    assert.equal(everyMs(undefined), null);
    assert.equal(everyMs('2h'), 2 * 3600_000);
  });

  test('too short, too long, not a time: refused with the reason', () => {
    const reason = (v: unknown) => {
      const r = parseEvery(v);
      assert.equal(r.ok, false, `${JSON.stringify(v)} should be refused`);
      return r.ok ? '' : r.reason;
    };
    assert.match(reason('10s'), /^"10s" is less than 1 minute; expected minutes/);
    assert.match(reason(0), /^0 is less than 1 minute/);
    assert.match(reason(-5), /less than 1 minute/);
    assert.match(reason('8d'), /^"8d" is more than 7 days/);
    assert.match(reason('often'), /^"often" is not a time/);
    assert.match(reason('2 hours'), /is not a time/);
    assert.match(reason(true), /^a boolean is not a time/);
    assert.match(reason([15]), /^a list is not a time/);
    assert.match(reason(null), /^no value/);
  });
});

describe('next poll', () => {
  test('a good read waits the interval; a failing one 2x, 4x ... at most 6 h, never less than the interval', () => {
    assert.equal(backoffInterval(15 * MIN, 0), 15 * MIN);
    assert.equal(backoffInterval(15 * MIN, 1), 30 * MIN);
    assert.equal(backoffInterval(15 * MIN, 3), 120 * MIN);
    assert.equal(backoffInterval(15 * MIN, 10), MAX_BACKOFF_MS);
    assert.equal(backoffInterval(15 * MIN, 1000), MAX_BACKOFF_MS);
    // A source polled once a day does not wait less because it failed.
    assert.equal(backoffInterval(24 * 60 * MIN, 1), 24 * 60 * MIN);
  });

  test("a feed's TTL and an answer's max-age only lengthen the wait, at most to 24 h", () => {
    assert.deepEqual(nextWait(15 * MIN, 0), { ms: 15 * MIN, reason: 'every' });
    assert.deepEqual(nextWait(15 * MIN, 0, { feed: { ms: 60 * MIN, from: 'ttl' } }), { ms: 60 * MIN, reason: 'ttl' });
    assert.deepEqual(nextWait(15 * MIN, 0, { feed: { ms: 5 * MIN, from: 'ttl' } }), { ms: 15 * MIN, reason: 'every' });
    assert.deepEqual(nextWait(15 * MIN, 0, { maxAgeMs: 30 * MIN, feed: { ms: 20 * MIN, from: 'sy:update' } }), {
      ms: 30 * MIN,
      reason: 'max-age',
    });
    assert.deepEqual(nextWait(15 * MIN, 0, { maxAgeMs: 365 * 24 * 60 * MIN }), { ms: MAX_HINT_MS, reason: 'max-age' });
    // A Retry-After on a good read means nothing.
    assert.deepEqual(nextWait(15 * MIN, 0, { retryAfterMs: 99 * MIN }), { ms: 15 * MIN, reason: 'every' });
  });

  test('a failed read waits its back-off, or longer when Retry-After asks (at most 24 h)', () => {
    assert.deepEqual(nextWait(10 * MIN, 1), { ms: 20 * MIN, reason: 'backoff' });
    assert.deepEqual(nextWait(10 * MIN, 1, { retryAfterMs: 5 * MIN }), { ms: 20 * MIN, reason: 'backoff' });
    assert.deepEqual(nextWait(10 * MIN, 1, { retryAfterMs: 90 * MIN }), { ms: 90 * MIN, reason: 'retry-after' });
    assert.deepEqual(nextWait(10 * MIN, 1, { retryAfterMs: 30 * 24 * 60 * MIN }), {
      ms: MAX_HINT_MS,
      reason: 'retry-after',
    });
    // A TTL read before does not apply to a failure.
    assert.deepEqual(nextWait(10 * MIN, 2, { feed: { ms: 300 * MIN, from: 'ttl' } }), {
      ms: 40 * MIN,
      reason: 'backoff',
    });
  });
});

describe('headers', () => {
  test('Cache-Control max-age; no-store and no-cache give no hint', () => {
    assert.equal(maxAgeMs('max-age=600'), 600_000);
    assert.equal(maxAgeMs('public, max-age=3600, must-revalidate'), 3600_000);
    assert.equal(maxAgeMs('Public, Max-Age="120"'), 120_000);
    assert.equal(maxAgeMs('max-age=600, no-cache'), null);
    assert.equal(maxAgeMs('no-store'), null);
    assert.equal(maxAgeMs('max-age=soon'), null);
    assert.equal(maxAgeMs('s-maxage=600'), null);
    assert.equal(maxAgeMs(null), null);
  });

  test('Retry-After: delay-seconds or an HTTP date (IMF-fixdate, RFC 850, asctime)', () => {
    const now = new Date('2026-05-10T08:00:00Z');
    assert.equal(retryAfterMs('120', now), 120_000);
    assert.equal(retryAfterMs(' 0 ', now), 0);
    assert.equal(retryAfterMs('Sun, 10 May 2026 09:30:00 GMT', now), 90 * MIN);
    assert.equal(retryAfterMs('Sunday, 10-May-26 09:00:00 GMT', now), 60 * MIN);
    assert.equal(retryAfterMs('Sun May 10 08:10:00 2026', now) !== null, true);
    assert.equal(retryAfterMs('Sun, 10 May 2026 07:00:00 GMT', now), 0, 'a date past is now');
    assert.equal(retryAfterMs('-5', now), null);
    assert.equal(retryAfterMs('soon', now), null);
    assert.equal(retryAfterMs('1.5', now), null);
    assert.equal(retryAfterMs(null, now), null);
  });
});

describe("a feed's own refresh hint", () => {
  test('RSS <ttl> in minutes', () => {
    const rss =
      '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><ttl>60</ttl><item><title>a</title></item></channel></rss>';
    assert.deepEqual(feedRefreshHint(rss), { ms: 60 * MIN, from: 'ttl' });
  });

  test('sy:updatePeriod divided by sy:updateFrequency (default 1), any prefix', () => {
    const rdf = (period: string, freq: string) =>
      `<?xml version="1.0"?><rdf:RDF xmlns:syn="http://purl.org/rss/1.0/modules/syndication/"><channel><syn:updatePeriod>${period}</syn:updatePeriod>${freq}</channel><item><title>x</title></item></rdf:RDF>`;
    assert.deepEqual(feedRefreshHint(rdf('hourly', '<syn:updateFrequency>2</syn:updateFrequency>')), {
      ms: 30 * MIN,
      from: 'sy:update',
    });
    assert.deepEqual(feedRefreshHint(rdf('daily', '')), { ms: 24 * 60 * MIN, from: 'sy:update' });
    assert.equal(feedRefreshHint(rdf('fortnightly', '')), null);
    assert.equal(feedRefreshHint(rdf('hourly', '<syn:updateFrequency>0</syn:updateFrequency>')), null);
  });

  test("an item's text cannot set it, nor can HTML or JSON", () => {
    const rss =
      '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>a</title><description>&lt;ttl&gt;9999&lt;/ttl&gt;</description><ttl>9999</ttl></item></channel></rss>';
    assert.equal(feedRefreshHint(rss), null);
    const atom = '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><ttl>500</ttl></entry></feed>';
    assert.equal(feedRefreshHint(atom), null);
    assert.equal(feedRefreshHint('{"version":"https://jsonfeed.org/version/1.1","items":[]}'), null);
    assert.equal(feedRefreshHint('<!DOCTYPE html><html><head><ttl>60</ttl></head><body><p>x</p></body></html>'), null);
  });
});
