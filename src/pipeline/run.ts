// The main job, in one place: ingest → group into stories (and recognise translations) → rank →
// write (the run's writer: the offline engine or a model) → verify → publish. A Run is built once
// from one set of dependencies by the composition root (src/cli/app.ts openRun); `tidings run`,
// `watch`, `serve`, `build`, the edition commands, the golden test and the benches call its steps.
// It prints nothing: each step returns its report, and the caller says what it means.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LlmClient } from '../llm/client.js';
import { ok, type Result } from '../errors.js';
import type { PublishOptions, PublishReport } from '../publish/site/publish-site.js';
import { loadGlossary } from '../translate/glossary-file.js';
import { documentOfBilingualPage, documentOfTranslation, renderBilingualMarkdown } from '../translate/layouts.js';
import { translateArticle } from '../translate/translate.js';
import { renderDigest } from '../write/markdown.js';
import { digestFor, groupNewArticles, latestDay, storiesOfDay, type EditionDeps } from './edition.js';
import { ingest, type IngestDeps, type IngestReport, type ItemOutcome } from './ingest.js';
import { publishEdition } from './site-edition.js';

export interface RunDeps {
  /** The stores, rubric and writer the edition is read and written with. */
  readonly edition: EditionDeps;
  /** How inputs are read into the store: fetcher (null: never the network), registry, clock, limits. */
  readonly ingest: Omit<IngestDeps, 'onItem'>;
  /** Where each day's edition is written: <editionsDir>/<date>/digest.{en,zh}.{md,json}. */
  readonly editionsDir: string;
  /** With a model: it translates the day's articles that have no human translation; null: none is made. */
  readonly translator: { readonly client: LlmClient; readonly glossaryPath: string | null } | null;
}

export interface GroupReport {
  readonly newStories: number;
  readonly joined: number;
  /** Articles recognised as translations of another and folded into it. */
  readonly translations: number;
}

export interface WrittenDay {
  readonly date: string;
  readonly dir: string;
  /** The English digest as Markdown (what `tidings run` prints). */
  readonly english: string;
}

export interface Run {
  readonly deps: RunDeps;
  /** Reads inputs into the store: new articles, duplicates folded, failures with their reasons. */
  ingest(inputs: readonly string[], onItem?: (outcome: ItemOutcome, done: number) => void): Promise<IngestReport>;
  /** Places every article not yet in a story, then folds recognised translations into their originals. */
  group(): Promise<Result<GroupReport>>;
  /** The latest edition's day (the latest day with dated news); null for an empty store. */
  latestDay(): Promise<string | null>;
  /** One day's digest in both faces, verified, to <editionsDir>/<date>/; with a model, its articles' translations. */
  writeDay(date: string): Promise<Result<WrittenDay>>;
  /** The site of every edition (each day, story and article, written by the run's writer) into `options.outDir`. */
  publish(options: PublishOptions): Promise<Result<PublishReport>>;
}

export function createRun(deps: RunDeps): Run {
  return {
    deps,
    ingest: (inputs, onItem) => ingest(inputs, { ...deps.ingest, ...(onItem ? { onItem } : {}) }),
    group: () => groupNewArticles(deps.edition),
    latestDay: () => latestDay(deps.edition),
    writeDay: (date) => writeDay(deps, date),
    publish: (options) => publishEdition(deps.edition, options),
  };
}

async function writeDay(deps: RunDeps, date: string): Promise<Result<WrittenDay>> {
  const dir = path.join(deps.editionsDir, date);
  await mkdir(dir, { recursive: true });
  let english = '';
  for (const face of ['en', 'zh'] as const) {
    const digest = await digestFor(deps.edition, date, face);
    if (!digest.ok) return digest;
    const markdown = renderDigest(digest.value);
    if (face === 'en') english = markdown;
    await writeFile(path.join(dir, `digest.${face}.md`), markdown);
    await writeFile(path.join(dir, `digest.${face}.json`), `${JSON.stringify(digest.value, null, 2)}\n`);
  }
  if (deps.translator) {
    const translated = await translateDay(deps.edition, date, deps.translator, path.join(dir, 'translations'));
    if (!translated.ok) return translated;
  }
  return ok({ date, dir, english });
}

/**
 * With a model: every article of the day paired with its translation into the other language
 * (a human translation found at ingest is kept, not redone), interleaved Markdown and JSON.
 */
async function translateDay(
  deps: EditionDeps,
  date: string,
  translator: NonNullable<RunDeps['translator']>,
  dir: string,
): Promise<Result<void>> {
  const glossary = await loadGlossary(translator.glossaryPath ? { extraGlossaryPath: translator.glossaryPath } : {});
  if (!glossary.ok) return glossary;
  const day = await storiesOfDay(deps, date);
  if (!day.ok) return day;
  await mkdir(dir, { recursive: true });
  for (const { input } of day.value) {
    for (const a of input.articles) {
      const source = a.language === 'zh' ? 'zh' : 'en';
      const target = source === 'zh' ? 'en' : 'zh';
      if (a.bilingual) {
        await writeFile(
          path.join(dir, `${a.id}.${target}.md`),
          renderBilingualMarkdown(documentOfBilingualPage(a.bilingual), 'interleaved'),
        );
        continue;
      }
      const t = await translateArticle(
        { id: a.id, title: a.title, paragraphs: a.paragraphs, language: source },
        target,
        { client: translator.client, glossary: glossary.value },
      );
      if (!t.ok) continue; // the account's report names what failed; one article never stops the run
      await deps.machineTranslations?.save(t.value, new Date().toISOString());
      await writeFile(
        path.join(dir, `${a.id}.${target}.md`),
        renderBilingualMarkdown(documentOfTranslation(t.value), 'interleaved'),
      );
      await writeFile(path.join(dir, `${a.id}.${target}.json`), `${JSON.stringify(t.value, null, 2)}\n`);
    }
  }
  return ok(undefined);
}
