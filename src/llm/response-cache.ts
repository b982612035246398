// The response cache on disk: <data>/llm-cache/ab/abcdef….json, keyed by sha256 of everything that
// decides an answer (provider, model, prompt version, system, messages, schema, sampling). A re-run
// with the same inputs is served from here and makes no request. Writes are atomic (temp + rename).

import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
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
        const entry = JSON.parse(raw) as Partial<CachedResponse> & { format?: unknown };
        if (
          entry.format !== CACHE_FORMAT ||
          typeof entry.text !== 'string' ||
          typeof entry.provider !== 'string' ||
          typeof entry.model !== 'string'
        )
          return null;
        return {
          text: entry.text,
          usage: {
            inputTokens: Number(entry.usage?.inputTokens ?? 0),
            outputTokens: Number(entry.usage?.outputTokens ?? 0),
          },
          provider: entry.provider,
          model: entry.model,
          promptVersion: String(entry.promptVersion ?? ''),
          purpose: String(entry.purpose ?? ''),
        };
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
