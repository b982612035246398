// Which writing system a piece of text is in, by counting characters. The cheapest signal for
// English/Chinese decisions (bilingual page splitting, language id); needs no dictionary.

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

export interface ScriptCounts {
  readonly han: number;
  readonly latin: number;
  /** Letters of any other script (Cyrillic, Arabic, Kana, Hangul …). */
  readonly other: number;
}

export function countScripts(text: string): ScriptCounts {
  let han = 0;
  let latin = 0;
  let other = 0;
  for (const ch of text) {
    if (HAN.test(ch)) han++;
    else if (LATIN.test(ch)) latin++;
    else if (/\p{L}/u.test(ch)) other++;
  }
  return { han, latin, other };
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
