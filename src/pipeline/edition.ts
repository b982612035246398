// A day's edition: group new articles into stories, rank each story, write its outputs with the
// offline engine, and verify every output against its sources before anyone reads it. Each output
// carries its verification record; what failed was repaired (unquoted, dropped) or withheld.

import { outletName, publicUrl, translationCredits, type ArticleWithSightings, type Face } from '../article.js';
import type { AlignSentences } from '../align/recognize.js';
import { recognizeTranslations } from '../align/recognize-stage.js';
import { fail, ok, type Result } from '../errors.js';
import { rankStory } from '../rank/rank.js';
import type { Rubric } from '../rank/rubric.js';
import type { Ranking } from '../rank/ranking.js';
import type { ArticleStore } from '../store/article-store.js';
import type { StoryStore } from '../store/story-store.js';
import type { TranslationStore } from '../store/translation-store.js';
import { assignStories, getStory, listStories } from '../stories/assign.js';
import type { Story } from '../stories/story.js';
import { writtenFrom } from '../stories/written-from.js';
import type { SourceText } from '../verify/grounding.js';
import { repairOutput, verifyOutput } from '../verify/verify-output.js';
import { applyFields } from '../write/apply-fields.js';
import { writeCard } from '../write/card.js';
import { digestItemFields, cardFields, postFields, type OutputField } from '../write/output-fields.js';
import { writePost } from '../write/post.js';
import { writeDigest } from '../write/digest.js';
import type { Card, Digest, DigestItem, Post, Verification } from '../write/schemas.js';
import type { StoryInput } from '../write/story-analysis.js';
import type { ModelTranslationStore } from '../store/model-translation-store.js';

export interface EditionDeps {
  readonly articles: ArticleStore;
  readonly stories: StoryStore;
  readonly rubric: Rubric;
  /** When given, grouping is followed by translation recognition (docs/decisions/0011). */
  readonly translations?: TranslationStore;
  readonly align?: AlignSentences;
  /** Where model translations are kept (made by run and translate, shown by the site's reader). */
  readonly machineTranslations?: ModelTranslationStore;
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

/** The texts an output about these articles may rest on: each article, and its translation if any. */
export function sourcesOf(articles: readonly ArticleWithSightings[]): SourceText[] {
  const out: SourceText[] = [];
  for (const a of articles) {
    const label = outletName(a);
    const url = publicUrl(a.url);
    out.push({
      id: a.id,
      label,
      text: [a.title ?? '', a.text].filter(Boolean).join('\n\n'),
      ...(url === null ? {} : { url }),
    });
    if (a.bilingual) {
      // The other language's side: Chinese for an English original, English for a Chinese one.
      const side = a.language === 'zh' ? 'en' : 'zh';
      const title = side === 'zh' ? a.bilingual.titleZh : a.bilingual.titleEn;
      const text = [title ?? '', ...a.bilingual.pairs.map((p) => p[side])].filter(Boolean).join('\n\n');
      // Credited to the translation's outlet when a translation sighting names it (a folded page or article).
      const by = translationCredits(a.sightings).find((s) => s.outlet);
      const byUrl = publicUrl(by?.url) ?? url;
      out.push({
        id: `${a.id}#${side}`,
        label: by?.outlet ? `${by.outlet} (translation of ${label})` : `${label} (translation)`,
        text,
        ...(byUrl === null ? {} : { url: byUrl }),
      });
    }
  }
  return out;
}

/** Verifies an output's fields against its sources, repairs what fails, and records both. */
export function verified<T extends { verification?: Verification }>(
  output: T,
  fields: readonly OutputField[],
  sources: readonly SourceText[],
): T {
  const report = verifyOutput(fields, sources);
  const sentences = report.fields.reduce((n, f) => n + f.sentences.length, 0);
  const problems = report.problems.map((p) => ({ path: p.path, kind: p.kind, surface: p.surface, message: p.message }));
  if (report.ok) return { ...output, verification: { ok: true, sentences, problems: [], repairs: [] } };
  const repaired = repairOutput(fields, report);
  const fixed = applyFields(output, fields, repaired.fields);
  return { ...fixed, verification: { ok: false, sentences, problems, repairs: repaired.actions } };
}

export function verifiedDigestItem(item: DigestItem, articles: readonly ArticleWithSightings[]): DigestItem {
  return verified(item, digestItemFields(item), sourcesOf(articles));
}

export async function digestFor(deps: EditionDeps, date: string, face: Face): Promise<Result<Digest>> {
  const stories = await storiesOfDay(deps, date);
  if (!stories.ok) return stories;
  return ok(
    verifiedDigest(
      stories.value.map((s) => s.input),
      date,
      face,
    ),
  );
}

/** The pure half of digestFor: the day's digest written from its ranked stories, verified. */
export function verifiedDigest(inputs: readonly StoryInput[], date: string, face: Face): Digest {
  const digest = writeDigest(inputs, { date, language: face });
  const byId = new Map(inputs.map((s) => [s.storyId, s.articles]));
  return {
    ...digest,
    tiers: digest.tiers.map((t) => ({
      ...t,
      items: t.items.map((item) => verifiedDigestItem(item, byId.get(item.storyId) ?? [])),
    })),
  };
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
  return ok(verifiedCard(article, input, face));
}

/** The pure half of cardFor: an article's card written with its ranked story, verified. */
export function verifiedCard(article: ArticleWithSightings, input: StoryInput, face: Face | null): Card {
  const card = writeCard(article, input, face ? { language: face } : {});
  // The summary comes from the card's own article; its practical pointers may name the story's
  // other coverage, so the card is checked against the articles of its story.
  return verified(
    card,
    cardFields(card),
    sourcesOf(input.articles.some((a) => a.id === article.id) ? input.articles : [article, ...input.articles]),
  );
}

export async function postFor(deps: EditionDeps, storyId: string, face: Face): Promise<Result<Post>> {
  const story = await rankedStoryById(deps, storyId);
  if (!story.ok) return story;
  const post = writePost(story.value.input, face);
  return ok(verified(post, postFields(post), sourcesOf(story.value.input.articles)));
}
