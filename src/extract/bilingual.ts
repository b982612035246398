// Bilingual pages: English paragraphs each followed by their Chinese translation, either as separate
// paragraphs ("interleaved") or inside one block ("inline", split at the script boundary).
// A Chinese article that quotes English names is not bilingual: its paragraphs are all mostly Han.

import type { Face } from '../article.js';
import { countScripts, hanShare } from '../text/script.js';

export interface BilingualPage {
  layout: 'interleaved' | 'inline';
  titleEn: string | null;
  titleZh: string | null;
  pairs: Array<{ en: string; zh: string }>;
}

interface Pair {
  readonly en: string;
  readonly zh: string;
}

type Script = Face | 'mixed' | 'none';

function scriptOf(text: string): Script {
  const { han, latin } = countScripts(text);
  if (han === 0 && latin === 0) return 'none';
  const share = hanShare(text);
  if (share >= 0.6) return 'zh';
  if (share <= 0.12 && latin >= 2) return 'en';
  return 'mixed';
}

/**
 * Is `zh` a plausible translation of `en` by size? English runs ~1-5 letters per Han character
 * (names and numbers stay Latin in the Chinese, so the Han count can be small for short lines).
 */
function plausibleSizes(en: string, zh: string): boolean {
  const letters = countScripts(en).latin;
  const han = countScripts(zh).han;
  if (han === 0) return false;
  const ratio = letters / han;
  return ratio >= 0.5 && ratio <= 10;
}

