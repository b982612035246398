// Statements the writer computes rather than extracts: corroboration, official confirmation,
// figures the sources agree on, and figure conflicts named with both variants and their outlets.
// Each names only outlets, counts and figure surfaces found in the sources.

import type { ArticleWithSightings, Face } from '../article.js';
import { figuresEqual, parseFigures } from '../understand/understand.js';
import type { SpanRef } from './schemas.js';
import { figureIn } from './compose.js';
import { outletOf } from './source-refs.js';
import type { KeyFigure, StoryAnalysis } from './story-analysis.js';
import { nameInFace } from './zh-names.js';

export interface Statement {
  readonly text: string;
  readonly kind: 'template' | 'computed' | 'composed';
  readonly spans: readonly SpanRef[];
}

const join = (names: readonly string[], face: Face): string => names.join(face === 'zh' ? '、' : ', ');

function outletsOf(articles: readonly ArticleWithSightings[]): string[] {
  return [...new Set(articles.map(outletOf))];
}

export function corroboration(a: StoryAnalysis, face: Face): Statement | null {
  const publishers =
    a.story.ranking.independentPublishers.length > 0
      ? [...a.story.ranking.independentPublishers]
      : outletsOf(a.articles);
  if (publishers.length < 2) return null;
  const named = publishers.map((p) => nameInFace(a, p, face));
  const text =
    face === 'zh'
      ? `${publishers.length} 家独立发布方报道了此事：${join(named, face)}。`
      : `Reported by ${publishers.length} independent publishers: ${join(publishers, face)}.`;
  return { text, kind: 'computed', spans: [] };
}

export function officialConfirmation(a: StoryAnalysis, face: Face): Statement | null {
  const official = a.articles.filter((x) => x.sourceType === 'official');
  if (official.length === 0) return null;
  const names = join(
    outletsOf(official).map((o) => nameInFace(a, o, face)),
    face,
  );
  const text = face === 'zh' ? `有官方来源确认：${names}。` : `Confirmed by an official statement from ${names}.`;
  return {
    text,
    kind: 'computed',
    spans: official.map((x) => ({ articleId: x.id, field: 'title' as const, start: 0, end: (x.title ?? '').length })),
  };
}

export function singleSource(a: StoryAnalysis, face: Face): Statement | null {
  if (outletsOf(a.articles).length !== 1 || !a.articles[0]) return null;
  const name = nameInFace(a, outletOf(a.articles[0]), face);
  const text =
    face === 'zh'
      ? `目前只有一个来源（${name}），尚无其他来源证实。`
      : `Only one source so far (${name}); nothing else confirms it yet.`;
  return { text, kind: 'computed', spans: [] };
}

/**
 * "No official statement", when it is missing: a story with an official source has one, and a
 * research report is its authors' own statement of their results (a lab's paper is not waiting
 * for a press release to be confirmed; other sources confirming it is singleSource's matter).
 */
export function noOfficial(a: StoryAnalysis, face: Face): Statement | null {
  if (a.articles.some((x) => x.sourceType === 'official' || x.sourceType === 'research')) return null;
  const text = face === 'zh' ? '来源中没有官方声明。' : 'No official statement is among the sources.';
  return { text, kind: 'computed', spans: [] };
}

/** Where a figure occurs in the members: the spans a statement about it rests on. */
function figureSpans(a: StoryAnalysis, key: KeyFigure): { outlets: string[]; spans: SpanRef[] } {
  const outlets: string[] = [];
  const spans: SpanRef[] = [];
  for (const art of a.articles) {
    const f = art.understanding.figures.find((g) => figuresEqual(g, key.figure));
    if (!f) continue;
    outlets.push(outletOf(art));
    spans.push({ articleId: art.id, field: 'text', start: f.start, end: f.end });
  }
  return { outlets: [...new Set(outlets)], spans };
}

export function agreement(a: StoryAnalysis, face: Face, key: KeyFigure | undefined): Statement | null {
  if (!key || key.articles < 2) return null;
  const surface = figureIn(key, face);
  const { outlets, spans } = figureSpans(a, key);
  if (outlets.length < 2) return null;
  const text =
    face === 'zh'
      ? `各来源对 ${surface} 这一数字说法一致：${join(
          outlets.map((o) => nameInFace(a, o, face)),
          face,
        )}。`
      : `Sources agree on ${surface}: ${join(outlets, face)}.`;
  return { text, kind: 'template', spans };
}

/** One statement per conflict, naming every variant with the outlets that give it. */
export function conflicts(a: StoryAnalysis, face: Face): Statement[] {
  return a.story.ranking.figureConflicts.map((conflict) => {
    const spans: SpanRef[] = [];
    const parts = conflict.variants.map((v) => {
      const fig = parseFigures(v.surface)[0];
      for (const art of a.articles) {
        const hit = art.understanding.figures.find((g) => (fig ? figuresEqual(g, fig) : g.surface === v.surface));
        if (hit) spans.push({ articleId: art.id, field: 'text', start: hit.start, end: hit.end });
      }
      // A Chinese face writes each variant in its own style when it reads back as the same value ("300 兆瓦", not "300MW / 300 兆瓦").
      const surface = variantIn(v.surface, face);
      const sources = v.sources.map((o) => nameInFace(a, o, face));
      return face === 'zh' ? `${surface}（${join(sources, face)}）` : `${surface} (${join(sources, face)})`;
    });
    const text =
      face === 'zh'
        ? `各来源的数字不一致：${parts.join(' 对 ')}；本条目不采用少数来源的数字。`
        : `Sources disagree on a figure: ${parts.join(' vs ')}; this item does not use the minority figure.`;
    return { text, kind: 'template' as const, spans };
  });
}

/** A conflict's variant ("300MW / 300 兆瓦") in a Chinese face as one figure in Chinese style: a source's own surface in that language, else ours when it reads back equal, else as written. */
export function variantIn(surface: string, face: Face): string {
  // The English face shows a variant as its outlets wrote it ("240MW / 240 兆瓦 vs 2.4 吉瓦"), the disputed surface itself.
  if (face === 'en') return surface;
  const parts = surface.split(' / ').map((p) => p.trim());
  const own = parts.find((p) => /\p{Script=Han}/u.test(p) === (face === 'zh'));
  if (own) return own;
  const [fig] = parseFigures(surface);
  return fig ? figureIn({ figure: fig, surfaces: {} }, face) : surface;
}
