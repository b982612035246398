// Issue 12's importance signals beyond corroboration: novelty (what is new on a story's latest
// day), governments and regulators named in either language, and the user's own gazetteer.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useGazetteer } from '../understand/gazetteer.js';
import { parseGazetteer } from '../understand/gazetteer-file.js';
import { findEntities } from '../understand/entities.js';
import { rankStory } from './rank.js';
import { makeArticle } from './rank.fixture.js';
import { loadRubricFile } from './rubric-file.js';
import { noveltyOf } from './story-facts.js';

const loaded = await loadRubricFile();
assert.ok(loaded.ok, loaded.ok ? '' : loaded.message);
const rubric = loaded.value;

const launch = (id: string, outlet: string, published: string, extra = '') =>
  makeArticle({
    id,
    outlet,
    published,
    title: 'Fernwick Labs releases Quill 2, an open-weight language model',
    paragraphs: [
      `Fernwick Labs released Quill 2, an open-weight language model with 40 billion parameters, on its developer site.${extra}`,
    ],
  });

describe('novelty', () => {
  test('a story first reported on its latest day is new', () => {
    const n = noveltyOf([
      launch('a', 'Pier Wire', '2026-03-09T08:00:00Z'),
      launch('b', 'Dock Daily', '2026-03-09T17:00:00Z'),
    ]);
    assert.deepEqual(n, { firstDay: '2026-03-09', lastDay: '2026-03-09', daysRunning: 0, newFigures: [] });
    const r = rankStory([launch('a', 'Pier Wire', '2026-03-09T08:00:00Z')], rubric);
    assert.ok(r.scoreReasons?.includes('new (first reported on its latest day): 8'), r.scoreReasons?.join(' | '));
  });

  test('a follow-up that repeats the figures is a running story with nothing new', () => {
    const story = [launch('a', 'Pier Wire', '2026-03-09T08:00:00Z'), launch('b', 'Dock Daily', '2026-03-11T09:00:00Z')];
    const n = noveltyOf(story);
    assert.equal(n.daysRunning, 2);
    assert.deepEqual(n.newFigures, []);
    const r = rankStory(story, rubric);
    assert.ok(r.scoreReasons?.includes('a running story whose latest coverage brings no new figure: -8'));
    assert.ok(!r.scoreReasons?.some((x) => x.startsWith('new ')));
  });

  test('a follow-up with a new figure is not penalised, and the figure is named', () => {
    const story = [
      launch('a', 'Pier Wire', '2026-03-09T08:00:00Z'),
      launch('b', 'Dock Daily', '2026-03-10T09:00:00Z', ' It costs $2 per million tokens.'),
    ];
    const n = noveltyOf(story);
    assert.equal(n.daysRunning, 1);
    assert.deepEqual(n.newFigures, ['$2']);
    const r = rankStory(story, rubric);
    assert.ok(!r.scoreReasons?.some((x) => x.includes('no new figure')), r.scoreReasons?.join(' | '));
  });

  test('an undated article counts by the day it was first seen', () => {
    const undated = {
      ...launch('b', 'Dock Daily', '2026-03-09T08:00:00Z'),
      published: null,
      ingestedAt: '2026-03-12T10:00:00.000Z',
    };
    assert.equal(noveltyOf([launch('a', 'Pier Wire', '2026-03-09T08:00:00Z'), undated]).lastDay, '2026-03-12');
  });
});

