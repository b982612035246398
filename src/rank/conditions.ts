// Evaluating a rubric condition set against a story's facts, with a plain-English phrase for
// each field: what was met ("5 independent publishers (at least 2)") or missed ("no official source").
import type { Face } from '../article.js';
import type { Confidence } from './ranking.js';
import type { Condition, Rubric } from './rubric.js';
import { lookupEntity } from '../understand/gazetteer.js';
import { findTerms } from './topic-terms.js';
import { entityKey, type StoryFacts } from './story-facts.js';

export interface ConditionOutcome {
  readonly holds: boolean;
  readonly met: readonly string[];
  readonly missed: readonly string[];
}

const LEVEL: Record<Confidence, number> = { Low: 0, Medium: 1, High: 2 };

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "$9.6 billion", "$250 million", "$20,000": for thresholds only, never as a reported figure. */
export function formatUsd(v: number): string {
  if (v >= 1e9) return `$${Number((v / 1e9).toPrecision(3))} billion`;
  if (v >= 1e6) return `$${Number((v / 1e6).toPrecision(3))} million`;
  return `$${Math.round(v).toLocaleString('en-US')}`;
}

export function formatWatts(v: number): string {
  if (v >= 1e9) return `${Number((v / 1e9).toPrecision(3))}GW`;
  if (v >= 1e6) return `${Number((v / 1e6).toPrecision(3))}MW`;
  if (v >= 1e3) return `${Number((v / 1e3).toPrecision(3))}kW`;
  return `${v}W`;
}

export function evaluateCondition(c: Condition, facts: StoryFacts, rubric: Rubric): ConditionOutcome {
  const met: string[] = [];
  const missed: string[] = [];
  const check = (ok: boolean, yes: string, no: string) => (ok ? met : missed).push(ok ? yes : no);
  const independent = facts.publishers.independent.length;
  if (c.minIndependentPublishers !== undefined) {
    const n = c.minIndependentPublishers;
    check(
      independent >= n,
      `${plural(independent, 'independent publisher')} (at least ${n})`,
      `${plural(independent, 'independent publisher')} (needs ${n})`,
    );
  }
  if (c.maxIndependentPublishers !== undefined) {
    const n = c.maxIndependentPublishers;
    check(
      independent <= n,
      `${plural(independent, 'independent publisher')} (at most ${n})`,
      `${plural(independent, 'independent publisher')} (more than ${n})`,
    );
  }
  if (c.requiresOfficial !== undefined) {
    const names = facts.publishers.official.map((p) => p.name);
    const has = names.length > 0;
    if (c.requiresOfficial) check(has, `confirmed by an official source: ${names.join(', ')}`, 'no official source');
    else check(!has, 'no official source', `an official source: ${names.join(', ')}`);
  }
  if (c.anyEntity !== undefined) {
    const found = entitiesNamed(c.anyEntity, facts);
    check(
      found.length > 0,
      `names ${found.join(', ')} in a title or lead`,
      `none of ${describeList(c.anyEntity)} in a title or lead`,
    );
  }
  if (c.minMoneyUsd !== undefined) {
    const m = facts.maxMoneyUsd;
    const want = formatUsd(c.minMoneyUsd);
    if (m === null) missed.push('no sum of money');
    else
      check(
        m.value >= c.minMoneyUsd,
        `largest sum ${m.surface}${approx(m.surface, m.value)} (at least ${want})`,
        `largest sum ${m.surface}${approx(m.surface, m.value)} (needs ${want})`,
      );
  }
  if (c.minPowerW !== undefined) {
    const p = facts.maxPowerW;
    const want = formatWatts(c.minPowerW);
    if (p === null) missed.push('no power figure');
    else
      check(
        p.value >= c.minPowerW,
        `largest power figure ${p.surface} (at least ${want})`,
        `largest power figure ${p.surface} (needs ${want})`,
      );
  }
  if (c.topicsAny !== undefined) {
    const hits: string[] = [];
    for (const topic of c.topicsAny) {
      const terms = rubric.topics[topic] ?? [];
      for (const lead of facts.leads) {
        const found = findTerms(lead.text, terms);
        if (found.length > 0) {
          hits.push(`${topic} ("${found[0]}" in ${lead.outlet})`);
          break;
        }
      }
    }
    check(hits.length > 0, `topic ${hits.join(', ')}`, `no ${c.topicsAny.join(' or ')} words in a title or lead`);
  }
  if (c.sourceTypesAny !== undefined) {
    const names = c.sourceTypesAny.flatMap((t) => (facts.sourceTypes.get(t) ?? []).map((n) => `${n} (${t})`));
    check(
      names.length > 0,
      `source of type ${c.sourceTypesAny.join('/')}: ${names.join(', ')}`,
      `no ${c.sourceTypesAny.join(' or ')} source`,
    );
  }
  if (c.minConfidence !== undefined) {
    const conf = facts.confidence;
    if (conf === undefined) throw new Error('minConfidence evaluated before confidence was computed');
    check(
      LEVEL[conf] >= LEVEL[c.minConfidence],
      `confidence ${conf} (at least ${c.minConfidence})`,
      `confidence ${conf} (needs ${c.minConfidence})`,
    );
  }
  if (c.minScore !== undefined) {
    const score = facts.score;
    if (score === undefined) throw new Error('minScore evaluated before the score was computed');
    check(score >= c.minScore, `score ${score} (at least ${c.minScore})`, `score ${score} (needs ${c.minScore})`);
  }
  if (c.hasFigureConflict !== undefined) {
    const n = facts.figures.conflicts.length;
    const has = n > 0;
    if (c.hasFigureConflict) check(has, `${plural(n, 'figure conflict')}`, 'no figure conflict');
    else check(!has, 'no figure conflict', `${plural(n, 'figure conflict')}`);
  }
  if (c.minLanguages !== undefined) {
    const names = facts.languageList.map((l) => LANGUAGE_NAMES[l]);
    const covered = names.length === 0 ? 'no language' : names.join(' and ');
    check(
      names.length >= c.minLanguages,
      `covered in ${covered}`,
      `covered in ${covered} only (needs ${plural(c.minLanguages, 'language')})`,
    );
  }
  if (c.maxDaysRunning !== undefined || c.minDaysRunning !== undefined) {
    const n = facts.novelty;
    const running =
      n.daysRunning === 0
        ? `first reported ${n.lastDay}`
        : `running since ${n.firstDay} (${plural(n.daysRunning, 'day')} to ${n.lastDay})`;
    if (c.maxDaysRunning !== undefined)
      check(n.daysRunning <= c.maxDaysRunning, running, `${running} (more than ${plural(c.maxDaysRunning, 'day')})`);
    if (c.minDaysRunning !== undefined)
      check(n.daysRunning >= c.minDaysRunning, running, `${running} (needs ${plural(c.minDaysRunning, 'day')})`);
  }
  if (c.hasNewFigures !== undefined) {
    const n = facts.novelty;
    const has = n.newFigures.length > 0;
    const listed =
      n.newFigures.slice(0, 3).join(', ') + (n.newFigures.length > 3 ? ` and ${n.newFigures.length - 3} more` : '');
    const yes = `new on ${n.lastDay}: ${listed}`;
    const no = `no figure new on ${n.lastDay}`;
    if (c.hasNewFigures) check(has, yes, no);
    else check(!has, no, yes);
  }
  return { holds: missed.length === 0, met, missed };
}

