// Facts first: what a story is about, read from what the writer understood (the parties and the
// product named in its titles, with their names in both languages; its figures, normalised, each
// with the role its sentence gives it; the kind of event), and sentences composed from it in
// either language. A composed sentence names only entities, outlets and figures found in the
// sources (a figure is written in the face's style only when it reads back as the same value), so
// it verifies the way an extracted one does; its provenance kind is 'composed'. Pure.

import type { ArticleWithSightings, Face } from '../article.js';
import { findEntities } from '../understand/entities.js';
import { figuresEqual, parseFigures, type Figure } from '../understand/figures.js';
import { GAZETTEER } from '../understand/gazetteer.js';
import { GOVERNMENT_BODIES } from '../understand/gazetteer-data.js';
import type { SpanRef } from './schemas.js';
import { figureKey, isTelling } from './sentence-candidates.js';
import { outletOf } from './source-refs.js';
import { chineseNameFor, chineseNamesOf } from './zh-names.js';
import { TITLE_SUBJECT, eventKindOf, type EventKind } from './titles.js';

export { EVENT_KINDS, eventKindOf, type EventKind } from './titles.js';
import type { StoryAnalysis } from './story-analysis.js';
import type { Statement } from './story-statements.js';

export type FigureRole =
  | 'valuation'
  | 'raise'
  | 'price'
  | 'contract'
  | 'revenue'
  | 'money'
  | 'priceCut'
  | 'reduction'
  | 'accuracy'
  | 'gain'
  | 'revenueShare'
  | 'share'
  | 'speed'
  | 'efficiency'
  | 'speedup'
  | 'multiple'
  | 'capacity'
  | 'units'
  | 'memory'
  | 'process'
  | 'energy'
  | 'other';

export interface Named {
  readonly id: string;
  readonly type: string;
  readonly en: string | null;
  readonly zh: string | null;
}

export interface FactFigure {
  readonly key: string;
  readonly figure: Figure;
  readonly role: FigureRole;
  /** The figure per language as the sources write it. */
  readonly surfaces: Partial<Record<Face, string>>;
  /** The first outlet that gives it (members in id order), and where. */
  readonly outlet: string;
  /** The outlet as a Chinese face names it (the Chinese name the sources give it, else as written). */
  readonly outletZh?: string;
  readonly span: SpanRef;
  /** The sentence mentions a per-million-tokens price. */
  readonly perMillionTokens: boolean;
}

export interface StoryFacts {
  readonly kind: EventKind;
  /** Who the story is about: the organisation its titles name most, first. */
  readonly subject: Named | null;
  /** The other party (a deal's counterpart, a lawsuit's defendant), when the titles name one. */
  readonly other: Named | null;
  /** The product the titles name, when there is one. */
  readonly product: Named | null;
  /** Key figures in the story's order, one per value, each with its role. */
  readonly figures: readonly FactFigure[];
  /** Spans of the titles the parties were read from. */
  readonly titleSpans: readonly SpanRef[];
  /** A title says the subject sues (rather than is sued). */
  readonly titleSues: boolean;
  /** Facts without figures, read by pattern from the members' sentences (each with the span it rests on). */
  readonly details?: StoryDetails;
}

export interface StoryDetails {
  /** A funding round's series letter ("Series B", "B 轮"). */
  readonly series: { letter: string; span: SpanRef } | null;
  /** Who led a round ("led by Northgate Capital", "由钱塘资本领投"). */
  readonly leadInvestor: { name: string; span: SpanRef } | null;
  /** A lawsuit asks for an injunction. */
  readonly injunction: SpanRef | null;
  /** People quoted, with the outlet that quotes them (their words are not composed, only that they spoke). */
  readonly speakers: ReadonlyArray<{ name: string; outlet: string; span: SpanRef }>;
}

// --- figures: their role and their surface in either face ----------------------------------

