// Two Korean encodings neither iconv-lite nor the WHATWG TextDecoder reads, decoded here from their
// definitions onto the EUC-KR decoder iconv-lite has (KS X 1001 is the character set of all three):
//
// - ISO-2022-KR (RFC 1557): 7-bit. `ESC $ ) C` designates KS X 1001 as G1; SO (0x0E) shifts to it,
//   SI (0x0F) back to ASCII; in the shifted state each pair of bytes 0x21-0x7E is a KS X 1001 code
//   (EUC-KR writes the same code with the high bit set on both bytes). A line starts in ASCII.
// - Johab (KS X 1001:1992 annex 3, code page 1361): two bytes; a Hangul syllable is the bit fields
//   1 iiiii mmmmm fffff (initial, medial, final jamo, each with a "fill" code), read arithmetically
//   onto U+AC00..; symbols and Hanja (lead bytes 0xD9-0xDE, 0xE0-0xF9) are KS X 1001 rows 0x21-0x2C
//   and 0x4A-0x7D, two rows per lead byte, read through EUC-KR.
// Pure: bytes in, text out. Undefined or cut-off codes become U+FFFD (counted by the caller).
import iconv from 'iconv-lite';

const ESC = 0x1b;
const SO = 0x0e;
const SI = 0x0f;

/** The ISO-2022-KR designator `ESC $ ) C`, which a conforming text carries once before any SO. */
export function hasIso2022KrDesignator(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(ESC); i !== -1 && i + 3 < bytes.length; i = bytes.indexOf(ESC, i + 1)) {
    if (bytes[i + 1] === 0x24 && bytes[i + 2] === 0x29 && bytes[i + 3] === 0x43) return true;
  }
  return false;
}

export function decodeIso2022Kr(bytes: Uint8Array): string {
  // Rewritten into EUC-KR bytes, then decoded once.
  const out = Buffer.alloc(bytes.length);
  let n = 0;
  let shifted = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b === ESC && bytes[i + 1] === 0x24 && bytes[i + 2] === 0x29 && bytes[i + 3] === 0x43) {
      i += 3;
      continue;
    }
    if (b === SO) {
      shifted = true;
      continue;
    }
    if (b === SI) {
      shifted = false;
      continue;
    }
    if (b === 0x0a || b === 0x0d) shifted = false;
    out[n++] = shifted && b >= 0x21 && b <= 0x7e ? b | 0x80 : b;
  }
  return iconv.decode(out.subarray(0, n), 'euc-kr');
}

// Johab's 5-bit jamo codes -> index in Unicode's syllable arithmetic; FILL = no jamo in that slot,
// -2 = not a code. Initial: 1 fill, 2-20 the 19 initials. Medial: 2 fill, then the 21 vowels at
// 3-7, 10-15, 18-23, 26-29. Final: 1 fill, 2-17 and 19-29 the 27 finals.
const FILL = -1;
const NO = -2;
const INITIAL = Array.from({ length: 32 }, (_, c) => (c === 1 ? FILL : c >= 2 && c <= 20 ? c - 2 : NO));
const MEDIAL_CODES = [3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 18, 19, 20, 21, 22, 23, 26, 27, 28, 29];
const MEDIAL = Array.from({ length: 32 }, (_, c) =>
  c === 2 ? FILL : MEDIAL_CODES.indexOf(c) >= 0 ? MEDIAL_CODES.indexOf(c) : NO,
);
const FINAL = Array.from({ length: 32 }, (_, c) =>
  c === 1 ? FILL : c >= 2 && c <= 17 ? c - 1 : c >= 19 && c <= 29 ? c - 2 : NO,
);
// A jamo alone (the other slots fill) is written with its compatibility character.
const COMPAT_INITIAL = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const COMPAT_MEDIAL = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
const COMPAT_FINAL = ' ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ';

function johabHangul(lead: number, trail: number): string | null {
  const code = (lead << 8) | trail;
  const i = INITIAL[(code >> 10) & 0x1f] as number;
  const m = MEDIAL[(code >> 5) & 0x1f] as number;
  const f = FINAL[code & 0x1f] as number;
  if (i === NO || m === NO || f === NO) return null;
  if (i !== FILL && m !== FILL) return String.fromCharCode(0xac00 + (i * 21 + m) * 28 + (f === FILL ? 0 : f));
  if (i === FILL && m === FILL) return f === FILL ? '\u3000' : (COMPAT_FINAL[f] as string);
  if (f !== FILL) return null;
  return i === FILL ? (COMPAT_MEDIAL[m] as string) : (COMPAT_INITIAL[i] as string);
}

const ksCache = new Map<number, string>();

/** A symbol or Hanja: the KS X 1001 (row, cell) its Johab code stands for, read through EUC-KR. */
function johabSymbol(lead: number, trail: number): string | null {
  if (lead < 0xd9 || lead === 0xdf || lead > 0xf9) return null;
  if (trail < 0x31 || trail === 0x7f || (trail > 0x7e && trail < 0x91) || trail > 0xfe) return null;
  // KS X 1001's jamo (row 0x24, cells 1-51) are written in Johab's Hangul area, not here.
  if (lead === 0xda && trail >= 0xa1 && trail <= 0xd3) return null;
  // 188 trail values (0x31-0x7E, 0x91-0xFE) cover two rows of 94.
  const t = trail <= 0x7e ? trail - 0x31 : trail - 0x91 + 78;
  const pair = lead <= 0xde ? 2 * (lead - 0xd9) : 2 * (lead - 0xe0) + 0x29;
  const row = 0x21 + pair + (t >= 94 ? 1 : 0);
  const cell = 0x21 + (t % 94);
  const key = (row << 8) | cell;
  let ch = ksCache.get(key);
  if (ch === undefined) {
    ch = iconv.decode(Buffer.from([row | 0x80, cell | 0x80]), 'euc-kr');
    ksCache.set(key, ch);
  }
  return ch === '\uFFFD' ? null : ch;
}

export function decodeJohab(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      continue;
    }
    const trail = bytes[i + 1];
    if (trail === undefined) {
      out += '\uFFFD';
      break;
    }
    let ch: string | null = null;
    if (b >= 0x84 && b <= 0xd3) {
      if ((trail >= 0x41 && trail <= 0x7e) || (trail >= 0x81 && trail <= 0xfe)) ch = johabHangul(b, trail);
    } else ch = johabSymbol(b, trail);
    if (ch === null) {
      out += '\uFFFD';
      // An invalid lead byte takes only itself; a trail that is ASCII is not swallowed.
      if (trail < 0x80 && (b < 0x84 || b > 0xf9)) continue;
    } else out += ch;
    i++;
  }
  return out;
}