const LANGUAGE_NAMES: Record<Face, string> = { en: 'English', zh: 'Chinese' };

/** The first set that holds, else the closest miss (fewest missed fields, first on a tie). */
export function evaluateAny(
  sets: readonly Condition[],
  facts: StoryFacts,
  rubric: Rubric,
): ConditionOutcome & { index: number } {
  let closest: (ConditionOutcome & { index: number }) | null = null;
  for (const [index, c] of sets.entries()) {
    const out = evaluateCondition(c, facts, rubric);
    if (out.holds) return { ...out, index };
    if (closest === null || out.missed.length < closest.missed.length) closest = { ...out, index };
  }
  return closest ?? { holds: false, met: [], missed: ['no conditions'], index: -1 };
}

/**
 * The rubric's names that a title or lead names: a gazetteer entity by any of its names in either
 * language; a name the gazetteer does not know ("federal court", 法院) as written (whole words in
 * English, anywhere in Chinese).
 */
function entitiesNamed(names: readonly string[], facts: StoryFacts): string[] {
  const found = new Set<string>();
  for (const name of names) {
    const key = entityKey(name);
    const seen = facts.leadEntities.get(key);
    if (seen !== undefined) found.add(seen);
    else if (lookupEntity(name) === null && facts.leads.some((lead) => findTerms(lead.text, [name]).length > 0))
      found.add(name);
  }
  return [...found];
}

function describeList(items: readonly string[]): string {
  return items.length <= 4 ? items.join(', ') : `${items.slice(0, 3).join(', ')} and ${items.length - 3} others`;
}

/** Converted sums are compared, never printed: they are not in any source. */
function approx(surface: string, _usd: number): string {
  return /^(US)?\$/.test(surface) ? '' : " (compared at the rubric's exchange rate)";
}
