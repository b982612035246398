import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stem } from '../text/english-words.js';
import { bundledDictionary, chineseWordStems, englishStems, parseCedict } from './dictionary.js';

// Own four-entry sample in the CC-CEDICT line format.
const SAMPLE = [
  '# a comment line',
  '經濟 经济 [jing1 ji4] /economy/economic/',
  '增長 增长 [zeng1 zhang3] /to grow/to increase/growth/',
  "的 的 [de5] /of/~'s (possessive particle)/",
  '人工智能 人工智能 [ren2 gong1 zhi4 neng2] /artificial intelligence (AI)/',
  '見 见 [jian4] /see 見面|见面[jian4 mian4]/',
].join('\n');

describe('stem', () => {
  const cases: Array<[string, string]> = [
    ['economies', stem('economy')],
    ['rising', stem('rise')],
    ['developed', stem('develop')],
    ['stopped', stem('stop')],
    ['growth', 'growth'],
  ];
  for (const [word, expected] of cases) it(`${word} → ${expected}`, () => assert.equal(stem(word), expected));
});

describe('parseCedict', () => {
  const dict = parseCedict(SAMPLE);
  it('maps a simplified headword to the stems of its glosses', () => {
    const ids = dict.glossStems('经济')!;
    assert.ok(ids.includes(dict.stemId(stem('economy'))!));
  });
  it('drops function words and cross-references', () => {
    assert.equal(dict.glossStems('的'), undefined); // only "of" and "'s": nothing left
    assert.equal(dict.glossStems('见'), undefined);
    assert.equal(dict.stemId('of'), undefined);
  });
  it('segments Chinese by longest match', () => {
    const words = chineseWordStems('人工智能推动经济增长', dict);
    assert.equal(words.length, 3);
    assert.ok(words[0]!.includes(dict.stemId(stem('intelligence'))!));
  });
  it('English content words only', () => {
    assert.deepEqual(englishStems('The economy of the world is growing'), ['economy', 'world', 'grow'].map(stem));
  });
});

describe('bundledDictionary', () => {
  it('is read from the installed package and knows common words', () => {
    const dict = bundledDictionary();
    const id = dict.stemId(stem('company'));
    assert.ok(id !== undefined);
    assert.ok(dict.glossStems('公司')!.includes(id));
  });
});
