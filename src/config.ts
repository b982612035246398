// The one reader of the environment. Everything else receives a Config.
//   TIDINGS_DATA          data directory (embedded database, fetch cache)      default ./.tidings
//   TIDINGS_DATABASE_URL  use this PostgreSQL server instead of the embedded database
//   TIDINGS_SOURCES       the source registry (YAML)                           default ./sources.yaml
//   TIDINGS_ALLOW_HOSTS   comma-separated hosts/IPs that may be fetched although loopback/private
//   TIDINGS_USER_AGENT    User-Agent for fetching
//   TIDINGS_CONFIG        the config file (YAML; its `llm:` section)           default ./tidings.config.yaml
//   TIDINGS_LLM_PROVIDER  openai | anthropic: the first model provider (none = the offline engine)
//   TIDINGS_LLM_BASE_URL, TIDINGS_LLM_API_KEY, TIDINGS_LLM_MODEL   that provider's endpoint, key, model
//   TIDINGS_LLM_MAX_COST_USD, TIDINGS_LLM_MAX_TOKENS                the run's model budget
//   TIDINGS_GLOSSARY      your own EN↔ZH glossary (YAML, same shape as glossary/ai-terms.yaml); it wins
//   TIDINGS_GAZETTEER     your own names (YAML: labs, companies, regulators in both languages),
//                         extending the bundled gazetteer                      default ./gazetteer.yaml if present

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { DatabaseTarget } from './store/database.js';
import { fail, ok, type Result } from './errors.js';
import { parseLlmSettings, type LlmSettings } from './llm/llm-settings.js';
import { PROJECT_ROOT } from './project-root.js';

export { PROJECT_ROOT };

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
  /** Model providers, prices and budget; no provider = the offline engine. Keys are Secret values. */
  readonly llm: LlmSettings;
  /** Where model answers are cached: <data>/llm-cache. */
  readonly llmCacheDir: string;
  /** The config file read, or null when there is none. */
  readonly configFile: string | null;
  /** The user's glossary, extending and overriding the bundled one; null = bundled only. */
  readonly glossaryPath: string | null;
  /**
   * The user's gazetteer, extending the bundled one: TIDINGS_GAZETTEER (must exist), else
   * ./gazetteer.yaml when there is one; null = bundled only.
   */
  readonly gazetteerPath: string | null;
}

export interface ConfigFlags {
  readonly data?: string | undefined;
  readonly databaseUrl?: string | undefined;
  readonly registry?: string | undefined;
}

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
  const timeoutText = env.TIDINGS_FETCH_TIMEOUT_MS?.trim();
  const fetchTimeout = timeoutText ? Number(timeoutText) : null;
  if (fetchTimeout !== null && (!Number.isInteger(fetchTimeout) || fetchTimeout < 1 || fetchTimeout > 600_000)) {
    return fail(
      'config_error',
      `TIDINGS_FETCH_TIMEOUT_MS must be a whole number of milliseconds from 1 to 600000, got "${timeoutText!.slice(0, 40)}"`,
    );
  }
  const file = readConfigFile(env, cwd);
  if (!file.ok) return file;
  const llm = parseLlmSettings(file.value.data?.llm, env, file.value.path ?? 'the environment');
  if (!llm.ok) return llm;
  return ok({
    dataDir,
    database: databaseUrl
      ? { kind: 'postgres', url: databaseUrl }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'db') },
    registryPath: path.resolve(cwd, registryFlag ?? 'sources.yaml'),
    registryExplicit: registryFlag !== undefined,
    cacheDir: path.join(dataDir, 'cache'),
    fetch: {
      userAgent: env.TIDINGS_USER_AGENT ?? DEFAULT_USER_AGENT,
      allowHosts,
      timeoutMs: fetchTimeout ?? 20_000,
      maxBytes: 20 * 1024 * 1024,
      maxRedirects: 5,
      perHostIntervalMs: 1_000,
      concurrency: 8,
    },
    examplesDir: path.join(PROJECT_ROOT, 'examples'),
    llm: llm.value,
    llmCacheDir: path.join(dataDir, 'llm-cache'),
    configFile: file.value.path,
    glossaryPath: env.TIDINGS_GLOSSARY ? path.resolve(cwd, env.TIDINGS_GLOSSARY) : null,
    gazetteerPath: gazetteerPathOf(env, cwd),
  });
}

function gazetteerPathOf(env: NodeJS.ProcessEnv, cwd: string): string | null {
  const explicit = env.TIDINGS_GAZETTEER?.trim();
  if (explicit) return path.resolve(cwd, explicit);
  const local = path.resolve(cwd, 'gazetteer.yaml');
  return existsSync(local) ? local : null;
}

/** The config file: TIDINGS_CONFIG (must exist) or ./tidings.config.yaml (optional). */
function readConfigFile(
  env: NodeJS.ProcessEnv,
  cwd: string,
): Result<{ path: string | null; data: Record<string, unknown> | null }> {
  const explicit = env.TIDINGS_CONFIG?.trim();
  const file = path.resolve(cwd, explicit || 'tidings.config.yaml');
  if (!explicit && !existsSync(file)) return ok({ path: null, data: null });
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return fail(
      'config_error',
      `cannot read the config file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      file,
    );
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    return fail(
      'config_error',
      `${file} is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      file,
    );
  }
  if (data === null || data === undefined) return ok({ path: file, data: null });
  if (typeof data !== 'object' || Array.isArray(data))
    return fail('config_error', `${file} must be a YAML mapping (e.g. "llm:" at the top level)`, file);
  return ok({ path: file, data: data as Record<string, unknown> });
}
