import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeArticle, makeRanking } from './story.fixture.js';
import { analyseStory, type StoryInput } from './story-analysis.js';
import { chineseNameFor, chineseNamesOf } from './zh-names.js';

// Invented: Corvane Semiconductor (澜湖芯科技 in Chinese), led by Ferrow Capital (铁河资本).
const EN = makeArticle({
  id: 'n1-en',
  outlet: 'Quayside Tech',
  type: 'news',
  language: 'en',
  title: 'Corvane raises $300 million for its inference chips',
  paragraphs: [
    'Corvane Semiconductor has raised 2.1 billion yuan in a round led by Ferrow Capital, the company said on Monday.',
    'The round values Corvane at 15 billion yuan.',
    'Corvane says its CX3 chip delivers 3.5x the performance per watt of the CX2.',
  ],
});
const ZH = makeArticle({
  id: 'n2-zh',
  outlet: '芯闻速递',
  type: 'news',
  language: 'zh',
  title: '澜湖芯科技完成 21 亿元融资',
  paragraphs: [
    '澜湖芯科技周一宣布完成 21 亿元人民币融资，由铁河资本领投。',
    '澜湖芯科技称，CX3 芯片的每瓦性能是 CX2 的 3.5 倍。',
    '铁河资本此前也投资过多家芯片公司。',
  ],
});
const GLOSSED = makeArticle({
  id: 'n3-zh',
  outlet: '算力观察',
  type: 'news',
  language: 'zh',
  title: '格岭云拿下 Anthropic 订单',
  paragraphs: [
    '格岭云（Gridline Cloud）宣布，Anthropic 将租用其 200 兆瓦算力。',
    '格岭云表示，首批容量将于 7 月交付。',
  ],
});

function story(articles: StoryInput['articles']): StoryInput {
  return {
    storyId: 's',
    articles,
    ranking: makeRanking({ independentPublishers: articles.map((a) => a.outlet ?? '') }),
  };
}

describe('Chinese names of a story', () => {
  it('a Chinese source glossing a name it uses again', () => {
    const names = chineseNamesOf(analyseStory(story([GLOSSED])));
    assert.equal(names.get('Gridline Cloud'), '格岭云');
  });

  it('same-figure sentences and titles of one event pair an organisation with its Chinese name; a second is matched once the first is set aside', () => {
    const names = chineseNamesOf(analyseStory(story([EN, ZH])));
    assert.equal(chineseNameFor(names, 'Corvane'), '澜湖芯科技');
    assert.equal(chineseNameFor(names, 'Corvane Semiconductor'), '澜湖芯科技');
    assert.equal(names.get('Ferrow Capital'), '铁河资本');
  });

  it('no Chinese coverage, no Chinese name', () => {
    const names = chineseNamesOf(analyseStory(story([EN])));
    assert.equal(chineseNameFor(names, 'Corvane'), null);
  });
});
