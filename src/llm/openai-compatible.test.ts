import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  chatCompletion,
  modelList,
  openAiError,
  startFakeOpenAi,
  type FakeServer,
} from '../../test/support/fake-openai.js';
import type { LlmRequest } from './client.js';
import { createOpenAiCompatibleClient } from './openai-compatible.js';
import { Secret } from './secret.js';

const schema = {
  name: 'digest-item',
  jsonSchema: {
    type: 'object',
    properties: { headline: { type: 'string' } },
    required: ['headline'],
    additionalProperties: false,
  },
};
const request = (extra: Partial<LlmRequest> = {}): LlmRequest => ({
  system: 'You write digest items.',
  messages: [{ role: 'user', content: '<article>Veyra ships a chip.</article>' }],
  schema,
  promptVersion: 'digest-item@1',
  purpose: 'digest-item',
  ...extra,
});

const servers: FakeServer[] = [];
after(async () => Promise.all(servers.map((s) => s.close())));
const serve = async (...args: Parameters<typeof startFakeOpenAi>): Promise<FakeServer> => {
  const server = await startFakeOpenAi(...args);
  servers.push(server);
  return server;
};
const KEY = new Secret('sk-test-0123456789');
const clientFor = (server: FakeServer, timeoutMs = 2000) =>
  createOpenAiCompatibleClient({
    baseUrl: `${server.origin}/v1`,
    apiKey: KEY,
    model: 'veyra-chat-1',
    timeoutMs,
    name: 'fake',
  });

