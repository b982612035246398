// The scorer of bench/article-extraction.ts on hand-made texts: the metric of the
// article-extraction benchmark's evaluate.py (word 4-grams, per-page normalised counts, precision
// averaged over pages that predicted something, recall over pages with a true text).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { benchmarkTokens, exactTokens, halfOf, pageCounts, pageF1, summarise } from '../bench/article-extraction.js';

test('tokens are runs of letters, numbers and underscores, case kept', () => {
  assert.deepEqual(benchmarkTokens('Hello, wörld_1 — 中文! 3.5%'), ['Hello', 'wörld_1', '中文', '3', '5']);
  assert.deepEqual(benchmarkTokens(' … '), []);
});

test('page counts are shingle tp/fp/fn normalised to sum to 1', () => {
  assert.deepEqual(pageCounts('a b c d', 'a b c d'), [1, 0, 0]);
  // truth has shingles abcd and bcde, the prediction abcd only
  assert.deepEqual(pageCounts('a b c d e', 'a b c d'), [0.5, 0, 0.5]);
  // one extra shingle predicted: tp 2, fp 1
  const [tp, fp, fn] = pageCounts('a b c d e', 'a b c d e f');
  assert.ok(Math.abs(tp - 2 / 3) < 1e-12 && Math.abs(fp - 1 / 3) < 1e-12 && fn === 0);
  // texts shorter than four words are one shingle of all their words
  assert.deepEqual(pageCounts('a b', 'a b'), [1, 0, 0]);
  assert.deepEqual(pageCounts('a b', 'a c'), [0, 0.5, 0.5]);
  assert.deepEqual(pageCounts('', ''), [0, 0, 0]);
  // case counts: "A" is not "a"
  assert.deepEqual(pageCounts('A b c d', 'a b c d'), [0, 0.5, 0.5]);
});

test('precision skips pages that predicted nothing, recall pages with no true text', () => {
  const s = summarise([
    [1, 0, 0],
    [0.5, 0, 0.5],
    [0, 0, 0], // both empty: in neither mean
    [0, 0, 1], // nothing predicted: recall 0, no precision
  ]);
  assert.equal(s.precision, 1);
  assert.equal(s.recall, 0.5);
  assert.ok(Math.abs(s.f1 - 2 / 3) < 1e-12);
  assert.equal(pageF1([0.5, 0, 0.5]), 2 / 3);
});

test('accuracy is an exact token match, whitespace and punctuation aside', () => {
  assert.equal(exactTokens('One, two.\n\nThree', 'One two Three'), true);
  assert.equal(exactTokens('One two Three', 'One two three'), false);
  assert.equal(exactTokens('One two', 'One two Three'), false);
});

test('the tuning half is ids starting 0-7, the held-out half 8-f', () => {
  assert.equal(halfOf('7fff'), 'tune');
  assert.equal(halfOf('0abc'), 'tune');
  assert.equal(halfOf('8000'), 'held');
  assert.equal(halfOf('F00d'), 'held');
});
