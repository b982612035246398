import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findEntities } from './entities.js';
import { findQuotes } from './quotes.js';

type Expect = [text: string, speaker: string | null, entityId: string | null];

const cases: Array<{ name: string; text: string; expected: Expect[] }> = [
  { name: '“…,” said X', text: '“We have been building toward this,” said Priya Raman, the chief executive.', expected: [['We have been building toward this,', 'Priya Raman', null]] },
  { name: '"…," X said (straight quotes)', text: '"Chips are scarce," Jensen Huang said on Monday.', expected: [['Chips are scarce,', 'Jensen Huang', 'jensen-huang']] },
  { name: 'X said: "…"', text: 'Nvidia CEO Jensen Huang said: "Demand is strong."', expected: [['Demand is strong.', 'Jensen Huang', 'jensen-huang']] },
  { name: 'X: “…”', text: 'Sam Altman: “We need more compute.”', expected: [['We need more compute.', 'Sam Altman', 'sam-altman']] },
  { name: 'according to X, “…”', text: 'According to Dario Amodei, “the models will keep improving.”', expected: [['the models will keep improving.', 'Dario Amodei', 'dario-amodei']] },
  { name: '“…,” according to X', text: '“The market is overheated,” according to analyst Jane Roe.', expected: [['The market is overheated,', 'Jane Roe', null]] },
  { name: 'he said resolves to the last person named', text: 'Jensen Huang took the stage. “It will not slow down,” he said.', expected: [['It will not slow down,', 'Jensen Huang', 'jensen-huang']] },
  { name: 'X 表示：“…”', text: '英伟达CEO黄仁勋表示：“算力需求非常强劲。”', expected: [['算力需求非常强劲。', '黄仁勋', 'jensen-huang']] },
  { name: 'title + unknown Chinese name 称', text: '分析师张伟称，“这笔交易风险很高。”', expected: [['这笔交易风险很高。', '张伟', null]] },
  { name: '“…”X说', text: '“我们会继续投资。”马斯克说。', expected: [['我们会继续投资。', '马斯克', 'elon-musk']] },
  { name: 'corner brackets 「」', text: '奥尔特曼指出：「我们需要更多算力。」', expected: [['我们需要更多算力。', '奥尔特曼', 'sam-altman']] },
  { name: 'English scare quote has no speaker', text: 'Analysts call them “neoclouds” now, Jane Roe said.', expected: [['neoclouds', null, null]] },
  { name: 'Chinese scare quote has no speaker', text: '黄仁勋称这些公司为“新云”。', expected: [['新云', null, null]] },
  {
    name: 'interview label gives the speaker of the paragraph',
    text: 'Sean O’Kane: The deal is “a big bet on the future of compute,” right?',
    expected: [['a big bet on the future of compute,', 'Sean O’Kane', null]],
  },
  {
    name: 'label-only line applies to the next paragraph',
    text: 'Sean O’Kane:\nI called it “a very expensive experiment, honestly.”',
    expected: [['a very expensive experiment, honestly.', 'Sean O’Kane', null]],
  },
  { name: 'no speaker named', text: 'The company said in a statement, “We are pleased.”', expected: [['We are pleased.', null, null]] },
  { name: 'quote running on past the paragraph', text: '“This is the first paragraph of a long quote\n\nAnd it goes on.”', expected: [['This is the first paragraph of a long quote', null, null]] },
  { name: 'ZH: a person with a Latin gloss wins over the company before it', text: '星河算力合作负责人陈立（Chen Li）表示：“需求超过了所有预测。”', expected: [['需求超过了所有预测。', '陈立', null]] },
  { name: 'ZH: a bare name introduced earlier with a title', text: '分析师乔文认为，这是电力问题。乔文表示：“最稀缺的是电。”', expected: [['最稀缺的是电。', '乔文', null]] },
  {
    name: 'ZH: “…，”a long attribution with company, title and glossed name 说',
    text: '“人人都想分散供应商，”北湾证券（Northbay Securities）数据中心分析师汉娜·科斯塔（Hannah Costa）说，“最后还是谁先交付签谁。”',
    expected: [['人人都想分散供应商，', '汉娜·科斯塔', null], ['最后还是谁先交付签谁。', '汉娜·科斯塔', null]],
  },
  { name: 'surname resolves to the full name named earlier', text: 'The study was led by Isobel Achterberg. “Measure it in the open,” said Achterberg.', expected: [['Measure it in the open,', 'Isobel Achterberg', null]] },
];

describe('findQuotes', () => {
  for (const c of cases) {
    it(c.name, () => {
      const quotes = findQuotes(c.text, findEntities(c.text));
      for (const q of quotes) assert.equal(c.text.slice(q.start, q.end), q.text);
      assert.deepEqual(quotes.map((q) => [q.text, q.speaker, q.speakerEntityId]), c.expected);
    });
  }
});

describe('findQuotes: continuation', () => {
  it('a second unattributed quote in the paragraph keeps the first speaker', () => {
    const text = '“We are ready,” said Jane Roe. “Nobody else is.”\n“A new paragraph starts fresh.”';
    const quotes = findQuotes(text, findEntities(text));
    assert.deepEqual(quotes.map((q) => q.speaker), ['Jane Roe', 'Jane Roe', null]);
  });
});
