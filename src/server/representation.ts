// One response body with its validators and its compressed forms. A body is hashed once for its
// ETag; gzip and brotli forms are made on first demand and kept with it, so a page served a
// thousand times is compressed once.

import { createHash } from 'node:crypto';
import type http from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { isCompressible } from './content-type.js';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

export type Encoding = 'br' | 'gzip' | 'identity';

/** Smaller bodies gain nothing from compression worth its header and CPU. */
const MIN_COMPRESS_BYTES = 256;

export interface Representation {
  readonly body: Buffer;
  readonly type: string;
  /** Strong ETag (quoted) of the identity bytes; encoded forms append -br / -gz inside the quotes. */
  readonly etag: string;
  readonly compressible: boolean;
  /** Compressed forms, made on first demand (the promise is kept, so concurrent asks share one). */
  readonly encoded: Map<Exclude<Encoding, 'identity'>, Promise<Buffer>>;
}

export function representation(body: Buffer, type: string): Representation {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return {
    body,
    type,
    etag: `"${hash}"`,
    compressible: isCompressible(type) && body.length >= MIN_COMPRESS_BYTES,
    encoded: new Map(),
  };
}

/**
 * Bytes a cached representation may come to hold: its body, and its two compressed forms (made
 * later, each smaller than the body) counted as one more body; plus a little for the record.
 */
export function sizeOf(rep: Representation): number {
  return rep.body.length * 2 + 256;
}

/**
 * The encoding to send for an Accept-Encoding header: brotli, then gzip, each only when its
 * q-value is above 0 (named or through `*`); otherwise identity.
 */
export function negotiateEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam === undefined ? 1 : Number.parseFloat(qParam.slice(2));
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip') || accepts('x-gzip')) return 'gzip';
  return 'identity';
}

/**
 * If-None-Match against our tag: `*`, or any listed tag naming the same bytes; weak comparison
 * (W/ ignored), and the -br / -gz forms of one body count as the same resource.
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const base = etag.replace(/^"|"$/g, '');
  return ifNoneMatch.split(',').some((raw) => {
    const tag = raw
      .trim()
      .replace(/^W\//, '')
      .replace(/^"|"$/g, '')
      .replace(/-(?:br|gz)$/, '');
    return tag === base;
  });
}

function compressedForm(rep: Representation, encoding: 'br' | 'gzip'): Promise<Buffer> {
  let form = rep.encoded.get(encoding);
  if (!form) {
    form =
      encoding === 'br'
        ? brotli(rep.body, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: rep.body.length,
            },
          })
        : gzip(rep.body, { level: 9 });
    rep.encoded.set(encoding, form);
  }
  return form;
}

/**
 * Sends a representation: 304 when the client holds it, else 200 with the best encoding the
 * client accepts; HEAD gets the same headers and no body. The caller has set the other headers.
 */
export async function sendRepresentation(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  rep: Representation,
): Promise<void> {
  const encoding = rep.compressible ? negotiateEncoding(req.headers['accept-encoding']) : 'identity';
  const etag = encoding === 'identity' ? rep.etag : `${rep.etag.slice(0, -1)}-${encoding === 'br' ? 'br' : 'gz'}"`;
  if (rep.compressible) res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('ETag', etag);
  if (etagMatches(req.headers['if-none-match'], rep.etag)) {
    res.writeHead(304).end();
    return;
  }
  const body = encoding === 'identity' ? rep.body : await compressedForm(rep, encoding);
  res.setHeader('Content-Type', rep.type);
  res.setHeader('Content-Length', body.length);
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  res.writeHead(200);
  res.end(req.method === 'HEAD' ? undefined : body);
}
