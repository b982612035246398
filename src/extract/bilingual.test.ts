import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectBilingual, splitInlinePair } from './bilingual.js';

// Invented sample text for these tests.
const EN1 = 'Northwind Cloud will spend $40 billion on new data centres over five years.';
const ZH1 = '北风云将在五年内斥资 400 亿美元建设新的数据中心。';
const EN2 = 'The company said demand from model makers has outrun its supply of chips.';
const ZH2 = '该公司表示，模型公司的需求已经超过了其芯片供应。';
const EN3 = 'Analysts called the plan “a bet on the neocloud model”.';
const ZH3 = '分析人士称这一计划是“对新云(neocloud)模式的押注”。';

describe('detectBilingual: interleaved layout', () => {
  it('pairs each English paragraph with the Chinese one after it, titles first', () => {
    const page = detectBilingual(
      ['Northwind bets on data centres', '北风押注数据中心', EN1, ZH1, EN2, ZH2, EN3, ZH3],
      null,
    );
    assert.ok(page);
    assert.equal(page.layout, 'interleaved');
    assert.equal(page.titleEn, 'Northwind bets on data centres');
    assert.equal(page.titleZh, '北风押注数据中心');
    assert.deepEqual(page.pairs, [
      { en: EN1, zh: ZH1 },
      { en: EN2, zh: ZH2 },
      { en: EN3, zh: ZH3 },
    ]);
  });

  it('takes the English title from the page when only the Chinese title is left in the body', () => {
    const page = detectBilingual(['北风押注数据中心', EN1, ZH1, EN2, ZH2], 'Northwind bets on data centres');
    assert.ok(page);
    assert.equal(page.titleEn, 'Northwind bets on data centres');
    assert.equal(page.titleZh, '北风押注数据中心');
    assert.equal(page.pairs.length, 2);
  });
});

describe('detectBilingual: inline layout', () => {
  it('splits each block at the script boundary', () => {
    const page = detectBilingual([`${EN1} ${ZH1}`, `${EN2}${ZH2}`, `${EN3} ${ZH3}`], 'Northwind bets on data centres');
    assert.ok(page);
    assert.equal(page.layout, 'inline');
    assert.deepEqual(page.pairs, [
      { en: EN1, zh: ZH1 },
      { en: EN2, zh: ZH2 },
      { en: EN3, zh: ZH3 },
    ]);
  });
});

describe('splitInlinePair', () => {
  const cases: Array<[string, string, { en: string; zh: string } | null]> = [
    ['plain pair', `${EN1} ${ZH1}`, { en: EN1, zh: ZH1 }],
    [
      'Chinese side opening with a Latin name',
      'Nvidia shares rose 5% on Friday. Nvidia 股价周五上涨 5%。',
      { en: 'Nvidia shares rose 5% on Friday.', zh: 'Nvidia 股价周五上涨 5%。' },
    ],
    [
      'Chinese side opening with a quote',
      'He called it a turning point. “这是一个转折点，”他说。',
      { en: 'He called it a turning point.', zh: '“这是一个转折点，”他说。' },
    ],
    ['Chinese sentence with an English name', '英伟达首席执行官 Jensen Huang 周二表示，新芯片将于明年上市。', null],
    ['English only', EN1, null],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => assert.deepEqual(splitInlinePair(text), expected));
  }
});

describe('detectBilingual: pages in one language are not bilingual', () => {
  const cases: Array<[string, string[]]> = [
    ['English article', [EN1, EN2, EN3]],
    [
      'Chinese article quoting English names',
      [
        'OpenAI 周一发布了新模型 GPT-5，称其推理能力大幅提升。',
        '微软(Microsoft)和英伟达(Nvidia)随即表示将提供支持。',
        '分析师认为，这将加剧与 Anthropic 和 Google DeepMind 的竞争。',
        '该公司首席执行官 Sam Altman 在发布会上说：“这只是开始。”',
      ],
    ],
    ['one pair is not a page', [EN1, ZH1, EN2]],
    ['empty', []],
  ];
  for (const [name, paragraphs] of cases) {
    it(name, () => assert.equal(detectBilingual(paragraphs, null), null));
  }
});

describe('detectBilingual: titles and credits around an inline page', () => {
  const pairs = [`${EN1} ${ZH1}`, `${EN2} ${ZH2}`, `${EN3} ${ZH3}`];
  it('a Chinese headline opening with a Latin name above the body is the Chinese title, not a pair', () => {
    const page = detectBilingual(
      ['Northwind X2 很快，但够快吗？', ...pairs],
      'Northwind X2 is fast. Is it fast enough?',
    );
    assert.ok(page);
    assert.equal(page.titleEn, 'Northwind X2 is fast. Is it fast enough?');
    assert.equal(page.titleZh, 'Northwind X2 很快，但够快吗？');
    assert.equal(page.pairs.length, 3);
  });
  it('the Chinese title can come from another headline of the page', () => {
    const page = detectBilingual([EN1, ZH1, EN2, ZH2, EN3, ZH3], 'Northwind bets on data centres', [
      '为什么北风押注“新云”（neocloud）',
    ]);
    assert.equal(page?.titleZh, '为什么北风押注“新云”（neocloud）');
  });
  it('an English quote closing the English side stays English', () => {
    const en =
      'Developers were impressed, said Dana Reyes of Example Apps, which builds agents. “Now it is our own tests.”';
    const zh = '开发者印象深刻，Example Apps 的达娜·雷耶斯说。“现在慢的是我们自己的测试。”';
    assert.deepEqual(splitInlinePair(`${en} ${zh}`), { en, zh });
  });
  it('a name alone before Chinese is not an English side', () => {
    assert.equal(splitInlinePair('Northwind X2 Flash 很快，但快到足以改变格局吗？'), null);
  });
});
