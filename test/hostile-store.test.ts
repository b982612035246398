// Hostile input against the store's indexes, through the `tidings` command in-process. Each case
// of test/fixtures/hostile/store-articles.ts (a 2.7 KB word, a 10 KB URL, a 5 KB title, a huge
// name, a giant CJK run…) is ingested into a fresh store; then `stories`, `digest` and `build`
// must succeed, no indexed text may exceed the bound, and a normal article ingested afterwards
// must still be stored and grouped. Before the bound, the first case made every later command
// exit 3, for good. The same corpus runs on a PostgreSQL server when the suite has one
// (TIDINGS_TEST_DATABASE_URL, as test/support/backends.ts). Then `tidings articles remove`.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runTidings } from './support/run-cli.js';
import { withEmptyStore } from './support/store-template.js';
import { PROJECT_ROOT } from '../src/config.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { MAX_INDEXED_BYTES } from '../src/store/index-bounds.js';
import { backends, freshServerDatabase } from './support/backends.js';
import { writeStoreCases, type StoreCase } from './fixtures/hostile/store-articles.js';

const pages = path.join(PROJECT_ROOT, 'examples/pages');
const NORMAL = path.join(pages, 'harbor-tech-lancore-series-c.html');

const run = (args: string[]) => runTidings(args);

/** Runs a command and asserts its exit code, showing what it said when it is not the expected one. */
async function expectCode(args: string[], code: number): Promise<{ out: string; err: string }> {
  const r = await run(args);
  assert.equal(
    r.code,
    code,
    `tidings ${args.filter((a) => !a.startsWith('/') && !a.startsWith('postgres')).join(' ')} exited ${r.code}:\n${r.err.slice(0, 2000)}`,
  );
  return r;
}

interface StoryJson {
  readonly id: string;
  readonly articleCount: number;
  readonly timeline: ReadonlyArray<{ readonly articleId: string }>;
}

async function storyList(store: string[]): Promise<StoryJson[]> {
  return JSON.parse((await expectCode([...store, 'stories', '--json'], 0)).out) as StoryJson[];
}

async function articleRows(store: string[]): Promise<Array<{ id: string; title: string | null }>> {
  const { out } = await expectCode([...store, 'articles', '--json'], 0);
  return out.trim() === ''
    ? []
    : out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string; title: string | null });
}

async function articleIds(store: string[]): Promise<string[]> {
  return (await articleRows(store)).map((r) => r.id);
}

/** The longest text (in UTF-8 bytes) in each indexed text column an article's text reaches. */
async function longestIndexed(db: Database): Promise<Record<string, number>> {
  const [row] = await db.query<Record<string, number | null>>(
    `SELECT (SELECT max(octet_length(url)) FROM articles) AS "articles.url",
       (SELECT max(octet_length(url)) FROM sightings) AS "sightings.url",
       (SELECT max(octet_length(key)) FROM story_keys) AS "story_keys.key",
       (SELECT max(octet_length(key)) FROM feature_frequencies) AS "feature_frequencies.key"`,
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v ?? 0)]));
}

function assertBounded(longest: Record<string, number>): void {
  for (const [column, bytes] of Object.entries(longest))
    assert.ok(bytes <= MAX_INDEXED_BYTES, `${column} holds ${bytes} bytes`);
}

/**
 * The hostile article, then everything that once failed, then a normal article: `store` is the
 * store flags (--data, and --database-url on a server).
 */
async function survives(c: StoreCase & { path: string }, store: string[], site: string): Promise<void> {
  const ingested = await expectCode([...store, 'ingest', '--no-fetch', c.path], 0);
  assert.match(ingested.out, /Ingest finished: 1 new, 0 duplicate, 0 failed\./, c.attack);
  const stories = await storyList(store);
  assert.equal(stories.length, 1, 'the hostile article is grouped like any other');
  const hostileId = stories[0]!.timeline[0]!.articleId;
  await expectCode([...store, 'digest'], 0);
  await expectCode([...store, 'build', '--out', site], 0);
  // Its identity survives the bound: the same page again is a duplicate, not a second article.
  if (c.file === 'store-long-url.html') {
    const again = await expectCode([...store, 'ingest', '--no-fetch', c.path], 0);
    assert.match(again.out, /Ingest finished: 0 new, 1 duplicate, 0 failed\./);
  }
  // And the store keeps working: a normal article is stored, grouped and written.
  const normal = await expectCode([...store, 'ingest', '--no-fetch', NORMAL], 0);
  assert.match(normal.out, /Ingest finished: 1 new, 0 duplicate, 0 failed\./);
  const ids = (await storyList(store)).flatMap((s) => s.timeline.map((e) => e.articleId));
  assert.equal(ids.length, 2, 'the normal article ingested afterwards is grouped');
  assert.ok(ids.includes(hostileId));
  await expectCode([...store, 'digest', '--date', '2026-05-09', '--lang', 'zh', '--format', 'json'], 0);
}

