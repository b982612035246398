import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { recognizePair, originalOf } from './recognize.js';
import { alignParagraphs, breakAgreement } from './recognize-paragraphs.js';
import { alignmentSummary } from './recognize-align.js';
import { ENGLISH, INDEPENDENT, TRANSLATION, version } from './recognize.fixture.js';

const en = version('en', 'en', ENGLISH);

describe('recognizePair', () => {
  const cases = [
    { name: 'a translation that merges two paragraphs and drops a sentence', zh: TRANSLATION, translation: true },
    { name: 'an independent same-story report (same facts, own order)', zh: INDEPENDENT, translation: false },
    {
      name: 'the translation with its paragraphs in reverse order',
      zh: [...TRANSLATION].reverse(),
      translation: false,
    },
    { name: 'only the first half of the translation', zh: TRANSLATION.slice(0, 2), translation: false },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const r = recognizePair(en, version('zh', 'zh', c.zh));
      assert.equal(r.isTranslation, c.translation, `score ${r.score}: ${r.reasons.join('; ')}`);
    });
  }

  describe('with the sentence aligner (dictionary evidence)', () => {
    const withAligner = [
      { name: 'the translation', zh: TRANSLATION, translation: true },
      { name: 'the independent report', zh: INDEPENDENT, translation: false },
      // The first paragraphs translated, then the outlet's own reporting: not a translation.
      {
        name: 'a translated core with its own analysis added',
        zh: [...TRANSLATION.slice(0, 2), INDEPENDENT[1]!, INDEPENDENT[3]!, INDEPENDENT[4]!],
        translation: false,
      },
    ];
    for (const c of withAligner) {
      test(c.name, () => {
        const r = recognizePair(en, version('zh', 'zh', c.zh), { align: alignmentSummary });
        assert.equal(r.isTranslation, c.translation, `score ${r.score}: ${r.reasons.join('; ')}`);
        assert.ok(r.measures.alignment !== null || !c.translation);
      });
    }
  });

  test('reasons name the shared anchors in order, figures normalised across languages', () => {
    const r = recognizePair(en, version('zh', 'zh', TRANSLATION));
    const keys = r.anchors.map((a) => a.key);
    assert.ok(keys.indexOf('figure:money:18000000:USD') < keys.indexOf('figure:percent:81:%'));
    assert.ok(r.anchors.some((a) => a.en === '$18 million' && a.zh === '1800 万美元'));
    assert.match(r.reasons[0]!, /anchors in the same order/);
    assert.ok(r.measures.positionDrift < 0.05);
  });

  test('an aligner score weighs in: a poor alignment sinks a borderline pair', () => {
    const zh = version('zh', 'zh', TRANSLATION);
    const good = recognizePair(en, zh, {
      align: () => ({
        order: 0.9,
        score: 0.9,
        confident: 0.9,
        enCovered: 0.9,
        zhCovered: 0.9,
        enMatched: 0.9,
        zhMatched: 0.9,
        links: 9,
        unlinked: 1,
      }),
    });
    const poor = recognizePair(en, zh, {
      align: () => ({
        order: 0.1,
        score: 0.05,
        confident: 0.05,
        enCovered: 0.05,
        zhCovered: 0.05,
        enMatched: 0.05,
        zhMatched: 0.05,
        links: 1,
        unlinked: 12,
      }),
    });
    assert.ok(good.score > poor.score);
    assert.equal(poor.isTranslation, false);
    assert.equal(good.measures.alignment, 0.9);
  });
});

describe('originalOf', () => {
  const zh = (extra: Parameters<typeof version>[3], paragraphs = TRANSLATION) => version('zh', 'zh', paragraphs, extra);
  const cases = [
    {
      name: 'published first',
      en: {},
      zh: zh({ published: '2026-04-07T15:00:00.000Z' }),
      want: 'en',
      why: /published first/,
    },
    {
      name: 'the English published later is still the original when the Chinese credits it',
      en: { published: '2026-04-08T00:00:00.000Z', outlet: 'Northwire' },
      zh: zh({ published: '2026-04-07T00:00:00.000Z' }, [...TRANSLATION, '编译：李明　来源：Northwire']),
      want: 'en',
      why: /credits Northwire/,
    },
    {
      name: 'a Chinese original: the English links back to it',
      en: { published: '2026-04-08T00:00:00.000Z' },
      zh: zh({}),
      enText: 'Translated from https://zh.example/article',
      want: 'zh',
      why: /links to/,
    },
    {
      name: 'a credit line alone, no name',
      en: {},
      zh: zh({}, [...TRANSLATION, '本文编译自外媒报道。']),
      want: 'en',
      why: /credit line/,
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const e = version('en', 'en', c.enText ? [...ENGLISH, c.enText] : ENGLISH, c.en);
      const o = originalOf(e, c.zh);
      assert.equal(o.language, c.want);
      assert.match(o.why, c.why);
    });
  }
});

describe('paragraphs', () => {
  test('a merged pair of paragraphs links 2-1; a dropped paragraph links 1-0', () => {
    const links = alignParagraphs(ENGLISH, TRANSLATION);
    assert.deepEqual(
      links.map((l) => [l.en, l.zh]),
      [
        [[0], [0]],
        [[1], [1]],
        [[2], [2]],
        [[3, 4], [3]],
      ],
    );
    // Sizes alone cannot tell which paragraph was left out; the shared anchors can.
    const dropped = recognizePair(
      en,
      version('zh', 'zh', [TRANSLATION[0]!, TRANSLATION[2]!, TRANSLATION[3]!]),
    ).paragraphs;
    assert.deepEqual(
      dropped.map((l) => [l.en, l.zh]),
      [
        [[0], [0]],
        [[1], []],
        [[2], [1]],
        [[3, 4], [2]],
      ],
    );
  });

  test('breaks agree for a translation, less for paragraphs cut elsewhere', () => {
    assert.ok(breakAgreement(ENGLISH, TRANSLATION) > 0.8);
    const recut = [TRANSLATION.join('').slice(0, 40), TRANSLATION.join('').slice(40)];
    assert.ok(breakAgreement(ENGLISH, recut) < 0.5);
  });
});
