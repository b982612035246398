// A source's polling interval as `sources.yaml` writes it (`every:`): a bare number is minutes
// (`every: 30`), or a number with a unit, `s`, `m`/`min`, `h` or `d` (`every: 2h`, `every: "90s"`).
// At least one minute (a source polled more often than that is being hammered, not watched) and at
// most seven days.

export const MIN_EVERY_MS = 60_000;
export const MAX_EVERY_MS = 7 * 24 * 3600_000;

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, min: 60_000, h: 3600_000, d: 24 * 3600_000 };

export const EVERY_EXPECTED =
  'expected minutes as a number (30) or a time such as "90s", "30m", "2h", "1d", from 1 minute to 7 days';
const bad = (what: string): { ok: false; reason: string } => ({ ok: false, reason: `${what}; ${EVERY_EXPECTED}` });

/** The interval in milliseconds, or a plain-words reason it is not one. */
export function parseEvery(value: unknown): { ok: true; ms: number } | { ok: false; reason: string } {
  let ms: number;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return bad(`${value} is not a number of minutes`);
    ms = value * 60_000;
  } else if (typeof value === 'string') {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(s|m|min|h|d)?\s*$/i.exec(value);
    if (match === null) return bad(`"${value}" is not a time`);
    ms = Number(match[1]) * UNIT_MS[(match[2] ?? 'm').toLowerCase()]!;
  } else {
    return bad(value === null ? 'no value' : `a ${Array.isArray(value) ? 'list' : typeof value} is not a time`);
  }
  if (ms < MIN_EVERY_MS) return bad(`${JSON.stringify(value)} is less than 1 minute`);
  if (ms > MAX_EVERY_MS) return bad(`${JSON.stringify(value)} is more than 7 days`);
  return { ok: true, ms: Math.round(ms) };
}

/** `every:` of an entry already checked by the registry's schema, in milliseconds; null when absent. */
export function everyMs(value: number | string | undefined): number | null {
  if (value === undefined) return null;
  const parsed = parseEvery(value);
  return parsed.ok ? parsed.ms : null;
}
