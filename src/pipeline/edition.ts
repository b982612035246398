// A day's edition: group new articles into stories, rank each story, and have the run's writer
// (the offline engine or a model, src/write/writer.ts) write its outputs, each verified against its
// sources before anyone reads it. Each output carries its verification record; what failed was
// repaired (unquoted, dropped) or withheld.

import type { ArticleWithSightings, Face } from '../article.js';
import type { AlignSentences } from '../align/recognize.js';
import { recognizeTranslations } from '../align/recognize-stage.js';
import { fail, ok, type Result } from '../errors.js';
import { rankStory } from '../rank/rank.js';
import type { Rubric } from '../rank/rubric.js';
import type { Ranking } from '../rank/ranking.js';
import type { ArticleStore } from '../store/article-store.js';
import type { ModelTranslationStore } from '../store/model-translation-store.js';
import type { StoryStore } from '../store/story-store.js';
import type { TranslationStore } from '../store/translation-store.js';
import { assignStories, getStory, listStories } from '../stories/assign.js';
import type { Story } from '../stories/story.js';
import { writtenFrom } from '../stories/written-from.js';
import type { Card, Digest, Post } from '../write/schemas.js';
import type { StoryInput } from '../write/story-analysis.js';
import type { Writer } from '../write/writer.js';

export interface EditionDeps {
  readonly articles: ArticleStore;
  readonly stories: StoryStore;
  readonly rubric: Rubric;
  /** When given, grouping is followed by translation recognition (docs/decisions/0011). */
  readonly translations?: TranslationStore;
  readonly align?: AlignSentences;
  /** Where model translations are kept (made by run and translate, shown by the site's reader). */
  readonly machineTranslations?: ModelTranslationStore;
  /** The engine that writes the outputs, chosen once for the run (src/write/writer.ts). */
  readonly writer: Writer;
}

export interface RankedStory {
  readonly story: Story;
  readonly input: StoryInput;
}

/**
 * Places every article not yet in a story (incremental; a re-run places nothing), then, with a
 * translation store, folds each newly recognised translation into its original.
 */
export async function groupNewArticles(
  deps: EditionDeps,
): Promise<Result<{ newStories: number; joined: number; translations: number }>> {
  const report = await assignStories({ articles: deps.articles, stories: deps.stories });
  if (!report.ok) return report;
  let translations = 0;
  if (deps.translations) {
    const recognised = await recognizeTranslations({
      articles: deps.articles,
      translations: deps.translations,
      now: () => new Date(),
      ...(deps.align ? { align: deps.align } : {}),
    });
    if (!recognised.ok) return recognised;
    translations = recognised.value.folded.length;
  }
  return ok({ newStories: report.value.newStories, joined: report.value.joined, translations });
}

/**
 * The latest edition's day: the latest UTC day with dated news (an article dated by its page, feed,
 * URL or dateline). Undated articles count by the day they were first seen, which is usually the
 * day of the run, so they never make that day the latest on their own; only a store with no dated
 * article at all falls back to the latest day with coverage. Null for an empty store.
 */
export async function latestDay(deps: EditionDeps): Promise<string | null> {
  try {
    return ((await deps.stories.latestDatedActivity()) ?? (await deps.stories.latestActivity()))?.slice(0, 10) ?? null;
  } catch {
    return null;
  }
}

/**
 * The days that get an edition, newest first: each day with dated news on it (undated articles
 * joining the edition of the day they were first seen when that day has one); with no dated article
 * at all, every day with coverage.
 */
export function editionDays(stories: readonly Story[]): string[] {
  const all = new Set<string>();
  const dated = new Set<string>();
  for (const s of stories) {
    for (const e of s.timeline) {
      const day = e.activityAt.slice(0, 10);
      all.add(day);
      if (e.published !== null) dated.add(day);
    }
  }
  return [...(dated.size > 0 ? dated : all)].sort().reverse();
}

/** Stories with coverage on `date`, each with its articles up to the end of that day, ranked. */
export async function storiesOfDay(deps: EditionDeps, date: string): Promise<Result<RankedStory[]>> {
  const listed = await listStories({ stories: deps.stories }, { date });
  if (!listed.ok) return listed;
  const out: RankedStory[] = [];
  for (const story of listed.value) {
    const ranked = await rankedStory(deps, story, date);
    if (ranked) out.push(ranked);
  }
  return ok(out);
}

