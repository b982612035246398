import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { figuresEqual, parseChineseNumeral, parseFigures, type Figure } from './figures.js';

function only(text: string): Figure {
  const figs = parseFigures(text);
  assert.equal(figs.length, 1, `one figure in ${JSON.stringify(text)}, got ${JSON.stringify(figs)}`);
  const f = figs[0]!;
  assert.equal(text.slice(f.start, f.end), f.surface);
  return f;
}

const cases: Array<{
  name: string;
  text: string;
  kind: Figure['kind'];
  value: number;
  unit: string;
  surface?: string;
}> = [
  {
    name: 'dollars with billion',
    text: 'a $250 billion plan',
    kind: 'money',
    value: 2.5e11,
    unit: 'USD',
    surface: '$250 billion',
  },
  { name: 'US$ with bn', text: 'US$250bn', kind: 'money', value: 2.5e11, unit: 'USD' },
  {
    name: '亿美元 with a space',
    text: '投资 2500 亿美元',
    kind: 'money',
    value: 2.5e11,
    unit: 'USD',
    surface: '2500 亿美元',
  },
  { name: '亿美元 with a comma', text: '2,500亿美元', kind: 'money', value: 2.5e11, unit: 'USD' },
  { name: 'yuan', text: '100亿元人民币', kind: 'money', value: 1e10, unit: 'CNY' },
  { name: 'yen sign as CNY', text: '¥100', kind: 'money', value: 100, unit: 'CNY' },
  { name: 'euro bn', text: '€5bn', kind: 'money', value: 5e9, unit: 'EUR' },
  { name: 'dollars with m', text: 'a $5m seed round', kind: 'money', value: 5e6, unit: 'USD', surface: '$5m' },
  { name: 'megawatts abbreviated', text: '300MW', kind: 'power', value: 3e8, unit: 'W' },
  {
    name: 'megawatts spelled, hyphenated',
    text: 'a 300-megawatt site',
    kind: 'power',
    value: 3e8,
    unit: 'W',
    surface: '300-megawatt',
  },
  { name: '兆瓦', text: '300 兆瓦', kind: 'power', value: 3e8, unit: 'W' },
  { name: 'Chinese numeral 三百兆瓦', text: '三百兆瓦', kind: 'power', value: 3e8, unit: 'W' },
  { name: '万千瓦', text: '30万千瓦', kind: 'power', value: 3e8, unit: 'W' },
  { name: 'gigawatts', text: '5GW', kind: 'power', value: 5e9, unit: 'W' },
  {
    name: 'watt-hours abbreviated',
    text: 'used 0.04 Wh per answer',
    kind: 'quantity',
    value: 0.04,
    unit: 'Wh',
    surface: '0.04 Wh',
  },
  {
    name: 'kilowatt-hours spelled',
    text: 'about 3 kilowatt-hours a day',
    kind: 'quantity',
    value: 3000,
    unit: 'Wh',
    surface: '3 kilowatt-hours',
  },
  { name: '瓦时', text: '每次约 0.3 瓦时', kind: 'quantity', value: 0.3, unit: 'Wh', surface: '0.3 瓦时' },
  { name: 'x multiplier', text: '15x faster', kind: 'multiplier', value: 15, unit: 'x', surface: '15x' },
  { name: '倍', text: '提升15倍', kind: 'multiplier', value: 15, unit: 'x', surface: '15倍' },
  { name: 'fold', text: 'a 15-fold rise', kind: 'multiplier', value: 15, unit: 'x', surface: '15-fold' },
  {
    name: 'times before comparative',
    text: '5 times more',
    kind: 'multiplier',
    value: 5,
    unit: 'x',
    surface: '5 times',
  },
  { name: 'tokens per second', text: '1,000 tokens/s', kind: 'rate', value: 1000, unit: 'tokens/s' },
  {
    name: '每秒 token',
    text: '每秒 1000 个 token',
    kind: 'rate',
    value: 1000,
    unit: 'tokens/s',
    surface: '每秒 1000 个 token',
  },
  { name: 'percent sign', text: '80%', kind: 'percent', value: 80, unit: '%' },
  { name: 'percent with space', text: '80 %', kind: 'percent', value: 80, unit: '%' },
  { name: 'full-width percent', text: '８０％', kind: 'percent', value: 80, unit: '%' },
  { name: 'percent spelled', text: 'up 30 percent', kind: 'percent', value: 30, unit: '%', surface: '30 percent' },
  { name: '百分之八十', text: '百分之八十', kind: 'percent', value: 80, unit: '%' },
  { name: '1.5万', text: '1.5万', kind: 'quantity', value: 15000, unit: '' },
  { name: '3亿', text: '3亿', kind: 'quantity', value: 3e8, unit: '' },
  { name: 'GPU count', text: '100,000 GPUs', kind: 'count', value: 1e5, unit: 'GPU' },
  { name: 'GPU count with model name', text: '100,000 Nvidia H100 GPUs', kind: 'count', value: 1e5, unit: 'GPU' },
  { name: '万块GPU', text: '10万块GPU', kind: 'count', value: 1e5, unit: 'GPU' },
  { name: '周活跃用户', text: '8亿周活跃用户', kind: 'count', value: 8e8, unit: 'user' },
  { name: 'parameters with B', text: '175B parameters', kind: 'count', value: 1.75e11, unit: 'parameter' },
  { name: 'year', text: 'by 2035, it said', kind: 'year', value: 2035, unit: 'year', surface: '2035' },
  { name: '年', text: '2035年', kind: 'year', value: 2035, unit: 'year' },
  { name: 'process node', text: '3nm', kind: 'quantity', value: 3, unit: 'nm' },
  { name: 'bandwidth', text: '8 TB/s', kind: 'rate', value: 8e12, unit: 'B/s' },
  { name: 'petaflops', text: '20 petaflops', kind: 'rate', value: 2e16, unit: 'FLOP/s' },
  {
    name: 'counted noun after a counter and a brand and model',
    text: '订购 25 万颗 Orrin QX4 加速器',
    kind: 'count',
    value: 250000,
    unit: 'accelerator',
    surface: '25 万颗 Orrin QX4 加速器',
  },
  {
    name: 'counted noun after a counter and a model',
    text: '3 万块 QX4 芯片',
    kind: 'count',
    value: 30000,
    unit: 'chip',
  },
  { name: 'GPU model alone after a counter', text: '2 万块 H200', kind: 'count', value: 20000, unit: 'GPU' },
  {
    name: 'GPU model then GPU after a counter',
    text: '5000 张英伟达 B200 GPU',
    kind: 'count',
    value: 5000,
    unit: 'GPU',
  },
  {
    name: 'accelerators after brand and model',
    text: '250,000 Orrin QX4 accelerators',
    kind: 'count',
    value: 250000,
    unit: 'accelerator',
  },
  {
    name: 'tokens counted in 万',
    text: '上下文为 25.6 万 token',
    kind: 'count',
    value: 256000,
    unit: 'token',
    surface: '25.6 万 token',
  },
  {
    name: 'tokens a second',
    text: 'runs at 480 tokens a second',
    kind: 'rate',
    value: 480,
    unit: 'tokens/s',
    surface: '480 tokens a second',
  },
  { name: 'tokens per second spelled', text: '480 tokens per second', kind: 'rate', value: 480, unit: 'tokens/s' },
  {
    name: 'questions counted',
    text: 'all 4,800 questions',
    kind: 'count',
    value: 4800,
    unit: 'question',
    surface: '4,800 questions',
  },
  {
    name: 'a year before a capitalised word',
    text: 'In 2027 Orrin engineers will move',
    kind: 'year',
    value: 2027,
    unit: 'year',
    surface: '2027',
  },
  {
    name: 'a model name after a counter is never the unit',
    text: '18 万颗 QX4',
    kind: 'quantity',
    value: 180000,
    unit: '',
    surface: '18 万',
  },
  { name: 'energy 度电', text: '5亿度电', kind: 'quantity', value: 5e11, unit: 'Wh' },
];

