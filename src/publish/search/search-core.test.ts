import type { Face } from '../../article.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSearchCore, type SearchIndex } from './search-core.js';
import { buildSearchIndex, type SearchDoc } from './write-search.js';

const core = loadSearchCore();

const DOCS: SearchDoc[] = [
  {
    lang: 'en',
    path: 'en/stories/chips.html',
    kind: 'story',
    date: '2026-03-02',
    title: 'Nvidia releases new AI chips',
    text: 'Nvidia released its new accelerators for training large language models. Cloud companies ordered them.',
  },
  {
    lang: 'zh',
    path: 'zh/stories/chips.html',
    kind: 'story',
    date: '2026-03-02',
    title: '英伟达发布新款人工智能芯片',
    text: '英伟达周二发布了用于训练大模型的新款芯片，多家云计算厂商已经下单。',
  },
  {
    lang: 'en',
    path: 'en/stories/robots.html',
    kind: 'story',
    date: '2026-03-03',
    title: 'Robot makers raise money',
    text: 'Two humanoid robot startups raised funding this week; one of them mentions chips in passing.',
  },
  {
    lang: 'zh',
    path: 'zh/cards/tw.html',
    kind: 'card',
    date: '2026-03-03',
    title: '雲端服務商擴建資料中心',
    text: '這家雲端服務商宣布擴建資料中心，以因應人工智慧訓練需求。',
  },
  {
    lang: 'en',
    path: 'en/topics/safety.html',
    kind: 'topic',
    title: 'Safety',
    text: 'Evaluations, red-teaming and the rules labs publish about model behaviour.',
  },
];
const { index } = buildSearchIndex(DOCS);

const paths = (q: string, lang: Face = 'en', idx: SearchIndex = index) =>
  core.search(idx, q, { lang }).results.map((r) => r.path);
const hits = (q: string, lang: Face = 'en') =>
  core.search(index, q, { lang }).results.map((r) => r.snippet.filter((s) => s.hit).map((s) => s.text));

describe('search core (the shipped client run in node)', () => {
  const cases: Array<{ name: string; query: string; lang?: Face; expect: string[] }> = [
    { name: 'Chinese word', query: '芯片', expect: ['zh/stories/chips.html'] },
    { name: 'Chinese word, in a longer run of Han text', query: '下单', lang: 'zh', expect: ['zh/stories/chips.html'] },
    {
      name: 'single Chinese character, title match first',
      query: '云',
      lang: 'zh',
      expect: ['zh/cards/tw.html', 'zh/stories/chips.html'],
    },
    {
      name: 'English word, title match ranks first',
      query: 'chips',
      expect: ['en/stories/chips.html', 'en/stories/robots.html'],
    },
    { name: 'English stem: releasing finds released/releases', query: 'releasing', expect: ['en/stories/chips.html'] },
    { name: 'English stem: plural query finds singular', query: 'companies', expect: ['en/stories/chips.html'] },
    { name: 'English is case- and width-blind', query: 'ＮＶＩＤＩＡ', expect: ['en/stories/chips.html'] },
    { name: 'traditional query finds simplified text', query: '雲計算', lang: 'zh', expect: ['zh/stories/chips.html'] },
    { name: 'simplified query finds traditional text', query: '云端', lang: 'zh', expect: ['zh/cards/tw.html'] },
    { name: 'every term is required', query: 'chips funding', expect: ['en/stories/robots.html'] },
    { name: 'no match', query: 'quantum', expect: [] },
    { name: 'no match for a Chinese word', query: '量子', expect: [] },
    { name: 'only punctuation', query: '!!! ... ???', expect: [] },
    { name: 'empty', query: '   ', expect: [] },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(paths(c.query, c.lang), c.expect));

  it("puts the reader's face first", () => {
    assert.deepEqual(paths('Nvidia 英伟达'.split(' ')[0]!, 'zh'), ['en/stories/chips.html']);
    const both = buildSearchIndex([
      { lang: 'en', path: 'en/a.html', kind: 'story', title: 'GPT release', text: 'GPT' },
      { lang: 'zh', path: 'zh/a.html', kind: 'story', title: 'GPT 发布', text: 'GPT' },
    ]).index;
    assert.deepEqual(paths('gpt', 'zh', both), ['zh/a.html', 'en/a.html']);
    assert.deepEqual(paths('gpt', 'en', both), ['en/a.html', 'zh/a.html']);
  });

  it('marks the matched words in the snippet, in the original spelling', () => {
    assert.deepEqual(hits('releasing'), [['released']]);
    assert.deepEqual(hits('雲計算', 'zh'), [['云计算']]);
    assert.deepEqual(hits('訓練', 'zh').sort(), [['训练'], ['訓練']].sort());
  });

  it('treats hostile query text as plain words', () => {
    for (const q of [
      '<img src=x onerror=alert(1)>',
      '.*(',
      '\\',
      '"><script>alert(1)</script>',
      '\u0000\uFFFF\uD800',
      'a'.repeat(100_000),
    ]) {
      const out = core.search(index, q, { lang: 'en' });
      assert.ok(Array.isArray(out.results), q.slice(0, 20));
    }
    // The words inside markup still match when they are in the text, and nothing else does.
    assert.deepEqual(paths('<b>chips</b>'), paths('b chips'));
    assert.deepEqual(paths('<script>'), []);
    // A long query is cut, not run whole.
    assert.ok(core.queryTerms('word '.repeat(10_000)).length <= 1);
  });

  it('stems plurals, -ing and -ed alike and leaves short words alone', () => {
    const table: Array<[string, string]> = [
      ['models', 'model'],
      ['modeling', 'model'],
      ['trained', 'train'],
      ['training', 'train'],
      ['companies', 'company'],
      ['running', 'run'],
      ['status', 'status'],
      ['its', 'its'],
      ["OpenAI's".toLowerCase(), 'openai'],
    ];
    for (const [word, stem] of table) assert.equal(core.stem(word), stem, word);
  });

  it('tokenises other scripts: kana and Hangul by pairs, Arabic and Cyrillic as words, characters beyond the BMP whole, emoji not at all', () => {
    const terms = (text: string) => core.tokenize(text).map((t) => t.t);
    assert.deepEqual(terms('ソフト'), ['ソ', 'ソフ', 'フ', 'フト', 'ト']);
    assert.deepEqual(terms('한국'), ['한', '한국', '국']);
    assert.deepEqual(terms('مرحبا Привет'), ['مرحبا', 'привет']);
    assert.deepEqual(terms('𠀋𠀍'), ['𠀋', '𠀋𠀍', '𠀍']);
    assert.deepEqual(terms('🚀🔥 launch 🎉'), ['launch']);
    const idx = buildSearchIndex([
      { lang: 'en', path: 'en/x.html', kind: 'story', title: 'Привет мир', text: 'قال مرحبا 🚀' },
    ]).index;
    assert.deepEqual(paths('ПРИВЕТ', 'en', idx), ['en/x.html']);
    assert.deepEqual(paths('مرحبا', 'en', idx), ['en/x.html']);
  });

  it('tokenises Chinese into characters and neighbour pairs with offsets into the original text', () => {
    const tokens = core.tokenize('Ａ 後來');
    assert.deepEqual(
      tokens.map((t) => t.t),
      ['a', '後', '後來', '來'],
    );
    const withMap = core.tokenize('Ａ 後來', { 後: '后', 來: '来' });
    assert.deepEqual(
      withMap.map((t) => [t.t, t.start, t.end]),
      [
        ['a', 0, 1],
        ['后', 2, 3],
        ['后来', 2, 4],
        ['来', 3, 4],
      ],
    );
  });
});

