// A client for Anthropic's Messages API. Structured output goes through one forced tool whose
// input_schema is the requested schema; the tool's input is returned as JSON text.

import { fail, ok, type Result } from '../errors.js';
import type { LlmClient, LlmRequest, LlmResponse } from './client.js';
import { schemaName } from './openai-compatible.js';
import { callJson, endpoint, type FetchLike } from './provider-http.js';
import { AnthropicMessage, AnthropicModelList, modelEntryId, parseAnswer } from './provider-answer.js';
import type { Secret } from './secret.js';

export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';
export const ANTHROPIC_VERSION = '2023-06-01';

export interface AnthropicOptions {
  readonly baseUrl?: string;
  readonly apiKey: Secret | null;
  readonly model: string;
  readonly timeoutMs: number;
  /** The provider's name in reports and cache keys; default "anthropic". */
  readonly name?: string;
  readonly fetchImpl?: FetchLike;
}

export interface AnthropicClient extends LlmClient {
  /** GET {baseUrl}/v1/models: the model ids the API lists. */
  listModels(): Promise<Result<string[]>>;
}

const DEFAULT_MAX_TOKENS = 4096;

export function createAnthropicClient(options: AnthropicOptions): AnthropicClient {
  const provider = options.name ?? 'anthropic';
  const baseUrl = options.baseUrl ?? ANTHROPIC_BASE_URL;
  const http = { provider, timeoutMs: options.timeoutMs, fetchImpl: options.fetchImpl, secrets: [options.apiKey] };
  const headers = (): Record<string, string> => ({
    'anthropic-version': ANTHROPIC_VERSION,
    ...(options.apiKey ? { 'x-api-key': options.apiKey.reveal() } : {}),
  });
  return {
    provider,
    model: options.model,
    async complete(request) {
      const answer = await callJson(
        'POST',
        endpoint(baseUrl, 'v1/messages'),
        headers(),
        requestBody(options.model, request),
        http,
      );
      if (!answer.ok) return answer;
      return readMessage(answer.value.json, request, provider, options.model);
    },
    async listModels() {
      const answer = await callJson('GET', endpoint(baseUrl, 'v1/models'), headers(), undefined, http);
      if (!answer.ok) return answer;
      const list = parseAnswer(AnthropicModelList, answer.value.json, provider, `the model list at ${baseUrl}`);
      if (!list.ok) return list;
      return ok(list.value.data.map(modelEntryId).filter((id): id is string => id !== null));
    },
  };
}

function requestBody(model: string, request: LlmRequest): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model,
    max_tokens: request.maxTokens ?? DEFAULT_MAX_TOKENS,
    temperature: request.temperature ?? 0,
    system: request.system,
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
  };
  if (request.schema) {
    const name = schemaName(request.schema.name);
    body.tools = [
      { name, description: `Record the answer as a ${request.schema.name}.`, input_schema: request.schema.jsonSchema },
    ];
    body.tool_choice = { type: 'tool', name };
  }
  return body;
}

function readMessage(json: unknown, request: LlmRequest, provider: string, model: string): Result<LlmResponse> {
  const body = parseAnswer(AnthropicMessage, json, provider, 'the answer');
  if (!body.ok) return body;
  const blocks = body.value.content;
  let text: string;
  if (request.schema) {
    const tool = blocks.find((b) => b.type === 'tool_use');
    if (tool === undefined) {
      return fail(
        'bad_input',
        `${provider}: asked for the ${request.schema.name} tool, the model answered without using it`,
      );
    }
    text = JSON.stringify(tool.input);
  } else {
    text = blocks
      .filter((b) => b.type === 'text')
      .map((b) => b.text)
      .join('');
  }
  return ok({
    text,
    usage: { inputTokens: body.value.usage.input_tokens, outputTokens: body.value.usage.output_tokens },
    cached: false,
    provider,
    model,
  });
}