function roleOf(f: Figure, sentence: string): FigureRole {
  const s = sentence.toLowerCase();
  switch (f.kind) {
    case 'money':
      if (
        /valuation|\bvalues (?:the|it|its|\w+['’]s)\b|\bvalues? [\w’'. -]{1,40}? at (?:about |around |nearly )?[$€\d]|估值/.test(
          s,
        )
      )
        return 'valuation';
      if (
        /per million|每百万|百万 ?token|per 1,?000/.test(s) ||
        (f.value < 1e6 && /\bprice|\bpric|\bcharg|收费|价格|定价|售价/.test(s))
      )
        return 'price';
      if (/rais|\bround\b|funding|invest|融资|投资/.test(s)) return 'raise';
      if (/deal|contract|agreement|worth|lease|order|合同|协议|订单|交易|总价|大单/.test(s)) return 'contract';
      if (/revenue|收入|营收/.test(s)) return 'revenue';
      return 'money';
    case 'percent':
      if (/\bcut|lower|less|reduc|drop|cheaper|下调|降低|降价|减少|便宜/.test(s))
        return /pric|\bcost|charg|价格|降价|费用|收费/.test(s) ? 'priceCut' : 'reduction';
      if (/accura|准确/.test(s)) return 'accuracy';
      if (/improv|gain|boost|higher|提升|提高|增长/.test(s)) return 'gain';
      if (/revenue|backlog|收入|营收|积压/.test(s)) return 'revenueShare';
      return 'share';
    case 'rate':
      return f.unit === 'tokens/s' ? 'speed' : 'other';
    case 'multiplier':
      if (/per watt|每瓦|能效/.test(s)) return 'efficiency';
      if (/speed|fast|quick|速度|快|提速/.test(s)) return 'speedup';
      return 'multiple';
    case 'power':
      return 'capacity';
    case 'count':
      return 'units';
    case 'quantity':
      return f.unit === 'B' ? 'memory' : f.unit === 'nm' ? 'process' : f.unit === 'Wh' ? 'energy' : 'other';
    default:
      return 'other';
  }
}

function trimNumber(x: number, digits = 2): string {
  return String(Number(x.toFixed(digits)));
}

function enNumber(x: number): string {
  const t = trimNumber(x);
  return Number(t) >= 10_000 && Number.isInteger(Number(t)) ? Number(t).toLocaleString('en-US') : t;
}

const EN_CURRENCY: Record<string, (v: string) => string> = {
  USD: (v) => `$${v}`,
  EUR: (v) => `€${v}`,
  CNY: (v) => `${v} yuan`,
};
const ZH_CURRENCY: Record<string, string> = { USD: '美元', CNY: '元', EUR: '欧元' };

function enMoney(f: Figure): string | null {
  const cur = EN_CURRENCY[f.unit];
  if (!cur) return null;
  const v = f.value;
  const scaled =
    v >= 1e9 ? `${trimNumber(v / 1e9)} billion` : v >= 1e6 ? `${trimNumber(v / 1e6)} million` : enNumber(v);
  return f.unit === 'CNY' ? `${scaled} yuan` : cur(scaled);
}

function zhScaled(v: number): string {
  return v >= 1e8 ? `${trimNumber(v / 1e8)} 亿` : v >= 1e4 ? `${trimNumber(v / 1e4)} 万` : `${trimNumber(v)} `;
}

/** Measure word and noun of a count in Chinese, by its normalised unit (units the figure parser reads back). */
const ZH_COUNT: Record<string, string> = {
  GPU: '块 GPU',
  chip: '颗芯片',
  accelerator: '块加速卡',
  server: '台服务器',
  employee: '名员工',
  user: '名用户',
  customer: '家客户',
  parameter: '个参数',
  token: '个 token',
  question: '个问题',
  job: '个岗位',
  'data center': '座数据中心',
  developer: '名开发者',
  subscriber: '名订阅用户',
  rack: '个机柜',
};

/** A figure written in a face's own style, or null when this writer has no style for it. */
function styled(f: Figure, face: Face): string | null {
  const v = f.value;
  switch (f.kind) {
    case 'money':
      if (face === 'en') return enMoney(f);
      return ZH_CURRENCY[f.unit] ? `${zhScaled(v)}${ZH_CURRENCY[f.unit]}`.replace(/ (?=[美元欧])/, ' ') : null;
    case 'power': {
      const [n, en, zh] =
        v >= 1e9 ? [v / 1e9, 'GW', '吉瓦'] : v >= 1e6 ? [v / 1e6, 'MW', '兆瓦'] : [v / 1e3, 'kW', '千瓦'];
      return face === 'en' ? `${trimNumber(n)}${en}` : `${trimNumber(n)} ${zh}`;
    }
    case 'multiplier':
      return face === 'en' ? `${trimNumber(v)}x` : `${trimNumber(v)} 倍`;
    case 'percent':
      if (f.unit === 'pp') return face === 'en' ? `${trimNumber(v)} percentage points` : `${trimNumber(v)} 个百分点`;
      return `${trimNumber(v)}%`;
    case 'rate':
      if (f.unit !== 'tokens/s') return null;
      return face === 'en' ? `${enNumber(v)} tokens per second` : `每秒 ${trimNumber(v)} 个 token`;
    case 'count': {
      if (face === 'en')
        return /^[A-Za-z]/.test(f.unit) ? `${enNumber(v)} ${f.unit}${/s$/.test(f.unit) ? '' : 's'}` : null;
      // A Chinese count takes its measure word and noun ("20 万块 GPU", "600 名员工").
      const noun = ZH_COUNT[f.unit];
      return noun ? `${zhScaled(v).trim()}${v >= 1e4 ? '' : ' '}${noun}` : null;
    }
    case 'quantity':
      if (f.unit === 'nm') return face === 'en' ? `${trimNumber(v)}nm` : `${trimNumber(v)} 纳米`;
      if (f.unit === 'Wh') return face === 'en' ? `${trimNumber(v, 3)} Wh` : `${trimNumber(v, 3)} 瓦时`;
      if (f.unit === 'B') {
        const [n, u] = v >= 1e12 ? [v / 1e12, 'TB'] : v >= 1e9 ? [v / 1e9, 'GB'] : [v / 1e6, 'MB'];
        return `${trimNumber(n)}${u}`;
      }
      return null;
    default:
      return null;
  }
}

/** The figure as the face writes it: a source's own surface in that language, else our style when it reads back equal, else a source's surface. */
export function figureIn(f: Pick<FactFigure, 'figure' | 'surfaces'>, face: Face): string {
  const own = f.surfaces[face];
  if (own) return own;
  const mine = styled(f.figure, face);
  if (mine) {
    const back = parseFigures(mine);
    if (back.length === 1 && back[0]!.kind === f.figure.kind && figuresEqual(back[0]!, f.figure)) return mine;
  }
  return f.surfaces.en ?? f.surfaces.zh ?? f.figure.surface;
}

// --- names ----------------------------------------------------------------------------------

const GAZ = new Map(GAZETTEER.map((g) => [g.id, g]));

export function nameIn(n: Named, face: Face): string {
  return (face === 'zh' ? (n.zh ?? n.en) : (n.en ?? n.zh)) ?? n.id;
}

/** Entities named in a title, in order: gazetteer names and names the recogniser could type. */
function titleNames(title: string): Array<{ id: string; type: string; surface: string; at: number }> {
  return findEntities(title)
    .filter((e) => e.type === 'organization' || e.type === 'product')
    .map((e) => ({ id: e.entityId ?? `name:${e.name.toLowerCase()}`, type: e.type, surface: e.surface, at: e.start }));
}

/** What a launch title says was launched: "Halden AI launches Halden iQ-7", "… releases Step-4 Swift, a faster …". */
const TITLE_PRODUCT =
  /\b(?:launches|releases|unveils|introduces|debuts)\s+((?:[A-Z0-9][\w.+-]*)(?: [A-Z0-9][\w.+-]*){0,3})/;

function namedOf(id: string, type: string, analysis: StoryAnalysis, fallback: string): Named {
  const info = analysis.entityInfo.get(id);
  const gaz = GAZ.get(id);
  const en = info?.surfaces.en ?? gaz?.aliases.en[0] ?? (/\p{Script=Han}/u.test(fallback) ? null : fallback);
  const zh = info?.surfaces.zh ?? gaz?.aliases.zh[0] ?? (/\p{Script=Han}/u.test(fallback) ? fallback : null);
  return { id, type, en: en ?? null, zh: zh ?? null };
}

// --- the facts of a story -------------------------------------------------------------------

const factsCache = new WeakMap<StoryAnalysis, StoryFacts>();

export function storyFacts(analysis: StoryAnalysis): StoryFacts {
  const hit = factsCache.get(analysis);
  if (hit) return hit;
  const made = storyFactsOnce(analysis);
  factsCache.set(analysis, made);
  return made;
}

function storyFactsOnce(analysis: StoryAnalysis): StoryFacts {
  const titled = analysis.articles.filter((a) => (a.title ?? '').trim() !== '');
  // A bilingual page's title in its other language names the parties too (an English title's
  // subject, "LanCore raises …", where the Chinese title's is not recognised).
  const translatedTitles = analysis.articles.flatMap((a) =>
    [a.bilingual?.titleEn, a.bilingual?.titleZh]
      .filter((t): t is string => !!t && t.trim() !== '' && t.trim() !== a.title?.trim())
      .map((t) => t.trim()),
  );
  const titles = [...titled.map((a) => a.title!.trim()), ...translatedTitles];
  let kind = eventKindOf(titles);
  // Titles that name no kind ("Kimi K3 Flash is fast, but …?"): the members' first sentences
  // ("Moonshot AI's new Kimi K3 Flash, released on Sunday, …").
  if (kind === 'other')
    kind = eventKindOf(analysis.articles.flatMap((a) => a.understanding.sentences.slice(0, 1).map((x) => x.text)));
  // A research source's own report with no other kind in its title is a research result.
  if (kind === 'other' && analysis.articles.some((a) => a.sourceType === 'research'))
    kind = /bench/i.test(titles.join(' ')) ? 'benchmark' : 'research';
  // Parties: organisations and products by how many titles name them, then by first position.
  const tally = new Map<string, { n: number; at: number; order: number; type: string; surface: string }>();
  let order = 0;
  for (const t of titles) {
    const seen = new Set<string>();
    for (const e of titleNames(t)) {
      const entry = tally.get(e.id) ?? { n: 0, at: e.at, order: order++, type: e.type, surface: e.surface };
      if (!seen.has(e.id)) entry.n++;
      seen.add(e.id);
      entry.at = Math.min(entry.at, e.at);
      tally.set(e.id, entry);
    }
  }
  const ranked = [...tally.entries()].sort((a, b) => b[1].n - a[1].n || a[1].at - b[1].at || a[1].order - b[1].order);
  const orgs = ranked.filter(([, e]) => e.type === 'organization');
  const products = ranked.filter(([, e]) => e.type === 'product');
  // The grammatical subject of an English title ("Pallas Speech sues the SEC") comes first: the
  // party the titles name most may be the one acted on.
  let subject: Named | null = null;
  const said = titles.map((t) => TITLE_SUBJECT.exec(t)).find((x) => x !== null);
  if (said) {
    const surface = said[1]!;
    const known = ranked.find(([, e]) => e.type === 'organization' && surface.includes(e.surface));
    subject =
      known && known[1].surface.length >= surface.length - 4
        ? namedOf(known[0], 'organization', analysis, known[1].surface)
        : { id: `name:${surface.toLowerCase()}`, type: 'organization', en: surface, zh: null };
  }
  if (!subject && orgs[0]) subject = namedOf(orgs[0][0], 'organization', analysis, orgs[0][1].surface);
  if (!subject) {
    // The titles name no party: the organisation the members name most, else the publisher of a
    // primary source (a lab's or a company's own report is about its own work).
    const id = analysis.keyEntities.find((e) => analysis.entityInfo.get(e)?.type === 'organization');
    const primary = analysis.articles.find((a) => a.sourceType === 'research' || a.sourceType === 'official');
    if (id)
      subject = namedOf(
        id,
        'organization',
        analysis,
        analysis.entityInfo.get(id)?.surfaces.en ?? analysis.entityInfo.get(id)?.surfaces.zh ?? id,
      );
    else if (primary) {
      const name = outletOf(primary);
      subject = { id: `outlet:${name}`, type: 'organization', en: name, zh: name };
    }
  }
  const otherOrg = orgs.find(
    ([id, e]) =>
      id !== subject?.id && !(subject?.en ?? '').includes(e.surface) && !e.surface.includes(subject?.en ?? '\u0000'),
  );
  const other = otherOrg ? namedOf(otherOrg[0], 'organization', analysis, otherOrg[1].surface) : null;
  let product = products[0] ? namedOf(products[0][0], 'product', analysis, products[0][1].surface) : null;
  if (!product && kind === 'launch') {
    const m = titles.map((t) => TITLE_PRODUCT.exec(t)).find((x) => x !== null);
    if (m) product = { id: `name:${m[1]!.toLowerCase()}`, type: 'product', en: m[1]!, zh: null };
  }

  // A figure is attributed to the most standing source that gives it: the official statement, then news.
  const standing = ['official', 'news', 'research', 'blog', 'aggregator', 'social'];
  const rank = (a: ArticleWithSightings): number => (a.sourceType ? standing.indexOf(a.sourceType) : standing.length);
  const byStanding = [...analysis.articles].sort(
    (a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const figures: FactFigure[] = [];
  for (const k of analysis.keyFigures) {
    if (figures.some((f) => figuresEqual(f.figure, k.figure))) continue;
    let found: { art: ArticleWithSightings; fig: Figure; sentence: string } | null = null;
    for (const art of byStanding) {
      const fig = art.understanding.figures.find((g) => g.kind === k.figure.kind && figuresEqual(g, k.figure));
      if (!fig) continue;
      const sentence = art.understanding.sentences.find((s) => s.start <= fig.start && s.end >= fig.end)?.text ?? '';
      found = { art, fig, sentence };
      break;
    }
    if (!found) continue;
    figures.push({
      key: k.key,
      figure: k.figure,
      role: roleOf(k.figure, found.sentence),
      surfaces: k.surfaces,
      outlet: outletOf(found.art),
      span: { articleId: found.art.id, field: 'text', start: found.fig.start, end: found.fig.end },
      perMillionTokens: /per million|每百万|百万 ?(?:个 ?)?token/i.test(found.sentence),
    });
  }
  const titleSpans: SpanRef[] = titled
    .slice(0, 1)
    .map((a) => ({ articleId: a.id, field: 'title', start: 0, end: (a.title ?? '').length }));
  const titleSues = titles.some((t) => /\bsues\b|起诉/u.test(t));
  // A Chinese face names each party as the story's Chinese sources do (src/write/zh-names.ts).
  const details = detailsOf(analysis, byStanding);
  return withChineseNames(
    { kind, subject, other, product, figures, titleSpans, titleSues, details },
    chineseNamesOf(analysis),
  );
}

const SERIES = /\bSeries ([A-F])\b|(?<![A-Za-z])([A-F]) ?轮/u;
const LEAD_INVESTOR_EN =
  /\bled by ((?:[A-Z][\w&.'’-]*)(?: [A-Z][\w&.'’-]*){0,3})|\bwith ((?:[A-Z][\w&.'’-]*)(?: [A-Z][\w&.'’-]*){0,3}) leading\b|\b((?:[A-Z][\w&.'’-]*)(?: [A-Z][\w&.'’-]*){0,3}) led (?:the|a|an|its)\b/;
const LEAD_INVESTOR_ZH = /由([\p{Script=Han}A-Za-z ]{2,12}?)领投/u;

/** Facts without figures the templates can say in either language: the round and its lead, an injunction sought, who spoke. */
function detailsOf(analysis: StoryAnalysis, byStanding: readonly ArticleWithSightings[]): StoryDetails {
  let series: StoryDetails['series'] = null;
  let leadInvestor: StoryDetails['leadInvestor'] = null;
  let injunction: SpanRef | null = null;
  const speakers: Array<{ name: string; outlet: string; span: SpanRef }> = [];
  for (const art of byStanding) {
    for (const s of art.understanding.sentences) {
      const span = (start: number, end: number): SpanRef => ({ articleId: art.id, field: 'text', start, end });
      const sm: RegExpExecArray | null = series ? null : SERIES.exec(s.text);
      if (sm) {
        const at: number = s.start + sm.index;
        series = { letter: (sm[1] ?? sm[2])!, span: span(at, at + sm[0].length) };
      }
      const lm: RegExpExecArray | null = leadInvestor
        ? null
        : (LEAD_INVESTOR_EN.exec(s.text) ?? LEAD_INVESTOR_ZH.exec(s.text));
      const name: string | undefined = lm ? (lm[1] ?? lm[2] ?? lm[3])?.trim() : undefined;
      // A name the recogniser knows as an organisation, so "led by Chief Executive …" is not a lead investor.
      if (lm && name && art.understanding.entities.some((e) => e.type === 'organization' && e.surface === name)) {
        const at: number = s.start + s.text.indexOf(name);
        leadInvestor = { name, span: span(at, at + name.length) };
      }
      const im: RegExpExecArray | null = injunction ? null : /\binjunction\b|禁令/u.exec(s.text);
      if (im) injunction = span(s.start + im.index, s.start + im.index + im[0].length);
    }
    for (const q of art.understanding.quotes) {
      if (!q.speaker || speakers.some((x) => x.name === q.speaker) || q.text.length < 20) continue;
      const at = art.text.indexOf(q.speaker);
      if (at < 0) continue;
      speakers.push({ name: q.speaker, outlet: outletOf(art), span: span0(art.id, at, at + q.speaker.length) });
    }
  }
  void analysis;
  return { series, leadInvestor, injunction, speakers: speakers.slice(0, 2) };
}

function span0(articleId: string, start: number, end: number): SpanRef {
  return { articleId, field: 'text', start, end };
}

/** Points from the facts without figures, in the face's language: the round and who led it, an injunction sought, who spoke (never their words). */
export function composeDetailPoints(facts: StoryFacts, face: Face, names: ReadonlyMap<string, string>): Statement[] {
  const d = facts.details;
  if (!d) return [];
  const out: Statement[] = [];
  const en = face === 'en';
  const S = facts.subject ? nameIn(facts.subject, face) : null;
  const nameOf = (n: string): string => (en ? n : (chineseNameFor(names, n) ?? n));
  if (facts.kind === 'funding' && (d.series || d.leadInvestor)) {
    const L = d.leadInvestor ? nameOf(d.leadInvestor.name) : null;
    const text = en
      ? `${d.series ? `The round is a Series ${d.series.letter}` : 'The round'}${L ? `${d.series ? ', ' : ' is '}led by ${L}` : ''}.`
      : zh(d.series ? `本轮为 ${d.series.letter} 轮` : '本轮', L ? `${d.series ? '，' : ''}由 ${L} 领投` : '', '。');
    out.push(
      composed(
        clean(text),
        [d.series?.span, d.leadInvestor?.span].filter((x): x is SpanRef => !!x),
      ),
    );
  }
  if (facts.kind === 'lawsuit' && d.injunction && S)
    out.push(composed(en ? `${S} asks the court for an injunction.` : zh(S, ' 请求法院颁布禁令。'), [d.injunction]));
  for (const sp of d.speakers) {
    const who = nameOf(sp.name);
    const outlet = en ? sp.outlet : (chineseNameFor(names, sp.outlet) ?? sp.outlet);
    out.push(
      composed(
        en ? `${who} is quoted on it by ${outlet}.` : zh(outlet, ' 援引了 ', who, ' 对此事的评论（原话见英文报道）。'),
        [sp.span],
      ),
    );
  }
  return out;
}

/** The facts with each party and outlet given the Chinese name the sources give it (a card of one English article takes its story's names). */
export function withChineseNames(facts: StoryFacts, names: ReadonlyMap<string, string>): StoryFacts {
  const inChinese = (n: Named | null): Named | null => {
    if (!n || (n.zh && /\p{Script=Han}/u.test(n.zh)) || !n.en) return n;
    const han = chineseNameFor(names, n.en);
    return han ? { ...n, zh: han } : n;
  };
  const subject = inChinese(facts.subject);
  let other = inChinese(facts.other);
  // One party under two ids (a title's "Tencent" and the gazetteer's 腾讯): not a counterpart.
  if (
    subject &&
    other &&
    (['en', 'zh'] as const).some(
      (f) => nameIn(subject, f) === nameIn(other!, f) || (subject[f] === other![f] && subject[f] !== null),
    )
  )
    other = null;
  return {
    ...facts,
    subject,
    other,
    product: inChinese(facts.product),
    figures: facts.figures.map((f) => ({ ...f, outletZh: chineseNameFor(names, f.outlet) ?? f.outletZh ?? f.outlet })),
  };
}

/**
 * Roles whose composed line says what the figure measures. A "multiple", a "share", a bare
 * "amount" or "number" does not ("reports a multiple of 9x"): such a figure is not composed into a
 * headline or a post's step.
 */
export const MEANINGFUL_ROLES: ReadonlySet<FigureRole> = new Set([
  'valuation',
  'raise',
  'price',
  'contract',
  'revenue',
  'priceCut',
  'accuracy',
  'revenueShare',
  'speed',
  'efficiency',
  'speedup',
  'capacity',
  'memory',
  'process',
  'energy',
]);

/** A composed line can say what the figure measures: its role is meaningful (a count only with its unit: "200,000 GPUs"). */
export function meaningful(f: FactFigure, face?: Face): boolean {
  if (MEANINGFUL_ROLES.has(f.role)) return true;
  // A count of tokens is a context length or an output size, not what a story involves.
  if (f.role !== 'units' || f.figure.unit.trim() === '' || /^tokens?$/i.test(f.figure.unit.trim())) return false;
  // "180,000 HX9 accelerators" says what is counted in English, not in a Chinese sentence.
  return face !== 'zh' || /\p{Script=Han}/u.test(figureIn(f, 'zh'));
}

/** The story's key figure for composed lines: the first whose role says what it measures. */
export function keyFigureOf(facts: StoryFacts, face?: Face): FactFigure | undefined {
  return facts.figures.find((f) => meaningful(f, face));
}

/** Figures for a list of composed lines: meaningful in the face, at most two per role (four capacities read alike: "the power capacity involved is …" four times). */
export function figuresToList(facts: StoryFacts, face: Face): FactFigure[] {
  const roles = new Map<FigureRole, number>();
  return facts.figures.filter((f) => {
    if (!meaningful(f, face) || (roles.get(f.role) ?? 0) >= 2) return false;
    roles.set(f.role, (roles.get(f.role) ?? 0) + 1);
    return true;
  });
}

/** Figures the story names, most telling first, for the roles a slot wants. */
export function figuresFor(facts: StoryFacts, roles: readonly FigureRole[]): FactFigure[] {
  return facts.figures.filter((f) => roles.includes(f.role));
}

// --- sentences ------------------------------------------------------------------------------

const composed = (text: string, spans: readonly SpanRef[]): Statement => ({
  text,
  kind: 'composed',
  spans: [...spans],
});

function clean(text: string): string {
  return text
    .replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, '$1')
    .replace(/\s{2,}/g, ' ')
    .replace(/ ([，。：；）])/g, '$1')
    .replace(/([（：，]) /g, '$1');
}

/** Joins Chinese parts with a space where Latin letters or digits meet Han characters. */
export function zh(...parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (!p) continue;
    const a = out[out.length - 1];
    const b = p[0]!;
    if (
      a &&
      ((/[A-Za-z0-9%)]/.test(a) && /\p{Script=Han}/u.test(b)) || (/\p{Script=Han}/u.test(a) && /[A-Za-z0-9$€]/.test(b)))
    )
      out += ' ';
    out += p;
  }
  return clean(out);
}

