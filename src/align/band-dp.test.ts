import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bandAlign, lengthDiagonal, type Shape } from './band-dp.js';

const SHAPES: Shape[] = [
  { en: 1, zh: 1 },
  { en: 1, zh: 0 },
  { en: 0, zh: 1 },
  { en: 2, zh: 1 },
  { en: 1, zh: 2 },
];

/** A cost that is 0 for the links of `truth` and 1 per unit for anything else. */
function costFor(truth: ReadonlyArray<[number, number, number, number]>) {
  const ok = new Set(truth.map((t) => t.join(',')));
  return (en0: number, en1: number, zh0: number, zh1: number): number =>
    ok.has([en0, en1, zh0, zh1].join(',')) ? 0 : 1 + (en1 - en0) + (zh1 - zh0);
}

const linksOf = (steps: ReadonlyArray<{ en0: number; en1: number; zh0: number; zh1: number }>) =>
  steps.map((s) => [s.en0, s.en1, s.zh0, s.zh1]);

describe('bandAlign', () => {
  const cases: Array<{
    name: string;
    n: number;
    m: number;
    truth: Array<[number, number, number, number]>;
    width: number;
  }> = [
    {
      name: 'one to one',
      n: 3,
      m: 3,
      truth: [
        [0, 1, 0, 1],
        [1, 2, 1, 2],
        [2, 3, 2, 3],
      ],
      width: 2,
    },
    {
      name: 'a merge, a split and a drop',
      n: 5,
      m: 4,
      truth: [
        [0, 2, 0, 1],
        [2, 3, 1, 3],
        [3, 4, 3, 3],
        [4, 5, 3, 4],
      ],
      width: 2,
    },
    {
      name: 'a Chinese sentence with no English',
      n: 2,
      m: 3,
      truth: [
        [0, 1, 0, 1],
        [1, 1, 1, 2],
        [1, 2, 2, 3],
      ],
      width: 2,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = bandAlign(c.n, c.m, SHAPES, costFor(c.truth), (i) => (i * c.m) / c.n, c.width);
      assert.deepEqual(linksOf(r.steps), c.truth);
      assert.equal(
        r.steps.reduce((s, x) => s + x.cost, 0),
        0,
      );
    });
  }

  it('follows a path far off the centre by moving or widening the band', () => {
    // 40 English units; the first 30 Chinese units have no English, then one to one.
    const n = 40;
    const m = 70;
    const truth: Array<[number, number, number, number]> = [];
    for (let j = 0; j < 30; j++) truth.push([0, 0, j, j + 1]);
    for (let i = 0; i < n; i++) truth.push([i, i + 1, 30 + i, 31 + i]);
    const r = bandAlign(n, m, SHAPES, costFor(truth), (i) => (i * m) / n, 3);
    assert.deepEqual(linksOf(r.steps), truth);
  });

  it('does work proportional to length times band, not length squared', () => {
    const run = (n: number) =>
      bandAlign(
        n,
        n,
        SHAPES,
        (a, b, c, d) => (b - a === 1 && d - c === 1 && a === c ? 0 : 2),
        (i) => i,
        5,
      ).evaluated;
    const small = run(200);
    const large = run(800);
    assert.ok(large < small * 4.5, `${small} → ${large}`);
  });
});

describe('lengthDiagonal', () => {
  it('places the Chinese position by share of length: a long sentence split in two moves it two', () => {
    const centre = lengthDiagonal([100, 10, 10], [20, 20, 4, 4]);
    assert.equal(centre(0), 0);
    assert.equal(centre(3), 4);
    // i·m/n would say 1.33; the length says the first English sentence covers two Chinese ones.
    assert.ok(Math.abs(centre(1) - 2) < 0.25, String(centre(1)));
  });
});
