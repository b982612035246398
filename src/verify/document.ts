// Reading a digest, card or post written by anything (plain text as copied from a page, or
// Markdown) into fields to verify: one field per paragraph or bullet under its section label.
// Labels, confidence, source lists and tags are metadata: listed, not checked.

import { fail, ok, type Result } from '../errors.js';
import { outputFields } from '../write/output-fields.js';
import { cardSchema, digestItemSchema, digestSchema, postSchema, SCHEMA_VERSION } from '../write/schemas.js';
import { verifyOutput, type OutputField, type VerificationReport } from './verify-output.js';
import type { SourceText } from './grounding.js';

export { renderReport } from './render-report.js';

export interface DocumentFields {
  kind: 'digest' | 'card' | 'post' | 'digest item' | 'text';
  fields: OutputField[];
  /** Lines that state no fact to check: labels, confidence, tiers, source lists, topics. */
  meta: Array<{ path: string; text: string }>;
}

export interface DocumentReport extends VerificationReport {
  unchecked: Array<{ path: string; text: string }>;
}

type SectionRole = 'text' | 'header' | 'meta';

/** Section labels in English and Chinese → field name, and whether their body is checked. */
const SECTIONS: ReadonlyArray<{ key: string; role: SectionRole; labels: readonly string[] }> = [
  { key: 'keyPoints', role: 'text', labels: ['key points', '要点', '要點', '重点'] },
  { key: 'impact', role: 'text', labels: ['impact', '影响', '影響'] },
  { key: 'detailedAnalysis', role: 'header', labels: ['detailed analysis', '详细分析', '詳細分析', '深度分析'] },
  { key: 'tradeoffs', role: 'header', labels: ['trade-offs', 'tradeoffs', 'trade offs', '权衡', '取舍', '利弊'] },
  { key: 'pros', role: 'text', labels: ['pros', '优点', '優點', '优势'] },
  { key: 'cons', role: 'text', labels: ['cons', '缺点', '缺點', '劣势', '风险'] },
  { key: 'quickStart', role: 'text', labels: ['quick start', '快速上手', '快速开始'] },
  { key: 'recommendation', role: 'text', labels: ['recommendation', 'recommendations', '建议', '建議', '推荐'] },
  { key: 'summary', role: 'text', labels: ['summary', '摘要', '总结', '概要'] },
  { key: 'keyTakeaway', role: 'text', labels: ['key takeaway', 'key takeaways', '关键要点', '核心要点', '关键收获'] },
  { key: 'keyInsights', role: 'text', labels: ['key insights', 'key insight', '关键洞察', '核心洞察', '洞察'] },
  { key: 'principles', role: 'text', labels: ['principles', '原则', '原則'] },
  { key: 'inPractice', role: 'text', labels: ['in practice', '实践', '实践中', '实际应用'] },
  { key: 'confidence', role: 'meta', labels: ['confidence', '置信度', '可信度'] },
  { key: 'sources', role: 'meta', labels: ['sources', 'source', '来源', '信息来源', '資料來源'] },
  { key: 'topics', role: 'meta', labels: ['topics', 'tags', '主题', '话题', '标签'] },
  { key: 'bestFor', role: 'meta', labels: ['best for', '适合', '适合人群', '适用人群'] },
  { key: 'related', role: 'meta', labels: ['related', 'related on', '相关', '相关阅读'] },
];

const LABEL_INDEX = new Map<string, (typeof SECTIONS)[number]>();
for (const s of SECTIONS) for (const l of s.labels) LABEL_INDEX.set(l, s);
const LABEL_ALTERNATION = [...LABEL_INDEX.keys()]
  .sort((a, b) => b.length - a.length)
  .map((l) => l.replace(/[-]/g, '\\-'))
  .join('|');
