// The composition root: reads the config once and wires everything a command needs: the store,
// fetcher and registry, and the run (src/pipeline/run.ts: ingest → group → rank → write → verify →
// publish) with its one set of dependencies (openRun). Nothing else builds them
// (docs/decisions/0017-composition-root.md).

import path from 'node:path';
import { loadConfig, type Config, type ConfigFlags } from '../config.js';
import { createFetcher, type Fetcher } from '../fetch/fetcher.js';
import { loadRegistryFile } from '../sources/registry-file.js';
import { findSourceFor, type Registry, type SourceEntry } from '../sources/registry.js';
import { createArticleStore, type ArticleStore } from '../store/article-store.js';
import { openDatabase, type Database } from '../store/database.js';
import { fail, type Result, ok } from '../errors.js';
import { useGazetteer } from '../understand/gazetteer.js';
import { loadGazetteerFile } from '../understand/gazetteer-file.js';
import { createLlmRuntime, type LlmRuntime } from '../llm/provider-factory.js';
import { createRun, type Run } from '../pipeline/run.js';
import type { IngestDeps } from '../pipeline/ingest.js';
import { loadRubricFile } from '../rank/rubric-file.js';
import { createModelTranslationStore, type ModelTranslationStore } from '../store/model-translation-store.js';
import { createStoryStore, type StoryStore } from '../store/story-store.js';
import { createTranslationStore, type TranslationStore } from '../store/translation-store.js';
import { modelWriter } from '../write/llm/model-engine.js';
import { offlineWriter, type Writer } from '../write/writer.js';

export interface App {
  readonly config: Config;
  readonly db: Database;
  readonly store: ArticleStore;
  close(): Promise<void>;
}

export function readConfig(flags: ConfigFlags): Result<Config> {
  return loadConfig(process.env, flags);
}

