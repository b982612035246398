// What `tidings doctor` says about one configured provider: is there a key, does the base URL
// answer, is the key accepted, is the model there (with close names when it is not), does
// structured output work, is it fast. One tiny structured request is sent (a few tokens).

import type { Failure } from '../errors.js';
import type { LlmRequest } from './client.js';
import { jsonTextOf } from './json-text.js';
import { describeProvider, type ProviderSettings } from './llm-settings.js';
import { closeModelNames } from './model-names.js';
import { createProviderClient, type ProviderClient } from './provider-factory.js';
import type { FetchLike, ProviderFailure } from './provider-http.js';

export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface Finding {
  readonly status: CheckStatus;
  readonly text: string;
}

export interface ProviderCheck {
  readonly provider: string;
  /** One line about the provider (never the key). */
  readonly title: string;
  /** The worst finding's status. */
  readonly status: CheckStatus;
  readonly findings: readonly Finding[];
  readonly latencyMs: number | null;
}

export interface CheckOptions {
  readonly fetchImpl?: FetchLike;
  /** Slower than this (ms) is worth a warning. */
  readonly slowMs?: number;
  /** The probe's own timeout, in ms (default: the provider's, at most 60 s). */
  readonly timeoutMs?: number;
}

export const PROBE_REQUEST: LlmRequest = {
  system: 'You are a health check. Answer with the JSON object asked for, nothing else.',
  messages: [{ role: 'user', content: 'Reply with {"ok": true}.' }],
  schema: {
    name: 'health_check',
    jsonSchema: {
      type: 'object',
      properties: { ok: { type: 'boolean' } },
      required: ['ok'],
      additionalProperties: false,
    },
  },
  maxTokens: 20,
  promptVersion: 'doctor@1',
  purpose: 'doctor',
};

export async function checkProvider(settings: ProviderSettings, options: CheckOptions = {}): Promise<ProviderCheck> {
  const findings: Finding[] = [];
  const local = isLocalUrl(settings.baseUrl);
  const keyHint = settings.apiKeyFrom ?? 'an environment variable named by apiKeyEnv';
  if (settings.apiKey === null) {
    if (local) findings.push({ status: 'ok', text: 'no key (fine for a local server)' });
    else if (settings.apiKeyFrom) {
      // A hosted API without a key can only say 401: not worth a request.
      findings.push({
        status: 'fail',
        text: `no key: ${settings.apiKeyFrom} is empty or not set (${hostOf(settings.baseUrl)} not contacted)`,
      });
      return { provider: settings.name, title: describeProvider(settings), status: 'fail', findings, latencyMs: null };
    } else
      findings.push({
        status: 'warn',
        text: 'no key configured (add apiKeyEnv naming the environment variable that holds it)',
      });
  }
  const timeoutMs = options.timeoutMs ?? Math.min(settings.timeoutMs, 60_000);
  const client = createProviderClient({ ...settings, timeoutMs }, options.fetchImpl);
  const started = performance.now();
  const result = await client.complete(PROBE_REQUEST);
  const latencyMs = Math.round(performance.now() - started);
  if (result.ok) {
    const slowMs = options.slowMs ?? 10_000;
    const mode = 'structuredMode' in client ? client.structuredMode() : 'tool';
    if (mode === 'json_object')
      findings.push({
        status: 'warn',
        text: 'structured output: the server refused json_schema (HTTP 400); using json_object with the schema in the prompt, so answers are checked but not enforced by the server',
      });
    if (mode === 'prompt')
      findings.push({
        status: 'warn',
        text: 'structured output unsupported: the server refused json_schema and json_object; the schema goes in the prompt only, expect more invalid answers',
      });
    if (jsonTextOf(result.value.text) === null)
      findings.push({
        status: 'warn',
        text: `the model did not answer JSON to a one-line request (answered "${result.value.text.slice(0, 60)}"); many outputs may fall back to the offline engine`,
      });
    if (latencyMs > slowMs)
      findings.push({
        status: 'warn',
        text: `slow: ${latencyMs} ms for a 20-token answer (over ${slowMs} ms); a digest makes dozens of calls`,
      });
    findings.push({
      status: 'ok',
      text: `OK: ${settings.model} answered in ${latencyMs} ms (${result.value.usage.inputTokens} + ${result.value.usage.outputTokens} tokens)`,
    });
  } else {
    findings.push(...(await diagnose(result, settings, client, keyHint, timeoutMs)));
  }
  return {
    provider: settings.name,
    title: describeProvider(settings),
    status: worst(findings),
    findings,
    latencyMs: result.ok ? latencyMs : null,
  };
}

