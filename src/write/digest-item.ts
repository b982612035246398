// One digest item per story, extractive: key points, impact, pros and cons are source sentences,
// whole and unchanged; headline angle, quick start and recommendation are our templates around
// names, titles and figures taken from the sources. Pure: same story, same bytes.

import { publicUrl, type ArticleWithSightings, type Face, type ArticleLanguage } from '../article.js';
import type { Confidence } from '../rank/ranking.js';
import { parseFigures } from '../understand/figures.js';
import {
  composeDetailPoints,
  composeFigurePoint,
  composeHeadline,
  figureIn,
  composeImpact,
  frameImpact,
  composeLead,
  composeProsCons,
  figuresToList,
  roleLabel,
  storyFacts,
  type StoryFacts,
} from './compose.js';
import { AUDIENCE_CUES, cueHits } from './cues.js';
import { LABELS, audienceName } from './labels.js';
import type { DigestItem, ProvenanceEntry } from './schemas.js';
import { SCHEMA_VERSION } from './schemas.js';
import { selectDiverse } from './selection.js';
import { figureKey, isTelling } from './sentence-candidates.js';
import { DATELINE_OPENING, hasUnattributedQuote, opensDangling } from './slot-check.js';
import { extractEntry, outletOf, sourceRefs } from './source-refs.js';
import {
  analyseStory,
  facePool,
  humanTranslationView,
  type ScoredCandidate,
  type StoryAnalysis,
  type StoryInput,
} from './story-analysis.js';
import {
  agreement,
  conflicts,
  corroboration,
  noOfficial,
  officialConfirmation,
  singleSource,
  type Statement,
  variantIn,
} from './story-statements.js';
import { chineseNamesOf, nameInFace } from './zh-names.js';

/**
 * What a face's body is written from: the story's coverage in the face's language; a human
 * translation into it (no coverage in it, but a translation of some: decision 0011); or, with
 * neither, the facts composed in the face's language, extracts in the other language, or extracts
 * in a third language.
 */
export type FaceBasis = 'coverage' | 'human-translation' | 'composed' | 'extracts' | 'other-language';

export interface FaceContext {
  readonly analysis: StoryAnalysis;
  readonly face: Face;
  readonly pool: readonly ScoredCandidate[];
  readonly poolArticles: readonly ArticleWithSightings[];
  readonly bodyLanguage: ArticleLanguage;
  readonly notice: string | null;
  /** What the body is written from; `notice` says it to the reader in the face's words. */
  readonly basis: FaceBasis;
  /** No coverage in the face's language (nor a human translation into it): the body is composed from the story's facts. */
  readonly composed: boolean;
  readonly facts: StoryFacts;
}

export function faceContext(analysis: StoryAnalysis, face: Face): FaceContext {
  const p = facePool(analysis, face);
  const labels = LABELS[face];
  const facts = storyFacts(analysis);
  // No coverage in the face's language, but a human translation into it: write from that, marked.
  if (p.translated && p.language !== 'other') {
    const views = analysis.articles
      .filter((a) => p.articleIds.has(a.id))
      .flatMap((a) => humanTranslationView(a, face) ?? []);
    if (views.length > 0) {
      const human = analyseStory({ ...analysis.story, articles: views });
      return {
        analysis,
        face,
        pool: human.candidates,
        poolArticles: human.articles,
        bodyLanguage: face,
        notice: labels.noticeHumanTranslation,
        basis: 'human-translation',
        composed: false,
        facts,
      };
    }
  }
  // No coverage in the face at all: what is said is composed in the face's language from the
  // story's facts when the titles name who it is about; else the extracts stay, in their language.
  const composed = p.translated && facts.subject !== null;
  return {
    analysis,
    face,
    pool: analysis.candidates.filter((c) => p.articleIds.has(c.articleId)),
    poolArticles: analysis.articles.filter((a) => p.articleIds.has(a.id)),
    bodyLanguage: composed ? face : p.language,
    notice: !p.translated
      ? null
      : p.language === 'other'
        ? labels.noticeOtherLanguage
        : composed
          ? labels.noticeUntranslated
          : labels.noticeExtractsOnly,
    basis: !p.translated ? 'coverage' : p.language === 'other' ? 'other-language' : composed ? 'composed' : 'extracts',
    composed,
    facts,
  };
}

