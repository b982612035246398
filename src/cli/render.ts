// Plain-text renderings of stored records for the terminal. Pure: values in, strings out.

import type { ArticleWithSightings } from '../article.js';
import type { Failure } from '../errors.js';
import type { DateSource } from '../extract/dating.js';
import type { IngestReport, ItemOutcome } from '../pipeline/ingest.js';
import type { ArticleSummaryRow } from '../store/article-store.js';

const WIDTH = 100;

export function renderArticleList(rows: readonly ArticleSummaryRow[]): string {
  if (rows.length === 0) return 'No articles stored yet. Run `tidings ingest <feed|url|file|directory>`.\n';
  const lines = rows.map((r) => {
    const date = r.published ? r.published.slice(0, 10) : '—'.padEnd(10);
    const flags = `${r.bilingual ? 'EN+ZH' : r.language.toUpperCase().padEnd(5)}`;
    const seen = r.sightings > 1 ? ` ×${r.sightings}` : '';
    const outlet = padColumns(truncateColumns(r.outlet ?? '?', 22), 22);
    return `${r.id}  ${date}  ${flags}  ${outlet}  ${truncateColumns(r.title ?? '(untitled)', 72)}${seen}`;
  });
  return `${lines.join('\n')}\n${rows.length} article${rows.length === 1 ? '' : 's'} (×N: seen in N places)\n`;
}

export function renderArticle(a: ArticleWithSightings): string {
  const out: string[] = [];
  out.push(a.title ?? '(untitled)', '='.repeat(Math.min(WIDTH, displayWidth(a.title ?? '(untitled)'))));
  const meta: Array<[string, string | null]> = [
    ['id', a.id],
    ['url', a.url],
    ['outlet', a.outlet ? `${a.outlet}${a.sourceType ? ` (${a.sourceType})` : ''}` : null],
    ['feed', a.feedTitle],
    ['site', a.siteName],
    ['byline', a.byline],
    [
      'published',
      a.published
        ? `${a.published}${a.dateSource ? ` (${DATE_EVIDENCE[a.dateSource]})` : ''}`
        : a.dateSource === 'seen'
          ? `undated: its day is the day it was first seen (${a.ingestedAt.slice(0, 10)})`
          : null,
    ],
    [
      'language',
      `${a.language}${a.mixed ? ' (mixed)' : ''}${a.bilingual ? `; bilingual page, ${a.bilingual.layout} layout, ${a.bilingual.pairs.length} pairs` : ''}`,
    ],
    ['image', a.leadImage],
  ];
  for (const [k, v] of meta) if (v) out.push(`${k.padEnd(10)} ${v}`);
  out.push('', `Seen in ${a.sightings.length} place${a.sightings.length === 1 ? '' : 's'}:`);
  for (const s of a.sightings) out.push(`  - ${s.relation.padEnd(14)} ${s.url}${s.outlet ? `  [${s.outlet}]` : ''}`);

  out.push('', 'Text', '----');
  out.push(a.text);

  const u = a.understanding;
  out.push('', `Entities (${u.entities.length} mentions)`, '--------');
  const byEntity = new Map<string, { name: string; type: string; surfaces: Set<string>; count: number }>();
  for (const e of u.entities) {
    const key = e.entityId ?? `?${e.name}`;
    const entry = byEntity.get(key) ?? { name: e.name, type: e.type, surfaces: new Set<string>(), count: 0 };
    entry.surfaces.add(e.surface);
    entry.count++;
    byEntity.set(key, entry);
  }
  for (const e of [...byEntity.values()].sort((x, y) => y.count - x.count || x.name.localeCompare(y.name))) {
    const also = [...e.surfaces].filter((s) => s !== e.name);
    out.push(`  ${e.name} (${e.type}) ×${e.count}${also.length ? `  as ${also.map((s) => `"${s}"`).join(', ')}` : ''}`);
  }
  out.push('', `Figures (${u.figures.length})`, '-------');
  for (const f of u.figures)
    out.push(`  ${f.surface.padEnd(24)} = ${formatValue(f.value)} ${f.unit} (${f.kind}) @${f.start}`);
  out.push('', `Quotes (${u.quotes.length})`, '------');
  for (const q of u.quotes) out.push(`  “${truncate(q.text, 90)}” — ${q.speaker ?? 'unattributed'} @${q.start}`);
  out.push('', `Sentences: ${u.sentences.length}`);
  return `${out.join('\n')}\n`;
}

