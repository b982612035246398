import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { couldBePinyinName, quotesOwnSpeakers } from './quote-speakers.js';

describe('couldBePinyinName', () => {
  const cases: Array<[string, boolean]> = [
    ['Chen Mo', true],
    ['Zhang Xiaoming', true],
    ['Lü Wei', true],
    ['Sofia Brandt', false],
    ['Camille Ferrand', false],
    ['', false],
  ];
  for (const [name, expected] of cases) test(name || '(empty)', () => assert.equal(couldBePinyinName(name), expected));
});

describe('quotesOwnSpeakers', () => {
  test('a Chinese speaker quoted in Chinese, only a Western speaker in English: own interviews', () => {
    assert.equal(quotesOwnSpeakers([{ speaker: 'Sofia Brandt' }], [{ speaker: '何静' }, { speaker: null }]), true);
  });
  test('the same person in pinyin and in Han script: could be a translation', () => {
    assert.equal(quotesOwnSpeakers([{ speaker: 'Chen Mo' }], [{ speaker: '陈默' }]), false);
  });
  test('a transliterated Western name (with the dot) says nothing', () => {
    assert.equal(quotesOwnSpeakers([{ speaker: 'Camille Ferrand' }], [{ speaker: '卡米耶·费朗' }]), false);
  });
  test('no named speaker on one side says nothing', () => {
    assert.equal(quotesOwnSpeakers([], [{ speaker: '何静' }]), false);
    assert.equal(quotesOwnSpeakers([{ speaker: 'Sofia Brandt' }], [{ speaker: null }]), false);
  });
});
