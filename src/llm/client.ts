// The one interface every model provider implements (OpenAI-compatible chat completions,
// Anthropic Messages). Engines (writing, translation) see only this; caching, retries, budgets,
// concurrency and cost accounting wrap it, so a re-run served from the cache makes no request.

import type { Result } from '../errors.js';

export interface LlmMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

export interface LlmRequest {
  /** Instructions; article text never goes here (it is data, sent in a delimited user message). */
  readonly system: string;
  readonly messages: readonly LlmMessage[];
  /** Ask for JSON matching this schema (structured output where the provider supports it). */
  readonly schema?: { readonly name: string; readonly jsonSchema: Record<string, unknown> };
  readonly maxTokens?: number;
  /** 0 by default: the same request should give the same answer where the provider allows. */
  readonly temperature?: number;
  /** The prompt file's id and version, e.g. "digest-item@3": part of the cache key. */
  readonly promptVersion: string;
  /** What the call is for, for the run report: "digest-item", "card", "translate-paragraph". */
  readonly purpose: string;
}

export interface LlmUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

export interface LlmResponse {
  readonly text: string;
  readonly usage: LlmUsage;
  /** Served from the response cache: no request was made. */
  readonly cached: boolean;
  readonly provider: string;
  readonly model: string;
}

export interface LlmClient {
  readonly provider: string;
  readonly model: string;
  complete(request: LlmRequest): Promise<Result<LlmResponse>>;
}