describe('parseFigures', () => {
  for (const c of cases) {
    it(c.name, () => {
      const f = only(c.text);
      assert.equal(f.kind, c.kind);
      assert.equal(f.unit, c.unit);
      assert.equal(f.value, c.value);
      assert.equal(f.surface, c.surface ?? c.text.trim());
    });
  }
  const none: Array<[string, string]> = [
    ['vague 数十亿', '数十亿美元'],
    ['vague hundreds of thousands', 'hundreds of thousands of GPUs'],
    ['model names', 'GPT-5 and H100 and Llama-3'],
    ['ordinal 第一', '第一名'],
    ['Chinese words with numerals', '一些公司十分看好'],
    ['Baidu is not a number', '百度和千问'],
    ['version string', 'version 3.5.1'],
    ['bare small number', 'it has 4 sites'],
    ['duration 三年', '三年来'],
    ['a Chinese range 六七十', '每秒六七十个 token'],
    ['a Chinese range 三四百', '三四百台服务器'],
  ];
  for (const [name, text] of none) it(`no figure: ${name}`, () => assert.deepEqual(parseFigures(text), []));

  const lists: Array<[string, string, Array<[string, number, string]>]> = [
    [
      'a list of numbers shares the unit of the last',
      'prompts of 4,000, 16,000 and 64,000 tokens',
      [
        ['4,000', 4000, 'token'],
        ['16,000', 16000, 'token'],
        ['64,000 tokens', 64000, 'token'],
      ],
    ],
    [
      'a range shares the unit',
      'between 5 and 10 GW',
      [
        ['5', 5e9, 'W'],
        ['10 GW', 1e10, 'W'],
      ],
    ],
    [
      'a Chinese list with 、 and 和',
      '提升 3、5 和 8 倍',
      [
        ['3', 3, 'x'],
        ['5', 5, 'x'],
        ['8 倍', 8, 'x'],
      ],
    ],
    [
      'a scale word keeps the unit to its own number',
      'between 5 and 10 billion tokens',
      [['10 billion tokens', 1e10, 'token']],
    ],
    ['a currency sign belongs to its number alone', 'from 5 to $10', [['$10', 10, 'USD']]],
    ['a list broken by words stays bare', '12 labs, 40 tokens', [['40 tokens', 40, 'token']]],
    [
      'a scaled amount before a count shares its noun',
      'between 3 billion and 400 billion parameters',
      [
        ['3 billion', 3e9, 'parameter'],
        ['400 billion parameters', 4e11, 'parameter'],
      ],
    ],
    [
      'a Chinese scaled range before a count',
      '1.5 万到 2 万块 GPU',
      [
        ['1.5 万', 15000, 'GPU'],
        ['2 万块 GPU', 20000, 'GPU'],
      ],
    ],
    ['a comma alone before the figure is no list', 'on page 3, 40 GPUs failed', [['40 GPUs', 40, 'GPU']]],
  ];
  for (const [name, text, expected] of lists) {
    it(name, () =>
      assert.deepEqual(
        parseFigures(text).map((f) => [f.surface, f.value, f.unit]),
        expected,
      ),
    );
  }

  it('finds every figure in a sentence with exact spans', () => {
    const text = 'It raised $4.2 billion in 2026 for a 180-megawatt site, up 30 percent.';
    const figs = parseFigures(text);
    assert.deepEqual(
      figs.map((f) => [f.kind, f.value, f.unit]),
      [
        ['money', 4.2e9, 'USD'],
        ['year', 2026, 'year'],
        ['power', 1.8e8, 'W'],
        ['percent', 30, '%'],
      ],
    );
    for (const f of figs) assert.equal(text.slice(f.start, f.end), f.surface);
  });
});

