// The site's pure core: edition records in, pages and search documents out. No I/O; the same
// input gives the same bytes. src/pipeline/site-edition.ts reads and writes the records; write-site.ts
// writes the pages.

import { FACES, type Face } from '../../article.js';
import { SITE_CSS, SITE_JS } from './assets.js';
import { cardPage, readerPage, articleTitle } from './article-pages.js';
import type { SafeHtml } from './html.js';
import {
  allStoriesBody,
  archiveBody,
  audienceBody,
  chooserPage,
  dayBody,
  dayText,
  emptyHome,
  searchBody,
  topicBody,
  topicsIndexBody,
  type Audience,
  type Topic,
} from './index-pages.js';
import { pageShell } from './page-shell.js';
import { dayItemPath, planDay } from './day-pages.js';
import { ARCHIVE_DAYS_PER_PAGE, paginate, STORIES_PER_PAGE } from './pagination.js';
import { SITE_LABELS } from './site-labels.js';
import type { Page, PageKind, SearchDoc, SiteArticle, SiteInput, SiteStory } from './site-input.js';
import { paths, slugOf } from './site-paths.js';
import { storyTopics, type TopicRef } from '../outputs/publish-input.js';
import { storyPage, storyTitle } from './story-page.js';
import { LABELS, audienceName } from '../../write/labels.js';

export interface BuiltSite {
  readonly pages: readonly Page[];
  readonly searchDocs: readonly SearchDoc[];
  readonly topics: readonly Topic[];
  readonly audiences: readonly Audience[];
}

export const DEFAULT_SITE_NAME = 'Tidings';

/** An article's topics from its two cards (the same entities in the same order, named per face). */
export function articleTopics(a: SiteArticle): TopicRef[] {
  const en = a.card.en?.topics ?? a.card.zh?.topics ?? [];
  return storyTopics(en, a.card.zh?.topics ?? en);
}

/** Every topic the cards carry, with its stories and articles; most stories first. */
export function topicsOf(input: SiteInput): Topic[] {
  const bySlug = new Map<string, { name: TopicRef['name']; stories: Set<string>; articles: Set<string> }>();
  for (const a of input.articles) {
    for (const ref of articleTopics(a)) {
      const t = bySlug.get(ref.slug) ?? { name: ref.name, stories: new Set<string>(), articles: new Set<string>() };
      if (a.storyId) t.stories.add(a.storyId);
      t.articles.add(a.article.id);
      bySlug.set(ref.slug, t);
    }
  }
  return [...bySlug.entries()]
    .map(([slug, t]) => ({ slug, name: t.name, storyIds: [...t.stories].sort(), articleIds: [...t.articles].sort() }))
    .sort((x, y) => y.storyIds.length - x.storyIds.length || x.slug.localeCompare(y.slug));
}

export function audiencesOf(input: SiteInput): Audience[] {
  const byName = new Map<string, Set<string>>();
  for (const s of input.stories) {
    const names = new Set([...(s.ranking?.audiences ?? []), ...(s.item.en?.impact.map((i) => i.audience) ?? [])]);
    for (const name of names) byName.set(name, (byName.get(name) ?? new Set()).add(s.story.id));
  }
  for (const a of input.articles)
    for (const name of a.card.en?.bestFor ?? []) if (!byName.has(name)) byName.set(name, new Set());
  return [...byName.entries()]
    .map(([name, ids]) => ({ slug: slugOf(name), name, storyIds: [...ids].sort() }))
    .sort((x, y) => x.name.localeCompare(y.name));
}

/** Newest activity first, so lists lead with what just happened. */
function byLatest(a: SiteStory, b: SiteStory): number {
  return a.story.lastActive < b.story.lastActive
    ? 1
    : a.story.lastActive > b.story.lastActive
      ? -1
      : a.story.id.localeCompare(b.story.id);
}

/** A later page of a list says which page it is in its title. */
function pageTitle(title: string, page: number, face: Face): string {
  return page <= 1 ? title : `${title} · ${SITE_LABELS[face].pageNumber(page)}`;
}

