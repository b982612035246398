// A platform-neutral commentary post per story: a thesis headline (the story's most general strong
// sentence), a hook with the key figure, numbered takeaways chosen for diversity, a closing line
// and credits. Every claim is a source sentence; the numbering and framing are ours.

import { ADVICE_CUES, CONS_CUES, cueHits } from './cues.js';
import { digestItemFor, faceContext, headlineOf } from './digest-item.js';
import { LABELS } from './labels.js';
import { SCHEMA_VERSION, type Post, type ProvenanceEntry } from './schemas.js';
import { selectDiverse } from './selection.js';
import type { FaceLanguage } from './sentence-candidates.js';
import { extractEntry, sourceRefs, spanOf } from './source-refs.js';
import { analyseStory, type ScoredCandidate, type StoryInput } from './story-analysis.js';

const ATTRIBUTION_ONLY = /(?:说|表示|称|指出|写道)[。！]?$|\b(?:said|says|told reporters|wrote)\.?$/u;

export function writePost(story: StoryInput, face: FaceLanguage): Post {
  const analysis = analyseStory(story);
  const ctx = faceContext(analysis, face);
  const prov: ProvenanceEntry[] = [];
  const keyKey = analysis.keyFigures[0]?.key;

  // Hook: the news with its key figure (the digest's lead), plus the key-figure sentence if the lead lacks it.
  const item = digestItemFor(ctx);
  const lead = ctx.pool.find((c) => c.text === item.keyPoints.lead);
  const hookParts: ScoredCandidate[] = lead ? [lead] : [];
  if (lead && keyKey && !lead.figureKeys.includes(keyKey)) {
    const [withFigure] = selectDiverse(ctx.pool, 1, { chosen: hookParts, filter: (c) => c.figureKeys.includes(keyKey) && !c.dangling });
    if (withFigure) hookParts.push(withFigure);
  }
  const sep = ctx.bodyLanguage === 'zh' ? '' : ' ';
  const hook = hookParts.map((c) => c.text).join(sep);
  prov.push({ path: 'hook', kind: 'extract', spans: hookParts.map(spanOf) });

  // Thesis: a general claim (no figures, not dangling) that many members' words support.
  // Long enough to state something, and not an attribution left over from a quote ("…费朗说。").
  const general = (c: ScoredCandidate): boolean =>
    c.figureKeys.length === 0 && !c.dangling && !c.hasQuote && !ATTRIBUTION_ONLY.test(c.text) &&
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

  // Takeaways: four diverse points; quotes and cautions welcome, dangling openers not.
  const chosen = [...hookParts, ...(thesis ? [thesis] : [])];
  const picks = selectDiverse(ctx.pool, 4, {
    chosen,
    lambda: 0.6,
    filter: (c) => !c.dangling,
    boost: (c) => (c.hasQuote ? 0.2 : 0) + 0.15 * cueHits(c, CONS_CUES) + 0.15 * cueHits(c, ADVICE_CUES),
  });
  const takeaways = picks.map((c, i) => {
    prov.push(extractEntry(`takeaways[${i}]`, c));
    return c.text;
  });

  // Closing: an advice-like sentence from the sources if one is left, else the computed verdict.
  const [closer] = selectDiverse(ctx.pool, 1, { chosen: [...chosen, ...picks], filter: (c) => !c.dangling && cueHits(c, ADVICE_CUES) > 0 });
  let closing: string;
  if (closer) {
    closing = closer.text;
    prov.push(extractEntry('closing', closer));
  } else {
    const labels = LABELS[face];
    const publishers = story.ranking.independentPublishers.length || new Set(story.articles.map((a) => a.outlet)).size;
    closing =
      face === 'zh'
        ? `${labels.confidence}${labels.colon}${labels.confidenceValue(story.ranking.confidence)}（${publishers} 家独立发布方）。`
        : `${labels.confidence}${labels.colon}${labels.confidenceValue(story.ranking.confidence)} (${publishers} independent ${publishers === 1 ? 'publisher' : 'publishers'}).`;
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
    credits: sourceRefs(analysis.articles),
    provenance: prov,
  };
}