/**
 * Whether the story's outputs in this face (digest item, post) are written from a human
 * translation: the model engine leaves those to the offline engine, which quotes the translation.
 */
export function writtenFromHumanTranslation(story: StoryInput, face: Face): boolean {
  return faceContext(analyseStory(story), face).basis === 'human-translation';
}

export function writeDigestItem(story: StoryInput, face: Face): DigestItem {
  return digestItemFor(faceContext(analyseStory(story), face));
}

/** Telling figure keys of a text, read the way the slot checks read them. */
export function figureKeysIn(text: string): Set<string> {
  return new Set(parseFigures(text).filter(isTelling).map(figureKey));
}

/** An extracted sentence fit for a key point or an impact line: whole, not opening on a reference, quotes attributed, no dateline. */
export function fitForSlot(c: ScoredCandidate): boolean {
  return !c.dangling && !opensDangling(c.text) && !DATELINE_OPENING.test(c.text) && !hasUnattributedQuote(c.text);
}

/** Key points: the lead and up to four points, no figure said twice, none opening on a reference. */
function keyPointsOf(
  ctx: FaceContext,
  prov: ProvenanceEntry[],
): { lead: string; points: string[]; used: ScoredCandidate[]; keys: Set<string> } {
  const { analysis, face, facts } = ctx;
  const keys = new Set<string>();
  if (ctx.composed) {
    const lead = composeLead(facts, face);
    if (lead) {
      prov.push({ path: 'keyPoints.lead', kind: lead.kind, spans: [...lead.spans] });
      figureKeysIn(lead.text).forEach((k) => keys.add(k));
    }
    const points: string[] = [];
    for (const f of figuresToList(facts, face)) {
      if (points.length >= 4) break;
      const s = composeFigurePoint(facts, f, face);
      const ks = figureKeysIn(s.text);
      if ([...ks].some((k) => keys.has(k)) || ks.size === 0) continue;
      ks.forEach((k) => keys.add(k));
      prov.push({ path: `keyPoints.points[${points.length}]`, kind: s.kind, spans: [...s.spans] });
      points.push(s.text);
    }
    // Then what the facts say without figures: the round and its lead, an injunction, who spoke.
    for (const s of composeDetailPoints(facts, face, chineseNamesOf(analysis))) {
      if (points.length >= 4) break;
      prov.push({ path: `keyPoints.points[${points.length}]`, kind: s.kind, spans: [...s.spans] });
      points.push(s.text);
    }
    return { lead: lead?.text ?? '', points, used: [], keys };
  }
  const keyKey = analysis.keyFigures[0]?.key;
  // The lead may carry a dateline (it is the news, not an impact), but a sentence without one is preferred.
  const [lead] = selectDiverse(ctx.pool, 1, {
    filter: (c) => !c.dangling && !opensDangling(c.text) && !hasUnattributedQuote(c.text),
    boost: (c) => leadBoost(analysis, c, keyKey) - (DATELINE_OPENING.test(c.text) ? 0.6 : 0),
  });
  const used: ScoredCandidate[] = lead ? [lead] : [];
  const points: string[] = [];
  if (!lead) {
    // Nothing in the face's coverage can stand as a lead: the event, composed from its facts.
    const made = composeLead(facts, face);
    if (made) {
      prov.push({ path: 'keyPoints.lead', kind: made.kind, spans: [...made.spans] });
      return { lead: made.text, points, used, keys: figureKeysIn(made.text) };
    }
  }
  if (lead) {
    prov.push(extractEntry('keyPoints.lead', lead));
    figureKeysIn(lead.text).forEach((k) => keys.add(k));
    while (points.length < 4) {
      const [next] = selectDiverse(ctx.pool, 1, {
        chosen: used,
        lambda: 0.65,
        filter: (c) => fitForSlot(c) && ![...figureKeysIn(c.text)].some((k) => keys.has(k)),
      });
      if (!next) break;
      used.push(next);
      figureKeysIn(next.text).forEach((k) => keys.add(k));
      prov.push(extractEntry(`keyPoints.points[${points.length}]`, next));
      points.push(next.text);
    }
  }
  return { lead: lead?.text ?? '', points, used, keys };
}

