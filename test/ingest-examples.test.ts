// The example corpus end to end, on both store engines: what ingest stores, how duplicates fold,
// that a second run changes nothing, and that bad inputs fail alone without touching the store.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { loadRegistry, type LoadedRegistry } from '../src/cli/app.js';
import { PROJECT_ROOT } from '../src/config.js';
import { ingest, type IngestReport } from '../src/pipeline/ingest.js';
import { canonicalUrl } from '../src/pipeline/canonical-url.js';
import { createArticleStore, type ArticleStore } from '../src/store/article-store.js';
import type { Database } from '../src/store/database.js';
import { backends } from './support/backends.js';

interface ExpectedArticle {
  event: string;
  outlet: string;
  type: string;
  language: string;
  published?: string;
  url?: string;
  title?: string;
  byline?: string;
  quotes?: Array<{ speaker: string | null; starts: string }>;
}
interface Expected {
  distinctArticles: number;
  reachedFromRegistry: number;
  duplicatesFromRegistry: number;
  articles: Record<string, ExpectedArticle>;
  misquotes: Array<{ article: string; says: string }>;
}

const examples = path.join(PROJECT_ROOT, 'examples');
const badDir = path.join(PROJECT_ROOT, 'test/fixtures/bad');
const expected = YAML.parse(await readFile(path.join(examples, 'expected.yaml'), 'utf8')) as Expected;

async function snapshot(db: Database): Promise<string> {
  const rows = await db.query(`SELECT
    (SELECT count(*)::int FROM articles) AS articles, (SELECT count(*)::int FROM sightings) AS sightings,
    (SELECT count(*)::int FROM article_bands) AS bands,
    (SELECT md5(string_agg(id || fingerprint || coalesce(bilingual::text, '') || url, ',' ORDER BY id)) FROM articles) AS articles_md5,
    (SELECT md5(string_agg(article_id || url || relation, ',' ORDER BY url)) FROM sightings) AS sightings_md5`);
  return JSON.stringify(rows[0]);
}

