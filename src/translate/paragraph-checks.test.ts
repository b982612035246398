import type { Face } from '../article.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alignAnswer, parseAnswer } from './model-answer.js';
import {
  compareFigures,
  completesSentence,
  describeMismatch,
  endsMidSentence,
  looksUntranslated,
  keepsSpeakerLabel,
  speakerLabel,
} from './paragraph-checks.js';

describe('compareFigures', () => {
  const agree: Array<[string, string, string]> = [
    ['money across scales', 'It is worth $250 billion.', '价值 2500 亿美元。'],
    ['counts with 万', 'It buys 18,000 GPUs.', '它购买 1.8 万块 GPU。'],
    ['power', 'roughly 300MW of capacity', '大约 300 兆瓦的容量'],
    ['percent and year', 'In 2026 sales rose 40%.', '2026 年销售额增长了 40%。'],
    ['a repeated figure said once', 'It paid $5 million, yes $5 million.', '它支付了 500 万美元。'],
    ['amounts in words', 'They raised a billion dollars.', '他们筹集了十亿美元。'],
    ['no figures at all', 'Two labs agreed.', '两家实验室达成一致。'],
    ['"a" counted in Chinese', 'It opened a data center.', '它开设了一座数据中心。'],
  ];
  for (const [name, s, t] of agree) it(`agrees: ${name}`, () => assert.equal(compareFigures(s, t), null));

  const disagree: Array<[string, string, string, string]> = [
    [
      'wrong scale',
      'It is worth $250 billion.',
      '价值 250 亿美元。',
      'missing $250 billion; not in the source: 250 亿美元',
    ],
    ['dropped figure', 'Sales rose 40% to $3 billion.', '销售额增长了 40%。', 'missing $3 billion'],
    ['invented figure', 'Sales rose sharply.', '销售额大幅增长了 40%。', 'not in the source: 40%'],
    ['"a" is not a percentage', 'It took a share.', '它拿下了 1% 的份额。', 'not in the source: 1%'],
    [
      'another currency',
      'It raised $10 million.',
      '它筹集了 1000 万元人民币。',
      'missing $10 million; not in the source: 1000 万元人民币',
    ],
    ['another year', 'It opens in 2026.', '它将于 2027 年开业。', 'missing 2026; not in the source: 2027'],
  ];
  for (const [name, s, t, message] of disagree) {
    it(`disagrees: ${name}`, () => {
      const m = compareFigures(s, t);
      assert.ok(m);
      assert.equal(describeMismatch(m), message);
    });
  }
});

describe('endsMidSentence and completesSentence', () => {
  const cases: Array<[string, string, boolean, boolean]> = [
    ['a full sentence', 'The deal closed.', true, false],
    ['the last paragraph without punctuation', 'He said the company plans to', true, true],
    ['a short heading inside the body', 'What comes next', false, false],
    [
      'a long unpunctuated paragraph inside the body',
      'The company said that it would expand its capacity in three regions over the next year and hire',
      false,
      true,
    ],
    ['an ellipsis', '公司计划……', false, true],
    ['a trailing comma', '他说，', false, true],
    ['a closing quote after the stop', 'She called it “a big step.”', true, false],
    ['Chinese full stop', '交易已经完成。', true, false],
  ];
  for (const [name, text, last, expected] of cases) it(name, () => assert.equal(endsMidSentence(text, last), expected));

  const completions: Array<[string, boolean]> = [
    ['公司计划扩张。', true],
    ['公司计划', false],
    ['公司计划……', false],
    ['The plan is to expand.', true],
    ['The plan is to...', false],
  ];
  for (const [text, expected] of completions)
    it(`completesSentence(${text})`, () => assert.equal(completesSentence(text), expected));
});

describe('looksUntranslated', () => {
  const cases: Array<[string, string, string, Face, boolean]> = [
    ['an English copy for a Chinese target', 'Labs rent GPUs by the hour.', 'Labs rent GPUs by the hour.', 'zh', true],
    ['a real Chinese translation', 'Labs rent GPUs by the hour.', '实验室按小时租用 GPU。', 'zh', false],
    ['a Chinese copy for an English target', '实验室按小时租用 GPU。', '实验室按小时租用 GPU。', 'en', true],
    ['English with a Chinese gloss', '新云公司正在增长。', 'The neocloud (新云) firms are growing.', 'en', false],
    ['an empty answer', 'Labs rent GPUs.', '  ', 'zh', true],
    ['a name only', 'Veyra', 'Veyra', 'zh', false],
  ];
  for (const [name, s, t, lang, expected] of cases)
    it(name, () => assert.equal(looksUntranslated(s, t, lang), expected));
});

