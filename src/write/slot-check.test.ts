import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SCHEMA_VERSION, type Card, type DigestItem, type Post } from './schemas.js';
import { parseFigures } from '../understand/figures.js';
import { figureKey, isTelling } from './sentence-candidates.js';
import {
  argumentRoleOf,
  cardViolations,
  countByRule,
  digestItemViolations,
  hanShare,
  inFaceLanguage,
  opensDangling,
  postViolations,
  quoteAttributed,
  englishStyleFigure,
  latinNamesIn,
  listsBareFigures,
  statesFigureWithoutMeaning,
  thinFaceViolations,
} from './slot-check.js';

const SOURCE = {
  articleId: 'a1',
  outlet: 'The Circuit Ledger',
  type: 'News' as const,
  url: 'https://circuitledger.example/a',
  language: 'en' as const,
  title: 'T',
};

function item(over: Partial<DigestItem>): DigestItem {
  return {
    schemaVersion: SCHEMA_VERSION,
    language: 'en',
    bodyLanguage: 'en',
    notice: null,
    storyId: 's1',
    tier: { level: 1, name: 'Major', nameZh: '重大', emoji: '🔴' },
    headline: 'Lattice Cloud signs Anthropic for 300MW',
    confidence: 'High',
    keyPoints: {
      lead: 'Anthropic will take 300MW at Saltfork for $9.6 billion.',
      points: ['Power arrives in July, the company said.'],
    },
    impact: [{ audience: 'Investor', text: 'For investors: Lattice Cloud books $9.6 billion over four years.' }],
    pros: ['Confirmed by an official statement from Lattice Cloud.'],
    cons: ['No independent source gives the price per megawatt.'],
    quickStart: ['Read the report.'],
    recommendation: 'The core facts are well corroborated.',
    sources: [SOURCE],
    provenance: [],
    ...over,
  };
}

