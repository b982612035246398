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

/**
 * The set of a (readonly) list, made once per list: a selection compares every open sentence with
 * each chosen one, so the same candidates' lists are read many times.
 */
const sets = new WeakMap<readonly string[], ReadonlySet<string>>();

function setOf(list: readonly string[]): ReadonlySet<string> {
  let set = sets.get(list);
  if (!set) {
    set = new Set(list);
    sets.set(list, set);
  }
  return set;
}

export function jaccard(a: readonly string[], b: readonly string[]): number {
  return jaccardIn(new Set(a), a.length, b);
}

/** Jaccard of candidate lists (never changed once made), with the first list's set kept. */
function candidateJaccard(a: readonly string[], b: readonly string[]): number {
  return jaccardIn(setOf(a), a.length, b);
}

function jaccardIn(set: ReadonlySet<string>, aLength: number, b: readonly string[]): number {
  if (aLength === 0 && b.length === 0) return 0;
  let inter = 0;
  for (const x of b) if (set.has(x)) inter++;
  return inter / (aLength + b.length - inter);
}

/** Share of the smaller set found in the larger. */
export function containment(a: readonly string[], b: readonly string[]): number {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  if (small.length === 0) return 0;
  const set = new Set(large);
  return small.filter((x) => set.has(x)).length / small.length;
}

/** A candidate's entities and figure keys as one list, made once per candidate. */
const factLists = new WeakMap<
  ScoredCandidate,
  { entities: readonly string[]; figureKeys: readonly string[]; facts: readonly string[] }
>();

function factsOf(c: ScoredCandidate): readonly string[] {
  const hit = factLists.get(c);
  if (hit && hit.entities === c.entities && hit.figureKeys === c.figureKeys) return hit.facts;
  const facts = [...c.entities, ...c.figureKeys.map((f) => `f:${f}`)];
  factLists.set(c, { entities: c.entities, figureKeys: c.figureKeys, facts });
  return facts;
}

export function similarity(a: ScoredCandidate, b: ScoredCandidate): number {
  const facts = candidateJaccard(factsOf(a), factsOf(b));
  const words = a.language === b.language ? candidateJaccard(a.terms, b.terms) : 0;
  return Math.max(facts * 0.8, words);
}

/** The same point: one shared figure with the same named entities, or mostly the same words. */
export function samePoint(a: ScoredCandidate, b: ScoredCandidate): boolean {
  if (a.articleId === b.articleId && a.start === b.start) return true;
  if (a.language === b.language && candidateJaccard(a.terms, b.terms) >= 0.5) return true;
  const sharedFigure = a.figureKeys.some((f) => b.figureKeys.includes(f));
  if (!sharedFigure) return false;
  // A shorter sentence whose words the longer one mostly contains says nothing new.
  if (a.language === b.language && containment(a.terms, b.terms) >= 0.6) return true;
  if (candidateJaccard(a.entities, b.entities) >= 0.5 && candidateJaccard(a.figureKeys, b.figureKeys) >= 0.5)
    return true;
  // Every figure and name of one is in the other (a paraphrase): the same point, unless the words differ wholly.
  const within =
    containment(a.figureKeys, b.figureKeys) === 1 &&
    (a.entities.length === 0 || b.entities.length === 0 || containment(a.entities, b.entities) === 1);
  return within && (a.language !== b.language || containment(a.terms, b.terms) >= 0.3);
}

export function selectDiverse(
  pool: readonly ScoredCandidate[],
  count: number,
  options: SelectOptions = {},
): ScoredCandidate[] {
  const lambda = options.lambda ?? 0.7;
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
  // Novelty (likeness to the closest chosen sentence) and the same-point filter only change by the
  // newest choice, so each is updated with that one instead of all chosen again on every pick.
  const novelty = new Map<ScoredCandidate, number>();
  const choose = (d: ScoredCandidate): void => {
    open = open.filter((c) => !samePoint(c, d));
    for (const c of open) novelty.set(c, Math.max(novelty.get(c) ?? 0, similarity(c, d)));
  };
  for (const d of options.chosen ?? []) choose(d);
  while (picked.length < count) {
    let best: ScoredCandidate | null = null;
    let bestValue = -Infinity;
    for (const c of open) {
      const value = lambda * (relevance(c) / top) - (1 - lambda) * (novelty.get(c) ?? 0);
      if (value > bestValue + 1e-12 || (Math.abs(value - bestValue) <= 1e-12 && best !== null && before(c, best))) {
        best = c;
        bestValue = value;
      }
    }
    if (!best) break;
    picked.push(best);
    choose(best);
  }
  return picked;
}

/** Deterministic tie-break: article id, then position. */
export function before(a: ScoredCandidate, b: ScoredCandidate): boolean {
  return a.articleId < b.articleId || (a.articleId === b.articleId && a.start < b.start);
}
