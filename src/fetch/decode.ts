// Bytes -> text with the real character encoding. Pure: used for HTTP bodies and local files alike.
// Order: BOM, then the shape of UTF-16/UTF-32 without one, then declarations (header, then the XML
// declaration or <meta>) each checked against the bytes, then detection: UTF-8, East Asian
// multi-byte, then single-byte charsets by letter statistics (single-byte.ts). A declaration the
// bytes contradict (UTF-8 label on GBK bytes) is skipped; a deliberate single-byte label is not
// second-guessed (only the Western default gives way to confident CJK).
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { fail, ok, type Result } from '../errors.js';
import { decodeIso2022Kr, decodeJohab, hasIso2022KrDesignator } from './korean.js';
import { evidence, guessSingleByte } from './single-byte.js';
import {
  canonicalCharset,
  charsetFromContentType,
  charsetFromMeta,
  charsetFromXmlDeclaration,
  isMultiByte,
  isWide,
  sniffBom,
  sniffWideUnicode,
  type CanonicalCharset,
} from './charset.js';

export type DocumentKind = 'html' | 'xml' | 'text' | 'json';
export type CharsetSource = 'bom' | 'header' | 'meta' | 'xml-decl' | 'detected' | 'default';

export interface DecodeHints {
  contentType?: string | null;
  kind?: DocumentKind;
}

export interface DecodedText {
  text: string;
  charset: string;
  source: CharsetSource;
  /**
   * Bytes that could not be read: invalid sequences in an otherwise valid UTF-8 text (each read as
   * U+FFFD) and stray NUL bytes (dropped). 0 for a clean decode; callers report it when not.
   */
  replaced: number;
}

interface Declaration {
  readonly charset: CanonicalCharset;
  readonly source: 'header' | 'meta' | 'xml-decl';
}

export function decodeBytes(raw: Uint8Array, hints: DecodeHints = {}): Result<DecodedText> {
  if (raw.length === 0) return fail('empty_input', 'the input is empty (0 bytes)');
  const bom = sniffBom(raw);
  if (bom !== null) {
    return ok({
      text: decodeWith(raw.subarray(bom.length), bom.charset),
      charset: bom.charset,
      source: 'bom',
      replaced: 0,
    });
  }
  const header = charsetFromContentType(hints.contentType);
  // UTF-16 and UTF-32 without a BOM are full of NUL bytes: their shape (or an explicit header) is
  // read before the binary check. The shape also settles the byte order a bare "utf-16" leaves open.
  const wide = sniffWideUnicode(raw);
  if (header !== null && isWide(header)) {
    const charset = wide !== null && wide.slice(0, 6) === header.slice(0, 6) ? wide : likelierByteOrder(raw, header);
    return ok({ text: decodeWith(raw, charset), charset, source: 'header', replaced: 0 });
  }
  if (wide !== null) {
    const text = decodeWith(raw, wide);
    if (plausibleText(text)) return ok({ text, charset: wide, source: 'detected', replaced: 0 });
  }
  const binary = binaryReason(raw);
  if (binary !== null) return fail('binary_input', `the input is not text: ${binary}`);
  // A few stray NUL bytes in a text are dropped and counted, not a reason to lose the page.
  const nuls = countByte(raw, 0);
  const bytes = nuls > 0 ? raw.filter((b) => b !== 0) : raw;
  const decoded = decodeText(bytes, header, hints.kind);
  return ok({ ...decoded, replaced: decoded.replaced + nuls });
}

