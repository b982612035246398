import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleWithSightings } from '../article.js';
import { compareRanked, rankStory, type RankedHeadline } from './rank.js';
import { deal, makeArticle } from './rank.fixture.js';
import { loadRubricFile } from './rubric-file.js';

const loaded = await loadRubricFile();
assert.ok(loaded.ok, loaded.ok ? '' : loaded.message);
const rubric = loaded.value;

const plain = (id: string, outlet: string, type: NonNullable<ArticleWithSightings['sourceType']> = 'news') =>
  makeArticle({
    id,
    outlet,
    type,
    title: 'Harbourline opens an AI repair café for old laptops',
    paragraphs: [
      'Harbourline, a small charity, opened a repair café where volunteers and an AI assistant fix old laptops for free.',
      'It runs on Tuesdays.',
    ],
  });

describe('confidence from corroboration', () => {
  const cases: Array<{
    name: string;
    story: () => ArticleWithSightings[];
    confidence: string;
    publishers: string[];
    reason: RegExp;
  }> = [
    {
      name: 'a single news source is Low',
      story: () => [deal.en('a', 'Pier Wire')],
      confidence: 'Low',
      publishers: ['Pier Wire'],
      reason: /^Low: a single source/,
    },
    {
      name: 'a social post alone is Low',
      story: () => [deal.en('a', 'Loop: @someone', undefined, undefined, { type: 'social' })],
      confidence: 'Low',
      publishers: ['Loop: @someone'],
      reason: /only social sources/,
    },
    {
      name: 'official + two news outlets is High',
      story: () => [
        deal.en('o', 'Quarry Compute', undefined, undefined, { type: 'official' }),
        deal.en('a', 'Pier Wire'),
        deal.zh('b', '码头日报'),
      ],
      confidence: 'High',
      publishers: ['Pier Wire', '码头日报'],
      reason: /^High: 2 independent publishers \(at least 1\); confirmed by an official source: Quarry Compute/,
    },
    {
      name: 'two news outlets are Medium',
      story: () => [deal.en('a', 'Pier Wire'), deal.zh('b', '码头日报')],
      confidence: 'Medium',
      publishers: ['Pier Wire', '码头日报'],
      reason: /^Medium: 2 independent publishers/,
    },
    {
      name: 'an official source alone is Medium',
      story: () => [deal.en('o', 'Quarry Compute', undefined, undefined, { type: 'official' })],
      confidence: 'Medium',
      publishers: [],
      reason: /^Medium: confirmed by an official source/,
    },
    {
      name: 'one outlet with two articles counts once',
      story: () => [
        deal.en('a', 'Pier Wire'),
        deal.en('a2', 'Pier Wire', undefined, undefined, { published: '2026-05-10T09:00:00Z' }),
      ],
      confidence: 'Low',
      publishers: ['Pier Wire'],
      reason: /^Low/,
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const r = rankStory(c.story(), rubric);
      assert.equal(r.confidence, c.confidence);
      assert.deepEqual(r.independentPublishers, c.publishers);
      assert.match(r.confidenceReasons[0]!, c.reason);
    });
  }

  test('a syndicated copy, a repost and an aggregator article fold into the originals', () => {
    const harbor = deal.en('a', 'Pier Wire', undefined, undefined, {
      copies: [
        { outlet: 'Cablefold', relation: 'canonical' },
        { outlet: 'Digest Bot', relation: 'near-duplicate', type: 'aggregator' },
        { outlet: 'Pier Wire', relation: 'same-url' },
      ],
    });
    const aggregator = deal.en('g', 'AI Roundup', undefined, undefined, { type: 'aggregator' });
    const r = rankStory([harbor, aggregator, deal.zh('b', '码头日报')], rubric);
    assert.deepEqual(r.independentPublishers, ['Pier Wire', '码头日报']);
    assert.deepEqual(r.foldedCopies, [
      'AI Roundup (aggregator of the original reports in this story)',
      'Cablefold (syndicated copy of Pier Wire)',
      'Digest Bot (near-duplicate repost, aggregator of Pier Wire)',
    ]);
    assert.equal(r.confidence, 'Medium');
    assert.ok(r.confidenceReasons.some((x) => x.startsWith('counted with their original, not apart: AI Roundup')));
  });

  test('aggregators with no original in the story count once, flagged', () => {
    const r = rankStory(
      [
        deal.en('g', 'AI Roundup', undefined, undefined, { type: 'aggregator' }),
        deal.en('h', 'Bot Daily', undefined, undefined, { type: 'aggregator' }),
      ],
      rubric,
    );
    assert.deepEqual(r.independentPublishers, ['AI Roundup']);
    assert.equal(r.confidence, 'Low');
    assert.ok(r.confidenceReasons.some((x) => /only an aggregator reports it/.test(x)));
  });

  test('undated articles and a third language: no crash, undated publishers listed last', () => {
    const german = makeArticle({
      id: 'de',
      outlet: 'Rheinblatt',
      title: 'Neues Rechenzentrum',
      paragraphs: ['Ein neues Rechenzentrum mit 300MW wird gebaut.'],
      published: null,
    });
    const r = rankStory(
      [german, deal.en('a', 'Pier Wire', undefined, undefined, { published: '2026-05-10T09:00:00Z' })],
      rubric,
    );
    assert.deepEqual(r.independentPublishers, ['Pier Wire', 'Rheinblatt']);
    assert.equal(r.confidence, 'Medium');
  });

  test('an empty story is Low and Briefly, with a reason, not a crash', () => {
    const r = rankStory([], rubric);
    assert.equal(r.confidence, 'Low');
    assert.equal(r.tier.level, 4);
    assert.deepEqual(r.confidenceReasons, ['Low: no sources']);
  });
});

