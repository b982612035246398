import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseRubric } from './rubric.js';
import { DEFAULT_RUBRIC_PATH, loadRubricFile } from './rubric-file.js';

// A small valid rubric; each error case below breaks one line of it.
const VALID = `version: 1
tiers:
  - level: 1
    name: Big
    nameZh: 大
    emoji: "🔴"
    when:
      - { minIndependentPublishers: 3, topicsAny: [money] }
  - level: 2
    name: Rest
    nameZh: 其他
    emoji: "⚪"
    always: true
confidence:
  high: [{ minIndependentPublishers: 3 }]
  medium: [{ minIndependentPublishers: 2 }]
  conflictPenalty: 1
  lowIfOnly: [social]
corroboration:
  countTypes: [news]
figures: { ignoreKinds: [year], minCount: 10, closeRatio: 1.25, scaleSlips: true, resolveMajority: 3 }
currencyToUsd: { USD: 1 }
score:
  - { label: publishers, weight: 10, per: independentPublishers }
topics:
  money: [funding, 融资]
audiences:
  weights: { entity: 1, figure: 2, topic: 1, sourceType: 2, when: 5 }
  minScore: 3
  max: 3
  list:
    - { name: Investor, nameZh: 投资者, topics: [money], figureKinds: [money] }
`;

const swap = (from: string, to: string): string => {
  assert.ok(VALID.includes(from), `fixture contains ${from}`);
  return VALID.replace(from, to);
};

describe('parseRubric', () => {
  test('the small valid rubric parses, with its file name kept', () => {
    const r = parseRubric(VALID, 'mine.yaml');
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.equal(r.value.source, 'mine.yaml');
    assert.equal(r.value.tiers.length, 2);
    assert.deepEqual(r.value.topics.money, ['funding', '融资']);
  });

  test('the bundled default rubric loads and has L1 to L4', async () => {
    const r = await loadRubricFile(DEFAULT_RUBRIC_PATH);
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.deepEqual(
      r.value.tiers.map((t) => `${t.emoji} L${t.level} ${t.name} ${t.nameZh}`),
      [
        '🔴 L1 Major Platform Updates 重大平台更新',
        '🟠 L2 Important Updates 重要更新',
        '🟡 L3 Notable 值得关注',
        '⚪ L4 Briefly 简讯',
      ],
    );
    assert.deepEqual(
      r.value.audiences.list.map((a) => a.name),
      ['Investor', 'Executive', 'Developer', 'Researcher', 'Tech Journalist', 'Enterprise buyer', 'Policy maker'],
    );
  });

  const errors: Array<{ name: string; text: string; message: RegExp }> = [
    {
      name: 'bad YAML: line and column',
      text: swap('  conflictPenalty: 1', '  conflictPenalty: [1'),
      message: /^mine\.yaml line \d+, column \d+: bad YAML/,
    },
    {
      name: 'a misspelt condition field: its line',
      text: swap('minIndependentPublishers: 3, topicsAny', 'minPublishers: 3, topicsAny'),
      message: /^mine\.yaml line 8: field "tiers\.0\.when\.0\.minPublishers": unknown field "minPublishers"/,
    },
    {
      name: 'a missing tier name',
      text: swap('    name: Rest\n', ''),
      message: /^mine\.yaml line 9: field "tiers\.1\.name": missing/,
    },
    {
      name: 'a wrong type',
      text: swap('closeRatio: 1.25', 'closeRatio: close'),
      message: /^mine\.yaml line 21: field "figures\.closeRatio": .*number/,
    },
    {
      name: 'an unknown source type',
      text: swap('countTypes: [news]', 'countTypes: [newspaper]'),
      message: /^mine\.yaml line 20: field "corroboration\.countTypes\.0": expected one of official, news/,
    },
    {
      name: 'a topic that is not defined',
      text: swap('topicsAny: [money]', 'topicsAny: [cash]'),
      message:
        /^mine\.yaml line 8: field "tiers\.0\.when\.0\.topicsAny\.0": no topic "cash" in "topics" \(have: money\)/,
    },
    {
      name: 'no catch-all last tier',
      text: swap('    always: true\n', '    when: [{ minIndependentPublishers: 1 }]\n'),
      message: /line 9: field "tiers\.1": the last tier must have "always: true"/,
    },
    {
      name: 'levels out of order',
      text: swap('  - level: 2', '  - level: 1'),
      message: /line 9: field "tiers\.1\.level": levels must increase down the list \(1 after 1\)/,
    },
    {
      name: 'confidence waiting on the score',
      text: swap('high: [{ minIndependentPublishers: 3 }]', 'high: [{ minScore: 3 }]'),
      message: /line 15: field "confidence\.high\.0\.minScore": not allowed in confidence rules/,
    },
    {
      name: 'an audience topic that is not defined',
      text: swap('topics: [money], figureKinds', 'topics: [mony], figureKinds'),
      message: /line 32: field "audiences\.list\.0\.topics\.0": no topic "mony"/,
    },
    {
      name: 'a duplicated audience',
      text: `${VALID}    - { name: Investor, nameZh: 投资人 }\n`,
      message: /line 33: field "audiences\.list\.1\.name": audience "Investor" is listed twice/,
    },
    {
      name: 'a missing section',
      text: swap('corroboration:\n  countTypes: [news]\n', ''),
      message: /^mine\.yaml line 1: field "corroboration": missing/,
    },
  ];
  for (const c of errors) {
    test(`error: ${c.name}`, () => {
      const r = parseRubric(c.text, 'mine.yaml');
      assert.equal(r.ok, false);
      assert.ok(!r.ok);
      assert.equal(r.code, 'config_error');
      assert.equal(r.subject, 'mine.yaml');
      assert.match(r.message, c.message);
    });
  }

  test('a missing file is not_found, naming it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-rubric-'));
    const r = await loadRubricFile(path.join(dir, 'nope.yaml'));
    assert.ok(!r.ok);
    assert.equal(r.code, 'not_found');
    assert.match(r.message, /nope\.yaml does not exist/);
    await writeFile(path.join(dir, 'ok.yaml'), VALID);
    const ok = await loadRubricFile(path.join(dir, 'ok.yaml'));
    assert.ok(ok.ok);
  });
});
