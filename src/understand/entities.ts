// Named entities: gazetteer aliases first (longest match wins, English word-bounded), then
// unknown English proper names, kept only when their type can be told (precision over recall).

import { chineseNames } from './chinese-names.js';
import { aliasIndex, type GazetteerEntry, type TrieNode } from './gazetteer.js';
import { modelNames } from './model-names.js';

export interface EntityMention {
  /** Gazetteer id; null for a name not in the gazetteer. */
  entityId: string | null;
  name: string;
  type: GazetteerEntry['type'];
  surface: string;
  start: number;
  end: number;
}

const isAsciiAlnum = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isLatinEdge = (code: number): boolean => isAsciiAlnum(code) || (code >= 0xc0 && code <= 0x24f);
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** A Latin-edged alias must not continue a word: "X" not in "SpaceX", "GPT-5" not in "GPT-5.5". */
function bounded(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  const last = text.charCodeAt(end - 1);
  if (isLatinEdge(first) && start > 0 && isLatinEdge(text.charCodeAt(start - 1))) return false;
  if (isLatinEdge(last) || isDigit(last)) {
    const next = text.charCodeAt(end);
    if (isLatinEdge(next) || next === 36 /* $ */) return false;
    if ((next === 46 || next === 45) && isAsciiAlnum(text.charCodeAt(end + 1))) return false; // . or -
  }
  return true;
}

function longestAt(
  root: TrieNode,
  text: string,
  i: number,
  fold: boolean,
): { end: number; entry: GazetteerEntry } | null {
  let node: TrieNode | undefined = root;
  let best: { end: number; entry: GazetteerEntry } | null = null;
  for (let j = i; j < text.length; j++) {
    let code = text.charCodeAt(j);
    if (fold && code >= 65 && code <= 90) code += 32;
    node = node.children.get(code);
    if (!node) break;
    if (node.entry && bounded(text, i, j + 1)) best = { end: j + 1, entry: node.entry };
  }
  return best;
}

export function gazetteerMentions(text: string): EntityMention[] {
  const { exact, folded } = aliasIndex();
  const out: EntityMention[] = [];
  let i = 0;
  while (i < text.length) {
    const a = longestAt(exact, text, i, false);
    const b = longestAt(folded, text, i, true);
    const hit = a && b ? (b.end > a.end ? b : a) : (a ?? b);
    if (hit) {
      const surface = text.slice(i, hit.end);
      out.push({ entityId: hit.entry.id, name: hit.entry.name, type: hit.entry.type, surface, start: i, end: hit.end });
      i = hit.end;
    } else {
      i++;
    }
  }
  return out;
}

// Capitalised words joined by single spaces: "Priya Raman", "Sean O’Kane", "J. Smith", "Acme Labs Inc."
const NAME_RUN = /\p{Lu}[\p{L}\p{M}’'-]*\.?(?:[ \u00A0]\p{Lu}[\p{L}\p{M}’'-]*\.?)*/gu;
const STARTERS = new Set(
  (
    'The A An This That These Those It Its In On At As For From With After Before When While If But And Or So Yet ' +
    'According However Meanwhile Last Next Earlier Later Some Many Most Both Each Other Another Such Our Their His Her ' +
    'About We You They He She Not Neither Nor Every All Any No Why What How Where Who Today Yesterday Tomorrow ' +
    'Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. Sir Dame'
  ).split(' '),
);
const TITLE_WORDS = new Set(
  (
    'CEO CFO CTO COO CIO Chief Executive Officer President Chairman Chairwoman Chair Director Founder Co-founder Cofounder ' +
    'Analyst Senator Sen. Rep. Representative Minister Secretary Governor Mayor Judge Professor Prof. Dr. Mr. Mrs. Ms. ' +
    'Spokesperson Spokesman Spokeswoman Vice Head General Partner Manager Editor Reporter Host'
  ).split(' '),
);
const CALENDAR = new Set(
  (
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August ' +
    'September October November December'
  ).split(' '),
);
const ORG_SUFFIXES = new Set([
  'Inc',
  'Inc.',
  'Corp',
  'Corp.',
  'Corporation',
  'Co.',
  'Labs',
  'Lab',
  'AI',
  'Ltd',
  'Ltd.',
  'LLC',
  'Technologies',
  'Technology',
  'Capital',
  'Ventures',
  'Partners',
  'Holdings',
  'Robotics',
  'Systems',
  'Cloud',
  'Advisory',
  'Group',
  'Research',
  'Institute',
  'Securities',
  'Semiconductor',
  'Semiconductors',
  'Networks',
  'Computing',
  'Foundation',
  'University',
  'Apps',
  'Bank',
  'Fund',
]);
/** "chief technology officer of X", "a principal at X": the name after is the employer. */
const ORG_BEFORE =
  /\b(?:officer|executive|founder|president|principal|analyst|partner|director|head|engineer|researcher|scientist|spokesperson|chairman|chairwoman|CEO|CTO|CFO|COO)[ \u00A0](?:at|of)[ \u00A0]$/;
