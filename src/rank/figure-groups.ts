// Figures across a story's sources: equal figures (English and Chinese forms alike, via
// figuresEqual) group together; groups stated by two or more publishers agree; a group that only
// disagreeing sources state, close to or a power of ten away from another group of the same kind
// and unit and said about the same things, is a conflict (3000 兆瓦 where five sources say 300MW).
import type { ArticleWithSightings } from '../article.js';
import { figuresEqual, type Figure } from '../understand/understand.js';
import type { FigureAgreement, FigureConflict } from './ranking.js';
import type { Publisher } from './publishers.js';
import type { Rubric } from './rubric.js';

export interface FigureGroup {
  readonly kind: Figure['kind'];
  readonly unit: string;
  readonly value: number;
  /** Publisher names stating it, in the story's publisher order. */
  readonly sources: string[];
  readonly surfaces: string[];
  /** Entities and other figures in the sentences that state it: what the figure is about. */
  readonly anchors: Set<string>;
  official: boolean;
}

export interface FigureComparison {
  readonly groups: readonly FigureGroup[];
  readonly agreeing: readonly FigureAgreement[];
  readonly conflicts: readonly FigureConflict[];
  /** Groups that lost a conflict (the odd one out); left out of thresholds such as minMoneyUsd. */
  readonly outvoted: ReadonlySet<FigureGroup>;
}

const HAN = /\p{Script=Han}/u;
const SCALE_TOLERANCE = 0.005;

const figureKey = (f: Figure): string => `${f.kind}|${f.unit}|${Number(f.value.toPrecision(3))}`;

function anchorsOf(a: ArticleWithSightings, f: Figure): string[] {
  const s = a.understanding.sentences.find((x) => x.start <= f.start && f.start < x.end) ?? {
    start: f.start,
    end: f.end,
  };
  const out: string[] = [];
  for (const e of a.understanding.entities) {
    // Concepts (GPU, compute) are what every figure in an AI story is near; they tell nothing.
    if (e.start >= s.start && e.end <= s.end && e.type !== 'concept')
      out.push(`e:${e.entityId ?? e.name.toLowerCase()}`);
  }
  for (const g of a.understanding.figures) {
    if (g !== f && g.start >= s.start && g.end <= s.end && !(g.kind === f.kind && g.unit === f.unit))
      out.push(`f:${figureKey(g)}`);
  }
  return out;
}

/** Whether two different values could be one claim misreported: close, or a slip of scale. */
function confusable(a: number, b: number, rubric: Rubric): boolean {
  const lo = Math.min(Math.abs(a), Math.abs(b));
  const hi = Math.max(Math.abs(a), Math.abs(b));
  if (lo === 0) return false;
  const ratio = hi / lo;
  if (ratio <= rubric.figures.closeRatio) return true;
  if (!rubric.figures.scaleSlips) return false;
  return [10, 100, 1000].some((p) => Math.abs(ratio - p) <= SCALE_TOLERANCE * p);
}

function commonSurface(surfaces: readonly string[], han: boolean): string | null {
  const counts = new Map<string, number>();
  for (const s of surfaces) if (HAN.test(s) === han) counts.set(s, (counts.get(s) ?? 0) + 1);
  let best: string | null = null;
  for (const [s, n] of counts) if (best === null || n > counts.get(best)!) best = s;
  return best;
}

/** "300MW / 300 兆瓦": the commonest English and Chinese forms, the English first. */
export function describeGroup(g: FigureGroup): string {
  const en = commonSurface(g.surfaces, false);
  const zh = commonSurface(g.surfaces, true);
  const same = en !== null && zh !== null && en.replace(/\s/g, '') === zh.replace(/\s/g, '');
  return [en, same ? null : zh].filter((s): s is string => s !== null).join(' / ');
}

const sourcesText = (g: FigureGroup, named: number): string =>
  g.sources.length <= named ? g.sources.join(', ') : `${g.sources.length} sources: ${g.sources.join(', ')}`;

