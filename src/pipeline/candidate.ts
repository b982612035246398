// Pure: turns an extracted page and where it was seen into an article ready to store, with the
// keys duplicate detection needs. No I/O, no clock (the time is passed in).

import type { Article, ArticleLanguage, Sighting, SightingRelation } from '../article.js';
import { cleanParagraphs, type ExtractedPage } from '../extract/extract.js';
import type { SourceEntry } from '../sources/registry.js';
import { detectLanguage } from '../text/language.js';
import { contentFingerprint } from '../text/fingerprint.js';
import { encodeSignature, minhashBands, minhashSignature } from '../text/minhash.js';
import { understand } from '../understand/understand.js';
import type { Band } from '../store/article-store.js';
import { canonicalUrl } from './canonical-url.js';
import { plainLine, plainText } from '../text/unsafe-chars.js';
import { followReference } from '../fetch/reference-policy.js';
import { dateArticle } from '../extract/dating.js';

/** Where a page came from, as the ingester knows it. */
export interface PageOrigin {
  /** The address it was read from (http(s) URL or file URL). */
  readonly url: string;
  /** The input it came through (feed URL, file path, URL list), for the record. */
  readonly via: string;
  readonly source: SourceEntry | null;
  readonly feedTitle: string | null;
  /** What a feed said about the item, used where the page itself is silent. */
  readonly hints?: {
    readonly title?: string | null;
    readonly published?: string | null;
    readonly author?: string | null;
  };
}

export interface ArticleCandidate {
  readonly article: Article;
  readonly bands: readonly Band[];
  /** Every normalised URL this article is known by (where seen, rel=canonical). */
  readonly urls: readonly string[];
  readonly sighting: Sighting;
  /** MinHash signature of each language version (one for a plain article, two for a bilingual page). */
  readonly versions: ReadonlyArray<{ language: ArticleLanguage; signature: Uint32Array }>;
}

/** Texts shorter than this are too short for near-duplicate hashing to mean anything. */
const MIN_CHARS_FOR_NEAR_DUPLICATE = 200;

export function buildCandidate(extracted: ExtractedPage, origin: PageOrigin, now: Date): ArticleCandidate | null {
  const page = withoutUnsafeChars(extracted);
  const title = page.title ?? nullIfBlank(plainLine(origin.hints?.title ?? '')) ?? null;
  const paragraphs = cleanParagraphs(page.paragraphs, { title });
  const text = paragraphs.join('\n\n');
  if (text.trim().length === 0) return null;

  const seenUrl = canonicalUrl(origin.url);
  // A page's own claim to a public address, through the one reference policy: http(s) only, and
  // never a local path (fetch/reference-policy.ts).
  const claimed = page.canonicalUrl ? followReference(page.canonicalUrl, origin.url, 'canonical link') : null;
  const pageCanonical = claimed?.ok ? canonicalUrl(claimed.value) : null;
  const url = pageCanonical ?? seenUrl;
  const guess = detectLanguage(text);
  const language: ArticleLanguage = page.bilingual ? bilingualLanguage(page) : guess.language;
  const understanding = understand(text, { title });
  const fingerprint = contentFingerprint(text);
  const source = origin.source;

  const versions: Array<{ language: ArticleLanguage; signature: Uint32Array }> = [];
  if (page.bilingual) {
    versions.push({ language: 'en', signature: minhashSignature(page.bilingual.pairs.map((p) => p.en).join('\n\n')) });
    versions.push({ language: 'zh', signature: minhashSignature(page.bilingual.pairs.map((p) => p.zh).join('\n\n')) });
  } else {
    versions.push({ language, signature: minhashSignature(text) });
  }
  const bands: Band[] =
    text.length < MIN_CHARS_FOR_NEAR_DUPLICATE
      ? []
      : versions.flatMap((v) => {
          const signature = encodeSignature(v.signature);
          return minhashBands(v.signature).map((band) => ({ language: v.language, band, signature }));
        });

  // The article's day from its own evidence, best first; the ingest time is never its date.
  // A date the extractor read from a dateline or the address is weaker evidence than a feed's.
  const fromDateline = page.publishedFrom === 'dateline';
  const fromPage = !fromDateline && page.publishedFrom !== 'url';
  const dated = dateArticle({
    page: fromPage ? page.published : null,
    feed: origin.hints?.published ?? null,
    urls: [
      ...new Set([pageCanonical ?? '', origin.url, ...(claimed?.ok ? [claimed.value] : [])].filter((u) => u !== '')),
    ],
    dateline: fromDateline ? (page.published?.slice(0, 10) ?? null) : (page.dateline ?? null),
    seen: now,
  });
  const article: Article = {
    id: fingerprint.slice(0, 12),
    url,
    title,
    byline: page.byline ?? nullIfBlank(plainLine(origin.hints?.author ?? '')) ?? null,
    published: dated.published,
    dateSource: dated.dateSource,
    language,
    mixed: page.bilingual !== null || guess.mixed,
    siteName: page.siteName,
    outlet: outletOfSource(source, page.siteName) ?? hostOf(url),
    sourceId: source?.id ?? null,
    sourceType: source?.type ?? null,
    feedTitle: feedTitleOf(origin),
    leadImage: page.leadImage,
    description: page.description,
    paragraphs,
    text,
    bilingual: page.bilingual,
    fingerprint,
    signature: encodeSignature(versions[0]!.signature),
    understanding: {
      sentences: understanding.sentences,
      entities: understanding.entities,
      figures: understanding.figures,
      quotes: understanding.quotes,
    },
    ingestedAt: now.toISOString(),
  };
  return {
    article,
    bands,
    urls: [...new Set([seenUrl, ...(pageCanonical ? [pageCanonical] : [])])],
    sighting: sightingFor(origin, seenUrl, 'original', now),
    versions,
  };
}

