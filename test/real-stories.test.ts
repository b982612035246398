// Real-shaped material through the command, in-process: a day of arXiv listing entries in one
// vocabulary, three launches by one company, funding rounds of three companies, three events in
// one country, a lawsuit over two days, and multi-outlet coverage in English and Chinese. A story
// is one event: different papers, products or funded companies never share one; coverage of one
// event (across outlets, languages and days) does. Papers get the digest's research section.
// Fixtures: test/fixtures/real/stories-*.md (invented).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runTidings } from './support/run-cli.js';
import { PROJECT_ROOT } from '../src/config.js';

const fixtures = path.join(PROJECT_ROOT, 'test/fixtures/real');

const run = (args: string[]) => runTidings(args);

interface StoryJson {
  id: string;
  title: string;
  articleCount: number;
  timeline: Array<{ articleId: string; url: string; title: string }>;
}

describe('real-shaped stories: one story per event', () => {
  let dir: string;
  let data: string;
  let stories: StoryJson[];
  const storyOf = (url: string) => stories.find((s) => JSON.stringify(s).includes(`"${url}"`));
  const idOf = (url: string) => stories.flatMap((s) => s.timeline).find((e) => e.url === url)!.articleId;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-real-stories-'));
    data = path.join(dir, 'data');
    const files = (await readdir(fixtures))
      .filter((f) => f.startsWith('stories-'))
      .sort()
      .map((f) => path.join(fixtures, f));
    assert.ok(files.length >= 20);
    const ingest = await run(['--data', data, 'ingest', '--no-fetch', ...files]);
    assert.equal(ingest.code, 0, ingest.err);
    const listed = await run(['--data', data, 'stories', '--json']);
    assert.equal(listed.code, 0, listed.err);
    stories = JSON.parse(listed.out) as StoryJson[];
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('ten papers in one vocabulary are ten stories', () => {
    const papers = stories.filter((s) => s.timeline.some((e) => e.url.startsWith('https://arxiv.org/abs/')));
    assert.equal(papers.length, 10);
    for (const p of papers) assert.equal(p.articleCount, 1, p.title);
  });

  test('three launches by one company stay apart; one launch in two languages and three outlets is one story', () => {
    const quill = storyOf('https://corvana.example/blog/quill-2');
    assert.ok(quill);
    assert.deepEqual(quill.timeline.map((e) => e.url).sort(), [
      'https://corvana.example/blog/quill-2',
      'https://guichao.example/news/2026/0303/corvana-quill-2',
      'https://harbortech.example/2026/03/03/corvana-quill-2',
    ]);
    assert.equal(storyOf('https://harbortech.example/2026/03/03/corvana-atlas-vision')!.articleCount, 1);
    assert.equal(storyOf('https://circuitledger.example/corvana-echo-1-5')!.articleCount, 1);
  });

  test('funding rounds of different companies stay apart; one round in English and Chinese is one story', () => {
    const brightmoor = storyOf('https://circuitledger.example/brightmoor-series-b')!;
    assert.equal(storyOf('https://suanli.example/2026/03/03/brightmoor')?.id, brightmoor.id);
    assert.notEqual(storyOf('https://harbortech.example/2026/03/03/tallowind-series-a')!.id, brightmoor.id);
    assert.notEqual(storyOf('https://circuitledger.example/nexfold-funding')!.id, brightmoor.id);
    assert.notEqual(
      storyOf('https://circuitledger.example/nexfold-funding')!.id,
      storyOf('https://harbortech.example/2026/03/03/tallowind-series-a')!.id,
    );
  });

  test('three events in one country are three stories; one lawsuit over two days is one', () => {
    const korea = [
      'https://gridline.example/south-korea-fuel-price-cap',
      'https://gridline.example/south-korea-troop-posture',
      'https://harbortech.example/2026/03/03/north-korea-missiles',
    ];
    assert.equal(new Set(korea.map((u) => storyOf(u)!.id)).size, 3);
    assert.equal(
      storyOf('https://circuitledger.example/halvorsen-v-corvana-filed')!.id,
      storyOf('https://harbortech.example/2026/03/04/halvorsen-v-corvana-hearing')!.id,
    );
  });

  test('similar says why two papers, two launches or two rounds are not one event', async () => {
    const cases = [
      [
        'https://arxiv.org/abs/2603.01234',
        'https://arxiv.org/abs/2603.01377',
        /not one event: different papers \(arXiv 2603\.01234 and arXiv 2603\.01377\)/,
      ],
      [
        'https://harbortech.example/2026/03/03/corvana-quill-2',
        'https://harbortech.example/2026/03/03/corvana-atlas-vision',
        /not one event: different products in the headlines \(quill2 and vision1\)/,
      ],
      [
        'https://circuitledger.example/brightmoor-series-b',
        'https://harbortech.example/2026/03/03/tallowind-series-a',
        /not one event: funding rounds of different companies \(brightmoor and tallowind\)/,
      ],
    ] as const;
    for (const [a, b, why] of cases) {
      const r = await run(['--data', data, 'similar', idOf(a), idOf(b)]);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, why);
      assert.match(r.out, /different stories at threshold/);
    }
  });

  test('the digest lists the papers in their own section, not in the tiers, in both faces', async () => {
    const en = await run(['--data', data, 'digest', '--date', '2026-03-03', '--lang', 'en']);
    assert.equal(en.code, 0, en.err);
    const [tiers, research] = en.out.split('## Research papers');
    assert.ok(research, 'a research section');
    assert.equal((research.match(/\(https:\/\/arxiv\.org\/abs\/2603\.\d{5}\) \(arXiv\)/g) ?? []).length, 10);
    assert.doesNotMatch(tiers!, /arxiv\.org/);
    assert.match(tiers!, /Quill 2/);
    const zh = await run(['--data', data, 'digest', '--date', '2026-03-03', '--lang', 'zh', '--format', 'json']);
    assert.equal(zh.code, 0, zh.err);
    const digest = JSON.parse(zh.out) as {
      schemaVersion: number;
      research: { items: unknown[]; more: number };
      tiers: Array<{ items: Array<{ storyId: string }> }>;
    };
    assert.equal(digest.schemaVersion, 5);
    assert.equal(digest.research.items.length, 10);
    assert.equal(digest.research.more, 0);
  });
});
