// Choosing sentences with diversity (maximal marginal relevance): each pick trades its own score
// against its likeness to what is already chosen, and a sentence that repeats a chosen point
// (same figure and entities, in any language, or mostly the same words) is never picked.

import type { ScoredCandidate } from './story-analysis.js';

export interface SelectOptions {
  /** Weight of relevance against novelty, 0..1. */
  readonly lambda?: number;
  /** Sentences already used elsewhere in the output: never repeated, and counted for novelty. */
  readonly chosen?: readonly ScoredCandidate[];
  readonly filter?: (c: ScoredCandidate) => boolean;
  /** Extra relevance per candidate (audience keywords, cue words). */
  readonly boost?: (c: ScoredCandidate) => number;
}

export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  const set = new Set(a);
  let inter = 0;
  for (const x of b) if (set.has(x)) inter++;
  return inter / (a.length + b.length - inter);
}

/** Share of the smaller set found in the larger. */
export function containment(a: readonly string[], b: readonly string[]): number {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  if (small.length === 0) return 0;
  const set = new Set(large);
  return small.filter((x) => set.has(x)).length / small.length;
}

export function similarity(a: ScoredCandidate, b: ScoredCandidate): number {
  const facts = jaccard([...a.entities, ...a.figureKeys.map((f) => `f:${f}`)], [...b.entities, ...b.figureKeys.map((f) => `f:${f}`)]);
  const words = a.language === b.language ? jaccard(a.terms, b.terms) : 0;
  return Math.max(facts * 0.8, words);
}

/** The same point: one shared figure with the same named entities, or mostly the same words. */
export function samePoint(a: ScoredCandidate, b: ScoredCandidate): boolean {
  if (a.articleId === b.articleId && a.start === b.start) return true;
  if (a.language === b.language && jaccard(a.terms, b.terms) >= 0.5) return true;
  const sharedFigure = a.figureKeys.some((f) => b.figureKeys.includes(f));
  if (!sharedFigure) return false;
  // A shorter sentence whose words the longer one mostly contains says nothing new.
  if (a.language === b.language && containment(a.terms, b.terms) >= 0.6) return true;
  if (jaccard(a.entities, b.entities) >= 0.5 && jaccard(a.figureKeys, b.figureKeys) >= 0.5) return true;
  // Every figure and name of one is in the other (a paraphrase): the same point, unless the words differ wholly.
  const within = containment(a.figureKeys, b.figureKeys) === 1 && (a.entities.length === 0 || b.entities.length === 0 || containment(a.entities, b.entities) === 1);
  return within && (a.language !== b.language || containment(a.terms, b.terms) >= 0.3);
}

export function selectDiverse(pool: readonly ScoredCandidate[], count: number, options: SelectOptions = {}): ScoredCandidate[] {
  const lambda = options.lambda ?? 0.7;
  const chosen = [...(options.chosen ?? [])];
  const picked: ScoredCandidate[] = [];
  // A candidate's relevance does not change during one selection: computed once per candidate.
  const relevant = new Map<ScoredCandidate, number>();
  const relevance = (c: ScoredCandidate): number => {
    let r = relevant.get(c);
    if (r === undefined) {
      r = c.score + (options.boost?.(c) ?? 0);
      relevant.set(c, r);
    }
    return r;
  };
  let open = pool.filter((c) => (options.filter ? options.filter(c) : true));
  const top = Math.max(1e-9, ...open.map(relevance));
  while (picked.length < count) {
    open = open.filter((c) => !chosen.some((d) => samePoint(c, d)));
    let best: ScoredCandidate | null = null;
    let bestValue = -Infinity;
    for (const c of open) {
      const novelty = chosen.reduce((m, d) => Math.max(m, similarity(c, d)), 0);
      const value = lambda * (relevance(c) / top) - (1 - lambda) * novelty;
      if (value > bestValue + 1e-12 || (Math.abs(value - bestValue) <= 1e-12 && best !== null && before(c, best))) {
        best = c;
        bestValue = value;
      }
    }
    if (!best) break;
    picked.push(best);
    chosen.push(best);
  }
  return picked;
}

/** Deterministic tie-break: article id, then position. */
export function before(a: ScoredCandidate, b: ScoredCandidate): boolean {
  return a.articleId < b.articleId || (a.articleId === b.articleId && a.start < b.start);
}
