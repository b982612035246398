// Which single-byte charset undeclared legacy bytes are in: each candidate reading is scored by how
// much its non-ASCII characters look like letters of the languages written in that charset. Pure.
//
// The model is deliberately small: per script, letters in rough order of frequency (a letter's
// probability falls geometrically with its rank), a case model for cased scripts (an uppercase
// letter rarely follows a lowercase one inside a word: KOI8-R read as windows-1251 is mostly
// such), and penalties for what mis-readings produce (control codes, undefined bytes, box drawing,
// a Cyrillic letter glued to ASCII letters). Scores are mean log-probabilities per non-ASCII
// character, so readings of the same bytes compare directly.
import iconv from 'iconv-lite';

interface Profile {
  /** Lowercase letters above ASCII, most frequent first. */
  readonly letters: string;
  readonly cased: boolean;
  /** Latin-script profiles: accented letters sit inside ASCII words naturally. */
  readonly latin: boolean;
}

const latin = (letters: string): Profile => ({ letters, cased: true, latin: true });
const FRENCH = latin('éèàçêâôîûùëïœü');
const GERMAN = latin('üäößé');
const SPANISH = latin('óíáéñúü');
const PORTUGUESE = latin('ãçéáóíõêâúôàü');
const ITALIAN = latin('àèùòéìíó');
const NORDIC = latin('äöåøæéü');
const DUTCH = latin('éëïèöü');
const HUNGARIAN = latin('áéőöóíüúű');
const CZECH_SLOVAK = latin('íáéěýřčšžůúňťďóľôäĺŕ');
const POLISH = latin('óąęłżśćńź');
const SOUTH_SLAVIC = latin('čšžćđ');
const ROMANIAN = latin('ăîâşţșț');
const TURKISH = latin('ıüşçöğâîû');
const CYRILLIC: Profile = { letters: 'оеаинтсрвлкдмпуяъзыьбгчйхжшюцщэфіїєёґўјђљњћџѓќѕ', cased: true, latin: false };
const GREEK: Profile = { letters: 'αοιετνσηυρπκμλςωγδόίάθχέφήύβξώζψϊΐϋΰ', cased: true, latin: false };
const HEBREW: Profile = { letters: 'יוהלאמרתבשנעדכחקפםןגסזצטךףץ', cased: false, latin: false };
const THAI: Profile = { letters: 'านรกอ่เงมยีลวดัทสิต้ะไคขบปหแจพชุโใืศถผึูฉซญ็์ฐฒณธภฝฟฮฬฤฆฌฏฎำ๊๋ํ', cased: false, latin: false };
const ARABIC: Profile = { letters: 'اليمونرتبعدسفهكقحجشطصىةزخثضذغظءأإآؤئ', cased: false, latin: false };

const WESTERN = [FRENCH, GERMAN, SPANISH, PORTUGUESE, ITALIAN, NORDIC, DUTCH];
const CENTRAL = [HUNGARIAN, CZECH_SLOVAK, POLISH, SOUTH_SLAVIC, ROMANIAN, GERMAN];

interface Candidate {
  readonly charset: string;
  readonly profiles: readonly Profile[];
  /** Log prior (added once to the total, so it only decides when evidence is thin): how common the charset is. */
  readonly prior: number;
}

/** Candidates in order of preference when readings tie (identical text). */
const CANDIDATES: readonly Candidate[] = [
  { charset: 'windows-1252', profiles: WESTERN, prior: 0 },
  { charset: 'windows-1250', profiles: CENTRAL, prior: -2 },
  { charset: 'iso-8859-2', profiles: CENTRAL, prior: -3 },
  { charset: 'windows-1254', profiles: [TURKISH], prior: -3 },
  { charset: 'windows-1251', profiles: [CYRILLIC], prior: -2 },
  { charset: 'koi8-r', profiles: [CYRILLIC], prior: -3 },
  { charset: 'iso-8859-5', profiles: [CYRILLIC], prior: -3 },
  { charset: 'ibm866', profiles: [CYRILLIC], prior: -4 },
  { charset: 'maccyrillic', profiles: [CYRILLIC], prior: -4 },
  { charset: 'ibm855', profiles: [CYRILLIC], prior: -4 },
  { charset: 'windows-1253', profiles: [GREEK], prior: -3 },
  { charset: 'iso-8859-7', profiles: [GREEK], prior: -3 },
  { charset: 'windows-1255', profiles: [HEBREW], prior: -3 },
  { charset: 'windows-874', profiles: [THAI], prior: -3 },
  { charset: 'windows-1256', profiles: [ARABIC], prior: -3 },
  { charset: 'iso-8859-6', profiles: [ARABIC], prior: -3 },
];

