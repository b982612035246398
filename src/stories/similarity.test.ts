import type { Face } from '../article.js';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ALL_FIXTURES,
  ANTHROPIC_TOKYO,
  CORVANE_EN,
  CORVANE_EN_DAY2,
  CORVANE_ZH,
  QWEN_EN,
  QWEN_ZH,
  fixtureArticle,
} from './articles.fixture.js';
import { documentsFor, frequencyFromTable, idf, NO_FREQUENCIES, rarity, vocabularyIdf } from './document-frequency.js';
import { frequencyOf } from './corpus-frequency.js';
import { dateFeatures, featuresOf, termFeatures } from './features.js';
import { DEFAULT_GROUPING } from './grouping.js';
import { articleSimilarity, featureSimilarity } from './similarity.js';

const df = frequencyOf(ALL_FIXTURES.map(featuresOf));
const threshold = DEFAULT_GROUPING.threshold;

describe('articleSimilarity', () => {
  const cases = [
    {
      name: 'EN-EN, same event over two days',
      a: CORVANE_EN,
      b: CORVANE_EN_DAY2,
      same: true,
      reasons: ['both give $4.2 billion, 250MW and 60MW', 'published 23 hours apart'],
    },
    {
      name: 'ZH-EN, same event, figures in both scripts',
      a: CORVANE_ZH,
      b: CORVANE_EN,
      same: true,
      reasons: [
        'both give 42 亿美元 = $4.2 billion, 250 兆瓦 = 250MW, 60 兆瓦 = 60MW and 9 万块英伟达 GB300 GPU = 90,000 Nvidia GB300 GPUs',
        'published 6 hours apart',
      ],
    },
    {
      name: 'ZH-EN, bare Chinese amounts equal English counts',
      a: QWEN_EN,
      b: QWEN_ZH,
      same: true,
      reasons: ['both name Alibaba and Qwen'],
    },
    {
      name: 'same company, different events',
      a: CORVANE_EN,
      b: ANTHROPIC_TOKYO,
      same: false,
      reasons: ['both name Anthropic'],
    },
    {
      name: 'same company, different events, across languages',
      a: CORVANE_ZH,
      b: ANTHROPIC_TOKYO,
      same: false,
      reasons: [],
    },
    { name: 'unrelated events', a: CORVANE_EN, b: QWEN_ZH, same: false, reasons: [] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const s = articleSimilarity(c.a, c.b, df);
      assert.ok(s.score >= 0 && s.score <= 1);
      // Same events by at least 0.15 (the two Corvane reports: 0.702 when words were weighed over all
      // six fixtures, 0.696 within the four English ones, where their shared words are half the language).
      if (c.same)
        assert.ok(s.score >= threshold + 0.15, `${s.score} should be well above ${threshold}: ${s.reasons.join('; ')}`);
      else
        assert.ok(s.score < threshold - 0.2, `${s.score} should be well below ${threshold}: ${s.reasons.join('; ')}`);
      for (const r of c.reasons) assert.ok(s.reasons.includes(r), `reason "${r}" in ${JSON.stringify(s.reasons)}`);
    });
  }

  test('symmetric in score', () => {
    for (const [a, b] of [
      [CORVANE_EN, CORVANE_ZH],
      [QWEN_EN, ANTHROPIC_TOKYO],
    ] as const) {
      assert.equal(articleSimilarity(a, b, df).score, articleSimilarity(b, a, df).score);
    }
  });

  test('the strongest evidence comes first; the date gap is always stated', () => {
    const s = articleSimilarity(CORVANE_ZH, CORVANE_EN, df);
    // Across languages the shared names weigh most (0.9), then the equal amounts.
    assert.match(s.reasons[0]!, /^both name GB300, Nvidia/);
    assert.match(s.reasons[1]!, /^both give 42 亿美元 = \$4.2 billion/);
    assert.match(s.reasons.at(-1)!, /^published/);
  });

  test('an undated article is compared without the time factor saying it is close', () => {
    const undated = { ...CORVANE_EN_DAY2, published: null };
    const s = featureSimilarity(featuresOf(CORVANE_EN), featuresOf(undated), df);
    assert.ok(s.reasons.includes('one of them has no publication date'));
    assert.equal(s.time, 0.9);
  });

  test('coverage weeks apart counts for less than coverage the same day', () => {
    const late = { ...CORVANE_EN_DAY2, published: '2026-06-14T07:30:00Z' };
    const near = articleSimilarity(CORVANE_EN, CORVANE_EN_DAY2, df).score;
    const far = articleSimilarity(CORVANE_EN, late, df);
    assert.ok(far.score < near, `${far.score} < ${near}`);
    assert.ok(far.reasons.includes('published 12 days apart'));
  });

  test('the same day named in two scripts is evidence across languages', () => {
    const en = fixtureArticle({
      id: 'dateen000001',
      outlet: 'Quillfeed',
      published: null,
      language: 'en',
      title: 'Harrowgate vote',
      text: 'The Harrowgate council votes on Dec. 19 on the Pellmont grid plan.',
    });
    const zh = fixtureArticle({
      id: 'datezh000001',
      outlet: '硅潮',
      published: null,
      language: 'zh',
      title: '议会投票',
      text: '议会将于 12 月 19 日就电网计划投票。',
    });
    const s = featureSimilarity(featuresOf(en), featuresOf(zh), NO_FREQUENCIES);
    assert.ok(s.dates > 0);
    assert.ok(s.reasons.includes('both name 19 December'), JSON.stringify(s.reasons));
  });

  test('two events told in the same words but naming different companies stay apart', () => {
    const round = (id: string, company: string, lead: string, chip: string) =>
      fixtureArticle({
        id,
        outlet: 'Quillfeed',
        published: '2026-06-02T09:00:00Z',
        language: 'en',
        title: `${company} raises money in a round led by ${lead}`,
        text: `${company} has raised money in a round led by ${lead}. The money will pay for the ${chip} accelerator, which ${company} says is cheaper to run. The company plans to hire engineers over the next year.`,
      });
    const a = round('r0und0000001', 'Velmora Labs', 'Castrel Compute', 'VX-210');
    const b = round('r0und0000002', 'Orinth Cloud', 'Lumiq Systems', 'QT-877');
    // A large archive in which only the shared template words are common.
    const common = new Map(
      [
        'w:money',
        'w:round',
        'w:led',
        'w:pay',
        'w:accelerator',
        'w:cheaper',
        'w:run',
        'w:company',
        'w:plan',
        'w:hire',
        'w:engineer',
        'w:raised',
        'w:raise',
        't:labs',
        't:cloud',
        't:compute',
        't:systems',
      ].map((k) => [k, 300]),
    );
    const s = articleSimilarity(a, b, frequencyFromTable(1000, common));
    assert.ok(s.reasons.includes('each names its own rare names, none in common'), JSON.stringify(s.reasons));
    assert.ok(s.score < threshold, `${s.score} should be below ${threshold}: ${s.reasons.join('; ')}`);
  });

  test('an article with no entities, figures or terms scores 0 against anything', () => {
    const empty = fixtureArticle({
      id: 'empty0000001',
      outlet: 'Blank',
      published: null,
      language: 'en',
      title: '',
      text: 'nothing here at all',
    });
    assert.equal(articleSimilarity(empty, CORVANE_EN, NO_FREQUENCIES).score, 0);
  });
});

