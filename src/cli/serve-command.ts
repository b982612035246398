// `tidings serve [--site DIR] [--host H] [--port N]`: the built site and the read-only JSON API
// over HTTP, with security headers. A missing site is built first (`tidings build`, its base URL
// this server's address). The store is only read while serving: no grouping, no model calls.
// Stops cleanly on SIGINT / SIGTERM: no new connections, requests in flight finish, store closed.

import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { EXIT_CODES } from '../errors.js';
import { loadRubricFile } from '../rank/rubric-file.js';
import { createApi } from '../server/api.js';
import { apiDeps } from '../server/api-store.js';
import { addressUrl, createTidingsServer, listen, shutdown } from '../server/server.js';
import { openStaticSite } from '../server/static-site.js';
import type { App } from './app.js';
import { DEFAULT_SITE_DIR, siteStep } from './build-command.js';
import type { Io } from './main.js';
import { renderFailure } from './render.js';

export interface ServeOptions {
  readonly site: string;
  readonly host: string;
  readonly port: number;
}

/** Resolves with the signal's name when the process is asked to stop. */
export function stopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (name: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(name);
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

function portArgument(value: string): number {
  const port = parsePort(value);
  if (port === null) throw new InvalidArgumentError('it is not a port number (0-65535; 0 = any free port)');
  return port;
}

/** The --port value as a number, or null when it is not a port. */
export function parsePort(value: string): number | null {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  return port >= 0 && port <= 65535 ? port : null;
}

export async function serve(app: App, io: Io, options: ServeOptions, until: () => Promise<string> = stopSignal): Promise<number> {
  const { port } = options;
  const siteDir = path.resolve(options.site);
  if (!existsSync(siteDir)) {
    io.err(`No site at ${siteDir}: building it first (tidings build).\n`);
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    await siteStep(app, io, { out: siteDir, baseUrl: `http://${host}:${port || 8080}/` });
  }
  if (!existsSync(siteDir) || !statSync(siteDir).isDirectory()) {
    io.err(`tidings: no site at ${siteDir}: run \`tidings build${options.site === DEFAULT_SITE_DIR ? '' : ` --out ${options.site}`}\`\n`);
    return EXIT_CODES.config_error;
  }

  const rubric = await loadRubricFile();
  if (!rubric.ok) {
    io.err(`tidings: ${renderFailure(rubric)}\n`);
    return EXIT_CODES[rubric.code];
  }
  const api = createApi(apiDeps(app.db, rubric.value), { log: (line) => io.err(`${line}\n`) });
  const site = await openStaticSite(siteDir);
  const server = createTidingsServer({ site, api, log: (line) => io.err(`${line}\n`) });
  let url: string;
  try {
    url = addressUrl(await listen(server, options.host, port));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? 'the port is in use (try --port 0 for any free port)' : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' ? 'no such address on this machine' : (error as Error).message;
    io.err(`tidings: cannot listen on ${options.host}:${port}: ${why}\n`);
    await api.close();
    return EXIT_CODES.config_error;
  }
  io.out(`Serving ${siteDir} at ${url}\nAPI: ${url}api/v1/digests\nCtrl-C to stop.\n`);
  const signal = await until();
  await shutdown(server);
  await api.close();
  io.out(`Stopped (${signal}).\n`);
  return 0;
}

export function serveCommand(program: Command, { withApp, io }: { withApp(fn: (app: App) => Promise<number>): Promise<void>; readonly io: Io }): void {
  program
    .command('serve')
    .description('serve the built site and a read-only JSON API (/api/v1/) over HTTP, with security headers')
    .option('--site <dir>', 'the built site (built first when missing)', DEFAULT_SITE_DIR)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    // Checked while parsing, before the store is opened: a typo should not cost the seconds that takes.
    .option('--port <port>', 'port (0 = any free port)', portArgument, 8080)
    .action(async (opts: ServeOptions) => withApp((app) => serve(app, io, opts)));
}