export async function openApp(config: Config): Promise<Result<App>> {
  const names = await installGazetteer(config);
  if (!names.ok) return names;
  let db: Database;
  try {
    db = await openDatabase(config.database);
  } catch (error) {
    const where = config.database.kind === 'postgres' ? 'the PostgreSQL server' : (config.database.dataDir ?? 'memory');
    return fail(
      'store_error',
      `cannot open the store at ${where}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return ok(appOn(config, db));
}

/** The app over a database already open (a test's or bench's store, on either backend); closing it closes `db`. */
export function appOn(config: Config, db: Database): App {
  return { config, db, store: createArticleStore(db), close: () => db.close() };
}

/**
 * The names this process recognises: the bundled gazetteer, extended by the user's file when the
 * config names one (always reset first, so one process running several commands never keeps a
 * previous command's names).
 */
export async function installGazetteer(config: Pick<Config, 'gazetteerPath'>): Promise<Result<number>> {
  useGazetteer([]);
  if (config.gazetteerPath === null) return ok(0);
  const loaded = await loadGazetteerFile(config.gazetteerPath);
  if (!loaded.ok) return loaded;
  useGazetteer(loaded.value);
  return ok(loaded.value.length);
}

export function makeFetcher(config: Config, extraAllowHosts: readonly string[] = []): Fetcher {
  return createFetcher({
    userAgent: config.fetch.userAgent,
    cacheDir: config.cacheDir,
    allowHosts: [...config.fetch.allowHosts, ...extraAllowHosts],
    timeoutMs: config.fetch.timeoutMs,
    maxBytes: config.fetch.maxBytes,
    maxRedirects: config.fetch.maxRedirects,
    perHostIntervalMs: config.fetch.perHostIntervalMs,
    concurrency: config.fetch.concurrency,
    respectRobots: true,
  });
}

/** A registry with its file's directory, so relative paths in it resolve the same from anywhere. */
export interface LoadedRegistry {
  readonly path: string;
  readonly registry: Registry;
  /** Entries with paths made absolute. */
  readonly entries: readonly SourceEntry[];
  find(location: string): SourceEntry | null;
  /** What `ingest` with no arguments reads: every entry's URL or absolute path. */
  inputs(): string[];
}

export async function loadRegistry(file: string): Promise<Result<LoadedRegistry>> {
  const loaded = await loadRegistryFile(file);
  if (!loaded.ok) return loaded;
  const dir = path.dirname(file);
  const entries = loaded.value.sources.map((e) => (e.path ? { ...e, path: path.resolve(dir, e.path) } : e));
  const absolute: Registry = { ...loaded.value, sources: entries };
  return ok({
    path: file,
    registry: loaded.value,
    entries,
    find: (location) => findSourceFor(absolute, location),
    inputs: () => entries.map((e) => e.url ?? e.path ?? '').filter(Boolean),
  });
}

/** The engine that writes a run's outputs, and the model behind it when there is one. */
export interface Engine {
  readonly writer: Writer;
  /** The configured model (its client also translates; its account is reported), or null: the offline engine. */
  readonly model: LlmRuntime | null;
}

/**
 * Chooses the writing engine, once per run: the configured model (falling back to the offline
 * engine output by output when its answer cannot be used), or the offline engine when no model is
 * configured or `offline` is asked for.
 */
export function chooseEngine(
  config: Config,
  options: { readonly offline?: boolean; readonly provider?: string } = {},
): Engine {
  const model = options.offline
    ? null
    : createLlmRuntime(config.llm, {
        cacheDir: config.llmCacheDir,
        ...(options.provider ? { provider: options.provider } : {}),
      });
  return { writer: model ? modelWriter(model.client) : offlineWriter, model };
}

/** The stores over the app's database, built here only: a command that only reads takes them from here. */
export interface Stores {
  readonly articles: ArticleStore;
  readonly stories: StoryStore;
  /** Recognised translations, folded into their originals (decision 0011). */
  readonly translations: TranslationStore;
  /** Model translations kept by run and translate. */
  readonly machineTranslations: ModelTranslationStore;
}

export function storesOf(app: App): Stores {
  return {
    articles: app.store,
    stories: createStoryStore(app.db),
    translations: createTranslationStore(app.db),
    machineTranslations: createModelTranslationStore(app.db),
  };
}

/**
 * What ingesting an input needs (the store, the fetcher, the registry's source entries, the clock,
 * the fetch limits): one shape for `tidings run` and `ingest` (through openRun) and for a queued
 * ingest job, which `watch` and `tidings worker` run without the rest of a run.
 */
export function ingestDepsOf(
  app: App,
  registry: LoadedRegistry | null,
  fetcher: Fetcher | null,
  now: () => Date = () => new Date(),
): Omit<IngestDeps, 'onItem'> {
  return {
    store: app.store,
    fetcher,
    findSource: (location) => registry?.find(location) ?? null,
    now,
    maxBytes: app.config.fetch.maxBytes,
    concurrency: app.config.fetch.concurrency,
  };
}

export interface RunOptions {
  /** The rubric file (`--rubric`); default: the bundled one. */
  readonly rubricPath?: string | undefined;
  /** The writing engine; default: chooseEngine(config), the configured model if any. */
  readonly engine?: Engine;
  /** Whether ingest may use the network: true for `ingest` and `run` without `--no-fetch`. Default false. */
  readonly fetch?: boolean;
  /** Hosts that may be fetched although loopback or private (`--allow-host`), besides the config's. */
  readonly allowHosts?: readonly string[];
  /** The registry inputs are matched against (their source entries); null: none. */
  readonly registry?: LoadedRegistry | null;
  /** The ingest clock (tests fix it: an undated article takes its day from it). */
  readonly now?: () => Date;
}

export interface OpenedRun {
  readonly run: Run;
  /** The engine the run writes with (its model, if any, to report on). */
  readonly engine: Engine;
  /** Closes what the run opened (its fetcher; once, however often it is called); the store stays the app's. */
  close(): Promise<void>;
}

/**
 * The run on an open app, built once from one set of dependencies: the stores, the rubric, the
 * writing engine, the fetcher and registry ingest reads with, where editions are written, and the
 * model that translates (the engine's). Every command that ingests, groups, writes or publishes gets
 * them here.
 */
export async function openRun(app: App, options: RunOptions = {}): Promise<Result<OpenedRun>> {
  const rubric = await loadRubricFile(options.rubricPath);
  if (!rubric.ok) return rubric;
  const engine = options.engine ?? chooseEngine(app.config);
  const registry = options.registry ?? null;
  const fetcher = options.fetch ? makeFetcher(app.config, options.allowHosts ?? []) : null;
  const run = createRun({
    edition: { ...storesOf(app), rubric: rubric.value, writer: engine.writer },
    ingest: ingestDepsOf(app, registry, fetcher, options.now),
    editionsDir: path.join(app.config.dataDir, 'out'),
    translator: engine.model ? { client: engine.model.client, glossaryPath: app.config.glossaryPath } : null,
  });
  let closed = false;
  return ok({
    run,
    engine,
    close: async () => {
      if (closed) return;
      closed = true;
      await fetcher?.close();
    },
  });
}
