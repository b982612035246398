import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import {
  chatCompletion,
  openAiError,
  startFakeOpenAi,
  type FakeAnswer,
  type FakeServer,
} from '../../test/support/fake-openai.js';
import { ok } from '../errors.js';
import type { LlmClient, LlmRequest } from './client.js';
import { createOpenAiCompatibleClient } from './openai-compatible.js';
import { createRunAccount, makeReliable, withRetries, withTimeout, type RunAccount } from './reliable.js';
import { cacheKey, createResponseCache } from './response-cache.js';

const schema = { name: 'card', jsonSchema: { type: 'object', properties: { n: { type: 'number' } } } };
const request = (n: number, extra: Partial<LlmRequest> = {}): LlmRequest => ({
  system: 'Write a card.',
  messages: [{ role: 'user', content: `article ${n}` }],
  schema,
  promptVersion: 'card@1',
  purpose: 'card',
  ...extra,
});

const cleanup: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanup) await c();
});
const serve = async (script: Parameters<typeof startFakeOpenAi>[0]): Promise<FakeServer> => {
  const server = await startFakeOpenAi(script);
  cleanup.push(() => server.close());
  return server;
};
const tempDir = async (): Promise<string> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'tidings-llm-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
};
const provider = (server: FakeServer, timeoutMs = 2000) =>
  createOpenAiCompatibleClient({
    baseUrl: server.origin,
    apiKey: null,
    model: 'veyra-chat-1',
    timeoutMs,
    name: 'fake',
  });

/** Retries with a recorded, instant sleep: the delays the real layer would wait. */
function reliable(
  server: FakeServer,
  options: {
    account?: RunAccount;
    cacheDir?: string;
    maxAttempts?: number;
    concurrency?: number;
    timeoutMs?: number;
  } = {},
) {
  const slept: number[] = [];
  const account = options.account ?? createRunAccount({ prices: { 'veyra-chat-1': { input: 1, output: 2 } } });
  const client = makeReliable(provider(server, options.timeoutMs), {
    account,
    cache: options.cacheDir ? createResponseCache(options.cacheDir) : null,
    retry: { maxAttempts: options.maxAttempts ?? 4, sleep: async (ms) => void slept.push(ms), random: () => 0 },
    concurrency: options.concurrency ?? 4,
  });
  return { client, slept, account };
}

const good = (n = 1): FakeAnswer => chatCompletion({ n }, { prompt_tokens: 1000, completion_tokens: 500 });