describe('governments and regulators, in either language', () => {
  const lawsuit = (zh: boolean) =>
    makeArticle({
      id: zh ? 'zh' : 'en',
      outlet: zh ? '码头日报' : 'Pier Wire',
      title: zh ? '工信部发布生成式人工智能新规' : 'MIIT issues new rules for generative AI services',
      paragraphs: [
        zh
          ? '工业和信息化部周一发布生成式人工智能服务监管新规，要求大模型提供方备案。'
          : "China's Ministry of Industry and Information Technology on Monday issued new regulation for generative AI services, requiring model providers to register.",
      ],
    });

  for (const zh of [false, true]) {
    test(`a regulation by China's MIIT reported in ${zh ? 'Chinese' : 'English'} names a government body`, () => {
      const names = findEntities(lawsuit(zh).title!).map((e) => e.entityId);
      assert.ok(names.includes('miit'), names.join(','));
      const r = rankStory([lawsuit(zh)], rubric);
      assert.equal(r.tier.level, 3);
      assert.match(r.tierReasons[0]!, /names (Ministry of Industry and Information Technology|工信部|MIIT)/);
      assert.ok(
        r.scoreReasons?.some((x) => x.startsWith('a lawsuit, ruling or regulation involving a government')),
        r.scoreReasons?.join(' | '),
      );
    });
  }

  test('a country named beside a policy word is not a government acting', () => {
    const story = [
      makeArticle({
        id: 'dc',
        outlet: 'Pier Wire',
        title: 'Quarry Compute starts building a GPU campus in the United States',
        paragraphs: [
          'Quarry Compute said the campus, its first in the United States, received its building permit last week.',
        ],
      }),
    ];
    const r = rankStory(story, rubric);
    assert.ok(!r.scoreReasons?.some((x) => x.includes('involving a government')), r.scoreReasons?.join(' | '));
  });
});

describe("the user's gazetteer", () => {
  afterEach(() => useGazetteer([]));

  const file = `version: 1
entities:
  - id: fernwick-labs
    name: Fernwick Labs
    type: organization
    en: [Fernwick]
    zh: [芬威克实验室]
  - id: nvidia
    name: Nvidia
    type: organization
    zh: [恩维迪亚]
`;

  test('adds new entities and aliases of bundled ones, in both languages', () => {
    const parsed = parseGazetteer(file, 'gazetteer.yaml');
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
    assert.deepEqual(
      findEntities('芬威克实验室发布新模型').map((e) => e.entityId),
      [],
    );
    useGazetteer(parsed.value);
    assert.deepEqual(
      findEntities('芬威克实验室发布新模型').map((e) => e.entityId),
      ['fernwick-labs'],
    );
    assert.deepEqual(
      findEntities('恩维迪亚与英伟达').map((e) => e.entityId),
      ['nvidia', 'nvidia'],
    );
    useGazetteer([]);
    assert.deepEqual(
      findEntities('恩维迪亚').map((e) => e.entityId),
      [],
    );
  });

  test("a rubric entity set may name the user's entities, and ranking sees them in stored articles", () => {
    const article = launch('a', 'Pier Wire', '2026-03-09T08:00:00Z');
    const withSet = { ...rubric, entitySets: rubric.entitySets };
    const tiers = withSet.tiers.map((t) =>
      t.level === 2 ? { ...t, when: [{ anyEntity: ['fernwick-labs'] }, ...(t.when ?? [])] } : t,
    );
    const custom = { ...withSet, tiers };
    assert.equal(rankStory([article], custom).tier.level, 4);
    const parsed = parseGazetteer(file, 'gazetteer.yaml');
    assert.ok(parsed.ok);
    useGazetteer(parsed.value);
    // The article was understood before the name was added; ranking reads titles and leads anew.
    const r = rankStory([article], custom);
    assert.equal(r.tier.level, 2);
    assert.match(r.tierReasons[0]!, /names Fernwick Labs/);
  });

  test('bad entries are reported with the file, the line and the entry', () => {
    const bad = parseGazetteer(
      `version: 1
entities:
  - id: Fernwick Labs
    name: Fernwick Labs
  - id: ok-one
    name: X
  - id: ok-two
    name: Two
    colour: blue
`,
      'my-names.yaml',
    );
    assert.ok(!bad.ok);
    assert.match(bad.message, /my-names\.yaml line 3: entity "Fernwick Labs", field "id": an id is lower-case/);
    assert.match(bad.message, /line 6: entity "ok-one", field "name": an alias needs at least 2 characters/);
    assert.match(bad.message, /entity "ok-two", the entry: .*colour/);
    const dup = parseGazetteer(
      'version: 1\nentities:\n  - { id: a1, name: Alpha }\n  - { id: a1, name: Alpha Two }\n',
      'g.yaml',
    );
    assert.ok(!dup.ok);
    assert.match(dup.message, /g\.yaml line 4: entity "a1" is listed twice \(first on line 3\)/);
    const yaml = parseGazetteer('version: 1\nentities: [\n', 'g.yaml');
    assert.ok(!yaml.ok);
    assert.match(yaml.message, /g\.yaml line \d+, column \d+: bad YAML/);
  });
});
