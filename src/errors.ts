// Errors are values with stable codes. A "no" (bad input, unreachable host) is a Failure returned
// to the caller; a bug is a throw. EXIT_CODES maps every code to a CLI exit code: adding a code
// without a mapping fails to compile; so does HTTP_STATUS, its status over HTTP.

export const ERROR_CODES = [
  'bad_input', // the input is malformed: bad XML/HTML/JSON/YAML, wrong shape
  'empty_input', // the input has nothing to read
  'binary_input', // the input is not text
  'too_large', // the input exceeds a size cap
  'bad_encoding', // the bytes cannot be decoded as text
  'not_found', // 404, a missing file, an unknown id
  'http_error', // another non-success HTTP status
  'rate_limited', // 429
  'server_error', // 5xx
  'timeout', // the request or read took too long
  'network_error', // DNS, connection refused, reset
  'redirect_loop', // too many redirects, or a cycle
  'blocked_address', // loopback/private address not explicitly allowed
  'robots_disallowed', // robots.txt forbids the URL
  'unsupported', // a format or scheme we do not read
  'no_content', // a page with no extractable article text
  'store_error', // the database refused
  'config_error', // a bad configuration file or environment value
  'usage_error', // the command line itself is wrong: a flag value that is not one, arguments that do not go together
  'internal_error', // a bug met while processing one item; the run goes on
  'budget_exhausted', // the run's model budget (cost or tokens) is spent; no further model calls
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Failure {
  readonly ok: false;
  readonly code: ErrorCode;
  /** Names the input and the cause, in plain words. */
  readonly message: string;
  /** The item (URL, file, feed entry) the failure is about. */
  readonly subject?: string;
}

export interface Success<T> {
  readonly ok: true;
  readonly value: T;
}

export type Result<T> = Success<T> | Failure;

export const ok = <T>(value: T): Success<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string, subject?: string): Failure =>
  subject === undefined ? { ok: false, code, message } : { ok: false, code, message, subject };

/** Process exit codes: 0 success, 1 some items failed, 2 usage/config, 3 store (and CRASH_EXIT_CODE for a crash). */
export const EXIT_CODES = {
  bad_input: 1,
  empty_input: 1,
  binary_input: 1,
  too_large: 1,
  bad_encoding: 1,
  not_found: 1,
  http_error: 1,
  rate_limited: 1,
  server_error: 1,
  timeout: 1,
  network_error: 1,
  redirect_loop: 1,
  blocked_address: 1,
  robots_disallowed: 1,
  unsupported: 1,
  no_content: 1,
  store_error: 3,
  config_error: 2,
  usage_error: 2,
  internal_error: 1,
  budget_exhausted: 1,
} as const satisfies Record<ErrorCode, number>;

/**
 * The exit code of a crash: a bug that escaped every item boundary (a throw, a stack overflow, an
 * unhandled rejection). 70 is EX_SOFTWARE in sysexits.h; it is never the exit of a run whose items
 * merely failed (1), so a scheduler can tell "some inputs were bad" from "the program is broken".
 */
export const CRASH_EXIT_CODE = 70;

/**
 * HTTP status when a failure is answered over HTTP (`tidings serve`'s API). Failures met while
 * reading upstream (fetch codes) become gateway errors; the store failing is 503 (try again).
 */
export const HTTP_STATUS = {
  bad_input: 400,
  empty_input: 404,
  binary_input: 415,
  too_large: 413,
  bad_encoding: 400,
  not_found: 404,
  http_error: 502,
  rate_limited: 429,
  server_error: 502,
  timeout: 504,
  network_error: 502,
  redirect_loop: 502,
  blocked_address: 403,
  robots_disallowed: 403,
  unsupported: 400,
  no_content: 404,
  store_error: 503,
  config_error: 500,
  usage_error: 400,
  internal_error: 500,
  budget_exhausted: 503,
} as const satisfies Record<ErrorCode, number>;

/** Exhaustiveness check for switches over unions. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}
