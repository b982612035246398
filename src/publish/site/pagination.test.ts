// Site completeness: with a month and more of coverage (3,000 stories over 40 days) every day and
// every story has a page reachable by links from the home page, the archive and the list of all
// stories are split into pages that say which part they show, and the language switch on a later
// page lands on the same page in the other face.

import { FACES } from '../../article.js';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { parseDocument } from 'htmlparser2';
import { getElementsByTagName, textContent } from 'domutils';
import type { Story } from '../../stories/story.js';
import { writeDigest } from '../../write/digest.js';
import { buildSite, type BuiltSite } from './build-site.js';
import { ARCHIVE_DAYS_PER_PAGE, paginate, STORIES_PER_PAGE } from './pagination.js';
import type { SiteInput, SiteStory } from './site-input.js';
import { paths } from './site-paths.js';
import { fixtureArticle } from './site-input.fixture.js';
import { loadRubricFile } from '../../rank/rubric-file.js';
import { rankStory } from '../../rank/rank.js';

const DAYS = 40;
const STORIES = 3_000;

function dayOf(i: number): string {
  return new Date(Date.UTC(2026, 6, 1) + i * 86_400_000).toISOString().slice(0, 10);
}

/** A generated site input: STORIES stories spread over DAYS days, newest day first, no articles. */
function generatedInput(): SiteInput {
  const dates = Array.from({ length: DAYS }, (_, i) => dayOf(i)).reverse();
  const empty = (date: string) => ({
    en: writeDigest([], { date, language: 'en' }),
    zh: writeDigest([], { date, language: 'zh' }),
  });
  const stories: SiteStory[] = Array.from({ length: STORIES }, (_, i) => {
    const date = dayOf(i % DAYS);
    const at = `${date}T${String(i % 24).padStart(2, '0')}:00:00.000Z`;
    const id = i.toString(16).padStart(12, '0');
    const story: Story = {
      id,
      title: `Generated story ${i}`,
      firstActive: at,
      lastActive: at,
      articleCount: 1,
      translations: [],
      timeline: [
        {
          articleId: `a${id.slice(1)}`,
          title: `Generated story ${i}`,
          outlet: 'Gen Wire',
          sourceType: 'news',
          language: 'en',
          published: at,
          activityAt: at,
          url: `https://gen.example/${i}`,
          score: null,
        },
      ],
    };
    return { story, ranking: null, item: { en: null, zh: null }, post: { en: null, zh: null }, days: [date] };
  });
  return { days: dates.map((date) => ({ date, digest: empty(date) })), stories, articles: [] };
}