describe('features', () => {
  const cases = [
    {
      name: 'model numbers and names in Chinese text',
      text: '月之暗面发布 Kimi K3 Flash，基于 GB300 集群。',
      want: ['kimi', 'k3', 'flash', 'gb300'],
    },
    {
      name: 'English: capitalised words away from a sentence start, alphanumerics, acronyms',
      text: 'The deal covers 200,000 GB300 chips at Saltfork for AMD rivals.',
      want: ['200000', 'gb300', 'saltfork', 'amd'],
    },
    { name: 'dates and short numbers are not terms', text: 'Published 2026-05-10 with 12 models in 2025.', want: [] },
  ];
  for (const c of cases) {
    test(c.name, () =>
      assert.deepEqual(
        termFeatures(c.text).map((t) => t.key),
        c.want,
      ),
    );
  }

  const dates = [
    {
      name: 'English month-day and day-month',
      text: 'Signed on Dec. 19 and announced 3 January.',
      want: ['01-03', '12-19'],
    },
    {
      name: 'Chinese, Arabic and Chinese numerals',
      text: '12 月 19 日签约，十月三十一日交付。',
      want: ['10-31', '12-19'],
    },
    {
      name: 'a month alone, a percentage or an amount is not a day',
      text: 'In May revenue rose March 3.5% to Jan 1,000 units.',
      want: [],
    },
  ];
  for (const c of dates) test(`dates: ${c.name}`, () => assert.deepEqual(dateFeatures(c.text), c.want));

  test('rarity: a key every article carries weighs least, an unseen key most', () => {
    assert.ok(rarity(df, 'e:anthropic') < rarity(df, 't:brackenridge'));
    assert.equal(rarity(df, 't:never-seen'), 1);
    assert.equal(rarity(NO_FREQUENCIES, 'e:anthropic'), 0.5);
  });
});

