// End to end over the fixture corpus (test/fixtures/e2e): two days, English and Chinese, an
// official source, a syndicated copy, a clutter-laden social post, a misquoted figure and an
// undated article. Every output is compared byte for byte with test/golden/e2e/; after a change
// that is meant to alter them, regenerate with `npm run golden` and read the diff.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Digest } from '../src/write/schemas.js';
import { buildE2eEdition, GOLDEN_DIR, type E2eEdition } from './support/e2e-edition.js';

describe('end to end: fixture corpus → stories → ranked, verified digest, cards and posts', () => {
  let edition: E2eEdition;
  before(async () => {
    edition = await buildE2eEdition();
  });
  after(() => edition.close());

  test('ingest reads everything: 10 articles, 2 duplicates, nothing failed', () => {
    assert.deepEqual(edition.ingest.counts, { new: 10, duplicate: 2, failed: 0 });
  });

  test('outputs equal the golden files byte for byte (regenerate on purpose: npm run golden)', async () => {
    const golden = (await readdir(GOLDEN_DIR)).sort();
    assert.deepEqual([...edition.files.keys()].sort(), golden, 'the same set of files');
    for (const name of golden) {
      const want = await readFile(path.join(GOLDEN_DIR, name), 'utf8');
      assert.equal(edition.files.get(name), want, `${name} differs from its golden copy`);
    }
  });

  test('the same input gives the same bytes on a second run', async () => {
    const again = await buildE2eEdition();
    try {
      assert.deepEqual(again.files, edition.files);
    } finally {
      await again.close();
    }
  });

  test('every output passed verification; the misquote is named as a conflict, never stated as fact', () => {
    for (const [name, text] of edition.files) {
      if (!name.endsWith('.json')) continue;
      const doc = JSON.parse(text) as Digest & { verification?: { ok: boolean } };
      const items = 'tiers' in doc ? doc.tiers.flatMap((t) => t.items) : [doc];
      for (const item of items)
        assert.equal(item.verification?.ok, true, `${name}: ${JSON.stringify(item.verification?.problems)}`);
    }
    const digest = edition.files.get('digest-2026-03-03.en.md')!;
    const keyPoints = digest
      .split('\n')
      .filter((l) => l.startsWith('Key Points:'))
      .join('\n');
    assert.doesNotMatch(keyPoints, /2\.4 吉瓦|2\.4GW/);
    assert.match(digest, /Sources disagree on a figure: 240MW .* vs 2\.4 吉瓦 \(智涌快报\)/);
  });

  test('the official source is typed, the syndicated copy counted once, clutter never reaches a reader', () => {
    const digest = edition.files.get('digest-2026-03-02.en.md')!;
    assert.match(digest, /\[Veyra Systems\]\([^)]+\) \(Official\)/);
    assert.doesNotMatch(digest, /Meridian Wire/, 'the syndicated copy folds into Northwire Tech');
    for (const [name, text] of edition.files) {
      for (const clutter of ['微信扫一扫', 'Comments (0)', 'No comments yet', '.webp', 'Share on'])
        assert.ok(!text.includes(clutter), `${name} contains "${clutter}"`);
    }
  });

  test('the Chinese face uses Chinese coverage; a story without any says so', () => {
    const zh = edition.files.get('digest-2026-03-02.zh.md')!;
    assert.match(zh, /AI 摘要/);
    assert.match(zh, /晶讯/);
    assert.match(zh, /本条目暂无中文报道/, 'the English-only research item is marked');
  });

  test('the undated article is placed on its ingest day and joins its story', () => {
    const stories = edition.files.get('stories.txt')!;
    assert.match(stories, /\(undated, ingested\)\s+ZH\s+模型观察/);
  });
});