/** Every page reachable by following relative links from `start`. */
function reachable(site: BuiltSite, start: string): Set<string> {
  const byPath = new Map(site.pages.map((p) => [p.path, p.body]));
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const from = queue.shift()!;
    const body = byPath.get(from);
    if (body === undefined || !from.endsWith('.html')) continue;
    for (const el of getElementsByTagName('a', parseDocument(body), true)) {
      const href = el.attribs.href;
      if (!href || /^[a-z]+:/i.test(href) || href.startsWith('#')) continue;
      const to = path.posix.normalize(path.posix.join(path.posix.dirname(from), href.split('#')[0]!));
      if (!seen.has(to) && byPath.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

const text = (html: string) => textContent(parseDocument(html)).replace(/\s+/g, ' ');

describe('site completeness with 3,000 stories over 40 days', () => {
  const input = generatedInput();
  const site = buildSite(input);
  const page = (p: string) => {
    const found = site.pages.find((x) => x.path === p);
    assert.ok(found, `no page ${p}`);
    return found.body;
  };

  test('paginate: every item on exactly one page, in order', () => {
    const slices = paginate(
      Array.from({ length: 250 }, (_, i) => i),
      100,
    );
    assert.deepEqual(
      slices.map((s) => [s.page, s.pages, s.first, s.last, s.total]),
      [
        [1, 3, 1, 100, 250],
        [2, 3, 101, 200, 250],
        [3, 3, 201, 250, 250],
      ],
    );
    assert.deepEqual(
      slices.flatMap((s) => s.items),
      Array.from({ length: 250 }, (_, i) => i),
    );
    assert.deepEqual(
      paginate([], 10).map((s) => [s.page, s.pages, s.first, s.last]),
      [[1, 1, 0, 0]],
    );
  });

  for (const face of FACES) {
    test(`${face}: every day and every story is reachable by links from the home page`, () => {
      const seen = reachable(site, paths.home(face));
      const missingDays = input.days.filter((d) => !seen.has(paths.day(face, d.date)));
      const missingStories = input.stories.filter((s) => !seen.has(paths.story(face, s.story.id)));
      assert.equal(
        missingDays.length,
        0,
        `unreachable days: ${missingDays
          .slice(0, 5)
          .map((d) => d.date)
          .join(', ')}`,
      );
      assert.equal(
        missingStories.length,
        0,
        `${missingStories.length} unreachable stories, e.g. ${missingStories[0]?.story.id}`,
      );
    });
  }

  test('the archive and the list of all stories say which part each page shows', () => {
    const archivePages = Math.ceil(DAYS / ARCHIVE_DAYS_PER_PAGE);
    const storyPages = Math.ceil(STORIES / STORIES_PER_PAGE);
    assert.match(text(page('en/archive.html')), /Showing days 1–30 of 40/);
    assert.match(text(page(`en/archive-${archivePages}.html`)), /Showing days 31–40 of 40/);
    assert.match(text(page('zh/archive.html')), /第 1–30 天，共 40 天/);
    assert.match(text(page('en/stories/index.html')), /Showing stories 1–100 of 3,000/);
    assert.match(text(page('en/stories/index.html')), /page 1 of 30/);
    assert.match(text(page(`en/stories/page-${storyPages}.html`)), /Showing stories 2,901–3,000 of 3,000/);
    assert.match(text(page('zh/stories/page-2.html')), /第 101–200 篇，共 3,000 篇报道/);
    assert.equal(site.pages.filter((p) => /^en\/stories\/(index|page-\d+)\.html$/.test(p.path)).length, storyPages);
    // Newest first across pages: the first page starts with the newest story.
    const newest = [...input.stories].sort((a, b) =>
      a.story.lastActive < b.story.lastActive
        ? 1
        : a.story.lastActive > b.story.lastActive
          ? -1
          : a.story.id.localeCompare(b.story.id),
    )[0]!;
    assert.ok(page('en/stories/index.html').indexOf(newest.story.id) > 0);
  });

  test('previous and next links chain the pages; the language switch lands on the same page', () => {
    const second = page('en/stories/page-2.html');
    const links = getElementsByTagName('a', parseDocument(second), true);
    assert.ok(links.some((a) => a.attribs.rel === 'prev' && a.attribs.href === 'index.html'));
    assert.ok(links.some((a) => a.attribs.rel === 'next' && a.attribs.href === 'page-3.html'));
    const sw = links.find((a) => a.attribs.class === 'lang-switch');
    assert.equal(sw?.attribs.href, '../../zh/stories/page-2.html');
    const archive2 = getElementsByTagName('a', parseDocument(page('zh/archive-2.html')), true).find(
      (a) => a.attribs.class === 'lang-switch',
    );
    assert.equal(archive2?.attribs.href, '../en/archive-2.html');
  });

  test("an audience's 250 stories are in 3 pages, each reachable and saying what it shows", async () => {
    const rubric = await loadRubricFile();
    if (!rubric.ok) throw new Error(rubric.message);
    const article = fixtureArticle({
      id: 'aud000000001',
      title: 'Generated',
      language: 'en',
      outlet: 'Gen Wire',
      published: '2026-07-01T08:00:00Z',
      paragraphs: ['Gen Wire said developers get a new SDK on Monday.'],
    });
    const ranking = { ...rankStory([article], rubric.value), audiences: ['developers'] };
    const withAudience = { ...input, stories: input.stories.map((s, i) => (i < 250 ? { ...s, ranking } : s)) };
    const built = buildSite(withAudience);
    const slug = 'developers';
    const pagesOf = built.pages.filter(
      (p) => p.path === paths.audience('en', slug) || p.path.startsWith('en/audiences/pages/'),
    );
    assert.deepEqual(pagesOf.map((p) => p.path).sort(), [
      'en/audiences/developers.html',
      'en/audiences/pages/developers-2.html',
      'en/audiences/pages/developers-3.html',
    ]);
    assert.match(text(pagesOf.find((p) => p.path.endsWith('-3.html'))!.body), /Showing stories 201–250 of 250/);
    const seen = reachable(built, paths.topics('en'));
    for (const p of pagesOf) assert.ok(seen.has(p.path), p.path);
  });

  test('a small site has one page per list and no pager', () => {
    const small = buildSite({ ...input, days: input.days.slice(0, 3), stories: input.stories.slice(0, 10) });
    assert.equal(small.pages.filter((p) => p.path.startsWith('en/archive')).length, 1);
    const all = small.pages.find((p) => p.path === 'en/stories/index.html')!;
    assert.ok(!all.body.includes('class="pager"'));
    assert.match(text(all.body), /All stories 10 stories/);
  });
});
