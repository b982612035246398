// Understanding one article: language, sentences, Chinese words, entities, figures and quotes,
// each with its span in the text. Pure: text in, record out.

import { detectLanguage, type LanguageGuess } from '../text/language.js';
import { segmentWords, splitSentences, type Span } from '../text/sentences.js';
import { findEntities, type EntityMention } from './entities.js';
import { parseFigures, type Figure } from './figures.js';
import { findQuotes, type Quote } from './quotes.js';

export type { EntityMention } from './entities.js';
export type { Figure } from './figures.js';
export type { Quote } from './quotes.js';
export { figuresEqual, parseFigures } from './figures.js';

export interface Understanding {
  language: LanguageGuess;
  sentences: Span[];
  /** Chinese words (zh only); [] for English and other text. */
  words: Span[];
  entities: EntityMention[];
  figures: Figure[];
  quotes: Quote[];
}

/** Below this many letters the body alone is a weak language signal; the title helps. */
const SHORT_TEXT = 200;

export function understand(text: string, options?: { title?: string | null }): Understanding {
  const title = options?.title ?? null;
  const language = text.length < SHORT_TEXT && title ? detectLanguage(`${title}\n${text}`) : detectLanguage(text);
  const lang = language.language === 'zh' ? 'zh' : 'en';
  const entities = findEntities(text);
  return {
    language,
    sentences: splitSentences(text, lang),
    words: language.language === 'zh' ? segmentWords(text, 'zh') : [],
    entities,
    figures: parseFigures(text),
    quotes: findQuotes(text, entities),
  };
}
