// The writer contract: every engine (src/write/writer.ts) is held to the same checks over the
// end-to-end fixture corpus (test/fixtures/e2e). The offline engine; the model engine through the
// real client and cache against the local fake model (test/support/fake-model.ts); and the model
// engine against a provider whose every answer is unusable, which must fall back to the offline
// engine output by output. Checked: the output shapes (the published schemas), every output
// verified and its final text standing up to verification again, and the fallback.

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildE2eEdition, E2E_DATES, type E2eEdition } from '../../test/support/e2e-edition.js';
import { fakeModel, fakeModelRuntime } from '../../test/support/fake-model.js';
import { type FakeServer, startFakeServer } from '../../test/support/fake-openai.js';
import { storiesOfDay } from '../pipeline/edition.js';
import { sourcesOf } from '../verify/sources-of.js';
import { verifyOutput } from '../verify/verify-output.js';
import { modelWriter } from './llm/model-engine.js';
import { cardFields, digestItemFields, postFields, type OutputField } from './output-fields.js';
import { cardSchema, digestSchema, postSchema, type Card, type Digest, type Post } from './schemas.js';
import type { StoryInput } from './story-analysis.js';
import { offlineWriter, type Writer } from './writer.js';

const FACES = ['en', 'zh'] as const;

interface Written {
  readonly digests: Digest[];
  readonly cards: Card[];
  readonly posts: Post[];
  /** Each output's final fields with the articles it may rest on. */
  readonly checked: Array<{ name: string; fields: OutputField[]; articles: StoryInput['articles'] }>;
}

/** Everything a writer writes for the fixture corpus: each day's digest, each story's posts and cards, both faces. */
async function writeAll(writer: Writer, edition: E2eEdition): Promise<Written> {
  const out: Written = { digests: [], cards: [], posts: [], checked: [] };
  for (const date of E2E_DATES) {
    const day = await storiesOfDay(edition.deps, date);
    assert.ok(day.ok);
    const stories = day.value.map((s) => s.input);
    const byId = new Map(stories.map((s) => [s.storyId, s]));
    for (const face of FACES) {
      const digest = await writer.digest(stories, date, face);
      out.digests.push(digest);
      for (const item of digest.tiers.flatMap((t) => t.items))
        out.checked.push({
          name: `digest ${date} ${face} item ${item.storyId}`,
          fields: digestItemFields(item),
          articles: byId.get(item.storyId)?.articles ?? [],
        });
    }
    for (const story of stories) {
      for (const face of FACES) {
        const post = await writer.post(story, face);
        out.posts.push(post);
        out.checked.push({ name: `post ${story.storyId} ${face}`, fields: postFields(post), articles: story.articles });
        const article = story.articles[0]!;
        const card = await writer.card(article, story, face);
        out.cards.push(card);
        out.checked.push({ name: `card ${article.id} ${face}`, fields: cardFields(card), articles: story.articles });
      }
    }
  }
  return out;
}

/** The checks every engine must pass. */
function holdsTheContract(written: Written): void {
  assert.ok(
    written.digests.length > 0 && written.cards.length > 0 && written.posts.length > 0,
    'something was written',
  );
  for (const d of written.digests) digestSchema.parse(d);
  for (const c of written.cards) cardSchema.parse(c);
  for (const p of written.posts) postSchema.parse(p);
  const outputs = [
    ...written.digests.flatMap((d) => d.tiers.flatMap((t) => t.items)),
    ...written.cards,
    ...written.posts,
  ];
  for (const o of outputs) assert.ok(o.verification, 'every output carries its verification record');
  for (const c of written.checked) {
    const again = verifyOutput(c.fields, sourcesOf(c.articles));
    assert.ok(again.ok, `${c.name}: ${JSON.stringify(again.problems)}`);
  }
}

describe('writer contract: offline and model engines', () => {
  let edition: E2eEdition;
  let server: FakeServer;
  let broken: FakeServer;
  let cacheDir: string;
  let offline: Written;

  before(async () => {
    edition = await buildE2eEdition();
    server = await startFakeServer((req) => fakeModel(req));
    // A provider that answers every request with no message content: nothing it says can be used.
    broken = await startFakeServer(() => ({
      json: { id: 'chatcmpl-broken', choices: [{ index: 0, message: { role: 'assistant', content: null } }] },
    }));
    cacheDir = await mkdtemp(path.join(os.tmpdir(), 'tidings-writer-contract-'));
    offline = await writeAll(offlineWriter, edition);
  });
  after(async () => {
    await server?.close();
    await broken?.close();
    await edition?.close();
    if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
  });

  test('the offline engine: published shapes, every output verified', () => {
    holdsTheContract(offline);
    for (const d of offline.digests)
      for (const item of d.tiers.flatMap((t) => t.items)) assert.equal(item.engine, undefined);
  });

  test('the model engine (fake model through the real client): published shapes, every output verified', async () => {
    const written = await writeAll(modelWriter(fakeModelRuntime(server.origin, cacheDir).client), edition);
    holdsTheContract(written);
    const engines = written.digests.flatMap((d) => d.tiers.flatMap((t) => t.items.map((i) => i.engine)));
    assert.ok(engines.includes('llm'), 'the model wrote some items');
    // The same stories in the same tiers as the offline engine: only the analysis is the model's.
    assert.deepEqual(
      written.digests.map((d) => d.tiers.map((t) => t.items.map((i) => [i.storyId, i.tier.level, i.confidence]))),
      offline.digests.map((d) => d.tiers.map((t) => t.items.map((i) => [i.storyId, i.tier.level, i.confidence]))),
    );
    assert.ok(server.requestsTo('/chat/completions').length > 0);
  });

  test('the model engine falls back to the offline engine, output by output, when no answer can be used', async () => {
    const brokenCache = await mkdtemp(path.join(os.tmpdir(), 'tidings-writer-contract-broken-'));
    try {
      const written = await writeAll(modelWriter(fakeModelRuntime(broken.origin, brokenCache).client), edition);
      holdsTheContract(written);
      assert.ok(broken.requestsTo('/chat/completions').length > 0, 'the model was asked');
      const items = written.digests.flatMap((d) => d.tiers.flatMap((t) => t.items));
      const offlineItems = offline.digests.flatMap((d) => d.tiers.flatMap((t) => t.items));
      for (const [i, item] of items.entries()) {
        // Written from a human translation: the offline engine's from the start, no model asked.
        assert.ok(
          item.engine === 'offline-fallback' || item.engine === 'offline',
          `item ${item.storyId}: ${item.engine}`,
        );
        assert.equal(item.headline, offlineItems[i]!.headline, 'the fallback is the offline engine’s item');
      }
      assert.ok(items.some((i) => i.engine === 'offline-fallback'));
      for (const [i, post] of written.posts.entries()) {
        assert.notEqual(post.engine, 'llm');
        assert.equal(post.hook, offline.posts[i]!.hook);
      }
      for (const [i, card] of written.cards.entries()) {
        assert.notEqual(card.engine, 'llm');
        assert.equal(card.summary, offline.cards[i]!.summary);
      }
    } finally {
      await rm(brokenCache, { recursive: true, force: true });
    }
  });
});
