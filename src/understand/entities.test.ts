import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findEntities } from './entities.js';
import { GAZETTEER, lookupEntity } from './gazetteer.js';

type Expect = [surface: string, entityId: string | null, type: string];

const cases: Array<{ name: string; text: string; expected: Expect[] }> = [
  {
    name: 'company and person with title',
    text: 'Nvidia CEO Jensen Huang spoke.',
    expected: [
      ['Nvidia', 'nvidia', 'organization'],
      ['Jensen Huang', 'jensen-huang', 'person'],
    ],
  },
  { name: 'case-folded long alias', text: 'NVIDIA shipped.', expected: [['NVIDIA', 'nvidia', 'organization']] },
  {
    name: 'ambiguous aliases keep their case',
    text: 'An apple and a meta analysis, then Apple and Meta.',
    expected: [
      ['Apple', 'apple', 'organization'],
      ['Meta', 'meta', 'organization'],
    ],
  },
  {
    name: 'X is word-bounded',
    text: 'SpaceX posted on X about 15x gains.',
    expected: [
      ['SpaceX', 'spacex', 'organization'],
      ['X', 'x-corp', 'organization'],
    ],
  },
  {
    name: 'longest match wins',
    text: 'Hugging Face and Microsoft Azure.',
    expected: [
      ['Hugging Face', 'hugging-face', 'organization'],
      ['Microsoft Azure', 'azure', 'product'],
    ],
  },
  { name: 'version suffix is not the product', text: 'GPT-5.5 beat GPT-5.', expected: [['GPT-5', 'gpt-5', 'product']] },
  { name: 'US$ is not the place', text: 'US$5bn for the U.S. market', expected: [['U.S.', 'united-states', 'place']] },
  {
    name: 'lower-case concept only in lower case',
    text: 'Northwind Compute sells compute to a neocloud.',
    expected: [
      ['compute', 'compute', 'concept'],
      ['neocloud', 'neocloud', 'concept'],
    ],
  },
  {
    name: 'Chinese aliases map to the same entities',
    text: '英伟达CEO黄仁勋表示，马斯克的xAI将在孟菲斯建设数据中心。',
    expected: [
      ['英伟达', 'nvidia', 'organization'],
      ['黄仁勋', 'jensen-huang', 'person'],
      ['马斯克', 'elon-musk', 'person'],
      ['xAI', 'xai', 'organization'],
      ['孟菲斯', 'memphis', 'place'],
      ['数据中心', 'data-center', 'concept'],
    ],
  },
  {
    name: 'Chinese longest alias',
    text: '阿里巴巴与阿里云',
    expected: [
      ['阿里巴巴', 'alibaba', 'organization'],
      ['阿里云', 'alibaba', 'organization'],
    ],
  },
  {
    name: 'unknown person before said',
    text: 'The deal is large, Priya Raman said.',
    expected: [['Priya Raman', null, 'person']],
  },
  {
    name: 'unknown person after a title',
    text: 'Its chief executive Priya Raman left.',
    expected: [['Priya Raman', null, 'person']],
  },
  {
    name: 'unknown person after a capitalised title',
    text: 'OpenAI CFO Jane Roe left.',
    expected: [
      ['OpenAI', 'openai', 'organization'],
      ['Jane Roe', null, 'person'],
    ],
  },
  {
    name: 'unknown organisation by suffix',
    text: 'Shares of Acme Robotics Inc. rose.',
    expected: [['Acme Robotics Inc.', null, 'organization']],
  },
  { name: 'interview label', text: 'Sean O’Kane: I think so.', expected: [['Sean O’Kane', null, 'person']] },
  { name: 'unsure capitalised words are skipped', text: 'They visited Maple Grove Park last week.', expected: [] },
  { name: 'sentence-initial single word is skipped', text: 'Yesterday said nothing.', expected: [] },
  // Invented names below.
  {
    name: 'a possessive place is not a person',
    text: 'Northwind says Bramblefield’s power comes from wind.',
    expected: [],
  },
  {
    name: 'organisation by suffix, its first word later is the same organisation',
    text: 'Northwind Cloud signed the deal. Northwind said it would hire 200 people, and Northwind’s lenders agreed.',
    expected: [
      ['Northwind Cloud', null, 'organization'],
      ['Northwind', null, 'organization'],
      ['Northwind', null, 'organization'],
    ],
  },
  {
    name: 'suffixes Advisory and Securities',
    text: 'Analysts at Copperfield Advisory and Redmoor Securities disagreed.',
    expected: [
      ['Copperfield Advisory', null, 'organization'],
      ['Redmoor Securities', null, 'organization'],
    ],
  },
  {
    name: 'employer after a job title',
    text: 'said Ana Ruiz, chief technology officer of Quaymark Apps.',
    expected: [
      ['Ana Ruiz', null, 'person'],
      ['Quaymark Apps', null, 'organization'],
    ],
  },
  {
    name: 'a recurring multi-word name is an organisation',
    text: 'Bright Harbor won the bid. Rivals expect Bright Harbor to bid low.',
    expected: [
      ['Bright Harbor', null, 'organization'],
      ['Bright Harbor', null, 'organization'],
    ],
  },
  {
    name: '"<Name>, <known place>" is a place',
    text: 'The campus near Dunmore, Texas opens in July.',
    expected: [
      ['Dunmore', null, 'place'],
      ['Texas', 'texas', 'place'],
    ],
  },
  { name: 'a nationality is not part of a name', text: 'Chinese AI companies want chips.', expected: [] },
  {
    name: 'a boilerplate heading is not a person',
    text: 'About Northwind Cloud: Northwind Cloud builds data centres.',
    expected: [
      ['Northwind Cloud', null, 'organization'],
      ['Northwind Cloud', null, 'organization'],
      ['data centres', 'data-center', 'concept'],
    ],
  },
  {
    name: 'a surname alone after the full name',
    text: 'Its chief executive Dana Reyes spoke. Reyes said little.',
    expected: [
      ['Dana Reyes', null, 'person'],
      ['Reyes', null, 'person'],
    ],
  },
  {
    name: 'months and weekdays never become names',
    text: 'On Monday, May said nothing, and June Fair opened in May.',
    expected: [],
  },
  {
    name: 'Chinese: a Latin gloss names the company, and its repeated Chinese spelling',
    text: '北风云（Northwind Cloud）周二宣布融资。分析师认为，北风云的客户集中度很高。',
    expected: [
      ['北风云', null, 'organization'],
      ['Northwind Cloud', null, 'organization'],
      ['融资', 'funding-round', 'concept'],
      ['北风云', null, 'organization'],
    ],
  },
  {
    name: 'Chinese: a transliterated person with a gloss after a title',
    text: '北风云首席执行官达娜·雷耶斯（Dana Reyes）表示，需求很旺。',
    expected: [['达娜·雷耶斯', null, 'person']],
  },
  {
    name: 'Chinese: a Chinese name after a title, with its pinyin gloss, is a person',
    text: '星河算力合作负责人陈立（Chen Li）表示，需求很旺。',
    expected: [
      ['算力', 'compute', 'concept'],
      ['陈立', null, 'person'],
    ],
  },
  {
    name: 'Chinese: a person after a job title, then again alone',
    text: '潮汐研究分析师宋岩认为，瓶颈在电力。宋岩表示，明年会缓解。',
    expected: [
      ['宋岩', null, 'person'],
      ['宋岩', null, 'person'],
    ],
  },
  {
    name: 'Chinese: a company suffix on a repeated name; a lead investor',
    text: '杭州芯片企业青禾科技完成融资，由白鹭资本领投。青禾科技成立于 2020 年。',
    expected: [
      ['杭州', 'hangzhou', 'place'],
      ['芯片', 'semiconductor', 'concept'],
      ['青禾科技', null, 'organization'],
      ['融资', 'funding-round', 'concept'],
      ['白鹭资本', null, 'organization'],
      ['青禾科技', null, 'organization'],
    ],
  },
  {
    name: 'Chinese: a transliterated name after a title, without a gloss, before a setting',
    text: '北风云首席执行官达娜·雷耶斯在声明中说，需求很旺。',
    expected: [['达娜·雷耶斯', null, 'person']],
  },
  {
    name: 'unknown person with a job title in apposition',
    text: 'Orla Penrose, Northwind’s chief financial officer, declined to comment.',
    expected: [['Orla Penrose', null, 'person']],
  },
  { name: 'apposition without a title names nobody', text: 'Maple Grove, a quiet suburb, voted no.', expected: [] },
  {
    name: 'a repeated model name is a product',
    text: 'The QX4 ships in May. Rivals say the QX4 runs hot.',
    expected: [
      ['QX4', null, 'product'],
      ['QX4', null, 'product'],
    ],
  },
  {
    name: 'a model introduced by "the" and a model with a variant word',
    text: 'It beats the QX3 and Orbit-2 Swift on cost.',
    expected: [
      ['QX3', null, 'product'],
      ['Orbit-2 Swift', null, 'product'],
    ],
  },
  {
    name: 'a model name inside Chinese text',
    text: '新一代 QX4 的能效是上一代 QX3 的 2 倍。',
    expected: [
      ['QX4', null, 'product'],
      ['QX3', null, 'product'],
    ],
  },
  {
    name: 'quarters, halves and single codes are not products',
    text: 'In Q3 and H2 the B7 form is due; Q3 again.',
    expected: [],
  },
  {
    name: 'Chinese: a suffix word in prose is no company',
    text: '国产科技企业正在崛起，国产科技的份额上升。',
    expected: [],
  },
];