export function digestItemFor(ctx: FaceContext): DigestItem {
  const { analysis, face, facts } = ctx;
  const ranking = analysis.story.ranking;
  const prov: ProvenanceEntry[] = [];
  const record = (path: string, s: Statement): string => {
    prov.push({ path, kind: s.kind, spans: [...s.spans] });
    return s.text;
  };

  const headline = record('headline', headlineOf(ctx));
  const { lead, points, used, keys } = keyPointsOf(ctx, prov);

  // Impact: per audience, what changes for it and the fact that drives it (composed in the face);
  // else, in the face's own coverage, an unused sentence that speaks to it and is fit for the slot.
  const impact: DigestItem['impact'] = [];
  const impactKeys = new Set<string>();
  for (const audience of ranking.audiences) {
    const made = composeImpact(facts, face, audience, impactKeys);
    // A line with no figure is general; in a face with coverage of its own, a sentence of that
    // coverage that speaks to the audience (below) says more.
    if (made && (made.key !== null || ctx.composed)) {
      if (made.key) impactKeys.add(made.key);
      if (impact.some((x) => x.text === made.statement.text)) continue;
      prov.push({ path: `impact[${impact.length}].text`, kind: made.statement.kind, spans: [...made.statement.spans] });
      impact.push({ audience, text: made.statement.text });
      continue;
    }
    const cues = AUDIENCE_CUES[audience];
    const [best] =
      !cues || ctx.composed
        ? []
        : selectDiverse(ctx.pool, 1, {
            chosen: used,
            filter: (c) =>
              fitForSlot(c) &&
              cueHits(c, cues) > 0 &&
              !FIRST_PERSON.test(c.text.replace(/“[^”]*”|"[^"]*"|「[^」]*」/g, '')) &&
              figureKeysIn(c.text).size > 0,
            boost: (c) => 0.3 * cueHits(c, cues),
          });
    if (!best) {
      if (made && !impact.some((x) => x.text === made.statement.text)) {
        prov.push({
          path: `impact[${impact.length}].text`,
          kind: made.statement.kind,
          spans: [...made.statement.spans],
        });
        impact.push({ audience, text: made.statement.text });
      }
      continue;
    }
    used.push(best);
    prov.push(extractEntry(`impact[${impact.length}].text`, best));
    impact.push({ audience, text: frameImpact(facts, face, audience, best.text) ?? best.text });
  }
  void keys;
  // No audience the ranking named was spoken to: the first of the general ones that is.
  for (const audience of ['Executive', 'Investor', 'Developer', 'Tech Journalist']) {
    if (impact.length > 0) break;
    const made = composeImpact(facts, face, audience, impactKeys);
    if (!made) continue;
    prov.push({ path: `impact[${impact.length}].text`, kind: made.statement.kind, spans: [...made.statement.spans] });
    impact.push({ audience, text: made.statement.text });
  }

  // Pros and cons: judged about the story's subject (good or bad for whom, and why), from its
  // facts; then what the sources' agreement says about how solid it is. Cue words alone file nothing.
  const pros: string[] = [];
  const cons: string[] = [];
  const judged = composeProsCons(facts, face);
  const conflictStatements = conflicts(analysis, face);
  conflictStatements.forEach((s) => cons.push(record(`cons[${cons.length}]`, s)));
  judged.cons.forEach((s) => cons.push(record(`cons[${cons.length}]`, s)));
  judged.pros.forEach((s) => pros.push(record(`pros[${pros.length}]`, s)));
  const agreed = conflictStatements.length === 0 ? agreement(analysis, face, analysis.keyFigures[0]) : null;
  for (const s of [
    officialConfirmation(analysis, face),
    corroboration(analysis, face),
    agreed,
    primarySource(analysis, face),
  ]) {
    if (s && pros.length < 4) pros.push(record(`pros[${pros.length}]`, s));
  }
  for (const s of [singleSource(analysis, face), noOfficial(analysis, face)]) {
    if (s && cons.length < 4) cons.push(record(`cons[${cons.length}]`, s));
  }

  const quickStart = quickStartOf(ctx).map((s, i) => record(`quickStart[${i}]`, s));
  const recommendation = record('recommendation', recommendationOf(ctx));

  return {
    schemaVersion: SCHEMA_VERSION,
    language: face,
    bodyLanguage: ctx.bodyLanguage,
    notice: ctx.notice,
    storyId: analysis.story.storyId,
    tier: {
      level: ranking.tier.level,
      name: ranking.tier.name,
      nameZh: ranking.tier.nameZh,
      emoji: ranking.tier.emoji,
    },
    headline,
    confidence: ranking.confidence,
    keyPoints: { lead, points },
    impact,
    pros,
    cons,
    quickStart,
    recommendation,
    sources: sourceRefs(analysis.articles),
    provenance: prov,
  };
}

const FIRST_PERSON = /\b(?:[Ww]e|[Oo]urs?|[Uu]s|I|[Mm]y)\b|我们|我司|本公司/u;

/** A lead says who did what, with the key figure, near the top of its article. */
function leadBoost(analysis: StoryAnalysis, c: ScoredCandidate, keyKey: string | undefined): number {
  const top = analysis.keyEntities.slice(0, 3);
  return (
    (keyKey && c.figureKeys.includes(keyKey) ? 0.5 : 0) +
    0.3 * c.entities.filter((e) => top.includes(e)).length +
    1 / (1 + c.index) +
    (c.dangling ? -1.5 : 0)
  );
}

/** The best title of the face's own coverage (the key figure and the key names in it, news first), or null when none has a title. */
export function bestTitleOf(ctx: FaceContext): Statement | null {
  const best = bestTitled(ctx);
  const title = best?.title?.trim();
  return best && title
    ? {
        text: title,
        kind: 'template',
        spans: [{ articleId: best.id, field: 'title', start: 0, end: (best.title ?? '').length }],
      }
    : null;
}

function bestTitled(ctx: FaceContext): ArticleWithSightings | undefined {
  const { analysis } = ctx;
  const key = analysis.keyFigures[0];
  const titled = ctx.poolArticles.filter((a) => a.title && a.title.trim().length > 0);
  const scoreTitle = (a: ArticleWithSightings): number => {
    const t = a.title ?? '';
    let s = 0;
    for (const surface of Object.values(key?.surfaces ?? {})) if (surface && t.includes(surface)) s += 2;
    for (const id of analysis.keyEntities.slice(0, 3)) {
      const info = analysis.entityInfo.get(id);
      for (const surface of Object.values(info?.surfaces ?? {})) if (surface && t.includes(surface)) s += 1;
    }
    if (a.sourceType === 'news') s += 1;
    if (a.sourceType === 'social' || a.sourceType === 'aggregator') s -= 2;
    return s - t.length / 200;
  };
  return [...titled].sort((a, b) => scoreTitle(b) - scoreTitle(a) || (a.id < b.id ? -1 : 1))[0];
}

/** The best title in the face's body language, with the angle we computed: who confirms it, how widely, what is disputed. */
export function headlineOf(ctx: FaceContext): Statement {
  const { analysis, face } = ctx;
  const ranking = analysis.story.ranking;
  const best = bestTitled(ctx);
  const made = ctx.composed ? composeHeadline(ctx.facts, face) : null;
  const title = made?.text ?? best?.title?.trim() ?? ctx.pool[0]?.text ?? analysis.story.storyId;
  const publishers = ranking.independentPublishers.length || new Set(analysis.articles.map(outletOf)).size;
  const official = analysis.articles.find((a) => a.sourceType === 'official');
  const parts: string[] = [];
  if (face === 'zh') {
    if (official) parts.push(zhCat(nameInFace(analysis, outletOf(official), face), '官方确认'));
    if (publishers > 1) parts.push(`${publishers} 家独立发布方报道`);
    else parts.push('目前仅一个来源');
    if (ranking.figureConflicts.length > 0) parts.push('个别来源数字有出入');
  } else {
    const reported = publishers > 1 ? `reported by ${publishers} independent publishers` : 'a single source so far';
    parts.push(official ? `confirmed by ${outletOf(official)} and ${reported}` : reported);
    if (ranking.figureConflicts.length > 0) parts.push('one figure disputed');
  }
  const angle = face === 'zh' ? parts.join('，') : parts.join('; ');
  const text = face === 'zh' ? `${title}——${angle}` : `${title} — ${angle}`;
  if (made) return { text, kind: 'composed', spans: [...made.spans] };
  const spans = best ? [{ articleId: best.id, field: 'title' as const, start: 0, end: (best.title ?? '').length }] : [];
  return { text, kind: 'template', spans };
}

function quickStartOf(ctx: FaceContext): Statement[] {
  const { analysis, face } = ctx;
  const zh = face === 'zh';
  const out: Statement[] = [];
  const titleSpan = (a: ArticleWithSightings): { articleId: string; field: 'title'; start: number; end: number } => ({
    articleId: a.id,
    field: 'title',
    start: 0,
    end: (a.title ?? '').length,
  });
  const official = analysis.articles.find((a) => a.sourceType === 'official');
  const research = analysis.articles.find((a) => a.sourceType === 'research');
  const reports = [...ctx.poolArticles, ...analysis.articles.filter((a) => !ctx.poolArticles.includes(a))].filter(
    (a) => a.sourceType !== 'official',
  );
  const byScore = (a: ArticleWithSightings): number =>
    ctx.pool.filter((c) => c.articleId === a.id).reduce((m, c) => Math.max(m, c.score), 0) +
    (a.sourceType === 'news' ? 1 : 0);
  const ranked = [...reports].sort((a, b) => byScore(b) - byScore(a) || (a.id < b.id ? -1 : 1));
  const first = ranked[0];
  // Addresses only where there is one to publish: a local file is named, never its path.
  const at = (a: ArticleWithSightings): string => {
    const url = publicUrl(a.url);
    return url === null ? '' : zh ? `：${url}` : `: ${url}`;
  };
  if (first) {
    const t = first.title ?? publicUrl(first.url) ?? (zh ? '无标题' : 'untitled');
    out.push({
      text: zh
        ? zhCat('阅读', nameInFace(analysis, outletOf(first), face), `的报道《${t}》${at(first)}`)
        : `Read ${possessive(outletOf(first))} report "${t}"${at(first)}`,
      kind: 'template',
      spans: [titleSpan(first)],
    });
  }
  if (official) {
    out.push({
      text: zh
        ? zhCat('核对', nameInFace(analysis, outletOf(official), face), `的官方声明${at(official)}`)
        : `Check the official statement from ${outletOf(official)}${at(official)}`,
      kind: 'template',
      spans: [titleSpan(official)],
    });
  } else if (research) {
    // A research report is its authors' own account of their work: there is no company statement
    // to look for (noOfficial says the same for the cons), but a method to read before comparing.
    const name = nameInFace(analysis, outletOf(research), face);
    out.push({
      text: zh
        ? zhCat('在与其他结果对照之前，先在', name, '的报告中查看测量方法、数据与实验设置。')
        : `Before comparing the results with others, check how they were measured (method, data, setup) in ${possessive(outletOf(research))} report.`,
      kind: 'template',
      spans: [titleSpan(research)],
    });
  } else {
    out.push({
      text: zh
        ? '寻找当事公司的官方声明：目前的来源中还没有。'
        : 'Look for an official statement from the companies involved: none is among the sources yet.',
      kind: 'computed',
      spans: [],
    });
  }
  // Compare: coverage in the other language first (the bilingual view is the point), else another outlet.
  const other =
    ranked.slice(1).find((a) => a.language !== first?.language) ??
    ranked.slice(1).find((a) => outletOf(a) !== (first ? outletOf(first) : ''));
  if (other) {
    const lang =
      other.language === 'zh'
        ? zh
          ? '中文'
          : 'Chinese-language '
        : other.language === 'en'
          ? zh
            ? '英文'
            : 'English-language '
          : '';
    out.push({
      text: zh
        ? zhCat('对照', nameInFace(analysis, outletOf(other), face), `的${lang}报道${at(other)}`)
        : `Compare with ${possessive(outletOf(other))} ${lang}coverage${at(other)}`,
      kind: 'template',
      spans: [titleSpan(other)],
    });
  }
  const productName = productInTitles(ctx);
  // Figures to track, each with what it measures ("the valuation, 18 billion yuan"); a bare multiple says nothing.
  const figures = figuresToList(ctx.facts, face)
    .slice(0, 3)
    // A count says what it counts ("8 GPUs"); any other figure is led by what it measures.
    .map((f) => (f.role === 'units' ? figureIn(f, face) : `${roleLabel(f.role, face)} ${figureIn(f, face)}`))
    .map((x) => (zh ? x.replace(/^(\p{Script=Han}+) (?=\p{Script=Han})/u, '$1') : x));
  if (analysis.story.ranking.figureConflicts.length > 0) {
    const surfaces = analysis.story.ranking.figureConflicts[0]!.variants.map((v) => variantIn(v.surface, face));
    out.push({
      text: zh
        ? `自己核对有争议的数字：${surfaces.join(' 对 ')}，以原始公告为准。`
        : `Check the disputed figure yourself against the original announcement: ${surfaces.join(' vs ')}.`,
      kind: 'template',
      spans: [],
    });
  }
  // A story one outlet reports: the step is to find a second, before relying on it.
  const outlets = [...new Set(analysis.articles.map(outletOf))];
  if (outlets.length === 1) {
    const only = nameInFace(analysis, outlets[0]!, face);
    out.push({
      text: zh
        ? zhCat('在引用之前寻找独立报道：目前只有', only, '报道此事。')
        : `Look for independent coverage before relying on it: only ${only} reports it so far.`,
      kind: 'computed',
      spans: [],
    });
  }
  if (productName) {
    out.push({
      text: zh
        ? zhCat('如果', productName, '已向你开放，亲自试用并核对报道中的数字。')
        : `If ${productName} is available to you, try it and check the reported figures for yourself.`,
      kind: 'template',
      spans: [],
    });
  }
  if (figures.length > 0) {
    out.push({
      text: zh
        ? `记下后续要跟踪的数字：${figures.join('、')}。`
        : `Note the figures to track as the story develops: ${figures.join('; ')}.`,
      kind: 'template',
      spans: [],
    });
  }
  return out.slice(0, 4);
}

/** A product the story is about: named in a member's title; the name runs on over model-name words ("Kimi" → "Kimi K3 Flash"). */
function productInTitles(ctx: FaceContext): string | undefined {
  const { analysis } = ctx;
  for (const id of analysis.keyEntities) {
    const info = analysis.entityInfo.get(id);
    if (info?.type !== 'product') continue;
    for (const a of ctx.poolArticles) {
      const title = a.title ?? '';
      for (const surface of Object.values(info.surfaces)) {
        if (!surface) continue;
        const at = title.indexOf(surface);
        if (at < 0) continue;
        const rest = /^(?: (?:[A-Z0-9][\w.-]*))*/.exec(title.slice(at + surface.length))?.[0] ?? '';
        return surface + rest;
      }
    }
  }
  return undefined;
}

/** Joins Chinese template parts, with a space where Latin letters or digits meet Han characters. */
export function zhCat(...parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (out && p) {
      const a = out[out.length - 1]!;
      const b = p[0]!;
      const latin = /[A-Za-z0-9)]/;
      const han = /\p{Script=Han}/u;
      if ((latin.test(a) && han.test(b)) || (han.test(a) && latin.test(b))) out += ' ';
    }
    out += p;
  }
  return out;
}

