// The recognition stage over a real store, on both engines: an English report and its Chinese
// translation (merged paragraphs, a dropped sentence) ingested as files become one article with
// two language versions; a same-story independent Chinese report stays its own article; a re-run
// changes nothing; re-ingesting the translation lands on the original.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appOn, openRun } from '../cli/app.js';
import { loadConfig } from '../config.js';
import { ingest } from '../pipeline/ingest.js';
import { cardFor, digestFor, groupNewArticles, type EditionDeps } from '../pipeline/edition.js';
import { sourcesOf } from '../verify/sources-of.js';
import { modelWriter } from '../write/llm/model-engine.js';
import type { LlmClient } from '../llm/client.js';
import { fail } from '../errors.js';
import { LABELS } from '../write/labels.js';
import { renderStory } from '../stories/render.js';
import { backends } from '../../test/support/backends.js';
import { ENGLISH, INDEPENDENT, TRANSLATION } from './recognize.fixture.js';

function markdown(title: string, date: string, site: string, paragraphs: readonly string[]): string {
  return `---\ntitle: "${title}"\ndate: ${date}\nsite: ${site}\n---\n\n${paragraphs.join('\n\n')}\n`;
}

const FILES: Record<string, string> = {
  'orrin-en.md': markdown(
    'Orrin Labs releases Quill-2, a 70 billion-parameter open model',
    '2026-04-07T09:00:00Z',
    'Northwire Example',
    ENGLISH,
  ),
  'orrin-zh.md': markdown(
    'Orrin Labs 发布 700 亿参数开放模型 Quill-2',
    '2026-04-07T15:00:00Z',
    '译介 Example',
    TRANSLATION,
  ),
  'orrin-ind.md': markdown(
    'Quill-2 来了：开放权重阵营再添一员',
    '2026-04-07T12:00:00Z',
    '模型周报 Example',
    INDEPENDENT,
  ),
};