const SPEECH_AFTER =
  /^,?[ \u00A0](?:said|says|told|added|wrote|explained|noted|argued|asked|recalled|continued|replied|posted|tweeted)\b/;
const SPEECH_BEFORE = /\b(?:said|says|told|added|wrote|according to)[ \u00A0]$/;
const TITLE_BEFORE =
  /\b(?:chief executive|chief executive officer|chief [a-z]+ officer|founder|co-founder|cofounder|president|chairman|chairwoman|analyst|spokesperson|spokesman|spokeswoman|professor|researcher|engineer|scientist|investor|director|head|partner|executive|CEO|CFO|CTO|COO)[ \u00A0]$/;
/** "Ines Valk, Veyra’s chief financial officer, …": a job title in the apposition after a name. */
const TITLE_APPOSITION =
  /^,[ \u00A0](?:[^,.;:!?“”"\n]{0,40}?[ \u00A0])?(?:chief [a-z]+ officer|chief executive|founder|co-founder|cofounder|president|chairman|chairwoman|analyst|spokesperson|spokesman|spokeswoman|professor|researcher|engineer|scientist|director|head|partner|executive|CEO|CFO|CTO|COO)\b/;

/** Nationality adjectives: "Chinese AI companies" names no organisation. */
const DEMONYMS = new Set(
  (
    'Chinese American British European Japanese Korean Indian French German Taiwanese Canadian Israeli Russian ' +
    'Australian Western Eastern Asian African Saudi Emirati Dutch Swiss Swedish Italian Spanish Global'
  ).split(' '),
);
const POSSESSIVE = /[’']s?$/;

interface Candidate {
  readonly words: string[];
  readonly start: number;
  readonly end: number;
  readonly titled: boolean;
  readonly possessive: boolean;
  readonly type: EntityMention['type'] | null;
}

function maskKnown(text: string, known: readonly EntityMention[]): string {
  if (known.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const m of known) {
    parts.push(text.slice(at, m.start), '\u0000'.repeat(m.end - m.start));
    at = m.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Runs of capitalised words, cut after a possessive ("Lattice Cloud's Saltfork" is two names). */
function nameRuns(masked: string): Array<Array<{ w: string; start: number }>> {
  const runs: Array<Array<{ w: string; start: number }>> = [];
  for (const m of masked.matchAll(NAME_RUN)) {
    let run: Array<{ w: string; start: number }> = [];
    const re = /\S+/g;
    for (let w = re.exec(m[0]); w; w = re.exec(m[0])) {
      run.push({ w: w[0], start: m.index + w.index });
      if (/[’']s$/.test(w[0])) {
        runs.push(run);
        run = [];
      }
    }
    if (run.length > 0) runs.push(run);
  }
  return runs;
}

function candidates(text: string, known: readonly EntityMention[]): Candidate[] {
  const out: Candidate[] = [];
  for (const words of nameRuns(maskKnown(text, known))) {
    let titled = false;
    while (
      words.length > 0 &&
      (STARTERS.has(words[0]!.w) ||
        TITLE_WORDS.has(words[0]!.w) ||
        CALENDAR.has(words[0]!.w) ||
        DEMONYMS.has(words[0]!.w))
    ) {
      if (TITLE_WORDS.has(words.shift()!.w)) titled = true;
    }
    while (words.length > 0 && (CALENDAR.has(words.at(-1)!.w) || TITLE_WORDS.has(words.at(-1)!.w.replace(/\.$/, ''))))
      words.pop();
    if (words.length === 0 || words.length > 5) continue;
    const lastWord = words.at(-1)!;
    const possessive = /[’']s$/.test(lastWord.w);
    if (possessive) lastWord.w = lastWord.w.slice(0, -2);
    const start = words[0]!.start;
    let end = lastWord.start + lastWord.w.length;
    const bare = lastWord.w.replace(/\.$/, '');
    // A trailing period belongs to the name only in abbreviations (Inc., Jr.).
    if (
      lastWord.w.endsWith('.') &&
      !ORG_SUFFIXES.has(lastWord.w) &&
      bare !== 'Jr' &&
      bare !== 'Sr' &&
      !/^\p{Lu}$/u.test(bare)
    )
      end--;
    const plain = words.map((x) => x.w.replace(POSSESSIVE, ''));
    const type = guessType(text, plain, start, end, titled, possessive, known);
    out.push({ words: plain, start, end, titled, possessive, type });
  }
  return out;
}

/**
 * Unknown English proper names outside gazetteer mentions, with a guessed type. A name is kept only
 * when its context tells the type; a multi-word name that recurs untyped is an organisation; a
 * lone word repeating part of a name found here ("Lattice" after "Lattice Cloud") is that name.
 */
export function unknownNames(text: string, known: readonly EntityMention[]): EntityMention[] {
  const found = candidates(text, known);
  const surfaceOf = (c: Candidate): string => text.slice(c.start, c.end);
  const counts = new Map<string, number>();
  for (const c of found) if (c.words.length >= 2) counts.set(surfaceOf(c), (counts.get(surfaceOf(c)) ?? 0) + 1);
  const typed = new Map<string, EntityMention['type']>();
  for (const c of found) {
    if (c.type !== null && !typed.has(surfaceOf(c))) typed.set(surfaceOf(c), c.type);
  }
  for (const c of found) {
    const s = surfaceOf(c);
    if (c.type === null && c.words.length >= 2 && (counts.get(s) ?? 0) >= 2 && isNameLike(c.words) && !typed.has(s))
      typed.set(s, 'organization');
  }
  // Short forms: the first word of an organisation, the first or last word of a person.
  const short = new Map<string, { name: string; type: EntityMention['type'] } | null>();
  const addShort = (w: string, name: string, type: EntityMention['type']): void => {
    if (STARTERS.has(w) || CALENDAR.has(w) || DEMONYMS.has(w) || ORG_SUFFIXES.has(w) || w.length < 3) return;
    const prior = short.get(w);
    short.set(w, prior === undefined || (prior !== null && prior.name === name) ? { name, type } : null);
  };
  for (const [name, type] of typed) {
    const words = name.split(/\s+/);
    if (words.length < 2) continue;
    if (type === 'organization') addShort(words[0]!, name, type);
    if (type === 'person') {
      addShort(words[0]!, name, type);
      addShort(words.at(-1)!, name, type);
    }
  }
  const out: EntityMention[] = [];
  for (const c of found) {
    const surface = surfaceOf(c);
    // A lone word naming part of a longer name wins over a guess from its context ("Lattice said").
    const alias = c.words.length === 1 ? short.get(surface) : undefined;
    if (alias) {
      out.push({ entityId: null, name: alias.name, type: alias.type, surface, start: c.start, end: c.end });
      continue;
    }
    const type = typed.get(surface) ?? null;
    if (type !== null && (c.words.length > 1 || !isSentenceStart(text, c.start) || c.titled)) {
      out.push({ entityId: null, name: surface, type, surface, start: c.start, end: c.end });
    }
  }
  return out;
}

const isNameLike = (words: readonly string[]): boolean =>
  words.every((w) =>
    /^(?:\p{Lu}\.|\p{Lu}[\p{Ll}\p{M}]+(?:[’'-]\p{Lu}?[\p{Ll}\p{M}]+)*|(?:Mc|Mac|O[’'])\p{Lu}[\p{Ll}]+)\.?$/u.test(w),
  );

function guessType(
  text: string,
  words: string[],
  start: number,
  end: number,
  titled: boolean,
  possessive: boolean,
  known: readonly EntityMention[],
): EntityMention['type'] | null {
  if (words.length >= 2 && ORG_SUFFIXES.has(words.at(-1)!)) return 'organization';
  if (!isNameLike(words)) return null;
  const after = text.slice(end, end + 16);
  const before = text.slice(Math.max(0, start - 40), start);
  // "Lubbock, Texas": a name followed by a known place is a place within it.
  if (!possessive && /^,[ \u00A0]/.test(after) && known.some((k) => k.type === 'place' && k.start === end + 2))
    return 'place';
  if (ORG_BEFORE.test(before)) return 'organization';
  // A possessor is not a speaker: in "Lattice says Saltfork's power …" Saltfork did not say anything.
  const apposition = words.length >= 2 && !possessive && TITLE_APPOSITION.test(text.slice(end, end + 80));
  if (
    titled ||
    apposition ||
    TITLE_BEFORE.test(before) ||
    SPEECH_AFTER.test(after) ||
    (!possessive && SPEECH_BEFORE.test(before))
  )
    return 'person';
  // An interview label at the start of a line: "Sean O’Kane: …"
  if ((start === 0 || text[start - 1] === '\n') && /^[:：]/.test(after) && words.length >= 2) return 'person';
  return null;
}

function isSentenceStart(text: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0 && /[\s"“‘'(]/.test(text[k]!)) {
    if (text[k] === '\n') return true;
    k--;
  }
  return k < 0 || /[.!?。！？:：]/.test(text[k]!);
}

export function findEntities(text: string): EntityMention[] {
  const known = gazetteerMentions(text);
  const unknown = unknownNames(text, known);
  const models = modelNames(text, [...known, ...unknown]);
  const chinese = chineseNames(text, [...known, ...unknown, ...models]);
  return [...known, ...unknown, ...models, ...chinese].sort((a, b) => a.start - b.start);
}
