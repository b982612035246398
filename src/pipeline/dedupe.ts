// Decides whether a candidate is new or an article already stored, and how it relates to it.
// Checks run cheapest first: the URL, then the exact text, then near-duplicate MinHash bands (an
// index lookup, so the cost does not grow with the archive).

import type { SightingRelation } from '../article.js';
import type { ArticleStore } from '../store/article-store.js';
import { decodeSignature, signatureSimilarity } from '../text/minhash.js';
import type { ArticleCandidate } from './candidate.js';
import { paperIds } from '../stories/event-identity.js';

/**
 * Estimated Jaccard similarity of word 4-shingles above which two texts are one article: a copy
 * with another header, footer or an added paragraph scores 0.8-1.0; two outlets' own reports of
 * one event score under 0.2.
 */
export const NEAR_DUPLICATE_MIN_SIMILARITY = 0.75;

export type Identity =
  | { readonly kind: 'new' }
  | { readonly kind: 'duplicate'; readonly articleId: string; readonly relation: SightingRelation }
  /** A bilingual page whose one side is an article stored without its translation. */
  | { readonly kind: 'translation-of'; readonly articleId: string }
  /** The original of a stored bilingual page (its translation arrived first). */
  | { readonly kind: 'original-of'; readonly articleId: string };

export async function identify(candidate: ArticleCandidate, store: ArticleStore): Promise<Identity> {
  const bySeenUrl = await store.findByUrl([candidate.sighting.url]);
  if (bySeenUrl !== null) return { kind: 'duplicate', articleId: bySeenUrl, relation: 'same-url' };
  // A syndicated copy names the original in rel=canonical.
  const byCanonical = await store.findByUrl(candidate.urls);
  if (byCanonical !== null) return { kind: 'duplicate', articleId: byCanonical, relation: 'canonical' };
  const byText = await store.findByFingerprint(candidate.article.fingerprint);
  if (byText !== null) return { kind: 'duplicate', articleId: byText, relation: 'exact-copy' };

  const bands = [...new Set(candidate.bands.map((b) => b.band))];
  const found = await store.findBandCandidates(bands);
  const bilingual = candidate.article.bilingual !== null;
  const papers = paperIds(candidate.article.text, candidate.article.url);
  for (const version of candidate.versions) {
    for (const other of found) {
      if (other.language !== version.language) continue;
      if (signatureSimilarity(version.signature, decodeSignature(other.signature)) < NEAR_DUPLICATE_MIN_SIMILARITY)
        continue;
      // Two abstracts in a listing's house style can share most of their words: papers with
      // different identifiers are different articles, however alike the text.
      if (papers.length > 0 && (await differentPapers(papers, other.articleId, store))) continue;
      // One side of a new bilingual page is a stored article: the page is that article's translation.
      if (bilingual) return { kind: 'translation-of', articleId: other.articleId };
      // A plain article matching the original side of a stored bilingual page is the original the
      // page translated; matching the translated side, it is a reposted translation.
      if (other.bilingual && other.language === other.articleLanguage)
        return { kind: 'original-of', articleId: other.articleId };
      if (other.bilingual) return { kind: 'duplicate', articleId: other.articleId, relation: 'translation' };
      return { kind: 'duplicate', articleId: other.articleId, relation: 'near-duplicate' };
    }
  }
  return { kind: 'new' };
}

/** True when the stored article names papers too, and none of the candidate's. */
async function differentPapers(papers: readonly string[], otherId: string, store: ArticleStore): Promise<boolean> {
  const other = await store.getArticle(otherId);
  if (other === null || other === 'ambiguous') return false;
  const theirs = paperIds(other.text, other.url);
  return theirs.length > 0 && !theirs.some((id) => papers.includes(id));
}
