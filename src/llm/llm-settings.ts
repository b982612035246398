// The `llm` section of the configuration: which model providers to use, their prices and the run's
// budget. Parsed once from the config file's `llm:` value and the environment (both passed in);
// no provider = the offline engine. Keys live only in environment variables and are held as Secret.
// The file format is documented in docs/decisions/0008-llm-providers.md.

import { z } from 'zod';
import { fail, ok, type Result } from '../errors.js';
import { ANTHROPIC_BASE_URL } from './anthropic.js';
import type { Budget, ModelPrice } from './run-account.js';
import { Secret } from './secret.js';

export const PROVIDER_KINDS = ['openai', 'anthropic'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

export interface ProviderSettings {
  readonly name: string;
  readonly kind: ProviderKind;
  readonly baseUrl: string;
  readonly model: string;
  /** Null when no key is configured or its variable is empty (fine for a local server). */
  readonly apiKey: Secret | null;
  /** Where the key is read from, for messages: "environment variable DEEPSEEK_API_KEY". */
  readonly apiKeyFrom: string | null;
  readonly prices: ModelPrice | null;
  /** Per request attempt, in ms. */
  readonly timeoutMs: number;
  /** Requests in flight at once to this provider. */
  readonly concurrency: number;
  /** Attempts per call, the first included. */
  readonly maxAttempts: number;
  readonly origin: 'environment' | 'file';
}

export interface LlmSettings {
  /** In order of preference; empty = the offline engine. */
  readonly providers: readonly ProviderSettings[];
  readonly budget: Budget;
  /** Prices by model name (or "provider/model"), US dollars per million tokens. */
  readonly prices: Readonly<Record<string, ModelPrice>>;
}

export const NO_LLM: LlmSettings = { providers: [], budget: {}, prices: {} };

export const PROVIDER_DEFAULTS = { timeoutMs: 120_000, concurrency: 4, maxAttempts: 4 } as const;

const price = z.strictObject({ input: z.number().nonnegative(), output: z.number().nonnegative() });

const envName = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]*$/,
    'apiKeyEnv is the NAME of an environment variable that holds the key (e.g. DEEPSEEK_API_KEY), never the key itself',
  );

const providerEntry = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, 'a short name of letters, digits, dot, dash or underscore'),
  kind: z.enum(PROVIDER_KINDS),
  baseUrl: z.url({ protocol: /^https?$/ }).optional(),
  apiKeyEnv: envName.optional(),
  model: z.string().min(1),
  prices: price.optional(),
  timeoutMs: z.int().min(100).max(3_600_000).optional(),
  concurrency: z.int().min(1).max(256).optional(),
  maxAttempts: z.int().min(1).max(20).optional(),
});

const llmSection = z.strictObject({
  providers: z.array(providerEntry).default([]),
  budget: z
    .strictObject({ maxCostUsd: z.number().positive().optional(), maxTokens: z.int().positive().optional() })
    .default({}),
  prices: z.record(z.string(), price).default({}),
});

export type LlmSection = z.input<typeof llmSection>;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The llm settings from the config file's `llm:` value (undefined when absent) and the environment.
 * `where` names the file for messages. TIDINGS_LLM_PROVIDER, when set, defines the first provider.
 */
export function parseLlmSettings(section: unknown, env: Env, where: string): Result<LlmSettings> {
  const keyLike = findKeyLike(section);
  if (keyLike !== null) {
    return fail(
      'config_error',
      `${where}: llm.${keyLike} looks like an API key written into the file; put the key in an environment variable and name that variable with apiKeyEnv`,
    );
  }
  const parsed = llmSection.safeParse(section ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue ? ['llm', ...issue.path.map(String)].join('.') : 'llm';
    return fail('config_error', `${where}: ${at}: ${issue?.message ?? 'invalid'}`);
  }
  const file = parsed.data;
  const providers: ProviderSettings[] = [];
  const fromEnv = providerFromEnv(env);
  if (!fromEnv.ok) return fromEnv;
  if (fromEnv.value) providers.push(fromEnv.value);
  for (const entry of file.providers) {
    if (providers.some((p) => p.name === entry.name)) {
      return fail(
        'config_error',
        `${where}: two providers are named "${entry.name}"${fromEnv.value?.name === entry.name ? ' (one from TIDINGS_LLM_PROVIDER)' : ''}; give each its own name`,
      );
    }
    const keyValue = entry.apiKeyEnv ? env[entry.apiKeyEnv] : undefined;
    providers.push({
      name: entry.name,
      kind: entry.kind,
      baseUrl: entry.baseUrl ?? defaultBaseUrl(entry.kind),
      model: entry.model,
      apiKey: keyValue ? new Secret(keyValue.trim()) : null,
      apiKeyFrom: entry.apiKeyEnv ? `environment variable ${entry.apiKeyEnv}` : null,
      prices: entry.prices ?? null,
      timeoutMs: entry.timeoutMs ?? PROVIDER_DEFAULTS.timeoutMs,
      concurrency: entry.concurrency ?? PROVIDER_DEFAULTS.concurrency,
      maxAttempts: entry.maxAttempts ?? PROVIDER_DEFAULTS.maxAttempts,
      origin: 'file',
    });
  }
  const budget = budgetFrom(file.budget, env);
  if (!budget.ok) return budget;
  return ok({ providers, budget: budget.value, prices: file.prices });
}

