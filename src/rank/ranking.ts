// The Ranking record: what the rank stage says about a story, each verdict with its reasons.
// Written by src/rank, read by the writers and by `tidings explain`.

export type Confidence = 'High' | 'Medium' | 'Low';

export const AUDIENCES = [
  'Investor',
  'Executive',
  'Developer',
  'Researcher',
  'Tech Journalist',
  'Enterprise buyer',
  'Policy maker',
] as const;
/** Audiences are configurable; these are the defaults. */
export type Audience = string;

export interface Tier {
  /** 1 = most important. */
  readonly level: number;
  /** e.g. "Major Platform Updates". */
  readonly name: string;
  /** e.g. "重大平台更新". */
  readonly nameZh: string;
  /** e.g. "🔴". */
  readonly emoji: string;
}

export interface FigureAgreement {
  /** A human description, e.g. "300MW (4 sources)". */
  readonly figure: string;
  readonly sources: readonly string[];
}

export interface FigureConflict {
  /** e.g. "capacity: 300MW (Harbor Tech Daily, Lattice Cloud) vs 3000 兆瓦 (算力前哨)". */
  readonly description: string;
  readonly variants: ReadonlyArray<{ readonly surface: string; readonly sources: readonly string[] }>;
  /** Settled by a clear majority or by the official source; the odd ones out are named, not believed. */
  readonly resolved?: boolean;
  /** The variant believed when resolved, e.g. "300MW / 300 兆瓦". */
  readonly favoured?: string;
  /** Why it is settled, e.g. "the official source states 300MW and 5 sources to 1". */
  readonly resolution?: string;
}

export interface Ranking {
  readonly tier: Tier;
  readonly tierReasons: readonly string[];
  readonly confidence: Confidence;
  readonly confidenceReasons: readonly string[];
  /** Outlets counted once each (syndicated copies, reposts and aggregators fold into their original). */
  readonly independentPublishers: readonly string[];
  readonly officialConfirmation: boolean;
  readonly figuresAgreeing: readonly FigureAgreement[];
  readonly figureConflicts: readonly FigureConflict[];
  readonly audiences: readonly Audience[];
  readonly audienceReasons: readonly string[];
  /** A sortable score within a tier (higher first), for a stable digest order. */
  readonly score: number;
  /** Official sources among the members, e.g. ["Lattice Cloud"]. */
  readonly officialSources?: readonly string[];
  /** Copies counted with their original, e.g. "Wirefold (syndicated copy of Harbor Tech Daily)". */
  readonly foldedCopies?: readonly string[];
  /** How the score adds up, e.g. "independent publishers: 5 × 10 = 50". */
  readonly scoreReasons?: readonly string[];
}
