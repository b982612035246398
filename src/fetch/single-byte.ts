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

/** Total log-probability of this reading's non-ASCII characters under the profile, and their count. */
function scoreReading(text: string, profile: Profile): { sum: number; n: number } {
  const table = logProbs(profile);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    const ch = text[i] as string;
    n++;
    const lower = ch.toLowerCase();
    const logP = table.get(lower);
    if (logP === undefined) {
      // A closing quote that opens a word ("’λλοι": Greek Ά read as ISO-8859-7) is a misreading.
      if (CLOSING.has(ch) && !LETTER.test(text[i - 1] ?? ' ') && LETTER.test(text[i + 1] ?? ' ')) sum += LOG_JUNK;
      else if (PUNCTUATION.has(ch)) sum += LOG_PUNCTUATION;
      else if (LETTER.test(ch)) sum += LOG_FOREIGN_LETTER;
      else sum += LOG_JUNK;
      continue;
    }
    sum += logP;
    const prev = text[i - 1] ?? ' ';
    if (profile.cased) {
      const upper = lower !== ch;
      const prevLetter = LETTER.test(prev);
      const prevUpper = prevLetter && prev.toLowerCase() !== prev;
      if (!prevLetter) sum += upper ? LOG_UPPER_START : LOG_LOWER_START;
      else if (prevUpper) sum += LOG_AFTER_UPPER;
      else sum += upper ? LOG_UPPER_AFTER_LOWER : LOG_LOWER_AFTER_LOWER;
    }
    if (!profile.latin && (isAsciiLetter(prev.charCodeAt(0)) || isAsciiLetter(text.charCodeAt(i + 1)))) sum += LOG_GLUED;
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
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let best: SingleByteGuess | null = null;
  for (const candidate of CANDIDATES) {
    const text = iconv.decode(buffer, candidate.charset);
    for (const profile of candidate.profiles) {
      const { sum, n } = scoreReading(text, profile);
      if (n === 0) return null;
      const score = (sum + candidate.prior) / n;
      if (best === null || score > best.score) best = { charset: candidate.charset, score };
    }
  }
  return best;
}
