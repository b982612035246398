// The site's pure core on invented records (site-input.fixture.ts): the pages the layout promises,
// in both faces, with relative links that resolve; and the bad cases rendered sensibly.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'htmlparser2';
import { getElementById, getElementsByTagName, textContent } from 'domutils';
import { loadRubricFile } from '../../rank/rubric-file.js';
import type { Rubric } from '../../rank/rubric.js';
import { buildSite, type BuiltSite } from './build-site.js';
import {
  BILINGUAL_ZH,
  brannockEn,
  brannockZh,
  fixtureArticle,
  fixtureSite,
  LONG_TITLE,
  oddArticle,
} from './site-input.fixture.js';
import { digestHtml, itemForms } from './digest-html.js';
import type { SiteInput } from './site-input.js';
import type { Translation } from '../../translate/translate.js';
import { relative } from './site-paths.js';

let rubric: Rubric;
before(async () => {
  const r = await loadRubricFile();
  if (!r.ok) throw new Error(r.message);
  rubric = r.value;
});

const page = (site: BuiltSite, path: string) => {
  const p = site.pages.find((x) => x.path === path);
  assert.ok(p, `no page ${path}`);
  return p.body;
};
const text = (html: string) => textContent(parseDocument(html)).replace(/\s+/g, ' ');

/** Every relative href/src on every page points at a page of the site (or a file search or outputs write). */
function brokenLinks(site: BuiltSite): string[] {
  const paths = new Set([...site.pages.map((p) => p.path), 'assets/search.js', 'assets/search-index.js']);
  const broken: string[] = [];
  for (const p of site.pages) {
    if (!p.path.endsWith('.html')) continue;
    for (const el of getElementsByTagName(() => true, parseDocument(p.body), true)) {
      for (const attr of ['href', 'src']) {
        const url = el.attribs[attr];
        if (!url || /^[a-z]+:/i.test(url) || url.startsWith('#')) continue;
        const target = new URL(url, `file:///site/${p.path}`).pathname.slice('/site/'.length);
        if (!paths.has(target) && !/^feeds\/(en|zh)\/(rss\.xml|atom\.xml|feed\.json)$/.test(target))
          broken.push(`${p.path} → ${url}`);
      }
    }
  }
  return broken;
}

