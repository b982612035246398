// Plain-text faces of stories and similarity, for the CLI. Pure: records in, text out.

import type { SimilarityExplanation } from './assign.js';
import {
  isFoldedTranslation,
  timelineWithTranslations,
  type FoldedTranslation,
  type Story,
  type TimelineEntry,
} from './story.js';

/** `tidings similar <a> <b>`: the score, whether they would group, the evidence. */
export function renderSimilarity(x: SimilarityExplanation): string {
  const s = x.similarity;
  const lines = [
    `A  ${x.a.id}  [${x.a.language}] ${x.a.outlet ?? '?'}: ${x.a.title ?? '(untitled)'}`,
    `B  ${x.b.id}  [${x.b.language}] ${x.b.outlet ?? '?'}: ${x.b.title ?? '(untitled)'}`,
    '',
    `similarity ${s.score.toFixed(2)} (${x.sameStory ? 'same story' : 'different stories'} at threshold ${x.threshold.toFixed(2)})`,
    ...s.reasons.map((r) => `  - ${r}`),
    '',
    `evidence  entities ${s.entities.toFixed(2)}  figures ${s.figures.toFixed(2)}  terms ${s.terms.toFixed(2)}  vocabulary ${s.words.toFixed(2)}  title ${s.title.toFixed(2)}  time ×${s.time.toFixed(2)}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** One story with its timeline: who reported what, when. */
export function renderStory(story: Story): string {
  const folded = story.translations.length;
  const also =
    folded > 0
      ? ` (and ${folded} translation${folded === 1 ? '' : 's'} folded into ${folded === 1 ? 'its original' : 'their originals'})`
      : '';
  const head = `${story.id}  ${story.title ?? '(untitled)'}\n${story.articleCount} article${story.articleCount === 1 ? '' : 's'}${also}, ${story.firstActive.slice(0, 16).replace('T', ' ')} to ${story.lastActive.slice(0, 16).replace('T', ' ')} UTC`;
  return `${head}\n${timelineWithTranslations(story).map(renderEntry).join('\n')}\n`;
}

export function renderStoryList(stories: readonly Story[]): string {
  if (stories.length === 0) return 'No stories.\n';
  return stories.map(renderStory).join('\n');
}

function renderEntry(e: TimelineEntry | FoldedTranslation): string {
  const when = e.published
    ? e.published.slice(0, 16).replace('T', ' ')
    : `${e.activityAt.slice(0, 10)} (undated, ingested)`;
  const who = `${e.outlet ?? '?'}${e.sourceType ? ` (${e.sourceType})` : ''}`;
  const line = `  ${when}  ${e.language.toUpperCase()}  ${who}: ${e.title ?? '(untitled)'}  [${e.articleId}] ${e.url}`;
  if (!isFoldedTranslation(e)) return line;
  return `${line}\n      translation of ${e.originalOutlet ?? '?'} [${e.originalId}], recognised at ${e.score.toFixed(3)}; folded into it`;
}
