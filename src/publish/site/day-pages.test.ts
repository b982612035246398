// A day of hundreds of stories in pages: every page under 100 KB with every item in full, each page
// saying which items it shows, every item reachable from page 1 by the pager, every link to an item
// landing on the page that holds it, and the language switch landing on the same page.

import { FACES, type Face } from '../../article.js';
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { parseDocument } from 'htmlparser2';
import { getElementById, getElementsByTagName, textContent } from 'domutils';
import type { Element } from 'domhandler';
import { loadRubricFile } from '../../rank/rubric-file.js';
import type { Rubric } from '../../rank/rubric.js';
import type { Digest } from '../../write/schemas.js';
import { makeDigest, makeItem } from '../outputs/outputs.fixture.js';
import { buildSite, type BuiltSite } from './build-site.js';
import { DAY_ITEMS_PER_PAGE, planDay } from './day-pages.js';
import { digestHtml } from './digest-html.js';
import type { SiteDay, SiteInput } from './site-input.js';
import { fixtureArticle, fixtureSite } from './site-input.fixture.js';
import { paths } from './site-paths.js';

const DATE = '2026-08-03';
const STORIES = 300;

const COMPANIES = [
  'Orinth Cloud',
  'Castrel Labs',
  'Velmora AI',
  'Brannock Compute',
  'Quillon Systems',
  'Tessaly Robotics',
];

/** STORIES one-article stories on one day, each with figures and a quote (full items of ~3–5 KB). */
function manyStories(rubric: Rubric): SiteInput {
  const groups = Array.from({ length: STORIES }, (_, i) => {
    const who = COMPANIES[i % COMPANIES.length]!;
    const other = COMPANIES[(i + 1) % COMPANIES.length]!;
    return [
      fixtureArticle({
        id: `d${String(i).padStart(11, '0')}`,
        title: `${who} ${i} leases ${100 + i}MW to ${other} for $${(i % 40) + 1}.5 billion`,
        language: 'en',
        outlet: `Outlet ${i % 11}`,
        published: `${DATE}T${String(i % 24).padStart(2, '0')}:00:00Z`,
        paragraphs: [
          `${who} ${i} will lease ${100 + i}MW to ${other} in a deal worth $${(i % 40) + 1}.5 billion, the companies said on Monday.`,
          `The campus will hold ${20 + i},000 GPUs and the first ${10 + (i % 50)}MW will be ready in ${['May', 'June', 'July'][i % 3]}.`,
          `"We need power this year," said Mara Venn, who runs infrastructure at ${other}.`,
        ],
      }),
    ];
  });
  const site = fixtureSite(rubric, DATE, groups, ['2026-08-02']);
  // A research section of papers (capped, the rest counted), as writeDigest makes for arXiv listings.
  const research = (d: Digest): Digest => ({
    ...d,
    research: {
      items: [
        {
          storyId: 'aa0000000001',
          title: 'Sparse verifiers for long contexts',
          outlet: 'arXiv',
          url: 'https://arxiv.org/abs/2608.00001',
        },
      ],
      more: 212,
    },
  });
  const [day, ...rest] = site.days;
  return {
    ...site,
    days: [{ date: day!.date, digest: { en: research(day!.digest.en), zh: research(day!.digest.zh) } }, ...rest],
  };
}

const text = (html: string) => textContent(parseDocument(html)).replace(/\s+/g, ' ');
const anchors = (html: string): Element[] => getElementsByTagName('a', parseDocument(html), true);
/** A link's target as a site path (and its fragment), from the page it is on. */
function target(from: string, href: string): { path: string; hash: string } {
  const [file, hash = ''] = href.split('#');
  return { path: path.posix.normalize(path.posix.join(path.posix.dirname(from), file!)), hash };
}

let rubric: Rubric;
before(async () => {
  const r = await loadRubricFile();
  if (!r.ok) throw new Error(r.message);
  rubric = r.value;
});