/** The headline of the event in the face's language, from its kind, parties and key figure; null when the titles name no party. */
export function composeHeadline(facts: StoryFacts, face: Face): Statement | null {
  const s = facts.subject;
  if (!s) return null;
  const S = nameIn(s, face);
  const O = facts.other ? nameIn(facts.other, face) : null;
  const P = facts.product ? nameIn(facts.product, face) : null;
  // Roles in the order given: a deal's value before any other sum it names.
  const fig = (roles: FigureRole[]): FactFigure | undefined =>
    roles
      .map((r) => facts.figures.find((f) => f.role === r && (r !== 'money' || f.figure.value >= 1e6)))
      .find((f) => f !== undefined);
  const spans: SpanRef[] = [...facts.titleSpans];
  const use = (f: FactFigure | undefined): string | null => {
    if (!f) return null;
    spans.push(f.span);
    return figureIn(f, face);
  };
  const en = face === 'en';
  let text: string;
  switch (facts.kind) {
    case 'funding': {
      const raised = use(fig(['raise', 'money']));
      const valued = use(fig(['valuation']));
      text = en
        ? `${S} raises ${raised ?? 'new funding'}${valued ? ` at a ${valued} valuation` : ''}`
        : zh(S, ' 完成', raised ? ` ${raised} ` : '新一轮', '融资', valued ? `，估值 ${valued}` : '');
      break;
    }
    case 'launch': {
      const speed = use(fig(['speed', 'speedup', 'efficiency', 'priceCut']));
      const what = P ?? (en ? 'a new product' : '新产品');
      text = en
        ? `${S} launches ${what}${speed ? ` (${speed})` : ''}`
        : zh(S, ' 发布 ', what, speed ? `（${speed}）` : '');
      break;
    }
    case 'deal': {
      const worth = use(fig(['contract', 'money', 'revenue']));
      const size = use(fig(['capacity', 'units']));
      if (en)
        text = `${S}${O ? ` and ${O} strike` : ' strikes'} a deal${worth ? ` worth ${worth}` : ''}${size ? ` for ${size}` : ''}`;
      else text = zh(S, O ? ` 与 ${O} ` : ' ', '达成', worth ? ` ${worth} ` : '', '协议', size ? `，涉及 ${size}` : '');
      break;
    }
    case 'price': {
      // The cut, not a price: a story may give several prices (input, output) and a headline cannot say which.
      const cut = use(fig(['priceCut']));
      text = en ? `${S} cuts prices${cut ? ` by ${cut}` : ''}` : zh(S, ' 降价', cut ? ` ${cut}` : '');
      break;
    }
    case 'benchmark':
    case 'research': {
      const best = fig(['accuracy', 'energy', 'efficiency', 'speedup']);
      const result = use(best);
      const label = best ? roleLabel(best.role, face) : '';
      if (en)
        text = `${S} publishes ${facts.kind === 'benchmark' ? 'a benchmark' : 'a study'}${P ? ` on ${P}` : ''}${result ? `: ${label} ${result}` : ''}`;
      else
        text = zh(
          S,
          ' 发布',
          facts.kind === 'benchmark' ? '评测' : '研究',
          P ? `：${P}` : '',
          result ? `，${label} ${result}` : '',
        );
      break;
    }
    case 'lawsuit': {
      const sues = facts.titleSues;
      if (sues && O) text = en ? `${S} sues ${O}` : zh(S, ' 起诉 ', O);
      else text = en ? `${S} is in a lawsuit${O ? ` with ${O}` : ''}` : zh(S, O ? ` 与 ${O} ` : ' ', '卷入诉讼');
      break;
    }
    case 'guide':
      text = en ? `A step-by-step guide to working with ${S}` : zh('在 ', S, ' 上操作的分步指南');
      break;
    case 'hire':
      text = en ? `${S} names a new executive` : zh(S, ' 任命新高管');
      break;
    case 'regulation':
      // A regulator's rule is its act; anyone else is the subject of rules.
      if (GOVERNMENT_BODIES.has(s.id)) text = en ? `${S} issues new rules` : zh(S, ' 发布新规');
      else text = en ? `New rules for ${S}` : zh(S, ' 面临监管新规');
      break;
    default: {
      const key = facts.figures.find((f) => MEANINGFUL_ROLES.has(f.role));
      const k = use(key);
      text = en
        ? `${S}${k && key ? `: ${roleLabel(key.role, face)} ${k}` : ''}`
        : zh(S, k && key ? `：${roleLabel(key.role, face)} ${k}` : '');
    }
  }
  return composed(text, spans);
}

