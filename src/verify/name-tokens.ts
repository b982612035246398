// The one reader of words for names, used the same way on an output sentence and on a source:
// a word is a run of Latin letters, digits and combining marks, joined through a hyphen, dot,
// apostrophe, ampersand or underscore that sits between two such characters. So arXiv, iPhone,
// 3D, 1B, nRF54L15, GPT-4o, x86-64, Llama-3.1-8B, AT&T and O'Brien are each one word, and a
// Latin name inside Chinese text (英伟达H100、DeepSeek-V3发布) ends where the Han characters start.
// A word is matched in a source only whole (findPhrase's edges are the same character class).

export interface WordToken {
  /** The word as written, without a trailing possessive ('s, ’s). */
  readonly text: string;
  readonly start: number;
  /** End of `text` (the possessive, if any, lies after it). */
  readonly end: number;
  /** True when a possessive followed the word ("Daily's"): a name run ends there. */
  readonly possessive: boolean;
}

const WORD_CHAR = /[\p{Script=Latin}\p{Nd}\p{M}]/u;
const JOINERS = new Set(['-', '.', '’', "'", '&', '_']);

export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD_CHAR.test(ch);
}

/** The words of a text, in order, with their spans in it. */
export function wordTokens(text: string): WordToken[] {
  const out: WordToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(text[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      if (j < n && isWordChar(text[j])) j++;
      else if (j + 1 < n && JOINERS.has(text[j]!) && isWordChar(text[j + 1])) j += 2;
      else break;
    }
    let word = text.slice(i, j);
    const possessive = /[’'][sS]$/.test(word) && word.length > 2;
    if (possessive) word = word.slice(0, -2);
    out.push({ text: word, start: i, end: i + word.length, possessive });
    i = j;
  }
  return out;
}

/** A word that is written with a capital anywhere in it (Fortune, arXiv, iPhone, 3D, nRF54): a name to check. */
export function hasCapital(word: string): boolean {
  return /\p{Lu}/u.test(word);
}
