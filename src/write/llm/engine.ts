// The model engine: digest items, cards and posts written by any LlmClient, in the face's own
// language, with the same schemas and guarantees as the offline engine. The model writes the
// analytical texts; tier, confidence, sources, topics and audiences come from the offline output.

import type { ArticleWithSightings, Face } from '../../article.js';
import type { LlmClient } from '../../llm/client.js';
import { loadPrompt } from '../../prompts/prompt-file.js';
import { cardFields, digestItemFields, postFields } from '../output-fields.js';
import type { Card, DigestItem, Post } from '../schemas.js';
import { cardViolations, digestItemViolations, postViolations } from '../slot-check.js';
import { repairCard, repairDigestItem, repairPost } from '../slot-repair.js';
import { analyseStory } from '../story-analysis.js';
import { outletOf } from '../source-refs.js';
import type { StoryInput } from '../story-analysis.js';
import { cardDraftSchema, digestItemDraftSchema, postDraftSchema } from './model-drafts.js';
import { writeWithModel, type PromptLoader } from './model-writer.js';
import { rankingFacts, storyData } from './story-data.js';

/**
 * The slot rules a model's answer is held to: all of them, through the same checks as the offline
 * engine's output (src/write/slot-check.ts), with two differences a model's way of writing calls
 * for: its points follow its own lead, so "the deal" there is the lead's deal (definite references
 * allowed); it argues in its own words, so its post's takeaways carry no step labels (the argument
 * rule is not applied); the second round's quality rules (Chinese-style figures, judged cons, the
 * quick start's figures) are not applied yet: the repair does not cover them. A list item that breaks a rule is dropped when enough remains
 * (src/write/slot-repair.ts); anything else broken → the offline engine writes the output.
 */
const MODEL_SLOTS = { definiteReferences: false, argument: false, quality: false } as const;

export interface ModelDeps<O> {
  readonly client: LlmClient;
  /** The offline engine's output for the same input and face: the computed parts, and the fallback. */
  readonly offline: () => O;
  /** Prompt files by id; the bundled prompts/ by default. */
  readonly loadPrompt?: PromptLoader;
}

export interface ModelResult {
  readonly engine: 'llm' | 'offline-fallback';
  readonly notes: string[];
}

function shared(
  articles: readonly ArticleWithSightings[],
  story: StoryInput,
): { data: string; boundary: string; facts: string } {
  const { data, boundary } = storyData(articles);
  return { data, boundary, facts: rankingFacts(story.ranking) };
}

export async function writeDigestItemWithModel(
  story: StoryInput,
  face: Face,
  deps: ModelDeps<DigestItem>,
): Promise<ModelResult & { item: DigestItem }> {
  const outcome = await writeWithModel(
    {
      purpose: 'digest-item',
      face,
      schema: digestItemDraftSchema(story.ranking.audiences),
      vars: { audiences: story.ranking.audiences.join(', ') },
      articles: story.articles,
      ranking: story.ranking,
      offline: deps.offline,
      compose: (d, o) => ({
        ...o,
        language: face,
        bodyLanguage: face,
        headline: d.headline,
        keyPoints: { lead: d.keyPoints.lead, points: [...d.keyPoints.points] },
        impact: d.impact.map((x) => ({ audience: x.audience, text: x.text })),
        pros: [...d.pros],
        cons: [...d.cons],
        quickStart: [...d.quickStart],
        recommendation: d.recommendation,
      }),
      fields: digestItemFields,
      essential: (o) => [o.headline, o.keyPoints.lead],
      slots: (o) => digestItemViolations(o, MODEL_SLOTS),
      repairSlots: repairDigestItem,
      maxTokens: 2_000,
    },
    deps.client,
    deps.loadPrompt ?? ((id) => loadPrompt(id)),
    shared(story.articles, story),
  );
  return { item: outcome.output, engine: outcome.engine, notes: outcome.notes };
}

/** A card for one article of the story: the model sees that article alone, so the card says only what it says. */
export async function writeCardWithModel(
  article: ArticleWithSightings,
  story: StoryInput,
  face: Face,
  deps: ModelDeps<Card>,
): Promise<ModelResult & { card: Card }> {
  const outcome = await writeWithModel(
    {
      purpose: 'card',
      face,
      schema: cardDraftSchema,
      vars: { title: article.title ?? '', outlet: outletOf(article), audience: story.ranking.audiences[0] ?? 'reader' },
      articles: [article],
      ranking: story.ranking,
      offline: deps.offline,
      compose: (d, o) => ({
        ...o,
        language: face,
        bodyLanguage: face,
        summary: d.summary,
        keyTakeaway: d.keyTakeaway,
        keyInsight: d.keyInsight,
        principles: [...d.principles],
        inPractice: [...d.inPractice],
      }),
      fields: cardFields,
      essential: (o) => [o.summary],
      slots: (o) => cardViolations(o, MODEL_SLOTS),
      repairSlots: repairCard,
      maxTokens: 1_500,
    },
    deps.client,
    deps.loadPrompt ?? ((id) => loadPrompt(id)),
    shared([article], story),
  );
  return { card: outcome.output, engine: outcome.engine, notes: outcome.notes };
}

export async function writePostWithModel(
  story: StoryInput,
  face: Face,
  deps: ModelDeps<Post>,
): Promise<ModelResult & { post: Post }> {
  const outcome = await writeWithModel(
    {
      purpose: 'post',
      face,
      schema: postDraftSchema,
      vars: {},
      articles: story.articles,
      ranking: story.ranking,
      offline: deps.offline,
      compose: (d, o) => ({
        ...o,
        language: face,
        bodyLanguage: face,
        headline: d.headline,
        hook: d.hook,
        takeaways: [...d.takeaways],
        closing: d.closing,
      }),
      fields: postFields,
      essential: (o) => [o.headline, o.hook],
      // The hook carries the story's key figure, as the offline post's does.
      slots: (o) => postViolations(o, { ...MODEL_SLOTS, keyFigure: analyseStory(story).keyFigures[0]?.key ?? null }),
      repairSlots: repairPost,
      maxTokens: 1_500,
    },
    deps.client,
    deps.loadPrompt ?? ((id) => loadPrompt(id)),
    shared(story.articles, story),
  );
  return { post: outcome.output, engine: outcome.engine, notes: outcome.notes };
}
