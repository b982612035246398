// The story as the model sees it: articles as delimited DATA blocks, and the ranking's facts.
// Pure and deterministic (same story, same bytes: the request is cache-friendly). Article text is
// cleaned of invisible characters and cannot close its own block: the boundary is derived from
// a hash of the whole input, and any boundary-like text inside an article is defused.

import { createHash } from 'node:crypto';
import { publicUrl, type ArticleWithSightings } from '../../article.js';
import type { Ranking } from '../../rank/ranking.js';
import { sourceTypeLabel } from '../labels.js';
import { outletOf } from '../source-refs.js';
import { figureRules } from './model-grounding.js';

/** Characters of article text per request (about 12k tokens), shared among the articles... */
export const DATA_CHAR_BUDGET = 48_000;
/** ...but never fewer than this per article, nor more than the cap; the rest is cut (and the block says so). */
export const ARTICLE_CHAR_FLOOR = 2_000;
export const ARTICLE_CHAR_LIMIT = 12_000;

/**
 * Invisible or direction-changing characters: zero-width spaces and joiners, word joiner and
 * invisible operators, BOM, soft hyphen, bidi embeddings/overrides/isolates, and Unicode tag
 * characters (U+E0000–E007F, which can spell hidden ASCII a model still reads).
 */
const INVISIBLE =
  /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|\u{E0000}|[\u{E0001}-\u{E007F}]/gu;
/** C0/C1 controls other than tab and newline. */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Text as it may enter a prompt: no invisible characters, no controls, no carriage returns. */
export function promptSafeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').replace(CONTROLS, ' ');
}

/** The block marker for this input: "DATA-" and 12 hex digits of a hash of every article. */
export function dataBoundary(articles: readonly ArticleWithSightings[]): string {
  const h = createHash('sha256');
  for (const a of articles) h.update(`${a.id}\u0000${a.title ?? ''}\u0000${a.text}\u0000`);
  return `DATA-${h.digest('hex').slice(0, 12)}`;
}

/** Members in id order: the order of the DATA blocks never depends on how the story was built. */
function ordered(articles: readonly ArticleWithSightings[]): ArticleWithSightings[] {
  return [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** An attribute value: one line, no quotes or angle brackets. */
function attr(value: string): string {
  return promptSafeText(value)
    .replace(/[\n\t"<>]/g, ' ')
    .trim()
    .slice(0, 300);
}

/** One article's text for a DATA block: clean, capped, with the boundary word defused. */
function body(text: string, boundary: string, limit = ARTICLE_CHAR_LIMIT): string {
  const clean = promptSafeText(text)
    .replace(/(?:BEGIN|END)\s+DATA-[0-9a-f]*/gi, (m) => m.replace(/DATA/i, 'D-A-T-A'))
    .split(boundary)
    .join('[boundary removed]');
  return clean.length > limit ? `${clean.slice(0, limit)}\n[text cut at ${limit} characters]` : clean;
}

/** Every article as a delimited DATA block with its id, outlet, type, language and URL. */
export function storyData(articles: readonly ArticleWithSightings[]): { boundary: string; data: string } {
  const list = ordered(articles);
  const boundary = dataBoundary(list);
  const limit = Math.min(
    ARTICLE_CHAR_LIMIT,
    Math.max(ARTICLE_CHAR_FLOOR, Math.floor(DATA_CHAR_BUDGET / Math.max(1, list.length))),
  );
  const blocks = list.map((a) => {
    const head = `BEGIN ${boundary} id="${attr(a.id)}" outlet="${attr(outletOf(a))}" type="${sourceTypeLabel(a.sourceType)}" language="${a.language}" url="${attr(publicUrl(a.url) ?? '')}"`;
    const title = a.title ? `Title: ${body(a.title, boundary).replace(/\n/g, ' ')}\n` : '';
    return `${head}\n${title}${body(a.text, boundary, limit)}\nEND ${boundary}`;
  });
  return { boundary, data: blocks.join('\n\n') };
}

/** The ranking's verdicts, one per line, for the prompt. */
export function rankingFacts(ranking: Ranking): string {
  const lines = [
    `Tier: L${ranking.tier.level} ${ranking.tier.name} (${ranking.tier.nameZh})`,
    `Confidence: ${ranking.confidence}`,
    `Independent publishers (${ranking.independentPublishers.length}): ${ranking.independentPublishers.join(', ') || 'none counted'}`,
    `Official confirmation: ${ranking.officialConfirmation ? `yes${ranking.officialSources?.length ? ` (${ranking.officialSources.join(', ')})` : ''}` : 'no'}`,
    `Audiences (write impact for these only, in this order): ${ranking.audiences.join(', ') || 'none'}`,
  ];
  for (const a of ranking.figuresAgreeing) lines.push(`Figure the sources agree on: ${a.figure}`);
  const minority = new Set(figureRules(ranking).map((r) => r.avoid));
  for (const c of ranking.figureConflicts) {
    const odd = c.variants.filter((v) => minority.has(v.surface)).map((v) => v.surface);
    lines.push(
      `Figure conflict: ${c.description}.${odd.length > 0 ? ` Never use ${odd.join(', ')}: it is the minority figure.` : ' Unsettled: give both figures with their sources.'}`,
    );
  }
  return lines.map((l) => `- ${attr(l)}`).join('\n');
}