describe('search: one result per thing, labelled with the language of its text', () => {
  // One Chinese article: its reader page and its card, on both faces (four pages), and a story.
  const article = (lang: Face, kind: 'article' | 'card'): SearchDoc => ({
    lang,
    path: `${lang}/${kind === 'card' ? 'cards' : 'articles'}/a1.html`,
    kind,
    group: 'article:a1',
    date: '2026-03-02',
    title: '澜芯科技完成 C 轮融资',
    text: '澜芯科技今天宣布完成 C 轮融资，推理芯片四季度量产。',
  });
  const docs: SearchDoc[] = [
    article('en', 'article'),
    article('en', 'card'),
    article('zh', 'article'),
    article('zh', 'card'),
    {
      lang: 'en',
      path: 'en/stories/s1.html',
      kind: 'story',
      group: 'story:s1',
      date: '2026-03-02',
      title: 'LanCore raises a Series C',
      text: 'LanCore (澜芯科技) raised money for its inference chips.',
    },
  ];
  const built = buildSearchIndex(docs).index;

  it("an article met as reader page and card on both faces is one result, on the reader's face", () => {
    for (const face of ['en', 'zh'] as const) {
      const found = core.search(built, '澜芯科技', { lang: face });
      assert.equal(found.total, 2, `${face}: the article once and the story once`);
      const onArticle = found.results.filter((r) => r.path.endsWith('/a1.html'));
      assert.equal(onArticle.length, 1);
      assert.equal(onArticle[0]!.lang, face);
    }
  });

  it("a Chinese article's page on the English face is labelled Chinese; an English story English", () => {
    const found = core.search(built, '澜芯科技', { lang: 'en' });
    assert.equal(found.results.find((r) => r.path.endsWith('/a1.html'))!.textLang, 'zh');
    assert.equal(found.results.find((r) => r.kind === 'story')!.textLang, 'en');
  });

  it('an index written before groups existed (six fields) still searches, one page per result', () => {
    const old: SearchIndex = {
      ...built,
      docs: built.docs.map((d) => d.slice(0, 6) as unknown as SearchIndex['docs'][number]),
    };
    assert.equal(core.search(old, '澜芯科技', { lang: 'en' }).total, 5);
  });
});