describe('slot checks', () => {
  it('a clean item has no violations', () => {
    assert.deepEqual(digestItemViolations(item({})), []);
  });

  it('reads a face by its letters: Chinese with Latin names is Chinese, English under a Chinese face is not', () => {
    assert.equal(inFaceLanguage('Anthropic 将以 96 亿美元租用 Lattice Cloud 的 300 兆瓦容量。', 'zh'), true);
    assert.equal(inFaceLanguage('The most efficient configuration we tested used 0.04 Wh.', 'zh'), false);
    assert.equal(inFaceLanguage('阅读报道：https://circuitledger.example/some/long/english-path', 'zh'), true);
    assert.equal(hanShare('1,000 / 2'), null);
    const zhFace = digestItemViolations(
      item({
        language: 'zh',
        headline: 'Anthropic 租下 300 兆瓦',
        recommendation: '核心事实已得到充分印证。',
        pros: [],
        cons: [],
      }),
    );
    assert.ok(zhFace.some((v) => v.rule === 'face-language' && v.path === 'keyPoints.lead'));
    assert.ok(!zhFace.some((v) => v.path === 'headline'));
  });

  it('counts a figure repeated across key points, in either language', () => {
    const found = digestItemViolations(
      item({
        keyPoints: {
          lead: 'About 200,000 GB300 GPUs will be installed.',
          points: ['Saltfork 将部署约 20 万块英伟达 GB300 GPU。', 'Power arrives in July.'],
        },
      }),
    );
    assert.deepEqual(
      found.filter((v) => v.rule === 'repeated-figure').map((v) => v.path),
      ['keyPoints.points[0]'],
    );
  });

  it('impact lines: a dateline, a source speaking in the first person, a bare quote', () => {
    const found = digestItemViolations(
      item({
        impact: [
          { audience: 'Tech Journalist', text: 'DENVER, May 9, 2026 — Lattice Cloud today announced a lease.' },
          { audience: 'Researcher', text: 'Today we are publishing WattBench, a benchmark of energy per token.' },
          {
            audience: 'Developer',
            text: '“Speed is a capability in itself, and developers will notice,” said Zhou Lan.',
          },
        ],
      }),
    );
    const rules = countByRule(found);
    assert.equal(rules['impact-dateline'], 1);
    assert.equal(rules['impact-first-person'], 1);
    assert.equal(rules['impact-quote'], 1);
    // Attributed, so not an unattributed quote.
    assert.equal(rules['unattributed-quote'], 0);
  });

  it('quotes name their speaker or outlet; scare quotes are not quotes', () => {
    assert.equal(quoteAttributed('“We wanted capacity we could plan around for years,” Ferrand said.'), true);
    assert.equal(
      quoteAttributed('The Circuit Ledger argues that “the price is a premium over hyperscale leases”.'),
      true,
    );
    const found = digestItemViolations(
      item({
        cons: ['“The price is a premium over what long-term leases cost.”'],
        pros: ['A so-called “neocloud” deal.'],
      }),
    );
    assert.deepEqual(
      found.map((v) => `${v.rule} ${v.path}`),
      ['unattributed-quote cons[0]'],
    );
  });

  it('points that open on a reference to something not said', () => {
    assert.equal(opensDangling('Most of that demand comes from Anthropic.'), true);
    assert.equal(opensDangling('该公司计划第四季度量产。'), true);
    assert.equal(opensDangling('Anthropic will take all 300MW.'), false);
  });

  it('empty sections are counted; one side of the trade-offs may be left out', () => {
    assert.equal(countByRule(digestItemViolations(item({ impact: [], pros: [], cons: [] })))['empty-section'], 2);
    assert.equal(countByRule(digestItemViolations(item({ pros: [] })))['empty-section'], 0);
  });

  it('cards: the takeaway formula, a doubled credit, a place as a topic', () => {
    const card: Card = {
      schemaVersion: SCHEMA_VERSION,
      language: 'en',
      bodyLanguage: 'en',
      notice: null,
      articleId: 'a1',
      title: 'Anthropic leases Saltfork',
      url: null,
      summary: 'Anthropic leases 300MW.',
      keyInsight: 'Capacity is scarce.',
      keyTakeaway: 'If you are an investor, the line to keep from this article is this: Anthropic leases 300MW.',
      principles: ['Count publishers.'],
      inPractice: ['Read it.'],
      topics: ['Anthropic', 'Texas'],
      bestFor: [],
      related: [],
      attribution: 'Original article published by AI & Machine Learning | The Circuit Ledger | The Circuit Ledger.',
      source: SOURCE,
      provenance: [],
    };
    const rules = countByRule(cardViolations(card));
    assert.equal(rules['takeaway-formula'], 1);
    assert.equal(rules['credit-doubled'], 1);
    assert.equal(rules['topic-not-topic'], 1);
  });

  it('posts: credits naming one outlet twice', () => {
    const post: Post = {
      schemaVersion: SCHEMA_VERSION,
      language: 'en',
      bodyLanguage: 'en',
      notice: null,
      storyId: 's1',
      headline: 'Capacity is the new moat',
      hook: 'Anthropic will pay $9.6 billion.',
      takeaways: ['Power arrives in July.'],
      closing: 'Confidence: High.',
      credits: [SOURCE, { ...SOURCE, articleId: 'a2' }],
      provenance: [],
    };
    assert.deepEqual(
      postViolations(post, { argument: false }).map((v) => v.rule),
      ['credit-doubled'],
    );
  });

  it('posts: the hook carries the key figure; the takeaways are the argument, labelled steps in order, with why it matters', () => {
    const base: Post = {
      schemaVersion: SCHEMA_VERSION,
      language: 'en',
      bodyLanguage: 'en',
      notice: null,
      storyId: 's1',
      headline: 'Anthropic books 300MW',
      hook: 'Anthropic will pay $9.6 billion for 300MW.',
      takeaways: [
        'What happened: Power arrives in July.',
        'Why it matters: Demand for Claude has outrun supply, Anthropic says.',
        'What to watch: Whether the second phase is built.',
      ],
      closing: 'Confidence: High.',
      credits: [SOURCE],
      provenance: [],
    };
    assert.deepEqual(postViolations(base, { keyFigure: '' }), []);
    const key300 = figureKeysFor('300MW');
    assert.deepEqual(postViolations(base, { keyFigure: key300 }), []);
    assert.deepEqual(
      postViolations({ ...base, hook: 'Anthropic will pay $9.6 billion.' }, { keyFigure: key300 }).map((v) => v.rule),
      ['hook-no-key-figure'],
    );
    // Listed facts, steps out of order, no "why it matters": not an argument.
    for (const takeaways of [
      ['Power arrives in July.', 'Demand has outrun supply.'],
      [base.takeaways[1]!, base.takeaways[0]!],
      [base.takeaways[0]!, base.takeaways[2]!],
    ]) {
      assert.deepEqual(
        postViolations({ ...base, takeaways }).map((v) => v.rule),
        ['takeaway-not-argument'],
        takeaways.join(' | '),
      );
    }
    // A model's takeaways carry no labels: held to the other rules only.
    assert.deepEqual(postViolations({ ...base, takeaways: ['Power arrives in July.'] }, { argument: false }), []);
    const zh: Post = {
      ...base,
      language: 'zh',
      bodyLanguage: 'zh',
      hook: 'Anthropic 将以 96 亿美元租用 300 兆瓦。',
      takeaways: ['发生了什么：首批 100 兆瓦 7 月上线。', '为什么重要：Anthropic 表示，Claude 的需求超出了预期。'],
      closing: '置信度：高。',
      headline: 'Anthropic 租下 300 兆瓦',
    };
    assert.deepEqual(postViolations(zh, { keyFigure: key300 }), []);
    assert.equal(argumentRoleOf('需要注意：目前只有一个来源。', 'zh'), 'catch');
  });

  it('a point ending on a reference to something said before it is dangling too', () => {
    assert.equal(opensDangling('Making K3 Flash the default for free users is a bold bet that it can.'), true);
    assert.equal(opensDangling('把 K3 Flash 设为免费用户的默认模型，是一次大胆的押注，赌的就是它能做到。'), true);
    assert.equal(
      opensDangling('LanCore said its chips are used by three cloud providers, but it did not name them.'),
      false,
    );
    assert.equal(
      opensDangling('其他团队能否复现 Tamsin Institute Notes 的结果。'),
      false,
      '其他 (others) refers to nothing before it',
    );
    assert.equal(opensDangling('其中一半来自云服务商。'), true);
  });

  it('a figure stated with nothing said about what it measures', () => {
    for (const t of [
      'Tamsin Institute Notes reports a multiple of 9x.',
      'Tamsin Institute Notes publishes a benchmark: multiple 40x',
      'Tamsin Institute Notes 报告的比例为 40%。',
      'Tamsin Institute Notes 发布评测，倍数 40 倍',
    ]) {
      assert.equal(statesFigureWithoutMeaning(t), true, t);
    }
    for (const t of [
      'The largest model needed 3x the memory of the smallest.',
      'K3 Flash 比 K3 便宜 80%。',
      '据 Lattice Cloud，Anthropic 的交易金额为 96 亿美元。',
      'Nimbus 3D Studio is priced at $3 per million tokens.',
    ]) {
      assert.equal(statesFigureWithoutMeaning(t), false, t);
    }
    const found = digestItemViolations(
      item({
        keyPoints: {
          lead: 'Anthropic will take 300MW at Saltfork for $9.6 billion.',
          points: ['Lattice Cloud reports a share of 40%.'],
        },
      }),
    );
    assert.deepEqual(
      found.map((v) => `${v.rule} ${v.path}`),
      ['figure-no-meaning keyPoints.points[0]'],
    );
  });
});

