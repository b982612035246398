import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  describeDistinct,
  distinctEvent,
  eventIdentity,
  fundedBy,
  headlineKind,
  paperIds,
  productNames,
  suingParty,
} from './event-identity.js';

const none = new Set<string>();

describe('event identity', () => {
  test('paper ids from the text and the address, version dropped; DOIs lower case', () => {
    assert.deepEqual(paperIds('Cite as: arXiv:2603.01234v2', null), ['arxiv:2603.01234']);
    assert.deepEqual(paperIds('no id here', 'https://arxiv.org/abs/2603.01377'), ['arxiv:2603.01377']);
    assert.deepEqual(paperIds('2603.01402 [cs.CL] and doi 10.1145/ABC.123.', null), [
      'arxiv:2603.01402',
      'doi:10.1145/abc.123',
    ]);
    assert.deepEqual(paperIds('revenue rose 2026.1234 per cent', null), []);
  });

  test('versioned product names, not amounts, quarters or dates', () => {
    assert.deepEqual(productNames('Corvana launches Quill 2 coding model').sort(), ['quill2']);
    assert.deepEqual(productNames('Halvard Labs opens up Tern 7B and GPT-5 rivals'), ['tern7b', 'gpt5']);
    assert.deepEqual(productNames('Nvidia ships GB300; Echo 1.5 ships too'), ['gb300', 'echo1.5']);
    assert.deepEqual(productNames('Sales in Q3 rose; Raises 2 million; March 3 2026; Top 10 in 4K'), []);
    assert.deepEqual(productNames('Stage 2 of the Chapter 11 case; Section 230; Phase 3 trial'), []);
  });

  test('who raises money in a funding headline, in English and Chinese', () => {
    assert.deepEqual(fundedBy('Brightmoor Robotics raises $120 million Series B'), ['brightmoor']);
    assert.deepEqual(fundedBy('AI startup Tallowind AI raises $45 million'), ['tallowind']);
    assert.deepEqual(fundedBy('仓储机器人公司 Brightmoor Robotics 完成 1.2 亿美元 B 轮融资'), ['brightmoor']);
    assert.deepEqual(fundedBy('Corvana launches Quill 2'), []);
    assert.deepEqual(fundedBy('SoftBank-backed Brightmoor Robotics raises $120 million'), ['brightmoor']);
    assert.deepEqual(fundedBy('Fallow Peak leads $120 million round in Brightmoor'), []);
  });

  test('different identifiers are two events; a shared or mentioned one is not a difference', () => {
    const p1 = eventIdentity('A', 'arXiv:2603.01234', null);
    const p2 = eventIdentity('B', 'arXiv:2603.01377', null);
    const press = eventIdentity('Paper of the day', 'A new paper (arXiv:2603.01234) claims gains', null);
    assert.equal(distinctEvent(p1, p2, none, none)?.kind, 'paper');
    assert.equal(distinctEvent(p1, press, none, none), null);
    const q = eventIdentity('Corvana launches Quill 2', 'Corvana released Quill 2 today.');
    const a = eventIdentity('Corvana launches Atlas Vision 1', 'Corvana released Atlas Vision 1.');
    const vs = eventIdentity('Atlas Vision 1 review', 'We compare Atlas Vision 1 with Quill 2.');
    assert.equal(distinctEvent(q, a, none, none)?.kind, 'product');
    assert.equal(distinctEvent(q, vs, none, none), null);
    const f1 = eventIdentity('Brightmoor Robotics raises $120 million', '');
    const f2 = eventIdentity('Tallowind AI raises $45 million', '');
    assert.equal(distinctEvent(f1, f2, new Set(['brightmoor']), new Set(['tallowind']))?.kind, 'funding');
    assert.equal(distinctEvent(f1, f2, new Set(['brightmoor']), new Set(['tallowind', 'brightmoor'])), null);
    assert.equal(distinctEvent(undefined, p2, none, none), null);
  });
});

describe('event kinds and lawsuits', () => {
  test('a headline announces one kind of event, or none is claimed', () => {
    assert.equal(headlineKind('Vexa Robotics launches Vexa eLink 2'), 'launch');
    assert.equal(headlineKind('Corvana 发布编程模型 Quill 2'), 'launch');
    assert.equal(headlineKind('Orrin Chips raises $420 million in Series C'), 'funding');
    assert.equal(headlineKind('Orrin Chips names a new chief executive'), 'personnel');
    assert.equal(headlineKind('Pallas Speech sues the FTC over AI chatbot rules'), 'lawsuit');
    assert.equal(headlineKind('Authors sue Corvana over the Quill 2 launch'), null);
    assert.equal(headlineKind('South Korea caps fuel prices'), null);
  });

  test('who sues; a common word is no party', () => {
    assert.deepEqual(suingParty('Pallas Speech sues the FTC over AI chatbot rules'), ['pallas']);
    assert.deepEqual(suingParty('Authors sue Corvana over training data'), []);
    assert.deepEqual(productNames('Vexa Robotics launches Vexa eLink 2'), ['elink2']);
  });

  test('different kinds, or lawsuits by different parties, are two events', () => {
    const launch = eventIdentity('Tessel Systems launches Tessel Studio 2', 'Tessel released it.');
    const suit = eventIdentity(
      'Tessel Systems sues the Department of Justice over AI chatbot rules',
      'Tessel filed the suit.',
    );
    assert.deepEqual(distinctEvent(launch, suit, none, none), { kind: 'kind', a: ['launch'], b: ['lawsuit'] });
    const other = eventIdentity('Quill Semiconductors sues the SEC over AI chatbot rules', '');
    const pallas = eventIdentity('Pallas Speech sues the SEC over AI chatbot rules', '');
    assert.equal(distinctEvent(other, pallas, none, none)?.kind, 'lawsuit');
    const day2 = eventIdentity('Judge sets hearing in Halvorsen v. Corvana copyright case', '');
    const day1 = eventIdentity('Authors sue Corvana over training data in Halvorsen v. Corvana', '');
    assert.equal(distinctEvent(day1, day2, none, none), null);
  });
});