function decodeText(bytes: Uint8Array, header: CanonicalCharset | null, kind: DocumentKind | undefined): DecodedText {
  const result = (text: string, charset: string, source: CharsetSource): DecodedText => ({
    text,
    charset,
    source,
    replaced: 0,
  });

  const declarations = declarationsOf(bytes, header, kind);
  if (isAscii(bytes)) {
    // ISO-2022-JP and -KR are 7-bit: Japanese and Korean hide behind escape sequences in what looks like ASCII.
    const first = declarations[0];
    if ((first === undefined || first.charset === 'iso-2022-jp') && ISO_2022_JP_ESCAPE.test(latin1(bytes))) {
      return result(decodeWith(bytes, 'iso-2022-jp'), 'iso-2022-jp', first?.source ?? 'detected');
    }
    if ((first === undefined || first.charset === 'iso-2022-kr') && hasIso2022KrDesignator(bytes)) {
      return result(decodeWith(bytes, 'iso-2022-kr'), 'iso-2022-kr', first?.source ?? 'detected');
    }
    // Every ASCII-compatible charset reads these bytes the same way.
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
    return first ? result(text, first.charset, first.source) : result(text, 'utf-8', 'default');
  }
  const utf8 = strictUtf8(bytes);
  // UTF-8 with a few broken sequences (a stray byte, a cut-off character) is still UTF-8: read with
  // replacement, counted, instead of turning the whole page into mojibake through a legacy charset.
  const damaged = utf8 === null ? damagedUtf8(bytes) : null;
  for (const declaration of declarations) {
    if (declaration.charset === 'utf-8' && damaged !== null)
      return { text: damaged.text, charset: 'utf-8', source: declaration.source, replaced: damaged.replaced };
    const text = acceptDeclaration(bytes, declaration.charset, utf8);
    if (text !== null) return result(text, declaration.charset, declaration.source);
  }
  if (utf8 !== null) return result(utf8, 'utf-8', 'detected');
  if (damaged !== null) return { text: damaged.text, charset: 'utf-8', source: 'detected', replaced: damaged.replaced };
  const detected = detectLegacy(bytes);
  if (detected !== null) return result(detected.text, detected.charset, 'detected');
  return result(decodeWith(bytes, 'windows-1252'), 'windows-1252', 'default');
}

/**
 * Bytes that are UTF-8 but for a few invalid sequences: at least 20 valid multi-byte characters per
 * invalid sequence (a legacy-encoded page read as UTF-8 has almost no valid multi-byte characters,
 * and Latin-1 text with one "é" has none), read leniently. Null when the bytes are not that.
 */
function damagedUtf8(bytes: Uint8Array): { text: string; replaced: number } | null {
  const text = lenientUtf8.decode(bytes);
  let invalid = -countUtf8ReplacementChars(bytes);
  let multiByte = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) invalid++;
    else if (c >= 0x80 && !(c >= 0xdc00 && c <= 0xdfff)) multiByte++;
  }
  if (invalid <= 0 || multiByte < 20 * invalid) return null;
  return { text, replaced: invalid };
}

/** How many U+FFFD the bytes spell out validly (EF BF BD): those are text, not decoding errors. */
function countUtf8ReplacementChars(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0xef); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  }
  return n;
}

function countByte(bytes: Uint8Array, value: number): number {
  let n = 0;
  for (let i = bytes.indexOf(value); i !== -1; i = bytes.indexOf(value, i + 1)) n++;
  return n;
}

function declarationsOf(
  bytes: Uint8Array,
  header: CanonicalCharset | null,
  kind: DocumentKind | undefined,
): Declaration[] {
  const out: Declaration[] = [];
  if (header !== null) out.push({ charset: header, source: 'header' });
  // An XML declaration must open the document, so it is read whatever the kind suggests (XHTML
  // saved as .html, a feed saved without an extension); JSON has no in-band declaration.
  if (kind !== 'json') {
    const xml = charsetFromXmlDeclaration(bytes);
    if (xml !== null) out.push({ charset: xml, source: 'xml-decl' });
  }
  if (kind === 'html' || kind === undefined) {
    const meta = charsetFromMeta(bytes);
    if (meta !== null) out.push({ charset: meta, source: 'meta' });
  }
  return out;
}

