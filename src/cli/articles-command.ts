// `tidings articles remove <id>`: removes one stored article and everything derived from it
// (src/store/article-removal.ts), for the day a hostile or mistaken article gets in. Registered
// under the `articles` command, beside its listing (`tidings articles --since …`).

import type { Command } from 'commander';
import { EXIT_CODES } from '../errors.js';
import { MAX_MATCHES_SHOWN, removeArticle, type RemovedArticle } from '../store/article-removal.js';
import type { App } from './app.js';
import type { Io } from './io.js';

export function articlesCommand(
  program: Command,
  wiring: { withApp(fn: (app: App) => Promise<number>): Promise<void>; readonly io: Io },
): void {
  const { withApp, io } = wiring;
  const articles = program.commands.find((c) => c.name() === 'articles');
  if (!articles) throw new Error('the `articles` command must be registered before its subcommands');
  articles
    .command('remove')
    .description(
      'remove an article and everything derived from it: sightings, bands, story membership (a story left empty goes), folded translations, model translations',
    )
    .argument('<id>', 'article id (a unique prefix is enough); also the id of a translation folded into its original')
    .option('--json', 'what was removed, as JSON')
    .action(async (id: string, opts: { json?: boolean }, command: Command) =>
      withApp(async (app) => {
        // `articles remove X --json`: the listing's own --json may take the flag first.
        const json = Boolean(opts.json || command.parent?.opts<{ json?: boolean }>().json);
        const result = await removeArticle(app.db, id);
        if (result.kind === 'not_found') {
          io.err(`tidings: no article with id "${id}": nothing removed (see \`tidings articles\`)\n`);
          return EXIT_CODES.not_found;
        }
        if (result.kind === 'ambiguous') {
          const shown = result.matches.slice(0, MAX_MATCHES_SHOWN).join(', ');
          io.err(
            `tidings: "${id}" matches several articles (${shown}${result.matches.length > MAX_MATCHES_SHOWN ? ', …' : ''}): nothing removed; give more characters\n`,
          );
          return EXIT_CODES.bad_input;
        }
        io.out(json ? `${JSON.stringify(result.removed, null, 2)}\n` : renderRemoved(result.removed));
        return 0;
      }),
    );
}

export function renderRemoved(r: RemovedArticle): string {
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const out: string[] = [];
  if (r.kind === 'folded-translation') {
    out.push(`Removed translation ${r.id} (folded into ${r.originalId}): ${clip(r.title ?? '(untitled)', 72)}`);
    out.push(`  ${clip(r.url, 100)}`);
    out.push(
      `  ${plural(r.sightings, 'sighting')} and ${plural(r.bands, 'near-duplicate band')} taken from ${r.originalId}`,
    );
    if (r.readerPairsRemoved) out.push(`  ${r.originalId} no longer shows it as its translation in the reader`);
    out.push(`  ${r.originalId} stays`);
    return `${out.join('\n')}\n`;
  }
  out.push(`Removed article ${r.id}: ${clip(r.title ?? '(untitled)', 72)}`);
  out.push(`  ${clip(r.url, 100)}`);
  out.push(
    `  ${plural(r.sightings, 'sighting')}, ${plural(r.bands, 'near-duplicate band')}, ${plural(r.translationChecks, 'translation check')}`,
  );
  if (r.story === null) out.push('  story: none (not grouped yet)');
  else if (r.story.outcome === 'deleted') out.push(`  story ${r.story.storyId}: removed (it had no other article)`);
  else out.push(`  story ${r.story.storyId}: left with ${plural(r.story.membersLeft, 'article')}`);
  out.push(`  folded translations: ${r.foldedTranslations.length === 0 ? 'none' : r.foldedTranslations.join(', ')}`);
  out.push(`  model translations: ${r.modelTranslations.length === 0 ? 'none' : r.modelTranslations.join(', ')}`);
  out.push('A built site keeps its pages until the next `tidings build`.');
  return `${out.join('\n')}\n`;
}

/** One line of at most max characters (titles and URLs from a source can be any length). */
function clip(s: string, max: number): string {
  const line = s.replace(/\s+/g, ' ');
  const chars = [...line];
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('')}…`;
}
