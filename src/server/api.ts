// The read-only JSON API under /api/v1/: digests, stories, cards and articles from the store,
// written with the offline engine (an anonymous request never spends model tokens). Lists are
// keyset-paginated ({data, next}); every answer has an ETag; errors are {error: {code, message}}.
//
// An anonymous client must not be able to stall the server, so:
// - every parameter is checked before anything else happens: a bad one is a 400 at once;
// - answers are kept in a bounded cache (the API only reads the store; `serve --watch` calls
//   invalidate() when a watch cycle changed it) under a key made
//   from the checked parameters, and identical requests in flight share one computation;
// - a computation reads the store on this thread, then ranks, writes and verifies in a worker
//   thread (compute-pool.ts): a digest costs 0.1–0.5 s of CPU, which would otherwise hold up every
//   static file and cached answer behind it;
// - at most `maxComputing` computations run at once and `maxWaiting` wait; beyond that the answer
//   is 503 with Retry-After, at once (compute-gate.ts);
// - an unexpected error is logged to stderr and answered with a generic 500 (503 when the store
//   is unreachable); the details are never sent.

import type http from 'node:http';
import { publishedArticle, type Face } from '../article.js';
import { fail, HTTP_STATUS, ok, type Failure, type Result } from '../errors.js';
import { storyArticles, type EditionDeps } from '../pipeline/edition.js';
import type { ApiQueries } from '../store/api-queries.js';
import { getStory, listStories } from '../stories/assign.js';
import { decodeCursor, encodeCursor, ID, isCalendarDay, parseParams, type CursorList } from './api-params.js';
import { createBoundedCache } from './bounded-cache.js';
import { createGate, isBusy, type Busy } from './compute-gate.js';
import { ComputeTimeout, createComputePool, type ComputePool } from './compute-pool.js';
import { representation, sendRepresentation, sizeOf, type Representation } from './representation.js';
import { API_CORS_HEADERS } from './security-headers.js';

export interface ApiDeps {
  /** What the API reads; it writes with the offline engine itself, in a worker thread (compute-tasks.ts). */
  readonly edition: Pick<EditionDeps, 'articles' | 'stories' | 'rubric'>;
  readonly queries: ApiQueries;
}

export interface ApiOptions {
  /** Bytes of answers kept in memory (default 32 MiB). */
  readonly cacheBytes?: number;
  /** How long an answer is reused (default 10 minutes). */
  readonly ttlMs?: number;
  /** Where unexpected errors are reported (default: stderr). */
  readonly log?: (line: string) => void;
  /** Computes answers off the event loop (default: one worker thread, ended by close()). */
  readonly pool?: ComputePool;
  /** Computations running at once (default 2: one reads the store while the other computes). */
  readonly maxComputing?: number;
  /** Computations waiting for a turn (default 4); more are refused with 503 and Retry-After. */
  readonly maxWaiting?: number;
}

export interface Api {
  /** Answers a request whose path starts /api/v1/; `segments` are the path segments after it. */
  handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    segments: readonly string[],
    query: URLSearchParams,
  ): Promise<void>;
  /** Forgets every cached answer: the store changed (a watch cycle stored something). */
  invalidate(): void;
  /** Ends the worker threads the API started. */
  close(): Promise<void>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

interface Page<T> {
  readonly data: readonly T[];
  readonly next: string | null;
}

/** A JSON body, or why there is none. */
type Answer = Result<Buffer>;

/** A checked request: the key of its answer (from the checked parameters) and how to compute it. */
interface Planned {
  readonly key: string;
  compute(): Promise<Answer>;
}

/** An error as sent: status, the documented body, and Retry-After for a 503. */
export interface ApiError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly retryAfterS?: number;
}

type Outcome = Representation | ApiError;
const isError = (value: Outcome): value is ApiError => 'status' in value;

/** Failures whose message is about the request and safe to send; any other is logged, not sent. */
const CLIENT_CODES = new Set(['bad_input', 'not_found']);

