// The site written by a configured model, as `tidings build` and `tidings run` do when one is set:
// through the real client and cache against the local fake model (test/support/fake-model.ts).
// The pages say who wrote each item, and a rebuild through the cache makes no request.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildE2eEdition, type E2eEdition } from '../../../test/support/e2e-edition.js';
import { startFakeServer, type FakeServer } from '../../../test/support/fake-openai.js';
import { fakeModel, fakeModelRuntime } from '../../../test/support/fake-model.js';
import { modelWriter } from '../../write/llm/model-engine.js';
import { publishEdition } from '../../pipeline/site-edition.js';

describe('site written by a model (local fake server)', () => {
  let edition: E2eEdition;
  let server: FakeServer;
  const dirs: string[] = [];
  const tmp = async (name: string) => {
    const d = await mkdtemp(path.join(os.tmpdir(), name));
    dirs.push(d);
    return d;
  };
  let cacheDir: string;
  const runtime = () => fakeModelRuntime(server.origin, cacheDir);

  before(async () => {
    edition = await buildE2eEdition();
    server = await startFakeServer((req) => fakeModel(req));
    cacheDir = await tmp('tidings-site-llm-cache-');
  });
  after(async () => {
    await server?.close();
    await edition?.close();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  test('story pages say the model wrote the item; a rebuild through the cache makes no request', async () => {
    const out = await tmp('tidings-site-llm-');
    const built = await publishEdition({ ...edition.deps, writer: modelWriter(runtime().client) }, { outDir: out });
    assert.ok(built.ok, built.ok ? '' : built.message);
    assert.deepEqual(built.value.failures, []);
    const requests = server.requestsTo('/chat/completions').length;
    assert.ok(requests > 0, 'the model was asked');
    const stories = (await readdir(path.join(out, 'en/stories'))).map((f) => path.join(out, 'en/stories', f));
    const texts = await Promise.all(stories.map((f) => readFile(f, 'utf8')));
    assert.ok(
      texts.some((t) => t.includes('Written by a model, verified.')),
      'an item written by the model is marked',
    );
    const zh = await Promise.all(
      (await readdir(path.join(out, 'zh/stories'))).map((f) => readFile(path.join(out, 'zh/stories', f), 'utf8')),
    );
    assert.ok(zh.some((t) => t.includes('由模型撰写，已核查。')));

    const again = await publishEdition(
      { ...edition.deps, writer: modelWriter(runtime().client) },
      { outDir: await tmp('tidings-site-llm-') },
    );
    assert.ok(again.ok);
    assert.equal(server.requestsTo('/chat/completions').length, requests, 'the rebuild is served from the cache');
  });
});
