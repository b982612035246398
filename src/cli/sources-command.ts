// `tidings sources add | list | remove`: edits the YAML source registry.

import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { Config } from '../config.js';
import { EXIT_CODES } from '../errors.js';
import { loadRegistryFile, saveRegistryFile } from '../sources/registry-file.js';
import { addSource, emptyRegistry, removeSource, SOURCE_TYPES, type SourceEntry } from '../sources/registry.js';
import type { Io } from './io.js';
import { renderFailure } from './render.js';

interface Wiring {
  withConfig(fn: (config: Config) => Promise<number>): Promise<void>;
  readonly io: Io;
  setCode(code: number): void;
}

export function sourcesCommand(program: Command, { withConfig, io }: Wiring): void {
  const sources = program
    .command('sources')
    .description('manage the source registry (outlet, type, language, feed title)');

  sources
    .command('list')
    .description('list registered sources')
    .option('--json', 'as JSON')
    .action(async (opts: { json?: boolean }) =>
      withConfig(async (config) => {
        if (!existsSync(config.registryPath)) {
          io.out(`No registry at ${config.registryPath}. Add a source with \`tidings sources add\`.\n`);
          return 0;
        }
        const loaded = await loadRegistryFile(config.registryPath);
        if (!loaded.ok) return report(io, loaded);
        const entries = loaded.value.sources;
        if (opts.json) io.out(`${JSON.stringify(entries, null, 2)}\n`);
        else io.out(renderSources(entries, config.registryPath));
        return 0;
      }),
    );

  sources
    .command('add')
    .description('register a feed, page, OPML list, URL list, file or directory')
    .argument('<location>', 'URL or path')
    .requiredOption('--name <outlet>', 'the outlet, as readers know it (e.g. "TechCrunch")')
    .addOption(new Option('--type <type>', 'kind of publisher').choices([...SOURCE_TYPES]).default('news'))
    .addOption(
      new Option('--lang <lang>', 'language of the source').choices(['en', 'zh', 'other', 'mixed']).default('en'),
    )
    .addOption(
      new Option('--kind <kind>', 'what the location is (inferred when omitted)').choices([
        'feed',
        'page',
        'opml',
        'urllist',
        'file',
        'directory',
      ]),
    )
    .option('--feed-title <title>', 'the feed title as publishers credit it')
    .option('--weight <n>', 'ranking weight', Number.parseFloat)
    .option(
      '--every <time>',
      "how often `tidings watch` polls it: minutes, or 90s, 30m, 2h, 1d (default: watch's --every)",
    )
    .action(
      async (
        location: string,
        opts: {
          name: string;
          type: SourceEntry['type'];
          lang: SourceEntry['language'];
          kind?: SourceEntry['kind'];
          feedTitle?: string;
          weight?: number;
          every?: string;
        },
      ) =>
        withConfig(async (config) => {
          const loaded = existsSync(config.registryPath)
            ? await loadRegistryFile(config.registryPath)
            : ({ ok: true, value: emptyRegistry() } as const);
          if (!loaded.ok) return report(io, loaded);
          const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(location);
          const added = addSource(loaded.value, {
            name: opts.name,
            ...(isUrl ? { url: location } : { path: location }),
            ...(opts.kind ? { kind: opts.kind } : {}),
            type: opts.type,
            language: opts.lang,
            ...(opts.feedTitle ? { feedTitle: opts.feedTitle } : {}),
            ...(opts.weight !== undefined && !Number.isNaN(opts.weight) ? { weight: opts.weight } : {}),
            ...(opts.every !== undefined
              ? { every: /^\d+(?:\.\d+)?$/.test(opts.every.trim()) ? Number(opts.every) : opts.every.trim() }
              : {}),
          });
          if (!added.ok) return report(io, added);
          const saved = await saveRegistryFile(config.registryPath, added.value);
          if (!saved.ok) return report(io, saved);
          const entry = added.value.sources[added.value.sources.length - 1]!;
          io.out(`Added ${entry.id} (${entry.kind}, ${entry.type}, ${entry.language}) to ${config.registryPath}\n`);
          return 0;
        }),
    );

  sources
    .command('remove')
    .description('remove a source by id, URL or path')
    .argument('<id-or-location>')
    .action(async (key: string) =>
      withConfig(async (config) => {
        if (!existsSync(config.registryPath)) {
          io.err(`tidings: no registry at ${config.registryPath}\n`);
          return EXIT_CODES.not_found;
        }
        const loaded = await loadRegistryFile(config.registryPath);
        if (!loaded.ok) return report(io, loaded);
        const removed = removeSource(loaded.value, key);
        if (!removed.ok) return report(io, removed);
        const saved = await saveRegistryFile(config.registryPath, removed.value);
        if (!saved.ok) return report(io, saved);
        io.out(`Removed ${key} from ${config.registryPath}\n`);
        return 0;
      }),
    );
}

function report(io: Io, failure: Parameters<typeof renderFailure>[0]): number {
  io.err(`tidings: ${renderFailure(failure)}\n`);
  return EXIT_CODES[failure.code];
}

function renderSources(entries: readonly SourceEntry[], file: string): string {
  if (entries.length === 0) return `The registry at ${file} is empty.\n`;
  const lines = entries.map(
    (e) =>
      `${e.id.padEnd(24)} ${e.type.padEnd(10)} ${e.language.padEnd(5)} ${e.kind.padEnd(9)} ${e.name}  ${e.url ?? e.path ?? ''}`,
  );
  return `${lines.join('\n')}\n${entries.length} source${entries.length === 1 ? '' : 's'} in ${file}\n`;
}