export function buildSite(input: SiteInput): BuiltSite {
  const siteName = input.siteName ?? DEFAULT_SITE_NAME;
  const pages: Page[] = [];
  const docs: SearchDoc[] = [];
  const page = (
    kind: PageKind,
    face: Face,
    path: string,
    title: string,
    body: SafeHtml,
    extra: { scripts?: string[]; bodyClass?: string } = {},
  ) =>
    pages.push({
      path,
      kind,
      body: pageShell({
        face,
        path,
        title,
        siteName,
        body,
        ...extra,
        ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}),
      }),
    });

  pages.push({ path: 'index.html', kind: 'chooser', body: chooserPage(siteName) });
  pages.push({ path: 'assets/site.css', kind: 'asset', body: SITE_CSS });
  pages.push({ path: 'assets/site.js', kind: 'asset', body: SITE_JS });

  const topics = topicsOf(input);
  const audiences = audiencesOf(input);
  const storyById = new Map(input.stories.map((s) => [s.story.id, s]));
  const articleIds = new Set(input.articles.map((a) => a.article.id));
  const articleById = new Map(input.articles.map((a) => [a.article.id, a]));
  const storiesOf = (ids: readonly string[]) =>
    ids
      .map((id) => storyById.get(id))
      .filter((s): s is SiteStory => s !== undefined)
      .sort(byLatest);
  const allStories = [...input.stories].sort(byLatest);
  // Each day's pages, one plan for both faces: every link to a day's item goes to the page that holds it.
  const plans = new Map(input.days.map((d) => [d.date, planDay(d)]));

  for (const face of FACES) {
    const l = SITE_LABELS[face];
    const latest = input.days[0];
    // The latest day's page 1 is the home page; its pager leads to the day's later pages.
    if (latest)
      page(
        'home',
        face,
        paths.home(face),
        `${latest.date} ${LABELS[face].aiSummary}`,
        dayBody(latest, face, paths.home(face), true, plans.get(latest.date)!),
        { bodyClass: 'page-digest' },
      );
    else page('home', face, paths.home(face), LABELS[face].aiSummary, emptyHome(face));
    for (const day of input.days) {
      const plan = plans.get(day.date)!;
      for (let n = 1; n <= plan.pages; n++) {
        const path = paths.day(face, day.date, n);
        const title = pageTitle(`${day.date} ${LABELS[face].aiSummary}`, n, face);
        page('day', face, path, title, dayBody(day, face, path, false, plan, n), { bodyClass: 'page-digest' });
        // One search document per page, so a hit lands on the page that has the text.
        docs.push({
          lang: face,
          path,
          title,
          kind: 'digest',
          group: `day:${day.date}:${n}`,
          date: day.date,
          text: dayText(day.digest[face], (id) => plan.pageOf(id) === n),
        });
      }
    }
    // Every day and every story has a page reachable by links: the archive and the list of all
    // stories are split into pages, each saying which part it shows.
    for (const slice of paginate(input.days, ARCHIVE_DAYS_PER_PAGE)) {
      page(
        'archive',
        face,
        paths.archive(face, slice.page),
        pageTitle(l.archive, slice.page, face),
        archiveBody(slice, face, plans),
      );
    }
    for (const slice of paginate(allStories, STORIES_PER_PAGE)) {
      page(
        'archive',
        face,
        paths.allStories(face, slice.page),
        pageTitle(l.allStories, slice.page, face),
        allStoriesBody(slice, face),
      );
    }
    for (const s of input.stories) {
      const built = storyPage(s, face, siteName, articleIds, (date) =>
        dayItemPath(plans.get(date), face, date, s.story.id),
      );
      page('story', face, built.path, built.title, built.body, { bodyClass: 'page-story' });
      docs.push({
        lang: face,
        path: built.path,
        title: built.title,
        kind: 'story',
        group: `story:${s.story.id}`,
        ...(s.days[0] ? { date: s.days[0] } : {}),
        text: built.text,
      });
    }
    for (const a of input.articles) {
      const card = cardPage(a, face, siteName, { articles: articleIds, topics: articleTopics(a) });
      if (card) {
        page('card', face, card.path, card.title, card.body, { bodyClass: 'page-card' });
        docs.push({
          lang: face,
          path: card.path,
          title: card.title,
          kind: 'card',
          group: `article:${a.article.id}`,
          ...(a.article.published ? { date: a.article.published.slice(0, 10) } : {}),
          text: card.text,
        });
      }
      const reader = readerPage(a, face);
      page('article', face, reader.path, reader.title, reader.body, { bodyClass: 'page-reader' });
      docs.push({
        lang: face,
        path: reader.path,
        title: reader.title,
        kind: 'article',
        group: `article:${a.article.id}`,
        ...(a.article.published ? { date: a.article.published.slice(0, 10) } : {}),
        text: reader.text,
      });
    }
    page('topics', face, paths.topics(face), l.topics, topicsIndexBody(topics, audiences, face));
    for (const t of topics) {
      const cards = t.articleIds
        .map((id) => articleById.get(id))
        .filter((a) => a !== undefined)
        .map((a) => ({ id: a.article.id, title: articleTitle(a, face) }));
      const stories = storiesOf(t.storyIds);
      for (const slice of paginate(stories, STORIES_PER_PAGE)) {
        page(
          'topic',
          face,
          paths.topic(face, t.slug, slice.page),
          pageTitle(t.name[face], slice.page, face),
          topicBody(t, slice, cards, face),
        );
      }
      docs.push({
        lang: face,
        path: paths.topic(face, t.slug),
        title: t.name[face],
        kind: 'topic',
        group: `topic:${t.slug}`,
        text: [t.name[face], ...stories.map((s) => storyTitle(s, face))].join('\n'),
      });
    }
    for (const a of audiences) {
      const stories = storiesOf(a.storyIds);
      const title = audienceName(a.name, face);
      for (const slice of paginate(stories, STORIES_PER_PAGE)) {
        page(
          'audience',
          face,
          paths.audience(face, a.slug, slice.page),
          pageTitle(title, slice.page, face),
          audienceBody(a, slice, face),
        );
      }
      docs.push({
        lang: face,
        path: paths.audience(face, a.slug),
        title,
        kind: 'audience',
        group: `audience:${a.slug}`,
        text: [title, ...stories.slice(0, 20).map((s) => storyTitle(s, face))].join('\n'),
      });
    }
    page('search', face, paths.search(face), l.search, searchBody(face), {
      scripts: ['assets/search-index.js', 'assets/search.js'],
    });
  }
  return { pages, searchDocs: docs, topics, audiences };
}
