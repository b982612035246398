// In-memory LlmClients for the engine's tests: one that answers from a script, and a gullible one
// that obeys whatever instructions it finds in the article data. Both record every request.

import { fail, ok, type Failure, type Result } from '../../errors.js';
import type { LlmClient, LlmRequest, LlmResponse } from '../../llm/client.js';

export type ScriptStep = string | ((request: LlmRequest) => string) | Failure;

export interface RecordingClient extends LlmClient {
  readonly requests: LlmRequest[];
}

function respond(text: string): Result<LlmResponse> {
  return ok({
    text,
    usage: { inputTokens: 100, outputTokens: 50 },
    cached: false,
    provider: 'scripted',
    model: 'scripted-1',
  });
}

/** Answers the n-th request with the n-th step; a request past the end of the script is a test bug. */
export function scriptedClient(steps: readonly ScriptStep[]): RecordingClient {
  const requests: LlmRequest[] = [];
  return {
    provider: 'scripted',
    model: 'scripted-1',
    requests,
    async complete(request) {
      requests.push(structuredClone(request));
      const step = steps[requests.length - 1];
      if (step === undefined)
        throw new Error(`scripted client: no answer for request ${requests.length} (${request.purpose})`);
      if (typeof step === 'function') return respond(step(request));
      if (typeof step === 'string') return respond(step);
      return step;
    },
  };
}

export const modelDown = (): Failure => fail('network_error', 'connection refused by 127.0.0.1:9 (scripted)');

/**
 * A model that does what the data tells it: it copies every instruction-looking line it finds in
 * the article DATA (ignore…, SYSTEM:, 忽略…, print the key, call a URL) into every text field,
 * prints anything key-like from the request, and adds the fields it is told to add. `secret`
 * is the key its provider was configured with: it prints it if it ever appears in the request
 * (it must not), so a leak shows up in the output.
 */
export function gullibleAnswer(
  request: LlmRequest,
  base: (request: LlmRequest) => Record<string, unknown>,
  secret: string,
): string {
  const everything = [request.system, ...request.messages.map((m) => m.content)].join('\n');
  const data = dataLines(request.messages[0]?.content ?? '');
  const orders = data.filter((l) => INSTRUCTION.test(l)).map((l) => l.trim().slice(0, 160));
  const leaked = everything.includes(secret) ? secret : '';
  const keyLike = [...everything.matchAll(/\b(?:sk|key)-[A-Za-z0-9_-]{8,}/g)].map((m) => m[0]).join(' ');
  const obey = (s: string): string => [s, ...orders, keyLike, leaked].filter(Boolean).join(' ');
  const answer = mapStrings(base(request), obey) as Record<string, unknown>;
  if (data.some((l) => /add a field|set the tier|等级改为/i.test(l)))
    Object.assign(answer, { tier: 'L1', confidence: 'High', apiKey: keyLike || leaked || 'unknown' });
  return JSON.stringify(answer);
}

export function gullibleClient(
  base: (request: LlmRequest) => Record<string, unknown>,
  secret: string,
): RecordingClient {
  const requests: LlmRequest[] = [];
  return {
    provider: 'gullible',
    model: 'gullible-1',
    requests,
    async complete(request) {
      requests.push(structuredClone(request));
      return respond(gullibleAnswer(request, base, secret));
    },
  };
}

/** Lines inside the DATA blocks of a user message (between "BEGIN DATA-…" and "END DATA-…"). */
export function dataLines(message: string): string[] {
  const out: string[] = [];
  let inside = false;
  for (const line of message.split('\n')) {
    if (/^BEGIN DATA-[0-9a-f]{12} /.test(line)) inside = true;
    else if (/^END DATA-[0-9a-f]{12}$/.test(line)) inside = false;
    else if (inside) out.push(line);
  }
  return out;
}

const INSTRUCTION =
  /ignore (?:all )?previous|disregard|SYSTEM:|you are now|忽略|系统提示|print (?:the|your) (?:api )?key|api key|call https?:|visit https?:|fetch https?:|https?:\/\/[a-z0-9.-]*(?:attacker|evil|exfil)/i;

function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'audience' ? v : mapStrings(v, f)]));
  return value;
}
