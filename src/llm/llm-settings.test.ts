import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../config.js';
import { accountPrices, describeProvider, OPENAI_BASE_URL, parseLlmSettings } from './llm-settings.js';

const WHERE = 'tidings.config.yaml';

describe('llm settings', () => {
  it('no file section and no environment: the offline engine', () => {
    const r = parseLlmSettings(undefined, {}, WHERE);
    assert.ok(r.ok);
    assert.deepEqual(r.value.providers, []);
  });

  it('the environment defines the first provider, ahead of the file', () => {
    const r = parseLlmSettings(
      { providers: [{ name: 'local', kind: 'openai', baseUrl: 'http://127.0.0.1:11434/v1', model: 'qwen2.5:14b' }] },
      {
        TIDINGS_LLM_PROVIDER: 'anthropic',
        TIDINGS_LLM_MODEL: 'claude-test',
        TIDINGS_LLM_API_KEY: 'sk-ant-secret-value',
      },
      WHERE,
    );
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(
      r.value.providers.map((p) => [p.name, p.kind, p.model, p.origin]),
      [
        ['anthropic', 'anthropic', 'claude-test', 'environment'],
        ['local', 'openai', 'qwen2.5:14b', 'file'],
      ],
    );
    assert.equal(r.value.providers[0]?.apiKey?.reveal(), 'sk-ant-secret-value');
    assert.equal(r.value.providers[0]?.baseUrl, 'https://api.anthropic.com');
    assert.equal(r.value.providers[1]?.apiKey, null);
  });

  it('keys come from the named variable and are never printed', () => {
    const r = parseLlmSettings(
      {
        providers: [
          {
            name: 'deepseek',
            kind: 'openai',
            baseUrl: 'https://api.deepseek.com/v1',
            apiKeyEnv: 'DEEPSEEK_API_KEY',
            model: 'deepseek-chat',
            prices: { input: 0.27, output: 1.1 },
          },
        ],
        budget: { maxCostUsd: 1 },
      },
      { DEEPSEEK_API_KEY: 'sk-deepseek-very-secret' },
      WHERE,
    );
    assert.ok(r.ok);
    const shown = [
      JSON.stringify(r.value),
      inspect(r.value, { depth: 10 }),
      String(r.value.providers[0]?.apiKey),
      describeProvider(r.value.providers[0]!),
    ].join('\n');
    assert.doesNotMatch(shown, /very-secret/);
    assert.match(describeProvider(r.value.providers[0]!), /key from environment variable DEEPSEEK_API_KEY/);
    assert.equal(r.value.providers[0]?.apiKey?.reveal(), 'sk-deepseek-very-secret');
    assert.deepEqual(r.value.budget, { maxCostUsd: 1 });
    assert.deepEqual(accountPrices(r.value), { 'deepseek/deepseek-chat': { input: 0.27, output: 1.1 } });
  });

  it('an empty key variable is no key, and the description says which variable', () => {
    const r = parseLlmSettings(
      { providers: [{ name: 'o', kind: 'openai', apiKeyEnv: 'OPENAI_API_KEY', model: 'gpt-4o-mini' }] },
      { OPENAI_API_KEY: '' },
      WHERE,
    );
    assert.ok(r.ok);
    assert.equal(r.value.providers[0]?.apiKey, null);
    assert.equal(r.value.providers[0]?.baseUrl, OPENAI_BASE_URL);
    assert.match(describeProvider(r.value.providers[0]!), /no key \(environment variable OPENAI_API_KEY is empty\)/);
  });

  it('budget from the environment overrides the file', () => {
    const r = parseLlmSettings(
      { budget: { maxCostUsd: 5 } },
      { TIDINGS_LLM_MAX_COST_USD: '0.5', TIDINGS_LLM_MAX_TOKENS: '100000' },
      WHERE,
    );
    assert.ok(r.ok);
    assert.deepEqual(r.value.budget, { maxCostUsd: 0.5, maxTokens: 100_000 });
  });

  const refused: { name: string; section: unknown; env?: Record<string, string>; message: RegExp }[] = [
    {
      name: 'a key written into the file',
      section: { providers: [{ name: 'o', kind: 'openai', model: 'm', apiKey: 'sk-abc' }] },
      message: /llm\.providers\[0\]\.apiKey looks like an API key/,
    },
    {
      name: 'a key given as apiKeyEnv',
      section: { providers: [{ name: 'o', kind: 'openai', model: 'm', apiKeyEnv: 'sk-proj-abcdefghijklmnop' }] },
      message: /looks like an API key/,
    },
    {
      name: 'an unknown kind',
      section: { providers: [{ name: 'o', kind: 'gemini', model: 'm' }] },
      message: /llm\.providers\.0\.kind/,
    },
    {
      name: 'a missing model',
      section: { providers: [{ name: 'o', kind: 'openai' }] },
      message: /llm\.providers\.0\.model/,
    },
    {
      name: 'a misspelt field',
      section: { providers: [{ name: 'o', kind: 'openai', model: 'm', baseURL: 'http://x' }] },
      message: /baseURL/,
    },
    {
      name: 'two providers with one name',
      section: {
        providers: [
          { name: 'o', kind: 'openai', model: 'm' },
          { name: 'o', kind: 'anthropic', model: 'c' },
        ],
      },
      message: /two providers are named "o"/,
    },
    {
      name: 'an unknown provider kind in the environment',
      section: undefined,
      env: { TIDINGS_LLM_PROVIDER: 'gemini', TIDINGS_LLM_MODEL: 'x' },
      message: /must be openai .* or anthropic/,
    },
    {
      name: 'a provider without a model in the environment',
      section: undefined,
      env: { TIDINGS_LLM_PROVIDER: 'openai' },
      message: /TIDINGS_LLM_MODEL is not set/,
    },
    {
      name: 'a model without a provider in the environment',
      section: undefined,
      env: { TIDINGS_LLM_MODEL: 'gpt-4o' },
      message: /TIDINGS_LLM_PROVIDER is not/,
    },
    {
      name: 'a bad budget in the environment',
      section: undefined,
      env: { TIDINGS_LLM_MAX_COST_USD: 'lots' },
      message: /positive number/,
    },
  ];
  for (const c of refused) {
    it(`refuses ${c.name}`, () => {
      const r = parseLlmSettings(c.section, c.env ?? {}, WHERE);
      assert.ok(!r.ok);
      assert.equal(r.code, 'config_error');
      assert.match(r.message, c.message);
      assert.doesNotMatch(r.message, /sk-proj-abcdefghijklmnop/);
    });
  }
});

