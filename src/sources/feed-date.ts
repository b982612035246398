// Normalises the dates feeds carry to ISO 8601 UTC ("2026-05-10T00:30:00.000Z", Date#toISOString).
// Accepted: ISO 8601 / RFC 3339, RFC 822 / 1123 (named zones such as GMT, EST, PDT, military letters),
// zone-less "2026-05-10 08:30:00" and "2026/5/10 8:30", and Chinese "2026年5月10日 08:30".
// A date with no zone is read as UTC, except in a feed whose language is Chinese (zh*), where it is
// read as China time (UTC+8): Chinese sites publish local times without a zone. For the same reason
// "CST" means China Standard Time (+08:00) in a zh feed and US Central (-06:00) otherwise.

const NAMED_ZONES: Readonly<Record<string, number>> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  BST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  IST: 330,
  SGT: 480,
  HKT: 480,
  AWST: 480,
  JST: 540,
  KST: 540,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
};

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const CHINA_OFFSET = 480; // minutes east of UTC

export interface FeedDateContext {
  /** The feed's or item's declared language (e.g. "zh-cn"), which decides the default zone. */
  readonly language?: string | null;
}

/** Returns the ISO 8601 UTC form of a feed date, or null if the text is not a date we can read. */
export function normalizeFeedDate(raw: string, context: FeedDateContext = {}): string | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  const chinese = isChinese(context.language);
  const defaultOffset = chinese ? CHINA_OFFSET : 0;

  const zh = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?: ?(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/.exec(text);
  if (zh) return build(num(zh[1]), num(zh[2]), num(zh[3]), num(zh[4]), num(zh[5]), num(zh[6]), 0, defaultOffset);

  const iso =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)? ?(Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{1,5})?$/.exec(
      text,
    );
  if (iso) {
    const offset = iso[8] === undefined ? defaultOffset : zoneOffset(iso[8], chinese);
    if (offset === null) return null;
    const ms = iso[7] === undefined ? 0 : Math.round(Number(`0.${iso[7]}`) * 1000);
    return build(num(iso[1]), num(iso[2]), num(iso[3]), num(iso[4]), num(iso[5]), num(iso[6]), ms, offset);
  }

  // RFC 822: optional weekday (ignored: feeds often get it wrong), 2- or 4-digit year, optional seconds.
  const rfc =
    /^(?:[A-Za-z]{3,9}\.?,? ?)?(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4}|\d{2})(?!\d)(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?(?: ?(.+))?$/.exec(
      text,
    );
  if (rfc) {
    const month = MONTHS[(rfc[2] ?? '').slice(0, 3).toLowerCase()];
    if (month === undefined) return null;
    const zone = rfc[7]?.replace(/^\(|\)$/g, '');
    const offset = zone === undefined ? defaultOffset : zoneOffset(zone, chinese);
    if (offset === null) return null;
    let year = num(rfc[3]);
    if ((rfc[3] ?? '').length === 2) year += year < 50 ? 2000 : 1900;
    return build(year, month, num(rfc[1]), num(rfc[4]), num(rfc[5]), num(rfc[6]), 0, offset);
  }
  return null;
}

function isChinese(language: string | null | undefined): boolean {
  return typeof language === 'string' && /^zh\b/i.test(language.trim());
}

function num(s: string | undefined): number {
  return s === undefined ? 0 : Number(s);
}

/** Minutes east of UTC for "+0800", "+08:00", "-05", "Z", "GMT", "EST", "GMT+8", or null if unknown. */
function zoneOffset(zone: string, chinese: boolean): number | null {
  const z = zone.trim().toUpperCase();
  const numeric = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (numeric) {
    const minutes = num(numeric[2]) * 60 + num(numeric[3]);
    if (minutes > 14 * 60) return null;
    return numeric[1] === '-' ? -minutes : minutes;
  }
  if (z === 'CST' && chinese) return CHINA_OFFSET;
  const named = NAMED_ZONES[z];
  if (named !== undefined) return named;
  // RFC 2822 says military letters carry no reliable offset and are to be read as UTC.
  if (/^[A-IK-Y]$/.test(z)) return 0;
  return null;
}

function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  offsetMin: number,
): string | null {
  if (y < 1970 || y > 2999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const local = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
  // Reject dates that roll over, such as 31 February.
  if (new Date(local).getUTCDate() !== d) return null;
  return new Date(local - offsetMin * 60_000).toISOString();
}
