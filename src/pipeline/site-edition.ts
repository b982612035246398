// The written editions the site shows (src/publish/site only lays them out): reads every day with
// stories, each day's digest in both faces, each story's item, ranking and commentary post, and
// each article's cards, as the edition's writer writes them (the configured model when there is
// one, as `tidings run` does). One story or article that fails is reported and left out; the rest
// of the site is still built.

import { type Face, FACES } from '../article.js';
import { fail, ok, type Failure, type Result } from '../errors.js';
import { publishSite, type PublishOptions, type PublishReport } from '../publish/site/publish-site.js';
import type { Faced, Gathered, SiteArticle, SiteDay, SiteStory } from '../publish/site/site-input.js';
import type { Story } from '../stories/story.js';
import type { Digest, DigestItem } from '../write/schemas.js';
import { editionDays, rankedStoryReusing, storiesOfDay, type EditionDeps, type RankedStory } from './edition.js';

export interface GatherOptions {
  readonly onProgress?: (message: string) => void;
}

/** The site of the edition: its written editions gathered from the store, laid out and written to `options.outDir`. */
export function publishEdition(deps: EditionDeps, options: PublishOptions): Promise<Result<PublishReport>> {
  return publishSite((onProgress) => gatherSite(deps, onProgress ? { onProgress } : {}), options);
}

export async function gatherSite(deps: EditionDeps, options: GatherOptions = {}): Promise<Result<Gathered>> {
  const progress = options.onProgress ?? (() => {});
  const failures: Failure[] = [];
  // Every story, not the newest 1,000 the command line lists: the site has a page for each.
  const all = await everyStory(deps);
  if (!all.ok) return all;
  // Days with dated news, newest first: undated articles never make a day (the day of the run) on their own.
  const dates = editionDays(all.value);

  const days: SiteDay[] = [];
  /** Per story: its item in each face and ranking from the newest day that carries it. */
  const latestItem = new Map<
    string,
    { en: DigestItem | null; zh: DigestItem | null; ranked: RankedStory | null; days: string[] }
  >();
  for (const [i, date] of dates.entries()) {
    progress(`day ${i + 1}/${dates.length} ${date}`);
    const day = await dayDigests(deps, date);
    if (!day.ok) {
      failures.push(day);
      continue;
    }
    days.push({ date, digest: day.value.digest });
    for (const face of FACES) {
      for (const item of day.value.digest[face].tiers.flatMap((t) => t.items)) {
        const seen = latestItem.get(item.storyId) ?? {
          en: null,
          zh: null,
          ranked: day.value.ranked.get(item.storyId) ?? null,
          days: [],
        };
        if (!seen.days.includes(date)) seen.days.push(date);
        if (seen[face] === null) seen[face] = item;
        latestItem.set(item.storyId, seen);
      }
    }
  }

  const stories: SiteStory[] = [];
  const articles: SiteArticle[] = [];
  const placed = new Set<string>();
  for (const [i, story] of all.value.entries()) {
    if (i % 25 === 0) progress(`story ${i + 1}/${all.value.length}`);
    try {
      // The newest day's read of the story is the whole story when nothing came after that day.
      const whole = await rankedStoryReusing(deps, story, latestItem.get(story.id)?.ranked ?? null);
      if (!whole.ok) {
        failures.push(whole);
        continue;
      }
      const input = whole.value.input;
      const seen = latestItem.get(story.id);
      const post = await facedOrNull(async (face) => ok(await deps.writer.post(input, face)), failures);
      stories.push({
        story,
        ranking: seen?.ranked?.input.ranking ?? input.ranking,
        item: { en: seen?.en ?? null, zh: seen?.zh ?? null },
        post,
        days: seen?.days ?? [],
      });
      for (const article of input.articles) {
        if (placed.has(article.id)) continue;
        placed.add(article.id);
        const card = await facedOrNull(async (face) => ok(await deps.writer.card(article, input, face)), failures);
        articles.push({ article, storyId: story.id, card });
      }
    } catch (error) {
      failures.push(
        fail(
          'internal_error',
          `story ${story.id} could not be prepared for the site: ${(error as Error).message}`,
          story.id,
        ),
      );
    }
  }
  // Model translations kept by run or translate: shown where no human translation exists.
  const needing = articles
    .filter((a) => a.article.bilingual === null && a.article.language !== 'other')
    .map((a) => a.article.id);
  if (deps.machineTranslations && needing.length > 0) {
    try {
      const kept = await deps.machineTranslations.forArticles(needing);
      for (const [i, a] of articles.entries()) {
        // Only articles in `needing` have kept translations here; the target is the other language.
        const t = kept.get(a.article.id)?.find((x) => x.target !== a.article.language);
        if (t) articles[i] = { ...a, machineTranslation: t };
      }
    } catch (error) {
      failures.push(
        fail(
          'store_error',
          `reading the kept model translations failed (readers show originals only): ${(error as Error).message}`,
        ),
      );
    }
  }
  return ok({ input: { days, stories, articles }, failures });
}

async function everyStory(deps: EditionDeps): Promise<Result<Story[]>> {
  try {
    return ok(await deps.stories.listStories({ date: null, limit: null }));
  } catch (error) {
    return fail('store_error', `reading stories failed: ${(error as Error).message}`);
  }
}

async function facedOrNull<T>(make: (face: Face) => Promise<Result<T>>, failures: Failure[]): Promise<Faced<T | null>> {
  const out: { en: T | null; zh: T | null } = { en: null, zh: null };
  for (const face of FACES) {
    try {
      const r = await make(face);
      if (r.ok) out[face] = r.value;
      else failures.push(r);
    } catch (error) {
      failures.push(fail('internal_error', (error as Error).message));
    }
  }
  return out;
}

/** Both faces of a day's digest from one read of the day's stories (digestFor reads them per face). */
async function dayDigests(
  deps: EditionDeps,
  date: string,
): Promise<Result<{ digest: Faced<Digest>; ranked: Map<string, RankedStory> }>> {
  const stories = await storiesOfDay(deps, date);
  if (!stories.ok) return stories;
  const ranked = new Map(stories.value.map((s) => [s.input.storyId, s]));
  const inputs = stories.value.map((s) => s.input);
  const digest: Partial<Record<Face, Digest>> = {};
  for (const face of FACES) digest[face] = await deps.writer.digest(inputs, date, face);
  return ok({ digest: { en: digest.en!, zh: digest.zh! }, ranked });
}
