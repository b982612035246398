// Options several commands share, checked where commander parses them: a malformed value is a
// usage error (exit 2, like an unknown flag), named with the flag and the value, before any store
// is opened. "Usage" means the command line itself is wrong; a well-formed value that finds
// nothing (a day with no coverage, an unknown id) is a failed input (exit 1).

import { InvalidArgumentError, Option } from 'commander';
import { isCalendarDay, isIsoDateTime } from '../server/api-params.js';

/**
 * A calendar day flag (`--date`): YYYY-MM-DD, a real day. With `orTime`, an ISO 8601 date-time
 * with a zone is also taken (`--since 2026-03-02T08:00Z`), as the API's `since` takes it.
 */
export function dayOption(flags: string, description: string, { orTime = false } = {}): Option {
  return new Option(flags, description).argParser((value: string) => {
    if (isCalendarDay(value) || (orTime && isIsoDateTime(value))) return value;
    throw new InvalidArgumentError(
      `"${value}" is not a date (use YYYY-MM-DD${orTime ? ', or an ISO 8601 date-time with a zone' : ''})`,
    );
  });
}

/** A count flag (`--limit`, `--concurrency`): a whole number from 1 up. */
export function countOption(flags: string, description: string, fallback?: number): Option {
  const option = new Option(flags, description).argParser((value: string) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1)
      throw new InvalidArgumentError(`"${value}" is not a whole number of at least 1`);
    return n;
  });
  return fallback === undefined ? option : option.default(fallback);
}
