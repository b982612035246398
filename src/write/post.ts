// A platform-neutral commentary post per story, written as an argument: a headline naming the
// event and its key figure; a hook with the news (the key figure in it) and the argument, why it
// matters; then numbered takeaways that build on each other, each led in by its step: what
// happened (the next fact), why it matters (the reason behind the argument), the catch (the
// counter-evidence: a source's caution, a conflict, a single source), what to watch (what follows).
// Each step is a source sentence of the face's coverage when one fits it, else composed from the
// story's facts (src/write/compose.ts) in the face's language; every figure, name and quote comes
// from the sources. A source speaking in the first person ("we tested") is quoted with its outlet
// named, never passed off as ours. Deterministic; a closing line and credits end it.

import type { Face } from '../article.js';
import { CONS_CUES, cueHits, type CueList } from './cues.js';
import {
  meaningful,
  composeFigurePoint,
  composeHeadline,
  composeImpact,
  composeProsCons,
  nameIn,
  zh,
  type StoryFacts,
} from './compose.js';
import {
  bestTitleOf,
  digestItemFor,
  faceContext,
  figureKeysIn,
  fitForSlot,
  headlineOf,
  type FaceContext,
} from './digest-item.js';
import { LABELS, type ArgumentRole } from './labels.js';
import { SCHEMA_VERSION, type Post, type ProvenanceEntry } from './schemas.js';
import { selectDiverse } from './selection.js';
import { ENDS_ON_REFERENCE, statesFigureWithoutMeaning } from './slot-check.js';
import { outletOf, sourceRefs, spanOf } from './source-refs.js';
import { analyseStory, type ScoredCandidate, type StoryAnalysis, type StoryInput } from './story-analysis.js';
import { conflicts, noOfficial, singleSource, type Statement } from './story-statements.js';

/** Why it matters: a consequence, a comparison, a reason, what the news changes. */
const WHY_CUES: CueList = {
  en: [
    'puts pressure',
    'pressure on',
    'competition',
    'compete',
    'rival',
    'means',
    'signal',
    'a bet',
    'bold bet',
    'betting',
    'because',
    'so that',
    'alternative',
    'bottleneck',
    'shift',
    'demand',
    'matters',
    'race',
    'threat',
    'outrun',
    'in a hurry',
    'looking for',
    'export control',
  ],
  zh: [
    '意味着',
    '压力',
    '竞争',
    '对手',
    '押注',
    '因为',
    '由于',
    '替代',
    '瓶颈',
    '需求',
    '标志',
    '首次',
    '关键',
    '转向',
    '挑战',
    '受限',
    '缓解',
  ],
};

/** What follows: plans, schedules, options, conditions, open questions. */
const WATCH_CUES: CueList = {
  en: [
    'will want',
    'will need',
    'will have to',
    'will depend',
    'will decide',
    'will show',
    'plans to',
    'scheduled',
    'is due',
    'expected',
    'by the end of',
    'next year',
    'later this year',
    'option',
    'quarter',
    'if the',
    'whether',
    'is set to',
    'aims to',
    'pays off',
    'yet to',
    'not yet',
    'going to',
  ],
  zh: ['将', '计划', '预计', '年底', '下半年', '明年', '季度', '有望', '是否', '如果', '选择权', '尚未出炉'],
};

/**
 * Two sentences telling one fact in other words ("internal benchmarks show K3 Flash within two
 * points of K3" twice, from two outlets): most of the shorter one's terms are the other's.
 */
function sameFact(a: ScoredCandidate, b: ScoredCandidate): boolean {
  if (a.language !== b.language || a.terms.length < 4 || b.terms.length < 4) return false;
  const small = a.terms.length <= b.terms.length ? a.terms : b.terms;
  const large = new Set(a.terms.length <= b.terms.length ? b.terms : a.terms);
  // Measured on the example corpus: the same fact in other words shares 0.40 (English terms) and
  // 0.33 (Chinese bigrams) of the shorter's terms; different facts about one story 0.11 to 0.15.
  return small.filter((t) => large.has(t)).length / small.length >= (a.language === 'zh' ? 0.3 : 0.38);
}

