import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { anthropicError, anthropicMessage, startFakeAnthropic } from '../../test/support/fake-anthropic.js';
import type { FakeServer } from '../../test/support/fake-openai.js';
import type { LlmRequest } from './client.js';
import { ANTHROPIC_VERSION, createAnthropicClient } from './anthropic.js';
import { Secret } from './secret.js';

const schema = {
  name: 'card',
  jsonSchema: { type: 'object', properties: { summary: { type: 'string' } }, required: ['summary'] },
};
const request = (extra: Partial<LlmRequest> = {}): LlmRequest => ({
  system: 'You write cards.',
  messages: [{ role: 'user', content: 'The article.' }],
  schema,
  promptVersion: 'card@1',
  purpose: 'card',
  ...extra,
});

const servers: FakeServer[] = [];
after(async () => Promise.all(servers.map((s) => s.close())));
const serve = async (...args: Parameters<typeof startFakeAnthropic>): Promise<FakeServer> => {
  const server = await startFakeAnthropic(...args);
  servers.push(server);
  return server;
};
const clientFor = (server: FakeServer, timeoutMs = 2000) =>
  createAnthropicClient({
    baseUrl: server.origin,
    apiKey: new Secret('sk-ant-test-abcdef'),
    model: 'claude-test',
    timeoutMs,
  });

describe('Anthropic client', () => {
  it('forces one tool with the schema and returns its input as JSON text', async () => {
    const server = await serve([
      anthropicMessage({ tool: 'card', input: { summary: 'Veyra ships.' } }, { input_tokens: 500, output_tokens: 60 }),
    ]);
    const result = await clientFor(server).complete(request());
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(JSON.parse(result.value.text), { summary: 'Veyra ships.' });
    assert.deepEqual(result.value.usage, { inputTokens: 500, outputTokens: 60 });
    const sent = server.requests[0];
    assert.equal(sent?.path, '/v1/messages');
    assert.equal(sent?.headers['x-api-key'], 'sk-ant-test-abcdef');
    assert.equal(sent?.headers['anthropic-version'], ANTHROPIC_VERSION);
    assert.equal(sent?.body.system, 'You write cards.');
    assert.equal(sent?.body.max_tokens, 4096);
    assert.deepEqual(sent?.body.tools[0].input_schema, schema.jsonSchema);
    assert.deepEqual(sent?.body.tool_choice, { type: 'tool', name: 'card' });
  });

  it('without a schema, returns the text blocks', async () => {
    const server = await serve([anthropicMessage('Plain words.')]);
    const result = await clientFor(server).complete(request({ schema: undefined }));
    assert.ok(result.ok);
    assert.equal(result.value.text, 'Plain words.');
    assert.equal(server.requests[0]?.body.tools, undefined);
  });

  it('an answer without the forced tool is a bad_input failure', async () => {
    const server = await serve([anthropicMessage('I would rather chat.')]);
    const result = await clientFor(server).complete(request());
    assert.ok(!result.ok);
    assert.equal(result.code, 'bad_input');
    assert.match(result.message, /without using it/);
  });

  const malformed: { name: string; json: unknown; problem: RegExp }[] = [
    {
      name: 'no content',
      json: { type: 'message', usage: {} },
      problem: /content: expected array, received undefined/,
    },
    {
      name: 'the tool input not an object',
      json: { content: [{ type: 'tool_use', name: 'card', input: 'summary' }] },
      problem: /content\[0\]\.input: expected record, received string/,
    },
    {
      name: 'a text block without text',
      json: { content: [{ type: 'text' }] },
      problem: /content\[0\]\.text: expected string, received undefined/,
    },
    { name: 'a block that is no object', json: { content: [7] }, problem: /content\[0\]: expected object/ },
    {
      name: 'a bare array',
      json: [{ type: 'text', text: 'hi' }],
      problem: /\(root\): expected object, received array/,
    },
    { name: 'a JSON string', json: 'hello', problem: /\(root\): expected object, received string/ },
  ];
  for (const m of malformed) {
    it(`a malformed message (${m.name}) is bad_input naming the provider and the field`, async () => {
      const server = await serve([{ json: m.json }]);
      const result = await clientFor(server).complete(request());
      assert.ok(!result.ok, JSON.stringify(result));
      assert.equal(result.code, 'bad_input');
      assert.match(result.message, /^anthropic: the answer is malformed: /);
      assert.match(result.message, m.problem);
    });
  }

  it('lists models from GET /v1/models; an entry without an id is skipped', async () => {
    const server = await serve((req) =>
      req.path === '/v1/models'
        ? { json: { data: [{ id: 'claude-a', type: 'model' }, { type: 'model' }, 'claude-b'] } }
        : anthropicError(404, 'not_found_error', 'no'),
    );
    const result = await clientFor(server).listModels();
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.value, ['claude-a', 'claude-b']);
  });

  it('a model list without a data array is bad_input naming the provider and the list', async () => {
    const server = await serve([{ json: { models: ['claude-a'] } }]);
    const result = await clientFor(server).listModels();
    assert.ok(!result.ok);
    assert.equal(result.code, 'bad_input');
    assert.match(
      result.message,
      /^anthropic: the model list at .* is malformed: data: expected array, received undefined/,
    );
  });

  it('block types it does not read (thinking) are skipped, and usage that is absent is 0', async () => {
    const server = await serve([
      {
        json: {
          content: [
            { type: 'thinking', thinking: '...' },
            { type: 'tool_use', name: 'card', input: { summary: 'Veyra ships.' } },
          ],
        },
      },
    ]);
    const result = await clientFor(server).complete(request());
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(JSON.parse(result.value.text), { summary: 'Veyra ships.' });
    assert.deepEqual(result.value.usage, { inputTokens: 0, outputTokens: 0 });
  });

  const errors: { name: string; status: number; type: string; code: string }[] = [
    { name: 'key rejected', status: 401, type: 'authentication_error', code: 'http_error' },
    { name: 'unknown model', status: 404, type: 'not_found_error', code: 'not_found' },
    { name: 'rate limited', status: 429, type: 'rate_limit_error', code: 'rate_limited' },
    { name: 'overloaded', status: 529, type: 'overloaded_error', code: 'server_error' },
  ];
  for (const e of errors) {
    it(`${e.name} (${e.status}) is ${e.code}, with the server's message`, async () => {
      const server = await serve([anthropicError(e.status, e.type, `${e.type} happened`, { 'retry-after': '3' })]);
      const result = await clientFor(server).complete(request());
      assert.ok(!result.ok);
      assert.equal(result.code, e.code);
      assert.match(result.message, new RegExp(`${e.type} happened`));
      assert.equal((result as { retryAfterMs?: number }).retryAfterMs, 3000);
    });
  }

  it('an answer slower than the timeout is a timeout failure', async () => {
    const server = await serve([{ ...anthropicMessage('late'), delayMs: 400 }]);
    const result = await clientFor(server, 80).complete(request());
    assert.ok(!result.ok);
    assert.equal(result.code, 'timeout');
  });
});
