// An alignment as text: Markdown for reading (each link, its kind and score, both sides), TSV for
// spreadsheets and scripts (one link a line), JSON for programs (the Alignment as it is).

import type { Alignment, AlignmentLink } from './align.js';

export type AlignmentFormat = 'md' | 'json' | 'tsv';

export interface AlignmentLabels {
  /** Where each side came from (a file path, an article id and title). */
  readonly en: string;
  readonly zh: string;
}

export function renderAlignment(a: Alignment, format: AlignmentFormat, labels: AlignmentLabels): string {
  if (format === 'json') {
    return `${JSON.stringify(
      {
        en: { from: labels.en, sentences: a.en.sentences, paragraphOf: a.en.paragraphOf },
        zh: { from: labels.zh, sentences: a.zh.sentences, paragraphOf: a.zh.paragraphOf },
        lengthModel: a.lengthModel,
        paragraphLinks: a.paragraphLinks,
        links: a.links,
      },
      null,
      2,
    )}\n`;
  }
  if (format === 'tsv') {
    const rows = a.links.map((l) =>
      [
        l.kind,
        l.score.toFixed(3),
        l.en.join(','),
        l.zh.join(','),
        cell(l.en.map((i) => a.en.sentences[i]!).join(' ')),
        cell(l.zh.map((j) => a.zh.sentences[j]!).join('')),
      ].join('\t'),
    );
    return `${['kind', 'score', 'en', 'zh', 'en_text', 'zh_text'].join('\t')}\n${rows.map((r) => `${r}\n`).join('')}`;
  }
  return renderMarkdown(a, labels);
}

/** Tabs and line breaks would break a TSV row. */
const cell = (s: string): string => s.replace(/[\t\r\n]+/g, ' ');

function renderMarkdown(a: Alignment, labels: AlignmentLabels): string {
  const out: string[] = [];
  const counts = new Map<string, number>();
  for (const l of a.links) counts.set(l.kind, (counts.get(l.kind) ?? 0) + 1);
  const paired = a.links.filter((l) => l.en.length > 0 && l.zh.length > 0);
  const mean = paired.length ? paired.reduce((s, l) => s + l.score, 0) / paired.length : 0;
  out.push('# Alignment', '');
  out.push(`- English: ${labels.en} (${a.en.sentences.length} sentences, ${a.en.paragraphCount} paragraphs)`);
  out.push(`- Chinese: ${labels.zh} (${a.zh.sentences.length} sentences, ${a.zh.paragraphCount} paragraphs)`);
  out.push(
    `- Links: ${a.links.length} (${[...counts].map(([k, n]) => `${k} ×${n}`).join(', ')}); mean score of paired links ${mean.toFixed(2)}`,
  );
  out.push(
    `- Length model: ${a.lengthModel.ratio.toFixed(3)} Chinese characters per English character, s² ${a.lengthModel.variance}`,
  );
  out.push('');
  for (const l of a.links) {
    out.push(`## ${header(l)}`, '');
    for (const i of l.en) out.push(`> en ${i}: ${a.en.sentences[i]}`);
    if (l.en.length === 0) out.push('> en: (none)');
    out.push('>');
    for (const j of l.zh) out.push(`> zh ${j}: ${a.zh.sentences[j]}`);
    if (l.zh.length === 0) out.push('> zh: (none)');
    out.push('');
  }
  return `${out.join('\n')}`;
}

function header(l: AlignmentLink): string {
  const side = (ids: readonly number[]): string =>
    ids.length === 0 ? '–' : ids.length === 1 ? String(ids[0]) : `${ids[0]}–${ids[ids.length - 1]}`;
  return `${l.kind} · score ${l.score.toFixed(2)} · en ${side(l.en)} ↔ zh ${side(l.zh)} · length fit ${l.lengthFit.toFixed(2)}, dictionary ${l.lexical.toFixed(2)}, anchors ${l.anchors}`;
}
