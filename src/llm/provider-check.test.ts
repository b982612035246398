import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { anthropicError, anthropicMessage, startFakeAnthropic } from '../../test/support/fake-anthropic.js';
import {
  chatCompletion,
  modelList,
  openAiError,
  startFakeOpenAi,
  type FakeAnswer,
  type FakeServer,
  type Script,
} from '../../test/support/fake-openai.js';
import type { ProviderSettings } from './llm-settings.js';
import { closeModelNames } from './model-names.js';
import { checkProvider, isLocalUrl } from './provider-check.js';
import { Secret } from './secret.js';

const servers: FakeServer[] = [];
after(async () => Promise.all(servers.map((s) => s.close())));

const settings = (over: Partial<ProviderSettings>): ProviderSettings => ({
  name: 'local',
  kind: 'openai',
  baseUrl: 'http://127.0.0.1:1/v1',
  model: 'veyra-chat-1',
  apiKey: new Secret('sk-local-123456'),
  apiKeyFrom: 'environment variable VEYRA_KEY',
  prices: null,
  timeoutMs: 2_000,
  concurrency: 1,
  maxAttempts: 1,
  origin: 'file',
  ...over,
});

/** Chat completions answered by `chat`; GET /models by `models` (404 when absent). */
const openAiScript =
  (chat: FakeAnswer | ((body: any) => FakeAnswer), models?: FakeAnswer): Script =>
  (req) =>
    req.path.endsWith('/models')
      ? (models ?? openAiError(404, 'no route'))
      : typeof chat === 'function'
        ? chat(req.body)
        : chat;

interface Case {
  name: string;
  script: Script;
  over?: Partial<ProviderSettings>;
  /** Base URL path after the origin. */
  basePath?: string;
  options?: { slowMs?: number; timeoutMs?: number };
  status: 'ok' | 'warn' | 'fail';
  says: RegExp;
}

const cases: Case[] = [
  {
    name: 'all good',
    script: openAiScript(chatCompletion({ ok: true })),
    status: 'ok',
    says: /OK: veyra-chat-1 answered in \d+ ms \(100 \+ 20 tokens\)/,
  },
  {
    name: 'json_schema refused',
    script: openAiScript((body) =>
      body.response_format?.type === 'json_schema'
        ? openAiError(400, 'json_schema unsupported')
        : chatCompletion({ ok: true }),
    ),
    status: 'warn',
    says: /refused json_schema \(HTTP 400\); using json_object/,
  },
  {
    name: 'no structured output at all',
    script: openAiScript((body) =>
      body.response_format ? openAiError(400, 'unknown field') : chatCompletion({ ok: true }),
    ),
    status: 'warn',
    says: /structured output unsupported/,
  },
  {
    name: 'an answer that is not JSON',
    script: openAiScript(chatCompletion('Sure! Happy to help.')),
    status: 'warn',
    says: /did not answer JSON .*"Sure! Happy to help\."/,
  },
  {
    name: 'slow',
    script: openAiScript({ ...chatCompletion({ ok: true }), delayMs: 120 }),
    options: { slowMs: 50 },
    status: 'warn',
    says: /slow: \d+ ms for a 20-token answer \(over 50 ms\)/,
  },
  {
    name: 'key rejected',
    script: openAiScript(openAiError(401, 'Incorrect API key provided')),
    status: 'fail',
    says: /key rejected \(HTTP 401\): check the key in environment variable VEYRA_KEY/,
  },
  {
    name: 'forbidden',
    script: openAiScript(openAiError(403, 'no access')),
    status: 'fail',
    says: /key rejected \(HTTP 403\)/,
  },
  {
    name: 'a key wanted, none given',
    script: openAiScript(openAiError(401, 'missing key')),
    over: { apiKey: null },
    status: 'fail',
    says: /the server wants a key \(HTTP 401\): set environment variable VEYRA_KEY/,
  },
  {
    name: 'wrong model, close names listed',
    script: openAiScript(
      openAiError(404, 'model not found'),
      modelList(['veyra-chat-2', 'veyra-chat-1-mini', 'whisper-large']),
    ),
    over: { model: 'veyra-chat' },
    status: 'fail',
    says: /model "veyra-chat" not found at .*; did you mean "veyra-chat-2" or "veyra-chat-1-mini"\?/,
  },
  {
    name: 'wrong model, nothing close',
    script: openAiScript(openAiError(404, 'model not found'), modelList(['llama3', 'mistral'])),
    over: { model: 'gpt-4o' },
    status: 'fail',
    says: /model "gpt-4o" not found .*; it serves "llama3", "mistral"/,
  },
  {
    name: 'wrong base URL',
    script: () => openAiError(404, 'Not Found'),
    basePath: '',
    status: 'fail',
    says: /404 at http:\/\/127\.0\.0\.1:\d+: wrong base URL \(OpenAI-compatible servers usually end in \/v1\)/,
  },
  {
    name: 'answer slower than the timeout',
    script: openAiScript({ ...chatCompletion({ ok: true }), delayMs: 400 }),
    options: { timeoutMs: 100 },
    status: 'fail',
    says: /no answer within 100 ms from 127\.0\.0\.1:\d+/,
  },
  {
    name: 'rate limited',
    script: openAiScript(openAiError(429, 'slow down', { 'retry-after': '20' })),
    status: 'warn',
    says: /rate limited right now \(HTTP 429, retry after 20 s\)/,
  },
  {
    name: 'server error',
    script: openAiScript(openAiError(500, 'model crashed')),
    status: 'fail',
    says: /the server failed \(HTTP 500\): .*model crashed/,
  },
  {
    name: 'not an OpenAI endpoint',
    script: openAiScript({ raw: '<html>a blog</html>' }),
    status: 'fail',
    says: /could not be read: .*not JSON .*is this really an OpenAI-compatible endpoint/,
  },
];