// "Quick Start (5-15 minutes)", "Key Points: …", "Related on AIssential", "要点：…"
const LABEL_LINE = new RegExp(
  String.raw`^(${LABEL_ALTERNATION})(?:\s+on\s+\S.*)?\s*(?:[（(][^)）]*[)）])?\s*(?:[:：]\s*(.*))?$`,
  'i',
);
const BULLET = /^(?:[-*+•·‣▪◦]|\d{1,2}[.)、]|[（(]\d{1,2}[)）])\s+(.*)$/;
const TIER_LINE = /^(?:(?:\p{Extended_Pictographic}|\uFE0F)\s*)*L\d+\s*[-–—:：]\s*\S/u;
const META_LINES: readonly RegExp[] = [
  /^(?:中文|English|EN|ZH|简体|繁體)$/,
  /^\d{4}-\d{2}-\d{2}\b.{0,40}$/, // "2026-05-10 AI Summary", a date heading
  /^\d+\s*(?:updates?|stories|items|条(?:更新)?|则)$/i,
  /^(?:Editorial summary|Original article published by|编辑摘要)/i,
];
const TRAILING_TIER = /\s+L\d+$/;

interface Entry {
  text: string;
  bullet: boolean;
}

interface Section {
  key: string;
  role: SectionRole;
  label: string;
  entries: Entry[];
}

interface Item {
  headline: string | null;
  sections: Section[];
}

export function readDocument(document: string): DocumentFields {
  const lines = document.replace(/\r\n?/g, '\n').split('\n').map(cleanLine);
  const items: Item[] = [{ headline: null, sections: [] }];
  const meta: Array<{ path: string; text: string }> = [];
  let item = items[0]!;
  let section: Section | null = null;
  let entry: Entry | null = null;
  let sawLabel = false;
  let sawHeadline = false;

  const startSection = (key: string, role: SectionRole, label: string): Section => {
    const s: Section = { key, role, label, entries: [] };
    item.sections.push(s);
    return s;
  };
  const prefix = (): string => (sawHeadline ? `items[${items.indexOf(item)}].` : '');

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') {
      entry = null;
      continue;
    }
    if (META_LINES.some((re) => re.test(line)) || TIER_LINE.test(line)) {
      meta.push({ path: 'header', text: line });
      entry = null;
      continue;
    }
    // A digest headline is the line right before "Confidence: …".
    if (isConfidence(nextNonBlank(lines, i))) {
      if (sawHeadline || item.sections.length > 0 || item.headline !== null) {
        item = { headline: null, sections: [] };
        items.push(item);
      }
      sawHeadline = true;
      item.headline = line.replace(TRAILING_TIER, '');
      section = null;
      entry = null;
      continue;
    }
    const label = LABEL_LINE.exec(line);
    if (label && LABEL_INDEX.has(label[1]!.toLowerCase())) {
      const def = LABEL_INDEX.get(label[1]!.toLowerCase())!;
      sawLabel = true;
      section = startSection(def.key, def.role, label[1]!);
      entry = null;
      const inline = label[2]?.trim() ?? '';
      if (inline !== '') {
        if (def.role === 'meta') meta.push({ path: `${prefix()}${def.key}`, text: inline });
        else {
          entry = { text: inline, bullet: false };
          section.entries.push(entry);
        }
      }
      continue;
    }
    const bullet = BULLET.exec(line);
    if (section === null) section = startSection('paragraphs', 'text', '');
    if (bullet) {
      entry = { text: bullet[1]!.trim(), bullet: true };
      section.entries.push(entry);
    } else if (entry !== null) {
      entry.text += ` ${line}`; // a wrapped line continues its paragraph or bullet
    } else {
      entry = { text: line, bullet: false };
      section.entries.push(entry);
    }
  }

  const fields: OutputField[] = [];
  items.forEach((it, k) => {
    const pre = sawHeadline ? `items[${k}].` : '';
    if (it.headline !== null) fields.push({ path: `${pre}headline`, text: it.headline, heading: true });
    const seen = new Map<string, number>();
    for (const s of it.sections) {
      if (s.role === 'header') continue;
      // The first paragraph of an unlabelled document is its title when it reads like one.
      if (s.key === 'paragraphs' && !sawHeadline && fields.length === 0 && s === it.sections[0]) {
        const first = s.entries[0];
        if (first && !first.bullet && isTitleLike(first.text) && s.entries.length + it.sections.length > 1) {
          fields.push({ path: 'title', text: first.text, heading: true });
          s.entries.shift();
        }
      }
      const base = `${pre}${s.key}`;
      const offset = seen.get(base) ?? 0;
      seen.set(base, offset + s.entries.length);
      const indexed = s.entries.length > 1 || s.entries.some((e) => e.bullet) || offset > 0;
      s.entries.forEach((e, j) => {
        const path = indexed ? `${base}[${offset + j}]` : base;
        if (s.role === 'meta') meta.push({ path, text: e.text });
        else fields.push({ path, text: e.text });
      });
    }
  });
  const kind = sawHeadline ? 'digest' : sawLabel ? 'card' : 'text';
  return { kind, fields, meta };
}

