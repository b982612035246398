// The read-only JSON API under /api/v1/: digests, stories, cards and articles from the store,
// through the same edition functions the CLI uses (offline engine: an anonymous request never
// spends model tokens). Lists are keyset-paginated ({data, next}); every answer has an ETag;
// errors are {error: {code, message}} with the status HTTP_STATUS gives their code. The store is
// read-only while serving, so answers (a digest costs 0.1–0.5 s to write) are kept in a bounded
// cache for a while and computed once however many ask at the same moment.

import type http from 'node:http';
import { fail, HTTP_STATUS, ok, type Failure, type Result } from '../errors.js';
import { cardFor, digestFor, rankedStoryById, type EditionDeps } from '../pipeline/edition.js';
import type { ApiQueries } from '../store/api-queries.js';
import { decodeCursor, encodeCursor, isCalendarDay, parseParams } from './api-params.js';
import { createBoundedCache } from './bounded-cache.js';
import { representation, sendRepresentation, sizeOf, type Representation } from './representation.js';
import { API_CORS_HEADERS } from './security-headers.js';

export interface ApiDeps {
  readonly edition: EditionDeps;
  readonly queries: ApiQueries;
}

export interface ApiOptions {
  /** Bytes of answers kept in memory (default 32 MiB). */
  readonly cacheBytes?: number;
  /** How long an answer is reused (default 10 minutes). */
  readonly ttlMs?: number;
  /** Where unexpected errors are reported (default: stderr). */
  readonly log?: (line: string) => void;
}

