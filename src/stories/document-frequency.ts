// Document frequencies of feature keys: how many articles carry each key. Rarity weights evidence:
// sharing "Nvidia" says little, sharing "Lattice Cloud" or "GB300" says a lot.
// A leaf: it imports nothing, so features.ts (through bridge.ts) can use it; counting features
// over a set of articles is in corpus-frequency.ts.

export interface DocumentFrequency {
  /** Articles counted. */
  readonly documents: number;
  /** Articles carrying the key (0 when unseen). */
  count(key: string): number;
}

export const NO_FREQUENCIES: DocumentFrequency = { documents: 0, count: () => 0 };

/** Frequencies from a plain table (rows read from the store). */
export function frequencyFromTable(documents: number, table: ReadonlyMap<string, number>): DocumentFrequency {
  return { documents, count: (key) => table.get(key) ?? 0 };
}

/**
 * Rarity in 0..1: 1 for a key no other article carries, falling as it gets common; 0.5 for any key
 * when nothing has been counted yet (no evidence either way). Smoothed so that df ≤ documents.
 */
export function rarity(df: DocumentFrequency, key: string): number {
  if (df.documents === 0) return 0.5;
  const n = df.documents;
  const k = Math.min(df.count(key), n);
  const idf = Math.log((n + 1) / (k + 1));
  const max = Math.log(n + 1);
  return max === 0 ? 0.5 : Math.max(0.05, idf / max);
}

/**
 * Inverse document frequency for TF-IDF weighting of words: near 0 for a word nearly every article
 * uses (template and boilerplate vocabulary), 1 for every word while nothing has been counted.
 */
export function idf(df: DocumentFrequency, key: string): number {
  if (df.documents === 0) return 1;
  return Math.log((df.documents + 1) / (Math.min(df.count(key), df.documents) + 0.5));
}

/**
 * Each article is also counted under its language ("l:en", "l:zh"), so the rarity of vocabulary is
 * read among the articles that could use it: a word every English article uses is common even
 * when a third of the archive is Chinese and never could. Ask for both keys with the words.
 */
export const LANGUAGE_KEYS: readonly string[] = ['l:en', 'l:other', 'l:zh'];

/** Per table: the articles Han bigrams and Latin words can occur in (documentsFor), read once. */
const scriptDocuments = new WeakMap<DocumentFrequency, { han: number; latin: number }>();

/** A vocabulary key ("w:…") holds a Han bigram when its first character is Han (Latin words are ASCII letters). */
const isHanKey = (key: string): boolean => key.charCodeAt(2) >= 0x2e80 && /^\p{Script=Han}/u.test(key.slice(2, 4));

/** What documentsFor reads of a key, worked out once per key (bounded): its script and its "t:" term key. */
interface VocabularyKey {
  readonly han: boolean;
  readonly term: string;
}
const vocabularyKeys = new Map<string, VocabularyKey>();
function vocabularyKeyOf(key: string): VocabularyKey {
  let v = vocabularyKeys.get(key);
  if (!v) {
    if (vocabularyKeys.size >= 200_000) vocabularyKeys.clear();
    vocabularyKeys.set(key, (v = { han: isHanKey(key), term: `t:${key.slice(2)}` }));
  }
  return v;
}

/**
 * The articles a vocabulary key ("w:<word>") can occur in: Chinese articles for a Han bigram, the
 * others for a Latin word, except a Latin word some article carries as a name or code (its "t:"
 * term key is counted): Chinese text writes those as they are, so every article could. Counts
 * made before languages were counted have no language keys: the share of each language among the
 * counted is scaled to all documents, and with none counted (or none that could hold the key)
 * every document counts, as before.
 */
export function documentsFor(df: DocumentFrequency, key: string): number {
  let d = scriptDocuments.get(df);
  if (!d) {
    const zh = df.count('l:zh');
    const counted = zh + df.count('l:en') + df.count('l:other');
    const scaled = (own: number) =>
      own <= 0 ? df.documents : Math.min(df.documents, Math.round((df.documents * own) / counted));
    scriptDocuments.set(df, (d = { han: scaled(zh), latin: scaled(counted - zh) }));
  }
  const v = vocabularyKeyOf(key);
  if (v.han) return d.han;
  return d.latin === df.documents || df.count(v.term) > 0 ? df.documents : d.latin;
}

/** idf of a vocabulary key among the articles of its script's languages (documentsFor); 1 while nothing is counted. */
export function vocabularyIdf(df: DocumentFrequency, key: string): number {
  if (df.documents === 0) return 1;
  const n = documentsFor(df, key);
  return Math.log((n + 1) / (Math.min(df.count(key), n) + 0.5));
}

const idfTables = new WeakMap<DocumentFrequency, Map<string, number>>();

/**
 * vocabularyIdf under one table, each key computed once: a placement reads the words of up to ~24
 * members under one table, for the vocabulary cosine and the bridge alike.
 */
export function vocabularyIdfOf(df: DocumentFrequency): (key: string) => number {
  let m = idfTables.get(df);
  if (!m) idfTables.set(df, (m = new Map()));
  const cache = m;
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) cache.set(key, (v = vocabularyIdf(df, key)));
    return v;
  };
}
