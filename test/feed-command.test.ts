// `tidings feed`: feeds read and printed, nothing stored; files and URLs; exit 1 only when a feed was
// rejected or lost items.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { runTidings } from './support/run-cli.js';

const feeds = fileURLToPath(new URL('../src/sources/fixtures/feeds/', import.meta.url));
const sources = fileURLToPath(new URL('../src/sources/fixtures/', import.meta.url));

interface Rec {
  source: string;
  ok: boolean;
  error: string | null;
  problems: string[];
  title: string | null;
  link: string | null;
  language: string | null;
  lost: number;
  items: Array<Record<string, string | null>>;
}

let server: http.Server;
let base = '';
let work = '';

before(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'tidings-feed-cmd-'));
  server = http.createServer((req, res) => {
    if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Local Wire</title><link>/</link>
<item><title>Relative link</title><link>/a/1?x=1&amp;y=2</link><pubDate>Tue, 01 Dec 2026 09:00:00 +0100</pubDate></item></channel></rss>`);
      return;
    }
    if (req.url === '/plain.xml') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(
        '<rss version="2.0"><channel><title>Plain Wire</title><item><title>Served as text</title><link>https://x.example/p</link></item></channel></rss>',
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(work, { recursive: true, force: true });
});

const parse = (out: string): Rec[] =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Rec);

describe('tidings feed', () => {
  test('--json: one object per feed with the documented keys, items with ISO UTC dates; exit 0 when every item was read', async () => {
    const { code, out, err } = await runTidings(
      [
        'feed',
        '--json',
        path.join(sources, 'rss2.xml'),
        path.join(feeds, 'no-items.xml'),
        path.join(sources, 'jsonfeed-1.1.json'),
      ],
      work,
    );
    assert.equal(err, '');
    assert.equal(code, 0);
    const [rss, empty, json] = parse(out);
    for (const key of ['source', 'ok', 'error', 'problems', 'title', 'link', 'language', 'items'])
      assert.ok(key in rss!, key);
    assert.deepEqual(Object.keys(rss!.items[0]!), [
      'id',
      'title',
      'link',
      'published',
      'updated',
      'author',
      'summary',
      'content',
    ]);
    assert.equal(rss!.ok, true);
    assert.equal(rss!.title, 'AI Desk & Friends | Lumen Ledger');
    assert.equal(rss!.items[0]!.published, '2026-05-10T13:30:00.000Z');
    assert.equal(rss!.items[1]!.author, 'Ivo Brandt');
    assert.equal(empty!.ok, true);
    assert.deepEqual(empty!.items, []);
    assert.deepEqual(empty!.problems, []);
    assert.equal(json!.items.length, 2);
  });

  test('a cut-off feed: its complete items are printed, the lost one reported with line and column, exit 1', async () => {
    const { code, out } = await runTidings(['feed', '--json', path.join(feeds, 'truncated.xml')], work);
    assert.equal(code, 1);
    const [rec] = parse(out);
    assert.equal(rec!.ok, true);
    assert.equal(rec!.items.length, 2);
    assert.equal(rec!.lost, 1);
    assert.ok(
      rec!.problems.some((p) => /^item 3 \(".+"\) at line 17, column 5 is cut off/.test(p)),
      rec!.problems.join('\n'),
    );
  });

  test('a recovered XML error is reported but loses nothing: exit 0', async () => {
    const { code, out } = await runTidings(
      ['feed', '--json', path.join(feeds, 'br-in-description.xml'), path.join(feeds, 'unclosed-title.xml')],
      work,
    );
    assert.equal(code, 0);
    const recs = parse(out);
    assert.deepEqual(
      recs.map((r) => [r.items.length, r.problems.length]),
      [
        [2, 1],
        [2, 1],
      ],
    );
  });

  test('a file that is no feed is rejected by name, the others still print, exit 1', async () => {
    const opml = path.join(sources, 'subscriptions.opml');
    const gz = path.join(work, 'cdata.xml.gz');
    const { readFile } = await import('node:fs/promises');
    await writeFile(gz, gzipSync(await readFile(path.join(feeds, 'cdata-ampersand.xml'))));
    const { code, out } = await runTidings(['feed', '--json', opml, gz, path.join(work, 'missing.xml')], work);
    assert.equal(code, 1);
    const [bad, good, missing] = parse(out);
    assert.equal(bad!.ok, false);
    assert.match(bad!.error!, /subscriptions\.opml: not an RSS, RDF or Atom feed \(root element <opml>\)/);
    assert.equal(good!.ok, true);
    assert.equal(good!.items[0]!.link, 'https://chips-models.example/story?id=1&ref=rss');
    assert.equal(missing!.ok, false);
    assert.match(missing!.error!, /missing\.xml/);
  });

  test('a URL is fetched through the fetcher (a private host only with --allow-host); links resolve against it', async () => {
    const refused = await runTidings(['feed', '--json', `${base}/feed.xml`], work);
    assert.equal(refused.code, 1);
    assert.equal(parse(refused.out)[0]!.ok, false);
    const { code, out } = await runTidings(
      ['feed', '--json', '--allow-host', '127.0.0.1', `${base}/feed.xml`, `${base}/gone.xml`],
      work,
    );
    assert.equal(code, 1);
    const [rec, gone] = parse(out);
    assert.equal(rec!.link, `${base}/`);
    assert.equal(rec!.items[0]!.link, `${base}/a/1?x=1&y=2`);
    assert.equal(rec!.items[0]!.published, '2026-12-01T08:00:00.000Z');
    assert.equal(gone!.ok, false);
    assert.match(gone!.error!, /404/);
  });

  test('a URL served as text/plain is read, and the media type is reported (nothing lost: exit 0)', async () => {
    const { code, out } = await runTidings(['feed', '--json', '--allow-host', '127.0.0.1', `${base}/plain.xml`], work);
    assert.equal(code, 0);
    const [rec] = parse(out);
    assert.equal(rec!.ok, true);
    assert.equal(rec!.items[0]!.title, 'Served as text');
    assert.deepEqual(rec!.problems, [
      'the server says the feed is text/plain, not an XML or JSON type; read as a feed anyway',
    ]);
  });

  test('UTF-16 and UTF-32 feeds, with and without a byte order mark, read like UTF-8 ones', async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-16"?>\n<rss version="2.0"><channel><title>算力周报 Weekly</title><item><title>Née: 推理芯片量产</title><link>https://x.example/1?a=1&amp;b=2</link></item></channel></rss>';
    const le16 = Buffer.from(xml, 'utf16le');
    const be16 = Buffer.from(le16).swap16();
    const le32 = Buffer.alloc(xml.length * 4);
    let n = 0;
    for (const ch of xml) le32.writeUInt32LE(ch.codePointAt(0)!, n++ * 4);
    const be32 = Buffer.from(le32.subarray(0, n * 4)).swap32();
    const variants: Array<[string, Buffer]> = [
      ['le16-bom.xml', Buffer.concat([Buffer.from([0xff, 0xfe]), le16])],
      ['le16.xml', le16],
      ['be16-bom.xml', Buffer.concat([Buffer.from([0xfe, 0xff]), be16])],
      ['be16.xml', be16],
      ['be32-bom.xml', Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), be32])],
      ['le32.xml', le32.subarray(0, n * 4)],
    ];
    for (const [name, bytes] of variants) await writeFile(path.join(work, name), bytes);
    const { code, out } = await runTidings(
      ['feed', '--json', ...variants.map(([name]) => path.join(work, name))],
      work,
    );
    assert.equal(code, 0);
    for (const rec of parse(out)) {
      assert.equal(rec.title, '算力周报 Weekly', rec.source);
      assert.equal(rec.items[0]!.title, 'Née: 推理芯片量产', rec.source);
      assert.equal(rec.items[0]!.link, 'https://x.example/1?a=1&b=2', rec.source);
    }
  });

  test('without --json: a readable summary with the items and the problems', async () => {
    const { code, out } = await runTidings(['feed', path.join(feeds, 'truncated.xml')], work);
    assert.equal(code, 1);
    assert.match(out, /^# Kestrel Compute Notes$/m);
    assert.match(out, /^rss2, 2 items, 1 lost, cut off, XML errors$/m);
    assert.match(out, /^1\. Kestrel opens a Lisbon region {2}\[2026-11-30T10:00:00\.000Z\]$/m);
    assert.match(out, /^! item 3 .* is cut off by the end of the document: not read$/m);
  });
});