export function renderOutcome(o: ItemOutcome): string {
  switch (o.status) {
    case 'new':
      return `new        ${o.articleId}  ${truncate(o.title ?? o.url, 80)}${notesOf(o)}`;
    case 'duplicate':
      return `duplicate  ${o.articleId}  ${o.relation}: ${truncate(o.url, 70)}${notesOf(o)}`;
    case 'failed':
      return `failed     ${renderFailure(o.failure)}`;
  }
}

function notesOf(o: { notes?: readonly string[] }): string {
  return o.notes && o.notes.length > 0 ? ` (${o.notes.join('; ')})` : '';
}

export function renderFailure(f: Failure): string {
  return `[${f.code}] ${f.message}`;
}

export function renderSummary(report: IngestReport): string {
  const { counts } = report;
  const lines = [`Ingest finished: ${counts.new} new, ${counts.duplicate} duplicate, ${counts.failed} failed.`];
  const dating = renderDating(report);
  if (dating !== null) lines.push(dating);
  const failures = report.outcomes.filter((o) => o.status === 'failed');
  if (failures.length) {
    lines.push('Failures:');
    for (const f of failures) if (f.status === 'failed') lines.push(`  - ${renderFailure(f.failure)}`);
  }
  if (report.notices?.length) {
    lines.push('Notes on inputs read:');
    for (const n of report.notices) lines.push(`  - ${n}`);
  }
  const noted = report.outcomes.filter((o) => o.status !== 'failed' && o.notes !== undefined && o.notes.length > 0);
  if (noted.length) {
    lines.push('Notes on items read:');
    for (const o of noted) if (o.status !== 'failed') lines.push(`  - ${o.articleId} ${o.url}: ${o.notes!.join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What dated an article, as `show` says it. */
const DATE_EVIDENCE: Record<DateSource, string> = {
  page: 'from the page',
  feed: 'from the feed',
  url: 'from its address',
  dateline: 'from its dateline',
  seen: 'first seen',
};

const DATED_BY: ReadonlyArray<[DateSource, string]> = [
  ['page', 'page metadata'],
  ['feed', 'feed'],
  ['url', 'URL'],
  ['dateline', 'dateline'],
];

/**
 * What dated the new articles: "Dated 1,776 articles by page metadata, 12 by URL, 5 by dateline,
 * 3 undated (first seen)". Null when nothing new was stored.
 */
export function renderDating(report: IngestReport): string | null {
  const counts = new Map<DateSource, number>();
  let total = 0;
  for (const o of report.outcomes) {
    if (o.status !== 'new' || o.dateSource === undefined) continue;
    counts.set(o.dateSource, (counts.get(o.dateSource) ?? 0) + 1);
    total++;
  }
  if (total === 0) return null;
  const n = (v: number): string => v.toLocaleString('en-US');
  const parts = DATED_BY.filter(([k]) => (counts.get(k) ?? 0) > 0).map(
    ([k, label], i) => `${n(counts.get(k)!)}${i === 0 ? ` article${counts.get(k) === 1 ? '' : 's'}` : ''} by ${label}`,
  );
  const undated = counts.get('seen') ?? 0;
  if (parts.length === 0) return `Dated no articles: ${n(undated)} undated (first seen).`;
  return `Dated ${parts.join(', ')}${undated > 0 ? `, ${n(undated)} undated (first seen)` : ''}.`;
}

function formatValue(v: number): string {
  return Math.abs(v) >= 1e6 ? v.toExponential(3).replace('e+', 'e') : String(v);
}

export function truncate(s: string, n: number): string {
  const clean = s.replace(/\s+/g, ' ').trim();
  const chars = [...clean];
  return chars.length <= n ? clean : `${chars.slice(0, n - 1).join('')}…`;
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Han characters take two terminal columns. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** Cuts to at most `columns` terminal columns, with an ellipsis when cut. */
function truncateColumns(s: string, columns: number): string {
  const clean = s.replace(/\s+/g, ' ').trim();
  if (displayWidth(clean) <= columns) return clean;
  let w = 0;
  let out = '';
  for (const ch of clean) {
    const cw = WIDE.test(ch) ? 2 : 1;
    if (w + cw > columns - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

function padColumns(s: string, columns: number): string {
  return s + ' '.repeat(Math.max(0, columns - displayWidth(s)));
}
