import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anchorCounts, chineseFeatures, englishFeatures, lexicalMatch } from './anchors.js';
import { bundledDictionary } from './dictionary.js';
import { lengthCost, lengthFit, normalCdf, textLength } from './length-cost.js';

const dict = bundledDictionary();
const pair = (en: string, zh: string) =>
  anchorCounts([englishFeatures(en, dict)], 0, 1, [chineseFeatures(zh, dict)], 0, 1);

describe('anchorCounts', () => {
  const cases: Array<{ name: string; en: string; zh: string; expect: Partial<ReturnType<typeof pair>> }> = [
    {
      name: 'money in both notations',
      en: 'It raised $250 billion.',
      zh: '它筹集了2500亿美元。',
      expect: { numbersShared: 1, numbersUnmatched: 0 },
    },
    {
      name: 'a year and a percentage',
      en: 'In 2024 sales rose 15%.',
      zh: '2024年销售额增长15%。',
      expect: { numbersShared: 2, numbersUnmatched: 0 },
    },
    {
      name: 'a Chinese numeral against digits',
      en: 'the 18th National Congress',
      zh: '党的十八大',
      expect: { numbersShared: 1 },
    },
    {
      name: 'different amounts do not match',
      en: 'It raised $3 billion.',
      zh: '它筹集了50亿美元。',
      expect: { numbersShared: 0, numbersUnmatched: 2 },
    },
    {
      name: 'a Latin name kept in the Chinese',
      en: 'Nvidia sells the H100 chip.',
      zh: '英伟达出售H100芯片。',
      expect: { latinShared: 1, latinUnmatched: 0 },
    },
    {
      name: 'gazetteer entities across scripts',
      en: 'Nvidia and Microsoft',
      zh: '英伟达和微软',
      expect: { entitiesShared: 2 },
    },
    {
      name: 'question marks and quotes',
      en: '"Why now?" she asked.',
      zh: '“为什么是现在？”她问。',
      expect: { marksShared: 2, marksUnmatched: 0 },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = pair(c.en, c.zh);
      for (const [k, v] of Object.entries(c.expect))
        assert.equal(got[k as keyof typeof got], v, `${k} in ${JSON.stringify(got)}`);
    });
  }
});

describe('lexicalMatch', () => {
  it('matches a translation far better than an unrelated sentence', () => {
    const en = englishFeatures('The company plans to open a new office in Tokyo next year.', dict);
    const good = lexicalMatch(en, chineseFeatures('该公司计划明年在东京开设新办公室。', dict));
    const bad = lexicalMatch(en, chineseFeatures('加州这周天气晴朗温暖。', dict));
    assert.ok(good.zhMatched >= 4 && good.enMatched >= 4, JSON.stringify(good));
    assert.ok(bad.zhMatched <= 1 && bad.enMatched <= 1, JSON.stringify(bad));
  });
});

describe('length cost', () => {
  const model = { ratio: 0.35, variance: 7 };
  it('Φ is the standard normal CDF', () => {
    assert.ok(Math.abs(normalCdf(0) - 0.5) < 1e-7);
    assert.ok(Math.abs(normalCdf(1.96) - 0.975) < 1e-3);
    assert.ok(Math.abs(normalCdf(-1.96) - 0.025) < 1e-3);
  });
  it('is lowest where the Chinese length is the expected share of the English', () => {
    assert.ok(lengthCost(100, 35, model) < 0.01);
    assert.ok(lengthCost(100, 35, model) < lengthCost(100, 20, model));
    assert.ok(lengthCost(100, 20, model) < lengthCost(100, 5, model));
    assert.ok(lengthFit(100, 35, model) > 0.999);
  });
  it('stays finite far in the tail', () => {
    const c = lengthCost(5000, 1, model);
    assert.ok(Number.isFinite(c) && c > 100, String(c));
  });
  it('counts characters that are not whitespace', () => {
    assert.equal(textLength('a b\tc'), 3);
    assert.equal(textLength('人工 智能'), 4);
  });
});
