import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TimelineEntry } from './story.js';
import { MAX_ARTICLES_WRITTEN, writtenFrom } from './written-from.js';

/** n entries a day apart; the ids listed in `officials` come from an official source. */
function timeline(n: number, officials: readonly number[] = []): TimelineEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    articleId: `a${String(i).padStart(4, '0')}`,
    title: null,
    outlet: null,
    sourceType: officials.includes(i) ? 'official' : 'news',
    language: 'en',
    published: null,
    activityAt: new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString(),
    url: `u${i}`,
    score: null,
  }));
}
const ids = (es: readonly TimelineEntry[]) => es.map((e) => Number(e.articleId.slice(1)));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

const cases: Array<{ name: string; entries: TimelineEntry[]; max: number; expected: number[] }> = [
  {
    name: 'a story at the cap is written from every article',
    entries: timeline(MAX_ARTICLES_WRITTEN),
    max: MAX_ARTICLES_WRITTEN,
    expected: range(0, MAX_ARTICLES_WRITTEN),
  },
  { name: 'past the cap: the first and the newest', entries: timeline(10), max: 4, expected: [0, 7, 8, 9] },
  {
    name: 'official sources are kept before older news',
    entries: timeline(10, [2, 3]),
    max: 5,
    expected: [0, 2, 3, 8, 9],
  },
  {
    name: 'officials take at most half of the cap, newest first',
    entries: timeline(10, [1, 2, 3, 4]),
    max: 4,
    expected: [0, 3, 4, 9],
  },
  { name: 'an empty timeline stays empty', entries: [], max: 4, expected: [] },
];
for (const c of cases) {
  test(c.name, () => {
    const out = writtenFrom(c.entries, c.max);
    assert.deepEqual(ids(out), c.expected);
    assert.ok(out.length <= Math.max(c.max, 0));
  });
}