export function sightingFor(origin: PageOrigin, url: string, relation: SightingRelation, now: Date): Sighting {
  return {
    url: canonicalUrl(url),
    relation,
    outlet: origin.source?.name ?? null,
    sourceId: origin.source?.id ?? null,
    sourceType: origin.source?.type ?? null,
    feedTitle: feedTitleOf(origin),
    via: origin.via,
    seenAt: now.toISOString(),
  };
}

/**
 * The page as it may be stored: no control characters anywhere (they can drive a terminal), no bidi
 * controls (an override makes "exe.png" read as "gnp.exe"), and titles and names on one line. What
 * is stored is what every output quotes and verifies against, so this happens once, here.
 */
function withoutUnsafeChars(page: ExtractedPage): ExtractedPage {
  const line = (s: string | null): string | null => (s === null ? null : nullIfBlank(plainLine(s)));
  return {
    ...page,
    title: line(page.title),
    byline: line(page.byline),
    siteName: line(page.siteName),
    description: page.description === null ? null : plainText(page.description),
    paragraphs: page.paragraphs.map(plainText),
    bilingual:
      page.bilingual === null
        ? null
        : {
            ...page.bilingual,
            titleEn: line(page.bilingual.titleEn),
            titleZh: line(page.bilingual.titleZh),
            pairs: page.bilingual.pairs.map((p) => ({ en: plainText(p.en), zh: plainText(p.zh) })),
          },
  };
}

/** The feed's title as a feed said it (one line, no control characters), else the registry's. */
function feedTitleOf(origin: PageOrigin): string | null {
  return (
    (origin.feedTitle === null ? null : nullIfBlank(plainLine(origin.feedTitle))) ?? origin.source?.feedTitle ?? null
  );
}

/**
 * The outlet an article is credited to: its registered source's name, except for a directory
 * registered as one source, which holds files from many outlets: there each page's own site name
 * (the registry's name when the page gives none), so four outlets in one folder are four.
 */
function outletOfSource(source: SourceEntry | null, siteName: string | null): string | null {
  if (source === null) return siteName;
  return source.kind === 'directory' ? (siteName ?? source.name) : source.name;
}

function nullIfBlank(s: string): string | null {
  return s.trim() === '' ? null : s;
}

function bilingualLanguage(page: ExtractedPage): ArticleLanguage {
  // Both bilingual layouts put the original first; the pages we read are English originals with
  // Chinese translations unless the page declares Chinese and gives no English title.
  return page.language === 'zh' && !page.bilingual?.titleEn ? 'zh' : 'en';
}

function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'file:' ? null : u.hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
