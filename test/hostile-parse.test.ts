// Deeply nested and costly inputs through the `tidings` command (issue "Hostile input", items 3
// and 4): each hostile input is read beside a normal one; the normal one is stored, the hostile one
// is reported with the bound it exceeds (exit 1: some items failed), nothing crashes, and the store
// still works afterwards (`stories` and `digest` exit 0). The inputs are generated into a temp dir
// by test/fixtures/hostile/nest-inputs.ts and cost-inputs.ts at the sizes the issue reported. How
// long the costly ones take is measured by bench/hostile-cost.ts, not asserted here.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runTidings } from './support/run-cli.js';
import { writeCostInputs } from './fixtures/hostile/cost-inputs.js';
import { articleTitle, normalPage, writeNestInputs } from './fixtures/hostile/nest-inputs.js';

const run = (args: string[]) => runTidings(args);

const NESTING = /page exceeds the nesting limit \(elements more than 1,000 levels deep; limit 1,000\); skipped/;
const ELEMENTS = /page exceeds the element limit \(more than 200,000 elements; limit 200,000\); skipped/;

describe('deeply nested and costly inputs through the command', () => {
  let dir: string;
  let data: string;
  let nest: Awaited<ReturnType<typeof writeNestInputs>>;
  let cost: Awaited<ReturnType<typeof writeCostInputs>>;
  let opmlNeighbour: string;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-hostile-parse-'));
    data = path.join(dir, 'data');
    nest = await writeNestInputs(path.join(dir, 'in'));
    cost = await writeCostInputs(path.join(dir, 'in'));
    opmlNeighbour = path.join(dir, 'in', 'nest-opml-neighbour.html');
    await writeFile(opmlNeighbour, normalPage(5));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  /** Ingests `inputs`; the normal articles are stored, each hostile one reported with its reason. */
  async function ingestBeside(
    inputs: string[],
    stored: readonly number[],
    reported: ReadonlyArray<{ subject: string; reason: RegExp }>,
  ): Promise<void> {
    const r = await run(['ingest', ...inputs, '--data', data, '--no-fetch']);
    assert.equal(r.code, 1, `exit 1 (some items failed)\n${r.out}${r.err}`);
    assert.match(
      r.out,
      new RegExp(`Ingest finished: ${stored.length} new, 0 duplicate, ${reported.length} failed\\.`),
      r.out,
    );
    const failures = r.out
      .slice(r.out.indexOf('Failures:'))
      .split('\n')
      .filter((l) => l.startsWith('  - '));
    assert.equal(failures.length, reported.length, failures.join('\n'));
    for (const [i, { subject, reason }] of reported.entries()) {
      assert.ok(failures[i]!.startsWith('  - [too_large] '), failures[i]);
      assert.ok(failures[i]!.includes(subject), `${failures[i]} names ${subject}`);
      assert.match(failures[i]!, reason);
    }
    const articles = await run(['articles', '--data', data]);
    assert.equal(articles.code, 0, articles.err);
    for (const n of stored)
      assert.ok(articles.out.includes(articleTitle(n)), `${articleTitle(n)} listed\n${articles.out}`);
  }

  async function storeStillWorks(): Promise<void> {
    for (const command of ['stories', 'digest']) {
      const r = await run([command, '--data', data]);
      assert.equal(r.code, 0, `${command} exits 0 after the hostile input\n${r.out}${r.err}`);
      assert.ok(r.out.length > 0, `${command} prints something`);
    }
  }

  test('an RSS feed with 3,000 nested escaped <b> tags in one item: that item is reported, the other stored', {
    timeout: 300_000,
  }, async () => {
    await ingestBeside([nest.rss], [1], [{ subject: 'nest-feed.xml item 2 ("Deep item")', reason: NESTING }]);
    await storeStillWorks();
  });

  test('a JSON Feed with 20,000 nested divs in one item: that item is reported, the other stored', {
    timeout: 300_000,
  }, async () => {
    await ingestBeside([nest.jsonFeed], [2], [{ subject: 'nest-feed.json item 2 ("Deep item")', reason: NESTING }]);
    await storeStillWorks();
  });

  test('an OPML file with 100,000 nested outlines is reported; a page named beside it is stored', {
    timeout: 300_000,
  }, async () => {
    await ingestBeside(
      [nest.opml, opmlNeighbour],
      [5],
      [
        {
          subject: 'nest-subscriptions.opml',
          reason: /OPML file exceeds the nesting limit \(elements more than 1,000 levels deep; limit 1,000\); skipped/,
        },
      ],
    );
    await storeStillWorks();
  });

  test('a directory with a page of 50,000 nested divs and a normal page: the deep one is reported', {
    timeout: 300_000,
  }, async () => {
    await ingestBeside([nest.pages], [4], [{ subject: 'nest-deep.html', reason: NESTING }]);
    await storeStillWorks();
  });

  test('extract --json reports the deep page and prints the normal one', { timeout: 300_000 }, async () => {
    const r = await run(['extract', '--json', nest.deepPage, nest.normalPage]);
    assert.equal(r.code, 1);
    assert.match(r.err, /^tidings extract: \[too_large\] \S*nest-deep\.html: page exceeds the nesting limit/);
    const lines = r.out.trim().split('\n');
    assert.equal(lines.length, 1);
    assert.equal((JSON.parse(lines[0]!) as { title: string }).title, articleTitle(4));
  });

  const costCases = [
    {
      name: 'a 28 KB .html.gz that expands to 19.5 MB of unclosed tags',
      key: 'gzipBomb',
      normal: 10,
      subject: 'cost-bomb.html.gz',
      reason: NESTING,
    },
    {
      name: '600 KB of unclosed nested tags',
      key: 'unclosed',
      normal: 11,
      subject: 'cost-unclosed.html',
      reason: NESTING,
    },
    {
      name: 'an 18 MB page of 1.2 million inline tags',
      key: 'inline',
      normal: 12,
      subject: 'cost-inline.html',
      reason: ELEMENTS,
    },
  ] as const;

  for (const c of costCases) {
    test(`${c.name}: reported as over its bound, the page beside it stored`, { timeout: 300_000 }, async () => {
      await ingestBeside([cost.folders[c.key]], [c.normal], [{ subject: c.subject, reason: c.reason }]);
      await storeStillWorks();
    });

    test(`${c.name}: extract --json reports it`, { timeout: 300_000 }, async () => {
      const r = await run(['extract', '--json', cost[c.key]]);
      assert.equal(r.code, 1);
      assert.equal(r.out, '');
      assert.ok(r.err.includes(c.subject), r.err);
      assert.match(r.err, c.reason);
    });
  }
});