describe('OpenAI-compatible client', () => {
  it('sends the chat completion with json_schema and reads text and usage', async () => {
    const server = await serve([
      chatCompletion({ headline: 'Veyra ships' }, { prompt_tokens: 321, completion_tokens: 45 }),
    ]);
    const result = await clientFor(server).complete(request());
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(JSON.parse(result.value.text), { headline: 'Veyra ships' });
    assert.deepEqual(result.value.usage, { inputTokens: 321, outputTokens: 45 });
    assert.equal(result.value.cached, false);
    const sent = server.requests[0];
    assert.equal(sent?.path, '/v1/chat/completions');
    assert.equal(sent?.headers.authorization, 'Bearer sk-test-0123456789');
    assert.equal(sent?.body.model, 'veyra-chat-1');
    assert.equal(sent?.body.temperature, 0);
    assert.deepEqual(sent?.body.messages[0], { role: 'system', content: 'You write digest items.' });
    assert.equal(sent?.body.messages[1].content, '<article>Veyra ships a chip.</article>');
    assert.deepEqual(sent?.body.response_format, {
      type: 'json_schema',
      json_schema: { name: 'digest-item', schema: schema.jsonSchema, strict: true },
    });
  });

  const cases: { name: string; content: string; expected: string }[] = [
    { name: 'JSON in a code fence', content: '```json\n{"headline":"A"}\n```', expected: '{"headline":"A"}' },
    { name: 'JSON after a sentence', content: 'Here it is: {"headline":"B"}', expected: '{"headline":"B"}' },
    {
      name: 'malformed JSON is passed on as is for the engine to reject',
      content: '{"headline": "C"',
      expected: '{"headline": "C"',
    },
  ];
  for (const c of cases) {
    it(`content: ${c.name}`, async () => {
      const server = await serve([chatCompletion(c.content)]);
      const result = await clientFor(server).complete(request());
      assert.ok(result.ok);
      assert.equal(result.value.text, c.expected);
    });
  }

  it('a body that is not JSON is a bad_input failure naming the endpoint', async () => {
    const server = await serve([{ raw: '<html>gateway says hi</html>' }]);
    const result = await clientFor(server).complete(request());
    assert.ok(!result.ok);
    assert.equal(result.code, 'bad_input');
    assert.match(result.message, /not JSON/);
    assert.match(result.message, /chat\/completions/);
  });

  // Answers that are JSON but not a usable chat completion: parsed, not cast, so each is a
  // bad_input failure (what the reliable client and the offline fallback act on) naming the
  // provider and what was wrong where.
  const malformed: { name: string; json: unknown; problem: RegExp }[] = [
    { name: 'no choices', json: { id: 'x', object: 'chat.completion' }, problem: /choices: expected array/ },
    { name: 'empty choices', json: { choices: [] }, problem: /choices: Too small/ },
    {
      name: 'content null',
      json: { choices: [{ message: { role: 'assistant', content: null } }] },
      problem: /choices\[0\]\.message\.content: expected string, received null/,
    },
    {
      name: 'content a number',
      json: { choices: [{ message: { content: 42 } }] },
      problem: /choices\[0\]\.message\.content: expected string, received number/,
    },
    { name: 'a bare array', json: [1, 2], problem: /\(root\): expected object, received array/ },
    { name: 'a JSON string', json: 'hello', problem: /\(root\): expected object, received string/ },
  ];
  for (const m of malformed) {
    it(`a malformed completion (${m.name}) is bad_input naming the provider and the field`, async () => {
      const server = await serve([{ json: m.json }]);
      const result = await clientFor(server).complete(request({ schema: undefined }));
      assert.ok(!result.ok, JSON.stringify(result));
      assert.equal(result.code, 'bad_input');
      assert.match(result.message, /^fake: the answer is malformed: /);
      assert.match(result.message, m.problem);
    });
  }

  it('a refusal is reported as one, even without content', async () => {
    const server = await serve([{ json: { choices: [{ message: { content: null, refusal: 'I cannot help.' } }] } }]);
    const result = await clientFor(server).complete(request({ schema: undefined }));
    assert.ok(!result.ok);
    assert.equal(result.code, 'bad_input');
    assert.equal(result.message, 'fake: the model refused: I cannot help.');
  });

  it('usage that is absent or not counts is read as 0, not a failure', async () => {
    const server = await serve([
      { json: { choices: [{ message: { content: 'one' } }] } },
      { json: { choices: [{ message: { content: 'two' } }], usage: { prompt_tokens: '7', completion_tokens: -1 } } },
    ]);
    const client = clientFor(server);
    for (const text of ['one', 'two']) {
      const result = await client.complete(request({ schema: undefined }));
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.value.text, text);
      assert.deepEqual(result.value.usage, { inputTokens: 0, outputTokens: 0 });
    }
  });

  it('a model list without a data or models array is bad_input naming the list', async () => {
    const server = await serve([{ json: { data: 'gpt' } }]);
    const result = await clientFor(server).listModels();
    assert.ok(!result.ok);
    assert.equal(result.code, 'bad_input');
    assert.match(result.message, /^fake: the model list at .* is malformed: /);
  });

  it('falls back to json_object with the schema in the system prompt when json_schema gets 400, and remembers', async () => {
    const server = await serve((req) =>
      req.body.response_format?.type === 'json_schema'
        ? openAiError(400, "response_format type 'json_schema' is not supported")
        : chatCompletion({ headline: 'ok' }),
    );
    const client = clientFor(server);
    const first = await client.complete(request());
    assert.ok(first.ok);
    assert.equal(client.structuredMode(), 'json_object');
    assert.equal(server.requests.length, 2);
    assert.deepEqual(server.requests[1]?.body.response_format, { type: 'json_object' });
    assert.match(server.requests[1]?.body.messages[0].content, /JSON Schema \(named "digest-item"\)/);
    const second = await client.complete(request());
    assert.ok(second.ok);
    assert.equal(server.requests.length, 3, 'the second call goes straight to json_object');
    assert.deepEqual(server.requests[2]?.body.response_format, { type: 'json_object' });
  });

  it('falls back to the prompt alone when json_object is refused too', async () => {
    const server = await serve((req) =>
      req.body.response_format
        ? openAiError(400, 'unknown field response_format')
        : chatCompletion({ headline: 'plain' }),
    );
    const client = clientFor(server);
    const result = await client.complete(request());
    assert.ok(result.ok);
    assert.equal(client.structuredMode(), 'prompt');
    assert.equal(server.requests[2]?.body.response_format, undefined);
  });

  it('a 400 without any response_format is not retried', async () => {
    const server = await serve([openAiError(400, 'context too long')]);
    const result = await clientFor(server).complete(request({ schema: undefined }));
    assert.ok(!result.ok);
    assert.equal(result.code, 'http_error');
    assert.equal(server.requests.length, 1);
  });

  const statuses: { name: string; status: number; code: string; words: RegExp }[] = [
    { name: '401', status: 401, code: 'http_error', words: /API key was rejected/ },
    { name: '404', status: 404, code: 'not_found', words: /no such endpoint or model/ },
    { name: '429', status: 429, code: 'rate_limited', words: /rate limited/ },
    { name: '503', status: 503, code: 'server_error', words: /server failed/ },
  ];
  for (const s of statuses) {
    it(`HTTP ${s.name} is ${s.code} and the echoed key is redacted`, async () => {
      const server = await serve([openAiError(s.status, 'bad key sk-test-0123456789')]);
      const result = await clientFor(server).complete(request({ schema: undefined }));
      assert.ok(!result.ok);
      assert.equal(result.code, s.code);
      assert.match(result.message, s.words);
      assert.doesNotMatch(result.message, /sk-test-0123456789/);
      assert.match(result.message, /\[redacted\]/);
    });
  }

  it('an answer slower than the timeout is a timeout failure', async () => {
    const server = await serve([{ ...chatCompletion('late'), delayMs: 500 }]);
    const started = performance.now();
    const result = await clientFor(server, 100).complete(request());
    assert.ok(!result.ok);
    assert.equal(result.code, 'timeout');
    assert.match(result.message, /within 100 ms/);
    assert.ok(performance.now() - started < 450);
  });

  it('a refused connection is a network_error that says so', async () => {
    const server = await serve([chatCompletion('x')]);
    await server.close();
    const result = await clientFor(server).complete(request());
    assert.ok(!result.ok);
    assert.equal(result.code, 'network_error');
    assert.match(result.message, /connection refused/);
  });

  it("lists Ollama's models (name, not id); an entry that is neither text nor names a model is skipped", async () => {
    const server = await serve([{ json: { models: [{ name: 'qwen3:8b' }, 7, { id: 'llama3' }, { size: 1 }] } }]);
    const result = await clientFor(server).listModels();
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.value, ['qwen3:8b', 'llama3']);
  });

  it('lists models from GET /models', async () => {
    const server = await serve((req) =>
      req.path === '/v1/models' ? modelList(['veyra-chat-1', 'veyra-chat-2']) : openAiError(404, 'no'),
    );
    const result = await clientFor(server).listModels();
    assert.ok(result.ok);
    assert.deepEqual(result.value, ['veyra-chat-1', 'veyra-chat-2']);
  });

  it('sends no authorization header without a key (local servers)', async () => {
    const server = await serve([chatCompletion('hi')]);
    const client = createOpenAiCompatibleClient({ baseUrl: server.origin, apiKey: null, model: 'm', timeoutMs: 1000 });
    const result = await client.complete(request({ schema: undefined }));
    assert.ok(result.ok);
    assert.equal(result.value.text, 'hi');
    assert.equal(server.requests[0]?.headers.authorization, undefined);
    assert.equal(server.requests[0]?.path, '/chat/completions');
  });
});