for (const backend of backends()) {
  describe(`recognition stage (${backend.name})`, () => {
    let dir: string;
    let opened: Awaited<ReturnType<typeof backend.open>>;
    let deps: EditionDeps;
    const now = () => new Date('2026-04-08T00:00:00Z');
    const ingestAll = async (files: readonly string[]) =>
      ingest(
        files.map((f) => path.join(dir, f)),
        { store: deps.articles, fetcher: null, findSource: () => null, now, maxBytes: 1 << 20, concurrency: 1 },
      );

    before(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'tidings-recognize-'));
      for (const [name, text] of Object.entries(FILES)) await writeFile(path.join(dir, name), text);
      opened = await backend.open();
      // The run's dependencies as the composition root builds them (no environment: the offline engine).
      const config = loadConfig({}, {}, dir);
      if (!config.ok) throw new Error(config.message);
      const run = await openRun(appOn(config.value, opened.db));
      if (!run.ok) throw new Error(run.message);
      deps = run.value.run.deps.edition;
      const report = await ingestAll(Object.keys(FILES));
      assert.equal(report.counts.new, 3);
    });
    after(async () => {
      await opened.dispose();
      await rm(dir, { recursive: true, force: true });
    });

    test('the translation folds into the English original; the independent report does not', async () => {
      const grouped = await groupNewArticles(deps);
      assert.ok(grouped.ok, grouped.ok ? '' : grouped.message);
      assert.equal(grouped.value.translations, 1);
      const pairs = await deps.translations!.list();
      assert.equal(pairs.length, 1);
      const [pair] = pairs;
      const original = await deps.articles.getArticle(pair!.originalId);
      assert.ok(original && original !== 'ambiguous');
      assert.equal(original.language, 'en');
      assert.match(pair!.originalWhy, /published first/);
      assert.equal(pair!.translationLanguage, 'zh');
      assert.match(pair!.reasons[0]!, /anchors in the same order/);
      // Two language versions: the reader's pairs, the merged last paragraphs in one pair.
      assert.ok(original.bilingual);
      assert.equal(original.bilingual.pairs.length, 4);
      assert.match(original.bilingual.pairs[3]!.en, /Northgate Capital/);
      assert.match(original.bilingual.pairs[3]!.zh, /Northgate Capital/);
      assert.equal(original.bilingual.titleZh, 'Orrin Labs 发布 700 亿参数开放模型 Quill-2');
      // Both sources credited: the translation's sighting is the original's, as a translation.
      const relations = original.sightings.map((s) => s.relation).sort();
      assert.deepEqual(relations, ['original', 'translation']);
      // The translation's own row is gone, its record kept.
      assert.equal(await deps.articles.getArticle(pair!.translationId), null);
      const [kept] = await deps.translations!.pairsOf(pair!.translationId);
      assert.equal(kept!.record.id, pair!.translationId);
      assert.equal(kept!.record.paragraphs.length, TRANSLATION.length);
      // The independent report is still an article of the story; the story has two members now.
      const zh = await deps.articles.listArticles({ language: 'zh' });
      assert.deepEqual(
        zh.map((a) => a.title),
        ['Quill-2 来了：开放权重阵营再添一员'],
      );
      // The story's timeline still says who reported it, and when: the translation, folded into
      // its original, is listed as a translation of it (not counted as a member).
      const story = (await deps.stories.listStories()).find((s) =>
        s.timeline.some((e) => e.articleId === pair!.originalId),
      );
      assert.ok(story);
      assert.equal(story.articleCount, 2);
      assert.deepEqual(
        story.translations.map((t) => [t.articleId, t.originalId, t.outlet, t.language, t.published]),
        [[pair!.translationId, pair!.originalId, pair!.translationOutlet, 'zh', '2026-04-07T15:00:00.000Z']],
      );
      assert.match(renderStory(story), /2 articles \(and 1 translation folded into its original\)/);
      assert.match(
        renderStory(story),
        new RegExp(
          `2026-04-07 15:00  ZH  ${pair!.translationOutlet}.*\\n\\s+translation of Northwire Example \\[${pair!.originalId}\\]`,
        ),
      );
      // Outputs may now rest on the human Chinese text.
      assert.ok(sourcesOf([original]).some((s) => s.id === `${original.id}#zh` && s.text.includes('1800 万美元')));
    });

    test('a re-run compares nothing and changes nothing', async () => {
      const before = await deps.translations!.list();
      const again = await groupNewArticles(deps);
      assert.ok(again.ok);
      assert.equal(again.value.translations, 0);
      assert.deepEqual(await deps.translations!.list(), before);
      assert.deepEqual(await deps.translations!.uncheckedPairs(7, 1, 10), []);
    });

    test('with a model configured, the human translation is used and the model is not asked', async () => {
      let asked = 0;
      const client: LlmClient = {
        provider: 'test',
        model: 'offline',
        complete: async () => {
          asked++;
          return fail('http_error', 'no model here');
        },
      };
      const [pair] = await deps.translations!.list();
      const card = await cardFor({ ...deps, writer: modelWriter(client) }, pair!.originalId, 'zh');
      assert.ok(card.ok);
      assert.equal(card.value.notice, LABELS.zh.noticeHumanTranslation);
      assert.equal(asked, 0, 'the card was written from the human translation');
      const digest = await digestFor({ ...deps, writer: modelWriter(client) }, '2026-04-07', 'zh');
      assert.ok(digest.ok);
      const items = digest.value.tiers.flatMap((t) => t.items);
      const story = items.find((i) => i.sources.some((s) => s.articleId === pair!.originalId));
      // The story keeps the independent Chinese report, so its Chinese face is that report's own text.
      assert.equal(story?.bodyLanguage, 'zh');
    });

    test('ingesting the translation again is a sighting of the original', async () => {
      const report = await ingestAll(['orrin-zh.md']);
      assert.equal(report.counts.duplicate, 1);
      const [pair] = await deps.translations!.list();
      const outcome = report.outcomes[0]!;
      assert.equal(outcome.status, 'duplicate');
      assert.equal(outcome.status === 'duplicate' ? outcome.articleId : null, pair!.originalId);
    });
  });
}
