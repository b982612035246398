// Ranking a story (pure): confidence from corroboration, a score, a tier from the rubric, and
// audiences, each verdict with its reasons. Order of work: facts → confidence → score → tier,
// so a tier may require a confidence or a score, and a score rule a confidence.
import type { ArticleWithSightings } from '../article.js';
import { assertNever } from '../errors.js';
import { audiencesForStory } from './audiences.js';
import { evaluateAny, evaluateCondition } from './conditions.js';
import type { Confidence, Ranking, Tier } from './ranking.js';
import type { Rubric } from './rubric.js';
import type { Publisher } from './publishers.js';
import { gatherFacts, type StoryFacts } from './story-facts.js';

const LEVELS: readonly Confidence[] = ['Low', 'Medium', 'High'];
/** Figures listed by name in the reasons; the rest are counted. */
const LISTED_FIGURES = 3;

export function rankStory(articles: readonly ArticleWithSightings[], rubric: Rubric): Ranking {
  const facts = gatherFacts(articles, rubric);
  const confidence = decideConfidence(facts, rubric);
  facts.confidence = confidence.level;
  const score = scoreStory(facts, rubric);
  facts.score = score.value;
  const tier = decideTier(facts, rubric);
  const audiences = audiencesForStory(articles, rubric, facts);
  const p = facts.publishers;
  return {
    tier: tier.tier,
    tierReasons: tier.reasons,
    confidence: confidence.level,
    confidenceReasons: confidence.reasons,
    independentPublishers: p.independent.map((x) => x.name),
    officialConfirmation: p.official.length > 0,
    figuresAgreeing: facts.figures.agreeing,
    figureConflicts: facts.figures.conflicts,
    audiences: audiences.audiences,
    audienceReasons: audiences.reasons,
    score: score.value,
    officialSources: p.official.map((x) => x.name),
    foldedCopies: p.folded.map((f) => `${f.outlet} (${f.why} of ${f.into})`),
    scoreReasons: score.reasons,
  };
}

function decideConfidence(facts: StoryFacts, rubric: Rubric): { level: Confidence; reasons: string[] } {
  const p = facts.publishers;
  const reasons: string[] = [];
  const all = [...p.official, ...p.independent, ...p.uncounted];
  let level: Confidence;
  const lowOnly = new Set<string>(rubric.confidence.lowIfOnly);
  if (all.length === 0) {
    level = 'Low';
    reasons.push('Low: no sources');
  } else if (all.every((x) => lowOnly.has(x.type))) {
    level = 'Low';
    reasons.push(
      `Low: only ${[...new Set(all.map((x) => x.type))].join(' and ')} sources (${all.map((x) => x.name).join(', ')})`,
    );
  } else {
    const high = evaluateAny(rubric.confidence.high, facts, rubric);
    const medium = high.holds ? null : evaluateAny(rubric.confidence.medium, facts, rubric);
    if (high.holds) {
      level = 'High';
      reasons.push(`High: ${high.met.join('; ')}`);
    } else if (medium?.holds) {
      level = 'Medium';
      reasons.push(`Medium: ${medium.met.join('; ')}; not High: ${high.missed.join('; ')}`);
    } else {
      level = 'Low';
      const single = p.independent.length + p.official.length === 1 ? 'a single source; ' : '';
      reasons.push(`Low: ${single}not Medium: ${medium?.missed.join('; ') ?? ''}`);
    }
  }
  if (p.independent.length > 0)
    reasons.push(
      `${p.independent.length} independent publisher${p.independent.length === 1 ? '' : 's'}: ${p.independent.map(named).join(', ')}`,
    );
  if (p.official.length > 0)
    reasons.push(`confirmed by an official source: ${p.official.map((x) => x.name).join(', ')}`);
  if (p.uncounted.length > 0)
    reasons.push(
      `not counted as corroboration (type not in the rubric's countTypes): ${p.uncounted.map(named).join(', ')}`,
    );
  if (p.aggregatorOnly)
    reasons.push(
      `only an aggregator reports it, with no original in the story: counted once (${p.independent.map((x) => x.name).join(', ')})`,
    );
  if (p.folded.length > 0)
    reasons.push(
      `counted with their original, not apart: ${p.folded.map((f) => `${f.outlet} (${f.why} of ${f.into})`).join(', ')}`,
    );
  const agreeing = facts.figures.agreeing;
  if (agreeing.length > 0) {
    const more = agreeing.length > LISTED_FIGURES ? ` and ${agreeing.length - LISTED_FIGURES} more` : '';
    reasons.push(
      `figures agree: ${agreeing
        .slice(0, LISTED_FIGURES)
        .map((a) => a.figure)
        .join(', ')}${more}`,
    );
  }
  let unresolved = 0;
  for (const c of facts.figures.conflicts) {
    if (c.resolved) {
      reasons.push(
        `figures conflict: ${c.description}; settled for ${c.favoured} (${c.resolution}), the others are treated as errors`,
      );
    } else {
      unresolved++;
      reasons.push(`figures conflict: ${c.description}; unresolved`);
    }
  }
  if (unresolved > 0 && rubric.confidence.conflictPenalty > 0 && level !== 'Low') {
    const lowered = LEVELS[Math.max(0, LEVELS.indexOf(level) - rubric.confidence.conflictPenalty)]!;
    reasons.push(
      `lowered from ${level} to ${lowered}: ${unresolved} unresolved figure conflict${unresolved === 1 ? '' : 's'}`,
    );
    level = lowered;
  }
  return { level, reasons };
}

