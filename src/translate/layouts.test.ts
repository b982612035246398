import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BilingualPage } from '../extract/extract.js';
import {
  documentOfBilingualPage,
  documentOfTranslation,
  escapeMarkdown,
  renderBilingualHtml,
  renderBilingualMarkdown,
} from './layouts.js';
import type { Translation } from './translate.js';

// Invented: an English article translated into Chinese, its second paragraph failed its checks.
const TRANSLATION: Translation = {
  articleId: 'a1',
  source: 'en',
  target: 'zh',
  title: {
    id: 'title',
    source: 'Is Harbor a neocloud?',
    target: 'Harbor 是“新云”(neocloud)吗？',
    status: 'ok',
    notes: [],
  },
  pairs: [
    {
      id: 'p1',
      source: 'Harbor sells compute to <labs> & startups.',
      target: 'Harbor 向<实验室>和初创公司出售算力。',
      status: 'ok',
      notes: [],
    },
    {
      id: 'p2',
      source: 'The deal is worth $250 billion.',
      target: 'The deal is worth $250 billion.',
      status: 'failed',
      notes: ['figures did not match'],
    },
  ],
  provider: 'scripted',
  model: 'qwen-test',
  promptVersion: 'translate-paragraphs@1',
  truncatedSource: false,
  usage: { requests: 1, cached: 0, inputTokens: 10, outputTokens: 10 },
};

// A Chinese source translated into English.
const FROM_ZH: Translation = {
  ...TRANSLATION,
  source: 'zh',
  target: 'en',
  title: null,
  pairs: [
    { id: 'p1', source: '算力紧张。', target: 'Compute is tight.', status: 'ok', notes: [] },
    { id: 'p2', source: '订单价值 2500 亿美元。', target: '订单价值 2500 亿美元。', status: 'failed', notes: [] },
  ],
};

const PAGE: BilingualPage = {
  layout: 'inline',
  titleEn: 'Labs rent GPUs',
  titleZh: '实验室租用 GPU',
  pairs: [{ en: 'Labs rent GPUs by the hour.', zh: '实验室按小时租用 GPU。' }],
};

describe('Markdown layouts', () => {
  it('interleaved: titles, credit, then EN paragraph, blank line, ZH paragraph; a failed pair marked', () => {
    assert.equal(
      renderBilingualMarkdown(documentOfTranslation(TRANSLATION), 'interleaved'),
      [
        '# Is Harbor a neocloud?',
        '',
        '# Harbor 是“新云”(neocloud)吗？',
        '',
        '*Machine translation by qwen-test (prompt translate-paragraphs@1)*',
        '',
        'Harbor sells compute to \\<labs\\> & startups.',
        '',
        'Harbor 向\\<实验室\\>和初创公司出售算力。',
        '',
        'The deal is worth $250 billion.',
        '',
        '〔译文未通过核对，此段仅保留原文。〕',
        '',
      ].join('\n'),
    );
  });
  it('inline: one line per pair', () => {
    assert.equal(
      renderBilingualMarkdown(documentOfBilingualPage(PAGE), 'inline'),
      '# Labs rent GPUs\n\n# 实验室租用 GPU\n\n*Human translation (bilingual page)*\n\nLabs rent GPUs by the hour. 实验室按小时租用 GPU。\n',
    );
  });
  it('a Chinese source: English still first, the English side marked where withheld', () => {
    assert.equal(
      renderBilingualMarkdown(documentOfTranslation(FROM_ZH), 'inline'),
      '*Machine translation by qwen-test (prompt translate-paragraphs@1)*\n\nCompute is tight. 算力紧张。\n\n[Translation withheld: it did not pass its checks; the original is shown.] 订单价值 2500 亿美元。\n',
    );
  });
});

describe('HTML layouts', () => {
  it('interleaved: sections with lang, escaped text, credit in the header', () => {
    assert.equal(
      renderBilingualHtml(documentOfTranslation(TRANSLATION), 'interleaved'),
      [
        '<article class="bilingual bilingual-interleaved">',
        '<header>',
        '<h1 lang="en">Is Harbor a neocloud?</h1>',
        '<h1 lang="zh">Harbor 是“新云”(neocloud)吗？</h1>',
        '<p class="credit">Machine translation by qwen-test (prompt translate-paragraphs@1)</p>',
        '</header>',
        '<section lang="en"><p>Harbor sells compute to &lt;labs&gt; &amp; startups.</p></section>',
        '<section lang="zh"><p>Harbor 向&lt;实验室&gt;和初创公司出售算力。</p></section>',
        '<section lang="en"><p>The deal is worth $250 billion.</p></section>',
        '<section lang="zh"><p><span class="withheld">〔译文未通过核对，此段仅保留原文。〕</span></p></section>',
        '</article>',
        '',
      ].join('\n'),
    );
  });
  it('inline: one paragraph per pair with lang spans', () => {
    assert.equal(
      renderBilingualHtml(documentOfBilingualPage(PAGE), 'inline'),
      [
        '<article class="bilingual bilingual-inline">',
        '<header>',
        '<h1 lang="en">Labs rent GPUs</h1>',
        '<h1 lang="zh">实验室租用 GPU</h1>',
        '<p class="credit">Human translation (bilingual page)</p>',
        '</header>',
        '<p class="pair"><span lang="en">Labs rent GPUs by the hour.</span> <span lang="zh">实验室按小时租用 GPU。</span></p>',
        '</article>',
        '',
      ].join('\n'),
    );
  });
  it('a failed paragraph never prints the failed translation', () => {
    const wrong: Translation = {
      ...TRANSLATION,
      pairs: [{ id: 'p1', source: 'Worth $250 billion.', target: 'Worth $250 billion.', status: 'failed', notes: [] }],
    };
    for (const layout of ['interleaved', 'inline'] as const) {
      const html = renderBilingualHtml(documentOfTranslation(wrong), layout);
      assert.equal(html.match(/\$250 billion/g)?.length, 1, 'the source once, no second copy posing as a translation');
      assert.match(html, /withheld/);
    }
  });
});

describe('escapeMarkdown', () => {
  const cases: Array<[string, string, string]> = [
    ['emphasis and links', 'a *b* [c](d)', 'a \\*b\\* \\[c\\](d)'],
    ['a heading mark at the start', '# not a heading', '\\# not a heading'],
    ['a numbered-list mark at the start', '2026. A year', '2026\\. A year'],
    ['a dash at the start', '- not a list', '\\- not a list'],
    ['raw HTML', '<script>x</script>', '\\<script\\>x\\</script\\>'],
    ['line breaks inside a paragraph', 'one\ntwo', 'one two'],
    ['Chinese and money untouched', '价值 2500 亿美元，约 $250 billion', '价值 2500 亿美元，约 $250 billion'],
  ];
  for (const [name, input, expected] of cases) it(name, () => assert.equal(escapeMarkdown(input), expected));
});
