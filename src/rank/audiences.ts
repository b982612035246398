// Who a story or a single article (for its card) matters to, from the rubric's audience rules:
// entities named, kinds of figure given (money → Investor), topic words in English and Chinese,
// source types, and story facts (wide coverage → Tech Journalist). Highest score first, then
// rubric order, so the first audience is the primary one.
import type { ArticleWithSightings } from '../article.js';
import type { Audience } from './ranking.js';
import { evaluateAny } from './conditions.js';
import type { AudienceRule, Rubric } from './rubric.js';
import { describeGroup } from './figure-groups.js';
import { entityKey, gatherFacts, type StoryFacts } from './story-facts.js';
import { findTerms } from './topic-terms.js';

/** Evidence of one kind counts this many items at most, so a long article cannot win on length. */
const MAX_ITEMS = 3;

export interface AudienceTags {
  readonly audiences: readonly Audience[];
  /** One line per tagged audience, in the same order: "Investor: money figures $9.6 billion; …". */
  readonly reasons: readonly string[];
  /** Every audience's score, tagged or not, in rubric order (for explain and tests). */
  readonly scores: ReadonlyArray<{ readonly audience: Audience; readonly score: number }>;
}

export function audiencesForStory(
  articles: readonly ArticleWithSightings[],
  rubric: Rubric,
  facts?: StoryFacts,
): AudienceTags {
  const f = facts ?? gatherFacts(articles, rubric);
  const texts = articles.map((a) => (a.title ? `${a.title}\n${a.text}` : a.text));
  const scored = rubric.audiences.list.map((rule, order) => ({
    order,
    rule,
    ...scoreAudience(rule, f, texts, rubric),
  }));
  const tagged = scored
    .filter((s) => s.score >= (s.rule.minScore ?? rubric.audiences.minScore))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, rubric.audiences.max);
  return {
    audiences: tagged.map((s) => s.rule.name),
    reasons: tagged.map((s) => `${s.rule.name}: ${s.why.join('; ')}`),
    scores: scored.map((s) => ({ audience: s.rule.name, score: s.score })),
  };
}

/** A card's audiences: the article alone, as a story of one. */
export function audiencesForArticle(article: ArticleWithSightings, rubric: Rubric): AudienceTags {
  return audiencesForStory([article], rubric);
}

function scoreAudience(
  rule: AudienceRule,
  facts: StoryFacts,
  texts: readonly string[],
  rubric: Rubric,
): { score: number; why: string[] } {
  const w = rubric.audiences.weights;
  const why: string[] = [];
  let score = 0;
  if (rule.when && rule.when.length > 0) {
    const out = evaluateAny(rule.when, facts, rubric);
    if (out.holds) {
      score += w.when;
      why.push(out.met.join(', '));
    }
  }
  const entities = [...new Set((rule.entities ?? []).map(entityKey))]
    .filter((k) => facts.allEntities.has(k))
    .map((k) => facts.allEntities.get(k)!);
  if (entities.length > 0) {
    score += w.entity * Math.min(entities.length, MAX_ITEMS);
    why.push(`names ${entities.slice(0, MAX_ITEMS).join(', ')}`);
  }
  const kinds = new Set<string>(rule.figureKinds ?? []);
  const units = new Set(rule.figureUnits ?? []);
  const figures = facts.figures.groups.filter(
    (g) => !facts.figures.outvoted.has(g) && (kinds.has(g.kind) || units.has(g.unit)),
  );
  if (figures.length > 0) {
    // One figure is evidence; more of the same kind add little.
    score += w.figure;
    why.push(`figures ${figures.slice(0, MAX_ITEMS).map(describeGroup).join(', ')}`);
  }
  const terms: string[] = [];
  for (const topic of rule.topics ?? []) {
    for (const t of findTerms(texts.join('\n'), rubric.topics[topic] ?? [])) if (!terms.includes(t)) terms.push(t);
  }
  if (terms.length > 0) {
    score += w.topic * Math.min(terms.length, MAX_ITEMS);
    why.push(
      `topic words ${terms
        .slice(0, MAX_ITEMS + 2)
        .map((t) => `"${t}"`)
        .join(', ')}`,
    );
  }
  const typed = (rule.sourceTypes ?? []).flatMap((t) => (facts.sourceTypes.get(t) ?? []).map((n) => `${n} (${t})`));
  if (typed.length > 0) {
    score += w.sourceType;
    why.push(`source ${typed.join(', ')}`);
  }
  return { score, why };
}
