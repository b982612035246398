// A scripted in-memory LlmClient for translation tests: it reads the items sent in the user message
// and answers through a function the test writes (translate from a dictionary, misbehave on cue).
// Every request is recorded, so tests can count them and read what the model was told.

import { fail, ok, type Failure } from '../errors.js';
import type { LlmClient, LlmRequest, LlmResponse } from '../llm/client.js';

export interface SentItem {
  readonly id: string;
  readonly text: string;
  readonly unfinished?: boolean;
}

export interface ScriptedCall {
  readonly request: LlmRequest;
  readonly items: SentItem[];
  /** The request carries a correction (a retry). */
  readonly correction: boolean;
}

export type Answerer = (call: ScriptedCall, index: number) => string | Failure;

export interface ScriptedClient extends LlmClient {
  readonly calls: ScriptedCall[];
}

/** The JSON array between <article> and </article> in the last user message. */
export function itemsOf(request: LlmRequest): SentItem[] {
  const content = request.messages.at(-1)?.content ?? '';
  const m = /<article>\s*([\s\S]*?)\s*<\/article>/.exec(content);
  if (!m) throw new Error('no <article> block in the request');
  return JSON.parse(m[1] ?? '[]') as SentItem[];
}

export function scriptedClient(answer: Answerer, model = 'scripted-1'): ScriptedClient {
  const calls: ScriptedCall[] = [];
  return {
    provider: 'scripted',
    model,
    calls,
    complete(request: LlmRequest) {
      const call: ScriptedCall = {
        request,
        items: itemsOf(request),
        correction: /Correction needed/.test(request.messages.at(-1)?.content ?? ''),
      };
      calls.push(call);
      const text = answer(call, calls.length - 1);
      if (typeof text !== 'string') return Promise.resolve(text);
      const response: LlmResponse = {
        text,
        usage: { inputTokens: 100, outputTokens: 50 },
        cached: false,
        provider: 'scripted',
        model,
      };
      return Promise.resolve(ok(response));
    },
  };
}

/** An answer translating each item through `dictionary` (source text → target text). */
export function dictionaryAnswer(items: readonly SentItem[], dictionary: Readonly<Record<string, string>>): string {
  return JSON.stringify({
    paragraphs: items.map((i) => {
      const text = dictionary[i.text];
      if (text === undefined) throw new Error(`no scripted translation for "${i.text.slice(0, 40)}"`);
      return { id: i.id, text };
    }),
  });
}

export const rateLimited = (): Failure => fail('rate_limited', 'scripted: 429 from the model endpoint');