describe('findEntities', () => {
  for (const c of cases) {
    it(c.name, () => {
      const found = findEntities(c.text);
      for (const m of found) assert.equal(c.text.slice(m.start, m.end), m.surface);
      assert.deepEqual(
        found.map((m) => [m.surface, m.entityId, m.type]),
        c.expected,
      );
      for (const m of found) assert.ok(m.entityId !== null || m.name !== '', 'an unknown name keeps its name');
    });
  }
  it('a glossed Chinese name carries the Latin name, so both languages meet', () => {
    const names = findEntities('北风云（Northwind Cloud）首席执行官达娜·雷耶斯（Dana Reyes）表示，北风云会扩张。').map(
      (m) => [m.surface, m.name],
    );
    assert.deepEqual(names, [
      ['北风云', 'Northwind Cloud'],
      ['Northwind Cloud', 'Northwind Cloud'],
      ['达娜·雷耶斯', 'Dana Reyes'],
      ['北风云', 'Northwind Cloud'],
    ]);
  });
});

describe('lookupEntity', () => {
  const cases: Array<[string, string | null]> = [
    ['英伟达', 'nvidia'],
    ['Nvidia', 'nvidia'],
    ['nvidia', 'nvidia'],
    ['輝達', 'nvidia'],
    ['马斯克', 'elon-musk'],
    ['Musk', 'elon-musk'],
    ['奥尔特曼', 'sam-altman'],
    ['阿尔特曼', 'sam-altman'],
    ['新云', 'neocloud'],
    ['neocloud', 'neocloud'],
    ['深度求索', 'deepseek'],
    ['月之暗面', 'moonshot'],
    ['台積電', 'tsmc'],
    ['超威', 'amd'],
    ['apple', 'apple' /* by id */],
    ['APPLE', null],
    ['Apple', 'apple'],
    ['  Jensen  Huang ', 'jensen-huang'],
    ['Nobody Known', null],
    ['', null],
  ];
  for (const [surface, id] of cases)
    it(JSON.stringify(surface), () => assert.equal(lookupEntity(surface)?.id ?? null, id));
});

describe('gazetteer data', () => {
  it('has 150+ entities with unique ids', () => {
    assert.ok(GAZETTEER.length >= 150);
    assert.equal(new Set(GAZETTEER.map((e) => e.id)).size, GAZETTEER.length);
  });
  it('every type is represented', () => {
    for (const type of ['organization', 'person', 'product', 'place', 'concept'])
      assert.ok(
        GAZETTEER.some((e) => e.type === type),
        type,
      );
  });
});