const FIRST_PERSON = /\b(?:[Ww]e|[Oo]urs?|[Uu]s|I|[Mm]y)\b|我们|我司|本公司|笔者/u;
const QUOTED = /“[^”]*”|"[^"]*"|「[^」]*」|『[^』]*』/gu;
const speaksFirstPerson = (text: string): boolean => FIRST_PERSON.test(text.replace(QUOTED, ' '));

interface Step {
  readonly text: string;
  readonly entry: Omit<ProvenanceEntry, 'path'>;
  readonly keys: ReadonlySet<string>;
  readonly used?: ScoredCandidate;
}

export function writePost(story: StoryInput, face: Face): Post {
  const analysis = analyseStory(story);
  const ctx = faceContext(analysis, face);
  return new PostWriter(ctx).write();
}

class PostWriter {
  /** Figure keys said so far (hook and takeaways), and the lines written. */
  private readonly said = new Set<string>();
  private readonly lines = new Set<string>();
  /** Figure keys the hook says: a takeaway explaining why one matters may say it again. */
  private readonly inHook = new Set<string>();
  private readonly used: ScoredCandidate[] = [];
  private readonly facts: StoryFacts;
  private readonly face: Face;
  /** Source sentences may be used: the face has coverage of its own (or a human translation). */
  private readonly fromSources: boolean;

  constructor(private readonly ctx: FaceContext) {
    this.facts = ctx.facts;
    this.face = ctx.face;
    this.fromSources = !ctx.composed && ctx.bodyLanguage === ctx.face;
  }

  write(): Post {
    const { ctx, face } = this;
    const prov: ProvenanceEntry[] = [];
    const item = digestItemFor(ctx);

    // Headline: the face's own best title (the key figure and names in it); with no coverage in
    // the face, the event and its key figure composed from the facts; else the digest's headline.
    const head = this.fromSources ? bestTitleOf(ctx) : composeHeadline(this.facts, face);
    const headStatement: Statement = head && !statesFigureWithoutMeaning(head.text) ? head : headlineOf(ctx);
    prov.push({ path: 'headline', kind: headStatement.kind, spans: [...headStatement.spans] });

    // Hook: the news with the key figure, then the argument.
    const news = this.newsStep(
      item.keyPoints.lead,
      item.provenance.find((p) => p.path === 'keyPoints.lead'),
    );
    const argument = this.whyStep(true);
    const hookSteps = [news, argument].filter((s): s is Step => s !== null);
    const hook = hookSteps.map((s) => s.text).join(face === 'zh' ? '' : ' ');
    hookSteps.forEach((s) => s.keys.forEach((k) => this.inHook.add(k)));
    prov.push({
      path: 'hook',
      kind: hookSteps.every((s) => s.entry.kind === 'extract') ? 'extract' : 'composed',
      spans: hookSteps.flatMap((s) => [...s.entry.spans]),
    });

    // Takeaways: the steps of the argument, each building on the hook and the step before. Chosen
    // most particular first (a reason, a caution, what follows), the next fact last: any fact with
    // a figure can be that, so it takes what the others leave.
    const why = this.whyStep(false);
    const caution = this.catchStep();
    const watch = this.watchStep();
    const event = this.eventStep();
    const steps: Array<[ArgumentRole, Step | null]> = [
      ['event', event],
      ['why', why],
      ['catch', caution],
      ['watch', watch],
    ];
    const labels = LABELS[face].argument;
    const sep = face === 'zh' ? '：' : ': ';
    const takeaways: string[] = [];
    for (const [role, step] of steps) {
      if (!step) continue;
      prov.push({ path: `takeaways[${takeaways.length}]`, ...step.entry, spans: [...step.entry.spans] });
      takeaways.push(`${labels[role]}${sep}${step.text}`);
    }

    prov.push({ path: 'closing', kind: 'computed', spans: [] });
    return {
      schemaVersion: SCHEMA_VERSION,
      language: face,
      bodyLanguage: ctx.bodyLanguage,
      notice: ctx.notice,
      storyId: ctx.analysis.story.storyId,
      headline: headStatement.text,
      hook,
      takeaways,
      closing: verdict(ctx.analysis.story, face),
      credits: credited(ctx.analysis.articles),
      provenance: prov,
    };
  }