describe('figures across sources', () => {
  test('English and Chinese forms of one figure agree ($9.6 billion = 96 亿美元, 300MW = 300 兆瓦)', () => {
    const r = rankStory([deal.en('a', 'Pier Wire'), deal.zh('b', '码头日报')], rubric);
    assert.deepEqual(
      r.figuresAgreeing.map((f) => f.figure),
      ['$9.6 billion / 96 亿美元 (2 sources)', '300MW / 300 兆瓦 (2 sources)'],
    );
    assert.deepEqual(r.figuresAgreeing[0]!.sources, ['Pier Wire', '码头日报']);
    assert.deepEqual(r.figureConflicts, []);
  });

  test('a slip of scale against a clear majority is a conflict, settled, the odd one out named', () => {
    const r = rankStory(
      [
        deal.en('a', 'Pier Wire'),
        deal.en('c', 'Quay Ledger'),
        deal.zh('b', '码头日报'),
        deal.zh('d', '算力瞭望', '3000 兆瓦'),
      ],
      rubric,
    );
    assert.equal(r.figureConflicts.length, 1);
    const c = r.figureConflicts[0]!;
    assert.equal(
      c.description,
      'power: 300MW / 300 兆瓦 (3 sources: Pier Wire, Quay Ledger, 码头日报) vs 3000 兆瓦 (算力瞭望)',
    );
    assert.equal(c.resolved, true);
    assert.equal(c.favoured, '300MW / 300 兆瓦');
    assert.equal(r.confidence, 'High', 'a settled conflict is named but does not lower confidence');
    assert.ok(r.confidenceReasons.some((x) => x.includes('3000 兆瓦 (算力瞭望); settled for 300MW / 300 兆瓦')));
    assert.ok(!r.figuresAgreeing.some((f) => f.figure.includes('3000')));
  });

  test('an unresolved conflict lowers confidence one level and is named', () => {
    const r = rankStory(
      [deal.en('a', 'Pier Wire'), deal.zh('b', '码头日报'), deal.zh('d', '算力瞭望', '3000 兆瓦')],
      rubric,
    );
    assert.equal(r.figureConflicts.length, 1);
    assert.equal(r.figureConflicts[0]!.resolved, false);
    assert.equal(r.confidence, 'Medium');
    assert.ok(r.confidenceReasons.includes('lowered from High to Medium: 1 unresolved figure conflict'));
  });

  test('close but unequal sums conflict ($9.6 billion vs $9.8 billion)', () => {
    const r = rankStory([deal.en('a', 'Pier Wire'), deal.en('c', 'Quay Ledger', '300MW', '$9.8 billion')], rubric);
    assert.deepEqual(
      r.figureConflicts.map((c) => c.variants.map((v) => v.surface)),
      [['$9.6 billion', '$9.8 billion']],
    );
  });

  const notConflicts: Array<{ name: string; story: () => ArticleWithSightings[] }> = [
    {
      name: 'different facts of one kind (100MW first hall, 300MW campus)',
      story: () => [deal.en('a', 'Pier Wire'), deal.en('c', 'Quay Ledger', '100MW')],
    },
    {
      name: 'a source stating both values',
      story: () => [
        deal.en('a', 'Pier Wire'),
        makeArticle({
          id: 'x',
          outlet: 'Quay Ledger',
          title: 'Quarry Compute grows',
          paragraphs: ['Anthropic takes 300MW now and 3000MW later, for $9.6 billion.'],
        }),
      ],
    },
    {
      name: 'the same value about unrelated things (no shared entity or figure)',
      story: () => [
        deal.en('a', 'Pier Wire'),
        makeArticle({
          id: 'y',
          outlet: 'Quay Ledger',
          title: 'A grid note',
          paragraphs: ['Elsewhere, a 3000MW solar farm in Chile won its permit.'],
        }),
      ],
    },
  ];
  for (const c of notConflicts) {
    test(`no conflict: ${c.name}`, () => assert.deepEqual(rankStory(c.story(), rubric).figureConflicts, []));
  }
});