const ROLE_LABELS: Record<FigureRole, { en: string; zh: string }> = {
  valuation: { en: 'valuation', zh: '估值' },
  raise: { en: 'amount raised', zh: '融资额' },
  price: { en: 'price', zh: '价格' },
  contract: { en: 'deal value', zh: '交易金额' },
  revenue: { en: 'revenue', zh: '收入' },
  money: { en: 'amount', zh: '金额' },
  priceCut: { en: 'price cut', zh: '降价幅度' },
  reduction: { en: 'reduction', zh: '降幅' },
  revenueShare: { en: 'share of revenue', zh: '收入占比' },
  accuracy: { en: 'accuracy', zh: '准确率' },
  gain: { en: 'improvement', zh: '提升幅度' },
  share: { en: 'share', zh: '比例' },
  speed: { en: 'speed', zh: '速度' },
  efficiency: { en: 'gain in performance per watt', zh: '每瓦性能提升' },
  speedup: { en: 'speed-up', zh: '提速' },
  multiple: { en: 'multiple', zh: '倍数' },
  capacity: { en: 'power capacity', zh: '电力容量' },
  units: { en: 'units', zh: '数量' },
  memory: { en: 'memory', zh: '内存' },
  process: { en: 'process node', zh: '制程' },
  energy: { en: 'energy', zh: '能耗' },
  other: { en: 'figure', zh: '数字' },
};

