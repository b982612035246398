import type { Face } from '../article.js';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureArticle } from './articles.fixture.js';
import { bridgeCosine, bundledBridge, chineseBridge, chineseBridgeWords, conceptOf, parseBridge } from './bridge.js';
import { frequencyOf } from './corpus-frequency.js';
import { NO_FREQUENCIES, vocabularyIdf } from './document-frequency.js';
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
    assert.deepEqual(chineseBridge('特朗普会见尼日利亚总统。尼日利亚总统表示感谢。', index).names, [
      'donald',
      'nigeria',
      'trump',
    ]);
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
  id: 'ng0vote00en1',
  outlet: 'Quillfeed',
  published: '2027-02-26T18:00:00Z',
  language: 'en',
  title: 'Nigerians vote in presidential election as opposition alleges fraud',
  text:
    'Millions of Nigerians voted on Saturday in a presidential election that the electoral commission called peaceful, although opposition parties alleged fraud at polling stations in Lagos.\n\n' +
    'The commission said counting would take several days. Voters queued for hours in the heat, and some polling stations opened late because ballot papers had not arrived.',
});
const NIGERIA_ZH = fixtureArticle({
  id: 'ng0vote00zh1',
  outlet: 'Lanting',
  published: '2027-02-26T20:00:00Z',
  language: 'zh',
  title: '尼日利亚举行总统选举 反对党指控舞弊',
  text:
    '尼日利亚数百万选民周六参加总统选举投票。选举委员会表示投票总体平稳，但反对党指控拉各斯部分投票站存在舞弊。\n\n' +
    '选举委员会说，计票将需要数天时间。选民在高温下排队数小时，一些投票站因选票未及时送达而推迟开放。',
});
const HARBOUR_EN = fixtureArticle({
  id: 'hb0flood0en1',
  outlet: 'Quillfeed',
  published: '2027-02-26T19:00:00Z',
  language: 'en',
  title: 'Storm floods harbour district, ferries suspended',
  text:
    'Heavy rain flooded the harbour district on Saturday and the ferry operator suspended all crossings until Monday.\n\n' +
    'Shop owners moved stock to upper floors as the water rose. The weather service expects the storm to pass by Sunday evening.',
});

function article(language: Face, text: string) {
  return fixtureArticle({
    id: `x-${language}-${text.length}`,
    outlet: 'Quillfeed',
    published: null,
    language,
    title: '',
    text,
  });
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
    assert.equal(
      articleSimilarity(NIGERIA_EN, NIGERIA_ZH, df).score,
      articleSimilarity(NIGERIA_ZH, NIGERIA_EN, df).score,
    );
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

describe('the bridge cosine as defined (typed-array projection)', () => {
  const index = bundledBridge();
  // The definition written plainly: words → concepts through maps, per rarity table.
  function reference(
    enWords: Record<string, number>,
    zhWords: Record<string, number>,
    df: ReturnType<typeof frequencyOf>,
  ): number {
    const weightOfKeys = (keys: string[], n: number) => n * Math.max(0, ...keys.map((k) => vocabularyIdf(df, k)));
    const en = new Map<string, number>();
    let enNorm = 0;
    for (const [w, n] of Object.entries(enWords)) {
      if (!/^[a-z]/.test(w)) continue;
      const x = weightOfKeys([`w:${w}`], n);
      enNorm += x * x;
      en.set(conceptOf(w), (en.get(conceptOf(w)) ?? 0) + x);
    }
    const zh = new Map<string, number>();
    let zhNorm = 0;
    for (const [w, n] of Object.entries(zhWords)) {
      const concepts = index.concepts(w);
      if (!concepts || w.length < 2) continue;
      const keys = [...Array(w.length - 1).keys()].map((i) => `w:${w.slice(i, i + 2)}`);
      const x = weightOfKeys(keys, n);
      zhNorm += x * x;
      for (const c of concepts) zh.set(c, (zh.get(c) ?? 0) + x / Math.sqrt(concepts.length));
    }
    let dot = 0;
    for (const [c, y] of zh) dot += (en.get(c) ?? 0) * y;
    return enNorm === 0 || zhNorm === 0 ? 0 : Math.min(1, dot / Math.sqrt(enNorm) / Math.sqrt(zhNorm));
  }
  test('equals the plain definition on every English-Chinese pair of a small corpus, under two rarity tables', () => {
    const all = [NIGERIA_EN, NIGERIA_ZH, HARBOUR_EN].map(featuresOf);
    const tables = [frequencyOf(all), frequencyOf(all.slice(0, 2)), NO_FREQUENCIES];
    let compared = 0;
    for (const df of tables) {
      for (const e of all.filter((f) => f.language === 'en')) {
        for (const z of all.filter((f) => f.language === 'zh')) {
          const got = bridgeCosine(e.words, z.bridgeWords!, df, index).score;
          assert.ok(Math.abs(got - reference(e.words, z.bridgeWords!, df)) < 1e-12, `${got}`);
          compared++;
        }
      }
    }
    assert.equal(compared, 6);
    assert.ok(
      bridgeCosine(featuresOf(NIGERIA_EN).words, featuresOf(NIGERIA_ZH).bridgeWords!, tables[0]!, index).score > 0.1,
    );
  });
  test('the same pair scores the same whichever side was read first, and repeated calls agree', () => {
    const df = frequencyOf([NIGERIA_EN, NIGERIA_ZH, HARBOUR_EN].map(featuresOf));
    const en = featuresOf(NIGERIA_EN).words;
    const zh = featuresOf(NIGERIA_ZH).bridgeWords!;
    const first = bridgeCosine(en, zh, df, index);
    assert.deepEqual(bridgeCosine(en, zh, df, index), first);
    assert.ok(
      Math.abs(
        bridgeCosine(featuresOf(HARBOUR_EN).words, zh, df, index).score -
          reference(featuresOf(HARBOUR_EN).words, zh, df),
      ) < 1e-12,
    );
  });
  test('segmentation starts each word at the longest headword beginning with its character', () => {
    assert.ok(index.maxWordLengthFrom!('尼') >= 4);
    assert.equal(index.maxWordLengthFrom!('Q'), 0);
    const sample = parseBridge(SAMPLE);
    assert.equal(sample.maxWordLengthFrom!('特'), 3);
    assert.equal(sample.maxWordLengthFrom!('总'), 2);
  });
});