describe('relevance, languages and kinds of story in the default rubric', () => {
  const offTopic = (id: string, outlet: string) =>
    makeArticle({
      id,
      outlet,
      title: 'Fernwick Bakeries raises $200 million',
      paragraphs: [
        'Fernwick Bakeries, a chain of bread shops, raised $200 million in a Series B round led by Tallow Ventures.',
      ],
    });

  test('general news is not an AI Summary item: two outlets and $200 million, but ranked Briefly at most, and the reasons say why', () => {
    const r = rankStory([offTopic('a', 'Pier Wire'), offTopic('b', 'Quay Ledger')], rubric);
    assert.equal(r.tier.level, 4);
    assert.ok(
      r.tierReasons.some((x) => /^not about AI \(.*\): ranked L4 at most$/.test(x)),
      r.tierReasons.join('\n'),
    );
  });

  test('a how-to scores below the news it explains', () => {
    const howto = makeArticle({
      id: 'h',
      outlet: 'Pier Wire',
      title: 'How to fine-tune an open-weight model on one GPU',
      paragraphs: ['This tutorial walks through fine-tuning step by step.'],
    });
    const r = rankStory([howto], rubric);
    assert.ok(
      (r.scoreReasons ?? []).some((x) => /^a how-to or tutorial: -10$/.test(x)),
      (r.scoreReasons ?? []).join('\n'),
    );
  });

  test('a Chinese quote in an English article is not Chinese coverage', () => {
    const quoted = makeArticle({
      id: 'q',
      outlet: 'Quay Ledger',
      title: 'Anthropic signs for 300MW',
      paragraphs: [
        'Anthropic will take 300MW at Saltfork for $9.6 billion, Lattice Cloud said.',
        '“我们很高兴，这是一个重要的里程碑，” 一位中国合作伙伴说。',
      ],
    });
    // Written in English with a Chinese quote: the mixed flag is set, the language is English.
    const r = rankStory([deal.en('a', 'Pier Wire'), { ...quoted, language: 'en', mixed: true }], rubric);
    assert.ok(
      !(r.scoreReasons ?? []).some((x) => x.startsWith('covered in English and Chinese')),
      (r.scoreReasons ?? []).join('\n'),
    );
    const both = rankStory([deal.en('a', 'Pier Wire'), deal.zh('b', '码头日报')], rubric);
    assert.ok(
      (both.scoreReasons ?? []).includes('covered in English and Chinese: 16'),
      (both.scoreReasons ?? []).join('\n'),
    );
  });
});