export function roleLabel(role: FigureRole, face: Face): string {
  return ROLE_LABELS[role][face];
}

/** One sentence per figure: what the figure is, about whom, attributed to the outlet that gives it. */
export function composeFigurePoint(facts: StoryFacts, f: FactFigure, face: Face): Statement {
  const S = facts.subject ? nameIn(facts.subject, face) : null;
  const P = facts.product ? nameIn(facts.product, face) : S;
  const F = figureIn(f, face);
  const O = face === 'zh' ? (f.outletZh ?? f.outlet) : f.outlet;
  const perM = f.perMillionTokens;
  // A publisher reporting on its own work is not named twice.
  const self = S !== null && (O === S || O.startsWith(`${S} `) || S.startsWith(`${O} `));
  let text: string;
  if (face === 'en') {
    const by = self ? ', it reports.' : `, according to ${O}.`;
    switch (f.role) {
      case 'valuation':
        text = S ? `${S} is valued at ${F}${by}` : `The valuation given is ${F}${by}`;
        break;
      case 'raise':
        text = S ? `${S} raised ${F}${by}` : `The amount raised is ${F}${by}`;
        break;
      case 'price':
        text = `${P ? `${P} is priced at` : 'The price is'} ${F}${perM && !/million/i.test(F) ? ' per million tokens' : ''}${by}`;
        break;
      case 'contract':
        text = S ? `${S}'s deal is worth ${F}${by}` : `The deal value is ${F}${by}`;
        break;
      case 'priceCut':
        text = `${S ? `${S} cuts the price` : 'The price is cut'} by ${F}${by}`;
        break;
      case 'speed':
        text = `${P ? `${P} runs at` : 'The speed is'} ${F}${by}`;
        break;
      case 'efficiency':
        text = `${P ? `${P} claims` : 'The claim is'} ${F} the performance per watt of its predecessor${by}`;
        break;
      case 'speedup':
        text = `${P ? `${P} claims` : 'The claim is'} a ${F} speed-up${by}`;
        break;
      case 'capacity':
        text = `The power capacity involved is ${F}${by}`;
        break;
      case 'units':
        text = f.figure.unit === 'parameter' ? `A model of ${F} is involved${by}` : `${capital(F)} are involved${by}`;
        break;
      case 'reduction':
        text = `${S ? `${S} reports a` : 'A'} reduction of ${F}${self ? '.' : by}`;
        break;
      case 'revenueShare':
        text = `The share of revenue at stake is ${F}${by}`;
        break;
      default:
        text = `${S ? `${S} reports` : 'The sources report'} ${an(roleLabel(f.role, 'en'))} of ${F}${self ? '.' : by}`;
    }
    if (/^The (?:deal|company|model|chip|round)\b/.test(text))
      text = `The sources report ${an(roleLabel(f.role, 'en'))} of ${F}${by}`;
  } else {
    const by = self ? '' : zh('据 ', O, '，');
    switch (f.role) {
      case 'valuation':
        text = zh(by, S ?? '', ' 估值 ', F, '。');
        break;
      case 'raise':
        text = zh(by, S ?? '', ' 融资 ', F, '。');
        break;
      case 'price':
        text = zh(by, P ?? '', ' 定价', perM && !/百万/.test(F) ? '为每百万 token ' : '为 ', F, '。');
        break;
      case 'contract':
        text = zh(by, S ? `${S} 的` : '', '交易金额为 ', F, '。');
        break;
      case 'priceCut':
        text = zh(by, S ?? '', ' 将价格下调 ', F, '。');
        break;
      case 'speed':
        text = zh(by, P ?? '', ' 的速度为', F, '。');
        break;
      case 'efficiency':
        text = zh(by, P ?? '', ' 的每瓦性能是上一代的 ', F, '。');
        break;
      case 'speedup':
        text = zh(by, P ?? '', ' 的速度提升至 ', F, '。');
        break;
      case 'capacity':
        text = zh(by, '涉及的电力容量为 ', F, '。');
        break;
      case 'units':
        text = f.figure.unit === 'parameter' ? zh(by, '涉及参数规模为 ', F, '的模型。') : zh(by, '涉及 ', F, '。');
        break;
      case 'reduction':
        text = zh(by, S ? `${S} 报告的` : '', '降幅为 ', F, '。');
        break;
      case 'revenueShare':
        text = zh(by, '涉及的收入占比为 ', F, '。');
        break;
      default:
        text = zh(by, S && self ? `${S} 报告的` : '', roleLabel(f.role, 'zh'), '为 ', F, '。');
    }
  }
  return composed(clean(text), [f.span]);
}

