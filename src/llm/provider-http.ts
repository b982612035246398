// The HTTP edge shared by the provider clients: one JSON request with a timeout, its outcome mapped
// to a Result whose Failure says what went wrong in plain words, with the HTTP status and the
// server's Retry-After kept for the retry layer and `tidings doctor`. Keys never reach a message.

import { z } from 'zod';
import { fail, ok, type ErrorCode, type Failure, type Result } from '../errors.js';
import { parseRetryAfter } from './backoff.js';
import { redactSecrets, type Secret } from './secret.js';

/** A provider failure with what the retry layer and the doctor need to know. */
export interface ProviderFailure extends Failure {
  /** The HTTP status, when the server answered. */
  readonly status?: number;
  /** The server's Retry-After, in ms. */
  readonly retryAfterMs?: number;
  /** For network failures: what the system said (ECONNREFUSED, ENOTFOUND…). */
  readonly networkCause?: string;
}

export type FetchLike = typeof fetch;

export interface HttpCallOptions {
  /** The provider's name, for messages. */
  readonly provider: string;
  readonly timeoutMs: number;
  readonly fetchImpl?: FetchLike | undefined;
  /** Values to blank out of any message (the key, echoed back by some servers). */
  readonly secrets: readonly (Secret | null)[];
}

export interface JsonAnswer {
  readonly status: number;
  readonly json: unknown;
  /** The whole exchange, in ms. */
  readonly elapsedMs: number;
}

const MAX_DETAIL = 300;

export async function callJson(
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string>,
  body: unknown,
  options: HttpCallOptions,
): Promise<Result<JsonAnswer>> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const started = performance.now();
  const redact = (s: string): string => redactSecrets(s, options.secrets);
  const where = redact(url);
  let status: number;
  let text: string;
  let retryAfter: string | null;
  try {
    const init: RequestInit = {
      method,
      headers: { accept: 'application/json', ...headers },
      signal: AbortSignal.timeout(options.timeoutMs),
    };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const response = await fetchImpl(url, init);
    status = response.status;
    retryAfter = response.headers.get('retry-after');
    text = await response.text();
  } catch (error) {
    return networkFailure(error, options, where, redact);
  }
  const elapsedMs = performance.now() - started;
  if (status < 200 || status >= 300) {
    const detail = redact(errorDetail(text)).slice(0, MAX_DETAIL);
    const retryAfterMs = parseRetryAfter(retryAfter, Date.now());
    const failure: ProviderFailure = {
      ...fail(
        statusCode(status),
        `${options.provider}: ${statusMeaning(status)} (HTTP ${status}) from ${where}${detail ? `: ${detail}` : ''}`,
        where,
      ),
      status,
      ...(retryAfterMs === null ? {} : { retryAfterMs }),
    };
    return failure;
  }
  try {
    return ok({ status, json: JSON.parse(text) as unknown, elapsedMs });
  } catch {
    return fail(
      'bad_input',
      `${options.provider}: the answer from ${where} is not JSON (starts "${redact(text.slice(0, 60))}")`,
      where,
    );
  }
}

function statusCode(status: number): ErrorCode {
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return 'http_error';
}

function statusMeaning(status: number): string {
  if (status === 400) return 'the request was refused as malformed';
  if (status === 401 || status === 403) return 'the API key was rejected';
  if (status === 404) return 'no such endpoint or model';
  if (status === 429) return 'rate limited';
  if (status >= 500) return 'the server failed';
  return 'unexpected status';
}

/** The server's own explanation: OpenAI and Anthropic both put it in error.message. */
function errorDetail(text: string): string {
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** An error body's message: `error` as text, `error.message`, or a top-level `message`, first found. */
const ErrorBody = z.union([
  z.object({ error: z.string() }).transform((b) => b.error),
  z.object({ error: z.object({ message: z.string() }) }).transform((b) => b.error.message),
  z.object({ message: z.string() }).transform((b) => b.message),
]);

function networkFailure(
  error: unknown,
  options: HttpCallOptions,
  where: string,
  redact: (s: string) => string,
): ProviderFailure {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return fail('timeout', `${options.provider}: no answer from ${where} within ${options.timeoutMs} ms`, where);
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : '';
  const plain =
    code === 'ECONNREFUSED'
      ? 'connection refused (is the server running, and on this port?)'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'host not found (DNS)'
        : code === 'ECONNRESET' || code === 'UND_ERR_SOCKET'
          ? 'the connection was reset'
          : code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT'
            ? 'the server stopped answering'
            : redact(
                typeof cause?.message === 'string'
                  ? cause.message
                  : error instanceof Error
                    ? error.message
                    : String(error),
              );
  const failure: ProviderFailure = {
    ...fail('network_error', `${options.provider}: cannot reach ${where}: ${plain}`, where),
    ...(code ? { networkCause: code } : {}),
  };
  return failure;
}

/** The URL of an endpoint under a base URL, whether or not the base ends with a slash. */
export function endpoint(baseUrl: string, suffix: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${suffix.replace(/^\/+/, '')}`;
}
