// The `tidings` command. Each subcommand parses its flags, opens what it needs through app.ts,
// and returns an exit code (0 ok, 1 some items failed, 2 usage or config, 3 store).

import { Command, CommanderError, Option } from 'commander';
import type { ArticleLanguage } from '../article.js';
import type { Config, ConfigFlags } from '../config.js';
import { CRASH_EXIT_CODE, EXIT_CODES } from '../errors.js';
import { terminalSafe, terminalSafeKeepingRedraw } from './terminal-text.js';
import type { IngestReport } from '../pipeline/ingest.js';
import type { Run } from '../pipeline/run.js';
import { extractCommand } from './extract-command.js';
import { feedCommand } from './feed-command.js';
import { makeFetcher, openRun, readConfig, storesOf, type App } from './app.js';
import { collectHosts, optionalRegistry, registryOrExamples, withStore } from './command-support.js';
import { createProgress } from './progress.js';
import { renderArticle, renderArticleList, renderFailure, renderSummary } from './render.js';
import { sourcesCommand } from './sources-command.js';
import { editionCommands, writeEdition } from './edition-commands.js';
import { translateCommand } from './translate-command.js';
import { translationsCommand } from './translations-command.js';
import { doctorCommand } from './doctor-command.js';
import { alignCommand } from './align-command.js';
import { serveCommand } from './serve-command.js';
import { buildCommand, siteStep } from './build-command.js';
import { outputsCommand } from './outputs-command.js';
import { articlesCommand } from './articles-command.js';
import { watchCommand } from './watch-command.js';
import { workerCommand } from './worker-command.js';
import { countOption, dayOption } from './options.js';
import type { Io } from './io.js';

export type { Io };

// Everything printed passes through terminalSafe: a title or outlet name from a source can hold
// escape codes that retitle the window or clear the screen, or bidi controls that reverse text.
const defaultIo: Io = {
  out: (s) => process.stdout.write(terminalSafe(s)),
  err: (s) => process.stderr.write(terminalSafeKeepingRedraw(s)),
  errIsTty: Boolean(process.stderr.isTTY),
};

/**
 * `main` as the process runs it: a throw that escapes every item boundary is a crash, reported in
 * one line (the stack follows for a bug report) and answered with CRASH_EXIT_CODE, never with 1,
 * which means "some items failed".
 */
export async function runCli(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  try {
    return await main(argv, io);
  } catch (error) {
    reportCrash(error, io);
    return CRASH_EXIT_CODE;
  }
}

