// English words that say nothing about what a text is about, the capitalised words that are not
// names, and the light stemmers: the one place for every part of Tidings that compares English words.
//
// There is one core list and a named variant per use. They are not merged into one because each
// was tuned with its consumer, and merging changes what Tidings does: the fingerprint's list is
// part of every stored simhash (a changed list would make stored and new fingerprints disagree and
// copies stop matching), the similarity list is part of the measured story-grouping thresholds,
// and a gloss list without "sb"/"sth" would let dictionary boilerplate match everything. Each
// variant is the core plus the words its consumer also drops, with the reason next to it.
//
// The search client (src/publish/search/search-client.js) is a browser script shipped as it is and
// cannot import this module; it drops exactly SEARCH_STOPWORDS, and english-words.test.ts checks its
// copy against this one.

const words = (...parts: string[]): ReadonlySet<string> => new Set(parts.join(' ').split(/\s+/));

const CORE = 'a an and are as at be by for from has have in is it its of on or that the this to was were will with';

/** The 27 words every list drops: articles, the commonest prepositions and verbs, it/this/that. */
export const CORE_STOPWORDS: ReadonlySet<string> = words(CORE);

/**
 * Site search: the core only. A query made only of these still searches by them (the client keeps
 * them when nothing else is left), so a short list loses least.
 */
export const SEARCH_STOPWORDS: ReadonlySet<string> = CORE_STOPWORDS;

const COMMON =
  'the and of to is was that with for on said it this from by are be has have will which its at an as not but ' +
  'they their would been were more than about after we he she you our or can could new also into over who what';

/**
 * The 50 commonest English words of news text, which language detection counts as evidence of
 * English (text/language.ts). Not a stopword list as such; the fingerprint list is built on it.
 */
export const COMMON_ENGLISH: ReadonlySet<string> = words(COMMON);

/**
 * Simhash fingerprints (text/fingerprint.ts). Frozen: every stored fingerprint was computed with
 * exactly this list, so adding or removing a word makes old and new fingerprints of the same text
 * differ. Measured there: keeping more words brought unrelated English pairs within 2 bits.
 */
export const FINGERPRINT_STOPWORDS: ReadonlySet<string> = words(
  CORE,
  COMMON,
  'i his her them there when all one so if out up do no just like some time how other only these those ' +
    'then may any most s t',
);

/**
 * Story similarity and placement (stories/features.ts): news furniture as well as function words
 * ("said", "according", weekdays and months, "people"), because two reports of different events
 * share those as readily as two of the same one. Part of the measured grouping thresholds.
 */
export const SIMILARITY_STOPWORDS: ReadonlySet<string> = words(
  CORE,
  'about above after again against all also am any because been before being below between both but can ' +
    'could did do does doing down during each few further had having he her here hers him his how i if into itself ' +
    'just me more most my no nor not now off once only other our ours out over own same she should so some such ' +
    'than their theirs them then there these they those through too under until up very we what when where which ' +
    'while who whom why would you your yours said says say one two new year years like may might must us mr ms mrs ' +
    'per via yet still even much many well get got make made since around according told added news people time ' +
    'first last next week day days monday tuesday wednesday thursday friday saturday sunday january february march ' +
    'april june july august september october november december today yesterday tomorrow however meanwhile',
);

/**
 * The content terms of a sentence (write/sentence-candidates.ts), for the overlap that picks a
 * story's key sentences: function words and reporting verbs ("said", "says"), but not news
 * furniture like weekdays, which a sentence's own terms may legitimately share.
 */
export const TERM_STOPWORDS: ReadonlySet<string> = words(
  CORE,
  'but been being these those had would can could should may might not no than then there their they them he ' +
    'she his her we our you your i which who whom whose what when where while also about after before over under ' +
    'into out up down more most such so if only just very said says one two all any each other some many much own ' +
    'same new',
);

/**
 * English glosses of CC-CEDICT entries and the running text they are matched against
 * (align/dictionary.ts): function words and the dictionary's own boilerplate ("to", "sb", "sth",
 * "lit", "fig", "variant"): they appear in thousands of glosses, so they would match everything.
 */
export const GLOSS_STOPWORDS: ReadonlySet<string> = words(
  CORE,
  'into onto upon about over under but nor not no so ' +
    'been being am do does did done had having would shall should can could may might must ' +
    'i me my we us our you your he him his she her they them their these those there here ' +
    'what which who whom whose when where why how all any some each every one ones other another such ' +
    'very also just only than then too more most much many up down out off again once ' +
    "sb sth sb's sth's oneself etc e g i e lit fig esp usu abbr cl variant old see used pr " +
    'if because while whether though although since until unless',
);

const TITLES = 'mr mrs ms dr';
const CALENDAR =
  'monday tuesday wednesday thursday friday saturday sunday ' +
  'january february march april may june july august september october november december';

/**
 * Capitalised words that are sentence furniture, not names, for the anchors that pair an article
 * with its translation (align/recognize-anchors.ts): openers, pronouns, titles, days, months, and
 * the headings of papers ("Chapter", "Figure", "Table"), whose numbers would otherwise pair up.
 */
export const ANCHOR_NOT_NAMES: ReadonlySet<string> = words(
  'the a an and or but of to in on at for from with by as is are was were be it its this that these those he she ' +
    'they we i you his her their our my your what when where while who which how why if then there here after ' +
    'before also not no so yet chapter part section figure table',
  TITLES,
  CALENDAR,
);

/**
 * Capitalised words that are not names for story similarity (stories/features.ts): openers,
 * pronouns, titles, days and months, and the job titles and page furniture of news ("CEO",
 * "President", "Read more", "www"), which two reports of different events share.
 */
export const SIMILARITY_NOT_NAMES: ReadonlySet<string> = words(
  'the a an this that these those it its in on at as for from with after before when while if but and or so yet ' +
    'according however meanwhile last next earlier later some many most both each other another such our their his ' +
    'her we i he she they prof ceo cfo cto chief executive president chairman director founder analyst news update ' +
    'read more am pm com www http https',
  TITLES,
  CALENDAR,
);

/**
 * A light suffix stripper (no Porter rules): enough to meet gloss words and running text
 * ("rising"/"rise", "economies"/"economy", "developed"/"develop"). Alignment and the cross-language
 * bridge use it; the search client has its own (see above: it cannot import this module), tuned to
 * keep short words whole, and both sides of a search go through that one.
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('es') && /(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ly')) w = w.slice(0, -2);
  if (w.length > 3 && /[^aeiou]e$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('y')) w = w.slice(0, -1);
  // "stopped" → "stopp" → "stop": doubled final consonant after a stripped suffix.
  if (w.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss|ff|zz)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/**
 * Plural folding only ("chips"/"chip"; "access", "news" and short words kept): what story
 * similarity's content words use (stories/features.ts). Lighter than `stem` on purpose: the
 * grouping thresholds were measured with it.
 */
export function singular(word: string): string {
  return word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}