export function defaultBaseUrl(kind: ProviderKind): string {
  return kind === 'openai' ? OPENAI_BASE_URL : ANTHROPIC_BASE_URL;
}

function providerFromEnv(env: Env): Result<ProviderSettings | null> {
  const kind = env.TIDINGS_LLM_PROVIDER?.trim().toLowerCase();
  const model = env.TIDINGS_LLM_MODEL?.trim();
  if (!kind) {
    if (model || env.TIDINGS_LLM_BASE_URL || env.TIDINGS_LLM_API_KEY) {
      return fail(
        'config_error',
        'TIDINGS_LLM_MODEL, TIDINGS_LLM_BASE_URL or TIDINGS_LLM_API_KEY is set but TIDINGS_LLM_PROVIDER is not: set it to openai (any OpenAI-compatible server) or anthropic',
      );
    }
    return ok(null);
  }
  if (kind !== 'openai' && kind !== 'anthropic') {
    return fail(
      'config_error',
      `TIDINGS_LLM_PROVIDER must be openai (any OpenAI-compatible server) or anthropic, got "${kind.slice(0, 30)}"`,
    );
  }
  if (!model)
    return fail(
      'config_error',
      `TIDINGS_LLM_PROVIDER is ${kind} but TIDINGS_LLM_MODEL is not set: name the model (e.g. ${kind === 'openai' ? 'gpt-4o-mini, qwen2.5:14b' : 'claude-sonnet-4-5'})`,
    );
  const baseUrl = env.TIDINGS_LLM_BASE_URL?.trim() || defaultBaseUrl(kind);
  if (!/^https?:\/\/[^/\s]+/.test(baseUrl))
    return fail('config_error', `TIDINGS_LLM_BASE_URL must be an http(s) URL, got "${baseUrl.slice(0, 60)}"`);
  const key = env.TIDINGS_LLM_API_KEY?.trim();
  return ok({
    name: kind,
    kind,
    baseUrl,
    model,
    apiKey: key ? new Secret(key) : null,
    apiKeyFrom: 'environment variable TIDINGS_LLM_API_KEY',
    prices: null,
    ...PROVIDER_DEFAULTS,
    origin: 'environment',
  });
}

function budgetFrom(file: Budget, env: Env): Result<Budget> {
  const read = (name: string, current: number | undefined): Result<number | undefined> => {
    const raw = env[name]?.trim();
    if (!raw) return ok(current);
    const value = Number(raw);
    return Number.isFinite(value) && value > 0
      ? ok(value)
      : fail('config_error', `${name} must be a positive number, got "${raw.slice(0, 20)}"`);
  };
  const maxCostUsd = read('TIDINGS_LLM_MAX_COST_USD', file.maxCostUsd);
  if (!maxCostUsd.ok) return maxCostUsd;
  const maxTokens = read('TIDINGS_LLM_MAX_TOKENS', file.maxTokens);
  if (!maxTokens.ok) return maxTokens;
  return ok({
    ...(maxCostUsd.value === undefined ? {} : { maxCostUsd: maxCostUsd.value }),
    ...(maxTokens.value === undefined ? {} : { maxTokens: maxTokens.value }),
  });
}

/** A key written into the file: an apiKey/key/token field, or a value shaped like a provider key. */
function findKeyLike(section: unknown, at = ''): string | null {
  if (Array.isArray(section)) {
    for (const [i, v] of section.entries()) {
      const found = findKeyLike(v, `${at}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (section === null || typeof section !== 'object') {
    return typeof section === 'string' && /^(sk-|sk_|xai-|AIza)[A-Za-z0-9_-]{12,}$/.test(section.trim())
      ? at.replace(/^\./, '')
      : null;
  }
  for (const [k, v] of Object.entries(section)) {
    const path = `${at}${at ? '.' : ''}${k}`;
    if (/^(api[-_]?key|key|token|secret)$/i.test(k) && typeof v === 'string' && v !== '') return path;
    const found = findKeyLike(v, path);
    if (found !== null) return found;
  }
  return null;
}

/** The account's prices: the file's table, plus each provider's own price under "name/model". */
export function accountPrices(settings: LlmSettings): Record<string, ModelPrice> {
  const prices: Record<string, ModelPrice> = { ...settings.prices };
  for (const p of settings.providers) if (p.prices) prices[`${p.name}/${p.model}`] = p.prices;
  return prices;
}

/** One line per provider for status output; never the key. */
export function describeProvider(p: ProviderSettings): string {
  const key = p.apiKey
    ? `key from ${p.apiKeyFrom ?? 'the environment'}`
    : p.apiKeyFrom
      ? `no key (${p.apiKeyFrom} is empty)`
      : 'no key';
  return `${p.name}: ${p.kind === 'openai' ? 'OpenAI-compatible' : 'Anthropic'} ${p.model} at ${p.baseUrl}, ${key}`;
}
