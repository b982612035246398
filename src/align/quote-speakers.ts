// Whether two versions quote different people. A translation carries its quotations over with their
// speakers; an outlet that did its own interviews quotes its own. Names cannot be compared across
// scripts in general, but one case is clear with no model: a Chinese person's name in Han script
// (2-4 characters, no transliteration dot) appears in English in pinyin, so when the Chinese text
// quotes such a person and none of the English speakers has a pinyin name, the quotes are its own.

interface Quoted {
  readonly speaker: string | null;
}

/** Initials and finals of Mandarin syllables, without tones; loose on purpose (it only ever says "could be"). */
const PINYIN_SYLLABLE =
  '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iong|uang|iang|ueng|ang|eng|ing|ong|uai|uan|iao|ian|van|ai|ei|ao|ou|an|en|er|in|un|vn|ia|ie|iu|ua|uo|ui|ue|ve|a|o|e|i|u|v)';
const PINYIN_WORD = new RegExp(`^(?:${PINYIN_SYLLABLE})+$`);
const HAN_PERSON = /^\p{Script=Han}{2,4}$/u;

/** Every word of the name could be pinyin ("Chen Mo", "Zhang Xiaoming"). */
export function couldBePinyinName(name: string): boolean {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .split(/[\s-]+/)
    .filter(Boolean);
  return words.length > 0 && words.every((w) => PINYIN_WORD.test(w));
}

/** The Chinese version quotes a Chinese person by a Han name whom no English speaker could be. */
export function quotesOwnSpeakers(en: readonly Quoted[], zh: readonly Quoted[]): boolean {
  const enSpeakers = en.map((q) => q.speaker).filter((s): s is string => s !== null && s.trim() !== '');
  const zhHanSpeakers = zh.map((q) => q.speaker).filter((s): s is string => s !== null && HAN_PERSON.test(s.trim()));
  return enSpeakers.length > 0 && zhHanSpeakers.length > 0 && !enSpeakers.some(couldBePinyinName);
}