export function createApi({ edition, queries }: ApiDeps, options: ApiOptions = {}): Api {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const pool = options.pool ?? createComputePool({ rubric: edition.rubric });
  const ownsPool = options.pool === undefined;
  const gate = createGate({ maxRunning: options.maxComputing ?? 2, maxQueued: options.maxWaiting ?? 4 });
  const cache = createBoundedCache<Outcome>({
    maxEntries: 5000,
    maxBytes: options.cacheBytes ?? 32 * 1024 * 1024,
    sizeOf: (value) => (isError(value) ? 0 : sizeOf(value)),
    ttlMs: options.ttlMs ?? 10 * 60 * 1000,
  });

  const json = (value: unknown): Answer => ok(Buffer.from(JSON.stringify(value)));
  const key = (...parts: ReadonlyArray<string | number | null | undefined>) => JSON.stringify(parts);

  const cursorOf = <L extends CursorList>(list: L, cursor: string | undefined) =>
    cursor === undefined ? ok(null) : decodeCursor(list, cursor);

  // --- the computations behind each route (the checks are done before) ---

  const digest = async (date: string, face: Face): Promise<Answer> => {
    if (!(await queries.hasDay(date))) return fail('not_found', `no coverage on ${date}, so no digest`, date);
    const listed = await listStories({ stories: edition.stories }, { date });
    if (!listed.ok) return listed;
    // As digestFor: each story as known by the day's end; the ranking and writing are the worker's.
    const stories = [];
    for (const story of listed.value) {
      const articles = await storyArticles(edition, story, date);
      if (articles.length > 0) stories.push({ storyId: story.id, articles });
    }
    return ok(await pool.run({ kind: 'digest', date, face, stories }));
  };

  const story = async (id: string): Promise<Answer> => {
    const missing = fail('not_found', `no story with id "${id}"`, id);
    const found = await getStory({ stories: edition.stories }, id);
    // The store also finds stories by prefix or by a member article; an API id names one story exactly.
    if (!found.ok) return found.code === 'store_error' ? found : missing;
    if (found.value.id !== id) return missing;
    const articles = await storyArticles(edition, found.value, null);
    if (articles.length === 0) return missing;
    return ok(await pool.run({ kind: 'story', story: found.value, articles }));
  };

  const card = async (id: string, face: Face | null): Promise<Answer> => {
    const article = await edition.articles.getArticle(id);
    if (article === null || article === 'ambiguous' || article.id !== id)
      return fail('not_found', `no article with id "${id}"`, id);
    // As cardFor: written with the story the article is in, when that story has stored articles.
    const found = await getStory({ stories: edition.stories }, article.id);
    if (!found.ok && found.code === 'store_error') return found;
    const articles = found.ok ? await storyArticles(edition, found.value, null) : [];
    const withStory = found.ok && articles.length > 0 ? { id: found.value.id, articles } : null;
    return ok(await pool.run({ kind: 'card', article, story: withStory, face }));
  };

  const article = async (id: string): Promise<Answer> => {
    const found = await edition.articles.getArticle(id);
    if (found === null || found === 'ambiguous' || found.id !== id)
      return fail('not_found', `no article with id "${id}"`, id);
    return json({ data: publishedArticle(found) });
  };

  /** Checks a request completely (no store, no computation) and names its answer. */
  const plan = (segments: readonly string[], query: URLSearchParams): Result<Planned> => {
    const [kind, id, ...rest] = segments;
    if (rest.length > 0) return fail('not_found', `no API route /api/v1/${segments.join('/')}`);
    if (id !== undefined && !ID.test(id)) {
      const name = kind === 'digests' ? 'date' : kind === 'cards' ? 'articleId' : 'id';
      return fail(
        'bad_input',
        `path parameter "${name}" "${id.slice(0, 40)}" is not ${name === 'date' ? 'a calendar day YYYY-MM-DD' : 'an id'}`,
        name,
      );
    }
    switch (kind) {
      case 'digests': {
        if (id === undefined) {
          const params = parseParams('digests', query);
          if (!params.ok) return params;
          const after = cursorOf('digests', params.value.cursor);
          if (!after.ok) return after;
          const { limit } = params.value;
          const before = after.value?.date ?? null;
          return ok({
            key: key('digests', before, limit),
            compute: async () =>
              json(
                page(
                  (await queries.days(before, limit + 1)).map((d) => ({ row: d, key: { date: d.date } })),
                  limit,
                  (k) => encodeCursor('digests', k),
                ),
              ),
          });
        }
        if (!isCalendarDay(id))
          return fail('bad_input', `path parameter "date" "${id}" is not a calendar day YYYY-MM-DD`, 'date');
        const params = parseParams('digest', query);
        if (!params.ok) return params;
        const { lang } = params.value;
        return ok({ key: key('digest', id, lang), compute: () => digest(id, lang) });
      }
      case 'stories': {
        if (id !== undefined) {
          const params = parseParams('story', query);
          return params.ok ? ok({ key: key('story', id), compute: () => story(id) }) : params;
        }
        const params = parseParams('stories', query);
        if (!params.ok) return params;
        const after = cursorOf('stories', params.value.cursor);
        if (!after.ok) return after;
        const { limit } = params.value;
        const date = params.value.date ?? null;
        return ok({
          key: key('stories', date, after.value?.lastActive, after.value?.id, limit),
          compute: async () =>
            json(
              page(await queries.stories({ date, after: after.value, limit: limit + 1 }), limit, (k) =>
                encodeCursor('stories', k),
              ),
            ),
        });
      }
      case 'cards': {
        if (id === undefined) return fail('not_found', 'a card is asked for by article id: /api/v1/cards/{articleId}');
        const params = parseParams('card', query);
        if (!params.ok) return params;
        const face = params.value.lang ?? null;
        return ok({ key: key('card', id, face), compute: () => card(id, face) });
      }
      case 'articles': {
        if (id !== undefined) {
          const params = parseParams('article', query);
          return params.ok ? ok({ key: key('article', id), compute: () => article(id) }) : params;
        }
        const params = parseParams('articles', query);
        if (!params.ok) return params;
        const after = cursorOf('articles', params.value.cursor);
        if (!after.ok) return after;
        const { limit } = params.value;
        const language = params.value.lang ?? null;
        const since =
          params.value.since === undefined
            ? null
            : isCalendarDay(params.value.since)
              ? `${params.value.since}T00:00:00Z`
              : params.value.since;
        return ok({
          key: key('articles', language, since, after.value?.published, after.value?.id, limit),
          compute: async () =>
            json(
              page(await queries.articles({ language, since, after: after.value, limit: limit + 1 }), limit, (k) =>
                encodeCursor('articles', k),
              ),
            ),
        });
      }
      default:
        return fail(
          'not_found',
          `no API route /api/v1/${segments.join('/')} (routes: digests, stories, cards, articles)`,
        );
    }
  };

  /** What a failure becomes on the wire: its own message for the caller's mistakes, else a generic one. */
  const failureError = (failure: Failure, what: string): ApiError => {
    if (CLIENT_CODES.has(failure.code))
      return { status: HTTP_STATUS[failure.code], code: failure.code, message: failure.message };
    log(`tidings serve: ${what}: ${failure.code}: ${failure.message}`);
    return failure.code === 'store_error' ? storeUnavailableError() : internalError();
  };

  const storeUnavailableError = (): ApiError => ({
    status: 503,
    code: 'store_error',
    message: 'reading the store failed; try again later',
    retryAfterS: 5,
  });
  const internalError = (): ApiError => ({ status: 500, code: 'internal_error', message: 'internal error' });

  const thrownError = (error: unknown, what: string): ApiError => {
    log(`tidings serve: ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (error instanceof ComputeTimeout)
      return {
        status: 503,
        code: 'timeout',
        message: 'computing this answer took too long; try again later',
        retryAfterS: gate.retryAfterS(),
      };
    return storeUnreachable(error) ? storeUnavailableError() : internalError();
  };

  const busyError = ({ retryAfterS }: Busy): ApiError => ({
    status: 503,
    code: 'busy',
    message: `the server is busy computing other answers; try again in ${retryAfterS} s`,
    retryAfterS,
  });

  /** The answer to a checked request: computed under the gate, errors made safe to send. */
  const outcome = async (planned: Planned, what: string): Promise<Outcome> => {
    const result = await gate.run(async (): Promise<Outcome> => {
      try {
        const answer = await planned.compute();
        return answer.ok ? representation(answer.value, JSON_TYPE) : failureError(answer, what);
      } catch (error) {
        return thrownError(error, what);
      }
    });
    return isBusy(result) ? busyError(result) : result;
  };

  return {
    async handle(req, res, segments, query) {
      for (const [name, value] of Object.entries(API_CORS_HEADERS)) res.setHeader(name, value);
      if (req.method === 'OPTIONS') {
        // A preflight (e.g. a script sending If-None-Match itself): reads only, no credentials.
        res
          .writeHead(204, {
            Allow: 'GET, HEAD, OPTIONS',
            'Access-Control-Allow-Methods': 'GET, HEAD',
            'Access-Control-Allow-Headers': 'If-None-Match',
            'Access-Control-Max-Age': '600',
          })
          .end();
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD, OPTIONS');
        sendError(req, res, {
          status: 405,
          code: 'unsupported',
          message: `${req.method} is not allowed: this API is read-only (GET and HEAD)`,
        });
        return;
      }
      // For the log: bounded, and no control characters from the client reach a terminal.
      const what = `${req.method} ${(req.url ?? '').slice(0, 300).replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}`;
      try {
        const planned = plan(segments, query);
        if (!planned.ok) {
          sendError(req, res, failureError(planned, what));
          return;
        }
        // Cached answers and requests joining one in flight never reach the gate.
        const answer = await cache.getOrCompute(
          planned.value.key,
          () => outcome(planned.value, what),
          (value) => !isError(value),
        );
        if (isError(answer)) {
          sendError(req, res, answer);
          return;
        }
        res.setHeader('Cache-Control', 'no-cache');
        await sendRepresentation(req, res, answer);
      } catch (error) {
        // Not expected (the outcome is always an answer); still never a stack on the wire.
        const sent = thrownError(error, what);
        if (!res.headersSent) sendError(req, res, sent);
        else res.destroy();
      }
    },
    invalidate() {
      cache.clear();
    },
    async close() {
      if (ownsPool) await pool.close();
    },
  };
}

/** An error in the API's shape, with the API's CORS headers: for an API path the server could not read. */
export function sendApiError(req: http.IncomingMessage, res: http.ServerResponse, error: ApiError): void {
  for (const [name, value] of Object.entries(API_CORS_HEADERS)) res.setHeader(name, value);
  sendError(req, res, error);
}

function sendError(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  { status, code, message, retryAfterS }: ApiError,
): void {
  const body = Buffer.from(JSON.stringify({ error: { code, message } }));
  const headers: http.OutgoingHttpHeaders = {
    'Content-Type': JSON_TYPE,
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
  };
  if (retryAfterS !== undefined) headers['Retry-After'] = String(retryAfterS);
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Asks for one row more than the page, so `next` is null exactly on the last page. */
function page<T, K>(rows: ReadonlyArray<{ row: T; key: K }>, limit: number, cursorOf: (key: K) => string): Page<T> {
  const shown = rows.slice(0, limit);
  return {
    data: shown.map((r) => r.row),
    next: rows.length > limit && shown.length > 0 ? cursorOf(shown.at(-1)!.key) : null,
  };
}

const UNREACHABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Whether a thrown error says the store cannot be reached (try again later: 503) rather than a bug
 * (500): a network error, a connection-class SQLSTATE (08 connection, 53 resources, 57 operator
 * intervention such as a server shutting down), or a connection or PGlite instance gone.
 */
function storeUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (UNREACHABLE_ERRNO.has(code) || /^(08|53|57)[0-9A-Z]{3}$/.test(code))) return true;
  const message = error instanceof Error ? error.message : '';
  return /^Connection terminated|^PGlite is closed|^Client has encountered a connection error/.test(message);
}
