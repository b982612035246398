// One HTTP request and its response, with the caps enforced while streaming.
// node:http/https rather than global fetch (undici): we need a DNS hook that vets every resolved
// address at connect time, manual redirects, and byte counting after decompression that aborts early.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import type { Transform } from 'node:stream';
import { fail, ok, type Result } from '../errors.js';
import { failureForNetworkError } from './http-status.js';

export interface ExchangeRequest {
  url: URL;
  headers: Record<string, string>;
  /** Connect plus the whole response, in milliseconds. */
  timeoutMs: number;
  /** Cap on body bytes, counted both as received and after decompression. */
  maxBytes: number;
  /** Past maxBytes keep what was read instead of failing (robots.txt: parse the first 500 KiB). */
  truncate?: boolean;
  agents: { http: http.Agent; https: https.Agent };
  lookup: LookupFunction;
  /** Whether to read the body of this response; other bodies are discarded unread. */
  wantBody: (status: number, headers: http.IncomingHttpHeaders) => boolean;
}

export interface ExchangeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Uint8Array | null;
}

const UNWANTED_DRAIN_BYTES = 64 * 1024;

/** Thrown by the lookup hook and recognised here, so the failure keeps its own code. */
export class BlockedAddressError extends Error {
  readonly code = 'TIDINGS_BLOCKED_ADDRESS';
}

export function exchange(request: ExchangeRequest): Promise<Result<ExchangeResponse>> {
  const { url } = request;
  const href = url.href;
  return new Promise((resolve) => {
    let settled = false;
    let stopInflating = (): void => {};
    const finish = (result: Result<ExchangeResponse>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!result.ok) {
        stopInflating();
        req.destroy();
      }
      resolve(result);
    };
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: 'GET',
      headers: request.headers,
      agent: url.protocol === 'https:' ? request.agents.https : request.agents.http,
      lookup: request.lookup,
    });
    const timer = setTimeout(() => {
      finish(fail('timeout', `${href} did not answer completely within ${request.timeoutMs} ms`, href));
    }, request.timeoutMs);
    req.on('error', (error) => {
      if (error instanceof BlockedAddressError)
        finish(fail('blocked_address', `${href} was refused: ${error.message}`, href));
      else finish(failureForNetworkError(href, error));
    });
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if (!request.wantBody(status, res.headers)) {
        finish(ok({ status, headers: res.headers, body: null }));
        // Drain a small body so the socket can be reused; cut anything larger (an image, a video).
        const length = Number(res.headers['content-length']);
        if (Number.isFinite(length) && length <= UNWANTED_DRAIN_BYTES) res.resume();
        else req.destroy();
        return;
      }
      const declared = Number(res.headers['content-length']);
      if (!request.truncate && Number.isFinite(declared) && declared > request.maxBytes) {
        finish(
          fail(
            'too_large',
            `${href} is too large: it declares ${declared} bytes, over the ${request.maxBytes}-byte cap`,
            href,
          ),
        );
        return;
      }
      const decoder = decoderFor(res.headers['content-encoding']);
      if (!decoder.ok) {
        finish(fail('unsupported', `${href} uses a content encoding we cannot read: ${decoder.message}`, href));
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      let decoded = 0;
      const done = (): void =>
        finish(ok({ status, headers: res.headers, body: new Uint8Array(Buffer.concat(chunks)) }));
      const tooLarge = (what: string): void => {
        if (request.truncate) {
          done();
          stopInflating();
          req.destroy(); // the rest of the body is not wanted
          return;
        }
        finish(
          fail(
            'too_large',
            `${href} is too large: its ${what} passed the ${request.maxBytes}-byte cap, so the download was stopped`,
            href,
          ),
        );
      };
      const collect = (chunk: Buffer): void => {
        if (settled) return;
        decoded += chunk.length;
        if (decoded > request.maxBytes) {
          chunks.push(chunk.subarray(0, chunk.length - (decoded - request.maxBytes)));
          tooLarge(decoder.value === null ? 'body' : 'decompressed body');
          return;
        }
        chunks.push(chunk);
      };
      const readError = (error: Error): void => {
        const code = (error as { code?: string }).code ?? '';
        if (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code.startsWith('ERR__ZLIB')) {
          finish(
            fail(
              'bad_encoding',
              `${href} sent a body that does not decompress as ${String(res.headers['content-encoding'])}: ${error.message}`,
              href,
            ),
          );
        } else {
          finish(failureForNetworkError(href, error));
        }
      };
      res.on('error', readError);
      res.on('aborted', () =>
        finish(
          fail('network_error', `${href} could not be fetched: the connection closed before the body ended`, href),
        ),
      );
      if (decoder.value === null) {
        res.on('data', collect);
        res.on('end', done);
        return;
      }
      const makeInflater = decoder.value;
      let inflate: Transform | null = null;
      res.on('data', (chunk: Buffer) => {
        if (settled) return;
        received += chunk.length;
        if (received > request.maxBytes) {
          tooLarge('compressed body');
          return;
        }
        if (inflate === null) {
          inflate = makeInflater(chunk);
          inflate.on('data', collect);
          inflate.on('end', done);
          inflate.on('error', readError);
        }
        const target = inflate;
        if (!target.write(chunk)) {
          res.pause();
          target.once('drain', () => res.resume());
        }
      });
      res.on('end', () => {
        if (inflate === null) done();
        else inflate.end();
      });
      // Stop decompressing as soon as the exchange fails (cap hit, timeout): no bomb runs on.
      stopInflating = () => inflate?.destroy();
    });
    req.end();
  });
}

/** A decompressor made from the first body chunk (deflate needs to see its header), or null. */
type Inflater = (firstChunk: Buffer) => Transform;
type DecoderChoice = { ok: true; value: Inflater | null } | { ok: false; message: string };

// Truncated compressed bodies are common on the web; flush what decodes instead of failing.
const ZLIB_OPTIONS = { finishFlush: zlib.constants.Z_SYNC_FLUSH };

function decoderFor(header: string | undefined): DecoderChoice {
  const encodings = (header ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '' && e !== 'identity');
  if (encodings.length === 0) return { ok: true, value: null };
  if (encodings.length > 1) return { ok: false, message: `stacked encodings "${header}"` };
  const encoding = encodings[0];
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return { ok: true, value: () => zlib.createGunzip(ZLIB_OPTIONS) };
    case 'deflate':
      return { ok: true, value: createDeflateDecoder };
    case 'br':
      return {
        ok: true,
        value: () => zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH }),
      };
    default:
      return { ok: false, message: `"${encoding}"` };
  }
}

/** "deflate" should be zlib-wrapped (RFC 9110) but some servers send raw deflate; sniff the header. */
function createDeflateDecoder(firstChunk: Buffer): Transform {
  const [cmf = 0, flg = 0] = firstChunk;
  const zlibWrapped = (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
  return zlibWrapped ? zlib.createInflate(ZLIB_OPTIONS) : zlib.createInflateRaw(ZLIB_OPTIONS);
}