describe('checkProvider (OpenAI-compatible)', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const server = await startFakeOpenAi(c.script);
      servers.push(server);
      const check = await checkProvider(
        settings({ baseUrl: `${server.origin}${c.basePath ?? '/v1'}`, ...c.over }),
        c.options,
      );
      const text = check.findings.map((f) => `${f.status}: ${f.text}`).join('\n');
      assert.equal(check.status, c.status, text);
      assert.match(text, c.says);
      assert.doesNotMatch(text, /sk-local-123456/);
    });
  }

  it('connection refused', async () => {
    const server = await startFakeOpenAi([chatCompletion({ ok: true })]);
    await server.close();
    const check = await checkProvider(settings({ baseUrl: `${server.origin}/v1` }));
    assert.equal(check.status, 'fail');
    assert.match(
      check.findings.at(-1)?.text ?? '',
      /base URL unreachable: connection refused at 127\.0\.0\.1:\d+ \(is the server running/,
    );
  });

  it('a hosted API with an empty key variable is not contacted', async () => {
    const check = await checkProvider(settings({ baseUrl: 'https://api.example.invalid/v1', apiKey: null }));
    assert.equal(check.status, 'fail');
    assert.deepEqual(
      check.findings.map((f) => f.text),
      ['no key: environment variable VEYRA_KEY is empty or not set (api.example.invalid not contacted)'],
    );
  });

  it('a local server needs no key', async () => {
    const server = await startFakeOpenAi(openAiScript(chatCompletion({ ok: true })));
    servers.push(server);
    const check = await checkProvider(settings({ baseUrl: `${server.origin}/v1`, apiKey: null, apiKeyFrom: null }));
    assert.equal(check.status, 'ok');
    assert.equal(check.findings[0]?.text, 'no key (fine for a local server)');
  });
});

describe('checkProvider (Anthropic)', () => {
  const anthropic = (origin: string, over: Partial<ProviderSettings> = {}) =>
    settings({ name: 'claude', kind: 'anthropic', baseUrl: origin, model: 'claude-test', ...over });

  it('all good, through the forced tool', async () => {
    const server = await startFakeAnthropic([anthropicMessage({ tool: 'health_check', input: { ok: true } })]);
    servers.push(server);
    const check = await checkProvider(anthropic(server.origin));
    assert.equal(check.status, 'ok');
    assert.match(check.findings.at(-1)?.text ?? '', /OK: claude-test answered/);
  });

  it('key rejected', async () => {
    const server = await startFakeAnthropic([anthropicError(401, 'authentication_error', 'invalid x-api-key')]);
    servers.push(server);
    const check = await checkProvider(anthropic(server.origin));
    assert.match(check.findings.at(-1)?.text ?? '', /key rejected \(HTTP 401\)/);
  });

  it('unknown model, with the listed close names', async () => {
    const server = await startFakeAnthropic((req) =>
      req.path === '/v1/models'
        ? { json: { data: [{ id: 'claude-test-2', type: 'model' }, { id: 'claude-other' }] } }
        : anthropicError(404, 'not_found_error', 'model: claude-tset'),
    );
    servers.push(server);
    const check = await checkProvider(anthropic(server.origin, { model: 'claude-tset' }));
    assert.equal(check.status, 'fail');
    assert.match(check.findings.at(-1)?.text ?? '', /model "claude-tset" not found .*did you mean "claude-test-2"/);
  });
});

describe('model names and local addresses', () => {
  const names: { wanted: string; available: string[]; expected: string[] }[] = [
    { wanted: 'gpt-4o-mni', available: ['gpt-4o-mini', 'gpt-4o', 'o3'], expected: ['gpt-4o-mini', 'gpt-4o'] },
    {
      wanted: 'qwen2.5',
      available: ['qwen2.5:14b', 'qwen2.5:7b', 'llama3.1:8b'],
      expected: ['qwen2.5:7b', 'qwen2.5:14b'],
    },
    { wanted: 'DeepSeek-Chat', available: ['deepseek-chat', 'deepseek-reasoner'], expected: ['deepseek-chat'] },
    { wanted: 'claude', available: ['mistral-large'], expected: [] },
  ];
  for (const c of names)
    it(`close to ${c.wanted}`, () => assert.deepEqual(closeModelNames(c.wanted, c.available), c.expected));

  const urls: [string, boolean][] = [
    ['http://127.0.0.1:11434/v1', true],
    ['http://localhost:8080/v1', true],
    ['http://[::1]:8000/v1', true],
    ['http://192.168.1.20:1234/v1', true],
    ['https://api.deepseek.com/v1', false],
    ['https://172.32.0.1/v1', false],
  ];
  for (const [url, local] of urls)
    it(`${url} is ${local ? '' : 'not '}local`, () => assert.equal(isLocalUrl(url), local));
});
