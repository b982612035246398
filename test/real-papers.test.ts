// Listings in one house style: two abstracts that share most of their words but carry different
// paper ids are two articles (and two stories), never one folded into the other as a near-duplicate.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runTidings } from './support/run-cli.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-papers-'));
});
after(() => rm(dir, { recursive: true, force: true }));

const abstract = (id: string, topic: string, gain: number): string =>
  [
    '---',
    `title: "Efficient ${topic} for 7B language models"`,
    'source: "arXiv cs.CL"',
    `url: https://arxiv.org/abs/${id}`,
    'published: 2026-03-10T00:00:00Z',
    '---',
    `We study ${topic} in 7B-parameter language models and propose a training recipe that improves accuracy on our benchmark by a wide margin across the tasks we consider in this paper, with ${gain}% fewer training steps than the strongest baseline we compare against.`,
    'Experiments on eight tasks show that the method holds across model sizes and data mixtures, and that it is simple to add to existing training pipelines without new hyperparameters or extra compute at inference time.',
    'We release code and checkpoints so that others can reproduce every result in the paper and extend the recipe to larger models and other languages.',
    '',
  ].join('\n');

test('near-identical abstracts with different arXiv ids are two articles and two stories', async () => {
  await writeFile(path.join(dir, 'a.md'), abstract('2603.01234', 'retrieval', 12));
  await writeFile(path.join(dir, 'b.md'), abstract('2603.01377', 'retrieval', 14));
  // The same paper again (a listing copy) is still a duplicate.
  await writeFile(
    path.join(dir, 'c.md'),
    abstract('2603.01234', 'retrieval', 12)
      .replace('https://arxiv.org/abs/', 'https://arxiv.org/abs/')
      .replace('We release code', 'Code is released'),
  );
  const data = path.join(dir, 'data');
  const r = await runTidings(['--data', data, 'ingest', dir]);
  assert.equal(r.code, 0, r.out + r.err);
  assert.match(r.out, /2 new, 1 duplicate/);
  const stories = await runTidings(['--data', data, 'stories', '--json']);
  assert.equal((JSON.parse(stories.out) as unknown[]).length, 2);
});
