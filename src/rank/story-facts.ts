// The facts about a story that rubric conditions read: publishers, official sources, figures,
// the entities and topic words of its titles and leads, its largest sums of money and power.
// Gathered once per story; conditions.ts evaluates rules against them.
import { outletName, type ArticleWithSightings, type Face } from '../article.js';
import type { SourceType } from '../sources/registry.js';
import { findEntities } from '../understand/entities.js';
import { lookupEntity } from '../understand/gazetteer.js';
import { compareFigures, describeGroup, type FigureComparison, type FigureGroup } from './figure-groups.js';
import { countPublishers, type PublisherCount } from './publishers.js';
import type { Confidence } from './ranking.js';
import type { Rubric } from './rubric.js';

/** Title plus this many paragraphs is an article's lead: where its subject is named. */
const LEAD_PARAGRAPHS = 2;

export interface LeadText {
  readonly outlet: string;
  readonly text: string;
}

export interface Largest {
  readonly value: number;
  readonly surface: string;
}

export interface StoryFacts {
  readonly articles: number;
  /** How many of English and Chinese the story is covered in. */
  readonly languages: number;
  /**
   * The languages with coverage: an article written in it, or a bilingual page carrying it. A
   * Chinese quote in an English article is not Chinese coverage.
   */
  readonly languageList: ReadonlyArray<Face>;
  readonly publishers: PublisherCount;
  readonly sourceTypes: ReadonlyMap<SourceType, readonly string[]>;
  /** Entities named in a title or lead: key (gazetteer id, or lower-case name) → display name. */
  readonly leadEntities: ReadonlyMap<string, string>;
  /** Entities anywhere in the text, same keys. */
  readonly allEntities: ReadonlyMap<string, string>;
  readonly leads: readonly LeadText[];
  readonly figures: FigureComparison;
  readonly maxMoneyUsd: Largest | null;
  readonly maxPowerW: Largest | null;
  readonly novelty: Novelty;
  /** Set once computed, for conditions that use them (tiers and audiences). */
  confidence?: Confidence;
  score?: number;
}

/**
 * How new the story is, from its articles' own days (published, else first seen): when it was
 * first and last covered, and what its latest day added. An edition ranks a story with the
 * articles known by the end of its day, so for a day's edition `lastDay` is that day.
 */
export interface Novelty {
  readonly firstDay: string;
  readonly lastDay: string;
  /** Whole days from firstDay to lastDay. */
  readonly daysRunning: number;
  /** Figures (as written) in the latest day's coverage that no earlier day's coverage had. */
  readonly newFigures: readonly string[];
}

const dayOf = (a: ArticleWithSightings): string => (a.published ?? a.ingestedAt).slice(0, 10);

export function noveltyOf(articles: readonly ArticleWithSightings[]): Novelty {
  if (articles.length === 0) return { firstDay: '', lastDay: '', daysRunning: 0, newFigures: [] };
  const days = articles.map(dayOf);
  const firstDay = days.reduce((a, b) => (b < a ? b : a));
  const lastDay = days.reduce((a, b) => (b > a ? b : a));
  const daysRunning = Math.round(
    (Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${firstDay}T00:00:00Z`)) / 86_400_000,
  );
  const key = (f: { kind: string; unit: string; value: number }) => `${f.kind}|${f.unit}|${f.value}`;
  const earlier = new Set<string>();
  for (const [i, a] of articles.entries()) {
    if (days[i]! < lastDay) for (const f of a.understanding.figures) earlier.add(key(f));
  }
  const newFigures = new Map<string, string>();
  if (daysRunning > 0) {
    for (const [i, a] of articles.entries()) {
      if (days[i] !== lastDay) continue;
      for (const f of a.understanding.figures) {
        if (f.kind === 'year' || earlier.has(key(f)) || newFigures.has(key(f))) continue;
        newFigures.set(key(f), f.surface);
      }
    }
  }
  return { firstDay, lastDay, daysRunning, newFigures: [...newFigures.values()] };
}

/** The key a rubric name and an entity share: the gazetteer id when there is one. */
export function entityKey(nameOrId: string): string {
  return lookupEntity(nameOrId)?.id ?? nameOrId.normalize('NFKC').toLowerCase().trim();
}

function leadOf(a: ArticleWithSightings): { text: string; end: number } {
  let end = 0;
  for (const [i, p] of a.paragraphs.slice(0, LEAD_PARAGRAPHS).entries()) end += p.length + (i > 0 ? 2 : 0);
  const body = a.text.slice(0, end);
  return { text: a.title ? `${a.title}\n${body}` : body, end };
}

export function gatherFacts(articles: readonly ArticleWithSightings[], rubric: Rubric): StoryFacts {
  const publishers = countPublishers(articles, rubric);
  const order = [...publishers.official, ...publishers.independent, ...publishers.uncounted].map((p) => p.name);
  const figures = compareFigures(articles, publishers.publisherOf, order, rubric);
  const sourceTypes = new Map<SourceType, string[]>();
  for (const p of [...publishers.official, ...publishers.independent, ...publishers.uncounted]) {
    sourceTypes.set(p.type, [...(sourceTypes.get(p.type) ?? []), p.name]);
  }
  const leadEntities = new Map<string, string>();
  const allEntities = new Map<string, string>();
  const leads: LeadText[] = [];
  for (const a of articles) {
    const lead = leadOf(a);
    const outlet = publishers.publisherOf.get(a.id)?.name ?? outletName(a);
    leads.push({ outlet, text: lead.text });
    for (const e of a.understanding.entities) {
      const key = e.entityId ?? e.name.toLowerCase();
      if (!allEntities.has(key)) allEntities.set(key, e.name);
      if (e.start < lead.end && !leadEntities.has(key)) leadEntities.set(key, e.name);
    }
    // Names in the title and lead as the gazetteer reads them now, so a name the user added to the
    // gazetteer counts for articles stored before it was added.
    for (const e of findEntities(lead.text)) {
      const key = e.entityId ?? e.name.toLowerCase();
      if (!leadEntities.has(key)) leadEntities.set(key, e.name);
      if (!allEntities.has(key)) allEntities.set(key, e.name);
    }
  }
  const usable = figures.groups.filter((g) => !figures.outvoted.has(g));
  const covered = new Set(articles.flatMap((a) => (a.bilingual !== null ? ['en', 'zh'] : [a.language])));
  const languageList = (['en', 'zh'] as const).filter((l) => covered.has(l));
  return {
    articles: articles.length,
    languages: languageList.length,
    languageList,
    publishers,
    sourceTypes,
    leadEntities,
    allEntities,
    leads,
    figures,
    maxMoneyUsd: largest(
      usable.filter((g) => g.kind === 'money'),
      (g) => (rubric.currencyToUsd[g.unit] ?? (g.unit === 'USD' ? 1 : 0)) * g.value,
    ),
    maxPowerW: largest(
      usable.filter((g) => g.kind === 'power' && g.unit === 'W'),
      (g) => g.value,
    ),
    novelty: noveltyOf(articles),
  };
}

function largest(groups: readonly FigureGroup[], value: (g: FigureGroup) => number): Largest | null {
  let best: Largest | null = null;
  for (const g of groups) {
    const v = value(g);
    if (v > 0 && (best === null || v > best.value)) best = { value: v, surface: describeGroup(g) };
  }
  return best;
}
