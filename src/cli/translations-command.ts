// `tidings translations [--json]`: the recognised translation pairs (an article folded into its
// original as the other language version), with score and reasons. Opening the edition runs
// grouping and recognition first, so the list is up to date.

import type { Command } from 'commander';
import { EXIT_CODES } from '../errors.js';
import type { TranslationRow } from '../store/translation-store.js';
import { storesOf, type App } from './app.js';
import { openEdition } from './edition-commands.js';
import type { Io } from './io.js';
import { renderFailure } from './render.js';

export function renderTranslations(
  rows: readonly TranslationRow[],
  titles: ReadonlyMap<string, string | null>,
): string {
  if (rows.length === 0) return 'No translations recognised.\n';
  const out: string[] = [];
  for (const r of rows) {
    out.push(`${r.originalId}  ${titles.get(r.originalId) ?? '(untitled)'}`);
    out.push(`  translation (${r.translationLanguage}) ${r.translationId}  ${r.translationTitle ?? '(untitled)'}`);
    out.push(`    ${r.translationOutlet ?? ''} ${r.translationUrl}`.trimEnd());
    out.push(`  score ${r.score.toFixed(3)}; original: ${r.originalWhy}`);
    for (const reason of r.reasons) out.push(`  - ${reason}`);
    out.push('');
  }
  return `${out.join('\n')}`;
}

export function translationsCommand(
  program: Command,
  wiring: { withApp(fn: (app: App) => Promise<number>): Promise<void>; readonly io: Io },
): void {
  const { withApp, io } = wiring;
  program
    .command('translations')
    .description(
      'recognised translation pairs: a stored article that translates another, folded into it, with score and reasons',
    )
    .option('--json', 'as JSON (one array; the translation records are kept in the store)')
    .action(async (opts: { json?: boolean }) =>
      withApp(async (app) => {
        const edition = await openEdition(app);
        if (!edition.ok) {
          io.err(`tidings: ${renderFailure(edition)}\n`);
          return EXIT_CODES[edition.code];
        }
        const rows = await storesOf(app).translations.list();
        if (opts.json) {
          io.out(`${JSON.stringify(rows, null, 2)}\n`);
          return 0;
        }
        const originals = await app.store.getArticles([...new Set(rows.map((r) => r.originalId))]);
        io.out(renderTranslations(rows, new Map(originals.map((a) => [a.id, a.title]))));
        return 0;
      }),
    );
}