describe('parseAnswer', () => {
  const good: Array<[string, string]> = [
    ['plain JSON', '{"paragraphs":[{"id":"p1","text":"甲"}]}'],
    ['fenced JSON', 'Here:\n```json\n{"paragraphs":[{"id":"p1","text":"甲"}]}\n```'],
    ['words around it', 'Sure. {"paragraphs":[{"id":"p1","text":"甲"}]} Done.'],
  ];
  for (const [name, text] of good) {
    it(`reads ${name}`, () => {
      const r = parseAnswer(text);
      assert.ok(r.ok);
      assert.deepEqual(r.value, [{ id: 'p1', text: '甲' }]);
    });
  }
  const bad: Array<[string, string, RegExp]> = [
    ['prose', 'I cannot translate this.', /not JSON/],
    ['broken JSON', '{"paragraphs":[{"id":"p1","text":"甲"}', /not JSON|not valid JSON/],
    ['the wrong shape', '{"translations":["甲"]}', /shape/],
  ];
  for (const [name, text, message] of bad) {
    it(`refuses ${name}`, () => {
      const r = parseAnswer(text);
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.message, message);
    });
  }
});

describe('alignAnswer', () => {
  const sent = ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => ({
    id,
    text: `Paragraph ${id} of about forty characters long.`,
  }));
  const zh = (id: string, extra = ''): { id: string; text: string } => ({
    id,
    text: `第 ${id} 段，大约二十个汉字长。${extra}`,
  });
  const cases: Array<[string, Array<{ id: string; text: string }>, Record<string, string>]> = [
    ['aligned', sent.map((s) => zh(s.id)), {}],
    [
      'a dropped paragraph and its neighbours',
      [zh('p1'), zh('p2'), zh('p4'), zh('p5')],
      { p2: 'merged', p3: 'dropped', p4: 'merged' },
    ],
    [
      'a duplicated id',
      [zh('p1'), zh('p2'), zh('p2'), zh('p3'), zh('p4'), zh('p5')],
      { p1: 'merged', p2: 'duplicated', p3: 'merged' },
    ],
    ['an empty text', [zh('p1'), { id: 'p2', text: ' ' }, zh('p3'), zh('p4'), zh('p5')], { p2: 'empty' }],
    [
      'out of order',
      [zh('p2'), zh('p1'), zh('p3'), zh('p4'), zh('p5')],
      { p1: 'reordered', p2: 'reordered', p3: 'reordered', p4: 'reordered', p5: 'reordered' },
    ],
    [
      'ids kept but two paragraphs in one',
      [
        zh('p1'),
        zh(
          'p2',
          '这里还有另一整段被合并进来的译文内容，长度明显超出正常比例，足以看出问题所在。还有更多的句子继续加长。',
        ),
        zh('p3'),
        zh('p4'),
        zh('p5'),
      ],
      { p2: 'merged' },
    ],
    ['an unknown extra id is ignored', [...sent.map((s) => zh(s.id)), zh('p9')], {}],
  ];
  for (const [name, answer, problems] of cases) {
    it(name, () => {
      const a = alignAnswer(sent, answer);
      assert.deepEqual(Object.fromEntries(a.problems), problems);
      assert.equal(a.accepted.size, sent.length - Object.keys(problems).length);
    });
  }
});

describe('speaker labels', () => {
  const labels: Array<[string, string | null]> = [
    ['Dana O’Reilly: I think so.', 'Dana O’Reilly'],
    ['Sean Reyes-Park: Yes.', 'Sean Reyes-Park'],
    ['The deal: a big one.', null],
    ['the deal: a big one.', null],
    ['No label here.', null],
  ];
  for (const [text, expected] of labels) it(`speakerLabel(${text})`, () => assert.equal(speakerLabel(text), expected));
  const kept: Array<[string, string, boolean]> = [
    ['a full-width colon', 'Dana O’Reilly：我想是的。', true],
    ['an ASCII colon', 'Dana O’Reilly: 我想是的。', true],
    ['lost', '我想是的。', false],
    ['transliterated', '达娜·奥莱利：我想是的。', false],
  ];
  for (const [name, target, expected] of kept)
    it(`keepsSpeakerLabel: ${name}`, () => assert.equal(keepsSpeakerLabel('Dana O’Reilly', target), expected));
});
