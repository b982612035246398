import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelayMs, parseRetryAfter } from './backoff.js';

const NOW = Date.parse('2026-05-10T12:00:00Z');

describe('parseRetryAfter', () => {
  const cases: { name: string; value: string | null; expected: number | null }[] = [
    { name: 'delta seconds', value: '120', expected: 120_000 },
    { name: 'fractional seconds', value: '1.5', expected: 1_500 },
    { name: 'HTTP date 30 s ahead', value: 'Sun, 10 May 2026 12:00:30 GMT', expected: 30_000 },
    { name: 'HTTP date in the past', value: 'Sun, 10 May 2026 11:00:00 GMT', expected: 0 },
    { name: 'absent', value: null, expected: null },
    { name: 'empty', value: ' ', expected: null },
    { name: 'garbage', value: 'soon', expected: null },
  ];
  for (const c of cases) it(c.name, () => assert.equal(parseRetryAfter(c.value, NOW), c.expected));
});

describe('backoffDelayMs', () => {
  const policy = { baseMs: 100, maxMs: 1_000 };
  const cases: { name: string; retry: number; random: number; retryAfterMs?: number; expected: number }[] = [
    { name: 'first retry, lowest jitter', retry: 1, random: 0, expected: 50 },
    { name: 'first retry, highest jitter', retry: 1, random: 1, expected: 100 },
    { name: 'third retry doubles twice', retry: 3, random: 0, expected: 200 },
    { name: 'capped at maxMs', retry: 10, random: 1, expected: 1_000 },
    { name: 'Retry-After honoured', retry: 1, random: 0, retryAfterMs: 700, expected: 700 },
    { name: 'Retry-After with jitter up to 10%', retry: 1, random: 1, retryAfterMs: 700, expected: 770 },
    { name: 'Retry-After capped', retry: 1, random: 0, retryAfterMs: 60_000, expected: 1_000 },
  ];
  for (const c of cases)
    it(c.name, () =>
      assert.equal(
        backoffDelayMs(c.retry, policy, () => c.random, c.retryAfterMs),
        c.expected,
      ),
    );
});
