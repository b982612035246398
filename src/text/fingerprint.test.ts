import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { contentFingerprint, hammingDistance, simhash64, simhashBands } from './fingerprint.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const article = fixture('article-en.txt');
const unrelated = fixture('article-en-other.txt');
const zhArticle = fixture('article-zh.txt');

describe('contentFingerprint', () => {
  it('is the same for text differing only in width, quotes and spacing', () => {
    assert.equal(contentFingerprint('“Chips”  are  ８０％ sold'), contentFingerprint('"chips" are 80% sold'));
  });
  it('differs for different text', () => {
    assert.notEqual(contentFingerprint('chips are sold'), contentFingerprint('chips are not sold'));
  });
  it('is 64 hex characters', () => assert.match(contentFingerprint(article), /^[0-9a-f]{64}$/));
});

describe('simhash64', () => {
  const copies: Array<{ name: string; copy: string; original: string }> = [
    {
      name: 'syndicated copy with a footer',
      original: article,
      copy: `${article}\n\nThis story first appeared in the Harbor Ledger and is republished with permission.`,
    },
    { name: 'syndicated copy with a header', original: article, copy: `Harbor Ledger | Business\n\n${article}` },
    {
      name: 'Chinese repost with a source line',
      original: zhArticle,
      copy: `${zhArticle}\n\n本文转载自港湾科技网，版权归原作者所有。`,
    },
  ];
  for (const c of copies) {
    it(`${c.name} is within 3 bits`, () => {
      assert.ok(hammingDistance(simhash64(c.original), simhash64(c.copy)) <= 3);
    });
  }
  it('unrelated articles are far apart', () => {
    assert.ok(hammingDistance(simhash64(article), simhash64(unrelated)) > 12);
    assert.ok(hammingDistance(simhash64(article), simhash64(zhArticle)) > 12);
  });
  it('is deterministic and 64-bit', () => {
    assert.equal(simhash64(article), simhash64(article));
    assert.ok(simhash64(article) < 1n << 64n);
  });
});

describe('hammingDistance', () => {
  const cases: Array<[string, bigint, bigint, number]> = [
    ['equal', 5n, 5n, 0],
    ['one bit', 0n, 1n, 1],
    ['all bits', 0n, (1n << 64n) - 1n, 64],
    ['top bit', 1n << 63n, 0n, 1],
  ];
  for (const [name, a, b, d] of cases) it(name, () => assert.equal(hammingDistance(a, b), d));
});

describe('simhashBands', () => {
  it('finds the near-duplicate pair by shared band key, not the unrelated one', () => {
    const copy = `${article}\n\nThis story first appeared in the Harbor Ledger and is republished with permission.`;
    const index = new Map<string, string[]>();
    for (const [id, text] of [
      ['original', article],
      ['unrelated', unrelated],
    ] as const) {
      for (const key of simhashBands(simhash64(text))) index.set(key, [...(index.get(key) ?? []), id]);
    }
    const candidates = new Set(simhashBands(simhash64(copy)).flatMap((k) => index.get(k) ?? []));
    assert.deepEqual([...candidates], ['original']);
  });
  it('any two hashes within 3 bits share a band (pigeonhole over 4 bands)', () => {
    const h = 0x0123456789abcdefn;
    for (const flips of [
      [0, 1, 2],
      [10, 30, 50],
      [15, 16, 63],
    ]) {
      const g = flips.reduce((x, b) => x ^ (1n << BigInt(b)), h);
      const shared = simhashBands(h).filter((k) => simhashBands(g).includes(k));
      assert.ok(shared.length >= 1);
    }
  });
  it('splits into the requested number of keys', () => {
    assert.equal(simhashBands(1n, 8).length, 8);
    assert.deepEqual(simhashBands(0n, 1), ['0:0']);
  });
  it('throws on an impossible band count (a bug, not bad input)', () => {
    assert.throws(() => simhashBands(1n, 0), RangeError);
  });
});