export function compareFigures(
  articles: readonly ArticleWithSightings[],
  publisherOf: ReadonlyMap<string, Publisher | null>,
  order: readonly string[],
  rubric: Rubric,
): FigureComparison {
  const ignore = new Set<string>(rubric.figures.ignoreKinds);
  const groups: FigureGroup[] = [];
  for (const a of articles) {
    const pub = publisherOf.get(a.id);
    if (!pub) continue;
    for (const f of a.understanding.figures) {
      if (ignore.has(f.kind)) continue;
      if ((f.kind === 'count' || f.kind === 'quantity') && f.value < rubric.figures.minCount) continue;
      let g = groups.find((x) => x.kind === f.kind && x.unit === f.unit && figuresEqual({ ...f, value: x.value }, f));
      if (!g) {
        g = {
          kind: f.kind,
          unit: f.unit,
          value: f.value,
          sources: [],
          surfaces: [],
          anchors: new Set(),
          official: false,
        };
        groups.push(g);
      }
      if (!g.sources.includes(pub.name)) g.sources.push(pub.name);
      g.surfaces.push(f.surface);
      if (pub.type === 'official') g.official = true;
      for (const k of anchorsOf(a, f)) g.anchors.add(k);
    }
  }
  const rank = (name: string) => {
    const i = order.indexOf(name);
    return i < 0 ? order.length : i;
  };
  for (const g of groups) g.sources.sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0));
  groups.sort(
    (x, y) =>
      y.sources.length - x.sources.length ||
      (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0) ||
      (x.unit < y.unit ? -1 : x.unit > y.unit ? 1 : 0) ||
      x.value - y.value,
  );

  // Conflicting pairs: no source states both, confusable values, and a shared anchor.
  const parent = new Map<FigureGroup, FigureGroup>(groups.map((g) => [g, g]));
  const find = (g: FigureGroup): FigureGroup => (parent.get(g) === g ? g : find(parent.get(g)!));
  const inConflict = new Set<FigureGroup>();
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      const a = groups[i]!;
      const b = groups[j]!;
      if (a.kind !== b.kind || a.unit !== b.unit) continue;
      if (a.sources.some((s) => b.sources.includes(s))) continue;
      if (!confusable(a.value, b.value, rubric)) continue;
      if (![...a.anchors].some((k) => b.anchors.has(k))) continue;
      parent.set(find(b), find(a));
      inConflict.add(a).add(b);
    }
  }
  const components = new Map<FigureGroup, FigureGroup[]>();
  for (const g of groups) if (inConflict.has(g)) components.set(find(g), [...(components.get(find(g)) ?? []), g]);

  const conflicts: FigureConflict[] = [];
  const outvoted = new Set<FigureGroup>();
  for (const variants of components.values()) {
    // variants keep the groups' order: most sources first.
    const [top, second] = variants;
    const others = variants.slice(1);
    const byMajority =
      second !== undefined && top!.sources.length >= rubric.figures.resolveMajority * second.sources.length;
    const byOfficial = top!.official && others.every((g) => !g.official);
    const resolved = byMajority || byOfficial;
    if (resolved) for (const g of others) outvoted.add(g);
    const why = [
      byOfficial ? `the official source states ${describeGroup(top!)}` : null,
      byMajority ? `${top!.sources.length} sources to ${second!.sources.length}` : null,
    ]
      .filter(Boolean)
      .join(' and ');
    conflicts.push({
      description: `${top!.kind}: ${variants.map((g) => `${describeGroup(g)} (${sourcesText(g, 1)})`).join(' vs ')}`,
      variants: variants.map((g) => ({ surface: describeGroup(g), sources: [...g.sources] })),
      resolved,
      ...(resolved ? { favoured: describeGroup(top!), resolution: why } : {}),
    });
  }
  const agreeing: FigureAgreement[] = groups
    .filter((g) => g.sources.length >= 2 && !outvoted.has(g))
    .map((g) => ({ figure: `${describeGroup(g)} (${g.sources.length} sources)`, sources: [...g.sources] }));
  return { groups, agreeing, conflicts, outvoted };
}