/** Single-byte charsets this module can tell apart. */
export const SINGLE_BYTE_CANDIDATES: readonly string[] = CANDIDATES.map((c) => c.charset);

const tables = new Map<Profile, Map<string, number>>();
function logProbs(profile: Profile): Map<string, number> {
  const cached = tables.get(profile);
  if (cached !== undefined) return cached;
  const letters = [...profile.letters];
  // Each rank ~16% rarer than the one before (Russian: о is ~250 times as frequent as ъ, 33 ranks on).
  const decay = 0.17;
  const weights = letters.map((_, i) => Math.exp(-decay * i));
  const total = weights.reduce((a, b) => a + b, 0);
  const table = new Map(letters.map((l, i) => [l, Math.log((weights[i] as number) / total)] as const));
  tables.set(profile, table);
  return table;
}

// Punctuation legacy pages really use above ASCII: neither evidence for nor against a reading.
const PUNCTUATION = new Set('\u00a0«»“”‘’„‚–—…•·€£¥¢©®°№±×§‹›™‰¬´¹²³¼½¾¿¡\u00ad');
const CLOSING = new Set('’”»');
const LOG_PUNCTUATION = Math.log(0.01);
const LOG_FOREIGN_LETTER = Math.log(0.0003);
const LOG_JUNK = Math.log(0.0001);
const LOG_GLUED = Math.log(0.01);
// P(case | previous character) for cased scripts.
const LOG_UPPER_AFTER_LOWER = Math.log(0.01);
const LOG_LOWER_AFTER_LOWER = Math.log(0.99);
const LOG_UPPER_START = Math.log(0.2);
const LOG_LOWER_START = Math.log(0.8);
const LOG_AFTER_UPPER = Math.log(0.5);

const isAsciiLetter = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
const LETTER = /\p{L}/u;

/** What the scores need to know of each byte's character in one charset (computed once per charset). */
interface ByteTable {
  readonly letter: Uint8Array;
  readonly upper: Uint8Array;
  readonly closing: Uint8Array;
  readonly lower: readonly string[];
}

const byteTables = new Map<string, ByteTable>();
function byteTable(charset: string): ByteTable {
  const cached = byteTables.get(charset);
  if (cached !== undefined) return cached;
  const all = iconv.decode(Buffer.from(Array.from({ length: 256 }, (_, i) => i)), charset);
  const t = {
    letter: new Uint8Array(256),
    upper: new Uint8Array(256),
    closing: new Uint8Array(256),
    lower: [] as string[],
  };
  for (let b = 0; b < 256; b++) {
    const ch = all[b] ?? '\uFFFD';
    const lower = ch.toLowerCase();
    t.lower.push(lower);
    t.letter[b] = LETTER.test(ch) ? 1 : 0;
    t.upper[b] = lower !== ch ? 1 : 0;
    t.closing[b] = CLOSING.has(ch) ? 1 : 0;
  }
  byteTables.set(charset, t);
  return t;
}

