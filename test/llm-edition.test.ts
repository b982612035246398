// The model path end to end, through the real OpenAI-compatible client, the response cache and
// the run account, against a local fake server whose "model" writes only from the DATA it is sent
// (test/support/fake-model.ts). Checks the guarantees, not the prose: every item verified, the
// Chinese face written in Chinese, translations keep figures, and a re-run makes zero requests.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { digestFor, storiesOfDay } from '../src/pipeline/edition.js';
import { writtenFromHumanTranslation } from '../src/write/digest-item.js';
import { modelWriter } from '../src/write/llm/model-engine.js';
import { LABELS } from '../src/write/labels.js';
import { loadGlossary } from '../src/translate/glossary-file.js';
import { translateArticle } from '../src/translate/translate.js';
import { parseFigures, figuresEqual } from '../src/understand/understand.js';
import { buildE2eEdition, type E2eEdition } from './support/e2e-edition.js';
import { startFakeServer, type FakeServer } from './support/fake-openai.js';
import { fakeModel, fakeModelRuntime } from './support/fake-model.js';

describe('model engine through the real client and a local fake server', () => {
  let edition: E2eEdition;
  let server: FakeServer;
  let cacheDir: string;
  const runtime = () => fakeModelRuntime(server.origin, cacheDir);

  before(async () => {
    edition = await buildE2eEdition();
    server = await startFakeServer((req) => fakeModel(req));
    cacheDir = await mkdtemp(path.join(os.tmpdir(), 'tidings-llm-cache-'));
  });
  after(async () => {
    await server.close();
    await edition.close();
    await rm(cacheDir, { recursive: true, force: true });
  });

  test('a digest written by the model: each item verified, marked llm, fallback or offline (from a human translation), Chinese face in Chinese', async () => {
    const model = runtime();
    const day = await storiesOfDay(edition.deps, '2026-03-03');
    assert.ok(day.ok);
    const inputs = new Map(day.value.map((s) => [s.input.storyId, s.input]));
    for (const face of ['en', 'zh'] as const) {
      const digest = await digestFor({ ...edition.deps, writer: modelWriter(model.client) }, '2026-03-03', face);
      assert.ok(digest.ok);
      const items = digest.value.tiers.flatMap((t) => t.items);
      assert.equal(items.length, 2);
      for (const item of items) {
        // Where the face's text is a human translation, the offline engine writes from it and says so.
        if (writtenFromHumanTranslation(inputs.get(item.storyId)!, face)) {
          assert.equal(item.engine, 'offline');
          assert.equal(item.notice, LABELS[face].noticeHumanTranslation);
        } else assert.ok(item.engine === 'llm' || item.engine === 'offline-fallback');
        assert.ok(item.verification, 'every item carries its verification record');
        if (face === 'zh' && item.engine === 'llm') assert.match(item.keyPoints.lead, /\p{Script=Han}/u);
      }
      assert.ok(
        items.some((i) => i.engine === 'llm'),
        'the model wrote at least one item',
      );
    }
    assert.ok(server.requestsTo('/chat/completions').length >= 4);
    assert.match(model.account.report(), /requests/);
    for (const r of server.requests)
      assert.ok(!JSON.stringify(r.body).includes('sk-test-not-a-real-key'), 'the key never travels in a body');
  });

  test('a re-run is served from the cache: zero requests, the same bytes', async () => {
    const first = await digestFor({ ...edition.deps, writer: modelWriter(runtime().client) }, '2026-03-03', 'en');
    const before = server.requests.length;
    const again = await digestFor({ ...edition.deps, writer: modelWriter(runtime().client) }, '2026-03-03', 'en');
    assert.equal(server.requests.length, before, 'no request on the re-run');
    assert.deepEqual(again, first);
  });

  test('a provider whose answers are malformed JSON (no message content): every item falls back to the offline engine', async () => {
    const broken = await startFakeServer(() => ({
      json: { id: 'chatcmpl-broken', choices: [{ index: 0, message: { role: 'assistant', content: null } }] },
    }));
    const brokenCache = await mkdtemp(path.join(os.tmpdir(), 'tidings-llm-cache-broken-'));
    try {
      const digest = await digestFor(
        { ...edition.deps, writer: modelWriter(fakeModelRuntime(broken.origin, brokenCache).client) },
        '2026-03-03',
        'en',
      );
      assert.ok(digest.ok);
      const items = digest.value.tiers.flatMap((t) => t.items);
      assert.equal(items.length, 2);
      for (const item of items) {
        assert.notEqual(item.engine, 'llm', 'no item is written from a malformed answer');
        assert.ok(item.verification, 'the fallback item is verified as any other');
      }
      assert.ok(items.some((i) => i.engine === 'offline-fallback'));
      assert.ok(broken.requestsTo('/chat/completions').length >= 1, 'the model was asked');
    } finally {
      await broken.close();
      await rm(brokenCache, { recursive: true, force: true });
    }
  });

  test('translation through the model keeps every figure of the source', async () => {
    const model = runtime();
    const glossary = await loadGlossary();
    assert.ok(glossary.ok);
    const article = (await edition.deps.articles.getArticle('85adb80e8c91'))!;
    assert.ok(article && article !== 'ambiguous');
    const t = await translateArticle(
      { id: article.id, title: article.title, paragraphs: article.paragraphs, language: 'en' },
      'zh',
      { client: model.client, glossary: glossary.value },
    );
    assert.ok(t.ok, t.ok ? '' : t.message);
    assert.equal(t.value.pairs.length, article.paragraphs.length);
    for (const pair of t.value.pairs) {
      if (pair.status === 'failed') continue;
      for (const f of parseFigures(pair.source))
        assert.ok(
          parseFigures(pair.target).some((g) => figuresEqual(f, g)),
          `${f.surface} kept in ${pair.id}`,
        );
    }
  });
});
