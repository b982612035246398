// A platform-neutral commentary post per story: a thesis headline (the story's most general strong
// sentence), a hook with the key figure, numbered takeaways chosen for diversity, a closing line
// and credits. Every claim is a source sentence; the numbering and framing are ours.

import { ADVICE_CUES, CONS_CUES, cueHits } from './cues.js';
import { composeHeadline, composeImpact, composeProsCons } from './compose.js';
import { digestItemFor, faceContext, figureKeysIn, fitForSlot, headlineOf, type FaceContext } from './digest-item.js';
import { LABELS } from './labels.js';
import { SCHEMA_VERSION, type Post, type ProvenanceEntry } from './schemas.js';
import { selectDiverse } from './selection.js';
import type { FaceLanguage } from './sentence-candidates.js';
import { extractEntry, sourceRefs, spanOf } from './source-refs.js';
import { analyseStory, type ScoredCandidate, type StoryAnalysis, type StoryInput } from './story-analysis.js';

const ATTRIBUTION_ONLY = /(?:说|表示|称|指出|写道)[。！]?$|\b(?:said|says|told reporters|wrote)\.?$/u;

export function writePost(story: StoryInput, face: FaceLanguage): Post {
  const analysis = analyseStory(story);
  const ctx = faceContext(analysis, face);
  const prov: ProvenanceEntry[] = [];
  const keyKey = analysis.keyFigures[0]?.key;
  if (ctx.composed) return composedPost(story, ctx, face);

  // Hook: the news with its key figure (the digest's lead), plus the key-figure sentence if the lead lacks it.
  const item = digestItemFor(ctx);
  const lead = ctx.pool.find((c) => c.text === item.keyPoints.lead);
  const hookParts: ScoredCandidate[] = lead ? [lead] : [];
  if (lead && keyKey && !lead.figureKeys.includes(keyKey)) {
    const [withFigure] = selectDiverse(ctx.pool, 1, { chosen: hookParts, filter: (c) => c.figureKeys.includes(keyKey) && fitForSlot(c) });
    if (withFigure) hookParts.push(withFigure);
  }
  const sep = ctx.bodyLanguage === 'zh' ? '' : ' ';
  const hook = hookParts.map((c) => c.text).join(sep);
  prov.push({ path: 'hook', kind: 'extract', spans: hookParts.map(spanOf) });
  const keys = new Set(hookParts.flatMap((c) => [...figureKeysIn(c.text)]));

  // Thesis: a general claim (no figures, not dangling) that many members' words support.
  // Long enough to state something, and not an attribution left over from a quote ("…费朗说。").
  const general = (c: ScoredCandidate): boolean =>
    c.figureKeys.length === 0 && fitForSlot(c) && !c.hasQuote && !ATTRIBUTION_ONLY.test(c.text) &&
    (c.language === 'zh' ? c.text.length >= 15 && c.text.length <= 50 : c.text.split(/\s+/).length >= 8 && c.text.length <= 140);
  const [thesis] = selectDiverse(ctx.pool, 1, { chosen: hookParts, filter: general, boost: (c) => 0.3 * cueHits(c, ADVICE_CUES) });
  let headline: string;
  if (thesis) {
    headline = thesis.text;
    prov.push(extractEntry('headline', thesis));
  } else {
    const h = headlineOf(ctx);
    headline = h.text;
    prov.push({ path: 'headline', kind: h.kind, spans: [...h.spans] });
  }

  // Takeaways: up to four points that each add a fact (no figure said twice); quotes attributed,
  // cautions welcome, no opening on a reference to something not said.
  const chosen = [...hookParts, ...(thesis ? [thesis] : [])];
  const picks: ScoredCandidate[] = [];
  while (picks.length < 4) {
    const [next] = selectDiverse(ctx.pool, 1, {
      chosen: [...chosen, ...picks],
      lambda: 0.6,
      filter: (c) => fitForSlot(c) && ![...figureKeysIn(c.text)].some((k) => keys.has(k)),
      boost: (c) => (c.hasQuote ? 0.2 : 0) + 0.15 * cueHits(c, CONS_CUES) + 0.15 * cueHits(c, ADVICE_CUES),
    });
    if (!next) break;
    figureKeysIn(next.text).forEach((k) => keys.add(k));
    picks.push(next);
  }
  const takeaways = picks.map((c, i) => {
    prov.push(extractEntry(`takeaways[${i}]`, c));
    return c.text;
  });
  if (takeaways.length === 0) fillTakeaways(ctx, takeaways, prov, new Set());

  // Closing: an advice-like sentence from the sources if one is left, else the computed verdict.
  const [closer] = selectDiverse(ctx.pool, 1, { chosen: [...chosen, ...picks], filter: (c) => fitForSlot(c) && cueHits(c, ADVICE_CUES) > 0 && ![...figureKeysIn(c.text)].some((k) => keys.has(k)) });
  let closing: string;
  if (closer) {
    closing = closer.text;
    prov.push(extractEntry('closing', closer));
  } else {
    closing = verdict(story, face);
    prov.push({ path: 'closing', kind: 'computed', spans: [] });
  }

  return {
    schemaVersion: SCHEMA_VERSION,
    language: face,
    bodyLanguage: ctx.bodyLanguage,
    notice: ctx.notice,
    storyId: story.storyId,
    headline,
    hook,
    takeaways,
    closing,
    credits: credited(analysis.articles),
    provenance: prov,
  };
}

