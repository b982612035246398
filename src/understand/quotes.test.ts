import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findEntities } from './entities.js';
import { findQuotes } from './quotes.js';

type Expect = [text: string, speaker: string | null, entityId: string | null];

const cases: Array<{ name: string; text: string; expected: Expect[] }> = [
  {
    name: '“…,” said X',
    text: '“We have been building toward this,” said Priya Raman, the chief executive.',
    expected: [['We have been building toward this,', 'Priya Raman', null]],
  },
  {
    name: '"…," X said (straight quotes)',
    text: '"Chips are scarce," Jensen Huang said on Monday.',
    expected: [['Chips are scarce,', 'Jensen Huang', 'jensen-huang']],
  },
  {
    name: 'X said: "…"',
    text: 'Nvidia CEO Jensen Huang said: "Demand is strong."',
    expected: [['Demand is strong.', 'Jensen Huang', 'jensen-huang']],
  },
  {
    name: 'X: “…”',
    text: 'Sam Altman: “We need more compute.”',
    expected: [['We need more compute.', 'Sam Altman', 'sam-altman']],
  },
  {
    name: 'according to X, “…”',
    text: 'According to Dario Amodei, “the models will keep improving.”',
    expected: [['the models will keep improving.', 'Dario Amodei', 'dario-amodei']],
  },
  {
    name: '“…,” according to X',
    text: '“The market is overheated,” according to analyst Jane Roe.',
    expected: [['The market is overheated,', 'Jane Roe', null]],
  },
  {
    name: 'he said resolves to the last person named',
    text: 'Jensen Huang took the stage. “It will not slow down,” he said.',
    expected: [['It will not slow down,', 'Jensen Huang', 'jensen-huang']],
  },
  {
    name: 'X 表示：“…”',
    text: '英伟达CEO黄仁勋表示：“算力需求非常强劲。”',
    expected: [['算力需求非常强劲。', '黄仁勋', 'jensen-huang']],
  },
  {
    name: 'title + unknown Chinese name 称',
    text: '分析师张伟称，“这笔交易风险很高。”',
    expected: [['这笔交易风险很高。', '张伟', null]],
  },
  { name: '“…”X说', text: '“我们会继续投资。”马斯克说。', expected: [['我们会继续投资。', '马斯克', 'elon-musk']] },
  {
    name: 'corner brackets 「」',
    text: '奥尔特曼指出：「我们需要更多算力。」',
    expected: [['我们需要更多算力。', '奥尔特曼', 'sam-altman']],
  },
  {
    name: 'English scare quote has no speaker',
    text: 'Analysts call them “neoclouds” now, Jane Roe said.',
    expected: [['neoclouds', null, null]],
  },
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
  {
    name: 'no speaker named',
    text: 'The company said in a statement, “We are pleased.”',
    expected: [['We are pleased.', null, null]],
  },
  {
    name: 'quote running on past the paragraph',
    text: '“This is the first paragraph of a long quote\n\nAnd it goes on.”',
    expected: [['This is the first paragraph of a long quote', null, null]],
  },
  {
    name: 'ZH: a person with a Latin gloss wins over the company before it',
    text: '星河算力合作负责人陈立（Chen Li）表示：“需求超过了所有预测。”',
    expected: [['需求超过了所有预测。', '陈立', null]],
  },
  {
    name: 'ZH: a bare name introduced earlier with a title',
    text: '分析师乔文认为，这是电力问题。乔文表示：“最稀缺的是电。”',
    expected: [['最稀缺的是电。', '乔文', null]],
  },
  {
    name: 'ZH: “…，”a long attribution with company, title and glossed name 说',
    text: '“人人都想分散供应商，”北湾证券（Northbay Securities）数据中心分析师汉娜·科斯塔（Hannah Costa）说，“最后还是谁先交付签谁。”',
    expected: [
      ['人人都想分散供应商，', '汉娜·科斯塔', null],
      ['最后还是谁先交付签谁。', '汉娜·科斯塔', null],
    ],
  },
  {
    name: '“…,” X, apposition with a title, said',
    text: '“We priced it for the decade, not the quarter,” Orla Penrose, Northwind’s chief financial officer, said in an interview.',
    expected: [['We priced it for the decade, not the quarter,', 'Orla Penrose', null]],
  },
  {
    name: '“…,” X, a lower-case apposition, said',
    text: '“Nobody has shipped this many,” Tomas Adebayo, an analyst at Quayside Research, said.',
    expected: [['Nobody has shipped this many,', 'Tomas Adebayo', null]],
  },
  {
    name: 'ZH: “…”company title transliterated name 说: the person, not the company',
    text: '“我们要的是可以规划的算力。”英伟达基础设施负责人马蒂厄·罗兰说。',
    expected: [['我们要的是可以规划的算力。', '马蒂厄·罗兰', null]],
  },
  {
    name: 'ZH: “…”company then an unknown short name 说',
    text: '“订单已经排到明年。”英伟达的洛朗说。',
    expected: [['订单已经排到明年。', '洛朗', null]],
  },
  {
    name: 'ZH: company 方面说 stays the company',
    text: '“目前没有更多细节。”英伟达方面说。',
    expected: [['目前没有更多细节。', '英伟达', 'nvidia']],
  },
  {
    name: 'ZH: X 在声明中说：“…”',
    text: '北风云首席执行官达娜·雷耶斯在声明中说：“这是我们等了五年的订单。”',
    expected: [['这是我们等了五年的订单。', '达娜·雷耶斯', null]],
  },
  {
    name: 'ZH: 在接受采访时表示 after a name introduced earlier',
    text: '北风云首席执行官达娜·雷耶斯周一签约。雷耶斯在接受本报采访时表示：“交付是最大的挑战。”',
    expected: [['交付是最大的挑战。', '达娜·雷耶斯', null]],
  },
  {
    name: 'ZH: 在博客中写道 with a known person',
    text: '奥尔特曼在个人博客中写道：“算力就是新的电力。”',
    expected: [['算力就是新的电力。', '奥尔特曼', 'sam-altman']],
  },
  {
    name: 'surname resolves to the full name named earlier',
    text: 'The study was led by Isobel Achterberg. “Measure it in the open,” said Achterberg.',
    expected: [['Measure it in the open,', 'Isobel Achterberg', null]],
  },
];

describe('findQuotes', () => {
  for (const c of cases) {
    it(c.name, () => {
      const quotes = findQuotes(c.text, findEntities(c.text));
      for (const q of quotes) assert.equal(c.text.slice(q.start, q.end), q.text);
      assert.deepEqual(
        quotes.map((q) => [q.text, q.speaker, q.speakerEntityId]),
        c.expected,
      );
    });
  }
});

describe('findQuotes: continuation', () => {
  it('a second unattributed quote in the paragraph keeps the first speaker', () => {
    const text = '“We are ready,” said Jane Roe. “Nobody else is.”\n“A new paragraph starts fresh.”';
    const quotes = findQuotes(text, findEntities(text));
    assert.deepEqual(
      quotes.map((q) => q.speaker),
      ['Jane Roe', 'Jane Roe', null],
    );
  });
});
