// What a news title says: the kind of event, and the grammatical subject of an English title, read
// by pattern (shared by the facts of a story, src/write/compose.ts, and the matching of Latin and
// Chinese names, src/write/zh-names.ts).

export const EVENT_KINDS = [
  'guide',
  'funding',
  'launch',
  'deal',
  'price',
  'benchmark',
  'research',
  'lawsuit',
  'regulation',
  'hire',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

// --- the kind of event ------------------------------------------------------------------------

const KIND_RULES: ReadonlyArray<[EventKind, RegExp]> = [
  // A how-to is not news about the company it runs on ("How to serve a model on Google, step by step").
  ['guide', /^how to\b|\bstep by step\b|\bguide\b|\btutorial\b|\bwalkthrough\b|教程|指南|手把手|^如何/iu],
  ['lawsuit', /\bsues?\b|\blawsuit\b|\bsued\b|\bcourt\b|起诉|诉讼|官司/iu],
  [
    'hire',
    /\b(?:names|appoints|hires|taps)\b.*\b(?:chief|CEO|CFO|CTO|head|president)\b|\bnew chief executive\b|任命|出任|加盟/iu,
  ],
  ['funding', /\braises?\b|\bfunding\b|\bSeries [A-F]\b|\bround\b|融资|[A-F] ?轮/iu],
  ['price', /\bcuts? (?:[\w-]+ ){0,2}prices?\b|\bprice cuts?\b|\bslashes (?:[\w-]+ ){0,2}prices?\b|降价|下调.*价/iu],
  // Before launch: "工信部发布…新规" (issues new rules) is a rule, not a product launch.
  ['regulation', /\brules?\b|\bregulat|\blaw\b|\bban\b|监管|法规|新规/iu],
  [
    'launch',
    /\blaunch(?:es|ed)?\b|\breleas(?:es|ed)\b|\bunveil(?:s|ed)?\b|\bintroduc(?:es|ed)\b|\bdebuts?\b|\bopens\b|发布|推出|上线|亮相/iu,
  ],
  [
    'deal',
    /\bdeal\b|\bcontract\b|\bagreement\b|\bsigns?\b|\blease[sd]?\b|\btakes\b|\bbuys?\b|\border(?:s)?\b|\bacquir|大单|订单|订购|签约|协议|合同|收购|拿下|包下|租下|租用|签下/iu,
  ],
  ['benchmark', /\bbenchmark|\bmeasures?\b|\btests?\b|评测|基准|测评/iu],
  ['research', /\bstudy\b|\bpaper\b|\bresearch|\bfinds?\b|研究|论文/iu],
];

export function eventKindOf(titles: readonly string[]): EventKind {
  for (const [kind, re] of KIND_RULES) if (titles.some((t) => re.test(t))) return kind;
  return 'other';
}

/** "Halden AI launches …", "Orrin Chips names …": the name before an event verb, when the recogniser found none. */
export const TITLE_SUBJECT =
  /(?<![\w’'-])((?:[A-Z][\w.&’'-]*)(?: [A-Z][\w.&’'-]*){0,3}) (?:raises|launches|releases|unveils|introduces|debuts|sues|names|appoints|hires|opens|signs|strikes|takes|books|leases|buys|orders|acquires|cuts|publishes|measures|tests|wins|files|closes|secures|lands|expands)\b/;