export async function rankedStoryById(deps: EditionDeps, id: string): Promise<Result<RankedStory>> {
  const story = await getStory({ stories: deps.stories }, id);
  if (!story.ok) return story;
  const ranked = await rankedStory(deps, story.value, null);
  return ranked ? ok(ranked) : fail('not_found', `story ${id} has no stored articles`, id);
}

/**
 * As rankedStoryById for a story already listed, reusing `known` (the story as a day's edition
 * read it) when that read holds exactly the articles the whole story is written from: the same
 * articles give the same ranking, and writers that see the same input reuse its analysis.
 */
export async function rankedStoryReusing(
  deps: EditionDeps,
  story: Story,
  known: RankedStory | null,
): Promise<Result<RankedStory>> {
  if (known && known.story.id === story.id) {
    const ids = writtenFrom(story.timeline).map((e) => e.articleId);
    const have = known.input.articles;
    if (ids.length === have.length && ids.every((id, i) => have[i]!.id === id)) return ok(known);
  }
  return rankedStoryById(deps, story.id);
}

async function rankedStory(deps: EditionDeps, story: Story, date: string | null): Promise<RankedStory | null> {
  const articles = await storyArticles(deps, story, date);
  if (articles.length === 0) return null;
  const ranking: Ranking = rankStory(articles, deps.rubric);
  return { story, input: { storyId: story.id, articles, ranking } };
}

/**
 * The articles a story's outputs are written from (the read half of ranking a story; the rest is
 * pure, so `tidings serve` does it off its event loop).
 */
export async function storyArticles(
  deps: Pick<EditionDeps, 'articles'>,
  story: Story,
  date: string | null,
): Promise<ArticleWithSightings[]> {
  // A past day's edition reads only what was known by its end, so it can be regenerated unchanged.
  const until = date === null ? null : `${date}T23:59:59.999Z`;
  // A long-running story is written from its first, official and newest articles (writtenFrom),
  // so an item costs the same however many articles the story has gathered.
  const ids = writtenFrom(story.timeline.filter((e) => until === null || e.activityAt <= until)).map(
    (e) => e.articleId,
  );
  return deps.articles.getArticles(ids);
}

export async function digestFor(deps: EditionDeps, date: string, face: Face): Promise<Result<Digest>> {
  const stories = await storiesOfDay(deps, date);
  if (!stories.ok) return stories;
  return ok(
    await deps.writer.digest(
      stories.value.map((s) => s.input),
      date,
      face,
    ),
  );
}

/** An article found by `findArticle`: a stored one, or a translation folded into its original. */
export interface FoundArticle {
  readonly article: ArticleWithSightings;
  /** The original a recognised translation was folded into (decision 0011); null for a stored article. */
  readonly foldedInto: string | null;
}

/**
 * An article by its id or a unique prefix; when no stored article has it, a translation folded
 * into its original, by the id `tidings translations` prints (its record as stored). So every id
 * the CLI shows can be given back to it.
 */
export async function findArticle(
  deps: Pick<EditionDeps, 'articles' | 'translations'>,
  ref: string,
): Promise<Result<FoundArticle>> {
  const article = await deps.articles.getArticle(ref);
  if (article === 'ambiguous') return fail('bad_input', `"${ref}" matches several articles; give more characters`, ref);
  if (article !== null) return ok({ article, foldedInto: null });
  const folded = deps.translations ? await deps.translations.folded(ref) : null;
  if (folded === 'ambiguous')
    return fail('bad_input', `"${ref}" matches several folded translations; give more characters`, ref);
  if (folded !== null) return ok({ article: folded.record, foldedInto: folded.originalId });
  return fail('not_found', `no article with id "${ref}"`, ref);
}

export async function cardFor(deps: EditionDeps, articleId: string, face: Face | null): Promise<Result<Card>> {
  const found = await findArticle(deps, articleId);
  if (!found.ok) return found;
  const { article, foldedInto } = found.value;
  // A folded translation's card is written in the story of the original it was folded into.
  const story = await rankedStoryById(deps, foldedInto ?? article.id);
  const input: StoryInput = story.ok
    ? story.value.input
    : { storyId: article.id, articles: [article], ranking: rankStory([article], deps.rubric) };
  return ok(await deps.writer.card(article, input, face));
}

export async function postFor(deps: EditionDeps, storyId: string, face: Face): Promise<Result<Post>> {
  const story = await rankedStoryById(deps, storyId);
  if (!story.ok) return story;
  return ok(await deps.writer.post(story.value.input, face));
}
