// The Story record: coverage of one event, across outlets, languages and days, with a timeline of
// who reported what and when. A story's id is its first article's id and never changes.

import type { ArticleLanguage } from '../article.js';
import type { SourceType } from '../sources/registry.js';

export interface TimelineEntry {
  readonly articleId: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly sourceType: SourceType | null;
  readonly language: ArticleLanguage;
  /** As the article states it; null when undated. */
  readonly published: string | null;
  /** published, else the ingest time: what orders the timeline and assigns the day. */
  readonly activityAt: string;
  readonly url: string;
  /** The similarity with which the article joined (null for the story's first article). */
  readonly score: number | null;
}

/**
 * A translation recognised and folded into a member (src/align/recognize-stage.ts): its row left
 * the articles table, so it is not a member, but its outlet reported the story and the timeline
 * says so, as "translation of" the member it was folded into. Its articleId is the translation's
 * own id before folding (its record is kept in the translations table).
 */
export interface FoldedTranslation extends Omit<TimelineEntry, 'score'> {
  /** The member it translates, and that member's outlet. */
  readonly originalId: string;
  readonly originalOutlet: string | null;
  /** The recognition score. */
  readonly score: number;
}

export interface Story {
  readonly id: string;
  /** The first article's title. */
  readonly title: string | null;
  readonly firstActive: string;
  readonly lastActive: string;
  readonly articleCount: number;
  /** Ordered by activity time, then article id. */
  readonly timeline: readonly TimelineEntry[];
  /** Translations folded into members, by activity time; not counted in articleCount. */
  readonly translations: readonly FoldedTranslation[];
}

/** Orders entries by time, then id, so a timeline reads the same on every run. */
export function byActivity(
  a: Pick<TimelineEntry, 'activityAt' | 'articleId'>,
  b: Pick<TimelineEntry, 'activityAt' | 'articleId'>,
): number {
  return a.activityAt < b.activityAt
    ? -1
    : a.activityAt > b.activityAt
      ? 1
      : a.articleId < b.articleId
        ? -1
        : a.articleId > b.articleId
          ? 1
          : 0;
}

/** Whether a story has coverage on a UTC day ('YYYY-MM-DD'). */
export function coversDay(story: Story, day: string): boolean {
  return story.timeline.some((e) => e.activityAt.slice(0, 10) === day);
}

/** Whether a timeline row is a folded translation rather than a member. */
export function isFoldedTranslation(e: TimelineEntry | FoldedTranslation): e is FoldedTranslation {
  return 'originalId' in e;
}

/** Members and folded translations in one list by time (then id): what a reader's timeline shows. */
export function timelineWithTranslations(story: Story): Array<TimelineEntry | FoldedTranslation> {
  return [...story.timeline, ...story.translations].sort(byActivity);
}