/** The decoded text if the bytes are consistent with the declared charset, else null. */
function acceptDeclaration(bytes: Uint8Array, charset: CanonicalCharset, utf8: string | null): string | null {
  if (charset === 'utf-8') return utf8;
  // Non-ASCII bytes that form valid UTF-8 are almost never legacy text by chance: the label is wrong.
  if (utf8 !== null) return null;
  if (isMultiByte(charset)) return cleanDecode(bytes, charset);
  const text = decodeWith(bytes, charset);
  // Bytes this charset leaves undefined (read as U+FFFD) say the label is wrong.
  if (countReplacements(text) > Math.floor(text.length / 2000)) return null;
  // A deliberate single-byte label (windows-1251, koi8-r, iso-8859-7, windows-1255, tis-620 …)
  // stands: Cyrillic or Greek bytes often form valid GBK too, and that reading is mojibake. Only the
  // Western default (latin1/ascii/windows-1252, what servers send when nobody chose) gives way, and
  // only to CJK text the detector is sure of.
  if (charset === 'windows-1252') {
    const detected = detectCjk(bytes);
    if (detected?.confident) return null;
  }
  return text;
}

interface Detection {
  text: string;
  charset: CanonicalCharset;
  confident: boolean;
}

// chardet is reliable on long text; on a short snippet GB18030 and Big5 bytes both decode without
// error, so the tie is broken by how many very common Chinese characters each reading yields.
const CONFIDENT = 60;
// chardet's statistics settle within a few pages of text; a 20 MB body need not be scanned whole.
const DETECT_SAMPLE_BYTES = 64 * 1024;
const CHARDET_EVIDENCE_BYTES = 16 * 1024;

function detectLegacy(bytes: Uint8Array): Detection | null {
  const cjk = detectCjk(bytes);
  // Johab, which chardet does not know: a clean reading made of common Korean syllables, unless
  // the detector is sure of another Korean reading (EUC-KR/CP949 text is rarely clean Johab).
  const johab = detectJohab(bytes);
  if (johab !== null && !(cjk?.confident && koreanShare(cjk.text) >= koreanShare(johab.text))) return johab;
  if (cjk?.confident) return cjk;
  const single = guessSingleByte(bytes.subarray(0, DETECT_SAMPLE_BYTES));
  if (single !== null && (cjk === null || single.score > MOJIBAKE_SCORE)) {
    return {
      text: decodeWith(bytes, single.charset),
      charset: single.charset,
      confident: single.score > MOJIBAKE_SCORE,
    };
  }
  return cjk;
}

// Mean log-probability per non-ASCII character (src/fetch/single-byte.ts) above which a
// single-byte reading is real text rather than the best of several mojibakes.
const MOJIBAKE_SCORE = -6;

/**
 * A multi-byte East Asian reading: chardet's when it is confident (and, for Chinese, the text is
 * made of common characters), else GB18030 or Big5, whichever yields more common Chinese characters.
 */
function detectCjk(bytes: Uint8Array): Detection | null {
  // chardet reads the non-ASCII runs (markup and scripts skipped): faster, and denser evidence.
  const sample = evidence(bytes.subarray(0, DETECT_SAMPLE_BYTES), CHARDET_EVIDENCE_BYTES);
  const matches = chardet.analyse(sample);
  const top = matches[0];
  const topCharset = canonicalCharset(top?.name);
  if (
    top !== undefined &&
    topCharset !== null &&
    isMultiByte(topCharset) &&
    !isWide(topCharset) &&
    topCharset !== 'utf-8' &&
    top.confidence >= CONFIDENT
  ) {
    const text = cleanDecode(bytes, topCharset);
    const chinese = topCharset === 'gb18030' || topCharset === 'big5';
    if (text !== null && (!chinese || chineseLike(text))) return { text, charset: topCharset, confident: true };
  }
  let best: Detection | null = null;
  let bestScore = 0;
  for (const charset of ['gb18030', 'big5'] as const) {
    // Most non-Chinese bytes fail on the sample already; only a clean sample is worth a whole decode.
    if (cleanDecode(sample, charset) === null) continue;
    const text = cleanDecode(bytes, charset);
    if (text === null) continue;
    const score = commonHanScore(text);
    if (score > bestScore) {
      best = { text, charset, confident: score >= 3 && chineseLike(text) };
      bestScore = score;
    }
  }
  return best;
}

