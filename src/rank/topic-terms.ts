// Finding a rubric topic's terms in text. English terms match whole words, ignoring case unless the
// term is written in capitals (API, SLA: "api" inside a word is not the acronym); Chinese terms
// match anywhere, since Chinese has no spaces between words.

const HAN = /\p{Script=Han}/u;
const cache = new Map<string, (text: string) => boolean>();

function matcher(term: string): (text: string) => boolean {
  const hit = cache.get(term);
  if (hit) return hit;
  let test: (text: string) => boolean;
  if (HAN.test(term)) {
    test = (text) => text.includes(term);
  } else {
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, '[\\s\\u00A0-]+');
    const acronym = /^[A-Z0-9]{2,6}s?$/.test(term);
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, acronym ? 'u' : 'iu');
    test = (text) => re.test(text);
  }
  cache.set(term, test);
  return test;
}

/** The terms (in list order, each once) that occur in the text. */
export function findTerms(text: string, terms: readonly string[]): string[] {
  return terms.filter((t) => matcher(t)(text));
}
