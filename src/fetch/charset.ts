// Charset labels and where documents declare them: the Content-Type header, a BOM, <meta> tags and
// the XML declaration. Pure: bytes and strings in, canonical iconv-lite names out.
import iconv from 'iconv-lite';

/** Canonical names this module returns; any other iconv-lite name may also appear. */
export type CanonicalCharset =
  | 'utf-8'
  | 'utf-16le'
  | 'utf-16be'
  | 'utf-32le'
  | 'utf-32be'
  | 'gb18030'
  | 'big5'
  | 'windows-1252'
  | 'iso-2022-jp'
  | 'iso-2022-kr'
  | 'johab'
  | (string & {});

// GB2312 and GBK are subsets of GB18030, and browsers decode latin1/ascii labels as windows-1252
// (WHATWG Encoding), so several labels collapse onto one decoder.
const ALIASES: ReadonlyMap<string, CanonicalCharset> = new Map<string, CanonicalCharset>([
  ...['utf-8', 'utf8', 'unicode-1-1-utf-8', 'x-unicode20utf8', 'unicode20utf8'].map((l) => [l, 'utf-8'] as const),
  ...[
    'gb2312',
    'gbk',
    'gb18030',
    'x-gbk',
    'chinese',
    'csgb2312',
    'iso-ir-58',
    'gb_2312-80',
    'gb_2312',
    'csiso58gb231280',
    'cp936',
    'windows-936',
    'ms936',
    'euc-cn',
    'euccn',
    'hz-gb-2312',
  ].map((l) => [l, 'gb18030'] as const),
  ...['big5', 'big5-hkscs', 'cn-big5', 'csbig5', 'x-x-big5', 'cp950', 'big-5'].map((l) => [l, 'big5'] as const),
  ...[
    'us-ascii',
    'ascii',
    'iso-8859-1',
    'iso8859-1',
    'iso_8859-1',
    'latin1',
    'l1',
    'cp1252',
    'windows-1252',
    'x-cp1252',
    'cp819',
    'ibm819',
    'iso-ir-100',
    'csisolatin1',
    'ansi_x3.4-1968',
  ].map((l) => [l, 'windows-1252'] as const),
  ...['utf-16', 'utf-16le', 'utf16le', 'ucs-2'].map((l) => [l, 'utf-16le'] as const),
  ...['utf-16be', 'utf16be', 'unicodefffe'].map((l) => [l, 'utf-16be'] as const),
  ...['utf-32', 'utf-32le', 'utf32le', 'ucs-4', 'ucs4'].map((l) => [l, 'utf-32le'] as const),
  ...['utf-32be', 'utf32be'].map((l) => [l, 'utf-32be'] as const),
  // WHATWG: ISO-8859-8 and TIS-620 are read by their Windows supersets, as Latin-1 is by windows-1252.
  ...[
    'iso-8859-8',
    'iso8859-8',
    'iso_8859-8',
    'hebrew',
    'csisolatinhebrew',
    'iso-ir-138',
    'visual',
    'cp1255',
    'windows-1255',
    'x-cp1255',
  ].map((l) => [l, 'windows-1255'] as const),
  ...['tis-620', 'tis620', 'iso-8859-11', 'iso8859-11', 'windows-874', 'cp874', 'dos-874', 'x-cp874'].map(
    (l) => [l, 'windows-874'] as const,
  ),
  ...['x-mac-cyrillic', 'mac-cyrillic', 'maccyrillic', 'x-mac-ukrainian'].map((l) => [l, 'maccyrillic'] as const),
  // iconv-lite has no ISO-2022-JP; decode.ts reads it with the WHATWG decoder.
  ...['iso-2022-jp', 'csiso2022jp'].map((l) => [l, 'iso-2022-jp'] as const),
  // Nor ISO-2022-KR or Johab; decode.ts reads them with korean.ts.
  ...['iso-2022-kr', 'csiso2022kr', 'iso2022kr', 'iso2022_kr'].map((l) => [l, 'iso-2022-kr'] as const),
  ...['johab', 'x-johab', 'cp1361', 'ms1361', 'ms-johab'].map((l) => [l, 'johab'] as const),
]);

/** A label as written in a header or tag -> the decoder to use, or null if unknown. */
export function canonicalCharset(label: string | null | undefined): CanonicalCharset | null {
  if (label === null || label === undefined) return null;
  const key = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .trim()
    .toLowerCase();
  if (key === '') return null;
  const alias = ALIASES.get(key);
  if (alias !== undefined) return alias;
  return iconv.encodingExists(key) ? key : null;
}

