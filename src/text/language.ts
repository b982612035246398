// Language identification for English, Chinese and "other", by script counts plus a stopword
// profile for Latin-script text. Needs no model; good enough to route an article, not to tag a word.

import type { ArticleLanguage } from '../article.js';
import { COMMON_ENGLISH } from './english-words.js';
import { countScripts } from './script.js';

export interface LanguageGuess {
  language: ArticleLanguage;
  /** Substantial shares of both English prose and Chinese. */
  mixed: boolean;
  /** 0..1; low for short or ambiguous text. */
  confidence: number;
}

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const LATIN_WORD = /[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z]+)?/g;
const NON_ENGLISH_LETTER = /[\u00C0-\u024F]/;

// Distinctive function words of the commonest other Latin-script languages; words shared with
// English are dropped when the sets are built so they cannot vote against English.
const OTHER_PROFILES: Record<string, string> = {
  de: 'der die das und ist nicht mit von den dem ein eine einer auf für sich auch wird werden zu im des sie es bei nach wie oder aber hat sind über noch nur',
  fr: 'le la les des et est une un du dans pour que qui sur pas au aux ce cette avec sont par plus ont été ses leur mais ou nous il elle',
  es: 'el los las del y es una que en por con para se su al lo como más pero sus fue ha muy',
  it: 'il di che non della per sono gli una nel con del alla anche questo più',
  pt: 'os da do das dos não em uma com para que é mais foi pelo pela',
  nl: 'de het een van en niet op dat zijn met voor ook maar bij naar worden',
};
const OTHER_SETS: ReadonlyArray<ReadonlySet<string>> = Object.values(OTHER_PROFILES).map(
  (words) => new Set(words.split(' ').filter((w) => !COMMON_ENGLISH.has(w))),
);

export function detectLanguage(text: string): LanguageGuess {
  const { han, latin, other } = countScripts(text);
  const kana = text.match(KANA)?.length ?? 0;
  const letters = han + latin + other;
  if (letters === 0) return { language: 'other', mixed: false, confidence: 0 };

  // Japanese writes Han with kana; a few kana are enough to tell it from Chinese.
  if (kana >= 2 && kana / (han + kana) >= 0.1) {
    return { language: 'other', mixed: false, confidence: clamp(0.6 + kana / 50) };
  }
  const hanWeight = han * 2.5; // one Han character carries about 2.5 Latin letters of meaning
  const total = hanWeight + latin + other;
  if (other > 0.5 * total) return { language: 'other', mixed: false, confidence: clamp(other / total) };

  const profile = latinProfile(text);
  const hanShare = hanWeight / total;
  // Latin letters inside Chinese text are mostly names (OpenAI, GPU); only English function words
  // show English prose.
  const englishProse = profile.words >= 5 && profile.english >= 2 && profile.english / profile.words >= 0.08;
  const mixed = han >= 10 && englishProse && hanShare >= 0.2 && hanShare <= 0.8;

  if (hanShare >= 0.5 || (hanShare >= 0.25 && !englishProse)) {
    return { language: 'zh', mixed, confidence: clamp(Math.min(1, han / 20) * (0.5 + hanShare / 2)) };
  }
  if (latin === 0) return { language: 'other', mixed: false, confidence: 0.3 };

  const sample = Math.min(1, profile.words / 30);
  if (profile.english === 0 && profile.other === 0) {
    // No function words at all (a headline, a list of names): English unless letters say otherwise.
    if (profile.accented > 0) return { language: 'other', mixed, confidence: 0.4 };
    return { language: 'en', mixed, confidence: clamp(0.3 + 0.3 * sample) };
  }
  if (profile.other > profile.english) {
    return {
      language: 'other',
      mixed,
      confidence: clamp((0.5 + 0.5 * sample) * (profile.other / (profile.other + profile.english))),
    };
  }
  const margin = profile.english / (profile.english + profile.other);
  return { language: 'en', mixed, confidence: clamp((0.5 + 0.5 * sample) * margin * (1 - hanShare)) };
}

interface LatinProfile {
  words: number;
  english: number;
  /** Hits of the best other-language profile. */
  other: number;
  accented: number;
}

function latinProfile(text: string): LatinProfile {
  const words = text.match(LATIN_WORD) ?? [];
  let english = 0;
  let accented = 0;
  const otherHits = OTHER_SETS.map(() => 0);
  for (const raw of words) {
    const w = raw.toLowerCase();
    if (COMMON_ENGLISH.has(w)) english++;
    if (NON_ENGLISH_LETTER.test(w)) accented++;
    OTHER_SETS.forEach((set, i) => {
      if (set.has(w)) otherHits[i] = (otherHits[i] ?? 0) + 1;
    });
  }
  // Accented letters are rare in English news (café, Nestlé): each counts as half a vote.
  const other = Math.max(0, ...otherHits) + accented / 2;
  return { words: words.length, english, other, accented };
}

function clamp(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
}
