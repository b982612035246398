import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findEntities } from './entities.js';
import { GAZETTEER, lookupEntity } from './gazetteer.js';

type Expect = [surface: string, entityId: string | null, type: string];

const cases: Array<{ name: string; text: string; expected: Expect[] }> = [
  { name: 'company and person with title', text: 'Nvidia CEO Jensen Huang spoke.', expected: [['Nvidia', 'nvidia', 'organization'], ['Jensen Huang', 'jensen-huang', 'person']] },
  { name: 'case-folded long alias', text: 'NVIDIA shipped.', expected: [['NVIDIA', 'nvidia', 'organization']] },
  { name: 'ambiguous aliases keep their case', text: 'An apple and a meta analysis, then Apple and Meta.', expected: [['Apple', 'apple', 'organization'], ['Meta', 'meta', 'organization']] },
  { name: 'X is word-bounded', text: 'SpaceX posted on X about 15x gains.', expected: [['SpaceX', 'spacex', 'organization'], ['X', 'x-corp', 'organization']] },
  { name: 'longest match wins', text: 'Hugging Face and Microsoft Azure.', expected: [['Hugging Face', 'hugging-face', 'organization'], ['Microsoft Azure', 'azure', 'product']] },
  { name: 'version suffix is not the product', text: 'GPT-5.5 beat GPT-5.', expected: [['GPT-5', 'gpt-5', 'product']] },
  { name: 'US$ is not the place', text: 'US$5bn for the U.S. market', expected: [['U.S.', 'united-states', 'place']] },
  { name: 'lower-case concept only in lower case', text: 'Northwind Compute sells compute to a neocloud.', expected: [['compute', 'compute', 'concept'], ['neocloud', 'neocloud', 'concept']] },
  {
    name: 'Chinese aliases map to the same entities',
    text: '英伟达CEO黄仁勋表示，马斯克的xAI将在孟菲斯建设数据中心。',
    expected: [['英伟达', 'nvidia', 'organization'], ['黄仁勋', 'jensen-huang', 'person'], ['马斯克', 'elon-musk', 'person'], ['xAI', 'xai', 'organization'], ['孟菲斯', 'memphis', 'place'], ['数据中心', 'data-center', 'concept']],
  },
  { name: 'Chinese longest alias', text: '阿里巴巴与阿里云', expected: [['阿里巴巴', 'alibaba', 'organization'], ['阿里云', 'alibaba', 'organization']] },
  { name: 'unknown person before said', text: 'The deal is large, Priya Raman said.', expected: [['Priya Raman', null, 'person']] },
  { name: 'unknown person after a title', text: 'Its chief executive Priya Raman left.', expected: [['Priya Raman', null, 'person']] },
  { name: 'unknown person after a capitalised title', text: 'OpenAI CFO Jane Roe left.', expected: [['OpenAI', 'openai', 'organization'], ['Jane Roe', null, 'person']] },
  { name: 'unknown organisation by suffix', text: 'Shares of Acme Robotics Inc. rose.', expected: [['Acme Robotics Inc.', null, 'organization']] },
  { name: 'interview label', text: 'Sean O’Kane: I think so.', expected: [['Sean O’Kane', null, 'person']] },
  { name: 'unsure capitalised words are skipped', text: 'They visited Maple Grove Park last week.', expected: [] },
  { name: 'sentence-initial single word is skipped', text: 'Yesterday said nothing.', expected: [] },
];

describe('findEntities', () => {
  for (const c of cases) {
    it(c.name, () => {
      const found = findEntities(c.text);
      for (const m of found) assert.equal(c.text.slice(m.start, m.end), m.surface);
      assert.deepEqual(found.map((m) => [m.surface, m.entityId, m.type]), c.expected);
    });
  }
});

describe('lookupEntity', () => {
  const cases: Array<[string, string | null]> = [
    ['英伟达', 'nvidia'], ['Nvidia', 'nvidia'], ['nvidia', 'nvidia'], ['輝達', 'nvidia'], ['马斯克', 'elon-musk'], ['Musk', 'elon-musk'],
    ['奥尔特曼', 'sam-altman'], ['阿尔特曼', 'sam-altman'], ['新云', 'neocloud'], ['neocloud', 'neocloud'], ['深度求索', 'deepseek'],
    ['月之暗面', 'moonshot'], ['台積電', 'tsmc'], ['超威', 'amd'], ['apple', 'apple' /* by id */], ['APPLE', null], ['Apple', 'apple'], ['  Jensen  Huang ', 'jensen-huang'], ['Nobody Known', null], ['', null],
  ];
  for (const [surface, id] of cases) it(JSON.stringify(surface), () => assert.equal(lookupEntity(surface)?.id ?? null, id));
});

describe('gazetteer data', () => {
  it('has 150+ entities with unique ids', () => {
    assert.ok(GAZETTEER.length >= 150);
    assert.equal(new Set(GAZETTEER.map((e) => e.id)).size, GAZETTEER.length);
  });
  it('every type is represented', () => {
    for (const type of ['organization', 'person', 'product', 'place', 'concept']) assert.ok(GAZETTEER.some((e) => e.type === type), type);
  });
});
