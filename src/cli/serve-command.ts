// `tidings serve [--site DIR] [--host H] [--port N] [--watch]`: the built site and the read-only
// JSON API over HTTP, with security headers, and /healthz and /metrics (src/server/ops.ts). A
// missing site is built first (`tidings build`, its base URL this server's address). Without
// --watch the store is only read while serving: no grouping, no model calls (with a PostgreSQL
// store, the API's cache is dropped when another process's watch cycle changed it). With --watch
// this process is also the editor (`tidings watch`): its cycles run here, one store, no second
// process; each publishes the site atomically and drops the API's cache.
// Stops cleanly on SIGINT / SIGTERM: no new connections, requests in flight finish (and a watch
// cycle in progress), store closed.

import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { EXIT_CODES } from '../errors.js';
import { loadRubricFile } from '../rank/rubric-file.js';
import { createApi } from '../server/api.js';
import { apiDeps } from '../server/api-store.js';
import { addressUrl, createTidingsServer, listen, shutdown } from '../server/server.js';
import { createOps } from '../server/ops.js';
import { openStaticSite, notFound, type StaticSite } from '../server/static-site.js';
import type { App } from './app.js';
import { buildSiteStep, DEFAULT_SITE_DIR, siteStep } from './build-command.js';
import { collectHosts } from './command-support.js';
import type { Io } from './io.js';
import { renderFailure } from './render.js';
import { openWatcher, type Watcher, type WatchOptions } from './watch-command.js';
import { createNapper } from '../watch/nap.js';

