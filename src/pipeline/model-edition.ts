// A day's edition written by a configured model: the offline engine still decides which stories,
// in which tiers, with which confidence and sources; the model writes the analysis in the face's
// own language. Each item is verified (one correction round, then repair) or falls back to the
// offline item, marked. Without a model the offline edition (edition.ts) is used unchanged.

import type { Face } from '../article.js';
import { ok, type Result } from '../errors.js';
import type { LlmClient } from '../llm/client.js';
import { writeCard } from '../write/card.js';
import { writeDigest } from '../write/digest.js';
import { writeCardWithModel, writeDigestItemWithModel, writePostWithModel } from '../write/llm/engine.js';
import { writePost } from '../write/post.js';
import type { Card, Digest, Post } from '../write/schemas.js';
import type { StoryInput } from '../write/story-analysis.js';
import { rankStory } from '../rank/rank.js';
import { LABELS } from '../write/labels.js';
import { humanTranslationView } from '../write/story-analysis.js';
import {
  cardFor,
  findArticle,
  postFor,
  rankedStoryById,
  storiesOfDay,
  verifiedDigestItem,
  type EditionDeps,
} from './edition.js';

export interface ModelWriting {
  readonly client: LlmClient;
}

export async function digestWithModel(
  deps: EditionDeps,
  date: string,
  face: Face,
  model: ModelWriting,
): Promise<Result<Digest>> {
  const stories = await storiesOfDay(deps, date);
  if (!stories.ok) return stories;
  // The offline digest fixes the order and tiers; the model rewrites each item's analysis.
  const offline = writeDigest(
    stories.value.map((s) => s.input),
    { date, language: face },
  );
  const byId = new Map(stories.value.map((s) => [s.input.storyId, s.input]));
  const tiers: Digest['tiers'] = [];
  for (const group of offline.tiers) {
    const items: Digest['tiers'][number]['items'] = [];
    for (const item of group.items) {
      const input = byId.get(item.storyId)!;
      // A human translation is the face's text where the story has no coverage in its language: no model.
      if (item.notice === LABELS[face].noticeHumanTranslation) {
        items.push({ ...verifiedDigestItem(item, input.articles), engine: 'offline' });
        continue;
      }
      const written = await writeDigestItemWithModel(input, face, { client: model.client, offline: () => item });
      items.push(written.item);
    }
    tiers.push({ ...group, items });
  }
  return ok({ ...offline, tiers });
}

export async function cardWithModel(
  deps: EditionDeps,
  articleId: string,
  face: Face | null,
  model: ModelWriting,
): Promise<Result<Card>> {
  const found = await findArticle(deps, articleId);
  if (!found.ok) return found;
  const { article, foldedInto } = found.value;
  const story = await rankedStoryById(deps, foldedInto ?? article.id);
  const input: StoryInput = story.ok
    ? story.value.input
    : { storyId: article.id, articles: [article], ranking: rankStory([article], deps.rubric) };
  const chosen: Face = face ?? (article.language === 'zh' ? 'zh' : 'en');
  if (humanTranslationView(article, chosen)) return cardFor(deps, article.id, chosen);
  const written = await writeCardWithModel(article, input, chosen, {
    client: model.client,
    offline: () => writeCard(article, input, { language: chosen }),
  });
  return ok(written.card);
}

export async function postWithModel(
  deps: EditionDeps,
  storyId: string,
  face: Face,
  model: ModelWriting,
): Promise<Result<Post>> {
  const story = await rankedStoryById(deps, storyId);
  if (!story.ok) return story;
  if (writePost(story.value.input, face).notice === LABELS[face].noticeHumanTranslation)
    return postFor(deps, storyId, face);
  const written = await writePostWithModel(story.value.input, face, {
    client: model.client,
    offline: () => writePost(story.value.input, face),
  });
  return ok(written.post);
}
