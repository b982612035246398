import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ALL_FIXTURES,
  CORVANE_EN,
  CORVANE_EN_DAY2,
  CORVANE_ZH,
  FIXTURE_EVENTS,
  fixtureArticle,
} from './articles.fixture.js';
import { frequencyOf } from './corpus-frequency.js';
import { featuresOf } from './features.js';
import { activityTime, placeArticle, rankCandidates, windowAround } from './grouping.js';
import { placeAllInArchive, placeInArchive } from './story-archive.js';
import { createMemoryStoryIndex } from './story-index.js';

function membership(index: ReturnType<typeof createMemoryStoryIndex>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const s of index.stories()) out[s.id] = s.timeline.map((e) => e.articleId).sort();
  return out;
}

describe('grouping', () => {
  test('the fixtures group into their three events, each story named after its first article', async () => {
    const index = createMemoryStoryIndex();
    await placeAllInArchive(index, ALL_FIXTURES);
    const groups = Object.values(membership(index)).map((ids) => [...new Set(ids.map((id) => FIXTURE_EVENTS[id]))]);
    assert.deepEqual(
      groups.map((g) => g.length),
      [1, 1, 1],
      'each story holds one event',
    );
    assert.equal(index.stories().length, 3);
    assert.equal(index.storyOf(CORVANE_ZH.id), CORVANE_EN.id);
  });

  test('the order articles arrive in does not change a batch: it is placed by time', async () => {
    const a = createMemoryStoryIndex();
    const b = createMemoryStoryIndex();
    await placeAllInArchive(a, ALL_FIXTURES);
    await placeAllInArchive(b, [...ALL_FIXTURES].reverse());
    assert.deepEqual(membership(a), membership(b));
  });

  test('adding articles never changes the membership of existing stories', async () => {
    const index = createMemoryStoryIndex();
    const day1 = ALL_FIXTURES.filter((a) => a !== CORVANE_EN_DAY2);
    await placeAllInArchive(index, day1);
    const before = membership(index);
    const placed = await placeInArchive(index, CORVANE_EN_DAY2);
    assert.equal(placed.placement.kind, 'join');
    const after = membership(index);
    for (const [id, members] of Object.entries(before)) {
      if (id === CORVANE_EN.id) assert.deepEqual(after[id], [...members, CORVANE_EN_DAY2.id].sort());
      else assert.deepEqual(after[id], members);
    }
  });

  test('a day-2 article joins the day-1 story; the timeline shows both days in order', async () => {
    const index = createMemoryStoryIndex();
    await placeAllInArchive(index, [CORVANE_EN, CORVANE_ZH]);
    await placeAllInArchive(index, [CORVANE_EN_DAY2]);
    const story = index.stories().find((s) => s.id === CORVANE_EN.id);
    assert.ok(story);
    assert.deepEqual(
      story.timeline.map((e) => [e.activityAt.slice(0, 10), e.language, e.outlet]),
      [
        ['2026-06-02', 'en', 'Quillfeed'],
        ['2026-06-02', 'zh', '算力札记'],
        ['2026-06-03', 'en', 'Gridline Weekly'],
      ],
    );
    assert.equal(story.timeline[0]!.score, null);
    assert.ok((story.timeline[2]!.score ?? 0) >= 0.4);
  });

  test('placing an article twice records it once', async () => {
    const index = createMemoryStoryIndex();
    await placeInArchive(index, CORVANE_EN);
    const again = await placeInArchive(index, CORVANE_EN);
    assert.equal(again.recorded, false);
    assert.equal(index.stories()[0]!.articleCount, 1);
  });

  test('coverage outside the date window starts a new story', async () => {
    const index = createMemoryStoryIndex();
    await placeInArchive(index, CORVANE_EN);
    const late = fixtureArticle({
      id: 'c0rvane00en9',
      outlet: 'Gridline Weekly',
      published: '2026-07-20T07:30:00Z',
      ingestedAt: '2026-07-20T08:00:00Z',
      language: 'en',
      title: CORVANE_EN_DAY2.title ?? '',
      text: CORVANE_EN_DAY2.text,
    });
    const placed = await placeInArchive(index, late);
    assert.equal(placed.placement.kind, 'new');
  });

  test('an undated article meets the stories ingested around the same time', async () => {
    const index = createMemoryStoryIndex();
    await placeInArchive(index, CORVANE_EN);
    const undated = fixtureArticle({
      id: 'c0rvane0und1',
      outlet: 'Blog',
      published: null,
      ingestedAt: '2026-06-03T12:30:00Z',
      language: 'en',
      title: CORVANE_EN_DAY2.title ?? '',
      text: CORVANE_EN_DAY2.text,
    });
    const placed = await placeInArchive(index, undated);
    assert.equal(placed.placement.kind, 'join');
    assert.equal(
      index.stories()[0]!.lastActive,
      '2026-06-02T09:00:00.000Z',
      'an undated member does not move the story date',
    );
  });
});