/** The computed closing line: how solid the story is, and how many publishers tell it. */
function verdict(story: StoryInput, face: FaceLanguage): string {
  const labels = LABELS[face];
  const publishers = story.ranking.independentPublishers.length || new Set(story.articles.map((a) => a.outlet)).size;
  return face === 'zh'
    ? `${labels.confidence}${labels.colon}${labels.confidenceValue(story.ranking.confidence)}（${publishers} 家独立发布方）。`
    : `${labels.confidence}${labels.colon}${labels.confidenceValue(story.ranking.confidence)} (${publishers} independent ${publishers === 1 ? 'publisher' : 'publishers'}).`;
}

/** Credits: each outlet once (its first source in id order stands for its others). */
function credited(articles: StoryAnalysis['articles']): Post['credits'] {
  const seen = new Set<string>();
  return sourceRefs(articles).filter((r) => {
    if (seen.has(r.outlet)) return false;
    seen.add(r.outlet);
    return true;
  });
}

/** The argument from the story's facts: who it is good or bad for and why, then what changes for its first audience; no figure said twice among the takeaways. */
function fillTakeaways(ctx: FaceContext, takeaways: string[], prov: ProvenanceEntry[], keys: Set<string>): void {
  const judged = composeProsCons(ctx.facts, ctx.face);
  const impact = composeImpact(ctx.facts, ctx.face, ctx.analysis.story.ranking.audiences[0] ?? 'Executive', keys);
  for (const s of [...judged.pros, ...judged.cons, ...(impact ? [impact.statement] : [])]) {
    if (takeaways.length >= 4) break;
    if ([...figureKeysIn(s.text)].some((k) => keys.has(k))) continue;
    figureKeysIn(s.text).forEach((k) => keys.add(k));
    prov.push({ path: `takeaways[${takeaways.length}]`, kind: s.kind, spans: [...s.spans] });
    takeaways.push(s.text);
  }
}

/**
 * The post in a face with no coverage of its own: headline, hook and takeaways composed from the
 * story's facts (the event, then each figure attributed, then who it is good or bad for).
 */
function composedPost(story: StoryInput, ctx: FaceContext, face: FaceLanguage): Post {
  const prov: ProvenanceEntry[] = [];
  const item = digestItemFor(ctx);
  const head = composeHeadline(ctx.facts, face);
  const headline = head?.text ?? item.headline;
  prov.push({ path: 'headline', kind: head ? head.kind : 'template', spans: [...(head?.spans ?? [])] });
  const hook = item.keyPoints.lead;
  const at = (path: string): ProvenanceEntry['spans'] => [...(item.provenance.find((p) => p.path === path)?.spans ?? [])];
  prov.push({ path: 'hook', kind: 'composed', spans: at('keyPoints.lead') });
  const takeaways: string[] = [];
  item.keyPoints.points.slice(0, 3).forEach((p, i) => {
    prov.push({ path: `takeaways[${takeaways.length}]`, kind: 'composed', spans: at(`keyPoints.points[${i}]`) });
    takeaways.push(p);
  });
  fillTakeaways(ctx, takeaways, prov, new Set(takeaways.flatMap((t) => [...figureKeysIn(t)])));
  prov.push({ path: 'closing', kind: 'computed', spans: [] });
  return {
    schemaVersion: SCHEMA_VERSION,
    language: face,
    bodyLanguage: ctx.bodyLanguage,
    notice: ctx.notice,
    storyId: story.storyId,
    headline,
    hook,
    takeaways,
    closing: verdict(story, face),
    credits: credited(ctx.analysis.articles),
    provenance: prov,
  };
}