export interface Api {
  /** Answers a request whose path starts /api/v1/; `segments` are the path segments after it. */
  handle(req: http.IncomingMessage, res: http.ServerResponse, segments: readonly string[], query: URLSearchParams): Promise<void>;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const ID = /^[0-9a-z][0-9a-z_-]{0,63}$/;

interface Page<T> {
  readonly data: readonly T[];
  readonly next: string | null;
}

type Answer = Result<{ data: unknown } | Page<unknown>>;
type Cached = Representation | Failure;
const isFailure = (value: Cached): value is Failure => 'ok' in value && value.ok === false;

export function createApi(deps: ApiDeps, options: ApiOptions = {}): Api {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const cache = createBoundedCache<Cached>({
    maxEntries: 5000,
    maxBytes: options.cacheBytes ?? 32 * 1024 * 1024,
    sizeOf: (value) => (isFailure(value) ? 0 : sizeOf(value)),
    ttlMs: options.ttlMs ?? 10 * 60 * 1000,
  });

  const route = (segments: readonly string[], query: URLSearchParams): Promise<Answer> | Answer => {
    const [kind, id, ...rest] = segments;
    if (rest.length > 0) return fail('not_found', `no API route /api/v1/${segments.join('/')}`);
    if (id !== undefined && !ID.test(id)) {
      const name = kind === 'digests' ? 'date' : kind === 'cards' ? 'articleId' : 'id';
      if (!(kind === 'digests' && isCalendarDay(id))) return fail('bad_input', `path parameter "${name}" "${id.slice(0, 40)}" is not ${name === 'date' ? 'a calendar day YYYY-MM-DD' : 'an id'}`, name);
    }
    switch (kind) {
      case 'digests':
        return id === undefined ? listDigests(deps, query) : digest(deps, id, query);
      case 'stories':
        return id === undefined ? listStories(deps, query) : story(deps, id, query);
      case 'cards':
        return id === undefined ? fail('not_found', 'a card is asked for by article id: /api/v1/cards/{articleId}') : card(deps, id, query);
      case 'articles':
        return id === undefined ? listArticles(deps, query) : article(deps, id, query);
      default:
        return fail('not_found', `no API route /api/v1/${segments.join('/')} (routes: digests, stories, cards, articles)`);
    }
  };

  return {
    async handle(req, res, segments, query) {
      for (const [name, value] of Object.entries(API_CORS_HEADERS)) res.setHeader(name, value);
      if (req.method === 'OPTIONS') {
        // A preflight (e.g. a script sending If-None-Match itself): reads only, no credentials.
        res.writeHead(204, { Allow: 'GET, HEAD, OPTIONS', 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Allow-Headers': 'If-None-Match', 'Access-Control-Max-Age': '600' }).end();
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD, OPTIONS');
        sendError(req, res, 405, { code: 'unsupported', message: `${req.method} is not allowed: this API is read-only (GET and HEAD)` });
        return;
      }
      const key = `${segments.join('/')}?${[...query].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join('&')}`;
      try {
        const answer = await cache.getOrCompute(
          key,
          async (): Promise<Cached> => {
            const result = await route(segments, query);
            return result.ok ? representation(Buffer.from(JSON.stringify(result.value)), JSON_TYPE) : result;
          },
          (value) => !isFailure(value), // failures are answered, never kept
        );
        if (isFailure(answer)) {
          sendError(req, res, HTTP_STATUS[answer.code], { code: answer.code, message: answer.message });
          return;
        }
        res.setHeader('Cache-Control', 'no-cache');
        await sendRepresentation(req, res, answer);
      } catch (error) {
        log(`tidings serve: ${req.method} ${req.url}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        if (!res.headersSent) sendError(req, res, HTTP_STATUS.store_error, { code: 'store_error', message: 'reading the store failed; try again later' });
        else res.destroy();
      }
    },
  };
}

function sendError(req: http.IncomingMessage, res: http.ServerResponse, status: number, error: { code: string; message: string }): void {
  const body = Buffer.from(JSON.stringify({ error }));
  res.writeHead(status, { 'Content-Type': JSON_TYPE, 'Content-Length': body.length, 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Asks for one row more than the page, so `next` is null exactly on the last page. */
function page<T, K>(rows: ReadonlyArray<{ row: T; key: K }>, limit: number, cursorOf: (key: K) => string): Page<T> {
  const shown = rows.slice(0, limit);
  return { data: shown.map((r) => r.row), next: rows.length > limit && shown.length > 0 ? cursorOf(shown.at(-1)!.key) : null };
}

async function listDigests({ queries }: ApiDeps, query: URLSearchParams): Promise<Answer> {
  const params = parseParams('digests', query);
  if (!params.ok) return params;
  const after = params.value.cursor === undefined ? ok(null) : decodeCursor('digests', params.value.cursor);
  if (!after.ok) return after;
  const days = await queries.days(after.value?.date ?? null, params.value.limit + 1);
  return ok(page(days.map((d) => ({ row: d, key: { date: d.date } })), params.value.limit, (k) => encodeCursor('digests', k)));
}

async function digest({ edition, queries }: ApiDeps, date: string, query: URLSearchParams): Promise<Answer> {
  if (!isCalendarDay(date)) return fail('bad_input', `path parameter "date" "${date}" is not a calendar day YYYY-MM-DD`, 'date');
  const params = parseParams('digest', query);
  if (!params.ok) return params;
  if (!(await queries.hasDay(date))) return fail('not_found', `no coverage on ${date}, so no digest`, date);
  const written = await digestFor(edition, date, params.value.lang);
  return written.ok ? ok({ data: written.value }) : written;
}

async function listStories({ queries }: ApiDeps, query: URLSearchParams): Promise<Answer> {
  const params = parseParams('stories', query);
  if (!params.ok) return params;
  const after = params.value.cursor === undefined ? ok(null) : decodeCursor('stories', params.value.cursor);
  if (!after.ok) return after;
  const rows = await queries.stories({ date: params.value.date ?? null, after: after.value, limit: params.value.limit + 1 });
  return ok(page(rows, params.value.limit, (k) => encodeCursor('stories', k)));
}

async function story({ edition }: ApiDeps, id: string, query: URLSearchParams): Promise<Answer> {
  const params = parseParams('story', query);
  if (!params.ok) return params;
  const found = await rankedStoryById(edition, id);
  // The store also finds stories by prefix or by a member article; an API id names one story exactly.
  if (!found.ok || found.value.story.id !== id) return found.ok || found.code === 'not_found' || found.code === 'bad_input' ? fail('not_found', `no story with id "${id}"`, id) : found;
  const { story: s, input } = found.value;
  return ok({ data: { ...s, ranking: input.ranking } });
}

async function card({ edition }: ApiDeps, id: string, query: URLSearchParams): Promise<Answer> {
  const params = parseParams('card', query);
  if (!params.ok) return params;
  const article = await edition.articles.getArticle(id);
  if (article === null || article === 'ambiguous' || article.id !== id) return fail('not_found', `no article with id "${id}"`, id);
  const written = await cardFor(edition, id, params.value.lang ?? null);
  return written.ok ? ok({ data: written.value }) : written;
}

async function listArticles({ queries }: ApiDeps, query: URLSearchParams): Promise<Answer> {
  const params = parseParams('articles', query);
  if (!params.ok) return params;
  const after = params.value.cursor === undefined ? ok(null) : decodeCursor('articles', params.value.cursor);
  if (!after.ok) return after;
  const since = params.value.since === undefined ? null : isCalendarDay(params.value.since) ? `${params.value.since}T00:00:00Z` : params.value.since;
  const rows = await queries.articles({ language: params.value.lang ?? null, since, after: after.value, limit: params.value.limit + 1 });
  return ok(page(rows, params.value.limit, (k) => encodeCursor('articles', k)));
}

async function article({ edition }: ApiDeps, id: string, query: URLSearchParams): Promise<Answer> {
  const params = parseParams('article', query);
  if (!params.ok) return params;
  const found = await edition.articles.getArticle(id);
  if (found === null || found === 'ambiguous' || found.id !== id) return fail('not_found', `no article with id "${id}"`, id);
  return ok({ data: found });
}