/** Per byte: the log-probability of its character under the profile, and whether it is one of its letters. */
const profileTables = new Map<string, { logP: Float64Array; known: Uint8Array }>();
function profileTable(charset: string, profile: Profile): { logP: Float64Array; known: Uint8Array } {
  const key = `${charset} ${profile.letters}`;
  const cached = profileTables.get(key);
  if (cached !== undefined) return cached;
  const bytes = byteTable(charset);
  const table = logProbs(profile);
  const logP = new Float64Array(256);
  const known = new Uint8Array(256);
  for (let b = 0x80; b < 256; b++) {
    const lower = bytes.lower[b] as string;
    const p = table.get(lower);
    if (p !== undefined) {
      logP[b] = p;
      known[b] = 1;
    } else if (PUNCTUATION.has(lower)) logP[b] = LOG_PUNCTUATION;
    else if (bytes.letter[b]) logP[b] = LOG_FOREIGN_LETTER;
    else logP[b] = LOG_JUNK;
  }
  const out = { logP, known };
  profileTables.set(key, out);
  return out;
}

/** Total log-probability of the non-ASCII characters of these bytes read in the charset under the profile. */
function scoreBytes(bytes: Uint8Array, charset: string, profile: Profile): { sum: number; n: number } {
  const t = byteTable(charset);
  const { logP, known } = profileTable(charset, profile);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x80) continue;
    n++;
    const prev = i > 0 ? (bytes[i - 1] as number) : 0x20;
    const next = i + 1 < bytes.length ? (bytes[i + 1] as number) : 0x20;
    if (!known[b]) {
      // A closing quote that opens a word ("’λλοι": Greek Ά read as ISO-8859-7) is a misreading.
      sum += t.closing[b] && !t.letter[prev] && t.letter[next] ? LOG_JUNK : (logP[b] as number);
      continue;
    }
    sum += logP[b] as number;
    if (profile.cased) {
      const upper = t.upper[b] === 1;
      if (!t.letter[prev]) sum += upper ? LOG_UPPER_START : LOG_LOWER_START;
      else if (t.upper[prev]) sum += LOG_AFTER_UPPER;
      else sum += upper ? LOG_UPPER_AFTER_LOWER : LOG_LOWER_AFTER_LOWER;
    }
    if (!profile.latin && (isAsciiLetter(prev) || isAsciiLetter(next))) sum += LOG_GLUED;
  }
  return { sum, n };
}

export interface SingleByteGuess {
  readonly charset: string;
  readonly score: number;
}

/**
 * The best-scoring single-byte reading of bytes that are not ASCII; null for pure ASCII. The score
 * is the mean log-probability per non-ASCII character (prior included) of the best profile.
 */
export function guessSingleByte(bytes: Uint8Array): SingleByteGuess | null {
  const buffer = evidence(bytes);
  let best: SingleByteGuess | null = null;
  for (const candidate of CANDIDATES) {
    for (const profile of candidate.profiles) {
      const { sum, n } = scoreBytes(buffer, candidate.charset, profile);
      if (n === 0) return null;
      const score = (sum + candidate.prior) / n;
      if (best === null || score > best.score) best = { charset: candidate.charset, score };
    }
  }
  return best;
}

// Enough non-ASCII bytes to decide; more only costs time (a 200 KB Russian page has ~100,000).
const EVIDENCE_BYTES = 6000;

/**
 * The non-ASCII runs of the bytes with one byte of context each side (what the scores look at),
 * runs joined by a space, up to EVIDENCE_BYTES non-ASCII bytes: a page's scripts and markup are
 * skipped, and a long page is not scored whole.
 */
export function evidence(bytes: Uint8Array, limit = EVIDENCE_BYTES): Buffer {
  const out: number[] = [];
  let high = 0;
  let last = -2;
  for (let i = 0; i < bytes.length && high < limit; i++) {
    if ((bytes[i] as number) < 0x80) continue;
    const from = Math.max(i - 1, last + 1, 0);
    if (from > last + 1 && out.length > 0) out.push(0x20);
    let j = from;
    for (; j < bytes.length && (j <= i || (bytes[j - 1] as number) >= 0x80); j++) {
      out.push(bytes[j] as number);
      if ((bytes[j] as number) >= 0x80) high++;
    }
    last = j - 1;
    i = last;
  }
  return Buffer.from(out);
}