/** A Johab reading of bytes that decode cleanly as Johab and read as Korean, else null. */
function detectJohab(bytes: Uint8Array): Detection | null {
  const sample = bytes.subarray(0, DETECT_SAMPLE_BYTES);
  const head = cleanDecode(sample, 'johab');
  if (head === null || koreanShare(head) < KOREAN_SHARE) return null;
  const text = sample.length === bytes.length ? head : cleanDecode(bytes, 'johab');
  return text === null ? null : { text, charset: 'johab', confident: true };
}

// In Korean text most syllables are among a few hundred common ones; a misreading of other bytes
// spreads over all 11,172 syllables. Counted only over at least MIN_SYLLABLES syllables.
const KOREAN_SHARE = 0.3;
const MIN_SYLLABLES = 10;

/** The share of Hangul syllables in the text that are common ones (0 when there are too few). */
function koreanShare(text: string): number {
  let syllables = 0;
  let common = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xac00 || c > 0xd7a3) continue;
    syllables++;
    if (COMMON_HANGUL.has(text[i] as string)) common++;
  }
  return syllables < MIN_SYLLABLES ? 0 : common / syllables;
}

// Frequent Korean syllables (particles, endings, common Sino-Korean roots), from general knowledge of the language.
const COMMON_HANGUL = new Set(
  '이다는의에하고을가지한로서기를사리자대어도정시수인으국일나해보전적들게부주아스만상구과경제니내우여장성그요오것라있동위면방미거원문소비개마후신공연중생화세발안용관실학결진명유물회없했된되모말음러까터않습입람분등할때및또더년월간식단계본현선조드트프파르데와께습니다였었던될함합통법업행체각외무영반당차호교산강산품력출교육제작의료금융기술정보서비스시장회사사업개발관리운영지원활동프로그램사람생각문제때문이번우리저희너무정말같은어떤모든많은새로운좋은',
);

// In real Chinese text the common characters below make up most of the Han characters; in
// Cyrillic or Greek bytes read as GBK (valid more often than not) they are a small minority.
const COMMON_HAN_SHARE = 0.35;

function chineseLike(text: string): boolean {
  let han = 0;
  let common = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x2e80) continue;
    han++;
    if (COMMON_HAN.has(ch)) common++;
  }
  return han > 0 && common >= han * COMMON_HAN_SHARE;
}

// The most frequent Chinese characters in both simplified and traditional forms, plus full-width
// punctuation (encoded differently in GB and Big5, so a strong signal).
const COMMON_HAN = new Set(
  '的一是在不了有和人这這中大为為上个個国國我以要他时時来來用们們生到作地于於出就分对對成会會可主发發年动動同工也能下过過子说說产產种種面而方后後多定行学學法所民经經十三之进進着著等部度家电電力里裡如水化高自二理起小物现現实實加量都两兩体體制机機当當使点點从從业業本去把性好应應开開它合还還因由其些然前外天政四日那社义義事平形相全表间間样樣与與关關各重新线線内內数數正心反你明看原又么麼利比或但质質气氣第向道命此变變条條只没沒结結解问問意建月公无無系军軍很情者最立代想已通并並提直题題程展五果员員位入常文总總次品式活设設及管特件长長求头頭基资資边邊流路级級少图圖统統接知较較将將组組见見计計别別期根论論运運指几幾区區强強放决決西被做必战戰先回则則任取据據处處队隊南给給色光门門即保治北造百规規领領海口东東导導器压壓世金增争爭济濟术術交受联聯认認共权權收证證改清美再转轉更单單风風打教速带帶安场場身车車例真务務具万萬每目至达達走议議声聲报報完类類八离離华華名确確才科张張信话話整空元况況今集传傳许許步广廣记記需段研界究观觀越影算低持音众眾书書布复復容际際商非验驗连連断斷深难難近千周委素技备備半办辦省列习習响響约約支般史感便团團市克何除构構府称稱太准準精值号號率维維划劃选選标標写寫存候快效院查型格置派层層片始却專专状狀育厂廠京识識适適属屬包住调調满滿局照参參红紅引听聽该該价價模型智能芯片算力发布公司' +
    '，。、：；！？「」『』（）《》“”',
);

function commonHanScore(text: string): number {
  let score = 0;
  for (const ch of text) if (COMMON_HAN.has(ch)) score++;
  return score;
}

