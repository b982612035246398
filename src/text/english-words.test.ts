import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { loadSearchCore } from '../publish/search/search-core.js';
import {
  COMMON_ENGLISH,
  CORE_STOPWORDS,
  FINGERPRINT_STOPWORDS,
  GLOSS_STOPWORDS,
  SEARCH_STOPWORDS,
  SIMILARITY_STOPWORDS,
  TERM_STOPWORDS,
} from './english-words.js';

const sorted = (s: ReadonlySet<string>) => [...s].sort();

describe('english-words: one module, named stopword lists', () => {
  it('the shipped search client drops exactly SEARCH_STOPWORDS', () => {
    assert.deepEqual(sorted(loadSearchCore().stopwords), sorted(SEARCH_STOPWORDS));
  });

  it('every stopword list holds the core; the fingerprint list holds the common English words too', () => {
    for (const [name, list] of Object.entries({
      SEARCH_STOPWORDS,
      FINGERPRINT_STOPWORDS,
      SIMILARITY_STOPWORDS,
      TERM_STOPWORDS,
      GLOSS_STOPWORDS,
    }))
      for (const w of CORE_STOPWORDS) assert.ok(list.has(w), `${name} lacks "${w}"`);
    for (const w of COMMON_ENGLISH) assert.ok(FINGERPRINT_STOPWORDS.has(w), `FINGERPRINT_STOPWORDS lacks "${w}"`);
  });

  it('the fingerprint list is frozen: stored simhashes were computed with exactly these 81 words', () => {
    const digest = createHash('sha256').update(sorted(FINGERPRINT_STOPWORDS).join(' ')).digest('hex');
    assert.equal(FINGERPRINT_STOPWORDS.size, 81);
    assert.equal(digest.slice(0, 16), FROZEN_FINGERPRINT_LIST);
  });
});

/** sha256 (first 16 hex digits) of the sorted fingerprint list, as stored fingerprints were made. */
const FROZEN_FINGERPRINT_LIST = 'df51cbaf9ec764e7';
