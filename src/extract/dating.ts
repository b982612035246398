// Where an article's day comes from, best evidence first: the page's (or file's) own metadata, the
// feed that listed it, a date in its address (/2026/03/09/), a visible dateline near the title
// ("March 9, 2026", "2026年03月09日 10:32 来源：…"), and only then the time it was first seen.
// Pure: strings in, a YYYY-MM-DD or null out; the clock is the caller's (see `notAfter`).

/** What dated an article. 'seen': nothing did; its day is the day it was first seen (ingested). */
export const DATE_SOURCES = ['page', 'feed', 'url', 'dateline', 'seen'] as const;
export type DateSource = (typeof DATE_SOURCES)[number];

/** Earlier years are not news dates (a founding year, a citation), whatever the text says. */
const MIN_YEAR = 1990;

const pad = (n: number): string => String(n).padStart(2, '0');

/** YYYY-MM-DD when the day exists (no 30 February, no month 13, no year before 1990), else null. */
export function calendarDay(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < MIN_YEAR || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > last ? null : `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Whether a date (YYYY-MM-DD or ISO date-time) is not after `seen`'s day, with one day of slack:
 * a page dated in Beijing or Tokyo is a calendar day ahead of UTC for part of the day. A date later
 * than that is a typo or a scheduled event, not when the article was published.
 */
export function notAfter(date: string, seen: Date): boolean {
  const limit = new Date(Date.UTC(seen.getUTCFullYear(), seen.getUTCMonth(), seen.getUTCDate() + 1))
    .toISOString()
    .slice(0, 10);
  return date.slice(0, 10) <= limit;
}

/**
 * The day in a web address's path: /2026/03/09/, /2026-03-09-title, /2026-03/09/ (Xinhua),
 * /2026/0309/ (People's Daily), /20260309/. The query and fragment are not read; a month
 * without a day (/2026/03/) is not a day.
 */
export function urlDate(url: string): string | null {
  let path: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    path = u.pathname;
  } catch {
    return null;
  }
  const forms: ReadonlyArray<RegExp> = [
    /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?=\/|$|[-_.])/, // /2026/03/09/
    /\/((?:19|20)\d{2})-(\d{2})\/(\d{2})(?=\/|$)/, // /2026-03/09/
    /\/((?:19|20)\d{2})\/(\d{2})(\d{2})(?=\/|$)/, // /2026/0309/
    /(?:^|[/_-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?=$|[/_.-])/, // /2026-03-09-title
    /(?:^|\/|[a-z]_?)((?:19|20)\d{2})(\d{2})(\d{2})(?=\/|$|[_.-])/i, // /20260309/, /t20260309_123.html
  ];
  for (const form of forms) {
    const m = form.exec(path);
    if (m === null) continue;
    const day = calendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
    if (day !== null) return day;
  }
  return null;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;

/** The date forms a dateline is written in, each read to [year, month, day]. */
const DATE_FORMS: ReadonlyArray<{ re: RegExp; read: (m: RegExpExecArray) => [number, number, number] }> = [
  {
    re: new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'i'),
    read: (m) => [Number(m[3]), monthNumber(m[1]!), Number(m[2])],
  },
  {
    re: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH},?\s+(\d{4})\b`, 'i'),
    read: (m) => [Number(m[3]), monthNumber(m[2]!), Number(m[1])],
  },
  { re: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/, read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  {
    re: /(?<![\d.])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d.])/,
    read: (m) => [Number(m[1]), Number(m[3]), Number(m[4])],
  },
];

function monthNumber(name: string): number {
  return MONTH_NAMES.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** The first date written in `text` that is a real day, with where it was written. */
function firstDate(text: string): { day: string; index: number; length: number } | null {
  let best: { day: string; index: number; length: number } | null = null;
  for (const form of DATE_FORMS) {
    const m = form.re.exec(text);
    if (m === null) continue;
    const [y, mo, d] = form.read(m);
    const day = calendarDay(y, mo, d);
    if (day !== null && (best === null || m.index < best.index)) best = { day, index: m.index, length: m[0].length };
  }
  return best;
}

/** Lines longer than this are prose, not a dateline. */
const MAX_DATELINE_CHARS = 160;
/** What may stand beside the date on a dateline: a name, a source, a time, "Updated". */
const MAX_OTHER_WORDS = 12;
const MAX_OTHER_HAN = 40;

/**
 * A line that is a date with a little metadata around it ("March 9, 2026", "Updated: Mar. 9, 2026
 * 3:45 p.m. ET", "2026年03月09日 10:32　来源：新华网"), never a sentence that mentions a date.
 */
function metadataLineDate(line: string): string | null {
  return metadataLineMoment(line)?.slice(0, 10) ?? null;
}

/** The time written right after a dateline's date ("2012年01月17日 08:30", "March 9, 2026 3:45 p.m."). */
function timeAfter(rest: string): string | null {
  const m = /^\s*(?:at\s+|[,，]\s*)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?\.?m?\.?(?![\d:])/i.exec(rest);
  if (m === null) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const sec = m[3] === undefined ? 0 : Number(m[3]);
  if (m[4] !== undefined) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (m[4].toLowerCase() === 'p' ? 12 : 0);
  }
  if (h > 23 || min > 59 || sec > 59) return null;
  return `${pad(h)}:${pad(min)}:${pad(sec)}`;
}

