// `tidings serve`'s HTTP server: security headers on every response, then /api/v1/ to the JSON
// API, /healthz and /metrics to the operations endpoints (ops.ts) when given, and everything else
// to the built site's files. Only GET and HEAD reach either.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendApiError, type Api } from './api.js';
import type { Ops } from './ops.js';
import { parseRequestTarget } from './request-path.js';
import { SECURITY_HEADERS } from './security-headers.js';
import { notFound, type StaticSite } from './static-site.js';

/** A request target under /api/v1 (origin or absolute form), before its path is checked. */
const API_PATH = /^(?:[a-zA-Z]+:\/\/[^/?#]*)?\/+api\/+v1(?:[/?#]|$)/;

export interface ServerParts {
  /** The built site, or null when there is none (every page is then 404). */
  readonly site: StaticSite | null;
  /** The JSON API, or null (then /api/ paths are looked up in the site like any other). */
  readonly api: Api | null;
  /** /healthz and /metrics, or null/absent (then those paths are looked up in the site). */
  readonly ops?: Ops | null;
  readonly log?: (line: string) => void;
}

export function createTidingsServer({
  site,
  api,
  ops = null,
  log = (line) => process.stderr.write(`${line}\n`),
}: ServerParts): http.Server {
  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    handle(req, res).catch((error: unknown) => {
      log(
        `tidings serve: ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (!res.headersSent) plain(req, res, 500, 'Internal error\n');
      else res.destroy();
    });
  });

  // Requests the HTTP parser refuses (a raw NUL in the path, broken headers) get a 400 that still
  // carries the security headers, instead of Node's bare default.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const headers = Object.entries(SECURITY_HEADERS)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    const body = 'Bad request\n';
    socket.end(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\n${headers}Connection: close\r\n\r\n${body}`,
    );
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const target = parseRequestTarget(req.url ?? '');
    if (!target.ok) {
      // A path the API would have answered gets the API's error shape (JSON, with CORS).
      if (api && API_PATH.test(req.url ?? ''))
        sendApiError(req, res, {
          status: target.code === 'not_found' ? 404 : 400,
          code: target.code,
          message: target.message,
        });
      else if (target.code === 'not_found') await notFound(req, res);
      else plain(req, res, 400, `Bad request: ${target.message}\n`);
      return;
    }
    const { segments } = target.value;
    if (api && segments[0] === 'api' && segments[1] === 'v1') {
      await api.handle(req, res, segments.slice(2), target.value.query);
      return;
    }
    if (ops && (await ops.handle(req, res, segments, target.value.trailingSlash))) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      plain(req, res, 405, `Method ${req.method} not allowed: the site is read-only\n`);
      return;
    }
    if (site === null) {
      await notFound(req, res);
      return;
    }
    await site.serve(req, res, target.value);
  }

  return server;
}

function plain(req: http.IncomingMessage, res: http.ServerResponse, status: number, text: string): void {
  const body = Buffer.from(text);
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Listens on host:port (port 0 = any free port) and gives the address actually bound. */
export function listen(server: http.Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Stops accepting, ends idle keep-alive connections, and waits for requests in flight. */
export function shutdown(server: http.Server, graceMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

export function addressUrl({ address, port, family }: AddressInfo): string {
  return `http://${family === 'IPv6' ? `[${address}]` : address}:${port}/`;
}