const SENTENCE_END = /[.!?…:;]["”’)\]]*\s+/g;
/** Opening quotes and brackets (and spaces) that belong to the text after them. */
const OPENER = /[\s“"「『（(《【‘]/;

/** Splits "English text. 中文译文。" at the script boundary; null when it is not such a pair. */
export function splitInlinePair(text: string): Pair | null {
  const firstHan = text.search(/\p{Script=Han}/u);
  if (firstHan <= 0) return null;
  let cut = firstHan;
  // Move the cut back over an opening quote or bracket that belongs to the Chinese side.
  // Read backwards: /[…]+$/ would retry from every opener in a long run of them.
  while (cut > 0 && OPENER.test(text[cut - 1]!)) cut--;
  // The Chinese side may open with a Latin name ("Nvidia 表示…"): cut after the last English sentence.
  const before = text.slice(0, cut);
  let lastEnd = -1;
  for (const m of before.matchAll(SENTENCE_END)) lastEnd = m.index + m[0].length;
  // …but not when that Latin stretch is itself a sentence (a quote closing the English side).
  const stretch = text.slice(lastEnd, cut).trim();
  if (lastEnd > 0 && cut - lastEnd <= 30 && cut - lastEnd > 0 && !/[.!?…]["”’)\]]*$/.test(stretch)) cut = lastEnd;
  const en = text.slice(0, cut).trim();
  const zh = text.slice(cut).trim();
  if (scriptOf(en) !== 'en' || scriptOf(zh) !== 'zh' || isOnlyNames(en)) return null;
  if (countScripts(en).latin < 8 || !plausibleSizes(en, zh)) return null;
  return { en, zh };
}

/** A Chinese headline: short, at most two sentences, Han enough that Latin names in it do not matter. */
function isChineseTitle(t: string): boolean {
  return (
    t.length <= 120 && (t.match(/[.!?。！？]/g)?.length ?? 0) <= 2 && countScripts(t).han >= 2 && hanShare(t) >= 0.3
  );
}

/** "Kimi K3 Flash": capitalised words and numbers only, a name opening a Chinese line, not English text. */
function isOnlyNames(en: string): boolean {
  const words = en.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length <= 4 && words.every((w) => /^[\p{Lu}\d]/u.test(w)) && !/[.!?:;]$/.test(en);
}

const isHeadline = (p: string): boolean => p.length <= 200 && !/[.!?。！？]["”’)）]?$/.test(p);

function titles(
  first: Pair | undefined,
  title: string | null,
): { titleEn: string | null; titleZh: string | null; usedFirst: boolean } {
  if (first !== undefined && isHeadline(first.en) && isHeadline(first.zh)) {
    return { titleEn: first.en, titleZh: first.zh, usedFirst: true };
  }
  if (title === null) return { titleEn: null, titleZh: null, usedFirst: false };
  const s = scriptOf(title);
  return { titleEn: s === 'en' ? title : null, titleZh: s === 'zh' ? title : null, usedFirst: false };
}

/** Share of the paragraphs that must be part of a pair for the page to count as bilingual. */
const MIN_COVERAGE = 0.6;
const MIN_PAIRS = 2;

function interleaved(
  paragraphs: readonly string[],
  scripts: readonly Script[],
  title: string | null,
): BilingualPage | null {
  const pairs: Pair[] = [];
  let start = 0;
  // A Chinese title alone at the top translates the (English) page title dropped as a repeat.
  let titleZh: string | null = null;
  const p0 = paragraphs[0];
  if (
    p0 !== undefined &&
    title !== null &&
    scriptOf(title) === 'en' &&
    scripts[0] === 'zh' &&
    isHeadline(p0) &&
    scripts[1] === 'en'
  ) {
    titleZh = p0;
    start = 1;
  }
  let paired = start;
  let counted = start;
  let firstIndex = -1;
  for (let i = start; i < paragraphs.length; i++) {
    const en = paragraphs[i];
    const zh = paragraphs[i + 1];
    if (scripts[i] === 'none') continue;
    counted++;
    if (
      en !== undefined &&
      zh !== undefined &&
      scripts[i] === 'en' &&
      scripts[i + 1] === 'zh' &&
      plausibleSizes(en, zh)
    ) {
      if (firstIndex < 0) firstIndex = i;
      pairs.push({ en, zh });
      paired += 2;
      counted++;
      i++;
    }
  }
  if (pairs.length < MIN_PAIRS || paired < counted * MIN_COVERAGE) return null;
  if (titleZh !== null) return { layout: 'interleaved', titleEn: title, titleZh, pairs };
  const t = titles(firstIndex === start ? pairs[0] : undefined, title);
  return { layout: 'interleaved', titleEn: t.titleEn, titleZh: t.titleZh, pairs: t.usedFirst ? pairs.slice(1) : pairs };
}

function inline(paragraphs: readonly string[], scripts: readonly Script[], title: string | null): BilingualPage | null {
  const pairs: Pair[] = [];
  let counted = 0;
  let firstIndex = -1;
  paragraphs.forEach((p, i) => {
    if (scripts[i] === 'none') return;
    counted++;
    const pair = splitInlinePair(p);
    if (pair === null) return;
    if (firstIndex < 0) firstIndex = i;
    pairs.push(pair);
  });
  if (pairs.length < MIN_PAIRS || pairs.length < counted * MIN_COVERAGE) return null;
  const t = titles(firstIndex === 0 ? pairs[0] : undefined, title);
  return { layout: 'inline', titleEn: t.titleEn, titleZh: t.titleZh, pairs: t.usedFirst ? pairs.slice(1) : pairs };
}

/**
 * The aligned pairs of a bilingual page, or null for a page in one language. `otherTitles` are the
 * page's other headlines (title tag, h1): one in the other language is the translated title.
 */
export function detectBilingual(
  paragraphs: readonly string[],
  title: string | null,
  otherTitles: readonly string[] = [],
): BilingualPage | null {
  // Each paragraph's script is counted once for both layouts (counting reads every character).
  const scripts = paragraphs.map(scriptOf);
  const page = interleaved(paragraphs, scripts, title) ?? inline(paragraphs, scripts, title);
  if (page === null) return null;
  let { titleEn, titleZh } = page;
  // A headline with Chinese in it alone above the first pair translates the English title.
  const lead = paragraphs[0];
  const firstPair = page.pairs[0];
  if (
    titleZh === null &&
    titleEn !== null &&
    lead !== undefined &&
    firstPair !== undefined &&
    lead !== firstPair.en &&
    !lead.includes(firstPair.zh) &&
    isChineseTitle(lead)
  ) {
    titleZh = lead;
  }
  titleZh ??= titleEn !== null ? (otherTitles.find(isChineseTitle) ?? null) : null;
  titleEn ??= titleZh !== null ? (otherTitles.find((t) => scriptOf(t) === 'en') ?? null) : null;
  return { ...page, titleEn, titleZh };
}
