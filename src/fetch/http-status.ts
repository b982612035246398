// HTTP status codes and low-level network errors -> Failures with stable codes and plain messages.
// Pure: status, headers and error values in, Failure out.
import { fail, type Failure } from '../errors.js';

/**
 * The Failure for a final (non-redirect, non-304) status, or null for 2xx. A 429 or 5xx that sent
 * Retry-After carries it (`retryAfterOf`), so a poller can wait as long as the server asked.
 */
export function failureForStatus(url: string, status: number, retryAfter: string | null): Failure | null {
  if (status >= 200 && status < 300) return null;
  const wait = retryAfter === null ? '' : `; the server asks to retry after ${describeRetryAfter(retryAfter)}`;
  if (status === 404 || status === 410) return fail('not_found', `${url} was not found (HTTP ${status})`, url);
  if (status === 429)
    return withRetryAfter(
      fail('rate_limited', `${url} refused the request as too many requests (HTTP 429)${wait}`, url),
      retryAfter,
    );
  if (status >= 500 && status < 600)
    return withRetryAfter(
      fail('server_error', `${url} failed on the server side (HTTP ${status})${wait}`, url),
      retryAfter,
    );
  return fail('http_error', `${url} answered HTTP ${status}, which is not a success`, url);
}

/** A failure whose server said when to come back (the Retry-After header as sent). */
export interface RetryAfterFailure extends Failure {
  readonly retryAfter: string;
}

function withRetryAfter(failure: Failure, retryAfter: string | null): Failure {
  if (retryAfter === null) return failure;
  const carried: RetryAfterFailure = { ...failure, retryAfter };
  return carried;
}

/** The Retry-After header a failed fetch was answered with, or null. */
export function retryAfterOf(failure: Failure): string | null {
  const value = (failure as Partial<RetryAfterFailure>).retryAfter;
  return typeof value === 'string' ? value : null;
}

/** '120' -> '120 seconds'; an HTTP date is passed through as written. */
export function describeRetryAfter(value: string): string {
  const trimmed = value.trim();
  return /^\d+$/.test(trimmed) ? `${trimmed} second${trimmed === '1' ? '' : 's'}` : trimmed;
}

/** Node socket and DNS error codes -> a plain-words network failure. */
export function failureForNetworkError(url: string, error: unknown): Failure {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const detail = error instanceof Error ? error.message : String(error);
  const cause = NETWORK_CAUSES[code] ?? `the connection failed (${detail})`;
  return fail('network_error', `${url} could not be fetched: ${cause}`, url);
}

const NETWORK_CAUSES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused (nothing listens on that port)',
  ENOTFOUND: 'the host name could not be resolved (DNS)',
  EAI_AGAIN: 'the host name could not be resolved right now (temporary DNS failure)',
  ECONNRESET: 'the connection was reset by the server',
  EPIPE: 'the connection was closed by the server while sending',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  HPE_INVALID_CONSTANT: 'the server did not answer with valid HTTP',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate does not match the host name',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
};
