// Verification on real-shaped coverage through the command: names with inner capitals, digits,
// hyphens, dots and inline markup (arXiv, iPhone, 3D, 1B, nRF54L15, GPT-4o, RTX 5090, M4 Pro,
// x86-64, PyTorch 2.5, eBay, macOS, A100s, <code>MSVC</code>, 英伟达H100、DeepSeek-V3) are read
// whole in outputs and sources, so the day's digest has no verification problem and no empty
// headline in either face (test/fixtures/real/verify-*; bench/verify-real.ts measures the same).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runTidings } from './support/run-cli.js';
import { PROJECT_ROOT } from '../src/config.js';
import type { Digest } from '../src/write/schemas.js';

const FIXTURES = path.join(PROJECT_ROOT, 'test/fixtures/real');

const run = (args: string[]) => runTidings(args);

describe('verification on real-shaped coverage', () => {
  let dir: string;
  const digests: Record<string, Digest> = {};
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-verify-real-'));
    const files = (await readdir(FIXTURES)).filter((f) => f.startsWith('verify-')).map((f) => path.join(FIXTURES, f));
    const ingest = await run(['--data', dir, 'ingest', '--no-fetch', ...files]);
    assert.equal(ingest.code, 0, ingest.err);
    for (const lang of ['en', 'zh']) {
      const digest = await run(['--data', dir, 'digest', '--date', '2026-04-14', '--lang', lang, '--format', 'json']);
      assert.equal(digest.code, 0, digest.err);
      digests[lang] = JSON.parse(digest.out) as Digest;
    }
  });
  after(() => rm(dir, { recursive: true, force: true }));

  for (const lang of ['en', 'zh']) {
    test(`${lang}: every digest item verifies with no problem and has a headline`, () => {
      const items = digests[lang]!.tiers.flatMap((t) => t.items);
      // The arXiv paper is a research listing: it has its own section (titles and links), not an item.
      assert.ok(items.length >= 3, `${items.length} items`);
      assert.ok(digests[lang]!.research.items.length >= 1, 'the paper is in the research section');
      for (const item of items) {
        assert.notEqual(item.headline.trim(), '', `empty headline in ${item.storyId}`);
        assert.deepEqual(
          item.verification?.problems.map((p) => `${p.path} ${p.kind} ${p.surface}`),
          [],
          item.headline,
        );
        assert.deepEqual(item.verification?.repairs, []);
      }
    });
  }
  test('the names are kept in the text, read whole', () => {
    const text = JSON.stringify(digests.en) + JSON.stringify(digests.zh);
    for (const name of ['arXiv', 'iPhone', 'nRF54L15', 'eBay', 'GPT-4o', 'macOS', '3D Gaussian'])
      assert.ok(text.includes(name), name);
  });
});