export interface ServeOptions {
  readonly site: string;
  readonly host: string;
  readonly port: number;
  /** Watch the sources in this process too (`tidings watch`'s cycles, every `every` minutes). */
  readonly watch?: boolean;
  readonly every?: number;
  readonly fetch?: boolean;
  readonly allowHost?: string[];
  /** The site's public address for its links and feeds (default: this server's address). */
  readonly baseUrl?: string;
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

export async function serve(
  app: App,
  io: Io,
  options: ServeOptions,
  until: () => Promise<string> = stopSignal,
): Promise<number> {
  if (options.watch) return serveWatching(app, io, options, until);
  const { port } = options;
  const siteDir = path.resolve(options.site);
  if (!existsSync(siteDir)) {
    io.err(`No site at ${siteDir}: building it first (tidings build).\n`);
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    await siteStep(app, io, { out: siteDir, baseUrl: `http://${host}:${port || 8080}/`, atomic: true });
  }
  if (!existsSync(siteDir) || !statSync(siteDir).isDirectory()) {
    io.err(
      `tidings: no site at ${siteDir}: run \`tidings build${options.site === DEFAULT_SITE_DIR ? '' : ` --out ${options.site}`}\`\n`,
    );
    return EXIT_CODES.config_error;
  }

  const rubric = await loadRubricFile();
  if (!rubric.ok) {
    io.err(`tidings: ${renderFailure(rubric)}\n`);
    return EXIT_CODES[rubric.code];
  }
  const api = createApi(apiDeps(app.db, rubric.value), { log: (line) => io.err(`${line}\n`) });
  const site = await openStaticSite(siteDir);
  const server = createTidingsServer({ site, api, ops: createOps({ db: app.db }), log: (line) => io.err(`${line}\n`) });
  let url: string;
  try {
    url = addressUrl(await listen(server, options.host, port));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EADDRINUSE'
        ? 'the port is in use (try --port 0 for any free port)'
        : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
          ? 'no such address on this machine'
          : (error as Error).message;
    io.err(`tidings: cannot listen on ${options.host}:${port}: ${why}\n`);
    await api.close();
    return EXIT_CODES.config_error;
  }
  io.out(`Serving ${siteDir} at ${url}\nAPI: ${url}api/v1/digests\nCtrl-C to stop.\n`);
  const stopFollowing = followCycles(app, () => api.invalidate());
  const signal = await until();
  stopFollowing();
  await shutdown(server);
  await api.close();
  io.out(`Stopped (${signal}).\n`);
  return 0;
}

/**
 * With a PostgreSQL store another process may be the editor: every 10 s the newest cycle that ran
 * jobs is looked up, and when it is a new one the API's cached answers are dropped.
 */
function followCycles(app: App, invalidate: () => void): () => void {
  if (app.db.kind !== 'postgres') return () => undefined;
  let seen: string | null | undefined;
  const look = () => {
    app.db
      .query<{ id: string | null }>("SELECT max(id)::text AS id FROM watch_cycles WHERE outcome <> 'idle'")
      .then(([row]) => {
        const id = row?.id ?? null;
        if (seen !== undefined && id !== seen) invalidate();
        seen = id;
      })
      .catch(() => undefined); // unreachable now: /healthz says so; the cache is kept
  };
  look(); // the newest cycle when serving began: the one a later cycle is told from
  const timer = setInterval(look, 10_000);
  timer.unref();
  return () => clearInterval(timer);
}

/** Only the one-line cycle summaries of a watch reach stdout; the rest of its output is dropped. */
function cycleLinesOnly(io: Io): Io {
  return {
    out: (text) => {
      for (const line of text.split('\n')) if (line.startsWith('watch cycle ')) io.out(`${line}\n`);
    },
    err: (text) => io.err(text),
    errIsTty: false,
  };
}

/** `serve --watch`: listen, publish the site (atomically) if there is none, then serve while cycles run. */
async function serveWatching(app: App, io: Io, options: ServeOptions, until: () => Promise<string>): Promise<number> {
  const every = options.every ?? 15;
  if (!(every > 0)) {
    io.err('tidings serve: --every must be a positive number of minutes\n');
    return EXIT_CODES.config_error;
  }
  const siteDir = path.resolve(options.site);
  const rubric = await loadRubricFile();
  if (!rubric.ok) {
    io.err(`tidings: ${renderFailure(rubric)}\n`);
    return EXIT_CODES[rubric.code];
  }
  const watchIo = cycleLinesOnly(io);
  // The watcher reads these at each cycle: the base URL is set once the address is known.
  const watchOpts: WatchOptions = {
    every,
    fetch: options.fetch ?? true,
    out: siteDir,
    ...(options.allowHost ? { allowHost: options.allowHost } : {}),
  };
  let watcher: Watcher;
  try {
    const opened = await openWatcher(app, watchOpts, watchIo);
    if (typeof opened === 'number') return opened;
    watcher = opened;
  } catch (error) {
    io.err(`tidings serve: cannot start watching: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_CODES.store_error;
  }
  const api = createApi(apiDeps(app.db, rubric.value), { log: (line) => io.err(`${line}\n`) });
  // The site is opened once it exists; until then (before the address is printed) every page is 404.
  let site: StaticSite | null = null;
  const siteHandle: StaticSite = {
    root: siteDir,
    serve: (req, res, target) => (site === null ? notFound(req, res) : site.serve(req, res, target)),
  };
  const ops = createOps({ db: app.db, live: () => watcher.live });
  const server = createTidingsServer({ site: siteHandle, api, ops, log: (line) => io.err(`${line}\n`) });
  let url: string;
  try {
    url = addressUrl(await listen(server, options.host, options.port));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EADDRINUSE'
        ? 'the port is in use (try --port 0 for any free port)'
        : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
          ? 'no such address on this machine'
          : (error as Error).message;
    io.err(`tidings: cannot listen on ${options.host}:${options.port}: ${why}\n`);
    await api.close();
    await watcher.close();
    return EXIT_CODES.config_error;
  }
  const baseUrl = options.baseUrl ?? url;
  watchOpts.baseUrl = baseUrl;
  if (!existsSync(siteDir)) {
    io.err(`No site at ${siteDir}: building it first.\n`);
    const built = await buildSiteStep(app, watchIo, { out: siteDir, baseUrl, atomic: true });
    if (built.code !== 0 && !existsSync(siteDir)) {
      io.err(`tidings: could not build the site at ${siteDir}\n`);
      await shutdown(server);
      await api.close();
      await watcher.close();
      return built.code;
    }
  }
  site = await openStaticSite(siteDir);
  io.out(
    `Serving ${siteDir} at ${url}\nAPI: ${url}api/v1/digests\nWatching the sources every ${every} min; /healthz and /metrics for its state.\nCtrl-C to stop.\n`,
  );

  let stopping = false;
  const napper = createNapper();
  const loop = (async () => {
    while (!stopping) {
      const { changed } = await watcher.runCycle();
      if (changed) api.invalidate();
      if (stopping) break;
      await napper.nap(await watcher.untilNextCycleMs());
    }
  })();
  const signal = await until();
  stopping = true;
  napper.wake();
  if (watcher.live.cycling) io.err('tidings serve: finishing the watch cycle in progress\n');
  await loop;
  await shutdown(server);
  await api.close();
  await watcher.close();
  io.out(`Stopped (${signal}).\n`);
  return 0;
}

export function serveCommand(
  program: Command,
  { withApp, io }: { withApp(fn: (app: App) => Promise<number>): Promise<void>; readonly io: Io },
): void {
  program
    .command('serve')
    .description('serve the built site and a read-only JSON API (/api/v1/) over HTTP, with security headers')
    .option('--site <dir>', 'the built site (built first when missing)', DEFAULT_SITE_DIR)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    // Checked while parsing, before the store is opened: a typo should not cost the seconds that takes.
    .option('--port <port>', 'port (0 = any free port)', portArgument, 8080)
    .option(
      '--watch',
      'also watch the sources in this process, as `tidings watch` does, publishing the site atomically after each cycle',
    )
    .option('--every <minutes>', 'with --watch: minutes between cycles (default 15)', (v) => Number.parseFloat(v), 15)
    .option('--no-fetch', 'with --watch: never use the network')
    .option(
      '--allow-host <host>',
      'with --watch: a host that may be fetched although loopback or private; repeat it or separate hosts with commas',
      collectHosts,
    )
    .option('--base-url <url>', "with --watch: the site's public address (default: this server's address)")
    .action(async (opts: ServeOptions) => withApp((app) => serve(app, io, opts)));
}