describe('tiers from the default rubric', () => {
  const funding = (id: string, outlet: string) =>
    makeArticle({
      id,
      outlet,
      title: 'Fernwick Labs raises $200 million',
      paragraphs: [
        'Fernwick Labs, an AI robotics start-up, raised $200 million in a Series B round led by Tallow Ventures.',
      ],
    });
  const cases: Array<{ name: string; story: () => ArticleWithSightings[]; level: number; reason: RegExp }> = [
    {
      name: 'a major platform, $9.6 billion and two outlets: L1',
      story: () => [deal.en('a', 'Pier Wire'), deal.zh('b', '码头日报')],
      level: 1,
      reason: /^L1 Major Platform Updates: 2 independent publishers \(at least 2\); names Anthropic/,
    },
    {
      name: 'a $200 million round in two outlets: L2',
      story: () => [funding('a', 'Pier Wire'), funding('b', 'Quay Ledger')],
      level: 2,
      reason: /^L2 Important Updates: 2 independent publishers \(at least 2\); largest sum \$200 million/,
    },
    {
      name: 'two outlets and nothing else: L3',
      story: () => [plain('a', 'Pier Wire'), plain('b', 'Quay Ledger')],
      level: 3,
      reason: /^L3 Notable: 2 independent publishers/,
    },
    {
      name: 'an official source alone: L3',
      story: () => [plain('a', 'Harbourline', 'official')],
      level: 3,
      reason: /^L3 Notable: confirmed by an official source: Harbourline/,
    },
    {
      name: 'one outlet: L4',
      story: () => [plain('a', 'Pier Wire')],
      level: 4,
      reason: /^L4 Briefly: the conditions of no higher tier hold/,
    },
    {
      name: 'a major platform and big figures in one outlet only: L3 by score',
      story: () => [deal.en('a', 'Pier Wire')],
      level: 3,
      reason: /^L3 Notable: score 58 \(at least 40\)/,
    },
    {
      name: 'a lawsuit against a government in one outlet: L3',
      story: () => [
        makeArticle({
          id: 'law',
          outlet: 'Pier Wire',
          title: 'AI start-up sues the FTC over its chatbot rules',
          paragraphs: [
            "Fernwick Labs sued the FTC in federal court on Monday, saying the rules for AI chatbots exceed the agency's powers.",
          ],
        }),
      ],
      level: 3,
      reason:
        /^L3 Notable: names Federal Trade Commission, federal court in a title or lead; topic legal \("sues" in Pier Wire\)/,
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const r = rankStory(c.story(), rubric);
      assert.equal(r.tier.level, c.level);
      assert.match(r.tierReasons[0]!, c.reason);
      // Every tier above the one given says why not.
      assert.equal(r.tierReasons.filter((x) => x.startsWith('not L')).length, c.level - 1);
    });
  }

  test('the score adds up its reasons and is the same on every run', () => {
    const story = [deal.en('a', 'Pier Wire'), deal.zh('b', '码头日报')];
    const r = rankStory(story, rubric);
    const sum = (r.scoreReasons ?? []).reduce((s, x) => s + Number(/(-?\d+(?:\.\d+)?)$/.exec(x)![1]), 0);
    assert.equal(r.score, sum);
    assert.deepEqual(rankStory(story, rubric), r);
  });

  test('digest order: tier, then score, then headline, then id', () => {
    const base = rankStory([plain('a', 'Pier Wire')], rubric);
    const stories: RankedHeadline[] = [
      { id: 's3', headline: 'B', ranking: base },
      { id: 's2', headline: 'A', ranking: base },
      { id: 's1', headline: 'A', ranking: base },
      { id: 's4', headline: 'Z', ranking: { ...base, score: base.score + 1 } },
      { id: 's5', headline: 'Y', ranking: rankStory([deal.en('a', 'Pier Wire'), deal.zh('b', '码头日报')], rubric) },
    ];
    assert.deepEqual(
      [...stories].sort(compareRanked).map((s) => s.id),
      ['s5', 's4', 's1', 's2', 's3'],
    );
  });
});
