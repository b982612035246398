// Cue words: what marks a sentence as a drawback, a benefit, advice, or of interest to an audience.
// Lower-case English stems matched at word starts; Chinese matched as substrings.

import type { ScoredCandidate } from './story-analysis.js';

export interface CueList {
  readonly en: readonly string[];
  readonly zh: readonly string[];
}

export const CONS_CUES: CueList = {
  en: [
    'but',
    'however',
    'risk',
    'concern',
    'although',
    'warn',
    'flagged',
    'expensive',
    'premium',
    'only if',
    'not yet',
    'subject to',
    'pressure',
    'walks away',
    'problem',
    'challenge',
    'uncertain',
    'delay',
    'struggl',
    'complain',
    'criticis',
    'lawsuit',
    'doubt',
    'did not',
    'does not',
    'has not',
    'have not',
    'no independent',
    'never',
    'unproven',
    'untested',
    'false economy',
    'almost no',
    'depend on a single',
    'single customer',
    'concentration',
  ],
  zh: [
    '但',
    '不过',
    '风险',
    '担忧',
    '然而',
    '压力',
    '隐患',
    '问题',
    '挑战',
    '质疑',
    '不确定',
    '抱怨',
    '仍需',
    '高于',
    '尚未',
    '受限',
    '没有',
    '未透露',
    '依赖',
  ],
};

export const PROS_CUES: CueList = {
  // Not "largest" or "record": size is a fact, not a benefit.
  en: [
    'faster',
    'cheaper',
    'gain',
    'improv',
    'boost',
    'lower cost',
    'cut',
    'positive',
    'growth',
    'grow',
    'saving',
    'efficient',
    'outperform',
    'beats',
  ],
  // The Chinese of the English stems above too: a speed-up (提速, 加快), an improvement, a price cut (下调, 降低).
  zh: [
    '提升',
    '降低',
    '更快',
    '便宜',
    '优势',
    '增长',
    '领先',
    '突破',
    '降价',
    '节省',
    '效率',
    '提速',
    '加快',
    '改进',
    '改善',
    '下调',
    '更低',
  ],
};

export const ADVICE_CUES: CueList = {
  en: ['should', 'watch', 'worth', 'would not', 'need to', 'must', 'the question', 'the lesson', 'matters'],
  zh: ['应该', '应当', '建议', '值得', '关注', '需要', '关键在于', '意味着'],
};

export const AUDIENCE_CUES: Record<string, CueList> = {
  Investor: {
    en: [
      'revenue',
      'valuation',
      'backlog',
      'price',
      'funding',
      'raise',
      'investor',
      'ipo',
      'billion',
      'contract',
      'shares',
      'profit',
      'margin',
      'cost',
      'worth',
      'series',
    ],
    zh: ['收入', '估值', '融资', '投资', '上市', '亿美元', '亿元', '合同', '价格', '利润', '成本', '轮'],
  },
  Executive: {
    en: ['strategy', 'customer', 'supplier', 'competit', 'deal', 'partner', 'contract', 'demand', 'market', 'diversif'],
    zh: ['战略', '客户', '供应商', '竞争', '合作', '协议', '需求', '市场', '合同'],
  },
  Developer: {
    en: [
      'api',
      'developer',
      'token',
      'latency',
      'open-source',
      'open-weight',
      'sdk',
      'rate limit',
      'usage limit',
      'context',
      'model',
      'response',
    ],
    zh: ['开发者', '接口', 'api', 'token', '调用', '开源', '延迟', '上下文', '模型', '响应'],
  },
  Researcher: {
    en: ['benchmark', 'paper', 'training', 'evaluation', 'measure', 'dataset', 'method', 'model', 'energy'],
    zh: ['研究', '基准', '论文', '训练', '评测', '测试', '数据集', '能耗'],
  },
  'Tech Journalist': {
    en: ['said', 'announced', 'according to', 'told', 'statement', 'question'],
    zh: ['表示', '宣布', '据', '公告', '指出', '认为'],
  },
  'Enterprise buyer': {
    en: [
      'price',
      'pricing',
      'contract',
      'availability',
      'capacity',
      'service',
      'customer',
      'enterprise',
      'deliver',
      'usage',
    ],
    zh: ['价格', '企业', '合同', '容量', '交付', '服务', '客户', '用量'],
  },
  'Policy maker': {
    en: ['grid', 'regulat', 'permit', 'export', 'water', 'energy', 'government', 'power', 'law', 'policy', 'approval'],
    zh: ['监管', '电网', '政策', '出口', '政府', '电力', '审批', '能源', '用水'],
  },
};

/** Each list's English cues as word-start patterns, compiled once per list (lists are constants). */
const compiled = new WeakMap<CueList, readonly RegExp[]>();

function enPatterns(cues: CueList): readonly RegExp[] {
  let res = compiled.get(cues);
  if (!res) {
    res = cues.en.map((w) => new RegExp(`(?:^|[^a-z])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    compiled.set(cues, res);
  }
  return res;
}

/**
 * Counts already made per sentence object and cue list: a writer asks again for the same
 * candidates on every pick (filters and boosts). Kept while the sentence object lives, and used
 * only while it still has the text and language it was counted for.
 */
const counted = new WeakMap<object, { text: string; language: string; hits: Map<CueList, number> }>();

/** How many cues of the list a sentence carries (0 when none). */
export function cueHits(c: { readonly text: string; readonly language: string }, cues: CueList): number {
  let known = counted.get(c);
  if (!known || known.text !== c.text || known.language !== c.language) {
    known = { text: c.text, language: c.language, hits: new Map() };
    counted.set(c, known);
  }
  let hits = known.hits.get(cues);
  if (hits === undefined) {
    hits = countCues(c, cues);
    known.hits.set(cues, hits);
  }
  return hits;
}

function countCues(c: { readonly text: string; readonly language: string }, cues: CueList): number {
  const zh = /\p{Script=Han}/u.test(c.text) && c.language !== 'en';
  let hits = 0;
  const lower = c.text.toLowerCase();
  if (zh) {
    for (const w of cues.zh) if (lower.includes(w)) hits++;
    return hits;
  }
  for (const re of enPatterns(cues)) if (re.test(lower)) hits++;
  return hits;
}

export function hasCue(c: ScoredCandidate, cues: CueList): boolean {
  return cueHits(c, cues) > 0;
}