  // --- the steps ------------------------------------------------------------------------------

  /** The news: the digest's lead, and the key figure's own sentence when the lead lacks it. */
  private newsStep(lead: string, leadEntry: ProvenanceEntry | undefined): Step | null {
    const keyKey = this.ctx.analysis.keyFigures[0]?.key;
    const fromPool = this.fromSources ? this.ctx.pool.find((c) => c.text === lead) : undefined;
    if (!fromPool) {
      if (lead.trim() === '') return null;
      const step: Step = {
        text: lead,
        entry: { kind: leadEntry?.kind ?? 'composed', spans: [...(leadEntry?.spans ?? [])] },
        keys: figureKeysIn(lead),
      };
      return this.take(step);
    }
    const parts = [this.sourceStep(fromPool)];
    if (keyKey && !fromPool.figureKeys.includes(keyKey)) {
      const [withFigure] = selectDiverse(this.ctx.pool, 1, {
        chosen: [fromPool],
        filter: (c) => c.figureKeys.includes(keyKey) && this.fits(c),
      });
      // The face's coverage does not give the key figure (another language's does): its line, composed.
      const key = withFigure ? undefined : this.facts.figures.find((f) => f.key === keyKey && meaningful(f, this.face));
      if (withFigure) parts.push(this.sourceStep(withFigure));
      else if (key) parts.push(this.composedStep(composeFigurePoint(this.facts, key, this.face)));
    }
    const step: Step = {
      text: parts.map((p) => p.text).join(this.face === 'zh' ? '' : ' '),
      entry: {
        kind: parts.every((p) => p.entry.kind === 'extract') ? 'extract' : 'composed',
        spans: parts.flatMap((p) => [...p.entry.spans]),
      },
      keys: new Set(parts.flatMap((p) => [...p.keys])),
    };
    parts.forEach((p) => p.used && this.used.push(p.used));
    return this.take(step);
  }

  /** What happened, beyond the news: the next fact, with a figure not said yet. */
  private eventStep(): Step | null {
    if (this.fromSources) {
      const c = this.pick(
        (c) => c.figureKeys.length > 0 && cueHits(c, WHY_CUES) === 0 && cueHits(c, CONS_CUES) === 0,
        (c) => 0.2 * c.figureKeys.length,
      );
      // The face's own coverage has no further fact: a composed figure line would only thin it.
      return c ? this.take(this.sourceStep(c)) : null;
    }
    const f = this.facts.figures.find((x) => meaningful(x, this.face) && !this.said.has(x.key));
    return f ? this.take(this.composedStep(composeFigurePoint(this.facts, f, this.face))) : null;
  }