/** The lead: the event in one sentence, with its key figure, attributed. */
export function composeLead(facts: StoryFacts, face: Face): Statement | null {
  const head = composeHeadline(facts, face);
  if (!head) {
    const k = keyFigureOf(facts, face);
    return k ? composeFigurePoint(facts, k, face) : null;
  }
  const S = facts.subject ? nameIn(facts.subject, face) : '';
  const outlets = [
    ...new Set(facts.figures.slice(0, 3).map((f) => (face === 'zh' ? (f.outletZh ?? f.outlet) : f.outlet))),
  ]
    .filter((o) => o !== S)
    .slice(0, 2);
  let text =
    face === 'en'
      ? `${head.text}${outlets.length > 0 ? `, according to ${outlets.join(' and ')}` : ''}.`
      : zh(outlets.length > 0 ? `据 ${outlets.join('、')}，` : '', head.text, '。');
  const spans = [...head.spans];
  // The key figure belongs in the lead: when the event's sentence lacks it (a launch's headline
  // gives its speed, the key figure is its price), its own sentence follows.
  const key = keyFigureOf(facts, face);
  if (
    key &&
    !parseFigures(text)
      .filter(isTelling)
      .some((g) => figureKey(g) === key.key)
  ) {
    const point = composeFigurePoint(facts, key, face);
    text = `${text}${face === 'en' ? ' ' : ''}${point.text}`;
    spans.push(...point.spans);
  }
  return composed(clean(text), spans);
}