/** metadataLineDate with the time of day when the line gives one: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS (the page's local time). */
function metadataLineMoment(line: string): string | null {
  if (line.length > MAX_DATELINE_CHARS) return null;
  const found = firstDate(line);
  if (found === null) return null;
  // A sentence ends with a full stop after a word ("…was founded on March 9, 1998."): not a dateline.
  if (/[!?。！？]$|(?:\p{Ll}{2,}|\d{4})\.$/u.test(line.trim())) return null;
  const rest = `${line.slice(0, found.index)} ${line.slice(found.index + found.length)}`.trim();
  const han = (rest.match(/\p{Script=Han}/gu) ?? []).length;
  const words = rest
    .replace(/\p{Script=Han}/gu, ' ')
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w)).length;
  if (han > MAX_OTHER_HAN || words > MAX_OTHER_WORDS) return null;
  const time = timeAfter(line.slice(found.index + found.length));
  return time === null ? found.day : `${found.day}T${time}`;
}

/**
 * A wire or press-release lead: "SAN FRANCISCO, March 9, 2026 /PRNewswire/ -- …", "BEIJING,
 * March 9, 2026 — …", "新华社北京2026年3月9日电 …": the date opens the paragraph, after at most a
 * place name, and a separator or 电/讯 follows it.
 */
function leadDate(paragraph: string): string | null {
  const found = firstDate(paragraph.slice(0, 80));
  if (found === null) return null;
  const before = paragraph.slice(0, found.index);
  const after = paragraph.slice(found.index + found.length);
  const placeEn =
    /^(?:\p{Lu}[\p{L}.'’ -]{1,40}(?:,\s*\p{Lu}[\p{L}.'’ -]{1,30})?,\s*)?$/u.test(before) &&
    (before === '' || before === before.toUpperCase() || before.length < 30);
  if (placeEn && /^\s*(?:[-–—]|\/|\(|\|)/.test(after)) return found.day;
  if (/^[\p{Script=Han}（(]{0,14}$/u.test(before) && /^\s*(?:电|讯|消息)/u.test(after)) return found.day;
  return null;
}

/** Paragraphs at the top of an article read for a dateline. */
export const DATELINE_WINDOW = 4;

/**
 * The date of the visible dateline among the first paragraphs (a line of its own, or a wire lead
 * of the first two), or null. Only the top of an article is read: a date deeper in the text is
 * something the article is about.
 */
export function datelineDate(paragraphs: readonly string[]): string | null {
  const top = paragraphs.slice(0, DATELINE_WINDOW);
  for (const [i, p] of top.entries()) {
    const text = p.replace(/\s+/g, ' ').trim();
    const day = metadataLineDate(text) ?? (i < 2 ? leadDate(text) : null);
    if (day !== null) return day;
  }
  return null;
}

/**
 * The date of a dateline among the short lines beside a page's headline (its header, a "meta"
 * line): the first that is a date with a little metadata around it, never a sentence.
 */
export function datelineNearTitle(lines: readonly string[]): string | null {
  return datelineMomentNearTitle(lines)?.slice(0, 10) ?? null;
}

/** datelineNearTitle with the time of day when the dateline gives one (the page's local time, no zone). */
export function datelineMomentNearTitle(lines: readonly string[]): string | null {
  for (const line of lines) {
    const moment = metadataLineMoment(line.replace(/\s+/g, ' ').trim());
    if (moment !== null) return moment;
  }
  return null;
}

export interface DateEvidence {
  /** The page's or file's own date (metadata, front matter), ISO. */
  readonly page: string | null;
  /** The date the feed gave the item, ISO. */
  readonly feed: string | null;
  /** Addresses the article is known by (where it was read, its canonical link), best first. */
  readonly urls: readonly string[];
  /** A visible dateline's date (YYYY-MM-DD). */
  readonly dateline: string | null;
  /** When it was first seen: evidence dated after this day (plus a day) is not believed. */
  readonly seen: Date;
}

/**
 * The article's date and what gave it, best evidence first. The page's and feed's own dates are
 * kept as they come (a time of day, a zone); a URL or a dateline gives a day. null with 'seen':
 * nothing dates it, and its day is the day it was first seen.
 */
export function dateArticle(e: DateEvidence): { published: string | null; dateSource: DateSource } {
  if (e.page !== null) return { published: e.page, dateSource: 'page' };
  if (e.feed !== null) return { published: e.feed, dateSource: 'feed' };
  for (const url of e.urls) {
    const day = urlDate(url);
    if (day !== null && notAfter(day, e.seen)) return { published: day, dateSource: 'url' };
  }
  if (e.dateline !== null && notAfter(e.dateline, e.seen)) return { published: e.dateline, dateSource: 'dateline' };
  return { published: null, dateSource: 'seen' };
}
