// What several commands share around their work: opening the store for the command's length,
// reading the registry (or the bundled example corpus when there is none), and the --allow-host list.

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { EXIT_CODES } from '../errors.js';
import { loadRegistry, openApp, type App, type LoadedRegistry } from './app.js';
import type { Io } from './io.js';
import { renderFailure } from './render.js';

/** Runs `fn` with the store open, closing it after; a store that cannot be opened is reported. */
export async function withStore(config: Config, io: Io, fn: (app: App) => Promise<number>): Promise<number> {
  const app = await openApp(config);
  if (!app.ok) {
    io.err(`tidings: ${renderFailure(app)}\n`);
    return EXIT_CODES[app.code];
  }
  try {
    return await fn(app.value);
  } finally {
    await app.value.close();
  }
}

/** The registry when there is one (an explicit one must load); null when there is none here. */
export async function optionalRegistry(config: Config, io: Io): Promise<LoadedRegistry | null | 'error'> {
  if (!config.registryExplicit && !existsSync(config.registryPath)) return null;
  const loaded = await loadRegistry(config.registryPath);
  if (!loaded.ok) {
    io.err(`tidings: ${renderFailure(loaded)}\n`);
    return 'error';
  }
  return loaded.value;
}

/** The registry, or with none here the embedded default: the bundled example corpus and its registry. */
export async function registryOrExamples(config: Config, io: Io): Promise<LoadedRegistry | 'error'> {
  const registry = await optionalRegistry(config, io);
  if (registry !== null) return registry;
  const bundled = await loadRegistry(path.join(config.examplesDir, 'sources.yaml'));
  if (!bundled.ok) {
    io.err(`tidings: ${renderFailure(bundled)}\n`);
    return 'error';
  }
  io.err(
    `No ${path.basename(config.registryPath)} here: using the bundled example corpus (${path.relative(process.cwd(), config.examplesDir) || '.'}).\n`,
  );
  return bundled.value;
}

/** Commander's collector for --allow-host: repeatable, and comma-separated hosts in one value. */
export function collectHosts(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean),
  ];
}
