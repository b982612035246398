import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFigures, figuresEqual } from '../understand/figures.js';
import {
  composeDetailPoints,
  composeFigurePoint,
  composeHeadline,
  composeProsCons,
  composeImpact,
  composeLead,
  composeTakeaway,
  eventKindOf,
  figureIn,
  storyFacts,
} from './compose.js';
import { inFaceLanguage } from './slot-check.js';
import { analyseStory } from './story-analysis.js';
import { BRIGHTLINE_ZH, brightlineStory, makeArticle, makeRanking, soloStory } from './story.fixture.js';

describe('facts first', () => {
  it('reads the kind of event from titles in either language', () => {
    assert.equal(eventKindOf(['Corvid Labs raises $320 million in Series B']), 'funding');
    assert.equal(eventKindOf(['Pallas Speech sues the SEC over AI chatbot rules']), 'lawsuit');
    // A how-to is not news about the company it runs on; "guides revenue" is not a guide.
    assert.equal(
      eventKindOf(['How to run batch inference over a million documents on Tencent, step by step']),
      'guide',
    );
    assert.equal(eventKindOf(['手把手教你在腾讯云上部署语音模型']), 'guide');
    assert.equal(eventKindOf(['Orrin Chips guides revenue higher after a record quarter']), 'other');
    assert.equal(
      eventKindOf(['StepFun’s Step-4 Swift hits 650 tokens a second and cuts input prices by 60%']),
      'price',
    );
    assert.equal(eventKindOf(['Anthropic 以 20 亿美元包下 Brightline Compute 俄亥俄园区']), 'deal');
    assert.equal(eventKindOf(['Long context, short memory: recall across nine open models']), 'other');
    // 发布 with 新规 is a rule, not a launch.
    assert.equal(eventKindOf(['工信部发布深度合成内容标识新规']), 'regulation');
    assert.equal(eventKindOf(['Corvid Labs releases Quill 2']), 'launch');
  });

  it("a regulator's rule is its act, in both faces; a company is the subject of rules", () => {
    const rule = makeArticle({
      id: 'miit-rule',
      type: 'news',
      outlet: '华东科技报',
      language: 'zh',
      title: '工信部发布深度合成内容标识新规',
      paragraphs: ['工业和信息化部发布深度合成内容标识管理新规，要求提供大模型服务的企业在上线前完成相关手续。'],
    });
    const facts = storyFacts(
      analyseStory({
        storyId: 'miit',
        articles: [rule],
        ranking: makeRanking({ independentPublishers: ['华东科技报'] }),
      }),
    );
    assert.equal(facts.kind, 'regulation');
    assert.equal(composeHeadline(facts, 'en')?.text, 'MIIT issues new rules');
    assert.equal(composeHeadline(facts, 'zh')?.text, '工业和信息化部发布新规');
  });

  it('writes a figure in the face’s style only when it reads back as the same value', () => {
    const facts = storyFacts(analyseStory(brightlineStory([BRIGHTLINE_ZH])));
    for (const f of facts.figures) {
      const en = figureIn(f, 'en');
      const back = parseFigures(en);
      assert.ok(
        back.some((g) => figuresEqual(g, f.figure)),
        `${en} = ${f.figure.surface}`,
      );
    }
    const money = facts.figures.find((f) => f.figure.kind === 'money')!;
    assert.equal(figureIn(money, 'en'), '$2 billion');
    assert.equal(figureIn(money, 'zh'), '20 亿美元');
  });

  it('composes the Chinese face of English-only coverage in Chinese, and the English face of Chinese-only coverage in English', () => {
    const zhFacts = storyFacts(analyseStory(soloStory()));
    const zhLead = composeLead(zhFacts, 'zh')!;
    assert.ok(inFaceLanguage(zhLead.text, 'zh'), zhLead.text);
    assert.equal(zhLead.kind, 'composed');
    const enFacts = storyFacts(analyseStory(brightlineStory([BRIGHTLINE_ZH])));
    const head = composeHeadline(enFacts, 'en')!;
    assert.match(head.text, /^Anthropic .*\$2 billion/);
    assert.ok(inFaceLanguage(head.text, 'en'));
  });

  it('every composed figure point names a figure and an outlet of the sources, and its span points at that figure', () => {
    const story = brightlineStory();
    const analysis = analyseStory(story);
    const facts = storyFacts(analysis);
    assert.ok(facts.figures.length >= 2);
    for (const f of facts.figures) {
      for (const face of ['en', 'zh'] as const) {
        const s = composeFigurePoint(facts, f, face);
        assert.ok(s.text.includes(f.outlet) || s.text.includes('reports'), s.text);
        const article = story.articles.find((a) => a.id === s.spans[0]!.articleId)!;
        const cited = parseFigures(article.text.slice(s.spans[0]!.start, s.spans[0]!.end))[0]!;
        assert.ok(
          parseFigures(s.text).some((g) => figuresEqual(g, cited)),
          `${s.text} carries ${cited.surface}`,
        );
      }
    }
  });

  it('impact says what changes for the audience with its driving figure; the card takeaway is about the article', () => {
    const facts = storyFacts(analyseStory(brightlineStory()));
    const investor = composeImpact(facts, 'en', 'Investor', new Set())!;
    assert.match(investor.statement.text, /\$2 billion/);
    assert.doesNotMatch(investor.statement.text, /^[A-Z]{3,}, |\bwe\b|“/);
    const takeaway = composeTakeaway(facts, 'Riverside Tech Wire', 'en')!;
    assert.match(takeaway.text, /^Riverside Tech Wire reports that /);
  });

  it('the subject is who the title says acts, even after a description, not the company the text names most', () => {
    const article = makeArticle({
      id: 'lc1',
      outlet: 'Harbor Tech Daily',
      type: 'news',
      language: 'en',
      title: 'Chinese inference-chip maker LanCore raises $500 million as domestic demand grows',
      paragraphs: [
        'LanCore Technologies has raised 3.6 billion yuan in a Series C round, the company said.',
        'Huawei dominates the market; Huawei and Cambricon sell most domestic chips, and Huawei is the benchmark.',
      ],
    });
    const facts = storyFacts(analyseStory({ storyId: 's-lc', articles: [article], ranking: makeRanking() }));
    assert.equal(facts.kind, 'funding');
    assert.match(facts.subject?.en ?? '', /^LanCore/);
    const raised = facts.figures.find((f) => f.role === 'raise');
    assert.ok(raised, JSON.stringify(facts.figures.map((f) => [f.figure.surface, f.role])));
    assert.match(composeFigurePoint(facts, raised, 'zh').text, /^据 Harbor Tech Daily，LanCore.* 融资 /);
  });
});

