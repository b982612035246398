import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeForMatch } from './normalize.js';

const cases: Array<{ name: string; input: string; expected: string }> = [
  { name: 'full-width digits and percent', input: 'Ｎｖｉｄｉａ增长８０％', expected: 'nvidia增长80%' },
  { name: 'curly quotes and dashes', input: '“Hello” — it’s ‘fine’ – ok', expected: "\"hello\" - it's 'fine' - ok" },
  { name: 'corner brackets', input: '「新云」', expected: '"新云"' },
  { name: 'whitespace collapsed and trimmed', input: '  a\n\n b\t c\u3000d  ', expected: 'a b c d' },
  { name: 'traditional to simplified', input: '輝達發表新晶片，台積電擴產', expected: '辉达发表新晶片,台积电扩产' },
  { name: 'zero-width characters removed', input: 'Open\u200bAI', expected: 'openai' },
];

describe('normalizeForMatch', () => {
  for (const c of cases) {
    it(c.name, () => assert.equal(normalizeForMatch(c.input), c.expected));
  }
  it('is idempotent', () => {
    for (const c of cases) assert.equal(normalizeForMatch(normalizeForMatch(c.input)), normalizeForMatch(c.input));
  });
});