  /**
   * Why it matters: a source's reason or consequence; else, for the hook, what the kind of event
   * puts at stake (the argument in general terms) and for the takeaway the reason in figures: who
   * it is good or bad for, what changes for an audience.
   */
  private whyStep(forHook: boolean): Step | null {
    if (this.fromSources) {
      const c = this.pick(
        (c) => cueHits(c, WHY_CUES) > 0,
        (c) => 0.3 * cueHits(c, WHY_CUES),
      );
      if (c) return this.take(this.sourceStep(c));
    }
    const general = (): Step | null => {
      const why = kindWhy(this.facts, this.face, this.ctx.analysis.story.storyId);
      const step = why ? this.composedStep(why) : null;
      return step && this.fresh(step) ? this.take(step) : null;
    };
    if (forHook) {
      const g = general();
      if (g) return g;
    }
    // Who it is good or bad for may take up the hook's figure: it says why that figure matters.
    const judged = composeProsCons(this.facts, this.face);
    for (const s of [...judged.pros, ...judged.cons]) {
      const step = this.composedStep(s);
      if (this.fresh(step, !forHook)) return this.take(step);
    }
    // The face's own coverage: its most central sentence not yet said reads better than a composed audience line.
    if (this.fromSources && !forHook) {
      const c = this.pick(
        (c) => cueHits(c, CONS_CUES) === 0,
        () => 0,
      );
      if (c) return this.take(this.sourceStep(c));
    }
    const audiences = [
      ...new Set([
        ...this.ctx.analysis.story.ranking.audiences,
        'Executive',
        'Investor',
        'Developer',
        'Researcher',
        'Enterprise buyer',
        'Policy maker',
      ]),
    ];
    for (const audience of audiences) {
      const made = composeImpact(this.facts, this.face, audience, this.said);
      if (!made?.key || this.said.has(made.key)) continue;
      const step = this.composedStep(made.statement);
      if (this.fresh(step)) return this.take(step);
    }
    const g = general();
    if (g) return g;
    // Last: what the event means for the first audience, said without a figure.
    const plain = composeImpact({ ...this.facts, figures: [] }, this.face, audiences[0]!, this.said);
    const step = plain ? this.composedStep(plain.statement) : null;
    return step && this.fresh(step) ? this.take(step) : null;
  }

  /**
   * The catch: a judgement about the subject (who the news is bad for, and why, from the facts);
   * else what the sources disagree on, or how thin they are. Never a source sentence picked by its
   * cue words ("but", "risk"): a sentence that is neither good nor bad for anyone is left out.
   */
  private catchStep(): Step | null {
    const a = this.ctx.analysis;
    const judged = composeProsCons(this.facts, this.face).cons;
    for (const s of [...judged, ...conflicts(a, this.face), singleSource(a, this.face), noOfficial(a, this.face)]) {
      if (!s) continue;
      const step = this.composedStep(s);
      if (this.fresh(step)) return this.take(step);
    }
    return null;
  }

  /** What to watch: a plan, a schedule, an open question in the sources; else what the kind of event leaves open. */
  private watchStep(): Step | null {
    if (this.fromSources) {
      const c = this.pick(
        (c) => cueHits(c, WATCH_CUES) > 0,
        (c) => 0.3 * cueHits(c, WATCH_CUES),
      );
      if (c) return this.take(this.sourceStep(c));
    }
    const single = this.ctx.analysis.story.ranking.independentPublishers.length <= 1;
    const watch = kindWatch(this.facts, this.face, single);
    return watch ? this.take(this.composedStep(watch)) : null;
  }

  // --- helpers --------------------------------------------------------------------------------

  /** Fit for a post: whole, not dangling at either end, quotes attributed, no figure or fact said already. */
  private fits(c: ScoredCandidate): boolean {
    if (!fitForSlot(c) || this.used.includes(c) || ENDS_ON_REFERENCE.test(c.text)) return false;
    if (c.figureKeys.some((k) => this.said.has(k))) return false;
    if (this.used.some((u) => sameFact(u, c))) return false;
    const words = c.language === 'zh' ? c.text.length : c.text.split(/\s+/).length;
    return c.language === 'zh' ? words >= 15 && words <= 160 : words >= 8 && c.text.length <= 320;
  }

  private pick(
    filter: (c: ScoredCandidate) => boolean,
    boost: (c: ScoredCandidate) => number,
  ): ScoredCandidate | undefined {
    const [c] = selectDiverse(this.ctx.pool, 1, {
      chosen: this.used,
      lambda: 0.6,
      filter: (x) => this.fits(x) && filter(x),
      boost,
    });
    return c;
  }

