// Real-shaped material through the command, in-process: an archive laid out as one directory per
// outlet of Markdown files (front matter: title, source, url, published; one paragraph per line),
// beside news pages in English and Chinese dated only by their address or a visible dateline, an
// undated page and one whose dateline is in the future. The edition's day is the news's latest
// day, never the day of the run; the run says what dated each article; Markdown and text bodies
// keep their paragraphs; a front matter that is not YAML is reported, its fields kept.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runTidings } from './support/run-cli.js';
import { PROJECT_ROOT } from '../src/config.js';
import { openDatabase } from '../src/store/database.js';
import { createApiQueries } from '../src/store/api-queries.js';

const REAL = path.join(PROJECT_ROOT, 'test/fixtures/real');

/** Where each fixture goes in the archive: one directory per outlet, pages in their own. */
const LAYOUT: Record<string, string> = {
  'dating-md-lumen-open-model.md': 'harbor-tech',
  'dating-md-orbit-series-b.md': 'gridline',
  'dating-md-hard-wrapped.md': 'gridline',
  'dating-md-broken-front-matter.md': 'quillfeed',
  'dating-txt-line-paragraphs.txt': 'quillfeed',
  'dating-html-url-only.html': 'pages',
  'dating-html-dateline-en.html': 'pages',
  'dating-html-dateline-zh.html': 'pages',
  'dating-html-undated.html': 'pages',
  'dating-html-future-dateline.html': 'pages',
};

const run = (args: string[], cwd?: string) => runTidings(args, cwd);

interface Shown {
  title: string | null;
  published: string | null;
  dateSource?: string | null;
  paragraphs: string[];
  url: string;
}

