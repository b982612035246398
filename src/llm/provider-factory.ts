// Configuration → a reliable LlmClient: each configured provider's client wrapped in the cache,
// budget, retries, concurrency limit and timeout, the providers tried in order, every call counted
// in the run's account. No provider configured = null: the offline engine writes.

import { assertNever } from '../errors.js';
import type { LlmClient } from './client.js';
import { createAnthropicClient, type AnthropicClient } from './anthropic.js';
import { accountPrices, type LlmSettings, type ProviderSettings } from './llm-settings.js';
import { createOpenAiCompatibleClient, type OpenAiCompatibleClient } from './openai-compatible.js';
import type { FetchLike } from './provider-http.js';
import {
  createRunAccount,
  reliableStack,
  withFallback,
  withUsage,
  type RetryOptions,
  type RunAccount,
} from './reliable.js';
import { createResponseCache } from './response-cache.js';

export type ProviderClient = OpenAiCompatibleClient | AnthropicClient;

/** The bare client of one provider: no retries, no cache (what `tidings doctor` probes). */
export function createProviderClient(settings: ProviderSettings, fetchImpl?: FetchLike): ProviderClient {
  const common = {
    apiKey: settings.apiKey,
    model: settings.model,
    timeoutMs: settings.timeoutMs,
    name: settings.name,
    ...(fetchImpl ? { fetchImpl } : {}),
  };
  switch (settings.kind) {
    case 'openai':
      return createOpenAiCompatibleClient({ ...common, baseUrl: settings.baseUrl });
    case 'anthropic':
      return createAnthropicClient({ ...common, baseUrl: settings.baseUrl });
    default:
      return assertNever(settings.kind, 'provider kind');
  }
}

export interface LlmRuntime {
  readonly client: LlmClient;
  readonly account: RunAccount;
  /** "deepseek (deepseek-chat), then local (qwen2.5:14b)" */
  readonly description: string;
}

export interface LlmRuntimeOptions {
  /** <data>/llm-cache; null = no response cache. */
  readonly cacheDir: string | null;
  /** Use only this provider (by name). */
  readonly provider?: string;
  readonly account?: RunAccount;
  readonly fetchImpl?: FetchLike;
  /** For tests: instant sleep, fixed jitter. */
  readonly sleep?: RetryOptions['sleep'];
  readonly random?: RetryOptions['random'];
}

/** The run's model client, or null when no provider is configured (or the named one is unknown). */
export function createLlmRuntime(settings: LlmSettings, options: LlmRuntimeOptions): LlmRuntime | null {
  const chosen =
    options.provider === undefined ? settings.providers : settings.providers.filter((p) => p.name === options.provider);
  if (chosen.length === 0) return null;
  const account = options.account ?? createRunAccount({ prices: accountPrices(settings), budget: settings.budget });
  const cache = options.cacheDir === null ? null : createResponseCache(options.cacheDir);
  const stacks = chosen.map((p) =>
    reliableStack(createProviderClient(p, options.fetchImpl), {
      account,
      cache,
      concurrency: p.concurrency,
      retry: {
        maxAttempts: p.maxAttempts,
        ...(options.sleep ? { sleep: options.sleep } : {}),
        ...(options.random ? { random: options.random } : {}),
      },
    }),
  );
  return {
    client: withUsage(withFallback(stacks), account),
    account,
    description: chosen.map((p) => `${p.name} (${p.model})`).join(', then '),
  };
}