export function possessive(name: string): string {
  return /s$/.test(name) ? `${name}'` : `${name}'s`;
}

function primarySource(a: StoryAnalysis, face: Face): Statement | null {
  const primary =
    a.articles.length === 1 &&
    a.articles[0] &&
    (a.articles[0].sourceType === 'research' || a.articles[0].sourceType === 'official')
      ? a.articles[0]
      : null;
  if (!primary) return null;
  const name = outletOf(primary);
  const text =
    face === 'zh'
      ? zhCat('一手来源：由', nameInFace(a, name, face), '直接发布。')
      : `A primary source: published directly by ${name}.`;
  return { text, kind: 'computed', spans: [] };
}

const CONFIDENCE_EN: Record<Confidence, string> = {
  High: 'The core facts are well corroborated.',
  Medium: 'The core facts are reported by more than one source, but check the details before relying on them.',
  Low: 'Treat this as unconfirmed until another source or an official statement appears.',
};
const CONFIDENCE_ZH: Record<Confidence, string> = {
  High: '核心事实已得到充分印证。',
  Medium: '核心事实有不止一个来源报道，但引用细节前请先核对。',
  Low: '在出现其他来源或官方声明之前，请视为未经证实的消息。',
};

const ADVICE: Record<string, { en: string; zh: string }> = {
  Investor: {
    en: 'Investors should weigh the figures the sources agree on against the risks they flag.',
    zh: '投资者应把各来源一致的数字与它们指出的风险放在一起权衡。',
  },
  Executive: {
    en: 'Executives should consider what it changes in their own supplier and partner plans.',
    zh: '企业高管应考虑它会如何影响自己的供应商与合作伙伴规划。',
  },
  Developer: {
    en: 'Developers should test for themselves before changing tools or providers.',
    zh: '开发者在更换工具或服务商之前，应先自行测试。',
  },
  Researcher: {
    en: 'Researchers should go to the primary source for the method and the numbers.',
    zh: '研究人员应查阅一手来源，了解方法与数据。',
  },
  'Tech Journalist': {
    en: 'Journalists should attribute each figure to the outlet that reports it and note where sources differ.',
    zh: '记者应注明每个数字的出处，并指出各来源的分歧。',
  },
  'Enterprise buyer': {
    en: 'Enterprise buyers should ask their vendors how it affects capacity, pricing and timelines.',
    zh: '企业采购方应向供应商了解它对容量、价格和交付时间的影响。',
  },
  'Policy maker': {
    en: 'Policy makers should note the infrastructure and market questions it raises.',
    zh: '政策制定者应关注它所引出的基础设施与市场问题。',
  },
};