describe('retries', () => {
  it('429 with Retry-After in seconds, then success: waits what the server asked', async () => {
    const server = await serve([openAiError(429, 'slow down', { 'retry-after': '2' }), good()]);
    const { client, slept, account } = reliable(server);
    const result = await client.complete(request(1));
    assert.ok(result.ok);
    assert.deepEqual(slept, [2000]);
    assert.equal(server.requests.length, 2);
    assert.equal(account.totals().retries, 1);
  });

  it('429 with Retry-After as an HTTP date, then success', async () => {
    const when = new Date(Date.now() + 5_000).toUTCString();
    const server = await serve([openAiError(429, 'slow down', { 'retry-after': when }), good()]);
    const { client, slept } = reliable(server);
    assert.ok((await client.complete(request(1))).ok);
    assert.equal(slept.length, 1);
    assert.ok(slept[0]! >= 3_000 && slept[0]! <= 5_000, `slept ${slept[0]}`);
  });

  it('500 then success: exponential backoff', async () => {
    const server = await serve([openAiError(500, 'oops'), openAiError(502, 'oops'), good()]);
    const { client, slept } = reliable(server);
    assert.ok((await client.complete(request(1))).ok);
    assert.deepEqual(slept, [250, 500], 'base 500 ms, doubling, lowest jitter');
  });

  it('500 forever: a failure after N attempts, exactly N requests', async () => {
    const server = await serve([openAiError(500, 'down')]);
    const { client, slept, account } = reliable(server, { maxAttempts: 3 });
    const result = await client.complete(request(1));
    assert.ok(!result.ok);
    assert.equal(result.code, 'server_error');
    assert.match(result.message, /gave up after 3 attempts/);
    assert.equal(server.requests.length, 3);
    assert.equal(slept.length, 2);
    assert.equal(account.totals().failed, 1);
  });

  it('a refused connection is retried, then reported', async () => {
    const server = await serve([good()]);
    await server.close();
    const { client, slept } = reliable(server, { maxAttempts: 2 });
    const result = await client.complete(request(1));
    assert.ok(!result.ok);
    assert.equal(result.code, 'network_error');
    assert.equal(slept.length, 1);
  });

  const notRetried: { name: string; answer: FakeAnswer; code: string }[] = [
    { name: '401', answer: openAiError(401, 'bad key'), code: 'http_error' },
    { name: '404', answer: openAiError(404, 'no model'), code: 'not_found' },
    { name: 'malformed body', answer: { raw: 'not json at all' }, code: 'bad_input' },
    { name: 'slower than the timeout', answer: { ...good(), delayMs: 400 }, code: 'timeout' },
  ];
  for (const c of notRetried) {
    it(`${c.name} is not retried`, async () => {
      const server = await serve([c.answer]);
      const { client, slept } = reliable(server, { timeoutMs: 100 });
      const result = await client.complete(request(1));
      assert.ok(!result.ok);
      assert.equal(result.code, c.code);
      assert.equal(server.requests.length, 1);
      assert.deepEqual(slept, []);
    });
  }

  it('timeouts are retried when asked', async () => {
    const server = await serve([{ ...good(), delayMs: 300 }, good()]);
    const client = withRetries(provider(server, 80), {
      maxAttempts: 2,
      retryTimeouts: true,
      sleep: async () => {},
      random: () => 0,
    });
    assert.ok((await client.complete(request(1))).ok);
    assert.equal(server.requests.length, 2);
  });
});

describe('timeout wrapper', () => {
  it('bounds any client', async () => {
    const never: LlmClient = { provider: 'p', model: 'm', complete: () => new Promise(() => {}) };
    const result = await withTimeout(never, 30).complete(request(1));
    assert.ok(!result.ok);
    assert.equal(result.code, 'timeout');
    assert.match(result.message, /card within 30 ms/);
  });

  it('lets a quick answer through', async () => {
    const quick: LlmClient = {
      provider: 'p',
      model: 'm',
      complete: async () =>
        ok({ text: 'x', usage: { inputTokens: 1, outputTokens: 1 }, cached: false, provider: 'p', model: 'm' }),
    };
    assert.ok((await withTimeout(quick, 1000).complete(request(1))).ok);
  });
});

describe('concurrency limit', () => {
  it('never more in flight than the limit', async () => {
    const server = await serve(() => ({ ...good(), delayMs: 40 }));
    const { client } = reliable(server, { concurrency: 3 });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => client.complete(request(i))));
    assert.ok(results.every((r) => r.ok));
    assert.equal(server.requests.length, 12);
    assert.equal(server.maxInFlight(), 3);
  });
});

