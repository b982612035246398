import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { align, segment, type Alignment } from './align.js';

// Own fixtures: short news-style paragraphs and a translation with a merge, a split and a drop.
const EN_P1 =
  'OpenAI released a new model on Tuesday. The company said training it cost $2 billion. Analysts were surprised by the price.';
const ZH_P1 = 'OpenAI周二发布了一款新模型。该公司表示，训练这个模型花费了20亿美元，分析师对这一价格感到意外。';
const EN_P2 =
  'Chip maker Nvidia reported quarterly revenue of $30 billion, up 122% from a year earlier, and said demand for its processors remains strong.';
const ZH_P2 = '芯片制造商英伟达公布季度营收300亿美元，比去年同期增长122%。公司表示，市场对其处理器的需求依然强劲。';
const EN_P3 =
  'Its shares rose 5% in early trading. Separately, the weather in California was sunny and warm all week. The company plans to open an office in Tokyo next year.';
const ZH_P3 = '该公司股价早盘上涨5%。公司计划明年在东京开设办公室。';

const pairs = (a: Alignment): string[] => a.links.map((l) => `${l.en.join(',')}:${l.zh.join(',')}`);

describe('align', () => {
  const cases: Array<{ name: string; en: string; zh: string; links: string[] }> = [
    {
      name: 'one to one, then two English sentences merged into one Chinese',
      en: EN_P1,
      zh: ZH_P1,
      links: ['0:0', '1,2:1'],
    },
    { name: 'one English sentence split into two Chinese', en: EN_P2, zh: ZH_P2, links: ['0:0,1'] },
    { name: 'a sentence the translator dropped', en: EN_P3, zh: ZH_P3, links: ['0:0', '1:', '2:1'] },
    {
      name: 'three paragraphs: paragraph links first, sentence indices over the whole text',
      en: [EN_P1, EN_P2, EN_P3].join('\n\n'),
      zh: [ZH_P1, ZH_P2, ZH_P3].join('\n\n'),
      links: ['0:0', '1,2:1', '3:2,3', '4:4', '5:', '6:5'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const a = align(c.en, c.zh);
      assert.deepEqual(pairs(a), c.links);
    });
  }

  it('gives each link its kind and a score in [0, 1]; the drop scores lowest', () => {
    const a = align(EN_P3, ZH_P3);
    assert.deepEqual(
      a.links.map((l) => l.kind),
      ['1-1', '1-0', '1-1'],
    );
    for (const l of a.links) assert.ok(l.score >= 0 && l.score <= 1, `score ${l.score}`);
    const [first, drop, last] = a.links;
    assert.ok(drop!.score < first!.score && drop!.score < last!.score);
    assert.equal(drop!.lengthFit, 0);
  });

  it('links paragraphs when both sides have several', () => {
    const a = align([EN_P1, EN_P2, EN_P3].join('\n\n'), [ZH_P1, ZH_P2, ZH_P3].join('\n\n'));
    assert.deepEqual(
      a.paragraphLinks.map((l) => `${l.en.join(',')}:${l.zh.join(',')}`),
      ['0:0', '1:1', '2:2'],
    );
  });

  it('finds a Chinese paragraph with no English counterpart', () => {
    const extra = '与此同时，多家中国公司也宣布了新的大模型计划，包括百度和阿里巴巴。';
    const a = align([EN_P1, EN_P2].join('\n\n'), [ZH_P1, extra, ZH_P2].join('\n\n'));
    assert.deepEqual(
      a.paragraphLinks.map((l) => l.kind),
      ['1-1', '0-1', '1-1'],
    );
    assert.deepEqual(pairs(a), ['0:0', '1,2:1', ':2', '3:3,4']);
  });

  it('uses figures as anchors: the amount decides between two equally long candidates', () => {
    const en = 'Revenue reached $4 billion. Profit was $1 billion.';
    const zh = '营收达到40亿美元，利润为10亿美元。';
    assert.deepEqual(pairs(align(en, zh)), ['0,1:0']);
  });

  it('accepts paragraphs already split into sentences', () => {
    const a = align([['Hello world.', 'Second line here.']], [['你好，世界。', '这是第二行。']]);
    assert.deepEqual(pairs(a), ['0:0', '1:1']);
    assert.deepEqual(a.en.sentences, ['Hello world.', 'Second line here.']);
  });

  it('returns no links for two empty texts, and only drops against an empty side', () => {
    assert.deepEqual(align('', '').links, []);
    assert.deepEqual(pairs(align('One. Two.', '')), ['0:', '1:']);
  });
});

describe('segment', () => {
  it('splits blank-line blocks into paragraphs and drops Markdown marks', () => {
    const s = segment('# Title\n\nFirst sentence. Second one.\n\n- a list item');
    assert.deepEqual(s.sentences, ['Title', 'First sentence.', 'Second one.', 'a list item']);
    assert.deepEqual(s.paragraphOf, [0, 1, 1, 2]);
    assert.equal(s.paragraphCount, 3);
  });
});