describe('hostile articles against the store indexes (test/fixtures/hostile/store-articles.ts)', () => {
  let dir: string;
  let cases: Array<StoreCase & { path: string }>;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-hostile-store-'));
    cases = await writeStoreCases(path.join(dir, 'cases'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('the corpus has every case, each one oversizing an index entry', () => {
    assert.ok(cases.length >= 7);
    for (const c of cases) assert.ok(Buffer.byteLength(c.content) > 2704, c.name);
  });

  // One fresh embedded store per case, as the report found it (an empty one copied in, test/support/store-template.ts).
  for (const name of [
    'a 2.7 KB word',
    'a 2.7 KB word in Markdown',
    'a 10 KB canonical URL',
    'a 5 KB title',
    'a huge entity name',
    'a giant CJK run',
    'a 10 KB URL in the text',
  ]) {
    test(`PGlite: ${name}: stories, digest and build succeed, and the store keeps working`, async () => {
      const c = cases.find((x) => x.name === name);
      assert.ok(c, `no case named ${name}`);
      const data = await withEmptyStore(path.join(dir, c.file));
      await survives(c, ['--data', data], path.join(data, 'site'));
      const db = await openDatabase({ kind: 'pglite', dataDir: path.join(data, 'db') });
      try {
        const longest = await longestIndexed(db);
        assertBounded(longest);
        if (c.file === 'store-long-url.html') {
          assert.equal(longest['articles.url'], MAX_INDEXED_BYTES, 'the 10 KB URL is kept to the bound');
          const [row] = await db.query<{ url: string }>(
            `SELECT url FROM articles WHERE url LIKE 'https://quillmere.example/%'`,
          );
          assert.match(row!.url, /^https:\/\/quillmere\.example\/news\/[a-z]+#sha256:[0-9a-f]{32}$/);
        }
      } finally {
        await db.close();
      }
    });
  }

  const server = backends().some((b) => b.name === 'postgres') ? process.env.TIDINGS_TEST_DATABASE_URL : undefined;
  test('PostgreSQL server: every case in one database, then a normal article', {
    skip: server ? false : 'no TIDINGS_TEST_DATABASE_URL (scripts/test.sh sets it)',
  }, async () => {
    const fresh = await freshServerDatabase(server!);
    try {
      const data = path.join(dir, 'server');
      const store = ['--data', data, '--database-url', fresh.url];
      const ingested = await expectCode([...store, 'ingest', '--no-fetch', ...cases.map((c) => c.path)], 0);
      assert.match(ingested.out, new RegExp(`Ingest finished: ${cases.length} new, 0 duplicate, 0 failed\\.`));
      await expectCode([...store, 'stories'], 0);
      await expectCode([...store, 'digest'], 0);
      await expectCode([...store, 'build', '--out', path.join(data, 'site')], 0);
      const again = await expectCode([...store, 'ingest', '--no-fetch', ...cases.map((c) => c.path)], 0);
      assert.match(again.out, new RegExp(`Ingest finished: 0 new, ${cases.length} duplicate, 0 failed\\.`));
      await expectCode([...store, 'ingest', '--no-fetch', NORMAL], 0);
      const ids = await articleIds(store);
      assert.equal(ids.length, cases.length + 1);
      const grouped = new Set((await storyList(store)).flatMap((s) => s.timeline.map((e) => e.articleId)));
      assert.deepEqual([...grouped].sort(), [...ids].sort(), 'every article, the normal one too, is in a story');
      assertBounded(await longestIndexed(fresh.db));
    } finally {
      await fresh.dispose();
    }
  });
});

describe('tidings articles remove', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-remove-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('removes the article, its sightings, story membership and model translations; other articles and stories stay', async () => {
    const data = path.join(dir, 'one');
    const store = ['--data', data];
    const [hostile] = (await writeStoreCases(path.join(dir, 'cases'))).filter((c) => c.file === 'store-long-word.html');
    const saltfork = [
      'harbor-tech-anthropic-lattice-saltfork.html',
      'wirefold-anthropic-lattice-saltfork.html',
      'loop-gridwatcher-saltfork-thread.html',
    ].map((f) => path.join(pages, f));
    await expectCode([...store, 'ingest', '--no-fetch', ...saltfork, NORMAL, hostile!.path], 0);
    const before = await storyList(store);
    const all = await articleIds(store);
    assert.equal(all.length, 4, 'the Wirefold page is a sighting of the Harbor article');
    // The Saltfork story: Harbor's article (seen twice) and the Loop thread.
    const saltforkStory = before.find((s) => s.articleCount === 2);
    assert.ok(
      saltforkStory,
      `a story of two articles: ${JSON.stringify(before.map((s) => s.timeline.map((e) => e.articleId)))}`,
    );
    const [first, second] = saltforkStory.timeline.map((e) => e.articleId);
    const hostileId = (await articleRows(store)).find((r) => r.title?.startsWith('Quillmere card serves'))?.id;
    assert.ok(first && second && hostileId);

    // A model translation of the article to remove, as `tidings translate` keeps one.
    await withDb(data, (db) =>
      db.query(
        `INSERT INTO model_translations (article_id, target, provider, model, prompt_version, translation, translated_at)
       VALUES ($1, 'zh', 'fake', 'fake-1', 'v1', '{}'::jsonb, now())`,
        [first],
      ),
    );

    // The story's first article goes: the story stays (same id) with the other, re-dated.
    const removed = await expectCode([...store, 'articles', 'remove', first.slice(0, 8)], 0);
    assert.match(removed.out, new RegExp(`Removed article ${first}`));
    assert.match(removed.out, /2 sightings/);
    assert.match(removed.out, new RegExp(`story ${saltforkStory.id}: left with 1 article`));
    assert.match(removed.out, /model translations: zh/);
    const missing = await run([...store, 'show', first]);
    assert.equal(missing.code, 1);
    const ids = await articleIds(store);
    assert.deepEqual(ids.sort(), all.filter((id) => id !== first).sort());
    const afterFirst = await storyList(store);
    const kept = afterFirst.find((s) => s.id === saltforkStory.id);
    assert.ok(kept);
    assert.equal(kept.articleCount, 1);
    assert.deepEqual(
      kept.timeline.map((e) => e.articleId),
      [second],
    );
    for (const s of before.filter((x) => x.id !== saltforkStory.id)) {
      assert.deepEqual(
        afterFirst.find((x) => x.id === s.id),
        s,
        'other stories are untouched',
      );
    }
    await withDb(data, async (db): Promise<void> => {
      for (const table of ['sightings', 'story_articles', 'model_translations', 'article_bands']) {
        const rows: Array<{ one: number }> = await db.query<{ one: number }>(
          `SELECT 1 AS one FROM ${table} WHERE article_id = $1`,
          [first],
        );
        assert.equal(rows.length, 0, `${table} still has rows of ${first}`);
      }
      const [counted] = await db.query<{ n: number }>(
        `SELECT articles AS n FROM feature_frequencies WHERE key = '#articles'`,
      );
      const [members] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM story_articles');
      assert.equal(counted!.n, members!.n, 'the rarity counts count the articles left');
    });

    // The hostile article, and its story (it was alone in it), go too.
    const gone = await expectCode([...store, 'articles', 'remove', hostileId, '--json'], 0);
    const report = JSON.parse(gone.out) as {
      id: string;
      story: { storyId: string; outcome: string } | null;
      sightings: number;
    };
    assert.equal(report.id, hostileId);
    assert.deepEqual(report.story, { storyId: hostileId, outcome: 'deleted', membersLeft: 0 });
    assert.equal(report.sightings, 1);
    assert.ok(!(await storyList(store)).some((s) => s.timeline.some((e) => e.articleId === hostileId)));

    // The store keeps working after removals: grouping a new article, a digest, a site.
    await expectCode(
      [...store, 'ingest', '--no-fetch', path.join(pages, 'ai-pulse-anthropic-lattice-saltfork.html')],
      0,
    );
    const joined = await storyList(store);
    assert.equal(
      joined.reduce((n, s) => n + s.articleCount, 0),
      (await articleIds(store)).length,
    );
    await expectCode([...store, 'digest'], 0);
    await expectCode([...store, 'build', '--out', path.join(data, 'site')], 0);

    // An id that is not there is named, and nothing changes.
    const unknown = await run([...store, 'articles', 'remove', first]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, new RegExp(`no article with id "${first}"`));
    // `articles` still lists, with its options, beside its subcommand.
    const listed = await expectCode([...store, 'articles', '--since', '2026-01-01', '--json'], 0);
    assert.ok(listed.out.trim().split('\n').length >= 2);
  });

  test('an ambiguous prefix removes nothing and says which ids it matches', async () => {
    const data = path.join(dir, 'many');
    const store = ['--data', data];
    // Seventeen distinct articles: two ids share their first hex digit.
    const folder = path.join(dir, 'many-pages');
    await mkdir(folder, { recursive: true });
    for (let n = 0; n < 17; n++) {
      await writeFile(
        path.join(folder, `page-${n}.md`),
        `---\ntitle: "Filler report ${n}"\ndate: 2026-06-0${1 + (n % 9)}\n---\n\nFiller text number ${n} about the Quillmere inference card, written only to be stored and then left alone.\n\nA second paragraph, also numbered ${n}, so that every page is its own article.\n`,
      );
    }
    await expectCode([...store, 'ingest', '--no-fetch', folder], 0);
    const ids = await articleIds(store);
    assert.equal(ids.length, 17);
    const prefix = [...'0123456789abcdef'].find((d) => ids.filter((id) => id.startsWith(d)).length >= 2)!;
    const r = await run([...store, 'articles', 'remove', prefix]);
    assert.equal(r.code, 1);
    assert.match(r.err, new RegExp(`"${prefix}" matches several articles \\(${prefix}[0-9a-f]+, ${prefix}`));
    assert.match(r.err, /nothing removed/);
    assert.equal((await articleIds(store)).length, 17);
    // A LIKE wildcard is no prefix.
    const wild = await run([...store, 'articles', 'remove', '%']);
    assert.equal(wild.code, 1);
    assert.equal((await articleIds(store)).length, 17);
  });

  test('removing an original takes the translation folded into it; removing a folded translation gives back what folding added', async () => {
    const lancore = [NORMAL, path.join(pages, 'silicon-tide-lancore-series-c.html.gz')];
    // The original goes, with the record of the translation folded into it.
    const one = ['--data', path.join(dir, 'fold-1')];
    await expectCode([...one, 'ingest', '--no-fetch', ...lancore], 0);
    const [pair] = JSON.parse((await expectCode([...one, 'translations', '--json'], 0)).out) as Array<{
      originalId: string;
      translationId: string;
    }>;
    assert.ok(pair, 'the LanCore pages are recognised as a translation pair (examples/README.md)');
    const removed = await expectCode([...one, 'articles', 'remove', pair.originalId], 0);
    assert.match(removed.out, new RegExp(`folded translations: ${pair.translationId}`));
    assert.deepEqual(JSON.parse((await expectCode([...one, 'translations', '--json'], 0)).out), []);
    assert.deepEqual(await articleIds(one), []);
    assert.deepEqual(await storyList(one), []);
    assert.equal((await run([...one, 'show', pair.translationId])).code, 1);

    // The folded translation alone goes: the original stays, without its sightings and reader pairs.
    const two = ['--data', path.join(dir, 'fold-2')];
    await expectCode([...two, 'ingest', '--no-fetch', ...lancore], 0);
    const [pair2] = JSON.parse((await expectCode([...two, 'translations', '--json'], 0)).out) as Array<{
      originalId: string;
      translationId: string;
    }>;
    assert.ok(pair2);
    const folded = await expectCode([...two, 'articles', 'remove', pair2.translationId], 0);
    assert.match(
      folded.out,
      new RegExp(`Removed translation ${pair2.translationId} \\(folded into ${pair2.originalId}\\)`),
    );
    assert.deepEqual(JSON.parse((await expectCode([...two, 'translations', '--json'], 0)).out), []);
    const original = JSON.parse((await expectCode([...two, 'show', pair2.originalId, '--json'], 0)).out) as {
      sightings: Array<{ relation: string }>;
    };
    assert.ok(original.sightings.length >= 1);
    assert.ok(
      original.sightings.every((s) => s.relation !== 'translation'),
      JSON.stringify(original.sightings),
    );
    assert.equal((await run([...two, 'show', pair2.translationId])).code, 1);
    await expectCode([...two, 'digest', '--date', '2026-05-09'], 0);
  });
});

async function withDb<T>(data: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ kind: 'pglite', dataDir: path.join(data, 'db') });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