describe('response cache', () => {
  it('a re-run is served from the cache with zero requests', async () => {
    const dir = await tempDir();
    const server = await serve((req) =>
      chatCompletion(
        { n: Number(/\d+/.exec(req.body.messages[1].content)?.[0]) },
        { prompt_tokens: 1000, completion_tokens: 500 },
      ),
    );
    const first = reliable(server, { cacheDir: dir });
    const firstTexts = [];
    for (let i = 0; i < 3; i++) {
      const r = await first.client.complete(request(i));
      assert.ok(r.ok);
      firstTexts.push(r.value.text);
    }
    assert.equal(server.requests.length, 3);
    assert.equal(first.account.report(), '3 requests (0 from cache), 3,000 input + 1,500 output tokens, $0.0060');

    const second = reliable(server, { cacheDir: dir });
    const secondTexts = [];
    for (let i = 0; i < 3; i++) {
      const r = await second.client.complete(request(i));
      assert.ok(r.ok);
      assert.equal(r.value.cached, true);
      secondTexts.push(r.value.text);
    }
    assert.equal(server.requests.length, 3, 'zero requests on the re-run');
    assert.deepEqual(secondTexts, firstTexts);
    assert.equal(second.account.report(), '3 requests (3 from cache), 0 input + 0 output tokens, $0.0000');
    const key = cacheKey('fake', 'veyra-chat-1', request(0));
    assert.deepEqual(await readdir(path.join(dir, key.slice(0, 2))), [`${key}.json`]);
  });

  it('the key changes with prompt version, model, schema and messages, not with purpose', () => {
    const base = cacheKey('fake', 'm', request(1));
    assert.notEqual(cacheKey('fake', 'm', request(1, { promptVersion: 'card@2' })), base);
    assert.notEqual(cacheKey('fake', 'm2', request(1)), base);
    assert.notEqual(cacheKey('other', 'm', request(1)), base);
    assert.notEqual(cacheKey('fake', 'm', request(2)), base);
    assert.notEqual(cacheKey('fake', 'm', request(1, { schema: undefined })), base);
    assert.equal(cacheKey('fake', 'm', request(1, { purpose: 'other' })), base);
    assert.equal(
      cacheKey(
        'fake',
        'm',
        request(1, { schema: { name: 'card', jsonSchema: { properties: { n: { type: 'number' } }, type: 'object' } } }),
      ),
      base,
      'key order in the schema does not matter',
    );
  });

  it('malformed JSON is not cached, so the next run asks again', async () => {
    const dir = await tempDir();
    const server = await serve([chatCompletion('{"n": 1'), good()]);
    const r1 = await reliable(server, { cacheDir: dir }).client.complete(request(1));
    assert.ok(r1.ok);
    const r2 = await reliable(server, { cacheDir: dir }).client.complete(request(1));
    assert.ok(r2.ok);
    assert.equal(r2.value.cached, false);
    assert.equal(server.requests.length, 2);
  });

  it('identical requests at once share one call', async () => {
    const dir = await tempDir();
    const server = await serve(() => ({ ...good(), delayMs: 30 }));
    const { client, account } = reliable(server, { cacheDir: dir });
    const results = await Promise.all([
      client.complete(request(7)),
      client.complete(request(7)),
      client.complete(request(7)),
    ]);
    assert.ok(results.every((r) => r.ok));
    assert.equal(server.requests.length, 1);
    assert.equal(account.totals().cached, 2);
  });
});

describe('budget', () => {
  it('stops spending when reached mid-run, serves the cache still, and says so', async () => {
    const dir = await tempDir();
    const server = await serve(() => good());
    // $0.002 a call at $1/$2 per million: the budget is reached after the third call
    const account = createRunAccount({
      prices: { 'veyra-chat-1': { input: 1, output: 2 } },
      budget: { maxCostUsd: 0.0055 },
    });
    const { client } = reliable(server, { account, cacheDir: dir });
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await client.complete(request(i)));
    assert.deepEqual(
      outcomes.map((r) => (r.ok ? 'ok' : r.code)),
      ['ok', 'ok', 'ok', 'budget_exhausted', 'budget_exhausted'],
    );
    assert.equal(server.requests.length, 3);
    const failure = outcomes[3];
    assert.ok(failure && !failure.ok);
    assert.match(failure.message, /budget \(\$0\.0055\) is spent/);
    const again = await client.complete(request(0));
    assert.ok(again.ok && again.value.cached, 'an answer already cached is served after the budget is spent');
    assert.equal(
      account.report(),
      '4 requests (1 from cache), 3,000 input + 1,500 output tokens, $0.0060; budget $0.0055 reached: 2 calls not made',
    );
  });
});
