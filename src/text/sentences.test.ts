import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { segmentWords, splitSentences, type Span } from './sentences.js';

function assertSpans(text: string, spans: Span[]): void {
  for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text, `span ${s.start}-${s.end}`);
}

const sentenceCases: Array<{ name: string; text: string; expected: string[] }> = [
  {
    name: 'two plain sentences',
    text: 'Chips are scarce. Prices rose.',
    expected: ['Chips are scarce.', 'Prices rose.'],
  },
  {
    name: 'title abbreviation',
    text: 'Mr. Smith met Dr. Jones. They talked.',
    expected: ['Mr. Smith met Dr. Jones.', 'They talked.'],
  },
  {
    name: 'U.S. mid-sentence',
    text: 'U.S. officials met in Ohio. The talks ended.',
    expected: ['U.S. officials met in Ohio.', 'The talks ended.'],
  },
  {
    name: 'U.S. at the end before an opener',
    text: 'It sells chips in the U.S. The company grew.',
    expected: ['It sells chips in the U.S.', 'The company grew.'],
  },
  {
    name: 'Inc. before said',
    text: 'Acme Inc. said it would hire. Shares rose.',
    expected: ['Acme Inc. said it would hire.', 'Shares rose.'],
  },
  {
    name: 'e.g. and No. 2',
    text: 'Some firms, e.g. Acme, rank No. 2 in sales. Others lag.',
    expected: ['Some firms, e.g. Acme, rank No. 2 in sales.', 'Others lag.'],
  },
  {
    name: 'decimal money',
    text: 'It raised $1.5 billion. Investors cheered.',
    expected: ['It raised $1.5 billion.', 'Investors cheered.'],
  },
  {
    name: 'quote closing after period',
    text: 'She said, "We are ready." Then she left.',
    expected: ['She said, "We are ready."', 'Then she left.'],
  },
  {
    name: 'lower case after quote is the same sentence',
    text: '"We will win!" he said. Nobody agreed.',
    expected: ['"We will win!" he said.', 'Nobody agreed.'],
  },
  {
    name: 'paragraph break',
    text: 'First line without a stop\n\nSecond paragraph.',
    expected: ['First line without a stop', 'Second paragraph.'],
  },
  {
    name: 'Chinese terminal marks',
    text: '英伟达发布新芯片。需求很强！会持续吗？也许；不确定……',
    expected: ['英伟达发布新芯片。', '需求很强！', '会持续吗？', '也许；', '不确定……'],
  },
  {
    name: 'Chinese closing quote',
    text: '黄仁勋表示：“需求非常强劲。”股价随后上涨。',
    expected: ['黄仁勋表示：“需求非常强劲。”', '股价随后上涨。'],
  },
  {
    name: 'Chinese attribution after the quote stays with it',
    text: '“我们要能规划五年的算力。”负责人费朗说。交付将于三季度开始。',
    expected: ['“我们要能规划五年的算力。”负责人费朗说。', '交付将于三季度开始。'],
  },
  {
    name: 'a speaker who opens the next clause stays with it',
    text: '“需求超过了预测。”她说，园区今年夏天就能投入使用。',
    expected: ['“需求超过了预测。”', '她说，园区今年夏天就能投入使用。'],
  },
  {
    name: 'an attribution that ends the text stays with the quote',
    text: '“需求超过了预测。”她说',
    expected: ['“需求超过了预测。”她说'],
  },
  {
    name: 'Chinese with decimal',
    text: '估值达到1.5万亿美元。投资者关注GPT-4.5的表现。',
    expected: ['估值达到1.5万亿美元。', '投资者关注GPT-4.5的表现。'],
  },
];

describe('splitSentences', () => {
  for (const c of sentenceCases) {
    it(c.name, () => {
      const spans = splitSentences(c.text);
      assertSpans(c.text, spans);
      assert.deepEqual(
        spans.map((s) => s.text),
        c.expected,
      );
    });
  }
});

describe('segmentWords', () => {
  it('Chinese words are word-like segments with exact spans', () => {
    const text = '英伟达发布了新的GPU，马斯克表示将建设数据中心。';
    const words = segmentWords(text, 'zh');
    assertSpans(text, words);
    assert.ok(words.some((w) => w.text === 'GPU'));
    assert.ok(words.some((w) => w.text === '发布'));
    assert.ok(!words.some((w) => /[，。]/.test(w.text)), 'punctuation is not a word');
  });
  it('English words keep apostrophes and hyphens', () => {
    const text = 'Nvidia’s state-of-the-art chip, GPT-5.';
    const words = segmentWords(text, 'en');
    assertSpans(text, words);
    assert.deepEqual(
      words.map((w) => w.text),
      ['Nvidia’s', 'state-of-the-art', 'chip', 'GPT-5'],
    );
  });
  it('picks Chinese segmentation when no language is given and Han is present', () => {
    const text = '数据中心';
    assert.ok(segmentWords(text).length >= 1);
    assertSpans(text, segmentWords(text));
  });
});