describe('buildSite', () => {
  test('relative URLs between pages', () => {
    const cases: Array<[string, string, string]> = [
      ['en/index.html', 'assets/site.css', '../assets/site.css'],
      ['en/stories/a.html', 'en/cards/b.html', '../cards/b.html'],
      ['en/stories/a.html', 'zh/stories/a.html', '../../zh/stories/a.html'],
      ['index.html', 'en/index.html', 'en/index.html'],
      ['en/days/x.html', 'en/days/y.html', 'y.html'],
    ];
    for (const [from, to, want] of cases) assert.equal(relative(from, to), want, `${from} → ${to}`);
  });

  test('every page of the layout, in both faces, with the switch to the same page in the other face', () => {
    const site = buildSite(fixtureSite(rubric, '2026-08-03', [[brannockEn, brannockZh]]));
    for (const face of ['en', 'zh'] as const) {
      const other = face === 'en' ? 'zh' : 'en';
      for (const path of [
        `${face}/index.html`,
        `${face}/days/2026-08-03.html`,
        `${face}/archive.html`,
        `${face}/stories/b4a0000000e1.html`,
        `${face}/cards/b4a0000000e1.html`,
        `${face}/articles/b4a0000000z1.html`,
        `${face}/topics/index.html`,
        `${face}/search.html`,
      ]) {
        const doc = parseDocument(page(site, path));
        const html = getElementsByTagName('html', doc)[0]!;
        assert.equal(html.attribs.lang, face === 'en' ? 'en' : 'zh-Hans', path);
        assert.ok(
          getElementsByTagName('meta', doc).some(
            (m) => m.attribs.name === 'referrer' && m.attribs.content === 'no-referrer',
          ),
          `${path}: referrer policy`,
        );
        const sw = getElementsByTagName('a', doc).find((a) => a.attribs.class === 'lang-switch')!;
        assert.equal(
          new URL(sw.attribs.href!, `file:///s/${path}`).pathname,
          `/s/${path.replace(/^(en|zh)/, other)}`,
          `${path}: switch`,
        );
      }
    }
    assert.deepEqual(brokenLinks(site), []);
  });

  test('day items carry stable ids; the home page is the latest day; search page as agreed', () => {
    const site = buildSite(fixtureSite(rubric, '2026-08-03', [[brannockEn, brannockZh], [oddArticle]]));
    for (const face of ['en', 'zh']) {
      const day = parseDocument(page(site, `${face}/days/2026-08-03.html`));
      assert.ok(getElementById('story-b4a0000000e1', day), `${face}: item id`);
      assert.ok(getElementById('story-e0d000000001', day), `${face}: item id`);
      assert.ok(getElementById('story-b4a0000000e1', parseDocument(page(site, `${face}/index.html`))));
      const search = parseDocument(page(site, `${face}/search.html`));
      for (const id of ['search-q', 'search-status', 'search-results'])
        assert.ok(getElementById(id, search), `${face}: #${id}`);
    }
    assert.ok(
      site.searchDocs.some((d) => d.lang === 'zh' && d.kind === 'story' && d.path === 'zh/stories/b4a0000000e1.html'),
    );
  });

  test('the bilingual reader pairs each paragraph with its translation; the toggle is hidden without JS', () => {
    const site = buildSite(fixtureSite(rubric, '2026-08-03', [[brannockEn, brannockZh]]));
    const doc = parseDocument(page(site, 'en/articles/b4a0000000e1.html'));
    const pairs = getElementsByTagName('div', doc).filter((d) => d.attribs.class === 'pair');
    assert.equal(pairs.length, 2);
    assert.equal(textContent(pairs[1]!.children[1]!), BILINGUAL_ZH[1]);
    const reader = getElementsByTagName('article', doc)[0]!;
    assert.equal(reader.attribs['data-layout'], 'interleaved');
    assert.ok('hidden' in getElementsByTagName('button', doc)[0]!.attribs);
    const img = getElementsByTagName('img', doc)[0]!;
    assert.equal(img.attribs.referrerpolicy, 'no-referrer');
  });

  test('a translation folded into its original stays on the story page, marked and linked to the pair', () => {
    const input = fixtureSite(rubric, '2026-08-03', [[brannockEn]]);
    const folded = {
      articleId: 'b4a0000000t1',
      originalId: brannockEn.id,
      originalOutlet: brannockEn.outlet,
      title: '布兰诺克计算将建 120 兆瓦数据中心',
      outlet: '算力译丛',
      sourceType: 'blog' as const,
      language: 'zh' as const,
      published: null,
      activityAt: '2026-08-03T11:00:00.000Z',
      url: 'https://yicong.example/brannock',
      score: 0.71,
    };
    const withTranslation: SiteInput = {
      ...input,
      stories: input.stories.map((st) => ({ ...st, story: { ...st.story, translations: [folded] } })),
    };
    const site = buildSite(withTranslation);
    for (const [face, label] of [
      ['en', 'translation of Harbor Tech Daily'],
      ['zh', '译自 Harbor Tech Daily'],
    ] as const) {
      const doc = parseDocument(page(site, `${face}/stories/${brannockEn.id}.html`));
      const row = getElementById('a-b4a0000000t1', doc);
      assert.ok(row, `${face}: a sources row for the folded translation`);
      assert.match(textContent(row), /算力译丛/);
      const link = getElementsByTagName('a', row).find((a) => textContent(a) === label);
      assert.equal(link?.attribs.href, `../articles/${brannockEn.id}.html`, `${face}: links to the original's reader`);
      const timeline = getElementById('timeline', doc)!;
      const items = getElementsByTagName('li', timeline).map((li) => textContent(li).replace(/\s+/g, ' '));
      assert.equal(items.length, 2);
      assert.match(items[1]!, new RegExp(`2026-08-03 11:00 .*算力译丛.*布兰诺克计算将建 120 兆瓦数据中心.*${label}`));
    }
    assert.deepEqual(brokenLinks(site), []);
  });

  test('a kept model translation is shown where no human one exists, marked, with a failed paragraph withheld', () => {
    const input = fixtureSite(rubric, '2026-08-03', [[brannockEn, brannockZh]]);
    const zhText = brannockZh.paragraphs;
    const machine: Translation = {
      articleId: brannockZh.id,
      source: 'zh',
      target: 'en',
      title: {
        id: 'title',
        source: brannockZh.title!,
        target: 'Brannock Compute completes its Norrland plan',
        status: 'ok',
        notes: [],
      },
      pairs: [
        {
          id: 'p1',
          source: zhText[0]!,
          target: 'Brannock Compute said on Monday it would build the site.',
          status: 'ok',
          notes: [],
        },
        { id: 'p2', source: zhText[1]!, target: zhText[1]!, status: 'failed', notes: ['a figure was lost'] },
      ],
      provider: 'openai-compatible',
      model: 'fake-model-1',
      promptVersion: 'translate-paragraphs@1',
      truncatedSource: false,
      usage: { requests: 1, cached: 0, inputTokens: 10, outputTokens: 10 },
    };
    // Offered for both articles: the English one has a human translation, which wins.
    const withMachine: SiteInput = {
      ...input,
      articles: input.articles.map((a) => ({
        ...a,
        machineTranslation: a.article.id === brannockZh.id ? machine : { ...machine, articleId: a.article.id },
      })),
    };
    const site = buildSite(withMachine);
    for (const face of ['en', 'zh'] as const) {
      const doc = parseDocument(page(site, `${face}/articles/${brannockZh.id}.html`));
      const credit = getElementsByTagName('p', doc).find((p) => /\bmachine\b/.test(p.attribs.class ?? ''));
      assert.match(
        textContent(credit!),
        face === 'en' ? /Machine translation by fake-model-1, not a human one/ : /机器翻译（fake-model-1），非人工译文/,
      );
      const pairs = getElementsByTagName('div', doc).filter((d) => d.attribs.class === 'pair');
      assert.equal(pairs.length, 2);
      assert.match(textContent(pairs[0]!), /Brannock Compute said on Monday it would build the site\./);
      const withheld = getElementsByTagName('p', pairs[1]!).find((p) => /withheld/.test(p.attribs.class ?? ''));
      assert.ok(withheld, `${face}: the failed paragraph says its translation was withheld`);
      assert.match(textContent(pairs[1]!), new RegExp(zhText[1]!.slice(0, 8)), 'the original is still shown');
      const human = text(page(site, `${face}/articles/${brannockEn.id}.html`));
      assert.doesNotMatch(human, /fake-model-1/, 'a human translation is shown before any model');
    }
  });

  const bad: Array<{ name: string; input: (r: Rubric) => SiteInput; check: (site: BuiltSite) => void }> = [
    {
      name: 'a day with no stories says so in both faces',
      input: (r) => fixtureSite(r, '2026-08-03', [[brannockEn]], ['2026-08-02']),
      check: (site) => {
        assert.match(text(page(site, 'en/days/2026-08-02.html')), /0 updates/);
        assert.match(text(page(site, 'en/days/2026-08-02.html')), /Nothing to report today/);
        assert.match(text(page(site, 'zh/days/2026-08-02.html')), /今日暂无可报道的内容/);
        assert.match(text(page(site, 'en/archive.html')), /No stories on this day/);
      },
    },
    {
      name: 'no day at all: the home page says nothing is published yet',
      input: () => ({ days: [], stories: [], articles: [] }),
      check: (site) => {
        assert.match(text(page(site, 'en/index.html')), /Nothing has been published yet/);
        assert.match(text(page(site, 'zh/index.html')), /尚无内容发布/);
        assert.deepEqual(brokenLinks(site), []);
      },
    },
    {
      name: 'an article with no translation: the reader says so and how to get one',
      input: (r) => fixtureSite(r, '2026-08-03', [[brannockEn, brannockZh]]),
      check: (site) => {
        const en = text(page(site, 'en/articles/b4a0000000z1.html'));
        assert.match(en, /No translation of this article exists yet/);
        assert.match(en, /tidings translate/);
        assert.match(en, /布兰诺克计算周一宣布/, 'the original is shown');
        assert.match(text(page(site, 'zh/articles/b4a0000000z1.html')), /本文暂无译文/);
      },
    },
    {
      name: 'a story whose sources were all withheld by verification says so',
      input: (r) => {
        const site = fixtureSite(r, '2026-08-03', [[brannockEn]]);
        const strip = <T extends { sources: unknown[] }>(i: T | null): T | null => (i ? { ...i, sources: [] } : null);
        const s = site.stories[0]!;
        const days = site.days.map((d) => ({
          ...d,
          digest: {
            en: {
              ...d.digest.en,
              tiers: d.digest.en.tiers.map((t) => ({ ...t, items: t.items.map((i) => ({ ...i, sources: [] })) })),
            },
            zh: d.digest.zh,
          },
        }));
        return { ...site, days, stories: [{ ...s, item: { en: strip(s.item.en), zh: strip(s.item.zh) } }] };
      },
      check: (site) => {
        assert.match(text(page(site, 'en/stories/b4a0000000e1.html')), /verification withheld every source/);
        assert.match(text(page(site, 'zh/stories/b4a0000000e1.html')), /来源均已撤下/);
        assert.match(text(page(site, 'en/days/2026-08-03.html')), /verification withheld every source/);
      },
    },
    {
      name: 'a 500-character title, emoji and right-to-left text are kept whole; a javascript: source URL is text',
      input: (r) => fixtureSite(r, '2026-08-03', [[oddArticle]]),
      check: (site) => {
        const reader = page(site, 'en/articles/e0d000000001.html');
        assert.ok(text(reader).includes(LONG_TITLE.trim()), 'the whole title');
        assert.match(text(reader), /👨‍👩‍👧‍👦/);
        assert.match(text(reader), /أطلقت مختبرات فيلمورا/);
        assert.match(text(reader), /Quillfeed 🚀 <b>Wire<\/b>/, 'markup in an outlet name is text');
        assert.doesNotMatch(reader, /href="javascript:/);
        assert.doesNotMatch(page(site, 'en/stories/e0d000000001.html'), /href="javascript:/);
        assert.equal(getElementsByTagName('b', parseDocument(reader)).length, 0);
      },
    },
  ];
  for (const c of bad) test(`bad input: ${c.name}`, () => c.check(buildSite(c.input(rubric))));

  test('which items a day page shows in full: highest first, while the rest still fits condensed', () => {
    const cases: Array<[string, number[], number[], number, boolean[]]> = [
      ['all fit', [10, 10, 10], [2, 2, 2], 100, [true, true, true]],
      ['none fit', [50, 50], [5, 5], 20, [false, false]],
      ['the first two fit, the rest condensed', [40, 40, 40, 40], [5, 5, 5, 5], 95, [true, true, false, false]],
      ['a big item condensed, a later small one whole', [10, 90, 10], [2, 2, 2], 30, [true, false, true]],
      ['empty day', [], [], 100, []],
    ];
    for (const [name, full, compact, budget, want] of cases)
      assert.deepEqual(itemForms(full, compact, budget), want, name);
  });

  test('a day of 90 stories is in pages under 100 KB in both faces, every item in full on exactly one page', () => {
    const many = Array.from({ length: 90 }, (_, i) => [
      fixtureArticle({
        id: `f${String(i).padStart(11, '0')}`,
        title: `Orinth Cloud ${i} leases ${100 + i}MW to Castrel Labs for $${i + 1}.5 billion`,
        language: 'en',
        outlet: `Outlet ${i % 7}`,
        published: '2026-08-03T10:00:00Z',
        paragraphs: [
          `Orinth Cloud ${i} will lease ${100 + i}MW to Castrel Labs in a deal worth $${i + 1}.5 billion, the companies said on Monday.`,
          `The campus will hold ${20 + i},000 GPUs and the first ${10 + i}MW will be ready in ${['May', 'June', 'July'][i % 3]}.`,
          '"We need power this year," said Mara Venn, who runs infrastructure at Castrel Labs.',
        ],
      }),
    ]);
    const site = buildSite(fixtureSite(rubric, '2026-08-03', many));
    for (const face of ['en', 'zh']) {
      const pages = site.pages.filter(
        (p) => p.path === `${face}/days/2026-08-03.html` || p.path.startsWith(`${face}/days/2026-08-03-page-`),
      );
      assert.ok(pages.length > 1, `${face}: ${pages.length} pages`);
      for (const p of pages) {
        assert.ok(Buffer.byteLength(p.body) < 100 * 1024, `${p.path}: ${Buffer.byteLength(p.body)} bytes`);
        assert.doesNotMatch(p.body, /class="item compact/, `${p.path}: every item in full`);
      }
      for (const [article] of many) {
        const holders = pages.filter((p) => getElementById(`story-${article!.id}`, parseDocument(p.body)));
        assert.equal(holders.length, 1, `${face}: story-${article!.id} on ${holders.length} pages`);
      }
    }
  });

  test('an item too big for a page of its own is condensed, with a link to its story page', () => {
    const input = fixtureSite(rubric, '2026-08-03', [[brannockEn, brannockZh]]);
    const day = input.days[0]!;
    for (const face of ['en', 'zh'] as const) {
      const body = digestHtml(day.digest[face], { face, from: `${face}/days/2026-08-03.html` }, 500).value;
      assert.match(body, /class="item compact tier-\d" id="story-b4a0000000e1"/);
      assert.match(text(body), face === 'en' ? /on the story page/ : /见报道页/);
    }
  });

  test('the same input gives the same bytes', () => {
    const a = buildSite(fixtureSite(rubric, '2026-08-03', [[brannockEn, brannockZh], [oddArticle]]));
    const b = buildSite(fixtureSite(rubric, '2026-08-03', [[brannockEn, brannockZh], [oddArticle]]));
    assert.deepEqual(a.pages, b.pages);
  });
});