const iso2022jp = new TextDecoder('iso-2022-jp');

function decodeWith(bytes: Uint8Array, charset: CanonicalCharset): string {
  if (charset === 'iso-2022-jp') return iso2022jp.decode(bytes);
  if (charset === 'iso-2022-kr') return decodeIso2022Kr(bytes);
  if (charset === 'johab') return decodeJohab(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), charset);
}

/**
 * Decodes and returns null if the bytes are not valid in this charset. Tolerates one replacement
 * character per 2,000 characters (a body cut mid-character, a stray byte in a long page).
 */
function cleanDecode(bytes: Uint8Array, charset: CanonicalCharset): string | null {
  const text = decodeWith(bytes, charset);
  return countReplacements(text) <= Math.floor(text.length / 2000) ? text : null;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** The byte order (of the declared width) whose reading has more characters of living scripts. */
function likelierByteOrder(bytes: Uint8Array, declared: CanonicalCharset): CanonicalCharset {
  const width = declared.slice(0, 6);
  let best = declared;
  let bestScore = -1;
  for (const charset of [`${width}le`, `${width}be`]) {
    const text = decodeWith(bytes, charset);
    let score = 0;
    for (const ch of text) if (COMMON_SCRIPT.test(ch)) score++;
    if (score > bestScore) {
      best = charset;
      bestScore = score;
    }
  }
  return best;
}

// ASCII text, Latin, Greek, Cyrillic, Hebrew, Arabic, Thai, CJK, kana, Hangul and their punctuation.
const COMMON_SCRIPT =
  /[\t\n\r\x20-\x7e\u00a0-\u05ff\u0600-\u06ff\u0e00-\u0e7f\u2000-\u206f\u3000-\u30ff\u4e00-\u9fff\uac00-\ud7a3\uff00-\uffef]/;

/** Decoded UTF-16/32 that is text: few controls, no unpaired surrogates or non-characters. */
function plausibleText(text: string): boolean {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 ? c !== 0x09 && c !== 0x0a && c !== 0x0d : c === 0xfffd || c === 0xfffe || c === 0xffff) bad++;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else bad++;
    } else if (c >= 0xdc00 && c <= 0xdfff) bad++;
  }
  return bad <= text.length * 0.01;
}

const ISO_2022_JP_ESCAPE = /\x1b\$[@B]|\x1b\([BJ]/;

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return null;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return false;
  return true;
}

// Text never holds NUL; other C0 controls (except tab, newlines, form feed, ESC for ISO-2022)
// above 10% of the bytes mean an image, archive or executable.
const CONTROL_RATIO = 0.1;

// A NUL or two is damage in a text (a bad copy, a cut); more than one byte in 1,000 (or any within
// the first 512 bytes, where a file format's header sits) is a binary file, or UTF-16 without a BOM.
const NUL_RATIO = 0.001;
const HEADER_BYTES = 512;

function binaryReason(bytes: Uint8Array): string | null {
  let controls = 0;
  let nuls = 0;
  let firstNul = -1;
  // ISO-2022-KR text shifts in and out of Korean with SO and SI around every Korean word.
  const shifts = hasIso2022KrDesignator(bytes);
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (byte === 0) {
      if (firstNul < 0) firstNul = i;
      nuls++;
    } else if (
      byte < 0x20 &&
      byte !== 0x09 &&
      byte !== 0x0a &&
      byte !== 0x0d &&
      byte !== 0x0c &&
      byte !== 0x1b &&
      !(shifts && (byte === 0x0e || byte === 0x0f))
    )
      controls++;
  }
  if (nuls > 0 && (firstNul < HEADER_BYTES || nuls / bytes.length > NUL_RATIO)) {
    return nuls === 1
      ? `it contains a NUL byte at offset ${firstNul}`
      : `it contains ${nuls} NUL bytes (the first at offset ${firstNul})`;
  }
  if ((controls + nuls) / bytes.length > CONTROL_RATIO) {
    return `${Math.round((100 * (controls + nuls)) / bytes.length)}% of its ${bytes.length} bytes are control characters`;
  }
  return null;
}
