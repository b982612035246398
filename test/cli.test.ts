// The `tidings` command in-process: output shapes, exit codes and messages a person reads.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runTidings } from './support/run-cli.js';
import { PROJECT_ROOT } from '../src/config.js';

const pages = path.join(PROJECT_ROOT, 'examples/pages');
const bad = path.join(PROJECT_ROOT, 'test/fixtures/bad');

const run = (args: string[], cwd?: string) => runTidings(args, cwd);

describe('tidings command', () => {
  let dir: string;
  let data: string;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-cli-'));
    data = path.join(dir, 'data');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('--help lists the commands', async () => {
    const { code, out } = await run(['--help']);
    assert.equal(code, 0);
    for (const c of ['ingest', 'articles', 'show', 'extract', 'sources', 'run'])
      assert.match(out, new RegExp(`\\b${c}\\b`));
  });

  test('extract --json: one object per page per line with the documented keys', async () => {
    const files = [
      'harbor-tech-anthropic-lattice-saltfork.html',
      'silicon-tide-anthropic-lattice-saltfork.gbk.html',
      'silicon-tide-lancore-series-c.html.gz',
    ];
    const { code, out } = await run(['extract', '--json', ...files.map((f) => path.join(pages, f))]);
    assert.equal(code, 0);
    const lines = out.trim().split('\n');
    assert.equal(lines.length, 3);
    for (const line of lines) {
      const rec = JSON.parse(line) as Record<string, unknown>;
      assert.deepEqual(Object.keys(rec), [
        'source',
        'title',
        'byline',
        'published',
        'language',
        'siteName',
        'canonicalUrl',
        'paragraphs',
        'text',
      ]);
      assert.equal(rec.text, (rec.paragraphs as string[]).join('\n\n'));
      assert.ok((rec.paragraphs as string[]).length >= 4);
    }
    const gbk = JSON.parse(lines[1]!) as { language: string; title: string; text: string };
    assert.equal(gbk.language, 'zh');
    assert.match(gbk.title, /300 兆瓦/);
    assert.ok(!gbk.text.includes('\uFFFD'));
  });

  test('extract: a bad file is reported by name, the others still print, exit 1', async () => {
    const { code, out, err } = await run([
      'extract',
      '--json',
      path.join(bad, 'binary.html'),
      path.join(pages, 'harbor-tech-lancore-series-c.html'),
    ]);
    assert.equal(code, 1);
    assert.match(err, /binary\.html/);
    assert.match(err, /binary_input/);
    assert.equal(out.trim().split('\n').length, 1);
  });

  test('ingest, articles, show: a summary, a list, one article; failures named; exit 1 when any failed', async () => {
    const ingest = await run(['--data', data, 'ingest', '--no-fetch', pages, path.join(bad, 'empty.html')]);
    assert.equal(ingest.code, 1);
    assert.match(ingest.out, /Ingest finished: \d+ new, \d+ duplicate, 1 failed\./);
    assert.match(ingest.out, /empty\.html/);
    const list = await run(['--data', data, 'articles', '--json', '--lang', 'zh']);
    assert.equal(list.code, 0);
    const rows = list.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; language: string });
    assert.ok(rows.length >= 2 && rows.every((r) => r.language === 'zh'));
    const show = await run(['--data', data, 'show', rows[0]!.id.slice(0, 6)]);
    assert.equal(show.code, 0);
    for (const section of ['Seen in', 'Entities', 'Figures', 'Quotes']) assert.match(show.out, new RegExp(section));
    const missing = await run(['--data', data, 'show', 'zzzzzz']);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /no article with id "zzzzzz"/);
    const badDate = await run(['--data', data, 'articles', '--since', 'yesterdayish']);
    assert.equal(badDate.code, 2, 'a malformed flag value is a usage error');
    assert.match(badDate.err, /--since <date>.*"yesterdayish" is not a date/);
    // A day with no coverage is a failed lookup (1), as the API answers 404 for it; a day that
    // is not a day is a usage error (2).
    const noCoverage = await run(['--data', data, 'digest', '--date', '1999-01-01']);
    assert.equal(noCoverage.code, 1);
    assert.match(noCoverage.err, /no coverage on 1999-01-01/);
    assert.doesNotMatch(noCoverage.out, /Nothing to report/);
    const notADay = await run(['--data', data, 'digest', '--date', '2026-02-30']);
    assert.equal(notADay.code, 2);
    assert.match(notADay.err, /"2026-02-30" is not a date/);
  });

  test('sources add, list, remove edit the registry file; a broken registry is named with its line', async () => {
    const registry = path.join(dir, 'sources.yaml');
    const add = await run([
      '--registry',
      registry,
      'sources',
      'add',
      'https://news.example/feed.xml',
      '--name',
      'News Example',
      '--type',
      'news',
      '--lang',
      'en',
    ]);
    assert.equal(add.code, 0, add.err);
    assert.match(add.out, /Added news-example \(feed, news, en\)/);
    const dup = await run([
      '--registry',
      registry,
      'sources',
      'add',
      'https://news.example/feed.xml',
      '--name',
      'Again',
    ]);
    assert.notEqual(dup.code, 0);
    const list = await run(['--registry', registry, 'sources', 'list']);
    assert.match(list.out, /news-example\s+news\s+en\s+feed\s+News Example/);
    const removed = await run(['--registry', registry, 'sources', 'remove', 'news-example']);
    assert.equal(removed.code, 0);
    assert.doesNotMatch(await readFile(registry, 'utf8'), /news-example/);
    await writeFile(
      registry,
      'version: 1\nsources:\n  - id: x\n    name: X\n    kind: feed\n    type: newspaper\n    language: en\n    url: https://x.example/\n',
    );
    const broken = await run(['--registry', registry, 'sources', 'list']);
    assert.equal(broken.code, 2);
    assert.match(broken.err, /sources\.yaml line \d+/);
    assert.match(broken.err, /type/);
  });

  test('a bad database URL is a configuration error, not a crash', async () => {
    const { code, err } = await run(['--database-url', 'mysql://nope', 'articles']);
    assert.equal(code, 2);
    assert.match(err, /postgres:\/\//);
  });

  test('the README main job: `tidings run` (built) on the embedded defaults, twice', (t) => {
    const bin = path.join(PROJECT_ROOT, 'bin/tidings.js');
    if (!existsSync(path.join(PROJECT_ROOT, 'dist/cli/main.js')))
      return t.skip('dist/ not built: run `npm run build` (npm test does)');
    const env = { ...process.env, TIDINGS_DATA: path.join(dir, 'run-data') };
    const cwd = path.join(dir, 'empty-cwd'); // a directory with no sources.yaml of its own
    mkdirSync(cwd, { recursive: true });
    const first = spawnSync(process.execPath, [bin, 'run'], { cwd, env, encoding: 'utf8' });
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stderr, /using the bundled example corpus/);
    assert.match(first.stdout, /Ingest finished: 13 new, 7 duplicate, 0 failed\./);
    // 13 stored; each article recognised as another's translation then folds into its original
    // (decision 0011; on the examples: 算力前哨's Kimi piece and Harbor's LanCore piece).
    const pairs = spawnSync(process.execPath, [bin, 'translations', '--json'], { cwd, env, encoding: 'utf8' });
    assert.equal(pairs.status, 0, pairs.stderr);
    const folded = (JSON.parse(pairs.stdout) as unknown[]).length;
    assert.match(first.stdout, new RegExp(`\\b${13 - folded} articles`));
    // The run says so, so the store's count is not a surprise.
    assert.match(
      first.stdout,
      new RegExp(
        `Grouped 13 new articles into stories: \\d+ started a story, \\d+ joined one; ${folded} articles were recognised as translations`,
      ),
    );
    const second = spawnSync(process.execPath, [bin, 'run'], { cwd, env, encoding: 'utf8' });
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /Ingest finished: 0 new, 20 duplicate, 0 failed\./);
    assert.doesNotMatch(second.stdout, /Grouped/, 'nothing new to group on a re-run');
  });
});