describe('figuresEqual', () => {
  const pairs: Array<[string, string, string, boolean]> = [
    ['$250 billion = 2500 亿美元', '$250 billion', '2500 亿美元', true],
    ['$250 billion = 2,500亿美元', '$250 billion', '2,500亿美元', true],
    ['US$250bn = $250 billion', 'US$250bn', '$250 billion', true],
    ['300MW = 300 兆瓦', '300MW', '300 兆瓦', true],
    ['300 megawatts = 三百兆瓦', '300 megawatts', '三百兆瓦', true],
    ['15x = 15倍', '15x', '15倍', true],
    ['15-fold = 15x', '15-fold', '15x', true],
    ['1,000 tokens/s = 每秒 1000 个 token', '1,000 tokens/s', '每秒 1000 个 token', true],
    ['100,000 GPUs = 10万块GPU', '100,000 GPUs', '10万块GPU', true],
    ['80% = 百分之八十', '80%', '百分之八十', true],
    ['$1.5 billion ≠ $1.52 billion', '$1.5 billion', '$1.52 billion', false],
    ['USD ≠ CNY', '$100', '100元', false],
    ['year ≠ money', '2035年', '$2035', false],
    ['300MW ≠ 3GW', '300MW', '3GW', false],
  ];
  for (const [name, a, b, equal] of pairs) {
    it(name, () => assert.equal(figuresEqual(only(a), only(b)), equal));
  }
  it('honours a looser tolerance', () => {
    assert.equal(figuresEqual(only('$1.5 billion'), only('$1.52 billion'), 0.02), true);
  });
});

describe('parseChineseNumeral', () => {
  const cases: Array<[string, number]> = [
    ['三百', 300],
    ['十二万', 120000],
    ['两千亿', 2e11],
    ['三亿五千万', 3.5e8],
    ['一万亿', 1e12],
    ['二〇三五', 2035],
    ['十', 10],
  ];
  for (const [s, v] of cases) it(s, () => assert.equal(parseChineseNumeral(s), v));
});