function cleanLine(raw: string): string {
  return raw
    .replace(/^\s*>\s?/, '')
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/^\s*(\*\*|__)(.+?)\1\s*([:：]?)/, '$2$3')
    .replace(/\s+$/, '')
    .trim();
}

function nextNonBlank(lines: readonly string[], i: number): string {
  for (let k = i + 1; k < lines.length; k++) if (lines[k] !== '') return lines[k]!;
  return '';
}

function isConfidence(line: string): boolean {
  return /^(?:confidence|置信度|可信度)\s*[:：]/i.test(line);
}

function isTitleLike(text: string): boolean {
  return text.length <= 160 && !/[.!?。！？]$/.test(text);
}

export function verifyDocument(document: string, sources: readonly SourceText[]): DocumentReport {
  return verifyFields(readDocument(document), sources);
}

export function verifyFields(doc: DocumentFields, sources: readonly SourceText[]): DocumentReport {
  return { ...verifyOutput(doc.fields, sources), unchecked: doc.meta };
}

const TIDINGS_SHAPES = [
  ['digest', digestSchema],
  ['card', cardSchema],
  ['post', postSchema],
  ['digest item', digestItemSchema],
] as const;

/**
 * Tidings' own JSON output (a digest, one digest item, a card or a post) read into the fields its
 * writer verified, with the same paths; its sources listed as unchecked metadata. Null when the
 * text is not a JSON object (then it is read as a document). A JSON object of another shape, or of
 * another schema version, is a failure that says which.
 */
export function readTidingsJson(document: string): Result<DocumentFields> | null {
  const text = document.trim();
  if (!text.startsWith('{')) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  for (const [kind, schema] of TIDINGS_SHAPES) {
    const parsed = schema.safeParse(value);
    if (!parsed.success) continue;
    const output = parsed.data;
    const refs =
      'tiers' in output
        ? output.tiers.flatMap((t) => t.items.flatMap((i) => i.sources))
        : 'sources' in output
          ? output.sources
          : 'credits' in output
            ? output.credits
            : [output.source];
    const meta = refs.map((r, i) => ({
      path: `sources[${i}]`,
      text: [r.articleId, r.outlet, r.url].filter(Boolean).join('  '),
    }));
    return ok({ kind, fields: outputFields(output), meta });
  }
  const version =
    value !== null && typeof value === 'object' && 'schemaVersion' in value
      ? (value as { schemaVersion: unknown }).schemaVersion
      : undefined;
  if (version !== undefined && version !== SCHEMA_VERSION) {
    return fail(
      'bad_input',
      `a Tidings output of schema version ${String(version)}; this Tidings reads version ${SCHEMA_VERSION} (write it again, or verify its Markdown)`,
    );
  }
  return fail(
    'bad_input',
    'JSON, but not a Tidings digest, digest item, card or post: give the Markdown or text to verify it as a document',
  );
}
