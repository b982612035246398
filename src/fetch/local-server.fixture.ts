// Test support: a node:http server on 127.0.0.1 (port 0) that records every request it receives.
// Used only by the fetch tests; no external host is ever contacted.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  /** performance.now() at arrival, in ms. */
  at: number;
}

export interface LocalServer {
  base: string;
  port: number;
  seen: SeenRequest[];
  /** Requests in flight right now, and the most seen at once. */
  inFlight: () => number;
  maxInFlight: () => number;
  /** Starts a new measurement of maxInFlight. */
  resetPeak: () => void;
  close: () => Promise<void>;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export async function startLocalServer(handler: Handler): Promise<LocalServer> {
  const seen: SeenRequest[] = [];
  let active = 0;
  let peak = 0;
  const server = http.createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers, at: performance.now() });
    active++;
    peak = Math.max(peak, active);
    res.once('close', () => active--);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    seen,
    inFlight: () => active,
    maxInFlight: () => peak,
    resetPeak: () => {
      peak = active;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends a body with the given status and headers (content-type defaults to UTF-8 HTML). */
export function send(
  res: http.ServerResponse,
  status: number,
  body: string | Uint8Array,
  headers: http.OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
}

export const page = (title: string, body: string, head = ''): string =>
  `<!doctype html><html><head>${head}<title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p></article></body></html>`;