const CONFIDENCE_NAME_ZH: Record<Confidence, string> = { High: '高', Medium: '中', Low: '低' };

/** Why the confidence is what it is, from the ranking: publishers, an official statement, figures that agree, a dispute. */
function confidenceWhy(ctx: FaceContext): string | null {
  const { analysis, face } = ctx;
  const r = analysis.story.ranking;
  const zh = face === 'zh';
  const publishers = r.independentPublishers.length || new Set(analysis.articles.map(outletOf)).size;
  const official = [...new Set(analysis.articles.filter((a) => a.sourceType === 'official').map(outletOf))].map((o) =>
    nameInFace(analysis, o, face),
  );
  const agreeing = r.figuresAgreeing.filter((f) => f.sources.length >= 2).length;
  const reasons: string[] = [];
  if (publishers > 1)
    reasons.push(zh ? `${publishers} 家独立发布方报道` : `${publishers} independent publishers report it`);
  else reasons.push(zh ? '目前只有一个来源' : 'a single source so far');
  if (official.length > 0)
    reasons.push(
      zh ? zhCat(official.join('、'), '发布了官方声明') : `${official.join(' and ')} confirmed it officially`,
    );
  else {
    // A research report has no company to confirm it: its authors' own publication is what it rests on.
    const research = analysis.articles.find((a) => a.sourceType === 'research');
    const authors = research ? nameInFace(analysis, outletOf(research), face) : null;
    if (authors) reasons.push(zh ? zhCat('由研究方', authors, '自己发布') : `published by its authors, ${authors}`);
    else reasons.push(zh ? '没有官方声明' : 'no official statement');
  }
  if (agreeing > 0)
    reasons.push(
      zh
        ? `各来源在 ${agreeing} 个数字上一致`
        : `the sources agree on ${agreeing === 1 ? 'one figure' : `${agreeing} figures`}`,
    );
  if (r.figureConflicts.length > 0)
    reasons.push(
      zh ? '个别来源的数字有出入' : `${r.figureConflicts.length === 1 ? 'one figure is' : 'some figures are'} disputed`,
    );
  return zh
    ? `置信度为${CONFIDENCE_NAME_ZH[r.confidence]}的依据：${reasons.join('，')}。`
    : `Why ${r.confidence.toLowerCase()}: ${reasons.join('; ')}.`;
}

function recommendationOf(ctx: FaceContext): Statement {
  const ranking = ctx.analysis.story.ranking;
  const zh = ctx.face === 'zh';
  const parts = [zh ? CONFIDENCE_ZH[ranking.confidence] : CONFIDENCE_EN[ranking.confidence]];
  const why = confidenceWhy(ctx);
  if (why) parts.push(why);
  for (const audience of ranking.audiences.slice(0, 3)) {
    const advice = ADVICE[audience];
    if (advice) parts.push(zh ? advice.zh : advice.en);
    else
      parts.push(
        zh
          ? `${audienceName(audience, 'zh')}：请结合自身情况阅读原文。`
          : `${audience}: read the originals with your own situation in mind.`,
      );
  }
  return { text: parts.join(zh ? '' : ' '), kind: 'computed', spans: [] };
}
