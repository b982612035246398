// `tidings translate <article>`: the article paired paragraph by paragraph with its translation, in
// the interleaved or inline layout. A human translation found at ingest (a bilingual page) is used
// first, marked as such; otherwise the configured model translates; with no model, it says so.

import type { Face } from '../article.js';
import { Option, type Command } from 'commander';
import { EXIT_CODES, type Failure } from '../errors.js';
import { createLlmRuntime } from '../llm/provider-factory.js';
import { loadGlossary } from '../translate/glossary-file.js';
import {
  documentOfBilingualPage,
  documentOfTranslation,
  renderBilingualHtml,
  renderBilingualMarkdown,
  type BilingualDocument,
} from '../translate/layouts.js';
import { translateArticle } from '../translate/translate.js';
import { storesOf, type App } from './app.js';
import type { Io } from './io.js';
import { renderFailure } from './render.js';

type Layout = 'interleaved' | 'inline';

export function translateCommand(
  program: Command,
  wiring: { withApp(fn: (app: App) => Promise<number>): Promise<void>; readonly io: Io },
): void {
  const { withApp, io } = wiring;
  const report = (f: Failure): number => {
    io.err(`tidings: ${renderFailure(f)}\n`);
    return EXIT_CODES[f.code];
  };
  program
    .command('translate')
    .description(
      'an article paired paragraph by paragraph with its English or Chinese translation (human where one was found, else the configured model)',
    )
    .argument('<article>', 'article id (a unique prefix is enough)')
    .addOption(new Option('--to <lang>', 'target language (default: the other one)').choices(['en', 'zh']))
    .addOption(
      new Option('--layout <layout>', 'interleaved (paragraph, blank line, translation) or inline (one line per pair)')
        .choices(['interleaved', 'inline'])
        .default('interleaved'),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'html', 'json']).default('md'))
    .option('--provider <name>', 'use this configured model provider')
    .action(
      async (id: string, opts: { to?: Face; layout: Layout; format: 'md' | 'html' | 'json'; provider?: string }) =>
        withApp(async (app) => {
          const { translations } = storesOf(app);
          // A recognised translation was folded into its original: the pair is read from there.
          const folded = (await translations.pairsOf(id)).find((p) => p.translationId === id);
          const article = await app.store.getArticle(folded ? folded.originalId : id);
          if (article === null || article === 'ambiguous') {
            io.err(
              `tidings: ${article === null ? `no article with id "${id}"` : `"${id}" matches several articles; give more characters`}\n`,
            );
            return EXIT_CODES.not_found;
          }
          const source = article.language === 'zh' ? 'zh' : 'en';
          const target = opts.to ?? (source === 'zh' ? 'en' : 'zh');
          let doc: BilingualDocument;
          let json: unknown;
          if (article.bilingual && target !== source) {
            const recognised = (await translations.pairsOf(article.id)).find(
              (p) => p.originalId === article.id && p.detail.readerPairs === true,
            );
            const credit = recognised
              ? `Human translation by ${recognised.translationOutlet ?? recognised.translationUrl} (${recognised.translationUrl}), recognised as a translation of this article (score ${recognised.score.toFixed(2)})`
              : undefined;
            doc = documentOfBilingualPage(article.bilingual, credit);
            json = {
              articleId: article.id,
              translatedBy: 'human',
              bilingual: article.bilingual,
              ...(recognised
                ? {
                    translation: {
                      articleId: recognised.translationId,
                      url: recognised.translationUrl,
                      outlet: recognised.translationOutlet,
                      score: recognised.score,
                      reasons: recognised.reasons,
                    },
                  }
                : {}),
            };
          } else {
            const runtime = createLlmRuntime(app.config.llm, {
              cacheDir: app.config.llmCacheDir,
              ...(opts.provider ? { provider: opts.provider } : {}),
            });
            if (runtime === null) {
              io.err(
                `tidings: no human translation of ${article.id} was found and no model is configured; set TIDINGS_LLM_PROVIDER, ` +
                  'TIDINGS_LLM_BASE_URL, TIDINGS_LLM_API_KEY and TIDINGS_LLM_MODEL (or tidings.config.yaml), then `tidings doctor`\n',
              );
              return EXIT_CODES.config_error;
            }
            const glossary = await loadGlossary(
              app.config.glossaryPath ? { extraGlossaryPath: app.config.glossaryPath } : {},
            );
            if (!glossary.ok) return report(glossary);
            const translated = await translateArticle(
              { id: article.id, title: article.title, paragraphs: article.paragraphs, language: source },
              target,
              { client: runtime.client, glossary: glossary.value },
            );
            io.err(`${runtime.description}: ${runtime.account.report()}\n`);
            if (!translated.ok) return report(translated);
            // Kept, so the site's reader shows it without asking the model again.
            await storesOf(app).machineTranslations.save(translated.value, new Date().toISOString());
            doc = documentOfTranslation(translated.value);
            json = translated.value;
          }
          io.out(
            opts.format === 'json'
              ? `${JSON.stringify(json, null, 2)}\n`
              : opts.format === 'html'
                ? renderBilingualHtml(doc, opts.layout)
                : renderBilingualMarkdown(doc, opts.layout),
          );
          return 0;
        }),
    );
}
