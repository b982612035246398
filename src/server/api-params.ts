// The API's query parameters and cursors, checked at the boundary with zod. Every rejection names
// the parameter and what was wrong, so a 400 tells the caller exactly what to fix. A cursor is
// opaque to callers (base64url JSON) but checked like any input: it names the list it belongs to.

import { z } from 'zod';
import { fail, ok, type Result } from '../errors.js';

export const DEFAULT_LIMIT = 20;
/** An id in a path or a cursor: an article or story id (12 hex digits today), never a free string. */
export const ID = /^[0-9a-z][0-9a-z_-]{0,63}$/;
export const MAX_LIMIT = 100;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day YYYY-MM-DD (2026-02-30 is not one; nor is year 0000, which PostgreSQL refuses). */
export function isCalendarDay(value: string): boolean {
  if (!DAY.test(value) || value.startsWith('0000')) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
}

// Every part in range, so the store never sees a value it refuses (that would be a 500, not a 400).
const TIME = '([01]\\d|2[0-3]):[0-5]\\d';
const ISO_DATE_TIME = new RegExp(
  `^(\\d{4}-\\d{2}-\\d{2})T${TIME}(:[0-5]\\d(\\.\\d{1,6})?)?(Z|[+-](0\\d|1[0-4]):?[0-5]\\d)$`,
);
// PostgreSQL's text form of a timestamptz (DateStyle ISO): '2026-03-02 08:00:00.5+00', '…+05:30'.
const STORE_TIMESTAMP = new RegExp(
  `^(\\d{4}-\\d{2}-\\d{2}) ${TIME}:[0-5]\\d(\\.\\d{1,6})?[+-](0\\d|1[0-5])(:[0-5]\\d){0,2}$`,
);

/** An ISO 8601 date-time with a zone: 2026-03-02T08:00Z, 2026-03-02T08:00:00.123+08:00. */
export function isIsoDateTime(value: string): boolean {
  const m = ISO_DATE_TIME.exec(value);
  return m !== null && isCalendarDay(m[1]!);
}

/** A timestamp as the store writes it (a list's sort key inside a cursor). */
export function isStoreTimestamp(value: string): boolean {
  const m = STORE_TIMESTAMP.exec(value);
  return m !== null && isCalendarDay(m[1]!);
}

const day = z.string().refine(isCalendarDay, 'must be a calendar day YYYY-MM-DD');
const limit = z
  .string()
  .regex(/^\d{1,4}$/, `must be a whole number from 1 to ${MAX_LIMIT}`)
  .transform(Number)
  .refine((n) => n >= 1 && n <= MAX_LIMIT, `must be from 1 to ${MAX_LIMIT}`)
  .default(DEFAULT_LIMIT);
const cursor = z.string().max(512, 'is too long').optional();
const face = z.enum(['en', 'zh'], { error: 'must be en or zh' });
const since = z
  .string()
  .refine(
    (s) => isCalendarDay(s) || isIsoDateTime(s),
    'must be a day YYYY-MM-DD or an ISO date-time with a zone (2026-03-02T08:00:00Z)',
  )
  .optional();

export const routeParams = {
  digests: z.object({ limit, cursor }).strict(),
  digest: z.object({ lang: face.default('en') }).strict(),
  stories: z.object({ date: day.optional(), limit, cursor }).strict(),
  story: z.object({}).strict(),
  card: z.object({ lang: face.optional() }).strict(),
  articles: z
    .object({
      limit,
      cursor,
      lang: z.enum(['en', 'zh', 'other'], { error: 'must be en, zh or other' }).optional(),
      since,
    })
    .strict(),
  article: z.object({}).strict(),
} as const;

export type RouteName = keyof typeof routeParams;

/** Parses a route's query string; repeated parameters are refused (which one would win is a guess). */
export function parseParams<R extends RouteName>(
  route: R,
  query: URLSearchParams,
): Result<z.infer<(typeof routeParams)[R]>> {
  const raw: Record<string, string> = {};
  for (const [key, value] of query) {
    if (key in raw) return fail('bad_input', `query parameter "${key}" is given more than once`, key);
    raw[key] = value;
  }
  const parsed = routeParams[route].safeParse(raw);
  if (parsed.success) return ok(parsed.data as z.infer<(typeof routeParams)[R]>);
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const allowed = Object.keys(routeParams[route].shape);
    return fail(
      'bad_input',
      `unknown query parameter "${issue.keys[0]}" (this route takes ${allowed.length ? allowed.join(', ') : 'none'})`,
      issue.keys[0],
    );
  }
  const name = String(issue.path[0] ?? 'query');
  return fail(
    'bad_input',
    `query parameter "${name}" ${issue.message}${name in raw ? ` (got "${raw[name]!.slice(0, 40)}")` : ''}`,
    name,
  );
}

/** Cursor payloads: the list they continue and the last row's sort key. */
const storeTimestamp = z.string().max(64).refine(isStoreTimestamp);
const cursorId = z.string().regex(ID);
const cursorKeys = {
  digests: z.object({ date: day }),
  stories: z.object({ lastActive: storeTimestamp, id: cursorId }),
  articles: z.object({ published: storeTimestamp.nullable(), id: cursorId }),
} as const;

export type CursorList = keyof typeof cursorKeys;

export function encodeCursor<L extends CursorList>(list: L, key: z.infer<(typeof cursorKeys)[L]>): string {
  return Buffer.from(JSON.stringify({ v: 1, list, key })).toString('base64url');
}

export function decodeCursor<L extends CursorList>(list: L, value: string): Result<z.infer<(typeof cursorKeys)[L]>> {
  const bad = (why: string) =>
    fail(
      'bad_input',
      `query parameter "cursor" ${why}: pass the "next" value of the previous page unchanged`,
      'cursor',
    );
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return bad('is not a cursor of this API');
  }
  const envelope = z.object({ v: z.literal(1), list: z.string(), key: z.unknown() }).safeParse(json);
  if (!envelope.success) return bad('is not a cursor of this API');
  if (envelope.data.list !== list) return bad(`belongs to the ${envelope.data.list} list, not ${list}`);
  const key = cursorKeys[list].safeParse(envelope.data.key);
  if (!key.success) return bad('is damaged');
  return ok(key.data as z.infer<(typeof cursorKeys)[L]>);
}