function figureKeysFor(text: string): string {
  const [f] = parseFigures(text).filter(isTelling);
  return f ? figureKey(f) : '';
}

describe('slot checks: what an editor reads', () => {
  it('a Chinese face: figures in Chinese style, names in Chinese where the sources give them', () => {
    assert.equal(englishStyleFigure('据 Harbor Tech Daily，差距为 40x。'), true);
    assert.equal(englishStyleFigure('交易金额为 $9.6 billion。'), true);
    assert.equal(englishStyleFigure('涉及 300MW 的容量。'), true);
    assert.equal(englishStyleFigure('交易金额为 96 亿美元，涉及 300 兆瓦，速度提升至 15 倍。'), false);
    // As written inside a title or a quotation, and a model name with digits, are not our figures.
    assert.equal(englishStyleFigure('阅读《Kimi is 15x faster》，对照 GB300 的数据。'), false);
    const names = new Map([['Lattice Cloud', '格点云']]);
    assert.deepEqual(latinNamesIn('据 Lattice Cloud，交易金额为 96 亿美元。', names), ['Lattice Cloud']);
    assert.deepEqual(latinNamesIn('据格点云（Lattice Cloud），交易金额为 96 亿美元。', names), []);
    assert.deepEqual(latinNamesIn('Lattice 的合同', names), ['Lattice']);
    const zh = item({
      language: 'zh',
      bodyLanguage: 'zh',
      headline: 'Anthropic 与 Lattice Cloud 达成 96 亿美元协议',
      keyPoints: { lead: '据格点云，交易金额为 $9.6 billion。', points: [] },
      impact: [{ audience: 'Investor', text: '为评估 Anthropic 提供了新的参照：交易金额为 96 亿美元。' }],
      pros: ['有官方来源确认：格点云。'],
      cons: [],
      quickStart: ['阅读报道。'],
      recommendation: '核心事实已得到充分印证。',
    });
    const rules = digestItemViolations(zh, { zhNames: names }).map((v) => `${v.rule} ${v.path}`);
    assert.deepEqual(rules, ['latin-name-in-zh headline', 'figure-style keyPoints.lead']);
    // Without the names (a model's answer is not given them), only the figure counts.
    assert.deepEqual(
      digestItemViolations(zh).map((v) => v.rule),
      ['figure-style'],
    );
  });

  it('a list of figures with nothing said about what they measure', () => {
    assert.equal(listsBareFigures('Note the figures to track as the story develops: 40x, 9x, 85%.'), true);
    assert.equal(listsBareFigures('记下后续要跟踪的数字：40 倍、9 倍、85%。'), true);
    assert.equal(listsBareFigures('记下后续要跟踪的数字：能耗 1.6 瓦时、提速 15 倍。'), false);
    assert.equal(
      listsBareFigures('Reported by 2 independent publishers: Harbor Tech Daily, The Circuit Ledger.'),
      false,
    );
    const bare = item({ quickStart: ['Note the figures to track: 40x, 9x.'] });
    assert.deepEqual(
      digestItemViolations(bare).map((v) => `${v.rule} ${v.path}`),
      ['figure-no-meaning quickStart[0]'],
    );
  });

  it('a con or a post’s catch lifted from a source sentence is not a judgement', () => {
    const span = { articleId: 'a1', field: 'text' as const, start: 0, end: 10 };
    const lifted = item({
      cons: ['Analysts said the price is high, but the capacity arrives fast.'],
      provenance: [{ path: 'cons[0]', kind: 'extract', spans: [span] }],
    });
    assert.deepEqual(
      digestItemViolations(lifted).map((v) => `${v.rule} ${v.path}`),
      ['con-not-judged cons[0]'],
    );
    const judged = item({
      cons: ['Bad for Brightline Compute: the contract is about 70% of its revenue (Kestrel Report).'],
      provenance: [{ path: 'cons[0]', kind: 'composed', spans: [span] }],
    });
    assert.deepEqual(digestItemViolations(judged), []);
    // A model's answer is not held to it yet.
    assert.deepEqual(digestItemViolations(lifted, { quality: false }), []);
  });

  it('a face thinner than the story’s other face', () => {
    const en = item({});
    const zh = item({ language: 'zh', keyPoints: { lead: '据格点云，交易金额为 96 亿美元。', points: [] } });
    assert.deepEqual(
      thinFaceViolations([en, zh]).map((v) => v.text),
      ['zh 1 key points, en 2'],
    );
    assert.deepEqual(thinFaceViolations([en, { ...zh, keyPoints: en.keyPoints }]), []);
  });
});