describe('grouping core', () => {
  test('candidates rank by the rarity of the keys they share', () => {
    const df = frequencyOf(ALL_FIXTURES.map(featuresOf));
    const ranked = rankCandidates(
      [
        { storyId: 'common', key: 'e:anthropic' },
        { storyId: 'rare', key: 't:brackenridge' },
        { storyId: 'rare', key: 't:corvane' },
      ],
      df,
      1,
    );
    assert.deepEqual(ranked, ['rare']);
  });

  test('below the threshold the article starts its own story and says which came nearest', () => {
    const df = frequencyOf(ALL_FIXTURES.map(featuresOf));
    const placement = placeArticle(
      featuresOf(CORVANE_EN),
      [{ id: 'other', members: [featuresOf(ALL_FIXTURES[3]!)] }],
      df,
    );
    assert.equal(placement.kind, 'new');
    assert.equal(placement.storyId, CORVANE_EN.id);
    assert.equal(placement.kind === 'new' ? placement.nearest?.storyId : null, 'other');
  });

  const times = [
    {
      name: 'published wins',
      published: '2026-06-02T09:00:00Z',
      ingested: '2026-06-05T00:00:00Z',
      want: '2026-06-02T09:00:00.000Z',
    },
    {
      name: 'undated: the ingest time',
      published: null,
      ingested: '2026-06-05T00:00:00Z',
      want: '2026-06-05T00:00:00.000Z',
    },
    {
      name: 'unreadable date: the ingest time',
      published: 'soon',
      ingested: '2026-06-05T00:00:00Z',
      want: '2026-06-05T00:00:00.000Z',
    },
  ];
  for (const c of times)
    test(`activity time: ${c.name}`, () => assert.equal(activityTime(c.published, c.ingested), c.want));

  test('the window spans the given days either side', () => {
    assert.deepEqual(windowAround('2026-06-02T00:00:00.000Z', 3), {
      from: '2026-05-30T00:00:00.000Z',
      to: '2026-06-05T00:00:00.000Z',
    });
  });
});

describe('event identity in grouping', () => {
  const paper = (id: string, arxiv: string, title: string) =>
    fixtureArticle({
      id,
      title,
      outlet: 'arXiv',
      sourceType: 'research',
      language: 'en',
      published: '2026-06-03T01:00:00.000Z',
      text: `arXiv:${arxiv} [cs.CL] Large language models still struggle with multi-step reasoning. We propose a verifier that improves reasoning accuracy on a new benchmark of 4,200 problems. We release code, data and the benchmark.`,
    });

  test('two papers told in the same words are two stories; a press write-up citing one joins it', async () => {
    const a = paper('p1', '2603.01234', 'Stepwise Verifiers Improve Reasoning in Large Language Models');
    const b = paper('p2', '2603.01377', 'Stepwise Verifiers Improve Reasoning in Large Language Models Too');
    const press = fixtureArticle({
      id: 'p3',
      title: 'Paper of the day: Stepwise Verifiers Improve Reasoning in Large Language Models',
      outlet: 'The Weights Weekly',
      language: 'en',
      published: '2026-06-03T09:00:00.000Z',
      text: 'A new paper on arXiv (arXiv:2603.01234) claims a verifier improves multi-step reasoning of large language models on a new benchmark of 4,200 problems. The authors release code, data and the benchmark.',
    });
    const index = createMemoryStoryIndex();
    await placeAllInArchive(index, [a, b, press]);
    assert.notEqual(index.storyOf('p1'), index.storyOf('p2'));
    assert.equal(index.storyOf('p3'), index.storyOf('p1'));
  });

  test('a story holding a different paper is skipped whatever its other members score', () => {
    const a = featuresOf(paper('p1', '2603.01234', 'Verifiers for reasoning'));
    const b = featuresOf(paper('p2', '2603.01377', 'Verifiers for reasoning'));
    const placement = placeArticle(b, [{ id: 'p1', members: [a] }], frequencyOf([a, b]));
    assert.equal(placement.kind, 'new');
  });
});
