// `tidings similar --pairs FILE.csv [--json]`: one score per pair per line, in the file's order;
// rows that cannot be scored are named on stderr and the rest still scored.

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runTidings } from './support/run-cli.js';

// Our own CSV: a byte-order mark, CRLF lines, quoted fields holding commas, newlines and doubled
// quotes, an extra column, a row with no languages, one in German and one with an empty text.
const PAIRS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'similar', 'pairs.csv');

let dir = '';
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tidings-pairs-'));
  await writeFile(path.join(dir, 'no-text2.csv'), 'id,text1,body\n1,one,two\n');
  await writeFile(path.join(dir, 'open-quote.csv'), 'id,text1,text2\n1,"never closed,two\n');
  await writeFile(path.join(dir, 'header-only.csv'), 'id,text1,text2\n');
});
after(async () => rm(dir, { recursive: true, force: true }));

describe('tidings similar --pairs', () => {
  test('prints one "id<TAB>score" line per pair in the file order; names the rows it left out', async () => {
    const r = await runTidings(['similar', '--pairs', PAIRS]);
    const lines = r.out
      .trimEnd()
      .split('\n')
      .map((l) => l.split('\t'));
    assert.deepEqual(
      lines.map((l) => l[0]),
      ['ng-vote-xl', 'ng-vote-flood', 'ng-vote-en', 'guessed'],
    );
    const score: Record<string, number> = Object.fromEntries(lines.map(([id, s]) => [id, Number(s)]));
    for (const s of Object.values(score)) assert.ok(s >= 0 && s <= 1);
    // One election told in English and in Chinese meets through the dictionary; a flood does not.
    assert.ok(score['ng-vote-xl']! >= 0.5, JSON.stringify(score));
    assert.ok(score['ng-vote-flood']! < 0.2, JSON.stringify(score));
    assert.ok(score['ng-vote-xl']! > score['ng-vote-flood']! + 0.4);
    // No lang columns filled: Chinese is told from English by its script.
    assert.ok(score.guessed! >= 0.5, JSON.stringify(score));
    assert.match(
      r.err,
      /pairs\.csv line 8 \(pair "german"\): language "de" is neither English \(en\) nor Chinese \(zh\)/,
    );
    assert.match(r.err, /pairs\.csv line 9 \(pair "no-text"\): text2 is empty/);
    assert.equal(r.code, 1);
  });

  test('--json prints one {"id", "score"} object per line, the same scores', async () => {
    const [text, json] = [
      await runTidings(['similar', '--pairs', PAIRS]),
      await runTidings(['similar', '--pairs', PAIRS, '--json']),
    ];
    const objects = json.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; score: number });
    assert.deepEqual(
      objects.map((o) => Object.keys(o)),
      objects.map(() => ['id', 'score']),
    );
    assert.deepEqual(objects.map((o) => `${o.id}\t${o.score.toFixed(3)}`).join('\n'), text.out.trimEnd());
  });

  test('a file that cannot be read as pairs is one clear error', async () => {
    const cases: Array<[string, RegExp]> = [
      [path.join(dir, 'missing.csv'), /\[not_found\] .*missing\.csv: no such file/],
      [
        path.join(dir, 'no-text2.csv'),
        /\[bad_input\] .*no-text2\.csv: the header has no text2 column \(it has: id, text1, body\)/,
      ],
      [
        path.join(dir, 'open-quote.csv'),
        /\[bad_input\] .*open-quote\.csv: a quoted field opened on line 2 is never closed/,
      ],
      [path.join(dir, 'header-only.csv'), /\[empty_input\] .*header-only\.csv: no pair could be scored/],
    ];
    for (const [file, message] of cases) {
      const r = await runTidings(['similar', '--pairs', file]);
      assert.equal(r.code, 1, file);
      assert.equal(r.out, '');
      assert.match(r.err, message);
    }
  });

  test('article ids and --pairs together, or neither, are refused as usage errors (exit 2)', async () => {
    const both = await runTidings(['similar', 'a1', 'b2', '--pairs', PAIRS]);
    assert.equal(both.code, 2);
    assert.match(both.err, /either two article ids or --pairs/);
    const none = await runTidings(['similar']);
    assert.equal(none.code, 2);
    assert.match(none.err, /needs two article ids, or --pairs/);
  });
});
