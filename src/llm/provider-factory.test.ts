import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { anthropicMessage, startFakeAnthropic } from '../../test/support/fake-anthropic.js';
import { chatCompletion, openAiError, startFakeOpenAi, type FakeServer } from '../../test/support/fake-openai.js';
import type { LlmRequest } from './client.js';
import { parseLlmSettings } from './llm-settings.js';
import { createLlmRuntime } from './provider-factory.js';

const request: LlmRequest = {
  system: 'Write a card.',
  messages: [{ role: 'user', content: 'article' }],
  schema: { name: 'card', jsonSchema: { type: 'object', properties: { ok: { type: 'boolean' } } } },
  promptVersion: 'card@1',
  purpose: 'card',
};

const cleanup: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanup) await c();
});
const track = (s: FakeServer): FakeServer => {
  cleanup.push(() => s.close());
  return s;
};

describe('provider factory', () => {
  it('no provider: null (the offline engine)', () => {
    const settings = parseLlmSettings(undefined, {}, 'x');
    assert.ok(settings.ok);
    assert.equal(createLlmRuntime(settings.value, { cacheDir: null }), null);
  });

  it('the environment provider, reliable and cached: a re-run makes zero requests', async () => {
    const server = track(
      await startFakeAnthropic([
        anthropicMessage({ tool: 'card', input: { ok: true } }, { input_tokens: 2000, output_tokens: 1000 }),
      ]),
    );
    const dir = await mkdtemp(path.join(tmpdir(), 'tidings-factory-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const settings = parseLlmSettings(
      { prices: { 'claude-test': { input: 3, output: 15 } }, budget: { maxCostUsd: 2 } },
      {
        TIDINGS_LLM_PROVIDER: 'anthropic',
        TIDINGS_LLM_BASE_URL: server.origin,
        TIDINGS_LLM_MODEL: 'claude-test',
        TIDINGS_LLM_API_KEY: 'sk-ant-xyz-123456',
      },
      'x',
    );
    assert.ok(settings.ok);
    const first = createLlmRuntime(settings.value, { cacheDir: dir });
    assert.ok(first);
    const a = await first.client.complete(request);
    assert.ok(a.ok);
    assert.equal(
      first.account.report(),
      '1 request (0 from cache), 2,000 input + 1,000 output tokens, $0.0210; budget $2.00',
    );
    const second = createLlmRuntime(settings.value, { cacheDir: dir });
    const b = await second!.client.complete(request);
    assert.ok(b.ok && b.value.cached);
    assert.equal(server.requests.length, 1);
    assert.equal(
      second!.account.report(),
      '1 request (1 from cache), 0 input + 0 output tokens, $0.0000; budget $2.00',
    );
  });

  it('falls back to the next provider when the first cannot answer', async () => {
    const down = track(await startFakeOpenAi([openAiError(503, 'maintenance')]));
    const up = track(await startFakeOpenAi([chatCompletion({ ok: true })]));
    const settings = parseLlmSettings(
      {
        providers: [
          { name: 'primary', kind: 'openai', baseUrl: down.origin, model: 'big', maxAttempts: 2 },
          { name: 'backup', kind: 'openai', baseUrl: up.origin, model: 'small' },
        ],
      },
      {},
      'x',
    );
    assert.ok(settings.ok);
    const runtime = createLlmRuntime(settings.value, { cacheDir: null, sleep: async () => {} });
    assert.equal(runtime?.description, 'primary (big), then backup (small)');
    const result = await runtime!.client.complete(request);
    assert.ok(result.ok);
    assert.equal(result.value.provider, 'backup');
    assert.equal(result.value.model, 'small');
    assert.equal(down.requests.length, 2);
    assert.equal(runtime!.account.totals().retries, 1);
  });

  it('all providers failing: one failure naming each', async () => {
    const a = track(await startFakeOpenAi([openAiError(401, 'nope')]));
    const b = track(await startFakeOpenAi([openAiError(404, 'no such model')]));
    const settings = parseLlmSettings(
      {
        providers: [
          { name: 'a', kind: 'openai', baseUrl: a.origin, model: 'm' },
          { name: 'b', kind: 'openai', baseUrl: b.origin, model: 'm' },
        ],
      },
      {},
      'x',
    );
    assert.ok(settings.ok);
    const result = await createLlmRuntime(settings.value, { cacheDir: null })!.client.complete(request);
    assert.ok(!result.ok);
    assert.match(result.message, /^a: the API key was rejected .*; then b: no such endpoint or model/);
  });

  it('a named provider only', () => {
    const settings = parseLlmSettings(
      {
        providers: [
          { name: 'a', kind: 'openai', model: 'm' },
          { name: 'b', kind: 'anthropic', model: 'c' },
        ],
      },
      {},
      'x',
    );
    assert.ok(settings.ok);
    assert.equal(createLlmRuntime(settings.value, { cacheDir: null, provider: 'b' })?.description, 'b (c)');
    assert.equal(createLlmRuntime(settings.value, { cacheDir: null, provider: 'zzz' }), null);
  });
});
