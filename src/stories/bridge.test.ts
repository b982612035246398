import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureArticle } from './articles.fixture.js';
import { bridgeCosine, bundledBridge, chineseBridge, chineseBridgeWords, conceptOf, parseBridge } from './bridge.js';
import { frequencyOf, NO_FREQUENCIES } from './document-frequency.js';
import { featuresOf, indexKeys } from './features.js';
import { placeAllInArchive } from './story-archive.js';
import { createMemoryStoryIndex } from './story-index.js';
import { DEFAULT_GROUPING } from './grouping.js';
import { articleSimilarity } from './similarity.js';

// Own lines in the CC-CEDICT format: a common word, a proper name with a description, a
// cross-reference, a word of many senses and a comment.
const SAMPLE = [
  '# CC-CEDICT-shaped sample',
  '選舉 选举 [xuan3 ju3] /to elect/election/CL:次[ci4],個|个[ge4]/',
  '特朗普 特朗普 [Te4 lang3 pu3] /Donald Trump (1946-), American business magnate, US president 2017-/',
  '見 见 [jian4] /see 見面|见面[jian4 mian4]/',
  '打 打 [da3] /to beat/to strike/to hit/to break/to type/to mix up/to build/',
  '總統 总统 [zong3 tong3] /president (of a country)/CL:個|个[ge4],位[wei4]/',
].join('\n');

describe('parseBridge', () => {
  const index = parseBridge(SAMPLE);
  test('a common word stands for the concepts of its glosses', () => {
    assert.deepEqual(new Set(index.concepts('选举')), new Set([conceptOf('elect'), conceptOf('election')]));
    assert.deepEqual(index.concepts('总统'), [conceptOf('president')]);
  });
  test('a proper name bridges through its name only, not its description', () => {
    assert.deepEqual(index.concepts('特朗普'), [conceptOf('Donald'), conceptOf('Trump')]);
    assert.ok(!index.concepts('特朗普')!.includes(conceptOf('business')));
  });
  test('a cross-reference gives nothing; a word of many senses keeps its first glosses', () => {
    assert.equal(index.concepts('见'), undefined);
    assert.deepEqual(index.concepts('打'), [conceptOf('beat'), conceptOf('strike'), conceptOf('hit')]);
    assert.equal(index.concepts('不在'), undefined);
  });
  test('a proper name gives its English name words; a common word none', () => {
    assert.deepEqual(index.names('特朗普'), ['donald', 'trump']);
    assert.equal(index.names('选举'), undefined);
  });
  test('derived English forms share a concept', () => {
    assert.equal(conceptOf('presidential'), conceptOf('president'));
    assert.equal(conceptOf('elections'), conceptOf('election'));
  });
});

describe('the bundled bridge', () => {
  const index = bundledBridge();
  test('特朗普 = Trump, 尼日利亚 = Nigeria, 总统 = president', () => {
    assert.ok(index.concepts('特朗普')!.includes(conceptOf('Trump')));
    assert.ok(index.concepts('尼日利亚')!.includes(conceptOf('Nigeria')));
    assert.ok(index.concepts('总统')!.includes(conceptOf('president')));
  });
  test('Chinese text is cut into dictionary words of two or more characters', () => {
    assert.deepEqual(chineseBridgeWords('尼日利亚总统的讲话，总统说', index), { 尼日利亚: 1, 总统: 2, 讲话: 1 });
  });
  test('the names of a Chinese text in English: 特朗普 = Trump, 尼日利亚 = Nigeria', () => {
    assert.deepEqual(chineseBridge('特朗普会见尼日利亚总统。尼日利亚总统表示感谢。', index).names, ['donald', 'nigeria', 'trump']);
  });
  test('"尼日利亚 总统 选举" meets "Nigeria presidential election"; unrelated words do not', () => {
    const en = featuresOf(article('en', 'Nigeria presidential election'));
    const zh = chineseBridgeWords('尼日利亚 总统 选举', index);
    const met = bridgeCosine(en.words, zh, NO_FREQUENCIES, index);
    assert.ok(met.score >= 0.8, `${met.score}`);
    assert.deepEqual(new Set(met.shared), new Set(['nigeria', 'presidential', 'election']));
    const other = featuresOf(article('en', 'Heavy rain floods the harbour; ferries stop for the weekend'));
    assert.equal(bridgeCosine(other.words, zh, NO_FREQUENCIES, index).score, 0);
  });
});

