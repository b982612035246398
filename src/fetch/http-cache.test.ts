import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HttpCache, type CachedResponse } from './http-cache.js';

let dir = '';
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-http-cache-'));
});
after(() => rm(dir, { recursive: true, force: true }));

const entry = (url: string, text: string): CachedResponse => ({
  url,
  status: 200,
  contentType: 'text/html; charset=gbk',
  etag: '"abc"',
  lastModified: null,
  fetchedAt: '2026-05-10T08:00:00.000Z',
  bytes: new Uint8Array(Buffer.from(text)),
});

test('HttpCache: put then get round-trips bytes and validators', async () => {
  const cache = new HttpCache(path.join(dir, 'nested', 'cache'));
  await cache.put(entry('http://n.example/a', 'hello'));
  const got = await cache.get('http://n.example/a');
  assert.deepEqual(got, entry('http://n.example/a', 'hello'));
  assert.equal(await cache.get('http://n.example/other'), null);
});

test('HttpCache: overwriting replaces the entry and leaves no temporary files', async () => {
  const cache = new HttpCache(dir);
  await cache.put(entry('http://n.example/b', 'one'));
  await cache.put({ ...entry('http://n.example/b', 'two'), etag: '"def"' });
  const got = await cache.get('http://n.example/b');
  assert.equal(Buffer.from(got?.bytes ?? []).toString(), 'two');
  assert.equal(got?.etag, '"def"');
  assert.equal(
    (await readdir(dir)).some((name) => name.endsWith('.tmp')),
    false,
  );
});

test('HttpCache: a damaged entry is a miss, not an error', async () => {
  const cache = new HttpCache(dir);
  await cache.put(entry('http://n.example/c', 'fine'));
  const json = (await readdir(dir)).filter((name) => name.endsWith('.json'));
  for (const name of json) await writeFile(path.join(dir, name), '{ not json');
  assert.equal(await cache.get('http://n.example/c'), null);
});

test('HttpCache: refresh after a 304 rewrites the validators and time, not the body', async () => {
  const cache = new HttpCache(path.join(dir, 'refresh'));
  await cache.put(entry('http://n.example/d', 'kept body'));
  const bodyFile = (await readdir(path.join(dir, 'refresh'))).find((name) => name.endsWith('.body'))!;
  const before = (await stat(path.join(dir, 'refresh', bodyFile))).mtimeMs;
  await new Promise((r) => setTimeout(r, 20));
  await cache.refresh({ ...entry('http://n.example/d', ''), etag: '"v2"', fetchedAt: '2026-05-11T08:00:00.000Z' });
  const got = await cache.get('http://n.example/d');
  assert.equal(Buffer.from(got?.bytes ?? []).toString(), 'kept body');
  assert.deepEqual([got?.etag, got?.fetchedAt], ['"v2"', '2026-05-11T08:00:00.000Z']);
  assert.equal((await stat(path.join(dir, 'refresh', bodyFile))).mtimeMs, before, 'the body file was not written');
});