describe('loadConfig reads tidings.config.yaml', () => {
  const dirs: string[] = [];
  after(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
  const dir = async (yaml: string | null): Promise<string> => {
    const d = await mkdtemp(path.join(tmpdir(), 'tidings-config-'));
    dirs.push(d);
    if (yaml !== null) await writeFile(path.join(d, 'tidings.config.yaml'), yaml);
    return d;
  };

  it('finds the file in the working directory', async () => {
    const cwd = await dir(
      'llm:\n  providers:\n    - name: local\n      kind: openai\n      baseUrl: http://127.0.0.1:8080/v1\n      model: llama\n',
    );
    const config = loadConfig({}, {}, cwd);
    assert.ok(config.ok, JSON.stringify(config));
    assert.equal(config.value.llm.providers[0]?.baseUrl, 'http://127.0.0.1:8080/v1');
    assert.equal(config.value.configFile, path.join(cwd, 'tidings.config.yaml'));
    assert.equal(config.value.llmCacheDir, path.join(cwd, '.tidings', 'llm-cache'));
  });

  it('no file: the offline engine', async () => {
    const config = loadConfig({}, {}, await dir(null));
    assert.ok(config.ok);
    assert.equal(config.value.llm.providers.length, 0);
    assert.equal(config.value.configFile, null);
  });

  it('TIDINGS_CONFIG must exist; bad YAML names the file', async () => {
    const cwd = await dir('llm: [unclosed');
    const missing = loadConfig({ TIDINGS_CONFIG: 'nope.yaml' }, {}, cwd);
    assert.ok(!missing.ok);
    assert.match(missing.message, /cannot read the config file .*nope\.yaml: ENOENT/);
    const bad = loadConfig({}, {}, cwd);
    assert.ok(!bad.ok);
    assert.match(bad.message, /tidings\.config\.yaml is not valid YAML/);
  });
});
