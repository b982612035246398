// `tidings align <a> <b>`: the sentence alignment of an English text and its Chinese translation
// (either order), each link with its kind and score. A side is a text or Markdown file (one
// paragraph per blank-line block) or a stored article id (a unique prefix is enough); the store
// is opened only when a side is not a file.

import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import type { Article, Face, ArticleLanguage } from '../article.js';
import { align } from '../align/align.js';
import { renderAlignment, type AlignmentFormat } from '../align/render-alignment.js';
import { EXIT_CODES, fail, ok, type Failure, type Result } from '../errors.js';
import { detectLanguage } from '../text/language.js';
import { storesOf, type App } from './app.js';
import type { Io } from './io.js';
import { renderFailure } from './render.js';
import { findArticle } from '../pipeline/edition.js';

export interface AlignSource {
  /** How the side is named in output and errors: the path, or "article <id> (<title>)". */
  readonly label: string;
  readonly language: Face;
  readonly text: string;
}

export type ArticleLookup = (idOrPrefix: string) => Promise<Article | null | 'ambiguous'>;

const looksLikePath = (arg: string): boolean => /[\\/]/.test(arg) || /\.(?:md|markdown|txt|text)$/i.test(arg);
const isFile = (arg: string): boolean => existsSync(arg) && statSync(arg).isFile();

/** Reads one side: a file when one exists at `arg`, else a stored article (when a store is given). */
export async function readAlignSource(arg: string, lookup: ArticleLookup | null): Promise<Result<AlignSource>> {
  let label: string;
  let text: string;
  let language: ArticleLanguage | null = null;
  if (isFile(arg)) {
    label = arg;
    try {
      text = await readFile(arg, 'utf8');
    } catch (e) {
      return fail('not_found', `cannot read ${arg}: ${(e as Error).message}`, arg);
    }
  } else if (existsSync(arg)) {
    return fail('bad_input', `${arg} is a directory, not a text file`, arg);
  } else if (lookup === null || looksLikePath(arg)) {
    return fail('not_found', `no file ${arg}`, arg);
  } else {
    const article = await lookup(arg);
    if (article === null) return fail('not_found', `no file or stored article named "${arg}"`, arg);
    if (article === 'ambiguous')
      return fail('not_found', `"${arg}" matches several stored articles; give more characters`, arg);
    label = `article ${article.id}${article.title ? ` (${article.title})` : ''}`;
    text = [article.title ?? '', ...article.paragraphs].filter((p) => p.trim().length > 0).join('\n\n');
    language = article.language;
  }
  if (text.trim().length === 0) return fail('empty_input', `${label} is empty: nothing to align`, arg);
  language ??= detectLanguage(text).language;
  if (language === 'other')
    return fail('unsupported', `${label} is neither English nor Chinese; align needs one of each`, arg);
  return ok({ label, language, text });
}

/** Aligns two sides, whichever order they come in; refuses two texts in the same language. */
export function alignSources(a: AlignSource, b: AlignSource, format: AlignmentFormat): Result<string> {
  if (a.language === b.language) {
    const name = a.language === 'en' ? 'English' : 'Chinese';
    return fail(
      'bad_input',
      `both texts are in ${name} (${a.label}; ${b.label}): align needs an English text and a Chinese one`,
    );
  }
  const [en, zh] = a.language === 'en' ? [a, b] : [b, a];
  const alignment = align(en.text, zh.text);
  return ok(renderAlignment(alignment, format, { en: en.label, zh: zh.label }));
}

export function alignCommand(
  program: Command,
  wiring: { withApp(fn: (app: App) => Promise<number>): Promise<void>; readonly io: Io; setCode(code: number): void },
): void {
  const { withApp, io } = wiring;
  const report = (f: Failure): number => {
    io.err(`tidings: ${renderFailure(f)}\n`);
    return EXIT_CODES[f.code];
  };
  const run = async (a: string, b: string, format: AlignmentFormat, lookup: ArticleLookup | null): Promise<number> => {
    const first = await readAlignSource(a, lookup);
    if (!first.ok) return report(first);
    const second = await readAlignSource(b, lookup);
    if (!second.ok) return report(second);
    const out = alignSources(first.value, second.value, format);
    if (!out.ok) return report(out);
    io.out(out.value);
    return 0;
  };
  program
    .command('align')
    .description(
      'align an English text and its Chinese translation paragraph by paragraph and sentence by sentence, with a score per link (no model)',
    )
    .argument('<a>', 'a text or Markdown file, or a stored article id')
    .argument('<b>', 'the other language version: a file or a stored article id')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'json', 'tsv']).default('md'))
    .action(async (a: string, b: string, opts: { format: AlignmentFormat }) => {
      // Two files need no store: do not open (or create) one.
      if (isFile(a) && isFile(b)) {
        wiring.setCode(await run(a, b, opts.format, null));
        return;
      }
      await withApp((app) => {
        // A stored article, or a translation folded into its original (the ids `tidings translations` prints).
        const { translations } = storesOf(app);
        return run(a, b, opts.format, async (id) => {
          const found = await findArticle({ articles: app.store, translations }, id);
          if (found.ok) return found.value.article;
          return found.code === 'bad_input' ? 'ambiguous' : null;
        });
      });
    });
}
