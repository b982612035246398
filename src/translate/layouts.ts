// Bilingual renderings of a machine Translation or a human BilingualPage (FORMATS.md §3): the title
// in English then Chinese, then each English paragraph with its Chinese one, "interleaved" (seed
// 001: paragraph, blank line, paragraph) or "inline" (seed 004: one line per pair), in Markdown or
// HTML, under a line saying who translated it. A failed paragraph shows its source and a marker in
// place of the translation: never a translation that failed its checks.

import { escapeText } from '../text/escape.js';
import type { Face } from '../article.js';
import { assertNever } from '../errors.js';
import type { BilingualPage } from '../extract/extract.js';
import type { Translation, TranslationPair } from './translate.js';

export type BilingualLayout = 'interleaved' | 'inline';

/** One side of a pair: its text, or null where the translation was withheld. */
export interface BilingualPair {
  readonly en: string | null;
  readonly zh: string | null;
}

export interface BilingualDocument {
  readonly title: BilingualPair | null;
  readonly pairs: readonly BilingualPair[];
  /** "Machine translation by <model> (prompt <id@version>)" or "Human translation (bilingual page)". */
  readonly credit: string;
}

const WITHHELD: Record<Face, string> = {
  en: '[Translation withheld: it did not pass its checks; the original is shown.]',
  zh: '〔译文未通过核对，此段仅保留原文。〕',
};

function pairOf(p: TranslationPair, source: Face): BilingualPair {
  const translated = p.status === 'failed' ? null : p.target;
  return source === 'en' ? { en: p.source, zh: translated } : { en: translated, zh: p.source };
}

export function documentOfTranslation(t: Translation): BilingualDocument {
  return {
    title: t.title ? pairOf(t.title, t.source) : null,
    pairs: t.pairs.map((p) => pairOf(p, t.source)),
    credit: `Machine translation by ${t.model} (prompt ${t.promptVersion})`,
  };
}

/** `credit` names who translated when known (a recognised translated article, src/align/recognize.ts). */
export function documentOfBilingualPage(
  page: BilingualPage,
  credit = 'Human translation (bilingual page)',
): BilingualDocument {
  const title =
    page.titleEn !== null || page.titleZh !== null ? { en: page.titleEn ?? '', zh: page.titleZh ?? '' } : null;
  return { title, pairs: page.pairs.map((p) => ({ en: p.en, zh: p.zh })), credit };
}

/** Backslash-escapes Markdown syntax so article text stays text (no links, emphasis, HTML or headings). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+-])(?=\s)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s)/, '$1\\$2')
    .replace(/\s*\n\s*/g, ' ');
}

/** Markdown text of one side; the marker where it was withheld. */
function side(pair: BilingualPair, lang: Face): string {
  const text = pair[lang];
  return text === null ? WITHHELD[lang] : escapeMarkdown(text);
}

const present = (pair: BilingualPair, lang: Face): boolean => pair[lang] !== '';

export function renderBilingualMarkdown(doc: BilingualDocument, layout: BilingualLayout): string {
  const blocks: string[] = [];
  if (doc.title)
    for (const lang of ['en', 'zh'] as const) if (present(doc.title, lang)) blocks.push(`# ${side(doc.title, lang)}`);
  blocks.push(`*${escapeMarkdown(doc.credit)}*`);
  for (const pair of doc.pairs) {
    // A paragraph the translator left out (or added) has one side empty: only the other is shown.
    const sides = (['en', 'zh'] as const).filter((lang) => present(pair, lang)).map((lang) => side(pair, lang));
    switch (layout) {
      case 'interleaved':
        blocks.push(...sides);
        break;
      case 'inline':
        blocks.push(sides.join(' '));
        break;
      default:
        assertNever(layout, 'layout');
    }
  }
  return `${blocks.join('\n\n')}\n`;
}

function htmlSide(pair: BilingualPair, lang: Face): string {
  const text = pair[lang];
  return text === null ? `<span class="withheld">${escapeText(WITHHELD[lang])}</span>` : escapeText(text);
}

export function renderBilingualHtml(doc: BilingualDocument, layout: BilingualLayout): string {
  const lines: string[] = [`<article class="bilingual bilingual-${layout}">`, '<header>'];
  if (doc.title)
    for (const lang of ['en', 'zh'] as const)
      if (present(doc.title, lang)) lines.push(`<h1 lang="${lang}">${htmlSide(doc.title, lang)}</h1>`);
  lines.push(`<p class="credit">${escapeText(doc.credit)}</p>`, '</header>');
  for (const pair of doc.pairs) {
    const langs = (['en', 'zh'] as const).filter((lang) => present(pair, lang));
    switch (layout) {
      case 'interleaved':
        lines.push(...langs.map((lang) => `<section lang="${lang}"><p>${htmlSide(pair, lang)}</p></section>`));
        break;
      case 'inline':
        lines.push(
          `<p class="pair">${langs.map((lang) => `<span lang="${lang}">${htmlSide(pair, lang)}</span>`).join(' ')}</p>`,
        );
        break;
      default:
        assertNever(layout, 'layout');
    }
  }
  lines.push('</article>');
  return `${lines.join('\n')}\n`;
}
