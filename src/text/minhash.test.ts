import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSignature, encodeSignature, minhashBands, minhashSignature, signatureSimilarity } from './minhash.js';

const base = Array.from(
  { length: 12 },
  (_, i) =>
    `Paragraph ${i}: the operator said capacity at the campus would reach ${100 + i * 25} megawatts by the end of the year, and that tenants had signed for most of it after months of talks with several model developers.`,
).join('\n\n');
const zhBase = Array.from(
  { length: 10 },
  (_, i) =>
    `第${i}段：该公司表示，园区算力将在年底前达到${100 + i * 25}兆瓦，多家大模型公司已签约租用其中大部分容量，谈判持续了数月。`,
).join('\n\n');

const cases: Array<[name: string, a: string, b: string, check: (s: number) => boolean]> = [
  ['identical text', base, base, (s) => s === 1],
  [
    'one extra paragraph (aggregator intro)',
    base,
    `A short summary line an aggregator put on top of the story it reposted.\n\n${base}`,
    (s) => s >= 0.75,
  ],
  [
    'another footer',
    base,
    `${base}\n\nThis story first appeared on another site. Share on X. Follow us for more.`,
    (s) => s >= 0.75,
  ],
  ['Chinese copy with a footer', zhBase, `${zhBase}\n\n微信扫一扫关注我们。本文转载自合作媒体。`, (s) => s >= 0.75],
  [
    'unrelated articles',
    base,
    Array.from(
      { length: 12 },
      (_, i) =>
        `Section ${i} covers a new open-weights model release, its benchmark results and the licence terms developers asked about.`,
    ).join(' '),
    (s) => s < 0.3,
  ],
];

for (const [name, a, b, check] of cases) {
  test(`minhash similarity: ${name}`, () => {
    const s = signatureSimilarity(minhashSignature(a), minhashSignature(b));
    assert.ok(check(s), `similarity ${s}`);
  });
}

test('near copies share a band; signatures round-trip through hex', () => {
  const a = minhashSignature(base);
  const b = minhashSignature(`${base}\n\nRead more at our partner site.`);
  const shared = minhashBands(a).filter((k) => minhashBands(b).includes(k));
  assert.ok(shared.length > 0);
  assert.deepEqual(decodeSignature(encodeSignature(a)), a);
});
