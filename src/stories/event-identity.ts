// What names one event and no other: a paper's arXiv id or DOI, a product with its version in a
// headline ("Quill 2", "GB300"), the company that raises money in a funding headline. Two articles
// whose identifiers differ are two events however alike their words (two papers on reasoning
// benchmarks, two launches by one company, three funding rounds on one day, deals between different
// parties, two how-tos), so grouping treats a
// difference as a hard negative. Identifiers are only compared when both articles carry one of a
// kind, and a difference counts only when neither article mentions the other's identifier at all:
// a comparison ("Quill 2 against GPT-5") or a follow-up names both. Pure.

export interface EventIdentity {
  /** arXiv ids ("arxiv:2603.01234", version dropped) and DOIs ("doi:10.1000/xyz"), from text and URL. */
  readonly papers: readonly string[];
  /** Products with a version named in the headline, normalised ("quill2", "gb300", "gpt5"). */
  readonly products: readonly string[];
  /** Every product-shaped name anywhere in the text (bounded), to tell a comparison from a different launch. */
  readonly mentions: readonly string[];
  /** In a funding headline, who raises: the name before the verb ("brightmoor"), lower case. */
  readonly funded: readonly string[];
  /** In a lawsuit headline, who sues ("pallas"); absent in records stored before it was read. */
  readonly suing?: readonly string[];
  /** The kind of event the headline announces, when exactly one kind is clear; absent before it was read. */
  readonly kind?: EventKind | null;
  /** In a launch headline, who launches ("juniper"); absent in records stored before it was read. */
  readonly launched?: readonly string[];
  /**
   * In a deal headline, who signs ("nvidia"), then its counterparty when the headline names one
   * ("with:juniper"); absent in records stored before it was read.
   */
  readonly dealt?: readonly string[];
  /** A how-to headline, normalised ("how to add retrieval to a chatbot"); absent when not one. */
  readonly howto?: string | null;
  /**
   * What a rule-making headline names: a titled document (《…办法》) or the subject of the rules
   * ("深度合成内容标识", "rules on chatbot safety"); absent when not one.
   */
  readonly rule?: string | null;
}

export type EventKind = 'launch' | 'funding' | 'lawsuit' | 'personnel';

/** Headline verbs of each kind of event, English and Chinese. */
const KIND_PATTERNS: ReadonlyArray<readonly [EventKind, RegExp]> = [
  [
    'launch',
    /\b(?:launch(?:es|ed)?|releas(?:es|ed)|unveil(?:s|ed)?|introduc(?:es|ed|ing)|debuts?|rolls? out|open-sources?)\b|发布|推出|上线|开源/iu,
  ],
  ['lawsuit', /\b(?:sues?|sued|lawsuit|suit|judge|court|copyright case)\b|起诉|诉讼|法院|法官/iu],
  [
    'personnel',
    /\b(?:names?|appoints?|hires?|steps? down|resigns?)\b(?=.*\b(?:chief|ceo|cto|cfo|president|head|chair))|\b(?:steps down|resigns)\b|任命|辞任|辞职|出任/iu,
  ],
];

export interface DistinctEvent {
  readonly kind: 'paper' | 'product' | 'funding' | 'lawsuit' | 'launch' | 'deal' | 'howto' | 'rule' | 'kind';
  readonly a: readonly string[];
  readonly b: readonly string[];
}

const MAX_MENTIONS = 60;

