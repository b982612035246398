import type { ArticleLanguage } from '../article.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLanguage } from './language.js';

const cases: Array<{ name: string; text: string; language: ArticleLanguage; mixed?: boolean }> = [
  { name: 'short English headline', text: 'Nvidia unveils a faster chip for data centers', language: 'en' },
  {
    name: 'English paragraph',
    text: 'The company said on Tuesday that it would build a new data center in Ohio, and that the site would be ready by the end of next year.',
    language: 'en',
  },
  { name: 'short Chinese headline', text: '英伟达发布新一代芯片', language: 'zh' },
  {
    name: 'Chinese with Latin names',
    text: 'OpenAI与微软签署新协议，ChatGPT用户数突破8亿，GPU需求继续上升。',
    language: 'zh',
  },
  {
    name: 'German',
    text: 'Die Firma hat am Dienstag mitgeteilt, dass sie ein neues Rechenzentrum in Bayern bauen wird und dass es nicht vor dem nächsten Jahr fertig ist.',
    language: 'other',
  },
  {
    name: 'French',
    text: 'La société a annoncé mardi qu’elle allait construire un nouveau centre de données dans le nord du pays pour ses clients.',
    language: 'other',
  },
  {
    name: 'Japanese (kana)',
    text: 'エヌビディアは新しいチップを発表しました。データセンター向けの需要が高まっています。',
    language: 'other',
  },
  {
    name: 'Russian',
    text: 'Компания объявила во вторник о строительстве нового центра обработки данных.',
    language: 'other',
  },
  {
    name: 'mixed bilingual paragraph',
    text: 'The company said it would build a new data center in Ohio by the end of the year. 该公司表示，将在今年年底前于俄亥俄州建设一座新的数据中心。',
    language: 'zh',
    mixed: true,
  },
];

describe('detectLanguage', () => {
  for (const c of cases) {
    it(c.name, () => {
      const g = detectLanguage(c.text);
      assert.equal(g.language, c.language);
      if (c.mixed !== undefined) assert.equal(g.mixed, c.mixed);
      else assert.equal(g.mixed, false);
      assert.ok(g.confidence >= 0 && g.confidence <= 1);
    });
  }
  it('is more confident on long text than on a headline', () => {
    const long = detectLanguage(
      'The company said on Tuesday that it would build a new data center in Ohio, and that it was in talks with the state about the power it would need for the site over the next few years.',
    );
    const short = detectLanguage('Nvidia unveils chip');
    assert.ok(long.confidence > short.confidence);
  });
  it('gives other with zero confidence for text without letters', () => {
    assert.deepEqual(detectLanguage('123 456 !!!'), { language: 'other', mixed: false, confidence: 0 });
  });
});