/**
 * A publisher as the reasons name it, with what makes it independent when that is not a source the
 * user registered: the site it was read from, or nothing but claimed names (counted once together).
 */
const named = (p: Pick<Publisher, 'name' | 'type' | 'evidence'>): string => {
  const notes = [
    ...(p.type === 'news' ? [] : [p.type]),
    ...(p.evidence.kind === 'site' ? [`read from ${p.evidence.site}`] : []),
    ...(p.evidence.kind === 'claimed'
      ? [
          'claimed names only: files not registered as sources and not read from a site of their own, counted once together',
        ]
      : []),
  ];
  return notes.length === 0 ? p.name : `${p.name} (${notes.join('; ')})`;
};

function scoreStory(facts: StoryFacts, rubric: Rubric): { value: number; reasons: string[] } {
  let value = 0;
  const reasons: string[] = [];
  for (const rule of rubric.score) {
    if (rule.when && !evaluateCondition(rule.when, facts, rubric).holds) continue;
    const count = rule.per === undefined ? 1 : countOf(rule.per, facts);
    const points = rule.weight * count;
    if (points === 0) continue;
    value += points;
    reasons.push(
      rule.per === undefined ? `${rule.label}: ${points}` : `${rule.label}: ${count} × ${rule.weight} = ${points}`,
    );
  }
  // Two decimals at most, so that float sums of weights compare and print cleanly.
  return { value: Math.round(value * 100) / 100, reasons };
}

function countOf(per: NonNullable<Rubric['score'][number]['per']>, facts: StoryFacts): number {
  switch (per) {
    case 'independentPublishers':
      return facts.publishers.independent.length;
    case 'figuresAgreeing':
      return facts.figures.agreeing.length;
    case 'articles':
      return facts.articles;
    case 'languages':
      return facts.languages;
    default:
      return assertNever(per, 'score count');
  }
}

function decideTier(facts: StoryFacts, rubric: Rubric): { tier: Tier; reasons: string[] } {
  const reasons: string[] = [];
  // Off-topic stories (general news in an AI digest) rank no higher than the rubric allows.
  const relevance = rubric.relevance;
  const relevant = relevance === undefined ? null : evaluateAny(relevance.when, facts, rubric);
  if (relevance !== undefined && relevant !== null && !relevant.holds) {
    reasons.push(
      `not ${relevance.label} (${relevant.missed.join('; ')}): ranked L${relevance.otherwiseMaxTier} at most`,
    );
  }
  for (const t of rubric.tiers) {
    const tier: Tier = { level: t.level, name: t.name, nameZh: t.nameZh, emoji: t.emoji };
    const label = `L${t.level} ${t.name}`;
    if (relevance !== undefined && relevant !== null && !relevant.holds && t.level < relevance.otherwiseMaxTier)
      continue;
    if (t.always === true) {
      reasons.unshift(`${label}: the conditions of no higher tier hold`);
      return { tier, reasons };
    }
    const out = evaluateAny(t.when ?? [], facts, rubric);
    if (out.holds) {
      reasons.unshift(`${label}: ${out.met.join('; ')}`);
      return { tier, reasons };
    }
    reasons.push(`not L${t.level} (${t.name}): ${out.missed.join('; ')}`);
  }
  // parseRubric guarantees a last tier with always: true.
  throw new Error(`rubric ${rubric.source} has no catch-all tier`);
}

/** What digest order compares: a story's id, headline and ranking (the edition's RankedStory is the story with its writing input). */
export interface RankedHeadline {
  readonly id: string;
  readonly headline: string;
  readonly ranking: Ranking;
}

/** Digest order: tier (L1 first), then score (higher first), then headline, then id. */
export function compareRanked(a: RankedHeadline, b: RankedHeadline): number {
  return (
    a.ranking.tier.level - b.ranking.tier.level ||
    b.ranking.score - a.ranking.score ||
    (a.headline < b.headline ? -1 : a.headline > b.headline ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
