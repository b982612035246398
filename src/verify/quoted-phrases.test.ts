import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quotedPhrases, quotesBalanced } from './quoted-phrases.js';

const cases: Array<{ name: string; sentence: string; inner: string[] }> = [
  { name: 'curly double', sentence: 'It was “a heat check” indeed.', inner: ['a heat check'] },
  { name: 'straight double, two of them', sentence: 'Both "alpha" and "beta" shipped.', inner: ['alpha', 'beta'] },
  { name: 'curly single', sentence: 'A ‘sober voice’ amid hype.', inner: ['sober voice'] },
  { name: 'apostrophes are not quotes', sentence: 'xAI’s deal and Musk’s plan.', inner: [] },
  {
    name: 'straight single with an inner apostrophe',
    sentence: "Questioning the 'model's sustainability' is fair.",
    inner: ["model's sustainability"],
  },
  {
    name: 'straight single ending in a comma',
    sentence: "Risks of 'compute alliances,' mostly.",
    inner: ['compute alliances,'],
  },
  { name: 'Chinese corner brackets', sentence: '他称之为「新云」模式。', inner: ['新云'] },
  { name: 'Chinese double corner brackets', sentence: '所谓『算力荒』。', inner: ['算力荒'] },
  { name: 'Chinese curly quotes', sentence: '这是“IPO 前的一次压力测试”。', inner: ['IPO 前的一次压力测试'] },
  { name: 'guillemets', sentence: 'Le «nuage» arrive.', inner: ['nuage'] },
  {
    name: 'nested quote belongs to the outer',
    sentence: '“He called it ‘wild’ twice,” she said.',
    inner: ['He called it ‘wild’ twice,'],
  },
  { name: 'unclosed quote is no quote', sentence: 'He said “we will', inner: [] },
  { name: 'plural possessive is no opener', sentence: "The engineers' plan held.", inner: [] },
];

describe('quotedPhrases', () => {
  for (const c of cases) {
    it(c.name, () => {
      const found = quotedPhrases(c.sentence);
      assert.deepEqual(
        found.map((q) => q.inner),
        c.inner,
      );
      for (const q of found) {
        assert.equal(c.sentence.slice(q.innerStart, q.innerEnd), q.inner);
        assert.ok(q.start < q.innerStart && q.innerEnd < q.end);
      }
    });
  }
});

describe('quotesBalanced', () => {
  const cases: Array<[string, string, boolean]> = [
    ['balanced curly', '“a.” “b.”', true],
    ['open curly', '“It works.', false],
    ['odd straight', 'He said "yes.', false],
    ['corner brackets', '「好」', true],
  ];
  for (const [name, text, expected] of cases) it(name, () => assert.equal(quotesBalanced(text), expected));
});