export function reportCrash(error: unknown, io: Io = defaultIo): void {
  const e = error instanceof Error ? error : new Error(String(error));
  const overflow = e instanceof RangeError && /call stack/i.test(e.message);
  io.err(`tidings: crashed (a bug, not bad input): ${terminalSafe(e.message)}${overflow ? ' (stack overflow)' : ''}\n`);
  io.err(`${terminalSafe(e.stack ?? '')}\n`);
  io.err(`Please report it with the command you ran. Exit code ${CRASH_EXIT_CODE}.\n`);
}

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let code = 0;
  const program = new Command('tidings')
    .description("Verified, bilingual AI-industry intelligence from the day's coverage, in English and Chinese.")
    .option(
      '--data <dir>',
      'data directory for the embedded store and fetch cache (env TIDINGS_DATA, default ./.tidings)',
    )
    .option('--database-url <url>', 'use a PostgreSQL server (env TIDINGS_DATABASE_URL)')
    .option('--registry <file>', 'source registry YAML (env TIDINGS_SOURCES, default ./sources.yaml)')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();

  const flags = (): ConfigFlags => program.opts<ConfigFlags>();
  const withConfig = async (fn: (config: Config) => Promise<number>): Promise<void> => {
    const config = readConfig(flags());
    if (!config.ok) {
      io.err(`tidings: ${renderFailure(config)}\n`);
      code = EXIT_CODES[config.code];
      return;
    }
    code = await fn(config.value);
  };
  const withApp = (fn: (app: App) => Promise<number>) => withConfig((config) => withStore(config, io, fn));

  program
    .command('ingest')
    .description('read feeds, OPML lists, URL lists, URLs, files and directories into the store')
    .argument('[inputs...]', 'what to read; none = every source in the registry')
    .option('--no-fetch', 'never use the network (feed items without full text fail)')
    .option(
      '--allow-host <host>',
      'a host that may be fetched although loopback or private (e.g. 127.0.0.1); repeat it or separate hosts with commas',
      collectHosts,
    )
    .action(async (inputs: string[], opts: { fetch: boolean; allowHost?: string[] }) =>
      withApp(async (app) => {
        const registry = await optionalRegistry(app.config, io);
        if (registry === 'error') return EXIT_CODES.config_error;
        const targets = inputs.length > 0 ? inputs : (registry?.inputs() ?? []);
        if (targets.length === 0) {
          io.err(
            'tidings: nothing to ingest: name feeds, URLs, files or directories, or add sources with `tidings sources add`\n',
          );
          return EXIT_CODES.config_error;
        }
        const opened = await openRun(app, { fetch: opts.fetch, allowHosts: opts.allowHost ?? [], registry });
        if (!opened.ok) {
          io.err(`tidings: ${renderFailure(opened)}\n`);
          return EXIT_CODES[opened.code];
        }
        try {
          const report = await runIngest(opened.value.run, targets, io);
          return report.counts.failed > 0 ? 1 : 0;
        } finally {
          await opened.value.close();
        }
      }),
    );

  program
    .command('run')
    .description(
      "the main job: ingest the configured sources (by default the bundled example corpus), group them into stories, and write the latest day's verified digest",
    )
    .option('--no-fetch', 'never use the network')
    .option('--out <dir>', 'where the site is written (default ./site)')
    .option('--base-url <url>', "the site's public address (default http://127.0.0.1:8080/)")
    .option(
      '--allow-host <host>',
      'a host that may be fetched although loopback or private; repeat it or separate hosts with commas',
      collectHosts,
    )
    .action(async (opts: { fetch: boolean; out?: string; baseUrl?: string; allowHost?: string[] }) =>
      withApp(async (app) => {
        const registry = await registryOrExamples(app.config, io);
        if (registry === 'error') return EXIT_CODES.config_error;
        // One run, built once: ingest → group → rank → write → verify → publish (src/pipeline/run.ts).
        const opened = await openRun(app, { fetch: opts.fetch, allowHosts: opts.allowHost ?? [], registry });
        if (!opened.ok) {
          io.err(`tidings: ${renderFailure(opened)}\n`);
          return EXIT_CODES[opened.code];
        }
        try {
          const report = await runIngest(opened.value.run, registry.inputs(), io);
          await opened.value.close(); // the network is done with: what follows reads the store
          const edition = await writeEdition(app, io, { opened: opened.value });
          const site =
            edition === 0 ? await siteStep(app, io, { out: opts.out, baseUrl: opts.baseUrl, opened: opened.value }) : 0;
          return report.counts.failed > 0 || edition !== 0 || site !== 0 ? 1 : 0;
        } finally {
          await opened.value.close();
        }
      }),
    );

  program
    .command('articles')
    .description('list stored articles, newest first')
    .addOption(
      dayOption(
        '--since <date>',
        'only articles published on or after this day (YYYY-MM-DD) or time (ISO 8601 with a zone)',
        { orTime: true },
      ),
    )
    .option('--source <name>', 'only articles from this source id or outlet')
    .addOption(new Option('--lang <lang>', 'only articles in this language').choices(['en', 'zh', 'other']))
    .addOption(countOption('--limit <n>', 'at most this many', 1000))
    .option('--json', 'one JSON object per line')
    .action(async (opts: { since?: string; source?: string; lang?: ArticleLanguage; limit: number; json?: boolean }) =>
      withApp(async (app) => {
        const rows = await app.store.listArticles({
          since: opts.since ?? null,
          source: opts.source ?? null,
          language: opts.lang ?? null,
          limit: opts.limit,
        });
        io.out(opts.json ? rows.map((r) => `${JSON.stringify(r)}\n`).join('') : renderArticleList(rows));
        return 0;
      }),
    );

  program
    .command('show')
    .description('an article: clean text, metadata, where it was seen, entities, figures, quotes')
    .argument('<id>', 'article id (a unique prefix is enough)')
    .option('--json', 'as JSON')
    .action(async (id: string, opts: { json?: boolean }) =>
      withApp(async (app) => {
        let article = await app.store.getArticle(id);
        if (article === null) {
          // A recognised translation was folded into its original; its record is kept (decision 0011).
          const folded = await storesOf(app).translations.folded(id);
          if (folded === 'ambiguous') article = 'ambiguous';
          else if (folded) {
            io.err(
              `tidings: ${id} was recognised as a translation of ${folded.originalId} and folded into it; its record as stored:\n`,
            );
            article = folded.record;
          }
        }
        if (article === null || article === 'ambiguous') {
          io.err(
            `tidings: ${article === null ? `no article with id "${id}"` : `"${id}" matches several articles; give more characters`}\n`,
          );
          return EXIT_CODES.not_found;
        }
        io.out(opts.json ? `${JSON.stringify(article, null, 2)}\n` : renderArticle(article));
        return 0;
      }),
    );

  program
    .command('extract')
    .description('read pages without storing them; prints the main text and metadata')
    .argument('<inputs...>', 'HTML files (.html, .html.gz) or URLs')
    .option('--json', 'one JSON object per page, one per line')
    .option(
      '--allow-host <host>',
      'a host that may be fetched although loopback or private; repeat it or separate hosts with commas',
      collectHosts,
    )
    .action(async (inputs: string[], opts: { json?: boolean; allowHost?: string[] }) =>
      withConfig(async (config) =>
        extractCommand(
          inputs,
          {
            json: Boolean(opts.json),
            fetcher: () => makeFetcher(config, opts.allowHost ?? []),
            maxBytes: config.fetch.maxBytes,
          },
          io,
        ),
      ),
    );

  program
    .command('feed')
    .description('read feeds without storing them; prints their items (exit 1 when a feed was rejected or lost items)')
    .argument('<inputs...>', 'feed files (RSS, RDF, Atom, JSON Feed; .gz too) or URLs')
    .option('--json', 'one JSON object per feed, one per line')
    .option(
      '--allow-host <host>',
      'a host that may be fetched although loopback or private; repeat it or separate hosts with commas',
      collectHosts,
    )
    .action(async (inputs: string[], opts: { json?: boolean; allowHost?: string[] }) =>
      withConfig(async (config) =>
        feedCommand(
          inputs,
          {
            json: Boolean(opts.json),
            fetcher: () => makeFetcher(config, opts.allowHost ?? []),
            maxBytes: config.fetch.maxBytes,
          },
          io,
        ),
      ),
    );

  sourcesCommand(program, { withConfig: (fn) => withConfig(fn), io, setCode: (c) => (code = c) });
  editionCommands(program, { withApp, io, setCode: (c) => (code = c) });
  translateCommand(program, { withApp, io });
  alignCommand(program, { withApp, io, setCode: (c) => (code = c) });
  translationsCommand(program, { withApp, io });
  doctorCommand(program, { withConfig: (fn) => withConfig(fn), io });
  serveCommand(program, { withApp, io });
  buildCommand(program, { withApp, io });
  outputsCommand(program, { withApp, io });
  articlesCommand(program, { withApp, io });
  watchCommand(program, { withConfig: (fn) => withConfig(fn), io });
  workerCommand(program, { withConfig: (fn) => withConfig(fn), io });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : EXIT_CODES.config_error;
    }
    throw error;
  }
  return code;
}

/** Ingests `inputs` with the run, showing progress, then prints the summary. */
async function runIngest(run: Run, inputs: readonly string[], io: Io): Promise<IngestReport> {
  const progress = createProgress(io);
  const report = await run.ingest(inputs, progress.item);
  progress.done();
  io.out(renderSummary(report));
  return report;
}