describe('real-shaped archive: dating, editions, Markdown and text files', () => {
  let dir: string;
  let data: string;
  let first: { code: number; out: string; err: string };
  const articles = new Map<string, Shown>();

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-real-dating-'));
    data = path.join(dir, 'data');
    const outlets = [...new Set(Object.values(LAYOUT))];
    for (const o of outlets) await mkdir(path.join(dir, o), { recursive: true });
    for (const [file, outlet] of Object.entries(LAYOUT))
      await copyFile(path.join(REAL, file), path.join(dir, outlet, file));
    const sources = outlets
      .map(
        (o) => `  - id: ${o}\n    name: ${o}\n    kind: directory\n    type: news\n    language: en\n    path: ${o}\n`,
      )
      .join('');
    await writeFile(path.join(dir, 'sources.yaml'), `version: 1\nsources:\n${sources}`);
    first = await run(['--data', data, 'run', '--no-fetch', '--out', path.join(dir, 'site')], dir);
    const listed = await run(['--data', data, 'articles', '--json'], dir);
    for (const line of listed.out.trim().split('\n')) {
      const { id } = JSON.parse(line) as { id: string };
      const shown = await run(['--data', data, 'show', id, '--json'], dir);
      const a = JSON.parse(shown.out) as Shown;
      articles.set(a.title ?? id, a);
    }
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const byTitle = (start: string): Shown => {
    const hit = [...articles.entries()].find(([t]) => t.startsWith(start));
    assert.ok(hit, `an article titled "${start}…" (have: ${[...articles.keys()].join(' | ')})`);
    return hit[1];
  };

  test('every file is read; the run says what dated each article', () => {
    assert.equal(first.code, 0, first.err + first.out);
    assert.match(first.out, /Ingest finished: 10 new, 0 duplicate, 0 failed\./);
    // Page metadata: the four Markdown files' front matter (one read line by line); URL: one page;
    // dateline: the English and Chinese pages and the text file's byline line; undated: two pages.
    assert.match(
      first.out,
      /^Dated 4 articles by page metadata, 1 by URL, 3 by dateline, 2 undated \(first seen\)\.$/m,
    );
  });

  test("the edition's day is the news's latest dated day, not the day of the run", async () => {
    assert.match(first.out, /stories on 2026-03-13\./);
    assert.match(first.out, /^# 2026-03-13 /m);
    const today = new Date().toISOString().slice(0, 10);
    assert.doesNotMatch(first.out, new RegExp(`# ${today}`));
    const home = await readFile(path.join(dir, 'site/en/index.html'), 'utf8');
    assert.match(home, /<title>2026-03-13 /, 'the site opens on the same day');
    const homeZh = await readFile(path.join(dir, 'site/zh/index.html'), 'utf8');
    assert.match(homeZh, /<title>2026-03-13 /);
    // The digest command, with no date, agrees.
    const digest = await run(['--data', data, 'digest'], dir);
    assert.match(digest.out, /^# 2026-03-13 /m);
    // So does the API's list of digests: the day of the run (two undated pages) is no edition.
    const db = await openDatabase({ kind: 'pglite', dataDir: path.join(data, 'db') });
    try {
      const days = (await createApiQueries(db).days(null, 100)).map((d) => d.date);
      assert.equal(days[0], '2026-03-13');
      assert.ok(!days.includes(today), days.join(', '));
    } finally {
      await db.close();
    }
  });

  test('each article carries its own evidence; the ingest time is never a publication date', () => {
    assert.equal(byTitle('Lumen Labs').published, '2026-03-09T14:05:00.000Z');
    assert.equal(
      byTitle('Veyra ships').published?.slice(0, 10),
      '2026-03-12',
      'from /2026/03/12/ in its canonical address',
    );
    assert.equal(
      byTitle('Anthropic and Saltfork').published?.slice(0, 10),
      '2026-03-13',
      'from the dateline "March 13, 2026"',
    );
    assert.equal(byTitle('智谱发布').published?.slice(0, 10), '2026-03-09', 'from the dateline 2026年03月09日');
    assert.equal(byTitle('Brightmoor hires').published?.slice(0, 10), '2026-03-11', "from the text file's byline line");
    assert.equal(byTitle('Why small models').published, null, 'undated');
    assert.equal(byTitle('Corvana previews').published, null, 'a dateline in the future is not believed');
    const evidence = Object.fromEntries([...articles.values()].map((a) => [a.title?.slice(0, 12), a.dateSource]));
    assert.deepEqual(evidence, {
      'Lumen Labs o': 'page',
      'Orbit Comput': 'page',
      'Tallowind ad': 'page',
      'Quillfeed: t': 'page',
      'Veyra ships ': 'url',
      'Anthropic an': 'dateline',
      智谱发布新一代开源模型: 'dateline',
      'Brightmoor h': 'dateline',
      'Why small mo': 'seen',
      'Corvana prev': 'seen',
    });
  });

  test('show says what dated an article', async () => {
    const list = await run(['--data', data, 'articles', '--json'], dir);
    const ids = list.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; title: string });
    const veyra = ids.find((a) => a.title.startsWith('Veyra'))!;
    const small = ids.find((a) => a.title.startsWith('Why small'))!;
    assert.match(
      (await run(['--data', data, 'show', veyra.id], dir)).out,
      /^published\s+2026-03-12\S* \(from its address\)$/m,
    );
    assert.match(
      (await run(['--data', data, 'show', small.id], dir)).out,
      /^published\s+undated: its day is the day it was first seen \(\d{4}-\d{2}-\d{2}\)$/m,
    );
  });

  test('Markdown and text written one paragraph per line keep their paragraphs; hard-wrapped Markdown is joined', () => {
    assert.equal(byTitle('Lumen Labs').paragraphs.length, 6);
    assert.equal(byTitle('Orbit Compute').paragraphs.length, 5);
    assert.equal(byTitle('Brightmoor hires').paragraphs.length, 4);
    const wrapped = byTitle('Tallowind adds').paragraphs;
    assert.equal(wrapped.length, 2);
    assert.match(wrapped[0]!, /more time on a hard problem/);
  });

  test('a front matter that is not YAML is reported for its file, and its title, date and link are kept', () => {
    assert.match(
      first.out,
      /dating-md-broken-front-matter\.md: front matter is not valid YAML \(.+\); read its fields line by line/,
    );
    const a = byTitle('Quillfeed: the week agents went to work');
    assert.equal(a.published?.slice(0, 10), '2026-03-11');
    assert.equal(a.url, 'https://quillfeed.example/2026/03/11/agents-went-to-work');
    assert.ok(!a.paragraphs.some((p) => /^title:|published:/.test(p)), 'the header is not read as body text');
    assert.equal(a.paragraphs.length, 3);
  });

  test('a second run stores nothing new and writes the same day', async () => {
    const again = await run(['--data', data, 'run', '--no-fetch', '--out', path.join(dir, 'site')], dir);
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /Ingest finished: 0 new, 10 duplicate, 0 failed\./);
    assert.doesNotMatch(again.out, /^Dated /m);
    assert.match(again.out, /^# 2026-03-13 /m);
  });
});
