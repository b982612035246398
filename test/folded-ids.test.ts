// Every id the CLI prints can be given back to it: a translation folded into its original
// (decision 0011) is listed by `tidings translations` under its own id, and `card`, `align`,
// `show` and `verify --sources` take that id (or a unique prefix of it); `verify` checks Tidings'
// own digest JSON against the sources it cites, including an original's folded translation side
// ("<id>#zh"), with no --sources.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runTidings } from './support/run-cli.js';

describe('folded translations by their own ids; verify reads Tidings JSON', () => {
  let dir: string;
  let data: string;
  let pair: { originalId: string; translationId: string; translationTitle: string | null };
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-folded-'));
    data = path.join(dir, 'data');
    // No sources.yaml in dir: the bundled example corpus, which holds two published translations.
    const run = await runTidings(['--data', data, 'run', '--no-fetch', '--out', path.join(dir, 'site')], dir);
    assert.equal(run.code, 0, run.err);
    const listed = await runTidings(['--data', data, 'translations', '--json'], dir);
    assert.equal(listed.code, 0, listed.err);
    const rows = JSON.parse(listed.out) as Array<typeof pair>;
    assert.ok(rows.length > 0, 'the example corpus folds at least one translation');
    pair = rows[0]!;
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('card, show and align take a folded translation id (and a unique prefix of it)', async () => {
    const card = await runTidings(['--data', data, 'card', pair.translationId.slice(0, 8)], dir);
    assert.equal(card.code, 0, card.err);
    assert.ok(pair.translationTitle && card.out.includes(pair.translationTitle), "the card is the translation's own");
    const show = await runTidings(['--data', data, 'show', pair.translationId.slice(0, 8)], dir);
    assert.equal(show.code, 0, show.err);
    assert.match(show.err, /folded into it/);
    const aligned = await runTidings(['--data', data, 'align', pair.originalId, pair.translationId], dir);
    assert.equal(aligned.code, 0, aligned.err);
    assert.match(aligned.out, /^# Alignment/m);
    assert.match(aligned.out, new RegExp(`article ${pair.translationId}`));
  });

  test('verify checks our own digest JSON against the sources it cites, folded sides included', async () => {
    for (const lang of ['en', 'zh']) {
      const digest = await runTidings(['--data', data, 'digest', '--lang', lang, '--format', 'json'], dir);
      assert.equal(digest.code, 0, digest.err);
      const file = path.join(dir, `digest.${lang}.json`);
      await writeFile(file, digest.out);
      const verified = await runTidings(['--data', data, 'verify', file], dir);
      assert.equal(verified.code, 0, `${lang}: ${verified.out}${verified.err}`);
      assert.match(verified.out, /#(?:zh|en) /, 'a folded translation side is among the sources');
      assert.doesNotMatch(verified.out, /quote "schemaVersion"/, 'the JSON is read as fields, not as text');
    }
    const withTranslation = await runTidings(
      ['--data', data, 'verify', path.join(dir, 'digest.en.json'), '--sources', pair.translationId, pair.originalId],
      dir,
    );
    assert.match(withTranslation.out, new RegExp(`${pair.translationId} .*translation folded into ${pair.originalId}`));
  });

  test('verify: a JSON file that is not a Tidings output, and one of another schema version, say so', async () => {
    const other = path.join(dir, 'other.json');
    await writeFile(other, '{"title": "not ours"}');
    const r = await runTidings(['--data', data, 'verify', other, '--sources', pair.originalId], dir);
    assert.equal(r.code, 1);
    assert.match(r.err, /not a Tidings digest, digest item, card or post/);
    const old = path.join(dir, 'old.json');
    await writeFile(old, '{"schemaVersion": 1, "date": "2026-05-10", "tiers": []}');
    const o = await runTidings(['--data', data, 'verify', old, '--sources', pair.originalId], dir);
    assert.equal(o.code, 1);
    assert.match(o.err, /schema version 1; this Tidings reads version \d+/);
  });
});
