// The writer: what turns ranked stories into the outputs a reader sees (a day's digest, an article's
// card, a story's commentary post), every output verified against its sources before it is
// returned. Two engines: the offline engine here (extractive, deterministic) and the model engine
// (src/write/llm/model-engine.ts), which falls back to this one when a model's answer cannot be used.
// The engine is chosen once, where a run's dependencies are built (src/cli/app.ts); the pipeline
// and the site only ever see a Writer.

import type { ArticleWithSightings, Face } from '../article.js';
import { sourcesOf } from '../verify/sources-of.js';
import { verified } from '../verify/verified.js';
import { writeCard } from './card.js';
import { writeDigest } from './digest.js';
import { cardFields, digestItemFields, postFields } from './output-fields.js';
import { writePost } from './post.js';
import type { Card, Digest, DigestItem, Post } from './schemas.js';
import type { StoryInput } from './story-analysis.js';

export interface Writer {
  /** Which engine writes: 'offline', or 'model' (falling back to the offline engine item by item). */
  readonly engine: 'offline' | 'model';
  /** The day's digest from its ranked stories: the offline engine fixes the order and tiers. */
  digest(stories: readonly StoryInput[], date: string, face: Face): Promise<Digest>;
  /**
   * The card of one article, written with the ranked story it belongs to (a story of that article
   * alone when it is in none). Face null: the article's own language.
   */
  card(article: ArticleWithSightings, story: StoryInput, face: Face | null): Promise<Card>;
  /** The commentary post on one ranked story. */
  post(story: StoryInput, face: Face): Promise<Post>;
}

/** The offline engine: extractive, deterministic, no model; every output verified. */
export const offlineWriter: Writer = {
  engine: 'offline',
  digest: async (stories, date, face) => verifiedDigest(stories, date, face),
  card: async (article, story, face) => verifiedCard(article, story, face),
  post: async (story, face) => verifiedPost(story, face),
};

/** A digest item verified against the articles of its story. */
export function verifiedDigestItem(item: DigestItem, articles: readonly ArticleWithSightings[]): DigestItem {
  return verified(item, digestItemFields(item), sourcesOf(articles));
}

/** The offline engine's digest, synchronously (`tidings serve` writes it in a worker thread). */
export function verifiedDigest(stories: readonly StoryInput[], date: string, face: Face): Digest {
  const digest = writeDigest(stories, { date, language: face });
  const byId = new Map(stories.map((s) => [s.storyId, s.articles]));
  return {
    ...digest,
    tiers: digest.tiers.map((t) => ({
      ...t,
      items: t.items.map((item) => verifiedDigestItem(item, byId.get(item.storyId) ?? [])),
    })),
  };
}

/** The offline engine's card, synchronously (`tidings serve` writes it in a worker thread). */
export function verifiedCard(article: ArticleWithSightings, story: StoryInput, face: Face | null): Card {
  const card = writeCard(article, story, face ? { language: face } : {});
  // The summary comes from the card's own article; its practical pointers may name the story's
  // other coverage, so the card is checked against the articles of its story.
  return verified(
    card,
    cardFields(card),
    sourcesOf(story.articles.some((a) => a.id === article.id) ? story.articles : [article, ...story.articles]),
  );
}

/** The offline engine's post. */
export function verifiedPost(story: StoryInput, face: Face): Post {
  const post = writePost(story, face);
  return verified(post, postFields(post), sourcesOf(story.articles));
}
