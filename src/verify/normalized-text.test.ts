import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeForMatch } from '../text/normalize.js';
import { findPhrase, normalizeWithOffsets, originalSpan, simplifiedInPlace } from './normalized-text.js';

const inputs: Array<{ name: string; input: string }> = [
  { name: 'curly quotes, dashes and case', input: '“Hello” — it’s ‘Fine’ – OK' },
  { name: 'full-width letters and digits', input: 'Ｎｖｉｄｉａ增长８０％' },
  { name: 'traditional script', input: '輝達發表新晶片，台積電擴產' },
  { name: 'whitespace runs, leading and trailing', input: '  a\n\n b\t c\u3000d  ' },
  { name: 'zero-width characters', input: 'Open\u200bAI' },
  { name: 'mixed English and Chinese', input: 'Anthropic 將買下「全部算力」— 2500 億美元' },
];

describe('normalizeWithOffsets', () => {
  for (const c of inputs) {
    it(`agrees with normalizeForMatch: ${c.name}`, () => {
      const n = normalizeWithOffsets(c.input);
      assert.equal(n.text, normalizeForMatch(c.input));
      assert.equal(n.starts.length, n.text.length);
      assert.equal(n.ends.length, n.text.length);
    });
  }
  it('maps a normalised range back to the original characters', () => {
    const original = 'He said: “We’re   READY.”';
    const n = normalizeWithOffsets(original);
    const at = n.text.indexOf("we're ready");
    const span = originalSpan(n, at, at + "we're ready".length);
    assert.equal(original.slice(span.start, span.end), 'We’re   READY');
  });
  it('maps an ellipsis expanded by NFKC to its one character', () => {
    const original = 'wait… then';
    const n = normalizeWithOffsets(original);
    assert.equal(n.text, 'wait... then');
    const span = originalSpan(n, 4, 7);
    assert.equal(original.slice(span.start, span.end), '…');
  });
  it('maps simplified matches onto traditional text', () => {
    const original = '執行長表示：「這是橋樑」';
    const n = normalizeWithOffsets(original);
    const at = n.text.indexOf('这是桥梁');
    const span = originalSpan(n, at, at + 4);
    assert.equal(original.slice(span.start, span.end), '這是橋樑');
  });
});

describe('findPhrase', () => {
  const cases: Array<{ name: string; hay: string; phrase: string; at: number }> = [
    { name: 'whole word found', hay: 'the ai boom', phrase: 'ai', at: 4 },
    { name: 'not inside a word', hay: 'she said so', phrase: 'ai', at: -1 },
    { name: 'later whole-word occurrence', hay: 'said ai', phrase: 'ai', at: 5 },
    { name: 'Chinese needs no word boundary', hay: '新云模式', phrase: '新云', at: 0 },
    { name: 'digits are word characters', hay: 'h100 and 100', phrase: '100', at: 9 },
    { name: 'empty phrase is never found', hay: 'abc', phrase: '', at: -1 },
  ];
  for (const c of cases) it(c.name, () => assert.equal(findPhrase(c.hay, c.phrase), c.at));
});

describe('simplifiedInPlace', () => {
  it('keeps length and converts', () => {
    const t = '母公司曾支付 2500 億美元';
    const s = simplifiedInPlace(t);
    assert.equal(s, '母公司曾支付 2500 亿美元');
    assert.equal(s.length, t.length);
  });
});
