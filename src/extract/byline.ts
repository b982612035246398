// The byline line that text and Markdown articles (and some pages) put under the title:
// "By Jane Doe · Example Notes · 10 May 2026", "算力前哨 ｜ 作者：林潇 ｜ 2026-05-10",
// "Example Notes — May 10, 2026". It is metadata, not body: read it, then drop it.

import { normaliseDate } from './metadata.js';

export interface BylineLine {
  /** The author ("By X", "作者：X"), else the line's name part (an outlet writing as itself). */
  readonly byline: string | null;
  /** YYYY-MM-DD when the line carries an unambiguous date. */
  readonly published: string | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})\s+${MONTH},?\s+(\d{4})$`, 'i');
const MONTH_DAY_YEAR = new RegExp(String.raw`^${MONTH}\s+(\d{1,2}),?\s+(\d{4})$`, 'i');

const pad = (n: number): string => String(n).padStart(2, '0');

function ymd(y: string, monthName: string, d: string): string | null {
  const m = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  const day = Number(d);
  if (m === 0 || day < 1 || day > 31) return null;
  return `${y}-${pad(m)}-${pad(day)}`;
}

/** A date written alone ("10 May 2026", "May 10, 2026", "2026-05-10", "2026年5月10日"), as YYYY-MM-DD. */
export function bylineDate(part: string): string | null {
  const s = part.trim().replace(/^(?:updated|published|posted|发布于|发布时间|更新于)[:：]?\s*/i, '');
  const dmy = DAY_MONTH_YEAR.exec(s);
  if (dmy !== null) return ymd(dmy[3]!, dmy[2]!, dmy[1]!);
  const mdy = MONTH_DAY_YEAR.exec(s);
  if (mdy !== null) return ymd(mdy[3]!, mdy[1]!, mdy[2]!);
  if (
    /^\d{4}\s*(?:-\d{1,2}-\d{1,2}|\/\d{1,2}\/\d{1,2}|\.\d{1,2}\.\d{1,2}|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?:\s+\d{1,2}:\d{2})?$/.test(
      s,
    )
  ) {
    return normaliseDate(s.replace(/\s+\d{1,2}:\d{2}$/, ''))?.slice(0, 10) ?? null;
  }
  return null;
}

const AUTHOR_EN =
  /^(?:By|BY|by)\s+(\p{Lu}[\p{L}\p{M}’'.-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}’'.-]*|and|&|de|van|von|der|la|le)){0,6})$/u;
const AUTHOR_ZH = /^(?:作者|文|撰文|记者|编译|来源作者)\s*[：:|｜/]?\s*(\S.{0,20})$/u;
/** A short name: an outlet or a person, no clause punctuation. */
const NAME_PART =
  /^(?:[\p{Lu}\d@][\p{L}\p{M}\d’'.&@-]*(?:\s+(?:[\p{Lu}\d&][\p{L}\p{M}\d’'.&-]*|of|the|and|for|on|de)){0,6}|[\p{Script=Han}A-Za-z\d ·]{2,16})$/u;
const SEPARATORS = /\s+[·•|｜—–-]\s+|\s*[·•|｜]\s*/u;

/**
 * Reads a paragraph as a byline line; null when it is not one. A byline line is short, is cut
 * into at most four parts, and each part is an author ("By X", "作者：X"), a date, or a short name;
 * it names an author or carries a date (a lone name could be a subheading).
 */
export function readBylineLine(paragraph: string): BylineLine | null {
  const line = paragraph.replace(/^[*_\s]+|[*_\s]+$/g, '').trim();
  if (line === '' || line.length > 160 || /[!?。！？]$|\p{Ll}\.$/u.test(line)) return null;
  const parts = line
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0 || parts.length > 4) return null;
  let author: string | null = null;
  let date: string | null = null;
  let name: string | null = null;
  for (const part of parts) {
    const en = AUTHOR_EN.exec(part);
    const zh = en === null ? AUTHOR_ZH.exec(part) : null;
    const d = bylineDate(part);
    if (en !== null || zh !== null) {
      if (author !== null) return null;
      author = (en?.[1] ?? zh?.[1] ?? '').trim();
    } else if (d !== null) {
      if (date !== null) return null;
      date = d;
    } else if (NAME_PART.test(part) && part.split(/\s+/).length <= 7) {
      name ??= part;
    } else {
      return null;
    }
  }
  if (author === null && date === null) return null;
  // "Name — date" alone needs a separator: a single part that is only a date is a dateline, kept.
  if (author === null && parts.length < 2) return null;
  return { byline: author ?? name, published: date };
}

/** Paragraphs at the top searched for a byline line (after the title, before the lede). */
const BYLINE_WINDOW = 2;

/** Finds and removes the byline line among the first paragraphs. */
export function takeBylineLine(paragraphs: readonly string[]): { line: BylineLine | null; paragraphs: string[] } {
  for (let i = 0; i < Math.min(BYLINE_WINDOW, paragraphs.length - 1); i++) {
    const line = readBylineLine(paragraphs[i]!);
    if (line !== null) return { line, paragraphs: paragraphs.filter((_, k) => k !== i) };
  }
  return { line: null, paragraphs: [...paragraphs] };
}