describe(`a day of ${STORIES} stories in pages`, () => {
  let input: SiteInput;
  let site: BuiltSite;
  let byPath: Map<string, string>;
  const dayPages = (face: Face) =>
    [...byPath.keys()].filter((p) => p === paths.day(face, DATE) || p.startsWith(`${face}/days/${DATE}-page-`));
  const itemIds = (face: Face) => input.days[0]!.digest[face].tiers.flatMap((t) => t.items.map((i) => i.storyId));

  before(() => {
    input = manyStories(rubric);
    site = buildSite(input);
    byPath = new Map(site.pages.map((p) => [p.path, p.body]));
  });

  test('every page of the day, and the home page, is under 100 KB with every item in full', () => {
    for (const face of FACES) {
      const pages = dayPages(face);
      assert.ok(pages.length >= 3, `${face}: ${pages.length} pages`);
      for (const p of [...pages, paths.home(face)]) {
        const body = byPath.get(p)!;
        assert.ok(Buffer.byteLength(body) < 100 * 1024, `${p} is ${Buffer.byteLength(body)} bytes`);
        assert.doesNotMatch(body, /class="item compact/, `${p}: no item condensed`);
        const items = (body.match(/<article class="item /g) ?? []).length;
        assert.ok(items >= 1 && items <= DAY_ITEMS_PER_PAGE, `${p}: ${items} items`);
      }
    }
  });

  for (const face of FACES) {
    test(`${face}: every item is on exactly one page, reached from page 1 by the pager, in digest order`, () => {
      const order: string[] = [];
      const visited: string[] = [];
      let at: string | undefined = paths.day(face, DATE);
      while (at) {
        visited.push(at);
        const body = byPath.get(at);
        assert.ok(body, `the pager leads to ${at}, which exists`);
        order.push(...[...body.matchAll(/<article class="item [^"]*" id="story-([^"]+)"/g)].map((m) => m[1]!));
        const next = anchors(body).find((a) => a.attribs.rel === 'next');
        at = next ? target(at, next.attribs.href!).path : undefined;
        assert.ok(!at || !visited.includes(at), 'the pager never loops');
      }
      assert.deepEqual(order, itemIds(face));
      assert.deepEqual([...visited].sort(), dayPages(face).sort());
      // The numbered links reach every page from page 1 too.
      const numbered = anchors(byPath.get(paths.day(face, DATE))!)
        .filter((a) => /^\d+$/.test(textContent(a)))
        .map((a) => target(paths.day(face, DATE), a.attribs.href!).path);
      assert.deepEqual(
        [...new Set(numbered)].sort(),
        dayPages(face)
          .filter((p) => p !== paths.day(face, DATE))
          .sort(),
      );
    });
  }

  test('each page says which items it shows, in both faces; later pages say their number in the title', () => {
    const en = dayPages('en').map((p) => text(byPath.get(p)!));
    const ranges = en
      .map((t) => t.match(/Showing items ([\d,]+)–([\d,]+) of 300/))
      .map((m) => {
        assert.ok(m);
        return [Number(m[1]), Number(m[2])] as const;
      })
      .sort((a, b) => a[0] - b[0]);
    assert.equal(ranges[0]![0], 1);
    assert.equal(ranges.at(-1)![1], STORIES);
    for (let i = 1; i < ranges.length; i++)
      assert.equal(ranges[i]![0], ranges[i - 1]![1] + 1, 'pages follow on without a gap');
    assert.match(text(byPath.get(paths.day('zh', DATE, 2))!), /第 \d+–\d+ 条，共 300 条/);
    assert.match(text(byPath.get(paths.day('zh', DATE, 2))!), /第 2 页，共 \d+ 页/);
    assert.match(byPath.get(paths.day('en', DATE, 2))!, /<title>2026-08-03 AI Summary · page 2 · Tidings<\/title>/);
  });

  test('a tier split across pages says so at the end of one page and the start of the next', () => {
    let splits = 0;
    for (const face of FACES) {
      const l =
        face === 'en'
          ? { continues: 'This tier continues on the next page →', continued: '(continued)' }
          : { continues: '本级别下一页继续 →', continued: '(续)' };
      const pages = dayPages(face).length;
      for (let n = 1; n < pages; n++) {
        const here = byPath.get(paths.day(face, DATE, n))!;
        const next = byPath.get(paths.day(face, DATE, n + 1))!;
        const sections = (h: string) =>
          [...h.matchAll(/<section class="tier [^"]*"><h2>([^<]*)/g)].map((m) => m[1]!.trim());
        const last = sections(here).at(-1)!;
        const first = sections(next)[0]!;
        const continues = anchors(here).find((a) => textContent(a) === l.continues);
        if (last === first) {
          splits++;
          assert.ok(continues, `${face} page ${n}: says the tier continues`);
          assert.equal(target(paths.day(face, DATE, n), continues.attribs.href!).path, paths.day(face, DATE, n + 1));
          assert.ok(
            text(next).includes(`${first} ${l.continued}`),
            `${face} page ${n + 1}: says the tier is continued`,
          );
        } else {
          assert.equal(continues, undefined, `${face} page ${n}: a tier that ends here does not say it continues`);
        }
      }
      assert.doesNotMatch(byPath.get(paths.day(face, DATE))!, /\((continued|续)\)/, 'page 1 continues nothing');
    }
    assert.ok(splits > 0, 'the generated day has a tier across pages');
  });

  test('every link to a day item lands on the page that holds it (archive, home, story pages)', () => {
    let checked = 0;
    const dayPagePattern = /^(en|zh)\/days\//;
    for (const p of site.pages) {
      if (!p.path.endsWith('.html')) continue;
      for (const a of anchors(p.body)) {
        const href = a.attribs.href;
        if (!href || /^[a-z]+:/i.test(href) || !href.includes('#story-')) continue;
        const to = target(p.path, href);
        if (!dayPagePattern.test(to.path)) continue;
        const body = byPath.get(to.path);
        assert.ok(body, `${p.path} links to ${to.path}, which exists`);
        assert.ok(getElementById(to.hash, parseDocument(body)), `${p.path} → ${href}: the item is on that page`);
        checked++;
      }
    }
    // Each story page links its day once per face, and the archive its first headlines.
    assert.ok(checked >= 2 * STORIES, `${checked} links checked`);
    const late = input.days[0]!.digest.en.tiers.flatMap((t) => t.items).at(-1)!.storyId;
    const storyLinks = anchors(byPath.get(paths.story('en', late))!)
      .map((a) => a.attribs.href!)
      .filter((h) => h.includes('#story-'));
    assert.ok(
      storyLinks.some((h) => h.includes(`${DATE}-page-`)),
      `the last item's story page links a later page: ${storyLinks.join(' ')}`,
    );
  });

  test('the language switch on page N goes to page N of the other face, which holds the same items', () => {
    for (const face of FACES) {
      const other = face === 'en' ? 'zh' : 'en';
      for (const p of dayPages(face)) {
        const sw = anchors(byPath.get(p)!).find((a) => a.attribs.class === 'lang-switch')!;
        const to = target(p, sw.attribs.href!).path;
        assert.equal(to, p.replace(/^(en|zh)\//, `${other}/`));
        const ids = (h: string) => [...h.matchAll(/ id="story-([^"]+)"/g)].map((m) => m[1]!);
        assert.deepEqual(ids(byPath.get(to)!), ids(byPath.get(p)!), `${p} and ${to} hold the same items`);
      }
    }
  });

  test('the home page is page 1 of the latest day and links to its page 2', () => {
    for (const face of FACES) {
      const home = byPath.get(paths.home(face))!;
      const next = anchors(home).find((a) => a.attribs.rel === 'next');
      assert.ok(next, `${face}: the home page has a next page`);
      assert.equal(target(paths.home(face), next.attribs.href!).path, paths.day(face, DATE, 2));
      const ids = (h: string) => [...h.matchAll(/<article class="item [^"]*" id="story-([^"]+)"/g)].map((m) => m[1]!);
      assert.deepEqual(ids(home), ids(byPath.get(paths.day(face, DATE))!));
    }
  });

  test('the research section is on page 1 only, with its count of the papers left out', () => {
    for (const face of FACES) {
      const pages = dayPages(face);
      const withResearch = pages.filter((p) => byPath.get(p)!.includes('<section class="research">'));
      assert.deepEqual(withResearch, [paths.day(face, DATE)]);
      assert.match(text(byPath.get(paths.day(face, DATE))!), face === 'en' ? /and 212 more papers/ : /另有 212 篇论文/);
      assert.ok(byPath.get(paths.home(face))!.includes('<section class="research">'));
    }
  });

  test('search finds an item on the page that holds it: one document per page of the day', () => {
    for (const face of FACES) {
      const docs = site.searchDocs.filter((d) => d.kind === 'digest' && d.date === DATE && d.lang === face);
      assert.deepEqual(docs.map((d) => d.path).sort(), dayPages(face).sort());
      for (const item of input.days[0]!.digest[face].tiers.flatMap((t) => t.items)) {
        const holders = docs.filter((d) => d.text.includes(`${item.headline}\n`));
        assert.equal(holders.length, 1, `${face}: "${item.headline}" in one page's document`);
        assert.ok(getElementById(`story-${item.storyId}`, parseDocument(byPath.get(holders[0]!.path)!)));
      }
    }
  });

  test('a small day is one page at its path, with no pager', () => {
    for (const face of FACES) {
      const small = byPath.get(paths.day(face, '2026-08-02'))!;
      assert.doesNotMatch(small, /class="pager"/);
      assert.ok(!byPath.has(paths.day(face, '2026-08-02', 2)));
    }
  });
});

describe('planDay', () => {
  const day = (ids: string[], zhIds = ids): SiteDay => ({
    date: DATE,
    digest: {
      en: makeDigest(
        'en',
        DATE,
        ids.map((id) => makeItem('en', id, `Story ${id}`)),
      ),
      zh: makeDigest(
        'zh',
        DATE,
        zhIds.map((id) => makeItem('zh', id, `报道 ${id}`)),
      ),
    },
  });

  test('an empty or small day is one page', () => {
    assert.equal(planDay(day([])).pages, 1);
    const p = planDay(day(['a', 'b', 'c']));
    assert.equal(p.pages, 1);
    assert.deepEqual(['a', 'b', 'c'].map(p.pageOf), [1, 1, 1]);
  });

  test('at most perPage items a page, in order', () => {
    const ids = Array.from({ length: 7 }, (_, i) => `s${i}`);
    const p = planDay(day(ids), { perPage: 3 });
    assert.equal(p.pages, 3);
    assert.deepEqual(ids.map(p.pageOf), [1, 1, 1, 2, 2, 2, 3]);
  });

  test('a page closes when the next item would pass the byte budget; one item too big for any page has a page of its own', () => {
    const ids = Array.from({ length: 6 }, (_, i) => `s${i}`);
    const one = Buffer.byteLength(
      digestHtml(makeDigest('zh', DATE, [makeItem('zh', 's0', '报道 s0')]), {
        face: 'zh',
        from: paths.day('zh', DATE, 2),
      }).value,
    );
    const p = planDay(day(ids), { budget: Math.floor(one * 2.2) });
    assert.ok(p.pages >= 3, `${p.pages} pages`);
    const counts = Array.from({ length: p.pages }, (_, i) => ids.filter((id) => p.pageOf(id) === i + 1).length);
    assert.ok(
      counts.every((c) => c >= 1 && c <= 2),
      counts.join(','),
    );
    assert.equal(planDay(day(ids), { budget: 10 }).pages, 6);
  });

  test('page 1 gives the research section its room', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `s${i}`);
    const one = Buffer.byteLength(
      digestHtml(makeDigest('zh', DATE, [makeItem('zh', 's0', '报道 s0')]), {
        face: 'zh',
        from: paths.day('zh', DATE, 2),
      }).value,
    );
    const plain = day(ids);
    const papers: Digest['research'] = {
      items: Array.from({ length: 10 }, (_, i) => ({
        storyId: `p${i}`,
        title: `Paper ${i} ${'on sparse verifiers '.repeat(20)}`,
        outlet: 'arXiv',
        url: `https://arxiv.org/abs/2608.0000${i}`,
      })),
      more: 3,
    };
    const withPapers: SiteDay = {
      date: DATE,
      digest: { en: { ...plain.digest.en, research: papers }, zh: { ...plain.digest.zh, research: papers } },
    };
    const onPage = (p: ReturnType<typeof planDay>, n: number) => ids.filter((id) => p.pageOf(id) === n).length;
    const budget = one * 4;
    assert.ok(
      onPage(planDay(withPapers, { budget }), 1) < onPage(planDay(plain, { budget }), 1),
      'fewer items on page 1 beside the papers',
    );
  });

  test('an item too big for any page is condensed on a page of its own; the page stays under 100 KB', () => {
    const items = (face: Face) =>
      Array.from({ length: 30 }, (_, i) =>
        makeItem(
          face,
          `s${i}`,
          `Story ${i}`,
          i === 7 ? { recommendation: 'Watch the next filing closely. '.repeat(4_000) } : {},
        ),
      );
    const big: SiteInput = {
      days: [
        { date: DATE, digest: { en: makeDigest('en', DATE, items('en')), zh: makeDigest('zh', DATE, items('zh')) } },
      ],
      stories: [],
      articles: [],
    };
    const built = buildSite(big);
    for (const face of FACES) {
      const pages = built.pages.filter((p) => p.kind === 'day');
      const holder = pages.find((p) => p.path.startsWith(face) && p.body.includes('id="story-s7"'))!;
      assert.match(holder.body, /class="item compact tier-\d" id="story-s7"/);
      assert.equal((holder.body.match(/<article class="item /g) ?? []).length, 1, 'alone on its page');
      for (const p of pages)
        assert.ok(Buffer.byteLength(p.body) < 100 * 1024, `${p.path}: ${Buffer.byteLength(p.body)} bytes`);
      assert.equal(
        pages.filter((p) => p.path.startsWith(face) && /class="item compact/.test(p.body)).length,
        1,
        'no other item condensed',
      );
    }
  });

  test('both faces share one plan by story id; an item only one face has still gets a page', () => {
    const p = planDay(day(['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd', 'e']), { perPage: 2 });
    assert.deepEqual(['a', 'b', 'c', 'd', 'e'].map(p.pageOf), [1, 1, 2, 2, 3]);
  });
});
