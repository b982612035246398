// Grounding of a model's text beyond what verifyOutput checks: a link must be one of the
// sources' own addresses (an injected "visit https://…" never reaches a reader), and a figure
// that is the odd one out of a conflict may appear only beside the figure the sources agree on.
// Both are added to the report as unsupported claims, so repairOutput drops their sentences.

import type { ArticleWithSightings } from '../../article.js';
import type { Ranking } from '../../rank/ranking.js';
import { figuresEqual, parseFigures, type Figure } from '../../understand/figures.js';
import type { Claim, SentenceCheck, SourceText } from '../../verify/grounding.js';
import type { VerificationReport } from '../../verify/verify-output.js';
import type { ProvenanceEntry, SpanRef } from '../schemas.js';

const LINK = /\bhttps?:\/\/[^\s)\]>"”'，。；、）]+|\bwww\.[a-z0-9-]+\.[^\s)\]>"”'，。；、）]+/gi;

export interface FigureRule {
  /** The minority surface ("1500 兆瓦") and its parsed figures. */
  readonly avoid: string;
  readonly avoidFigures: readonly Figure[];
  /** The believed variants' figures: a sentence that states both is reporting the conflict. */
  readonly believedFigures: readonly Figure[];
}

/** The rules of a ranking's settled conflicts (a tie with nothing favoured makes none). */
export function figureRules(ranking: Ranking): FigureRule[] {
  const out: FigureRule[] = [];
  for (const c of ranking.figureConflicts) {
    const favoured = c.favoured?.split('/').map((s) => s.trim()) ?? [];
    const top = Math.max(...c.variants.map((v) => v.sources.length));
    const believed = c.variants.filter((v) =>
      favoured.length > 0 ? favoured.includes(v.surface) : v.sources.length === top,
    );
    if (believed.length !== 1) continue;
    const believedFigures = [
      ...believed.flatMap((v) => parseFigures(v.surface)),
      ...favoured.flatMap((s) => parseFigures(s)),
    ];
    for (const v of c.variants) {
      if (believed.includes(v)) continue;
      out.push({ avoid: v.surface, avoidFigures: parseFigures(v.surface), believedFigures });
    }
  }
  return out;
}

/** Addresses the output may link to: every member's URL and the URLs it was seen at. */
export function allowedLinks(articles: readonly ArticleWithSightings[]): Set<string> {
  const out = new Set<string>();
  for (const a of articles) {
    out.add(normalLink(a.url));
    for (const s of a.sightings) out.add(normalLink(s.url));
  }
  return out;
}

/** A removed link as the record names it, not clickable: hxxps://attacker[.]example/x. */
export function defang(url: string): string {
  return url
    .replace(/^http/i, 'hxxp')
    .replace(
      /^(hxxps?:\/\/)?([^/]+)/i,
      (_, scheme: string | undefined, host: string) => `${scheme ?? ''}${host.replace(/\./g, '[.]')}`,
    );
}

function normalLink(url: string): string {
  return url
    .replace(/[.,;:!?]+$/, '')
    .replace(/\/$/, '')
    .toLowerCase();
}

function extraClaims(sentence: string, rules: readonly FigureRule[], links: ReadonlySet<string>): Claim[] {
  const claims: Claim[] = [];
  for (const m of sentence.matchAll(LINK)) {
    if (links.has(normalLink(m[0]))) continue;
    claims.push({
      kind: 'entity',
      surface: defang(m[0]),
      start: m.index,
      end: m.index + m[0].length,
      supported: false,
      support: [],
      reason: 'a link that is not the address of any source',
    });
  }
  if (rules.length > 0) {
    const figures = parseFigures(sentence);
    for (const rule of rules) {
      const bad = figures.find((f) => rule.avoidFigures.some((a) => figuresEqual(f, a)));
      if (!bad) continue;
      if (figures.some((f) => rule.believedFigures.some((b) => figuresEqual(f, b)))) continue;
      claims.push({
        kind: 'figure',
        surface: sentence.slice(bad.start, bad.end),
        start: bad.start,
        end: bad.end,
        supported: false,
        support: [],
        reason: `the minority figure of a conflict (${rule.avoid}); the sources agree on another`,
      });
    }
  }
  return claims;
}

/** The report with foreign links and minority figures added as unsupported claims. */
export function withModelChecks(
  report: VerificationReport,
  rules: readonly FigureRule[],
  links: ReadonlySet<string>,
): VerificationReport {
  const problems = [...report.problems];
  const fields = report.fields.map((f) => ({
    path: f.path,
    sentences: f.sentences.map((s): SentenceCheck => {
      const extra = extraClaims(s.text, rules, links);
      if (extra.length === 0) return s;
      for (const c of extra)
        problems.push({ path: f.path, kind: c.kind, surface: c.surface, message: c.reason ?? 'not in the sources' });
      return { ...s, claims: [...s.claims, ...extra].sort((a, b) => a.start - b.start), ok: false };
    }),
  }));
  return { ...report, fields, problems, ok: problems.length === 0 };
}

/**
 * Provenance of model-written fields: each field points at the source sentences its sentences
 * rest on (the verifier's best matches). Kind 'template': our words (the model's) around
 * source sentences. Source offsets are mapped back to the article's title or text.
 */
export function modelProvenance(
  report: VerificationReport,
  sources: readonly SourceText[],
  articles: readonly ArticleWithSightings[],
): ProvenanceEntry[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  return report.fields.map((f) => {
    const spans: SpanRef[] = [];
    const seen = new Set<string>();
    for (const s of f.sentences) {
      for (const sup of [...s.support, ...s.claims.filter((c) => c.kind !== 'entity').flatMap((c) => c.support)]) {
        const span = spanInArticle(sup.sourceId, sup.start, sup.end, byId, sourceById);
        if (!span) continue;
        const key = `${span.articleId}:${span.field}:${span.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        spans.push(span);
      }
    }
    return { path: f.path, kind: 'template', spans };
  });
}

/** A source span as a span of article.title or article.text (sourcesOf joins them with a blank line). */
function spanInArticle(
  sourceId: string,
  start: number,
  end: number,
  articles: ReadonlyMap<string, ArticleWithSightings>,
  sources: ReadonlyMap<string, SourceText>,
): SpanRef | null {
  const article = articles.get(sourceId);
  const source = sources.get(sourceId);
  if (!article || !source) return null; // a translation ("id#zh") has no span in the article itself
  const title = article.title ?? '';
  const offset = title ? title.length + 2 : 0;
  if (title && end <= title.length) return { articleId: article.id, field: 'title', start, end };
  if (start < offset) return null;
  return {
    articleId: article.id,
    field: 'text',
    start: start - offset,
    end: Math.min(end - offset, article.text.length),
  };
}
