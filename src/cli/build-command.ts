// `tidings build [--out DIR] [--base-url URL]`: the static bilingual site from what the store
// holds (every day, story and article), and `siteStep`, the same build as the last step of
// `tidings run`. Progress goes to stderr; the summary and the site's address to stdout.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { EXIT_CODES, ok, type Failure } from '../errors.js';
import { DEFAULT_BASE_URL, type PublishReport } from '../publish/site/publish-site.js';
import {
  atomicTarget,
  discardBuild,
  isAtomicSite,
  prepareBuild,
  publishBuild,
  type AtomicTarget,
  type SwapReport,
} from '../publish/site/atomic-site.js';
import { chooseEngine, openRun, type App, type OpenedRun } from './app.js';
import { groupStep } from './edition-commands.js';
import type { Io } from './io.js';
import { renderFailure } from './render.js';

export const DEFAULT_SITE_DIR = 'site';

export interface SiteStepOptions {
  readonly out?: string | undefined;
  readonly baseUrl?: string | undefined;
  readonly offline?: boolean | undefined;
  /**
   * Build into a new directory and switch `out` (a link) to it at once (atomic-site.ts). Always
   * so when `out` is already such a link, so a rebuild never edits pages being served.
   */
  readonly atomic?: boolean | undefined;
  /** The command's run (`tidings run` writes and publishes with one); else one is opened (`offline` chooses its engine). */
  readonly opened?: OpenedRun | undefined;
}

export interface SiteBuilt {
  readonly code: number;
  /** With atomic publishing: what the swap did (pages rewritten ...); null otherwise or on failure. */
  readonly swap: SwapReport | null;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function renderPublishReport(r: PublishReport): string {
  const lines = [
    `Site: ${r.days} days, ${r.stories} stories, ${r.articles} articles → ${r.pages} files, ${kb(r.bytes)} in ${((r.ms.gather + r.ms.build + r.ms.write) / 1000).toFixed(1)} s (gather ${(r.ms.gather / 1000).toFixed(1)} s, build ${(r.ms.build / 1000).toFixed(1)} s, write ${(r.ms.write / 1000).toFixed(1)} s)`,
  ];
  lines.push(
    `  ${'kind'.padEnd(11)} ${'files'.padStart(6)} ${'total'.padStart(10)} ${'min'.padStart(9)} ${'median'.padStart(9)} ${'max'.padStart(9)}`,
  );
  for (const [kind, k] of [...r.kinds.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push(
      `  ${kind.padEnd(11)} ${String(k.pages).padStart(6)} ${kb(k.bytes).padStart(10)} ${kb(k.min).padStart(9)} ${kb(k.median).padStart(9)} ${kb(k.max).padStart(9)}`,
    );
  }
  if (r.removed.length > 0)
    lines.push(`  removed ${r.removed.length} stale ${r.removed.length === 1 ? 'page' : 'pages'} of an earlier build`);
  for (const f of r.failures) lines.push(`  left out: ${renderFailure(f)}`);
  return `${lines.join('\n')}\n`;
}

/** Builds the site into `out` (default ./site) and prints its summary and address; returns an exit code. */
export async function siteStep(app: App, io: Io, options: SiteStepOptions): Promise<number> {
  return (await buildSiteStep(app, io, options)).code;
}

/** As siteStep, and with atomic publishing what the swap did. */
export async function buildSiteStep(app: App, io: Io, options: SiteStepOptions): Promise<SiteBuilt> {
  const failed = (code: number): SiteBuilt => ({ code, swap: null });
  const reported = (f: Failure): SiteBuilt => {
    io.err(`tidings: ${renderFailure(f)}\n`);
    return failed(EXIT_CODES[f.code]);
  };
  const opened = options.opened
    ? ok(options.opened)
    : await openRun(app, { engine: chooseEngine(app.config, { offline: Boolean(options.offline) }) });
  if (!opened.ok) return reported(opened);
  const { run, engine } = opened.value;
  const grouped = await groupStep(run);
  if (!grouped.ok) return reported(grouped);
  const model = engine.model;
  if (options.baseUrl !== undefined) {
    try {
      const u = new URL(options.baseUrl);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
    } catch {
      io.err(`tidings: --base-url "${options.baseUrl}" is not an http(s) URL (e.g. ${DEFAULT_BASE_URL})\n`);
      return failed(EXIT_CODES.config_error);
    }
  }
  const outDir = path.resolve(options.out ?? DEFAULT_SITE_DIR);
  let target: AtomicTarget | null = null;
  let build: Awaited<ReturnType<typeof prepareBuild>> | null = null;
  try {
    if (options.atomic || (await isAtomicSite(outDir))) target = await atomicTarget(outDir);
    if (target !== null) build = await prepareBuild(target);
  } catch (error) {
    io.err(`tidings: cannot publish the site at ${outDir}: ${(error as Error).message}\n`);
    return failed(EXIT_CODES.config_error);
  }
  io.err(`Building the site in ${build?.dir ?? outDir}${model ? ` (${model.description})` : ''}\n`);
  const progress = (m: string) => io.err(io.errIsTty ? `\r\x1b[K  ${m}` : `  ${m}\n`);
  const report = await run.publish({
    outDir: build?.dir ?? outDir,
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    onProgress: progress,
    ...(build ? { reuse: build.reuse } : {}),
  });
  if (io.errIsTty) io.err('\r\x1b[K');
  if (model) io.err(`${model.description}: ${model.account.report()}\n`);
  if (!report.ok) {
    if (build) await discardBuild(build);
    io.err(`tidings: ${renderFailure(report)}\n`);
    return failed(EXIT_CODES[report.code]);
  }
  let swap: SwapReport | null = null;
  if (target !== null && build !== null) {
    try {
      swap = await publishBuild(target, build, (line) => io.err(`${line}\n`));
    } catch (error) {
      await discardBuild(build);
      io.err(`tidings: cannot publish the site at ${outDir}: ${(error as Error).message}\n`);
      return failed(EXIT_CODES.internal_error);
    }
  }
  io.out(`\n${renderPublishReport(report.value)}`);
  if (swap)
    io.out(
      `  published ${path.relative(path.dirname(outDir), swap.dir)} as ${outDir}: ${swap.rewritten} ${swap.rewritten === 1 ? 'file' : 'files'} rewritten, ${swap.unchanged} unchanged, ${swap.dropped} dropped\n`,
    );
  io.out(
    `\nOpen ${pathToFileURL(path.join(outDir, 'index.html')).href}\n(or \`tidings serve\` to read it over http)\n`,
  );
  return { code: report.value.failures.length > 0 ? 1 : 0, swap };
}

export function buildCommand(
  program: Command,
  { withApp, io }: { withApp(fn: (app: App) => Promise<number>): Promise<void>; readonly io: Io },
): void {
  program
    .command('build')
    .description('write the static bilingual site: digests, stories, cards, bilingual readers, topics, archive, search')
    .option('--out <dir>', 'output directory', DEFAULT_SITE_DIR)
    .option(
      '--base-url <url>',
      `the site's public address, for canonical links, feeds and the newsletter (default ${DEFAULT_BASE_URL})`,
    )
    .option('--offline', 'use the offline engine even when a model is configured')
    .option(
      '--atomic',
      'build beside the site served and switch to it at once: <out> becomes a link to <out>.builds/<stamp>, unchanged files are linked, not written (as watch does; always so once <out> is such a link)',
    )
    .action(async (opts: { out: string; baseUrl?: string; offline?: boolean; atomic?: boolean }) =>
      withApp((app) => siteStep(app, io, opts)),
    );
}
