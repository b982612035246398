// The one reader of the environment. Everything else receives a Config.
//   TIDINGS_DATA          data directory (embedded database, fetch cache)      default ./.tidings
//   TIDINGS_DATABASE_URL  use this PostgreSQL server instead of the embedded database
//   TIDINGS_SOURCES       the source registry (YAML)                           default ./sources.yaml
//   TIDINGS_ALLOW_HOSTS   comma-separated hosts/IPs that may be fetched although loopback/private
//   TIDINGS_USER_AGENT    User-Agent for fetching

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseTarget } from './store/database.js';
import { fail, ok, type Result } from './errors.js';

export interface FetchSettings {
  readonly userAgent: string;
  readonly allowHosts: readonly string[];
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly perHostIntervalMs: number;
  readonly concurrency: number;
}

export interface Config {
  readonly dataDir: string;
  readonly database: DatabaseTarget;
  /** The registry file named by flag or environment; null = the default, ./sources.yaml if present. */
  readonly registryPath: string;
  readonly registryExplicit: boolean;
  readonly cacheDir: string;
  readonly fetch: FetchSettings;
  /** The bundled example corpus: the embedded default when no source is configured. */
  readonly examplesDir: string;
}

export interface ConfigFlags {
  readonly data?: string | undefined;
  readonly databaseUrl?: string | undefined;
  readonly registry?: string | undefined;
}

/** Repository root, found from this file's place (src/ under tsx, dist/ when built). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const DEFAULT_USER_AGENT = 'Tidings/0.1 (+https://github.com/tidings; polite news reader)';

export function loadConfig(env: NodeJS.ProcessEnv, flags: ConfigFlags = {}, cwd = process.cwd()): Result<Config> {
  const dataDir = path.resolve(cwd, flags.data ?? env.TIDINGS_DATA ?? '.tidings');
  const databaseUrl = flags.databaseUrl ?? env.TIDINGS_DATABASE_URL;
  if (databaseUrl !== undefined && databaseUrl !== '' && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    return fail('config_error', `TIDINGS_DATABASE_URL must be a postgres:// URL, got "${databaseUrl.slice(0, 40)}"`);
  }
  const registryFlag = flags.registry ?? env.TIDINGS_SOURCES;
  const allowHosts = (env.TIDINGS_ALLOW_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  return ok({
    dataDir,
    database: databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir: path.join(dataDir, 'db') },
    registryPath: path.resolve(cwd, registryFlag ?? 'sources.yaml'),
    registryExplicit: registryFlag !== undefined,
    cacheDir: path.join(dataDir, 'cache'),
    fetch: {
      userAgent: env.TIDINGS_USER_AGENT ?? DEFAULT_USER_AGENT,
      allowHosts,
      timeoutMs: 20_000,
      maxBytes: 20 * 1024 * 1024,
      maxRedirects: 5,
      perHostIntervalMs: 1_000,
      concurrency: 8,
    },
    examplesDir: path.join(PROJECT_ROOT, 'examples'),
  });
}
