// The bound on indexed text: byte length (not string length), whole characters, identity kept.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { featureKeys, featuresOf, MAX_TOKEN_CHARS } from '../stories/features.js';
import { boundIndexed, MAX_INDEXED_BYTES } from './index-bounds.js';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const HASHED = /#sha256:[0-9a-f]{32}$/;

test('text within the bound is left exactly as it is', () => {
  for (const s of [
    '',
    't:gb300',
    'https://harbor.example/2026/05/a',
    'a'.repeat(MAX_INDEXED_BYTES),
    '中'.repeat(Math.floor(MAX_INDEXED_BYTES / 3)),
  ]) {
    assert.equal(boundIndexed(s), s);
  }
});

test('longer text becomes a prefix and a hash, the bound in bytes', () => {
  const url = `https://quillmere.example/${'x'.repeat(10_000)}`;
  const b = boundIndexed(url);
  assert.equal(bytes(b), MAX_INDEXED_BYTES);
  assert.match(b, HASHED);
  assert.ok(url.startsWith(b.replace(HASHED, '')));
  assert.equal(boundIndexed(url), b, 'the same text always gives the same value');
});

test('CJK is bounded by its UTF-8 bytes, not its string length, and never cut inside a character', () => {
  // 1,000 characters: under the bound as a JS string, 3,000 bytes as an index stores it.
  const han = '澜芯科技发布推理芯片'.repeat(100);
  assert.ok(han.length < MAX_INDEXED_BYTES && bytes(han) > MAX_INDEXED_BYTES);
  const b = boundIndexed(han);
  assert.ok(bytes(b) <= MAX_INDEXED_BYTES);
  assert.ok(han.startsWith(b.replace(HASHED, '')));
  const emoji = `k:${'🚀'.repeat(1000)}`;
  const e = boundIndexed(emoji);
  assert.ok(bytes(e) <= MAX_INDEXED_BYTES);
  assert.ok(!e.includes('\uFFFD') && Buffer.from(e, 'utf8').toString('utf8') === e, 'no lone surrogate');
  assert.ok(emoji.startsWith(e.replace(HASHED, '')));
});

test('two long texts that differ anywhere stay two values', () => {
  const a = `https://x.example/${'a'.repeat(5000)}1`;
  const b = `https://x.example/${'a'.repeat(5000)}2`;
  assert.notEqual(boundIndexed(a), boundIndexed(b));
});

test(`a token over ${MAX_TOKEN_CHARS} characters is no feature; one of ${MAX_TOKEN_CHARS} still is`, () => {
  const long = 'q'.repeat(2700);
  const edge = `Z${'k'.repeat(MAX_TOKEN_CHARS - 1)}`;
  const f = featuresOf({
    id: 'x',
    title: `Title ${long}`,
    language: 'en',
    published: null,
    text: `Lattice Cloud said ${long} and ${edge} and GB300-${'9'.repeat(3000)} on Tuesday.`,
    understanding: { entities: [], figures: [] },
  });
  const keys = featureKeys(f);
  assert.ok(
    keys.every((k) => k.length <= MAX_TOKEN_CHARS + 2),
    keys
      .filter((k) => k.length > MAX_TOKEN_CHARS + 2)
      .map((k) => k.slice(0, 20))
      .join(', '),
  );
  assert.ok(keys.includes(`w:${edge.toLowerCase()}`));
  assert.ok(keys.includes(`t:${edge.toLowerCase()}`));
  assert.ok(keys.includes('t:cloud'));
  assert.ok(f.titleKeys.every((k) => k.length <= MAX_TOKEN_CHARS));
});
