import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasCapital, wordTokens } from './name-tokens.js';

const words = (text: string): string[] => wordTokens(text).map((t) => t.text);

describe('wordTokens', () => {
  // Each name shape seen split on real coverage is one word.
  const whole: Array<[string, string]> = [
    ['arXiv', 'The paper is on arXiv today.'],
    ['iPhone', 'It runs on the iPhone now.'],
    ['3D', 'A 3D renderer shipped.'],
    ['1B', 'A 1B Speech model.'],
    ['7B', 'The 7B model is open.'],
    ['nRF54L15', 'Ported to the nRF54L15 chip.'],
    ['GPT-4o', 'It beats GPT-4o on the test.'],
    ['x86-64', 'Builds for x86-64 only.'],
    ['eBay', 'Sellers on eBay list it.'],
    ['macOS', 'It needs macOS 15.'],
    ['A100s', 'Trained on 512 A100s.'],
    ['Llama-3.1-8B-Instruct', 'Weights of Llama-3.1-8B-Instruct are out.'],
    ['AT&T', 'AT&T signed.'],
    ['U.S', 'The U.S. market.'],
  ];
  for (const [word, text] of whole) {
    it(`reads ${word} whole`, () => {
      assert.ok(words(text).includes(word), `${word} in ${JSON.stringify(words(text))}`);
      const t = wordTokens(text).find((x) => x.text === word)!;
      assert.equal(text.slice(t.start, t.end), word);
    });
  }
  it('a dot or hyphen at a word edge is not part of it', () => {
    assert.deepEqual(words('Nvidia. Then -RTX 5090- and PyTorch 2.5.'), [
      'Nvidia',
      'Then',
      'RTX',
      '5090',
      'and',
      'PyTorch',
      '2.5',
    ]);
  });
  it('a possessive is cut and marked', () => {
    const [t] = wordTokens('Harbor’s plan');
    assert.deepEqual({ text: t!.text, possessive: t!.possessive }, { text: 'Harbor', possessive: true });
  });
  it('Latin names inside Chinese text end where the Han characters start', () => {
    assert.deepEqual(words('英伟达H100、DeepSeek-V3发布，支持iPhone和PyTorch 2.5，arXiv上有论文。'), [
      'H100',
      'DeepSeek-V3',
      'iPhone',
      'PyTorch',
      '2.5',
      'arXiv',
    ]);
  });
  it('a capital anywhere makes a name', () => {
    assert.deepEqual(['arXiv', 'iPhone', '3D', 'x86-64', 'gpt'].map(hasCapital), [true, true, true, false, false]);
  });
});
