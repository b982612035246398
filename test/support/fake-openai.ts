// Test support: a scripted OpenAI-compatible server on 127.0.0.1 (port 0). Each test says what it
// answers, request by request; the server records every request (path, headers, parsed body) and
// counts requests in flight, so tests see what the real client code sent. No external host.

import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  /** The parsed JSON body, or the raw text when it is not JSON, or null when empty. */
  readonly body: any;
}

export interface FakeAnswer {
  readonly status?: number;
  /** Sent as JSON. */
  readonly json?: unknown;
  /** Sent as is (for malformed bodies). */
  readonly raw?: string;
  readonly headers?: Record<string, string>;
  /** Wait this long before answering, in ms. */
  readonly delayMs?: number;
}

/** Given the request and its index (0-based, over all requests), what to answer. */
export type Script = (request: FakeRequest, index: number) => FakeAnswer | Promise<FakeAnswer>;

export interface FakeServer {
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  readonly requests: FakeRequest[];
  /** Requests whose path ends with this suffix. */
  requestsTo(suffix: string): FakeRequest[];
  inFlight(): number;
  maxInFlight(): number;
  setScript(script: Script | readonly FakeAnswer[]): void;
  close(): Promise<void>;
}

export async function startFakeServer(script: Script | readonly FakeAnswer[]): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  let current = toScript(script);
  let active = 0;
  let peak = 0;
  const server = http.createServer((req, res) => {
    active++;
    peak = Math.max(peak, active);
    res.once('close', () => active--);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = null;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      const request: FakeRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body };
      const index = requests.push(request) - 1;
      void Promise.resolve(current(request, index)).then(async (answer) => {
        if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
        if (res.destroyed) return;
        const payload = answer.raw ?? (answer.json === undefined ? '' : JSON.stringify(answer.json));
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
        res.end(payload);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    requestsTo: (suffix) => requests.filter((r) => r.path.endsWith(suffix)),
    inFlight: () => active,
    maxInFlight: () => peak,
    setScript: (s) => {
      current = toScript(s);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A list of answers is served in order; past its end, the last one repeats. */
function toScript(script: Script | readonly FakeAnswer[]): Script {
  if (typeof script === 'function') return script;
  const answers = [...script];
  return (_request, index) =>
    answers[Math.min(index, answers.length - 1)] ?? { status: 500, json: { error: { message: 'no scripted answer' } } };
}

/** A chat completion whose message content is `content` (a string, or a value sent as JSON text). */
export function chatCompletion(content: unknown, usage = { prompt_tokens: 100, completion_tokens: 20 }): FakeAnswer {
  return {
    json: {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      choices: [
        {
          index: 0,
          finish_reason: 'stop',
          message: { role: 'assistant', content: typeof content === 'string' ? content : JSON.stringify(content) },
        },
      ],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    },
  };
}

/** An OpenAI-style error body with a status. */
export function openAiError(status: number, message: string, headers: Record<string, string> = {}): FakeAnswer {
  return { status, headers, json: { error: { message, type: 'invalid_request_error' } } };
}

/** GET /models as OpenAI lists them. */
export function modelList(ids: readonly string[]): FakeAnswer {
  return { json: { object: 'list', data: ids.map((id) => ({ id, object: 'model' })) } };
}

/** The OpenAI-compatible server: the scripted answers, on the paths the client uses. */
export const startFakeOpenAi = startFakeServer;
