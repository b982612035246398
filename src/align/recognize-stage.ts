// The recognition stage over the store: after grouping, compare each English-Chinese pair of a
// story that has not been compared yet, and fold each recognised translation into its original.
// Incremental and idempotent: checked pairs are recorded, a folded translation is gone from the
// stories, so a re-run compares nothing and changes nothing. One bad pair never stops the rest.

import type { ArticleWithSightings } from '../article.js';
import { fail, ok, type Result } from '../errors.js';
import type { BilingualPage } from '../extract/extract.js';
import { recognizePair, type AlignSentences, type Recognition, type Version } from './recognize.js';
import { alignmentSummary } from './recognize-align.js';

/** Bumped when the scoring changes, so stored pairs are compared again. */
export const RECOGNIZER_VERSION = 1;
/** A translation is published within days of its original; farther apart, pairs are not compared. */
export const MAX_DAYS_APART = 7;
const BATCH = 500;

// What this stage needs from the store, declared here so that the stage never imports src/store:
// the orchestration passes the store's ArticleStore and TranslationStore, which satisfy these.

/** An English-Chinese pair of articles from one story. */
export interface CandidatePair {
  readonly enId: string;
  readonly zhId: string;
}

/** Why a translation was recognised, stored with the fold. */
export interface TranslationEvidence {
  readonly score: number;
  /** detail.readerPairs is true when this translation became the original's articles.bilingual. */
  readonly reasons: readonly string[];
  /** Anchors both versions carry, in order; measures; paragraph links; the aligner's summary. */
  readonly detail: unknown;
  /** Why this side is the original ("published first", "the Chinese credits …"). */
  readonly originalWhy: string;
}

/** The stored pairs still to compare, the record of compared pairs, and folding. */
export interface TranslationPairStore {
  /**
   * English-Chinese pairs of one story, active within `maxDays` of each other, never compared
   * (at this recognizer version): candidates come from stories, not from all pairs of the archive.
   */
  uncheckedPairs(maxDays: number, version: number, limit: number): Promise<CandidatePair[]>;
  recordChecks(checks: ReadonlyArray<CandidatePair & { score: number }>, version: number, at: string): Promise<void>;
  /** Folds the translation into the original; false when it was folded already (idempotent). */
  fold(
    originalId: string,
    translation: ArticleWithSightings,
    evidence: TranslationEvidence,
    bilingual: BilingualPage | null,
    at: string,
  ): Promise<boolean>;
}

export interface RecognizeStageDeps {
  readonly articles: { getArticles(ids: readonly string[]): Promise<ArticleWithSightings[]> };
  readonly translations: TranslationPairStore;
  /** Default: the sentence aligner (align.ts) with the bundled dictionary. */
  readonly align?: AlignSentences;
  readonly now: () => Date;
}

export interface RecognizeReport {
  readonly compared: number;
  readonly folded: readonly Recognition[];
  readonly failures: readonly string[];
}

export function versionOf(a: ArticleWithSightings): Version | null {
  if (a.language !== 'en' && a.language !== 'zh') return null;
  return {
    id: a.id,
    language: a.language,
    title: a.title,
    paragraphs: a.paragraphs,
    text: a.text,
    published: a.published,
    ingestedAt: a.ingestedAt,
    url: a.url,
    outlet: a.outlet,
    siteName: a.siteName,
    understanding: a.understanding,
  };
}

/** The two versions as paragraph pairs for the reader, in the order of the paragraph links. */
export function bilingualOf(en: Version, zh: Version, r: Recognition): BilingualPage {
  const enParagraphs = en.paragraphs.filter((p) => p.trim().length > 0);
  const zhParagraphs = zh.paragraphs.filter((p) => p.trim().length > 0);
  return {
    layout: 'interleaved',
    titleEn: en.title,
    titleZh: zh.title,
    pairs: r.paragraphs.map((l) => ({
      en: l.en.map((i) => enParagraphs[i]!).join(' '),
      zh: l.zh.map((i) => zhParagraphs[i]!).join(''),
    })),
  };
}

export async function recognizeTranslations(deps: RecognizeStageDeps): Promise<Result<RecognizeReport>> {
  let compared = 0;
  const folded: Recognition[] = [];
  const failures: string[] = [];
  try {
    // Bounded: each pass records or folds every pair it read, so the next pass reads new ones.
    for (let pass = 0; pass < 10_000; pass++) {
      const pairs = await deps.translations.uncheckedPairs(MAX_DAYS_APART, RECOGNIZER_VERSION, BATCH);
      if (pairs.length === 0) break;
      const ids = [...new Set(pairs.flatMap((p) => [p.enId, p.zhId]))];
      const byId = new Map((await deps.articles.getArticles(ids)).map((a) => [a.id, a]));
      const results: Array<{ r: Recognition; en: ArticleWithSightings; zh: ArticleWithSightings }> = [];
      const checks: Array<{ enId: string; zhId: string; score: number }> = [];
      for (const p of pairs) {
        const en = byId.get(p.enId);
        const zh = byId.get(p.zhId);
        const ve = en && versionOf(en);
        const vz = zh && versionOf(zh);
        if (!en || !zh || !ve || !vz) {
          checks.push({ ...p, score: 0 });
          continue;
        }
        try {
          const r = recognizePair(ve, vz, { align: deps.align ?? alignmentSummary });
          checks.push({ ...p, score: r.score });
          if (r.isTranslation) results.push({ r, en, zh });
        } catch (error) {
          checks.push({ ...p, score: 0 });
          failures.push(`${p.enId} / ${p.zhId}: ${(error as Error).message}`);
        }
      }
      compared += pairs.length;
      // Each article is the translation in at most one pair: its best. Best pairs fold first.
      results.sort((x, y) => y.r.score - x.r.score || (x.r.enId < y.r.enId ? -1 : 1) || (x.r.zhId < y.r.zhId ? -1 : 1));
      const gone = new Set<string>();
      for (const { r, en, zh } of results) {
        const translation = r.original.id === en.id ? zh : en;
        if (gone.has(translation.id) || gone.has(r.original.id)) continue;
        try {
          const done = await deps.translations.fold(
            r.original.id,
            translation,
            {
              score: r.score,
              reasons: r.reasons,
              originalWhy: r.original.why,
              detail: { anchors: r.anchors, measures: r.measures, paragraphs: r.paragraphs },
            },
            bilingualOf(versionOf(en)!, versionOf(zh)!, r),
            deps.now().toISOString(),
          );
          if (done) {
            gone.add(translation.id);
            folded.push(r);
          }
        } catch (error) {
          failures.push(`folding ${translation.id} into ${r.original.id}: ${(error as Error).message}`);
        }
      }
      await deps.translations.recordChecks(
        checks.filter((c) => !gone.has(c.enId) && !gone.has(c.zhId)),
        RECOGNIZER_VERSION,
        deps.now().toISOString(),
      );
      if (pairs.length < BATCH) break;
    }
  } catch (error) {
    return fail('store_error', `recognising translations failed: ${(error as Error).message}`);
  }
  return ok({ compared, folded, failures });
}