/** Encodings where a byte is not always a character: invalid sequences can be detected. */
export function isMultiByte(charset: CanonicalCharset): boolean {
  return /^(utf-8|utf-16|utf-32|gb18030|big5|shift_jis|sjis|euc-|windows-31j|cp932|cp949|ks_c_5601|iso-2022|johab)/.test(
    charset,
  );
}

/** The charset parameter of a Content-Type value, e.g. `text/html; charset="GBK"` -> 'gb18030'. */
export function charsetFromContentType(contentType: string | null | undefined): CanonicalCharset | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("([^"]*)"|[^\s;,]+)/i.exec(contentType);
  if (!match) return null;
  return canonicalCharset(match[2] ?? match[1]);
}

export interface Bom {
  readonly charset: CanonicalCharset;
  readonly length: number;
}

export function sniffBom(bytes: Uint8Array): Bom | null {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { charset: 'utf-8', length: 3 };
  // FF FE 00 00 is UTF-32LE's BOM; UTF-16LE text cannot start with a NUL character after its BOM.
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { charset: 'utf-32le', length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { charset: 'utf-32be', length: 4 };
  if (a === 0xff && b === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

// Declarations sit near the top; 8 KiB (wider than the WHATWG 1024-byte prescan) catches Chinese
// pages whose long <title> and scripts push <meta charset> further down.
const PRESCAN_BYTES = 8192;

function prescanText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString('latin1');
}

/** The charset named by `<meta charset>` or `<meta http-equiv="Content-Type" content="…charset=…">`. */
export function charsetFromMeta(bytes: Uint8Array): CanonicalCharset | null {
  const head = prescanText(bytes).replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of head.matchAll(/<meta\b[^>]*>/gi)) {
    const match = /charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(tag[0]);
    const charset = canonicalCharset(match?.[1]);
    // A page cannot truthfully declare UTF-16 in ASCII bytes; browsers read that as UTF-8.
    if (charset !== null) return isWide(charset) ? 'utf-8' : charset;
  }
  return null;
}

/** The encoding of `<?xml version="1.0" encoding="GB2312"?>` at the very start of the document. */
export function charsetFromXmlDeclaration(bytes: Uint8Array): CanonicalCharset | null {
  const match = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(prescanText(bytes));
  const charset = canonicalCharset(match?.[1]);
  if (charset === null) return null;
  return isWide(charset) ? 'utf-8' : charset;
}

/** UTF-16 and UTF-32: every character has NUL-bearing code units, nothing is ASCII-compatible. */
export function isWide(charset: CanonicalCharset): boolean {
  return charset.startsWith('utf-16') || charset.startsWith('utf-32');
}

/**
 * UTF-16 or UTF-32 without a BOM, told by where the NUL bytes fall: text in those encodings has a
 * zero high byte in almost every ASCII character (`<\0?\0` is UTF-16LE `<?`, `\0\0\0<` UTF-32BE).
 * Looks at the first 4 KiB; null when the bytes do not have that shape.
 */
export function sniffWideUnicode(bytes: Uint8Array): CanonicalCharset | null {
  const n = Math.min(bytes.length, 4096) & ~3;
  if (n < 4) return null;
  // Markup opening with "<" (`<?xml`, `<!--`, `<rss`): the first character alone settles it.
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]] as number[];
  const markup = (c: number): boolean =>
    c === 0x3f || c === 0x21 || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (b0 === 0x3c && b1 === 0 && b2 === 0 && b3 === 0) return 'utf-32le';
  if (b0 === 0 && b1 === 0 && b2 === 0 && b3 === 0x3c) return 'utf-32be';
  if (b0 === 0x3c && b1 === 0 && markup(b2 as number) && b3 === 0) return 'utf-16le';
  if (b0 === 0 && b1 === 0x3c && b2 === 0 && markup(b3 as number)) return 'utf-16be';
  // UTF-32: each 4-byte unit is a code point <= 0x10FFFF, so its top byte is 0 and the next <= 0x10.
  let le32 = true;
  let be32 = true;
  let units = 0;
  let nonZero = 0;
  for (let i = 0; i < n; i += 4) {
    const [a, b, c, d] = [bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]] as number[];
    if (!(d === 0 && (c as number) <= 0x10)) le32 = false;
    if (!(a === 0 && (b as number) <= 0x10)) be32 = false;
    units++;
    if ((a as number) | (b as number) | (c as number) | (d as number)) nonZero++;
  }
  if (nonZero >= units * 0.9) {
    if (le32 && !be32) return 'utf-32le';
    if (be32 && !le32) return 'utf-32be';
  }
  // UTF-16: NULs fall on one parity (the high byte of ASCII and Latin characters) and rarely on the other.
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.2 && even <= odd * 0.05) return 'utf-16le';
  if (even >= pairs * 0.2 && odd <= even * 0.05) return 'utf-16be';
  return null;
}
