// The texts an output about some articles may rest on, as the verifier reads them: each article
// (title and text), and the other language's side of it when a human translation was folded into
// it or read from a bilingual page, credited to the translation's outlet.

import { outletName, publicUrl, translationCredits, type ArticleWithSightings } from '../article.js';
import type { SourceText } from './grounding.js';

/** The texts an output about these articles may rest on: each article, and its translation if any. */
export function sourcesOf(articles: readonly ArticleWithSightings[]): SourceText[] {
  const out: SourceText[] = [];
  for (const a of articles) {
    const label = outletName(a);
    const url = publicUrl(a.url);
    out.push({
      id: a.id,
      label,
      text: [a.title ?? '', a.text].filter(Boolean).join('\n\n'),
      ...(url === null ? {} : { url }),
    });
    if (a.bilingual) {
      // The other language's side: Chinese for an English original, English for a Chinese one.
      const side = a.language === 'zh' ? 'en' : 'zh';
      const title = side === 'zh' ? a.bilingual.titleZh : a.bilingual.titleEn;
      const text = [title ?? '', ...a.bilingual.pairs.map((p) => p[side])].filter(Boolean).join('\n\n');
      // Credited to the translation's outlet when a translation sighting names it (a folded page or article).
      const by = translationCredits(a.sightings).find((s) => s.outlet);
      const byUrl = publicUrl(by?.url) ?? url;
      out.push({
        id: `${a.id}#${side}`,
        label: by?.outlet ? `${by.outlet} (translation of ${label})` : `${label} (translation)`,
        text,
        ...(byUrl === null ? {} : { url: byUrl }),
      });
    }
  }
  return out;
}
