// The JSON API against a real server on a loopback port, reading a store built from the e2e
// fixture corpus: every route, pagination walked to the end, ETags and 304s, gzip, CORS only on
// the API, the security headers on answers and errors, and bad parameters named in the 400.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type http from 'node:http';
import zlib from 'node:zlib';
import { cardSchema, digestSchema } from '../write/schemas.js';
import { coversDay } from '../stories/story.js';
import { createApi } from './api.js';
import { openE2eStore, type E2eStore } from './e2e-store.fixture.js';
import { rawRequest, type RawResponse } from './http-client.fixture.js';
import { SECURITY_HEADERS } from './security-headers.js';
import { createTidingsServer, listen, shutdown } from './server.js';

interface Body {
  data?: any;
  next?: string | null;
  error?: { code: string; message: string };
}

describe('JSON API /api/v1', () => {
  let store: E2eStore;
  let server: http.Server;
  let port: number;
  const get = async (p: string, options?: Parameters<typeof rawRequest>[2]): Promise<RawResponse & { json: Body }> => {
    const r = await rawRequest(port, p, options);
    const text = r.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(r.body).toString() : r.body.toString();
    return { ...r, json: text ? (JSON.parse(text) as Body) : {} };
  };
  /** Every item of a list, following `next` to the end; also checks each page's size. */
  const walk = async (route: string, limit: number): Promise<{ items: any[]; pages: number }> => {
    const items: any[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const sep = route.includes('?') ? '&' : '?';
      const r = await get(`${route}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assert.equal(r.status, 200, `${route} page ${pages + 1}: ${JSON.stringify(r.json.error)}`);
      assert.ok(r.json.data.length <= limit);
      if (r.json.next !== null) assert.equal(r.json.data.length, limit, 'only the last page may be short');
      items.push(...r.json.data);
      cursor = r.json.next ?? null;
      pages++;
      assert.ok(pages < 100, 'pagination does not end');
    } while (cursor !== null);
    return { items, pages };
  };

  before(async () => {
    store = await openE2eStore();
    server = createTidingsServer({
      site: null,
      api: createApi({ edition: store.edition, queries: store.queries }),
      log: () => undefined,
    });
    port = (await listen(server, '127.0.0.1', 0)).port;
  });
  after(async () => {
    await shutdown(server);
    await store.close();
  });

  test('digests: the days with coverage, newest first, paged one by one to the end', async () => {
    const all = await get('/api/v1/digests');
    assert.equal(all.status, 200);
    assert.deepEqual(
      all.json.data.map((d: { date: string }) => d.date),
      ['2026-03-03', '2026-03-02'],
    );
    assert.equal(all.json.next, null);
    for (const d of all.json.data) assert.ok(d.stories > 0 && d.articles >= d.stories);
    const paged = await walk('/api/v1/digests', 1);
    assert.equal(paged.pages, 2);
    assert.deepEqual(paged.items, all.json.data);
  });

  for (const lang of ['en', 'zh'] as const) {
    test(`digest of a day in ${lang}: a valid digest, ETag, 304 on revalidation`, async () => {
      const r = await get(`/api/v1/digests/2026-03-02?lang=${lang}`);
      assert.equal(r.status, 200);
      assert.equal(r.headers['content-type'], 'application/json; charset=utf-8');
      const digest = digestSchema.parse(r.json.data);
      assert.equal(digest.date, '2026-03-02');
      assert.equal(digest.language, lang);
      assert.ok(digest.count > 0);
      const again = await get(`/api/v1/digests/2026-03-02?lang=${lang}`, {
        headers: { 'If-None-Match': r.headers.etag! },
      });
      assert.equal(again.status, 304);
      assert.equal(again.body.length, 0);
    });
  }

  test('digest: lang defaults to en; concurrent requests get one answer; gzip when accepted', async () => {
    const answers = await Promise.all(Array.from({ length: 4 }, () => get('/api/v1/digests/2026-03-03')));
    assert.equal(new Set(answers.map((a) => a.headers.etag)).size, 1);
    assert.equal(answers[0]!.json.data.language, 'en');
    const gz = await get('/api/v1/digests/2026-03-03', { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(gz.json.data, answers[0]!.json.data);
  });

  test('stories: paged two at a time, every story once, newest activity first', async () => {
    const expected = await store.edition.stories.listStories();
    const { items, pages } = await walk('/api/v1/stories', 2);
    assert.equal(pages, Math.max(1, Math.ceil(expected.length / 2)));
    assert.deepEqual(
      items.map((s) => s.id),
      expected.map((s) => s.id),
    );
    for (const s of items) assert.equal(s.timeline.length, s.articleCount);
    // A translation folded into its original is listed with the story, not counted as a member.
    const folded = items.flatMap((s) =>
      s.translations.map((t: { originalId: string; articleId: string }) => ({ story: s, t })),
    );
    assert.equal(folded.length, 1);
    assert.ok(folded[0]!.story.timeline.some((e: { articleId: string }) => e.articleId === folded[0]!.t.originalId));
    const one = await walk('/api/v1/stories', 1);
    assert.deepEqual(
      one.items.map((s) => s.id),
      expected.map((s) => s.id),
    );
  });

  test('stories?date=: only stories with coverage that day', async () => {
    const { items } = await walk('/api/v1/stories?date=2026-03-02', 1);
    const expected = (await store.edition.stories.listStories()).filter((s) => coversDay(s, '2026-03-02'));
    assert.ok(expected.length > 0);
    assert.deepEqual(items.map((s) => s.id).sort(), expected.map((s) => s.id).sort());
    const none = await get('/api/v1/stories?date=1999-01-01');
    assert.deepEqual(none.json, { data: [], next: null });
  });

  test('stories/{id}: the story with its timeline and ranking; a member article id or unknown id is 404', async () => {
    const [story] = (await store.edition.stories.listStories()).filter((s) => s.articleCount > 1);
    assert.ok(story);
    const r = await get(`/api/v1/stories/${story.id}`);
    assert.equal(r.status, 200);
    assert.equal(r.json.data.id, story.id);
    assert.equal(r.json.data.timeline.length, story.articleCount);
    assert.ok(r.json.data.ranking.tier);
    const member = story.timeline.find((e) => e.articleId !== story.id)!;
    const byMember = await get(`/api/v1/stories/${member.articleId}`);
    assert.equal(byMember.status, 404);
    assert.equal(byMember.json.error?.code, 'not_found');
    assert.equal((await get('/api/v1/stories/ffffffffffff')).status, 404);
  });

  test('cards/{articleId}: a card in the face asked for; unknown article 404', async () => {
    const [story] = await store.edition.stories.listStories();
    const articleId = story!.timeline[0]!.articleId;
    for (const lang of ['en', 'zh'] as const) {
      const r = await get(`/api/v1/cards/${articleId}?lang=${lang}`);
      assert.equal(r.status, 200, JSON.stringify(r.json.error));
      const card = cardSchema.parse(r.json.data);
      assert.equal(card.articleId, articleId);
      assert.equal(card.language, lang);
    }
    const unknown = await get('/api/v1/cards/ffffffffffff');
    assert.equal(unknown.status, 404);
    assert.match(unknown.json.error!.message, /ffffffffffff/);
  });

  test('articles: paged three at a time to the end, every article once; lang and since filter', async () => {
    const total = await store.edition.articles.countArticles();
    const { items } = await walk('/api/v1/articles', 3);
    assert.equal(items.length, total);
    assert.equal(new Set(items.map((a) => a.id)).size, total);
    const dated = items.filter((a) => a.published !== null).map((a) => a.published as string);
    assert.deepEqual(dated, [...dated].sort().reverse(), 'newest first');
    assert.ok(
      items.slice(dated.length).every((a) => a.published === null),
      'undated last',
    );
    const zh = await walk('/api/v1/articles?lang=zh', 2);
    assert.ok(zh.items.length > 0 && zh.items.every((a) => a.language === 'zh'));
    assert.equal(zh.items.length, items.filter((a) => a.language === 'zh').length);
    const since = await walk('/api/v1/articles?since=2026-03-03', 2);
    assert.ok(since.items.length > 0 && since.items.length < total);
    assert.ok(since.items.every((a) => a.published === null || a.published >= '2026-03-03'));
  });

  test('articles/{id}: the stored article with its sightings; unknown 404', async () => {
    const { items } = await walk('/api/v1/articles', 100);
    const r = await get(`/api/v1/articles/${items[0].id}`);
    assert.equal(r.status, 200);
    assert.equal(r.json.data.id, items[0].id);
    assert.ok(Array.isArray(r.json.data.sightings) && r.json.data.sightings.length > 0);
    assert.equal((await get(`/api/v1/articles/${items[0].id.slice(0, 6)}`)).status, 404, 'a prefix is not an id');
  });

  const badParams: Array<[string, string, string]> = [
    ['/api/v1/stories?limit=0', 'limit', 'zero'],
    ['/api/v1/stories?limit=101', 'limit', 'over the maximum'],
    ['/api/v1/articles?limit=ten', 'limit', 'not a number'],
    ['/api/v1/stories?limit=5&limit=6', 'limit', 'given twice'],
    ['/api/v1/stories?date=2026-13-01', 'date', 'no such month'],
    ['/api/v1/stories?cursor=not-a-cursor', 'cursor', 'garbage'],
    ['/api/v1/digests/2026-03-02?lang=fr', 'lang', 'unknown face'],
    ['/api/v1/articles?lang=de', 'lang', 'unknown language'],
    ['/api/v1/articles?since=yesterday', 'since', 'not a date'],
    ['/api/v1/stories?sort=asc', 'sort', 'unknown parameter'],
    ['/api/v1/digests/2026-02-30', 'date', 'not a calendar day'],
    ['/api/v1/digests/march', 'date', 'not a date'],
    ['/api/v1/stories/bad%20id', 'id', 'not an id'],
  ];
  for (const [target, param, why] of badParams) {
    test(`400 naming "${param}" for ${why}: ${target}`, async () => {
      const r = await get(target);
      assert.equal(r.status, 400);
      assert.equal(r.json.error?.code, 'bad_input');
      assert.match(r.json.error!.message, new RegExp(`"${param}"`));
      assert.equal(r.headers['access-control-allow-origin'], '*');
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
    });
  }

  test('a cursor from another list is refused, naming cursor', async () => {
    const page = await get('/api/v1/digests?limit=1');
    const r = await get(`/api/v1/stories?cursor=${encodeURIComponent(page.json.next!)}`);
    assert.equal(r.status, 400);
    assert.match(r.json.error!.message, /"cursor".*digests/);
  });

  test('unknown routes are 404 JSON; writes are 405 JSON with Allow', async () => {
    const unknown = await get('/api/v1/nope');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json.error?.code, 'not_found');
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const r = await get('/api/v1/stories', { method });
      assert.equal(r.status, 405, method);
      assert.match(r.headers.allow!, /GET/);
      assert.equal(r.headers['content-type'], 'application/json; charset=utf-8');
      assert.match(r.json.error!.message, /read-only/);
    }
  });

  test('every API answer carries the security headers and CORS; HEAD has no body', async () => {
    for (const target of ['/api/v1/digests', '/api/v1/nope', '/api/v1/stories?limit=0']) {
      const r = await get(target);
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        assert.equal(r.headers[name.toLowerCase()], value, `${target} ${name}`);
      assert.equal(r.headers['access-control-allow-origin'], '*');
    }
    const head = await rawRequest(port, '/api/v1/digests', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.ok(Number(head.headers['content-length']) > 0);
    // Not the site: no CORS outside /api/.
    const page = await rawRequest(port, '/index.html');
    assert.equal(page.headers['access-control-allow-origin'], undefined);
  });
});
