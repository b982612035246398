// The response cache on disk: <data>/llm-cache/ab/abcdef….json, keyed by sha256 of everything that
// decides an answer (provider, model, prompt version, system, messages, schema, sampling). A re-run
// with the same inputs is served from here and makes no request. Writes are atomic (temp + rename).

import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { LlmRequest, LlmResponse } from './client.js';

export interface CachedResponse {
  readonly text: string;
  readonly usage: { readonly inputTokens: number; readonly outputTokens: number };
  readonly provider: string;
  readonly model: string;
  readonly promptVersion: string;
  readonly purpose: string;
}

export interface ResponseCache {
  readonly dir: string;
  get(key: string): Promise<CachedResponse | null>;
  put(key: string, response: LlmResponse, request: LlmRequest): Promise<void>;
  delete(key: string): Promise<void>;
}

const CACHE_FORMAT = 1;

/** An entry as put() writes it; usage, prompt version and purpose were read leniently before, and still are. */
const CacheEntry = z
  .object({
    format: z.literal(CACHE_FORMAT),
    text: z.string(),
    provider: z.string(),
    model: z.string(),
    usage: z
      .object({ inputTokens: z.unknown(), outputTokens: z.unknown() })
      .partial()
      .nullish()
      .transform((u) => ({ inputTokens: Number(u?.inputTokens ?? 0), outputTokens: Number(u?.outputTokens ?? 0) })),
    promptVersion: z.unknown().transform((v) => String(v ?? '')),
    purpose: z.unknown().transform((v) => String(v ?? '')),
  })
  .transform(({ format: _format, ...entry }) => entry) satisfies z.ZodType<CachedResponse>;

/** The cache key: sha256 hex of a canonical JSON of what decides the answer (not `purpose`). */
export function cacheKey(provider: string, model: string, request: LlmRequest): string {
  const material = [
    CACHE_FORMAT,
    provider,
    model,
    request.promptVersion,
    request.system,
    request.messages.map((m) => [m.role, m.content]),
    request.schema ? [request.schema.name, canonical(request.schema.jsonSchema)] : null,
    request.maxTokens ?? null,
    request.temperature ?? 0,
  ];
  return createHash('sha256').update(JSON.stringify(material)).digest('hex');
}

/** JSON with object keys sorted, so two equal schemas written in another key order hash alike. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function cacheFile(dir: string, key: string): string {
  return path.join(dir, key.slice(0, 2), `${key}.json`);
}

export function createResponseCache(dir: string): ResponseCache {
  return {
    dir,
    async get(key) {
      let raw: string;
      try {
        raw = await readFile(cacheFile(dir, key), 'utf8');
      } catch {
        return null;
      }
      try {
        const entry = CacheEntry.safeParse(JSON.parse(raw));
        // Another format, or a file edited into another shape: a miss, as a torn file is.
        return entry.success ? entry.data : null;
      } catch {
        return null; // a torn or hand-edited file is a miss; the next answer overwrites it
      }
    },
    async put(key, response, request) {
      const file = cacheFile(dir, key);
      await mkdir(path.dirname(file), { recursive: true });
      const entry = {
        format: CACHE_FORMAT,
        provider: response.provider,
        model: response.model,
        promptVersion: request.promptVersion,
        purpose: request.purpose,
        usage: response.usage,
        text: response.text,
      };
      const temp = `${file}.${randomUUID()}.tmp`;
      await writeFile(temp, `${JSON.stringify(entry, null, 1)}\n`, 'utf8');
      await rename(temp, file);
    },
    async delete(key) {
      await rm(cacheFile(dir, key), { force: true });
    },
  };
}
