import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { audiencesForArticle, audiencesForStory } from './audiences.js';
import { deal, makeArticle } from './rank.fixture.js';
import { parseRubric } from './rubric.js';
import { DEFAULT_RUBRIC_PATH, loadRubricFile } from './rubric-file.js';
import type { SourceType } from '../sources/registry.js';

const loaded = await loadRubricFile();
assert.ok(loaded.ok);
const rubric = loaded.value;

const card = (paragraphs: string[], type: SourceType = 'news', title = 'An update') =>
  makeArticle({ id: 'c', outlet: 'Pier Wire', type, title, paragraphs });

describe('audiences of a single article (cards)', () => {
  const cases: Array<{
    name: string;
    article: () => ReturnType<typeof card>;
    first: string;
    also?: string[];
    not?: string[];
    reason: RegExp;
  }> = [
    {
      name: 'a funding round with a sum of money: Investor',
      article: () =>
        card([
          'Fernwick Labs raised $200 million in a Series B round at a valuation of $1.5 billion, led by Tallow Ventures; investors expect revenue to double.',
        ]),
      first: 'Investor',
      reason:
        /^Investor: largest sum \$1\.5 billion \(at least \$100 million\); names valuation; figures \$200 million, \$1\.5 billion; topic words "raised", "Series B", "valuation"/,
    },
    {
      name: 'an API with tokens per second and an SDK: Developer',
      article: () =>
        card([
          'The new API serves 900 tokens per second, and developers can call it from a Python SDK with a larger context window.',
        ]),
      first: 'Developer',
      reason: /^Developer: figures 900 tokens per second; topic words "API", "SDK", "tokens per second"/,
    },
    {
      name: 'Chinese developer words: Developer',
      article: () => card(['新模型面向开发者开放接口，每秒 800 个 token，上下文窗口扩大一倍。']),
      first: 'Developer',
      reason: /^Developer: figures 每秒 800 个 token; topic words "开发者", "接口", "上下文窗口"/,
    },
    {
      name: 'regulation and export controls in Chinese: Policy maker',
      article: () => card(['监管部门收紧出口管制，新的立法草案要求芯片出口逐一审批。']),
      first: 'Policy maker',
      reason: /^Policy maker: names export controls; topic words "监管", "出口管制", "立法"/,
    },
    {
      name: 'a benchmark paper from a research source: Researcher',
      article: () =>
        card(['Our paper introduces a benchmark and a dataset; the evaluation measured 14 systems.'], 'research'),
      first: 'Researcher',
      reason: /^Researcher: topic words "benchmark", "paper", "dataset"(, "[a-z]+")*; source Pier Wire \(research\)/,
    },
    {
      name: 'procurement, SLA and enterprise contracts: Enterprise buyer',
      article: () =>
        card([
          'Enterprise customers can sign a three-year contract with an SLA; procurement teams get fixed pricing for inference.',
        ]),
      first: 'Enterprise buyer',
      not: ['Developer'],
      reason: /^Enterprise buyer: names inference; topic words "contract", "procurement", "SLA"/,
    },
    {
      name: 'topic words alone are not enough',
      article: () => card(['The regulation was discussed; nothing else happened.']),
      first: '',
      reason: /^$/,
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const tags = audiencesForArticle(c.article(), rubric);
      assert.equal(tags.audiences[0] ?? '', c.first);
      assert.equal(tags.reasons.length, tags.audiences.length);
      assert.match(tags.reasons[0] ?? '', c.reason);
      for (const a of c.not ?? []) assert.ok(!tags.audiences.includes(a), `${a} not tagged`);
    });
  }
});

describe('audiences of a story', () => {
  test('a widely covered $9.6 billion deal with a platform company: Investor, Executive, Tech Journalist', () => {
    const story = [deal.en('a', 'Pier Wire'), deal.en('c', 'Quay Ledger'), deal.zh('b', '码头日报')];
    const tags = audiencesForStory(story, rubric);
    assert.deepEqual(tags.audiences, ['Investor', 'Executive', 'Tech Journalist']);
    assert.match(
      tags.reasons.find((r) => r.startsWith('Tech Journalist'))!,
      /^Tech Journalist: 3 independent publishers \(at least 3\)$/,
    );
    assert.deepEqual(audiencesForStory(story, rubric), tags, 'deterministic');
    assert.ok(tags.audiences.length <= rubric.audiences.max);
  });

  test('audiences are configurable: a rubric with its own list', async () => {
    const text = (await readFile(DEFAULT_RUBRIC_PATH, 'utf8')).replace(
      /\n {4}- name: Investor\n {6}nameZh: 投资者\n/,
      '\n    - name: Chip buyer\n      nameZh: 芯片买家\n      minScore: 1\n',
    );
    const custom = parseRubric(text, 'custom.yaml');
    assert.ok(custom.ok, custom.ok ? '' : custom.message);
    const tags = audiencesForArticle(
      card(['Fernwick Labs raised $200 million to fund a new round of chips.']),
      custom.value,
    );
    assert.ok(tags.audiences.includes('Chip buyer'));
    assert.ok(!tags.audiences.includes('Investor'));
  });
});