  /** A source sentence as a step: as written, or quoted with its outlet named when the source speaks in the first person. */
  private sourceStep(c: ScoredCandidate): Step {
    let text = c.text;
    if (speaksFirstPerson(c.text) && !/[“”"「」]/u.test(c.text)) {
      const article =
        this.ctx.poolArticles.find((a) => a.id === c.articleId) ??
        this.ctx.analysis.articles.find((a) => a.id === c.articleId);
      const outlet = article ? outletOf(article) : null;
      if (outlet) text = this.face === 'zh' ? `${outlet}写道：“${c.text}”` : `${outlet} writes: “${c.text}”`;
    }
    return { text, entry: { kind: 'extract', spans: [spanOf(c)] }, keys: new Set(c.figureKeys), used: c };
  }

  private composedStep(s: Statement): Step {
    return { text: s.text, entry: { kind: s.kind, spans: [...s.spans] }, keys: figureKeysIn(s.text) };
  }

  /** Says something not said yet: no figure again (but the hook's, when building on it), no line twice. */
  private fresh(step: Step, hookFiguresAllowed = false): boolean {
    return (
      !this.lines.has(step.text) &&
      ![...step.keys].some((k) => this.said.has(k) && !(hookFiguresAllowed && this.inHook.has(k)))
    );
  }

  private take(step: Step): Step {
    this.lines.add(step.text);
    step.keys.forEach((k) => this.said.add(k));
    if (step.used && !this.used.includes(step.used)) this.used.push(step.used);
    return step;
  }
}

// --- composed steps by kind of event -----------------------------------------------------------

const composed = (text: string, spans: Statement['spans']): Statement => ({
  text,
  kind: 'composed',
  spans: [...spans],
});

/**
 * Why it matters, when no source says and no figure judges it: what the kind of event puts at
 * stake. Frequent kinds have two wordings, chosen by the story id, so a day of funding rounds does
 * not read the same line under each.
 */
function kindWhy(facts: StoryFacts, face: Face, storyId: string): Statement | null {
  const s = facts.subject;
  if (!s) return null;
  const S = nameIn(s, face);
  const O = facts.other ? nameIn(facts.other, face) : null;
  const P = facts.product ? nameIn(facts.product, face) : null;
  const en = face === 'en';
  const lines: Partial<Record<StoryFacts['kind'], Array<[string, string]>>> = {
    guide: [
      [
        `A practical walkthrough for anyone working with ${S}; the steps are the source's, not tested here.`,
        `给在 ${S} 上工作的人的一份实用指南；步骤来自来源，本文未实测。`,
      ],
    ],
    funding: [
      [
        `Investors are paying for ${S}'s plans before they are proven; the money decides how long it can compete.`,
        `投资方在 ${S} 的计划得到验证之前就已出资；这笔钱决定了它能竞争多久。`,
      ],
      [
        `Money raised at this stage buys ${S} time and hiring; whether it buys a lead is the open question.`,
        `这一阶段的融资为 ${S} 换来了时间和人手；能否换来领先地位，仍是悬而未决的问题。`,
      ],
    ],
    launch: [
      [
        `${P ?? S} is a new option for anyone choosing between models and vendors.`,
        `对正在比较模型和供应商的人来说，${P ?? S} 是一个新选项。`,
      ],
      [
        `${P ?? S} gives buyers one more option to weigh on speed and price.`,
        `${P ?? S} 让买家在速度与价格上多了一个可比较的选项。`,
      ],
    ],
    deal: [
      [
        O
          ? `A commitment of this kind ties ${S} and ${O} together for years, and shows where demand is going.`
          : `A commitment of this kind ties ${S} to its counterpart for years, and shows where demand is going.`,
        O
          ? `这类承诺会把 ${S} 与 ${O} 绑定多年，也显示了需求流向何处。`
          : `这类承诺会把 ${S} 与交易对方绑定多年，也显示了需求流向何处。`,
      ],
      [
        `Commitments like this show where AI capacity is being spent, and who is spending it.`,
        `这类承诺显示了 AI 算力的钱花在哪里、由谁在花。`,
      ],
    ],
    price: [
      [
        `A lower price changes what it costs to build on ${S}, and what rivals can charge.`,
        `更低的价格改变了基于 ${S} 开发的成本，也改变了竞争对手的定价空间。`,
      ],
      [
        `Each cut by ${S} resets what buyers expect to pay across the market.`,
        `${S} 的每一次降价，都会改变整个市场对价格的预期。`,
      ],
    ],
    benchmark: [
      [
        `A shared measurement lets buyers and researchers compare claims that were hard to compare before.`,
        `统一的测量让买家和研究人员可以比较过去难以比较的说法。`,
      ],
    ],
    research: [
      [
        `A published result others can test, and build on if it holds.`,
        `一项可以被他人检验的公开结果；若经得起检验，便可在此基础上继续推进。`,
      ],
    ],
    lawsuit: [
      [
        `A court may decide questions that affect ${S}'s whole market, not only ${S}.`,
        `法院的裁决可能影响 ${S} 所在的整个市场，而不只是 ${S}。`,
      ],
    ],
    regulation: [
      [
        `Rules change what companies may build and sell, and at what cost.`,
        `规则会改变企业可以开发和销售什么，以及付出什么成本。`,
      ],
    ],
    hire: [[`Who leads ${S} shapes its priorities for years.`, `由谁领导 ${S}，将在多年内影响其优先事项。`]],
  };
  const variants = lines[facts.kind];
  if (!variants || variants.length === 0) return null;
  const line = variants[[...storyId].reduce((n, ch) => n + ch.charCodeAt(0), 0) % variants.length]!;
  return composed(en ? line[0] : zh(line[1]), facts.titleSpans);
}

/** What to watch: what the kind of event leaves open (and, with a single source, whether others confirm it). */
function kindWatch(facts: StoryFacts, face: Face, single: boolean): Statement | null {
  const s = facts.subject;
  const en = face === 'en';
  const confirm = en ? 'whether other sources confirm it' : '其他来源能否证实此事';
  if (!s) return single ? composed(en ? `${capitalFirst(confirm)}.` : `${confirm}。`, facts.titleSpans) : null;
  const S = nameIn(s, face);
  const O = facts.other ? nameIn(facts.other, face) : null;
  const P = facts.product ? nameIn(facts.product, face) : null;
  const lines: Record<StoryFacts['kind'], [string, string]> = {
    guide: [`whether ${S}'s own documentation gives the same steps`, `${S} 的官方文档是否给出相同的步骤`],
    funding: [
      `what ${S} spends the money on, and when that shows up in its products`,
      `${S} 把这笔钱花在哪里，以及何时体现在产品上`,
    ],
    launch: [
      `whether independent tests confirm what ${S} claims for ${P ?? 'it'}`,
      `独立测试能否证实 ${S} 对${P ? ` ${P} ` : '新产品'}的说法`,
    ],
    deal: [
      `whether ${S}${O ? ` and ${O} deliver` : ' delivers'} on schedule, and whether similar deals follow`,
      `${S}${O ? ` 与 ${O}` : ''} 能否按期履约，以及是否会出现更多类似交易`,
    ],
    price: [`whether ${S}'s rivals follow the cut`, `${S} 的竞争对手是否跟进降价`],
    benchmark: [`whether others reproduce ${S}'s results`, `其他团队能否复现 ${S} 的结果`],
    research: [`whether others reproduce ${S}'s results`, `其他团队能否复现 ${S} 的结果`],
    lawsuit: [`how the court rules, and what ${S} does until then`, `法院如何裁决，以及在此之前 ${S} 如何应对`],
    regulation: [`how the rules are applied, and who has to comply`, `新规如何落地，以及哪些企业需要遵守`],
    hire: [`what changes at ${S} under its new leadership`, `${S} 在新的领导层下会有哪些变化`],
    other: [`what ${S} does next`, `${S} 的下一步动作`],
  };
  // A story of no recognised kind that names a product reads as its launch.
  const [enLine, zhLine] = lines[facts.kind === 'other' && P ? 'launch' : facts.kind];
  const text = en
    ? `${capitalFirst(enLine)}${single ? `, and ${confirm}` : ''}.`
    : zh(`${zhLine}${single ? `，以及${confirm}` : ''}。`);
  return composed(text, facts.titleSpans);
}

function capitalFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The computed closing line: how solid the story is, and how many publishers tell it. */
function verdict(story: StoryInput, face: Face): string {
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