// One event told in both languages, and an unrelated English report of the same day.
const NIGERIA_EN = fixtureArticle({
  id: 'ng0vote00en1', outlet: 'Quillfeed', published: '2027-02-26T18:00:00Z', language: 'en',
  title: 'Nigerians vote in presidential election as opposition alleges fraud',
  text:
    'Millions of Nigerians voted on Saturday in a presidential election that the electoral commission called peaceful, although opposition parties alleged fraud at polling stations in Lagos.\n\n' +
    'The commission said counting would take several days. Voters queued for hours in the heat, and some polling stations opened late because ballot papers had not arrived.',
});
const NIGERIA_ZH = fixtureArticle({
  id: 'ng0vote00zh1', outlet: 'Lanting', published: '2027-02-26T20:00:00Z', language: 'zh',
  title: '尼日利亚举行总统选举 反对党指控舞弊',
  text:
    '尼日利亚数百万选民周六参加总统选举投票。选举委员会表示投票总体平稳，但反对党指控拉各斯部分投票站存在舞弊。\n\n' +
    '选举委员会说，计票将需要数天时间。选民在高温下排队数小时，一些投票站因选票未及时送达而推迟开放。',
});
const HARBOUR_EN = fixtureArticle({
  id: 'hb0flood0en1', outlet: 'Quillfeed', published: '2027-02-26T19:00:00Z', language: 'en',
  title: 'Storm floods harbour district, ferries suspended',
  text:
    'Heavy rain flooded the harbour district on Saturday and the ferry operator suspended all crossings until Monday.\n\n' +
    'Shop owners moved stock to upper floors as the water rose. The weather service expects the storm to pass by Sunday evening.',
});

function article(language: 'en' | 'zh', text: string) {
  return fixtureArticle({ id: `x-${language}-${text.length}`, outlet: 'Quillfeed', published: null, language, title: '', text });
}

describe('similarity across languages through the bridge', () => {
  const df = frequencyOf([NIGERIA_EN, NIGERIA_ZH, HARBOUR_EN].map(featuresOf));
  const threshold = DEFAULT_GROUPING.threshold;
  test('an English and a Chinese report of one election are one event, with the words met as the reason', () => {
    const s = articleSimilarity(NIGERIA_EN, NIGERIA_ZH, df);
    assert.ok(s.score >= threshold + 0.2, `${s.score}: ${s.reasons.join('; ')}`);
    const said = s.reasons.find((r) => r.startsWith('their texts say the same words in English and Chinese'));
    assert.ok(said && /nigeria/.test(said) && /election/.test(said), JSON.stringify(s.reasons));
  });
  test('the Chinese election report and an unrelated English report stay apart', () => {
    const s = articleSimilarity(HARBOUR_EN, NIGERIA_ZH, df);
    assert.ok(s.score < threshold - 0.2, `${s.score}: ${s.reasons.join('; ')}`);
  });
  test('symmetric', () => {
    assert.equal(articleSimilarity(NIGERIA_EN, NIGERIA_ZH, df).score, articleSimilarity(NIGERIA_ZH, NIGERIA_EN, df).score);
  });
  test('the Chinese report finds the English story through the names it gives in English, and joins it', async () => {
    assert.ok(indexKeys(featuresOf(NIGERIA_ZH)).includes('t:nigeria'));
    const archive = createMemoryStoryIndex();
    await placeAllInArchive(archive, [NIGERIA_EN, HARBOUR_EN, NIGERIA_ZH]);
    assert.equal(archive.storyOf(NIGERIA_ZH.id), NIGERIA_EN.id);
    assert.equal(archive.storyOf(HARBOUR_EN.id), HARBOUR_EN.id);
  });
  test('same-language pairs are scored as before: the bridge weighs nothing there', () => {
    const s = articleSimilarity(NIGERIA_EN, HARBOUR_EN, df);
    assert.ok(!s.reasons.some((r) => r.includes('English and Chinese')));
  });
});