describe('what an editor reads', () => {
  const round = makeArticle({
    id: 'r1-en',
    outlet: 'Quayside Tech',
    type: 'news',
    language: 'en',
    title: 'Tarnwell AI raises $200 million at a $3 billion valuation',
    paragraphs: [
      'Tarnwell AI has raised $200 million in a Series B round led by Ferrow Capital, the company said.',
      'The round values Tarnwell AI at $3 billion.',
      '“We will spend most of it on inference capacity for our customers,” said Ada Kestin, Tarnwell AI’s chief executive.',
    ],
  });

  it('a Chinese count takes its measure word, watt-hours are 瓦时, and each reads back as the same figure', () => {
    for (const [text, zh] of [
      ['200,000 GPUs', '20 万块 GPU'],
      ['600 employees', '600 名员工'],
      ['1.6 Wh', '1.6 瓦时'],
    ] as const) {
      const f = parseFigures(text)[0]!;
      const written = figureIn({ figure: f, surfaces: {} }, 'zh');
      assert.equal(written, zh);
      assert.ok(figuresEqual(parseFigures(written)[0]!, f));
    }
  });

  it('a composed face says the round and who led it, and who was quoted, never their words', () => {
    const facts = storyFacts(analyseStory({ storyId: 's-r', articles: [round], ranking: makeRanking() }));
    const zh = composeDetailPoints(facts, 'zh', new Map()).map((s) => s.text);
    assert.deepEqual(zh, [
      '本轮为 B 轮，由 Ferrow Capital 领投。',
      'Quayside Tech 援引了 Ada Kestin 对此事的评论（原话见英文报道）。',
    ]);
    const en = composeDetailPoints(facts, 'en', new Map()).map((s) => s.text);
    assert.equal(en[0], 'The round is a Series B, led by Ferrow Capital.');
    assert.ok(!en.concat(zh).some((t) => t.includes('inference capacity')));
  });

  it('cons are judged about the subject, with the reason and the outlet', () => {
    const facts = storyFacts(analyseStory({ storyId: 's-r', articles: [round], ranking: makeRanking() }));
    const { cons } = composeProsCons(facts, 'en');
    assert.deepEqual(
      cons.map((s) => s.text),
      ['Bad for Tarnwell AI if growth falls short: a valuation of $3 billion sets a high bar (Quayside Tech).'],
    );
    assert.equal(cons[0]!.kind, 'composed');
    assert.match(composeProsCons(facts, 'zh').cons[0]!.text, /^若增长不及预期，对 Tarnwell AI 不利：30 亿美元的估值/);
  });
});