test('launches by different companies are two events, unless one names the other', () => {
  const a = eventIdentity(
    'Juniper Reasoning launches Juniper eLink 2',
    'Juniper Reasoning released eLink 2 on Tuesday.',
  );
  const b = eventIdentity('Nimbus Compute launches Nimbus eLink 2', 'Nimbus Compute released eLink 2 on Saturday.');
  assert.deepEqual(a.launched, ['juniper']);
  assert.deepEqual(b.launched, ['nimbus']);
  const d = distinctEvent(a, b, new Set(['juniper', 'reasoning', 'elink']), new Set(['nimbus', 'compute', 'elink']));
  assert.equal(d?.kind, 'launch');
  assert.match(describeDistinct(d!), /launches by different companies \(juniper and nimbus\)/);
  // Coverage of one launch by two outlets, one naming a rival, stays one event.
  const c = eventIdentity('Nimbus Compute releases eLink 2', 'Nimbus Compute released eLink 2, a rival to Juniper.');
  assert.equal(distinctEvent(b, c, new Set(['nimbus', 'compute']), new Set(['nimbus', 'compute', 'juniper'])), null);
});

test('deals between different parties are two events; one deal headlined from either side is one', () => {
  const nvidia = eventIdentity(
    'Nvidia signs $8 billion compute deal with Pallas Speech',
    'Nvidia agreed to buy capacity from Pallas Speech.',
  );
  const google = eventIdentity(
    'Google signs $7 billion compute deal with Corvid Labs',
    'Corvid Labs will supply Google with GPU capacity.',
  );
  assert.deepEqual(nvidia.dealt, ['nvidia', 'with:pallas']);
  const d = distinctEvent(
    nvidia,
    google,
    new Set(['nvidia', 'pallas', 'speech']),
    new Set(['google', 'corvid', 'labs']),
  );
  assert.equal(d?.kind, 'deal');
  assert.match(describeDistinct(d!), /deals between different parties \(nvidia, with pallas and google, with corvid\)/);
  // One company's deals with two different counterparties, days apart.
  const again = eventIdentity('Nvidia inks $9 billion supply pact with Corvid Labs', 'Nvidia will buy capacity.');
  assert.equal(
    distinctEvent(nvidia, again, new Set(['nvidia', 'pallas']), new Set(['nvidia', 'corvid']))?.kind,
    'deal',
  );
  // The same deal, headlined by the other party, names the first one: one event.
  const mirror = eventIdentity(
    'Pallas Speech strikes $8 billion deal with Nvidia',
    'Pallas Speech will supply Nvidia.',
  );
  assert.equal(
    distinctEvent(nvidia, mirror, new Set(['nvidia', 'pallas', 'speech']), new Set(['pallas', 'speech', 'nvidia'])),
    null,
  );
  assert.deepEqual(eventIdentity('Microsoft agrees to buy Fernwick Labs for $2 billion', '').dealt, ['microsoft']);
  assert.deepEqual(eventIdentity('Shares rise after the deal', '').dealt, []);
});

test('two how-tos with different headlines are two articles, never one event', () => {
  const a = eventIdentity('How to add retrieval to a chatbot on Tencent, step by step', 'This tutorial shows how.');
  const b = eventIdentity('How to quantize a model to 4 bits for a laptop, step by step', 'This tutorial shows how.');
  assert.equal(distinctEvent(a, b, none, none)?.kind, 'howto');
  assert.equal(
    distinctEvent(a, eventIdentity('How to add retrieval to a chatbot on Tencent, step by step', ''), none, none),
    null,
  );
  assert.equal(eventIdentity('手把手教你在笔记本上部署大模型', '').howto, '手把手教你在笔记本上部署大模型');
  assert.equal(eventIdentity('Nvidia shows how its chips handle long context', '').howto, null);
});

test('rules on different subjects are two events; coverage of one rule is one', () => {
  const a = eventIdentity('工信部发布大模型安全评估新规', '工业和信息化部发布大模型安全评估管理新规。');
  const b = eventIdentity('工信部发布深度合成内容标识新规', '工业和信息化部发布深度合成内容标识管理新规。');
  assert.equal(a.rule, '大模型安全评估');
  assert.equal(distinctEvent(a, b, none, none)?.kind, 'rule');
  assert.match(
    describeDistinct(distinctEvent(a, b, none, none)!),
    /rules on different subjects \("大模型安全评估" and "深度合成内容标识"\)/,
  );
  assert.equal(distinctEvent(a, eventIdentity('工信部出台大模型安全评估新规', ''), none, none), null);
  assert.equal(
    eventIdentity('网信办就《人工智能生成合成内容标识办法》征求意见', '').rule,
    '人工智能生成合成内容标识办法',
  );
  assert.equal(eventIdentity('FTC issues new rules on AI chatbot disclosures', '').rule, 'ai chatbot disclosures');
  assert.equal(eventIdentity('Nvidia releases Quill 2', '').rule, null);
});
