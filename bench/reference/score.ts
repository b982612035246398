// Agreement with the independent metadata reference (bench/reference/README.md): the labels in
// readability-metadata-a.json / -b.json, written by hand from each page's source, which neither
// Tidings nor Readability.js produced. Used by bench/readability-suite.ts.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REFERENCE_FIELDS = ['title', 'byline', 'siteName', 'publishedTime'] as const;
export type ReferenceField = (typeof REFERENCE_FIELDS)[number];

export interface ReferenceLabel {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  note?: string;
}

export interface Reference {
  readonly labels: ReadonlyMap<string, ReferenceLabel>;
  /** The file each page's label came from. */
  readonly fileOf: ReadonlyMap<string, string>;
  /** The label files that were found (file names). */
  readonly files: readonly string[];
}

const FILES = ['readability-metadata-a.json', 'readability-metadata-b.json'];

/** The labels of every reference file present in `dir`; a label with a field that is not a string or null is an error naming it. */
export function loadReference(dir: string): Reference {
  const labels = new Map<string, ReferenceLabel>();
  const files: string[] = [];
  const fileOf = new Map<string, string>();
  for (const file of FILES) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    files.push(file);
    const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, unknown>>;
    for (const [page, label] of Object.entries(data)) {
      for (const f of REFERENCE_FIELDS) {
        const v = label[f];
        if (v !== null && typeof v !== 'string')
          throw new Error(`${file}: page "${page}": ${f} is ${JSON.stringify(v)}, not a string or null`);
      }
      if (labels.has(page)) throw new Error(`${file}: page "${page}" is labelled twice`);
      labels.set(page, label as unknown as ReferenceLabel);
      fileOf.set(page, file);
    }
  }
  return { labels, files, fileOf };
}

/** NFKC, typographic quotes and dashes as ASCII, whitespace collapsed, case and one trailing full stop ignored. */
export function normaliseLabelText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″«»]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;:]$/, '')
    .toLowerCase();
}

/**
 * The set of names in a byline: split at commas, semicolons, "&", " and ", " et ", " y ", "、" and
 * line breaks; a leading "by"/"par"/"von" and an "@" handle mark dropped from each.
 */
export function bylineNames(s: string): Set<string> {
  return new Set(
    normaliseLabelText(s)
      .split(/\s*(?:[,;&\n、，]|\band\b|\bet\b|\by\b|\bund\b)\s*/u)
      .map((n) =>
        n
          .replace(/^(?:by|par|von|por|posted by|written by):?\s+/, '')
          .replace(/^@/, '')
          .trim(),
      )
      .filter((n) => n !== ''),
  );
}

interface Instant {
  readonly ms: number;
}
interface Day {
  readonly day: string;
}

/**
 * An ISO-like date: a bare day is a Day; a date-time is an Instant (seconds precision, fractions
 * dropped), read in UTC when it carries no zone. Other forms go to Date.parse. Null when unreadable.
 */
export function readWhen(s: string): Instant | Day | null {
  const t = s.trim();
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (day !== null) return { day: t };
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(t);
  if (m !== null) {
    const [, y, mo, d, h, mi, sec, zone] = m;
    let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec ?? 0));
    if (zone !== undefined && zone.toUpperCase() !== 'Z') {
      const z = /([+-])(\d{2}):?(\d{2})/.exec(zone)!;
      const offset = (Number(z[2]) * 60 + Number(z[3])) * 60_000 * (z[1] === '-' ? 1 : -1);
      ms += offset;
    }
    return Number.isNaN(ms) ? null : { ms };
  }
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? null : { ms: Math.floor(ms / 1000) * 1000 };
}

/**
 * A date agrees at the reference's precision: a reference day is the day the tool writes (its first
 * ten characters, YYYY-MM-DD, when it writes that form; else the UTC day of the instant it reads
 * as); a reference instant is the same second. A tool's bare day does not reach an instant.
 */
export function sameWhen(reference: string, got: string): boolean {
  const r = readWhen(reference);
  const g = readWhen(got);
  if (r === null || g === null) return false;
  if ('day' in r) {
    if ('day' in g) return g.day === r.day;
    const written = /^\d{4}-\d{2}-\d{2}/.exec(got.trim());
    return (written !== null ? written[0] : new Date(g.ms).toISOString().slice(0, 10)) === r.day;
  }
  return 'ms' in g && Math.floor(g.ms / 1000) === Math.floor(r.ms / 1000);
}

/** Whether a tool's value agrees with the reference's (both non-empty). */
export function agreesWithReference(field: ReferenceField, reference: string, got: string | null): boolean {
  if (got === null || got.trim() === '') return false;
  if (field === 'publishedTime') return sameWhen(reference, got);
  if (field === 'byline') {
    const r = bylineNames(reference);
    const g = bylineNames(got);
    return r.size === g.size && [...r].every((n) => g.has(n));
  }
  return normaliseLabelText(reference) === normaliseLabelText(got);
}

export interface FieldTally {
  /** Pages whose reference has a value, and how many of them the tool gave the same value. */
  valued: number;
  agreed: number;
  /** Pages whose reference is null, and how many of them the tool also gave nothing. */
  empty: number;
  keptEmpty: number;
}

export type Readings = ReadonlyMap<string, Partial<Record<ReferenceField, string | null>>>;

/** Per field: agreement where the reference has a value, and silence where it has none. */
export function tallyAgainstReference(reference: Reference, readings: Readings): Record<ReferenceField, FieldTally> {
  const out = Object.fromEntries(
    REFERENCE_FIELDS.map((f) => [f, { valued: 0, agreed: 0, empty: 0, keptEmpty: 0 }]),
  ) as Record<ReferenceField, FieldTally>;
  for (const [page, label] of reference.labels) {
    const got = readings.get(page);
    if (got === undefined) continue;
    for (const f of REFERENCE_FIELDS) {
      const want = label[f];
      const value = got[f] ?? null;
      const t = out[f];
      if (want !== null && want.trim() !== '') {
        t.valued++;
        if (agreesWithReference(f, want, value)) t.agreed++;
      } else {
        t.empty++;
        if (value === null || value.trim() === '') t.keptEmpty++;
      }
    }
  }
  return out;
}
