// Importance on real-shaped material, through the command: a lawsuit against a government reported
// in English and Chinese ranks above a vendor's how-to that names a major platform; a regulator
// named only in Chinese (工信部) is a government; and the user's gazetteer file (./gazetteer.yaml
// or TIDINGS_GAZETTEER) adds names that ranking reads at once. Fixtures:
// test/fixtures/real/importance-*.md (invented).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runTidings } from './support/run-cli.js';
import YAML from 'yaml';
import { PROJECT_ROOT } from '../src/config.js';
import { DEFAULT_RUBRIC_PATH } from '../src/rank/rubric-file.js';

const fixtures = path.join(PROJECT_ROOT, 'test/fixtures/real');

interface ItemJson {
  storyId: string;
  headline: string;
  tier?: { level: number };
}
interface DigestJson {
  date: string;
  tiers: Array<{ tier: { level: number }; items: ItemJson[] }>;
}
interface StoryJson {
  id: string;
  timeline: Array<{ articleId: string; url: string }>;
}

describe('real-shaped importance', () => {
  let dir: string;
  let data: string;
  let digest: DigestJson;
  let stories: StoryJson[];
  const storyOf = (url: string) => stories.find((s) => s.timeline.some((e) => e.url === url))!;
  const levelOf = (url: string) => {
    const id = storyOf(url).id;
    return digest.tiers.find((t) => t.items.some((i) => i.storyId === id))?.tier.level;
  };
  const positionOf = (url: string) =>
    digest.tiers.flatMap((t) => t.items).findIndex((i) => i.storyId === storyOf(url).id);

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-real-importance-'));
    data = path.join(dir, 'data');
    // One directory of several outlets' files, registered as one source (as a newsroom keeps saved
    // coverage): each file's own `source` and address name its outlet.
    await mkdir(path.join(dir, 'saved'));
    for (const f of (await readdir(fixtures)).filter((f) => f.startsWith('importance-')))
      await copyFile(path.join(fixtures, f), path.join(dir, 'saved', f));
    await writeFile(
      path.join(dir, 'sources.yaml'),
      'version: 1\nsources:\n  - id: saved\n    name: Saved coverage\n    kind: directory\n    type: news\n    language: mixed\n    path: saved/\n',
    );
    const ingest = await runTidings(['--data', data, 'ingest', '--no-fetch'], dir);
    assert.equal(ingest.code, 0, ingest.err);
    const listed = await runTidings(['--data', data, 'stories', '--json'], dir);
    stories = JSON.parse(listed.out) as StoryJson[];
    const d = await runTidings(['--data', data, 'digest', '--date', '2026-03-12', '--format', 'json'], dir);
    assert.equal(d.code, 0, d.err);
    digest = JSON.parse(d.out) as DigestJson;
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('the lawsuit against the Commerce Department, in two languages, is one story at L2, above the how-to', () => {
    const en = 'https://harborledger.example/2026/03/12/orrin-chips-sues-commerce';
    assert.equal(storyOf(en).id, storyOf('https://suanli.example/2026/03/12/orrin-chips-commerce').id);
    assert.equal(levelOf(en), 2);
    const howto = 'https://dev.sparrowline.example/blog/2026/03/12/nim-workstation-howto';
    assert.ok((levelOf(howto) ?? 9) > 2);
    assert.ok(positionOf(en) < positionOf(howto));
  });

  test('a rule from 工信部, reported only in Chinese, is a regulation by a government body', async () => {
    const url = 'https://huadong-tech.example/2026/03/12/miit-genai-filing';
    assert.equal(levelOf(url), 3);
    const explained = await runTidings(['--data', data, 'explain', storyOf(url).id], dir);
    assert.equal(explained.code, 0, explained.err);
    assert.match(
      explained.out,
      /L3 Notable: names (工业和信息化部|Ministry of Industry and Information Technology) in a title or lead; topic policy/,
    );
    // It claims coverage only in the language it has.
    assert.doesNotMatch(explained.out, /covered in English/);
  });

  test("the user's gazetteer.yaml is read from the working directory, and a bad one is a clear error", async () => {
    const rubric = path.join(dir, 'rubric.yaml');
    // The bundled rubric with a watch list as its top tier: the newsroom's own names.
    const edited = YAML.parse(await readFile(DEFAULT_RUBRIC_PATH, 'utf8')) as {
      tiers: Array<{ level: number; name: string; when?: unknown[] }>;
    };
    edited.tiers[0] = { ...edited.tiers[0]!, name: 'Watchlist', when: [{ anyEntity: ['sparrowline'] }] };
    await writeFile(rubric, YAML.stringify(edited));
    const howto = storyOf('https://dev.sparrowline.example/blog/2026/03/12/nim-workstation-howto').id;
    const before = await runTidings(['--data', data, 'explain', howto, '--rubric', rubric], dir);
    assert.equal(before.code, 0, before.err);
    assert.doesNotMatch(before.out, /L1 Watchlist: names/);
    await writeFile(
      path.join(dir, 'gazetteer.yaml'),
      'version: 1\nentities:\n  - id: sparrowline\n    name: Sparrowline\n    en: [Sparrowline Developer Blog, NIM]\n    zh: [麻雀线]\n',
    );
    const after = await runTidings(['--data', data, 'explain', howto, '--rubric', rubric], dir);
    assert.equal(after.code, 0, after.err);
    assert.match(after.out, /L1 Watchlist: names Sparrowline in a title or lead/);

    await writeFile(
      path.join(dir, 'gazetteer.yaml'),
      'version: 1\nentities:\n  - id: Sparrow Line\n    name: Sparrowline\n',
    );
    const bad = await runTidings(['--data', data, 'explain', howto], dir);
    assert.notEqual(bad.code, 0);
    assert.match(bad.err, /gazetteer\.yaml line 3: entity "Sparrow Line", field "id"/);
    await rm(path.join(dir, 'gazetteer.yaml'));

    process.env.TIDINGS_GAZETTEER = path.join(dir, 'missing.yaml');
    try {
      const missing = await runTidings(['--data', data, 'explain', howto], dir);
      assert.notEqual(missing.code, 0);
      assert.match(missing.err, /gazetteer file .*missing\.yaml does not exist/);
    } finally {
      delete process.env.TIDINGS_GAZETTEER;
    }
  });
});