for (const backend of backends()) {
  describe(`example corpus on ${backend.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    let store: ArticleStore;
    let registry: LoadedRegistry;
    let first: IngestReport;
    const run = (inputs: readonly string[]) =>
      ingest(inputs, {
        store,
        fetcher: null,
        findSource: (l) => registry.find(l),
        now: () => new Date('2026-05-10T12:00:00Z'),
        maxBytes: 1 << 22,
        concurrency: 2,
      });

    before(async () => {
      ({ db, dispose } = await backend.open());
      store = createArticleStore(db);
      const loaded = await loadRegistry(path.join(examples, 'sources.yaml'));
      assert.ok(loaded.ok, 'the bundled registry loads');
      registry = loaded.value;
      first = await run(registry.inputs());
    });
    after(async () => dispose());

    test('every reachable item is read: distinct articles new, the rest duplicates, none failed', () => {
      const failures = first.outcomes.flatMap((o) => (o.status === 'failed' ? [o.failure.message] : []));
      assert.deepEqual(failures, []);
      assert.equal(first.counts.new, expected.distinctArticles);
      assert.equal(first.counts.duplicate, expected.duplicatesFromRegistry);
      assert.equal(first.outcomes.length, expected.reachedFromRegistry);
    });

    test('each expected article is stored once with its outlet, type, language, title and date', async () => {
      for (const [key, want] of Object.entries(expected.articles)) {
        // A local text file has no URL of its own: find it by title.
        const id = want.url
          ? await store.findByUrl([canonicalUrl(want.url)])
          : (await store.listArticles()).find((r) => r.title === want.title)?.id;
        assert.ok(id, `${key} is stored (${want.url ?? want.title})`);
        const a = await store.getArticle(id);
        assert.ok(a && a !== 'ambiguous');
        assert.equal(a.outlet, want.outlet, `${key} outlet`);
        assert.equal(a.sourceType, want.type, `${key} type`);
        assert.equal(a.language, want.language, `${key} language`);
        if (want.title) assert.equal(a.title, want.title, `${key} title`);
        if (want.published) assert.equal(a.published, new Date(want.published).toISOString(), `${key} published`);
        assert.ok(!a.text.includes('\uFFFD'), `${key} has no replacement characters (decoding)`);
        for (const q of want.quotes ?? []) {
          const found = a.understanding.quotes.find((x) => x.text.startsWith(q.starts) || x.text.includes(q.starts));
          assert.ok(found, `${key}: quote "${q.starts}" found`);
          // A Chinese text may give the speaker in both scripts, 马库斯·奥耶拉兰（Marcus Oyelaran）: either is right.
          // A surname alone is right when the full name appears only in the byline.
          if (q.speaker && found.speaker !== q.speaker) {
            const sameName =
              a.text.includes(`${q.speaker}（${found.speaker}）`) ||
              (found.speaker !== null && q.speaker.endsWith(` ${found.speaker}`));
            assert.ok(sameName, `${key}: speaker of "${q.starts}" is ${found.speaker}`);
          }
        }
      }
    });

    test('duplicates fold with the right relation: syndicated, repost, feed link, translation', async () => {
      const relations = async (url: string) => {
        const a = await store.getArticle((await store.findByUrl([canonicalUrl(url)]))!);
        assert.ok(a && a !== 'ambiguous');
        return a.sightings.map((s) => s.relation).sort();
      };
      assert.deepEqual(await relations(expected.articles['harbor-saltfork']!.url!), [
        'canonical',
        'near-duplicate',
        'original',
        'same-url',
      ]);
      assert.deepEqual(await relations(expected.articles['circuit-neocloud']!.url!), ['original', 'translation']);
      const bilingual = await store.getArticle(
        (await store.findByUrl([canonicalUrl(expected.articles['circuit-neocloud']!.url!)]))!,
      );
      assert.ok(bilingual && bilingual !== 'ambiguous' && bilingual.bilingual);
      assert.equal(bilingual.outlet, 'The Circuit Ledger', 'the original keeps the credit');
      assert.ok(bilingual.bilingual.pairs.length >= 7);
    });

    test('the misquoted figure is stored as the source gives it', async () => {
      const m = expected.misquotes[0]!;
      const a = await store.getArticle((await store.findByUrl([canonicalUrl(expected.articles[m.article]!.url!)]))!);
      assert.ok(a && a !== 'ambiguous');
      const f = a.understanding.figures.find((x) => x.surface.replace(/\s/g, '') === m.says.replace(/\s/g, ''));
      assert.ok(f, `figure ${m.says} found`);
      assert.equal(f.unit, 'W');
      assert.equal(f.value, 3e9);
    });

    test('ingesting the same sources again changes nothing', async () => {
      const before = await snapshot(db);
      const again = await run(registry.inputs());
      assert.equal(again.counts.new, 0);
      assert.equal(again.counts.failed, 0);
      assert.equal(await snapshot(db), before);
    });

    test('bad inputs: each fails alone with a message naming it; the store is untouched', async () => {
      const before = await snapshot(db);
      const files = [
        'malformed-feed.xml',
        'no-links-feed.xml',
        'garbage.json',
        'empty.html',
        'binary.html',
        'truncated.html',
        'wrong-charset.html',
      ];
      // A 200 MB page (sparse: no real disk use) is refused by size before it is read.
      const big = path.join(await mkdtemp(path.join(os.tmpdir(), 'tidings-big-')), 'huge.html');
      await writeFile(big, '<html><body><p>start</p>');
      await truncate(big, 200 * 1024 * 1024);
      const report = await run([
        ...files.map((f) => path.join(badDir, f)),
        path.join(badDir, 'does-not-exist.html'),
        big,
      ]);
      await rm(path.dirname(big), { recursive: true, force: true });
      const failed = report.outcomes.flatMap((o) => (o.status === 'failed' ? [o.failure] : []));
      const byFile = (name: string) =>
        failed.filter((f) => f.message.includes(name) || (f.subject ?? '').includes(name));
      // The malformed feed is read around its errors: its cut-off third item is the failure, named with
      // its line; its two complete items are kept (from the feed's own text: there is no network here).
      assert.deepEqual(
        byFile('malformed-feed.xml').map((f) => [f.code, f.subject]),
        [['bad_input', `${path.relative(process.cwd(), path.join(badDir, 'malformed-feed.xml'))} item 3`]],
      );
      assert.match(
        byFile('malformed-feed.xml')[0]!.message,
        /item 3 \("Third item"\) at line 19, column 3 is cut off by the end of the document: not read/,
      );
      assert.deepEqual(
        byFile('no-links-feed.xml').map((f) => f.code),
        ['bad_input', 'bad_input'],
      );
      assert.equal(byFile('garbage.json')[0]?.code, 'bad_input');
      assert.equal(byFile('empty.html')[0]?.code, 'empty_input');
      assert.equal(byFile('binary.html')[0]?.code, 'binary_input');
      assert.equal(byFile('does-not-exist.html')[0]?.code, 'not_found');
      assert.equal(byFile('huge.html')[0]?.code, 'too_large');
      // The mislabelled page is read correctly from its bytes (GBK), never stored as mojibake.
      const good = report.outcomes.filter((o) => o.status === 'new');
      for (const o of good) {
        const a = await store.getArticle(o.status === 'new' ? o.articleId : '');
        assert.ok(a && a !== 'ambiguous' && !a.text.includes('\uFFFD'));
      }
      // Only the two readable pages and the malformed feed's two complete items may add articles;
      // nothing already stored is altered.
      const after = JSON.parse(await snapshot(db)) as { articles: number };
      const beforeRows = JSON.parse(before) as { articles: number };
      assert.equal(after.articles, beforeRows.articles + good.length);
      const salvaged = good.filter((o) => o.status === 'new' && o.url.startsWith('https://brokenwire.example/'));
      assert.deepEqual(salvaged.map((o) => (o.status === 'new' ? o.url : '')).sort(), [
        'https://brokenwire.example/2026/05/10/first',
        'https://brokenwire.example/2026/05/10/second',
      ]);
      assert.ok(good.length - salvaged.length <= 2);
    });
  });
}