const ARXIV =
  /(?:arxiv(?:\.org\/(?:abs|pdf)\/|:\s*))(\d{4}\.\d{4,5})(?:v\d+)?|\b(\d{4}\.\d{4,5})(?:v\d+)?(?=\s*\[(?:cs|stat|math|eess|q-bio|q-fin|physics|econ)\b)/gi;
const DOI = /\b(10\.\d{4,9}\/[^\s"'<>()\]，。]+[^\s"'<>()\]，。.,;:])/g;

/** Name + version tokens that are not products: quarters, halves, resolutions, units, diseases. */
const NOT_PRODUCT = /^(?:q[1-4]|h[12]|[1-9]\d*[dgkxp]|covid\d*|mp\d|top\d+|no\d+|fy\d+|cve\d+|g\d|g20|g7|ai|usd\d+)$/;
/** Capitalised words that may stand before a number without being a product name. */
const NOT_NAME = new Set(
  (
    'the a an and or of for in on at to by with from as is are was be top series round phase part chapter section level day days week weeks ' +
    'year years month months version v model models no number about over under nearly almost up down than after before since until ' +
    'raises raised fires fired adds add cuts cut wins win hits hit sees see gets get makes make says say said plans plan ' +
    'jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday arxiv submitted comments pages figures cite article chapter ' +
    'stage tier grade class type season episode issue vol volume page act rule form title amendment bill law route flight zone district sector unit team'
  ).split(' '),
);
const UNIT_AFTER =
  /^\s*(?:%|percent|per\b|million|billion|trillion|thousand|hundred|[kmgt]?w\b|gw|mw|kw|days?|weeks?|months?|years?|hours?|minutes?|seconds?|people|pages?|figures?|times|x\b|个|亿|万|年|月|日|号|天|%)/i;

const LATIN_TOKEN = /[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*/g;

function normaliseProduct(s: string): string {
  return s.toLowerCase().replace(/[\s-]+/g, '');
}

/** Product-shaped names in a text: "GB300", "GPT-5", "Qwen3", "Quill 2", "Echo 1.5". */
export function productNames(text: string): string[] {
  const out = new Set<string>();
  const tokens = [...text.matchAll(LATIN_TOKEN)];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]![0];
    const at = tokens[i]!.index;
    if (t.length > 40) continue;
    // One token with letters and digits: GB300, HX9, GPT-5, Qwen3, K3.
    if (/^[A-Za-z][A-Za-z.-]*\d[\w.-]*$/.test(t) && /[A-Z]/.test(t)) {
      const key = normaliseProduct(t);
      if (!NOT_PRODUCT.test(key)) out.add(key);
      continue;
    }
    // A capitalised name, then a small version number: "Quill 2", "Echo 1.5".
    if (!/^(?:[A-Z][a-z]+[A-Za-z]*|[a-z]{1,2}[A-Z][A-Za-z]+)$/.test(t) || NOT_NAME.has(t.toLowerCase())) continue;
    const next = tokens[i + 1];
    // A version ("2", "1.5", "v3") or a size in parameters ("7B", "1.5B").
    if (!next || !/^(?:v?\d{1,2}(?:\.\d{1,2})?|\d{1,3}(?:\.\d)?[bB])$/.test(next[0])) continue;
    const between = text.slice(at + t.length, next.index);
    if (!/^ ?$/.test(between) && between !== '-') continue;
    if (text[at - 1] === '$' || text.slice(Math.max(0, at - 2), at).includes('$')) continue;
    const rest = text.slice(next.index + next[0].length, next.index + next[0].length + 12);
    if (UNIT_AFTER.test(rest) || /^[,:]\d/.test(rest)) continue;
    out.add(normaliseProduct(`${t}${next[0]}`));
  }
  return [...out];
}

/** Paper identifiers: arXiv ids (from the text or the address) and DOIs. */
export function paperIds(text: string, url: string | null | undefined): string[] {
  const out = new Set<string>();
  for (const s of [url ?? '', text]) {
    for (const m of s.matchAll(ARXIV)) out.add(`arxiv:${(m[1] ?? m[2])!}`);
    for (const m of s.matchAll(DOI)) out.add(`doi:${m[1]!.toLowerCase()}`);
  }
  return [...out].sort();
}

/** The one kind of event a headline announces, or null when none or several are clear. */
export function headlineKind(title: string | null): EventKind | null {
  if (!title) return null;
  const kinds = new Set<EventKind>();
  if (FUNDING_EN.test(title) || FUNDING_ZH.test(title)) kinds.add('funding');
  for (const [kind, re] of KIND_PATTERNS) if (re.test(title)) kinds.add(kind);
  return kinds.size === 1 ? [...kinds][0]! : null;
}

const SUING_EN = /\b(?:sues|sue|sued|files suit against|takes)\b(?=\s+\S)/i;
const SUING_ZH = /起诉/u;

/** Who sues, from a lawsuit headline ("Pallas Speech sues the FTC" gives "pallas"). */
export function suingParty(title: string | null, text = ''): string[] {
  if (!title) return [];
  const verb = SUING_EN.exec(title) ?? SUING_ZH.exec(title);
  if (!verb) return [];
  const actor = subjectName(title.slice(0, verb.index));
  // A common word ("Authors sue …": "authors" is written in lower case elsewhere) is no name.
  return actor && !GENERIC_PARTY.has(actor) && !new RegExp(`\\b${actor.replace(/[^a-z0-9]/g, '')}\\b`).test(text)
    ? [actor]
    : [];
}

const LAUNCHING_EN =
  /\b(?:launches|launched|releases|released|unveils|unveiled|introduces|introduced|debuts|debuted|ships|shipped|rolls out|rolled out)\b(?=\s+\S)/i;

/** Who launches, from a launch headline ("Nimbus Compute launches Nimbus eLink 2" gives "nimbus"). */
export function launchedBy(title: string | null, text = ''): string[] {
  if (!title) return [];
  const verb = LAUNCHING_EN.exec(title);
  if (!verb) return [];
  const actor = subjectName(title.slice(0, verb.index));
  return actor && !GENERIC_PARTY.has(actor) && !new RegExp(`\\b${actor.replace(/[^a-z0-9]/g, '')}\\b`).test(text)
    ? [actor]
    : [];
}

const DEALING_EN =
  /\b(?:signs|signed|strikes|struck|inks|inked|agrees|agreed|seals|sealed)\b(?=[^.]*\b(?:deal|agreement|contract|pact|partnership)\b)|\b(?:to (?:buy|acquire)|acquires|acquired|buys|bought)\b(?=\s+\S)/i;
const COUNTERPARTY_EN = /\b(?:with|from)\s+((?:[A-Z][\w.&-]*\s*)+)/;

/**
 * Who makes a deal, from a deal headline ("Nvidia signs $15 billion compute deal with Juniper
 * Reasoning" gives "nvidia", "with:juniper"); [] when the headline is not one.
 */
export function dealParties(title: string | null, text = ''): string[] {
  if (!title) return [];
  const verb = DEALING_EN.exec(title);
  if (!verb) return [];
  const actor = subjectName(title.slice(0, verb.index));
  if (!actor || GENERIC_PARTY.has(actor) || new RegExp(`\\b${actor.replace(/[^a-z0-9]/g, '')}\\b`).test(text))
    return [];
  const other = COUNTERPARTY_EN.exec(title.slice(verb.index));
  const partner = other ? (subjectName(other[1]!.trim()) ?? null) : null;
  return partner && partner !== actor ? [actor, `with:${partner}`] : [actor];
}

const HOWTO = /^\s*(?:how to\b|how-to\b|a (?:beginner's )?guide to\b|tutorial\b)|教程|手把手|入门指南/iu;

/** A how-to's headline, normalised: tutorials with different headlines are different articles, never one event. */
export function howtoTitle(title: string | null): string | null {
  if (!title || !HOWTO.test(title)) return null;
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const TITLED_DOCUMENT = /《([^》]{2,60})》/u;
const RULE_ZH =
  /(?:发布|出台|印发|公布|施行|实施|起草|征求意见)\s*(?:了)?\s*(.{2,30}?)\s*(?:新规|规定|办法|条例|指引|细则|标准|指南)/u;
const RULE_EN =
  /\b(?:issues?|issued|publishes|published|unveils|unveiled|finali[sz]es|finali[sz]ed|proposes|proposed|adopts|adopted|releases|released)\s+(?:new\s+|draft\s+|final\s+)?(?:rules?|regulations?|guidelines?|guidance)\s+(?:on|for|governing|to)\s+([^,.:;]{3,60})/i;

/** The document or subject a rule-making headline names, normalised; null when it names none. */
export function ruleName(title: string | null): string | null {
  if (!title) return null;
  const m = TITLED_DOCUMENT.exec(title) ?? RULE_ZH.exec(title) ?? RULE_EN.exec(title);
  if (!m) return null;
  const name = m[1]!
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return name.length >= 2 ? name : null;
}

const GENERIC_PARTY = new Set(
  (
    'authors novelists writers artists musicians users parents employees workers shareholders investors ' +
    'states publishers creators families consumers students teachers drivers residents regulators prosecutors lawmakers officials'
  ).split(' '),
);

const FUNDING_EN =
  /\b(?:raises|raised|raising|secures|secured|closes|closed|lands|landed|bags|nabs|snags|gets)\b(?=[^.]*(?:\$|€|£|¥|\bfunding\b|\bround\b|\bseries\b|\bmillion\b|\bbillion\b|\binvestment\b))/i;
const FUNDING_ZH = /(?:宣布)?(?:完成|获得|获)(?=[^。]*(?:融资|投资|轮))/u;
/** Words that may stand in a funding headline's subject without naming who raises. */
const NOT_ACTOR = new Set(
  (
    'startup startups ai the a an chinese us uk european french german indian japanese korean british american ' +
    'robotics labs lab inc ltd technologies technology tech systems group company firm maker unicorn backed'
  ).split(' '),
);

/** Who raises money, from a funding headline; [] when the headline is not one or the subject is unclear. */
export function fundedBy(title: string | null): string[] {
  if (!title) return [];
  const en = FUNDING_EN.exec(title);
  const zh = en ? null : FUNDING_ZH.exec(title);
  const verb = en ?? zh;
  if (!verb) return [];
  const before = title.slice(0, verb.index);
  const actor = subjectName(before);
  if (actor) return [actor];
  if (zh) {
    const han = /(\p{Script=Han}{2,8})\s*$/u.exec(before.replace(/(?:宣布|已|正式)\s*$/u, ''));
    const name = han?.[1]?.replace(/^.*(?:公司|企业|厂商|初创)/u, '');
    if (name && name.length >= 2) return [`han:${name}`];
  }
  return [];
}

/**
 * The subject of a funding headline: in the last run of capitalised words before the verb, the
 * first that is not a generic word ("AI startup Tallowind AI raises" gives "tallowind").
 */
function subjectName(before: string): string | null {
  const tokens = [...before.matchAll(LATIN_TOKEN)];
  let end = tokens.length - 1;
  while (end >= 0 && !/^[A-Z]/.test(tokens[end]![0])) end--;
  if (end < 0) return null;
  let start = end;
  while (start > 0) {
    const prev = tokens[start - 1]!;
    const gap = before.slice(prev.index + prev[0].length, tokens[start]!.index);
    if (!/^[A-Z]/.test(prev[0]) || !/^\s+$/.test(gap)) break;
    start--;
  }
  for (let i = start; i <= end; i++) {
    const w = tokens[i]![0].toLowerCase();
    // "SoftBank-backed", "Paris-based" describe the subject, they do not name it.
    if (/-[a-z]+$/.test(tokens[i]![0])) continue;
    if (!NOT_ACTOR.has(w) && w.length >= 2 && !/^\d/.test(w)) return w;
  }
  return null;
}

export function eventIdentity(title: string | null, text: string, url?: string | null): EventIdentity {
  const full = title ? `${title}\n${text}` : text;
  return {
    papers: paperIds(full, url),
    products: title ? productNames(title).sort() : [],
    mentions: productNames(full).slice(0, MAX_MENTIONS).sort(),
    funded: fundedBy(title),
    suing: suingParty(title, text),
    kind: headlineKind(title),
    launched: launchedBy(title, text),
    dealt: dealParties(title, text),
    howto: howtoTitle(title),
    rule: ruleName(title),
  };
}

/**
 * Why two articles are two events, or null. `termsA`/`termsB` are each article's distinctive
 * Latin terms (lower case): a name in one that the other mentions anywhere is not a difference.
 */
export function distinctEvent(
  a: EventIdentity | undefined,
  b: EventIdentity | undefined,
  termsA: ReadonlySet<string>,
  termsB: ReadonlySet<string>,
): DistinctEvent | null {
  if (!a || !b) return null;
  if (a.papers.length > 0 && b.papers.length > 0 && !a.papers.some((p) => b.papers.includes(p))) {
    return { kind: 'paper', a: a.papers, b: b.papers };
  }
  if (a.products.length > 0 && b.products.length > 0) {
    const mb = new Set(b.mentions);
    const ma = new Set(a.mentions);
    if (!a.products.some((p) => mb.has(p)) && !b.products.some((p) => ma.has(p)))
      return { kind: 'product', a: a.products, b: b.products };
  }
  const differentParties = (x: readonly string[], y: readonly string[]) => {
    const han = (s: string) => s.startsWith('han:');
    const named = (xs: readonly string[], terms: ReadonlySet<string>) => xs.some((v) => terms.has(v));
    return (
      x.length > 0 &&
      y.length > 0 &&
      x.every(han) === y.every(han) &&
      !x.some((v) => y.includes(v)) &&
      !named(x, termsB) &&
      !named(y, termsA)
    );
  };
  if (differentParties(a.funded, b.funded)) return { kind: 'funding', a: a.funded, b: b.funded };
  if (differentParties(a.suing ?? [], b.suing ?? [])) return { kind: 'lawsuit', a: a.suing!, b: b.suing! };
  if (differentParties(a.launched ?? [], b.launched ?? [])) return { kind: 'launch', a: a.launched!, b: b.launched! };
  const da = a.dealt ?? [];
  const db = b.dealt ?? [];
  if (differentParties(da.slice(0, 1), db.slice(0, 1))) return { kind: 'deal', a: da, b: db };
  // One company's deals with two different counterparties (neither article names the other's).
  if (da.length === 2 && db.length === 2 && da[0] === db[0] && differentParties([da[1]!.slice(5)], [db[1]!.slice(5)]))
    return { kind: 'deal', a: da, b: db };
  if (a.howto && b.howto && a.howto !== b.howto) return { kind: 'howto', a: [a.howto], b: [b.howto] };
  // Two rules on different subjects, unless one article names the other's subject.
  if (
    a.rule &&
    b.rule &&
    a.rule !== b.rule &&
    !a.rule.includes(b.rule) &&
    !b.rule.includes(a.rule) &&
    !termsB.has(a.rule) &&
    !termsA.has(b.rule)
  ) {
    return { kind: 'rule', a: [a.rule], b: [b.rule] };
  }
  if (a.kind && b.kind && a.kind !== b.kind) return { kind: 'kind', a: [a.kind], b: [b.kind] };
  return null;
}

/** "different papers (arXiv 2603.01234 and 2603.01377)", for `tidings similar`. */
export function describeDistinct(d: DistinctEvent): string {
  const show = (xs: readonly string[]) =>
    xs
      .slice(0, 2)
      .map((x) =>
        x
          .replace(/^arxiv:/, 'arXiv ')
          .replace(/^doi:/, 'DOI ')
          .replace(/^han:/, ''),
      )
      .join(', ');
  switch (d.kind) {
    case 'paper':
      return `not one event: different papers (${show(d.a)} and ${show(d.b)})`;
    case 'product':
      return `not one event: different products in the headlines (${show(d.a)} and ${show(d.b)}), neither names the other's`;
    case 'funding':
      return `not one event: funding rounds of different companies (${show(d.a)} and ${show(d.b)})`;
    case 'lawsuit':
      return `not one event: lawsuits brought by different parties (${show(d.a)} and ${show(d.b)})`;
    case 'launch':
      return `not one event: launches by different companies (${show(d.a)} and ${show(d.b)})`;
    case 'deal':
      return `not one event: deals between different parties (${show(d.a).replace(/with:/g, 'with ')} and ${show(d.b).replace(/with:/g, 'with ')})`;
    case 'rule':
      return `not one event: rules on different subjects ("${d.a[0]}" and "${d.b[0]}")`;
    case 'howto':
      return `not one event: two different how-tos ("${d.a[0]}" and "${d.b[0]}")`;
    case 'kind':
      return `not one event: the headlines announce different kinds of event (${show(d.a)} and ${show(d.b)})`;
  }
}