describe('distinct events', () => {
  const en = (id: string, title: string, text: string) =>
    fixtureArticle({ id, title, text, language: 'en', published: '2026-06-03T08:00:00.000Z', outlet: `Outlet ${id}` });

  test('two launches by one company in the same words: the reason comes first and the score is cut', () => {
    const a = en(
      'l1',
      'Corvana launches Quill 2 coding model',
      'Corvana on Tuesday released Quill 2, a coding model available through the Corvana API. The company says it scores 71.4% on its benchmark.',
    );
    const b = en(
      'l2',
      'Corvana launches Echo 1.5 speech model',
      'Corvana on Tuesday released Echo 1.5, a speech model available through the Corvana API. The company says it scores 71.4% on its benchmark.',
    );
    const s = featureSimilarity(featuresOf(a), featuresOf(b), NO_FREQUENCIES);
    assert.equal(
      s.reasons[0],
      "not one event: different products in the headlines (quill2 and echo1.5), neither names the other's",
    );
    assert.ok(s.score < threshold);
  });

  test('headlines in one language sharing only a place are marked, and score less', () => {
    const a = en(
      'k1',
      'South Korea caps fuel prices as oil costs climb',
      "South Korea's government said on Tuesday it would cap fuel prices. The finance ministry in Seoul said the cap would last three months.",
    );
    const b = en(
      'k2',
      'South Korea reviews troop posture on the peninsula',
      "South Korea's government said on Tuesday it would review troop posture. The defence ministry in Seoul said the review would last three months.",
    );
    const s = featureSimilarity(featuresOf(a), featuresOf(b), NO_FREQUENCIES);
    assert.ok(s.reasons.includes('their headlines share only the name of a place'));
  });
});

describe('vocabulary rarity within a language', () => {
  test('an English word is as common as the English articles using it, whatever share of the archive is Chinese', () => {
    // 100 articles counted, 60 English and 40 Chinese; "capacity" in 57 of the English ones.
    const table = new Map([
      ['l:en', 60],
      ['l:zh', 40],
      ['w:capacity', 57],
      ['w:算力', 38],
      ['w:lattice', 1],
    ]);
    const df = frequencyFromTable(100, table);
    assert.equal(documentsFor(df, 'w:capacity'), 60);
    assert.equal(documentsFor(df, 'w:算力'), 40);
    // Near 0 within English (57 of 60), where over all 100 it looked half rare.
    assert.ok(vocabularyIdf(df, 'w:capacity') < 0.1, `${vocabularyIdf(df, 'w:capacity')}`);
    assert.ok(idf(df, 'w:capacity') > 0.5);
    assert.ok(vocabularyIdf(df, 'w:算力') < 0.1);
    assert.ok(vocabularyIdf(df, 'w:lattice') > 3.5);
  });
  test('a Latin word some article carries as a name (a "t:" term) could be in any article: Chinese text writes names as they are', () => {
    const df = frequencyFromTable(
      100,
      new Map([
        ['l:en', 60],
        ['l:zh', 40],
        ['w:corvane', 3],
        ['t:corvane', 3],
        ['w:capacity', 3],
      ]),
    );
    assert.equal(documentsFor(df, 'w:corvane'), 100);
    assert.equal(documentsFor(df, 'w:capacity'), 60);
  });
  test('counts made before languages were counted: the counted share is scaled; none counted reads every article', () => {
    // 30 of 100 articles counted with a language (18 en, 12 zh): English read as 60 of 100.
    const partly = frequencyFromTable(
      100,
      new Map([
        ['l:en', 18],
        ['l:zh', 12],
        ['w:capacity', 50],
      ]),
    );
    assert.equal(documentsFor(partly, 'w:capacity'), 60);
    assert.equal(documentsFor(partly, 'w:算力'), 40);
    const none = frequencyFromTable(100, new Map([['w:capacity', 50]]));
    assert.equal(documentsFor(none, 'w:capacity'), 100);
    assert.equal(vocabularyIdf(none, 'w:capacity'), idf(none, 'w:capacity'));
    assert.equal(vocabularyIdf(NO_FREQUENCIES, 'w:capacity'), 1);
  });
  test('each article is counted under its language', () => {
    const counted = frequencyOf(ALL_FIXTURES.map(featuresOf));
    assert.equal(counted.count('l:en') + counted.count('l:zh') + counted.count('l:other'), ALL_FIXTURES.length);
    assert.equal(counted.count('l:zh'), ALL_FIXTURES.filter((a) => a.language === 'zh').length);
  });
  test('template sentences every English article repeats weigh nothing between two English articles of different events', () => {
    const boiler =
      'Demand for inference capacity has outpaced supply for most of the year, and lead times for new racks remain long.';
    const mk = (id: string, language: Face, text: string) =>
      featuresOf(
        fixtureArticle({ id, outlet: 'Quillfeed', published: '2026-06-01T10:00:00Z', language, title: '', text }),
      );
    const en = [
      'Velmora Labs raised money from Castrel.',
      'Orinth Cloud leased a campus in Ohio.',
      'Quarrel AI released a model for weather.',
      'Lumiq ordered chips from Tessaly.',
    ].map((t, i) => mk(`en${i}`, 'en', `${t} ${boiler}`));
    const zh = ['天气模型发布', '园区租赁完成', '芯片订单签署'].map((t, i) =>
      mk(`zh${i}`, 'zh', `${t}。今年以来，推理算力的需求一直高于供给。`),
    );
    const table = frequencyOf([...en, ...zh]);
    const s = featureSimilarity(en[0]!, en[1]!, table, false);
    assert.ok(s.words < 0.05, `vocabulary cosine ${s.words}`);
  });
});
