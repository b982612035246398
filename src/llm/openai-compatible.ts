// A client for any OpenAI-compatible chat completions endpoint: OpenAI, vLLM, Ollama, llama.cpp's
// server, LM Studio, DeepSeek, Qwen (DashScope), Moonshot. Structured output asks for
// json_schema first; a server that refuses it with 400 is asked again with json_object plus the
// schema in the system prompt, then with the prompt alone, and the client remembers what worked.

import { fail, ok, type Failure, type Result } from '../errors.js';
import type { LlmClient, LlmRequest, LlmResponse } from './client.js';
import { jsonTextOf, schemaInstruction } from './json-text.js';
import { callJson, endpoint, type FetchLike, type ProviderFailure } from './provider-http.js';
import { modelEntryId, OpenAiCompletion, OpenAiModelList, OpenAiRefusal, parseAnswer } from './provider-answer.js';
import type { Secret } from './secret.js';

/** How structured output is obtained from this server, strongest first. */
export const STRUCTURED_MODES = ['json_schema', 'json_object', 'prompt'] as const;
export type StructuredMode = (typeof STRUCTURED_MODES)[number];

export interface OpenAiCompatibleOptions {
  readonly baseUrl: string;
  readonly apiKey: Secret | null;
  readonly model: string;
  readonly timeoutMs: number;
  /** The provider's name in reports and cache keys; default "openai". */
  readonly name?: string;
  readonly fetchImpl?: FetchLike;
}

export interface OpenAiCompatibleClient extends LlmClient {
  /** The structured-output mode this server accepted last (json_schema until told otherwise). */
  structuredMode(): StructuredMode;
  /** GET {baseUrl}/models: the model ids the server lists (not every server has it). */
  listModels(): Promise<Result<string[]>>;
}

const DEFAULT_MAX_TOKENS = 4096;

export function createOpenAiCompatibleClient(options: OpenAiCompatibleOptions): OpenAiCompatibleClient {
  const provider = options.name ?? 'openai';
  let mode: StructuredMode = 'json_schema';
  const http = { provider, timeoutMs: options.timeoutMs, fetchImpl: options.fetchImpl, secrets: [options.apiKey] };
  const headers = (): Record<string, string> =>
    options.apiKey ? { authorization: `Bearer ${options.apiKey.reveal()}` } : {};

  const attempt = async (request: LlmRequest, as: StructuredMode): Promise<Result<LlmResponse>> => {
    const answer = await callJson(
      'POST',
      endpoint(options.baseUrl, 'chat/completions'),
      headers(),
      requestBody(options.model, request, as),
      http,
    );
    if (!answer.ok) return answer;
    return readCompletion(answer.value.json, request, provider, options.model);
  };

  return {
    provider,
    model: options.model,
    structuredMode: () => mode,
    async complete(request) {
      if (request.schema === undefined) return attempt(request, mode);
      for (let i = STRUCTURED_MODES.indexOf(mode); ; i++) {
        const as = STRUCTURED_MODES[i] ?? 'prompt';
        const result = await attempt(request, as);
        if (result.ok) {
          mode = as; // remembered for every later call of this client
          return result;
        }
        if (!refusedFormat(result, as)) return result;
      }
    },
    async listModels() {
      const answer = await callJson('GET', endpoint(options.baseUrl, 'models'), headers(), undefined, http);
      if (!answer.ok) return answer;
      const list = parseAnswer(OpenAiModelList, answer.value.json, provider, `the model list at ${options.baseUrl}`);
      if (!list.ok) return list;
      const ids = list.value.map(modelEntryId).filter((id): id is string => id !== null);
      return ok(ids);
    },
  };
}

/** A 400 to a request that carried a response_format: the server may not know that format. */
function refusedFormat(failure: Failure, as: StructuredMode): boolean {
  return (failure as ProviderFailure).status === 400 && as !== 'prompt';
}

function requestBody(model: string, request: LlmRequest, as: StructuredMode): Record<string, unknown> {
  const schema = request.schema;
  const system =
    schema && as !== 'json_schema'
      ? `${request.system}\n\n${schemaInstruction(schema.name, schema.jsonSchema)}`
      : request.system;
  const body: Record<string, unknown> = {
    model,
    messages: [
      { role: 'system', content: system },
      ...request.messages.map((m) => ({ role: m.role, content: m.content })),
    ],
    temperature: request.temperature ?? 0,
    max_tokens: request.maxTokens ?? DEFAULT_MAX_TOKENS,
  };
  if (schema && as === 'json_schema') {
    body.response_format = {
      type: 'json_schema',
      json_schema: { name: schemaName(schema.name), schema: schema.jsonSchema, strict: true },
    };
  } else if (schema && as === 'json_object') {
    body.response_format = { type: 'json_object' };
  }
  return body;
}

/** OpenAI requires ^[a-zA-Z0-9_-]{1,64}$ for schema names. */
export function schemaName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64) || 'output';
}

function readCompletion(json: unknown, request: LlmRequest, provider: string, model: string): Result<LlmResponse> {
  const refused = OpenAiRefusal.safeParse(json);
  if (refused.success) {
    return fail(
      'bad_input',
      `${provider}: the model refused: ${refused.data.choices[0].message.refusal.slice(0, 200)}`,
    );
  }
  const body = parseAnswer(OpenAiCompletion, json, provider, 'the answer');
  if (!body.ok) return body;
  const content = body.value.choices[0].message.content;
  const text = request.schema ? (jsonTextOf(content) ?? content) : content;
  return ok({
    text,
    usage: { inputTokens: body.value.usage.prompt_tokens, outputTokens: body.value.usage.completion_tokens },
    cached: false,
    provider,
    model,
  });
}
