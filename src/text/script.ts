// Which writing system a piece of text is in, by counting characters. The cheapest signal for
// English/Chinese decisions (bilingual page splitting, language id); needs no dictionary.

export interface ScriptCounts {
  readonly han: number;
  readonly latin: number;
  /** Letters of any other script (Cyrillic, Arabic, Kana, Hangul …). */
  readonly other: number;
}

export function countScripts(text: string): ScriptCounts {
  // Whole-string global matches: ~10x faster than testing each character (5,000-word articles).
  const han = count(text, HAN_ALL);
  const latin = count(text, LATIN_ALL);
  const letters = count(text, LETTER_ALL);
  const other = letters - count(text, HAN_LETTER_ALL) - count(text, LATIN_LETTER_ALL);
  return { han, latin, other };
}

const HAN_ALL = /\p{Script=Han}/gu;
const LATIN_ALL = /\p{Script=Latin}/gu;
const LETTER_ALL = /\p{L}/gu;
const HAN_LETTER_ALL = /(?=\p{L})\p{Script=Han}/gu;
const LATIN_LETTER_ALL = /(?=\p{L})\p{Script=Latin}/gu;

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/**
 * Share of Han among letters, weighting one Han character as ~2.5 Latin letters (about one
 * English word's worth of meaning per 2 Han characters vs ~5 letters). 0 when there are no letters.
 */
export function hanShare(text: string): number {
  const { han, latin, other } = countScripts(text);
  const h = han * 2.5;
  const total = h + latin + other;
  return total === 0 ? 0 : h / total;
}

export function isMostlyHan(text: string): boolean {
  return hanShare(text) >= 0.5;
}