async function diagnose(
  failure: Failure,
  settings: ProviderSettings,
  client: ProviderClient,
  keyHint: string,
  timeoutMs: number,
): Promise<Finding[]> {
  const f = failure as ProviderFailure;
  const host = hostOf(settings.baseUrl);
  switch (f.code) {
    case 'network_error':
      if (f.networkCause === 'ECONNREFUSED')
        return [
          {
            status: 'fail',
            text: `base URL unreachable: connection refused at ${host} (is the server running, and on this port?)`,
          },
        ];
      if (f.networkCause === 'ENOTFOUND' || f.networkCause === 'EAI_AGAIN')
        return [
          { status: 'fail', text: `base URL unreachable: host ${host} not found (DNS); check the spelling of baseUrl` },
        ];
      return [{ status: 'fail', text: `base URL unreachable: ${stripProvider(f.message, settings.name)}` }];
    case 'timeout':
      return [
        {
          status: 'fail',
          text: `no answer within ${timeoutMs} ms from ${host}: the server may be overloaded or still loading the model (raise timeoutMs if it is just slow)`,
        },
      ];
    case 'rate_limited':
      return [
        {
          status: 'warn',
          text: `rate limited right now (HTTP 429${f.retryAfterMs === undefined ? '' : `, retry after ${Math.ceil(f.retryAfterMs / 1000)} s`}); runs will wait and retry`,
        },
      ];
    case 'not_found':
      return [await diagnoseNotFound(settings, client)];
    case 'http_error':
      if (f.status === 401 || f.status === 403) {
        return [
          {
            status: 'fail',
            text:
              settings.apiKey === null
                ? `the server wants a key (HTTP ${f.status}): set ${keyHint}`
                : `key rejected (HTTP ${f.status}): check the key in ${keyHint}`,
          },
        ];
      }
      return [{ status: 'fail', text: `the server refused the request: ${stripProvider(f.message, settings.name)}` }];
    case 'server_error':
      return [
        {
          status: 'fail',
          text: `the server failed (HTTP ${f.status ?? '5xx'}): ${stripProvider(f.message, settings.name)}`,
        },
      ];
    case 'bad_input':
      return [
        {
          status: 'fail',
          text: `the answer could not be read: ${stripProvider(f.message, settings.name)} (is this really an ${settings.kind === 'openai' ? 'OpenAI-compatible' : 'Anthropic'} endpoint?)`,
        },
      ];
    default:
      return [{ status: 'fail', text: stripProvider(f.message, settings.name) }];
  }
}

/** 404: a wrong base URL or a wrong model name. The model list, when there is one, tells which. */
async function diagnoseNotFound(settings: ProviderSettings, client: ProviderClient): Promise<Finding> {
  const models = await client.listModels();
  if (!models.ok) {
    const hint =
      settings.kind === 'openai' && !/\/v\d+\/?$/.test(settings.baseUrl)
        ? ' (OpenAI-compatible servers usually end in /v1)'
        : '';
    return {
      status: 'fail',
      text: `404 at ${settings.baseUrl}: wrong base URL${hint}, or no model named "${settings.model}" (the server lists no models to check against)`,
    };
  }
  if (models.value.includes(settings.model)) {
    return {
      status: 'fail',
      text: `404 although the server lists "${settings.model}": the base URL may point at the wrong API path`,
    };
  }
  const close = closeModelNames(settings.model, models.value);
  const offer =
    close.length > 0
      ? `; did you mean ${close.map((m) => `"${m}"`).join(' or ')}?`
      : models.value.length > 0
        ? `; it serves ${models.value
            .slice(0, 5)
            .map((m) => `"${m}"`)
            .join(', ')}${models.value.length > 5 ? '…' : ''}`
        : '; it lists no models';
  return { status: 'fail', text: `model "${settings.model}" not found at ${settings.baseUrl}${offer}` };
}

function worst(findings: readonly Finding[]): CheckStatus {
  if (findings.some((f) => f.status === 'fail')) return 'fail';
  if (findings.some((f) => f.status === 'warn')) return 'warn';
  return 'ok';
}

function stripProvider(message: string, name: string): string {
  return message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Loopback and private addresses: local servers (Ollama, llama.cpp, vLLM) need no key. */
export function isLocalUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  return (
    host === 'localhost' ||
    host.endsWith('.local') ||
    host === '::1' ||
    /^127\./.test(host) ||
    /^10\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host)
  );
}
