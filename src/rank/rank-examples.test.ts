// Ranking the example corpus: ingest examples/ into an in-memory store, group the articles by the
// `event` of examples/expected.yaml, rank each story with the default rubric.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import type { ArticleWithSightings } from '../article.js';
import { loadRegistry } from '../cli/app.js';
import { PROJECT_ROOT } from '../config.js';
import { canonicalUrl } from '../pipeline/canonical-url.js';
import { ingest } from '../pipeline/ingest.js';
import { createArticleStore } from '../store/article-store.js';
import { openDatabase, type Database } from '../store/database.js';
import { renderExplanation } from './explain.js';
import { compareRanked, rankStory, type RankedHeadline } from './rank.js';
import type { Ranking } from './ranking.js';
import { loadRubricFile } from './rubric-file.js';

interface Expected {
  events: Record<string, { summary: string; articles: string[] }>;
  articles: Record<string, { event: string; url?: string; title: string }>;
  misquotes: Array<{ article: string; says: string }>;
}

const examples = path.join(PROJECT_ROOT, 'examples');
const expected = YAML.parse(await readFile(path.join(examples, 'expected.yaml'), 'utf8')) as Expected;

describe('ranking the example corpus', () => {
  let db: Database;
  const stories = new Map<string, { articles: ArticleWithSightings[]; ranking: Ranking }>();

  before(async () => {
    db = await openDatabase({ kind: 'pglite', dataDir: null });
    const store = createArticleStore(db);
    const registry = await loadRegistry(path.join(examples, 'sources.yaml'));
    assert.ok(registry.ok);
    const report = await ingest(registry.value.inputs(), {
      store,
      fetcher: null,
      findSource: (l) => registry.value.find(l),
      now: () => new Date('2026-05-10T12:00:00Z'),
      maxBytes: 1 << 22,
      concurrency: 2,
    });
    assert.equal(report.counts.failed, 0);
    const rubric = await loadRubricFile();
    assert.ok(rubric.ok);
    const all: ArticleWithSightings[] = [];
    for (const row of await store.listArticles({})) {
      const a = await store.getArticle(row.id);
      assert.ok(a && a !== 'ambiguous');
      all.push(a);
    }
    for (const [event, e] of Object.entries(expected.events)) {
      const members = e.articles.map((key) => {
        const want = expected.articles[key]!;
        // The one article with no URL of its own (a local file) is found by its title.
        const found = all.find((a) => (want.url ? a.url === canonicalUrl(want.url) : a.title === want.title));
        assert.ok(found, `${key} is stored`);
        return found;
      });
      stories.set(event, { articles: members, ranking: rankStory(members, rubric.value) });
    }
  });
  after(async () => db.close());

  const story = (event: string) => stories.get(event)!.ranking;

  test('saltfork: L1, High, five independent publishers, the official source, copies folded', () => {
    const r = story('saltfork');
    assert.equal(r.tier.level, 1);
    assert.equal(r.confidence, 'High');
    assert.deepEqual(
      [...r.independentPublishers].sort(),
      ['Harbor Tech Daily', 'Loop: @gridwatcher', 'The Circuit Ledger', '硅潮 SiliconTide', '算力前哨'].sort(),
    );
    assert.deepEqual(r.officialSources, ['Lattice Cloud']);
    const folded = (r.foldedCopies ?? []).join(' | ');
    for (const copy of [
      'Wirefold (syndicated copy of Harbor Tech Daily)',
      'AI Pulse Digest (near-duplicate repost, aggregator of Harbor Tech Daily)',
      '桥读 BridgeRead (translation of The Circuit Ledger)',
    ]) {
      assert.ok(folded.includes(copy), copy);
    }
  });

  test('saltfork: the misquote (3000 兆瓦 by 算力前哨) is a conflict against 300MW, and settled', () => {
    const m = expected.misquotes[0]!;
    const r = story('saltfork');
    assert.equal(r.figureConflicts.length, 1);
    const c = r.figureConflicts[0]!;
    assert.deepEqual(c.variants.at(-1), { surface: m.says, sources: ['算力前哨'] });
    assert.equal(c.variants[0]!.surface, '300MW / 300 兆瓦');
    assert.equal(c.variants[0]!.sources.length, 5);
    assert.equal(c.resolved, true);
    assert.ok(r.figuresAgreeing.some((f) => f.figure === '$9.6 billion / 96 亿美元 (6 sources)'));
    assert.ok(
      r.confidenceReasons.some(
        (x) =>
          x.startsWith('figures conflict: power: 300MW / 300 兆瓦 (5 sources: ') &&
          x.includes('vs 3000 兆瓦 (算力前哨)'),
      ),
    );
    const text = renderExplanation(expected.events.saltfork!.summary, r);
    assert.match(text, /CONFLICT: power: 300MW \/ 300 兆瓦 \(5 sources: .*\) vs 3000 兆瓦 \(算力前哨\)/);
  });

  test('no other story has a figure conflict', () => {
    for (const event of ['kimi-k3-flash', 'lancore', 'wattbench'])
      assert.deepEqual(story(event).figureConflicts, [], event);
  });

  const table: Array<{ event: string; level: number; confidence: string; audiences: string[] }> = [
    {
      event: 'saltfork',
      level: 1,
      confidence: 'High',
      audiences: ['Investor', 'Executive', 'Enterprise buyer', 'Tech Journalist'],
    },
    {
      event: 'kimi-k3-flash',
      level: 2,
      confidence: 'High',
      audiences: ['Developer', 'Tech Journalist', 'Enterprise buyer'],
    },
    { event: 'lancore', level: 2, confidence: 'High', audiences: ['Investor', 'Enterprise buyer', 'Tech Journalist'] },
    { event: 'wattbench', level: 3, confidence: 'Low', audiences: ['Developer', 'Researcher'] },
  ];
  for (const c of table) {
    test(`${c.event}: L${c.level}, ${c.confidence}, ${c.audiences.join(', ')}`, () => {
      const r = story(c.event);
      assert.equal(r.tier.level, c.level);
      assert.equal(r.confidence, c.confidence);
      assert.deepEqual(r.audiences, c.audiences);
      assert.equal(r.audienceReasons.length, r.audiences.length);
    });
  }

  test('digest order: saltfork, then the L2 stories by score, then wattbench', () => {
    const ranked: RankedHeadline[] = [...stories.entries()].map(([id, s]) => ({
      id,
      headline: expected.events[id]!.summary,
      ranking: s.ranking,
    }));
    // On May 10 Kimi K3 Flash is new; LanCore has run since May 9 and its May 10 article adds no figure.
    assert.deepEqual(
      ranked.sort(compareRanked).map((s) => s.id),
      ['saltfork', 'kimi-k3-flash', 'lancore', 'wattbench'],
    );
    assert.ok(story('kimi-k3-flash').scoreReasons?.includes('new (first reported on its latest day): 8'));
    assert.ok(
      story('lancore').scoreReasons?.includes('a running story whose latest coverage brings no new figure: -8'),
    );
  });
});
