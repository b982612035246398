// The model engine as a Writer (src/write/writer.ts): the offline engine still decides which
// stories, in which tiers, with which confidence and sources; the model writes the analysis in the
// face's own language. Each output is verified (one correction round, then repair) or falls back
// to the offline engine's, marked. What is written from a human translation (decision 0011) is
// left to the offline engine, which quotes the translation: no model is asked.

import type { LlmClient } from '../../llm/client.js';
import { writeCard } from '../card.js';
import { writeDigest } from '../digest.js';
import { writtenFromHumanTranslation } from '../digest-item.js';
import { writePost } from '../post.js';
import type { Digest } from '../schemas.js';
import { humanTranslationView } from '../story-analysis.js';
import { offlineWriter, verifiedDigestItem, type Writer } from '../writer.js';
import { writeCardWithModel, writeDigestItemWithModel, writePostWithModel } from './engine.js';
import type { PromptLoader } from './model-writer.js';

export interface ModelEngineOptions {
  /** Prompt files by id; the bundled prompts/ by default. */
  readonly loadPrompt?: PromptLoader;
}

/** The model engine over `client`; the offline engine writes whatever the model's answer cannot. */
export function modelWriter(client: LlmClient, options: ModelEngineOptions = {}): Writer {
  const prompts = options.loadPrompt ? { loadPrompt: options.loadPrompt } : {};
  return {
    engine: 'model',
    async digest(stories, date, face) {
      // The offline digest fixes the order and tiers; the model rewrites each item's analysis.
      const offline = writeDigest(stories, { date, language: face });
      const byId = new Map(stories.map((s) => [s.storyId, s]));
      const tiers: Digest['tiers'] = [];
      for (const group of offline.tiers) {
        const items: Digest['tiers'][number]['items'] = [];
        for (const item of group.items) {
          const story = byId.get(item.storyId);
          if (story === undefined) throw new Error(`the digest names story ${item.storyId}, which it was not given`);
          if (writtenFromHumanTranslation(story, face)) {
            items.push({ ...verifiedDigestItem(item, story.articles), engine: 'offline' });
            continue;
          }
          const written = await writeDigestItemWithModel(story, face, { client, offline: () => item, ...prompts });
          items.push(written.item);
        }
        tiers.push({ ...group, items });
      }
      return { ...offline, tiers };
    },
    async card(article, story, face) {
      const chosen = face ?? (article.language === 'zh' ? 'zh' : 'en');
      if (humanTranslationView(article, chosen)) return offlineWriter.card(article, story, chosen);
      const written = await writeCardWithModel(article, story, chosen, {
        client,
        offline: () => writeCard(article, story, { language: chosen }),
        ...prompts,
      });
      return written.card;
    },
    async post(story, face) {
      if (writtenFromHumanTranslation(story, face)) return offlineWriter.post(story, face);
      const written = await writePostWithModel(story, face, {
        client,
        offline: () => writePost(story, face),
        ...prompts,
      });
      return written.post;
    },
  };
}