function an(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// --- impact: what changes for each audience, and the fact that drives it ---------------------

const AUDIENCE_ROLES: Record<string, readonly FigureRole[]> = {
  Investor: ['raise', 'valuation', 'contract', 'revenue', 'revenueShare', 'money', 'priceCut', 'price'],
  Executive: ['contract', 'capacity', 'units', 'price', 'priceCut', 'money'],
  Developer: ['speed', 'price', 'priceCut', 'speedup', 'efficiency', 'memory', 'accuracy'],
  Researcher: ['accuracy', 'energy', 'efficiency', 'multiple', 'gain', 'speedup', 'share'],
  'Tech Journalist': ['contract', 'raise', 'valuation', 'speed', 'capacity', 'accuracy', 'money'],
  'Enterprise buyer': ['price', 'priceCut', 'capacity', 'speed', 'units'],
  'Policy maker': ['capacity', 'energy', 'units', 'contract', 'money'],
};

const IMPACT_FRAMES: Record<
  string,
  { en: (x: string, subject: string | null) => string; zh: (x: string, subject: string | null) => string }
> = {
  Investor: {
    en: (x, s) => `A new reference point for valuing ${s ?? 'the company'} and its rivals: ${x}`,
    zh: (x, s) => zh('为评估', s ?? '该公司', '及其竞争对手提供了新的参照：', x),
  },
  Executive: {
    en: (x) => `A benchmark for supplier, partner and capacity plans: ${x}`,
    zh: (x) => `可作为供应商、合作伙伴与产能规划的参照：${x}`,
  },
  Developer: { en: (x) => `What to expect when building on it: ${x}`, zh: (x) => `基于它开发时可以预期的表现：${x}` },
  Researcher: {
    en: (x) => `A measured result to compare with and reproduce: ${x}`,
    zh: (x) => `提供了可以对照和复现的测量结果：${x}`,
  },
  'Tech Journalist': {
    en: (x) => `The figure to attribute when reporting it: ${x}`,
    zh: (x) => `报道时需注明出处的数字：${x}`,
  },
  'Enterprise buyer': {
    en: (x) => `A number to raise with vendors on price and capacity: ${x}`,
    zh: (x) => `可以在与供应商谈价格和容量时提出的数字：${x}`,
  },
  'Policy maker': {
    en: (x) => `Bears on power, infrastructure and market questions: ${x}`,
    zh: (x) => `涉及电力、基础设施与市场问题：${x}`,
  },
};

const KIND_IMPACT: Partial<
  Record<EventKind, Record<string, { en: (s: string) => string; zh: (s: string) => string }>>
> = {
  lawsuit: {
    'Policy maker': {
      en: (s) => `A court will test the rules ${s} challenges; the outcome sets how far they reach.`,
      zh: (s) => zh('法院将审查', s, '所挑战的规则，结果关系到规则的适用范围。'),
    },
    Executive: {
      en: (s) => `Companies in ${s}'s market face uncertainty until the court rules.`,
      zh: (s) => zh('在法院裁决之前，与', s, '处于同一市场的公司面临不确定性。'),
    },
    Investor: {
      en: (s) => `Legal costs and uncertainty for ${s} until the court rules.`,
      zh: (s) => zh('在法院裁决之前，', s, '面临法律成本与不确定性。'),
    },
    'Tech Journalist': {
      en: (s) => `A lawsuit involving ${s} to follow through the courts.`,
      zh: (s) => zh('一起涉及', s, '的诉讼，值得持续跟进。'),
    },
  },
  guide: {
    Developer: {
      en: (s) => `A procedure to try when building on ${s}, as the source describes it.`,
      zh: (s) => zh('在 ', s, ' 上开发时可以照着尝试的步骤（以来源的描述为准）。'),
    },
    'Enterprise buyer': {
      en: (s) => `Shows what running this on ${s} involves, step by step.`,
      zh: (s) => zh('分步说明在 ', s, ' 上完成这项工作需要做什么。'),
    },
    Executive: {
      en: (s) => `A how-to guide for ${s}, not news about it.`,
      zh: (s) => zh('一份关于 ', s, ' 的操作指南，而非关于它的新闻。'),
    },
    Investor: {
      en: (s) => `A how-to guide for ${s}, not news about it.`,
      zh: (s) => zh('一份关于 ', s, ' 的操作指南，而非关于它的新闻。'),
    },
    Researcher: {
      en: (s) => `A how-to guide for ${s}, not news about it.`,
      zh: (s) => zh('一份关于 ', s, ' 的操作指南，而非关于它的新闻。'),
    },
    'Tech Journalist': {
      en: (s) => `A how-to guide for ${s}, not news about it.`,
      zh: (s) => zh('一份关于 ', s, ' 的操作指南，而非关于它的新闻。'),
    },
    'Policy maker': {
      en: (s) => `A how-to guide for ${s}, not news about it.`,
      zh: (s) => zh('一份关于 ', s, ' 的操作指南，而非关于它的新闻。'),
    },
  },
  hire: {
    Executive: {
      en: (s) => `A change at the top of ${s} that partners and rivals will watch.`,
      zh: (s) => zh(s, '的高层变动，合作伙伴与竞争对手都会关注。'),
    },
    Investor: {
      en: (s) => `A leadership change at ${s} to weigh in its outlook.`,
      zh: (s) => zh(s, '的领导层变动，需纳入对其前景的判断。'),
    },
    'Tech Journalist': {
      en: (s) => `A leadership change at ${s} to follow.`,
      zh: (s) => zh(s, '的领导层变动，值得跟进。'),
    },
  },
};

/** When no figure speaks to an audience: what the event means for it, about the subject. */
const GENERIC_IMPACT: Record<string, { en: (s: string) => string; zh: (s: string) => string }> = {
  Investor: {
    en: (s) => `A development at ${s} to weigh in its outlook and its rivals'.`,
    zh: (s) => zh(s, '的这一动向，需纳入对其本身及竞争对手前景的判断。'),
  },
  Executive: {
    en: (s) => `A move by ${s} that its partners and competitors will have to answer.`,
    zh: (s) => zh(s, '的这一举动，其合作伙伴与竞争对手都需要作出回应。'),
  },
  Developer: {
    en: (s) => `Developers using ${s}'s products should check what changes for them.`,
    zh: (s) => zh('使用', s, '产品的开发者，应确认自己受到哪些影响。'),
  },
  Researcher: {
    en: (s) => `Researchers following ${s} have a new result to examine.`,
    zh: (s) => zh('关注', s, '的研究人员多了一个值得检验的结果。'),
  },
  'Tech Journalist': {
    en: (s) => `A development at ${s} to follow, each detail attributed to its source.`,
    zh: (s) => zh(s, '的这一动向值得跟进，每个细节都应注明出处。'),
  },
  'Enterprise buyer': {
    en: (s) => `Buyers working with ${s} should ask how it affects their service.`,
    zh: (s) => zh('与', s, '合作的企业采购方，应询问它对自身服务的影响。'),
  },
  'Policy maker': {
    en: (s) => `A development at ${s} that raises market questions for regulators.`,
    zh: (s) => zh(s, '的这一动向，为监管者提出了市场层面的问题。'),
  },
};

/** What changes for an audience, framed around a sentence of the face's own coverage (kept whole), or null when the audience has no frame. */
export function frameImpact(facts: StoryFacts, face: Face, audience: string, sentence: string): string | null {
  const frame = IMPACT_FRAMES[audience];
  if (!frame) return null;
  const S = facts.subject ? nameIn(facts.subject, face) : null;
  return face === 'en' ? frame.en(sentence, S) : frame.zh(sentence, S);
}

/** What changes for an audience, with the figure that drives it; null when no fact speaks to it. */
export function composeImpact(
  facts: StoryFacts,
  face: Face,
  audience: string,
  used: ReadonlySet<string>,
): { statement: Statement; key: string | null } | null {
  const roles = AUDIENCE_ROLES[audience];
  const frame = IMPACT_FRAMES[audience];
  if (roles && frame) {
    // Among the story's leading figures only: a minor detail does not drive an impact.
    const leading = facts.figures.filter((f) => meaningful(f, face)).slice(0, 6);
    const fitting = roles.flatMap((r) => leading.filter((f) => f.role === r));
    // A journalist's figure to attribute is the story's key figure, said already or not.
    const pick =
      audience === 'Tech Journalist' ? keyFigureOf(facts, face) : (fitting.find((f) => !used.has(f.key)) ?? fitting[0]);
    if (pick) {
      const fact = composeFigurePoint(facts, pick, face).text;
      const S = facts.subject ? nameIn(facts.subject, face) : null;
      const text = face === 'en' ? `${frame.en(lowerFirst(fact), S)}` : frame.zh(fact, S);
      return { statement: composed(clean(text), [pick.span]), key: pick.key };
    }
  }
  const byKind = KIND_IMPACT[facts.kind]?.[audience] ?? GENERIC_IMPACT[audience];
  if (byKind && facts.subject) {
    const S = nameIn(facts.subject, face);
    return { statement: composed(clean(face === 'en' ? byKind.en(S) : byKind.zh(S)), facts.titleSpans), key: null };
  }
  return null;
}

function lowerFirst(s: string): string {
  // Names keep their capital ("Anthropic…"); only a template's own opening word is lowered.
  return /^(?:The|A|An) /.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

// --- pros and cons: good or bad for whom, and why -------------------------------------------

export function composeProsCons(facts: StoryFacts, face: Face): { pros: Statement[]; cons: Statement[] } {
  const pros: Statement[] = [];
  const cons: Statement[] = [];
  const S = facts.subject ? nameIn(facts.subject, face) : null;
  // Who gains from a product's figures is its users: only when the product is named.
  const P = facts.product ? nameIn(facts.product, face) : null;
  const en = face === 'en';
  // One line per role: a round of 3.6 billion yuan "about $500 million" is one good thing, not two.
  const said = new Set<string>();
  for (const f of facts.figures) {
    if (f.role !== null && said.has(f.role)) continue;
    const F = figureIn(f, face);
    const by = en ? ` (${f.outlet})` : `（据 ${f.outletZh ?? f.outlet}）`;
    let text: string | null = null;
    if (f.role === 'priceCut' && P)
      text = en
        ? `Good for ${P}'s users: the price is cut by ${F}${by}.`
        : zh('对 ', P, ' 的用户有利：价格下调 ', F, by, '。');
    else if (f.role === 'speed' && P)
      text = en
        ? `Good for developers building on ${P}: it runs at ${F}${by}.`
        : zh('对基于 ', P, ' 开发的开发者有利：速度为', F, by, '。');
    else if ((f.role === 'efficiency' || f.role === 'speedup') && P)
      text = en
        ? `Good for ${P}'s users: a claimed ${F} ${f.role === 'efficiency' ? 'gain in performance per watt' : 'speed-up'}${by}.`
        : zh('对 ', P, ' 的用户有利：宣称', f.role === 'efficiency' ? '每瓦性能' : '速度', '提升至 ', F, by, '。');
    else if (f.role === 'raise' && S)
      text = en
        ? `Good for ${S}: ${F} more to spend on compute and hiring${by}.`
        : zh('对 ', S, ' 有利：新增 ', F, ' 资金可用于算力与招聘', by, '。');
    if (text && pros.length < 2) {
      pros.push(composed(clean(text), [f.span]));
      if (f.role !== null) said.add(f.role);
    }
  }
  if (facts.kind === 'lawsuit' && S)
    cons.push(
      composed(
        en
          ? `Bad for ${S} in the short term: legal costs and uncertainty until a court rules.`
          : zh('短期内对 ', S, ' 不利：法院裁决之前有法律成本和不确定性。'),
        facts.titleSpans,
      ),
    );
  // Bad for whom, and why, read from the figures' roles (never from a source's cue words).
  const O = facts.other ? nameIn(facts.other, face) : null;
  const first = (role: FigureRole): FactFigure | undefined => facts.figures.find((f) => f.role === role);
  const outletOfFig = (f: FactFigure): string => (en ? ` (${f.outlet})` : `（据 ${f.outletZh ?? f.outlet}）`);
  const cut = first('priceCut');
  if (cut && S && cons.length < 2)
    cons.push(
      composed(
        clean(
          en
            ? `Bad for ${S}'s rivals: a price cut of ${figureIn(cut, face)} puts them under pressure to match it${outletOfFig(cut)}.`
            : zh(
                '对 ',
                S,
                ' 的竞争对手不利：',
                figureIn(cut, face),
                ' 的降价让它们面临跟进的压力',
                outletOfFig(cut),
                '。',
              ),
        ),
        [cut.span],
      ),
    );
  const valued = first('valuation');
  if (facts.kind === 'funding' && valued && S && cons.length < 2)
    cons.push(
      composed(
        clean(
          en
            ? `Bad for ${S} if growth falls short: a valuation of ${figureIn(valued, face)} sets a high bar${outletOfFig(valued)}.`
            : zh(
                '若增长不及预期，对 ',
                S,
                ' 不利：',
                figureIn(valued, face),
                ' 的估值设下了很高的门槛',
                outletOfFig(valued),
                '。',
              ),
        ),
        [valued.span],
      ),
    );
  const capacity = first('capacity');
  if (facts.kind === 'deal' && capacity && S && O && cons.length < 2)
    cons.push(
      composed(
        clean(
          en
            ? `Bad for others seeking the same capacity: ${figureIn(capacity, face)} of power is committed to the deal between ${S} and ${O}${outletOfFig(capacity)}.`
            : zh(
                '对寻求同类算力的其他公司不利：',
                figureIn(capacity, face),
                ' 的电力容量已被 ',
                S,
                ' 与 ',
                O,
                ' 的交易锁定',
                outletOfFig(capacity),
                '。',
              ),
        ),
        [capacity.span],
      ),
    );
  const claim = facts.figures.find((f) => f.role === 'speedup' || f.role === 'efficiency' || f.role === 'speed');
  if (facts.kind === 'launch' && claim && P && cons.length < 2)
    cons.push(
      composed(
        clean(
          en
            ? `Bad for anyone relying on it untested: ${figureIn(claim, face)} is a claim about ${P} that no independent test in the sources confirms${outletOfFig(claim)}.`
            : zh(
                '对未经测试就依赖它的用户不利：',
                figureIn(claim, face),
                ' 是关于 ',
                P,
                ' 的说法，来源中没有独立测试证实',
                outletOfFig(claim),
                '。',
              ),
        ),
        [claim.span],
      ),
    );
  return { pros, cons };
}

// --- the card's takeaway --------------------------------------------------------------------

/** A sentence about the article: who reports what, with the figure to remember. */
export function composeTakeaway(facts: StoryFacts, outlet: string, face: Face): Statement | null {
  const head = composeHeadline(facts, face);
  if (!head) return null;
  const key = keyFigureOf(facts, face);
  const F = key ? figureIn(key, face) : null;
  // The figure to remember, when the event's sentence carries none of its own.
  const headHasFigure = parseFigures(head.text).some((g) => g.kind !== 'year');
  const extra = F && !headHasFigure;
  const self =
    facts.subject !== null &&
    (nameIn(facts.subject, face) === outlet || outlet.startsWith(`${nameIn(facts.subject, face)} `));
  const text =
    face === 'en'
      ? `${self ? `In its own report, ${head.text}` : facts.kind === 'other' ? `${outlet} reports on ${head.text}` : `${outlet} reports that ${head.text}`}${extra ? `; the figure to remember is ${F}` : ''}.`
      : zh(self ? `${outlet} 自行发布：` : `${outlet} 报道：`, head.text, extra ? `；要记住的数字是 ${F}` : '', '。');
  return composed(clean(text), key ? [...head.spans, key.span] : head.spans);
}

const KIND_TOPICS: Partial<Record<EventKind, { en: string; zh: string }>> = {
  guide: { en: 'How-to', zh: '教程' },
  funding: { en: 'Funding', zh: '融资' },
  launch: { en: 'Product launch', zh: '产品发布' },
  deal: { en: 'Deals', zh: '交易' },
  price: { en: 'Pricing', zh: '定价' },
  benchmark: { en: 'Benchmarks', zh: '评测' },
  research: { en: 'Research', zh: '研究' },
  lawsuit: { en: 'Lawsuits', zh: '诉讼' },
  regulation: { en: 'Regulation', zh: '监管' },
  hire: { en: 'Leadership', zh: '人事' },
};

/** Topics from the facts when the text names none: the subject, and the kind of event. */
export function factTopics(facts: StoryFacts, face: Face): string[] {
  const out: string[] = [];
  if (facts.subject) out.push(nameIn(facts.subject, face));
  const kind = KIND_TOPICS[facts.kind];
  if (kind) out.push(kind[face]);
  return out;
}
