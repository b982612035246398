// `tidings stories | digest | card | post | explain | similar | verify`: the edition stages on the
// command line. Each reads the store through the edition pipeline and prints Markdown or JSON.

import type { Face } from '../article.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { EXIT_CODES, fail, ok, type Failure, type Result } from '../errors.js';
import {
  cardFor,
  digestFor,
  findArticle,
  latestDay,
  postFor,
  rankedStoryById,
  type EditionDeps,
} from '../pipeline/edition.js';
import type { LlmRuntime } from '../llm/provider-factory.js';
import { renderExplanation } from '../rank/explain.js';
import { explainSimilarity, listStories } from '../stories/assign.js';
import { renderSimilarity, renderStoryList } from '../stories/render.js';
import { readPairs, scorePairs } from '../stories/score-pairs.js';
import type { SourceText } from '../verify/grounding.js';
import { sourcesOf } from '../verify/sources-of.js';
import { verifyCommand } from '../verify/verify-command.js';
import { renderCard, renderDigest, renderPost } from '../write/markdown.js';
import { chooseEngine, openRun, storesOf, type App, type Engine, type OpenedRun } from './app.js';
import type { GroupReport, Run } from '../pipeline/run.js';
import type { Io } from './io.js';
import { renderFailure } from './render.js';
import { dayOption } from './options.js';

interface Wiring {
  withApp(fn: (app: App) => Promise<number>): Promise<void>;
  readonly io: Io;
  /** The exit code of a command that runs without the app (`similar --pairs`). */
  setCode(code: number): void;
}

type Format = 'md' | 'json';
const formatOption = () => new Option('--format <format>', 'output format').choices(['md', 'json']).default('md');
const langOption = () =>
  new Option('--lang <lang>', 'face: labels in this language, body from coverage in it where any')
    .choices(['en', 'zh'])
    .default('en');

/**
 * Opens the edition stages on an app (the run, src/cli/app.ts openRun) and groups new articles
 * first, so every command sees them. The outputs are written by `engine` (default: the configured
 * model, else the offline engine).
 */
export async function openEdition(
  app: App,
  options: { readonly rubricPath?: string | undefined; readonly engine?: Engine } = {},
): Promise<Result<EditionDeps>> {
  const opened = await openRun(app, options);
  if (!opened.ok) return opened;
  const grouped = await groupStep(opened.value.run);
  return grouped.ok ? ok(opened.value.run.deps.edition) : grouped;
}

/**
 * Groups new articles into stories (and folds recognised translations). With `report`, says what
 * grouping did (the main job does: the store's count would otherwise not match what ingest said
 * was new).
 */
export async function groupStep(run: Run, report?: (line: string) => void): Promise<Result<GroupReport>> {
  const grouped = await run.group();
  if (!grouped.ok) return grouped;
  const g = grouped.value;
  if (report && g.newStories + g.joined > 0) {
    const folded =
      g.translations > 0
        ? `; ${g.translations} ${g.translations === 1 ? 'article was' : 'articles were'} recognised as ${g.translations === 1 ? 'a translation' : 'translations'} of another and folded into ${g.translations === 1 ? 'its original' : 'their originals'} (\`tidings translations\` lists them)`
        : '';
    report(
      `Grouped ${g.newStories + g.joined} new article${g.newStories + g.joined === 1 ? '' : 's'} into stories: ${g.newStories} started a story, ${g.joined} joined one${folded}.\n`,
    );
  }
  return grouped;
}

/**
 * The end of the main job: groups what was ingested into stories and writes the latest day's
 * digest, verified, in both faces to <data>/out/<date>/ (Markdown and JSON); prints the English one.
 * With `articleIds` (a watch cycle's new articles), every other day those articles count on is
 * written again too, so a late report of an earlier day's story updates that day's edition.
 * `opened`: the command's run (`tidings run` ingests, writes and publishes with one); else one is opened.
 */
export async function writeEdition(
  app: App,
  io: Io,
  options: { readonly articleIds?: readonly string[]; readonly opened?: OpenedRun } = {},
): Promise<number> {
  const opened = options.opened ? ok(options.opened) : await openRun(app);
  if (!opened.ok) {
    io.err(`tidings: ${renderFailure(opened)}\n`);
    return EXIT_CODES[opened.code];
  }
  const { run, engine } = opened.value;
  const failed = (f: Failure): number => {
    io.err(`tidings: ${renderFailure(f)}\n`);
    return EXIT_CODES[f.code];
  };
  const grouped = await groupStep(run, io.out);
  if (!grouped.ok) return failed(grouped);
  const date = await run.latestDay();
  if (date === null) {
    io.out('No stories yet: nothing was ingested.\n');
    return 0;
  }
  const latest = await run.writeDay(date);
  if (!latest.ok) return failed(latest);
  const earlier = options.articleIds
    ? (await run.deps.edition.stories.activityDays(options.articleIds)).filter((d) => d !== date)
    : [];
  for (const day of earlier) {
    const written = await run.writeDay(day);
    if (!written.ok) return failed(written);
  }
  reportModel(io, engine.model);
  const stories = await listStories({ stories: run.deps.edition.stories }, { date });
  const articles = await app.store.countArticles();
  io.out(
    `\n${articles} articles in the store (${app.db.kind}); ${stories.ok ? stories.value.length : '?'} stories on ${date}.\n\n`,
  );
  io.out(latest.value.english);
  const shown = (dir: string) => {
    const rel = path.relative(process.cwd(), dir);
    return rel && !rel.startsWith('..') ? rel : dir;
  };
  io.out(`\nWritten: ${shown(latest.value.dir)}/digest.{en,zh}.{md,json}\n`);
  if (earlier.length > 0)
    io.out(
      `Also written, for earlier days these articles count on: ${earlier.map((d) => shown(path.join(run.deps.editionsDir, d))).join(', ')}\n`,
    );
  return 0;
}

function reportModel(io: Io, model: LlmRuntime | null): void {
  if (model) io.err(`${model.description}: ${model.account.report()}\n`);
}

/**
 * The day a digest is asked for: the given one when the store has coverage that day (else
 * not_found, exit 1, as the API's 404 for the same day), or the latest day with coverage.
 * Null when the store has no coverage at all.
 */
export async function editionDay(deps: EditionDeps, asked: string | undefined): Promise<Result<string | null>> {
  if (asked === undefined) return ok(await latestDay(deps));
  const stories = await listStories({ stories: deps.stories }, { date: asked });
  if (!stories.ok) return stories;
  return stories.value.length > 0 ? ok(asked) : fail('not_found', `no coverage on ${asked}, so no digest`, asked);
}

export function editionCommands(program: Command, { withApp, io, setCode }: Wiring): void {
  const report = (f: Failure): number => {
    io.err(`tidings: ${renderFailure(f)}\n`);
    return EXIT_CODES[f.code];
  };
  /** The edition on the app, written by the configured model unless `offline` (and its model, to report on). */
  const withEdition = (
    options: { readonly rubric?: string | undefined; readonly offline?: boolean | undefined },
    fn: (deps: EditionDeps, model: LlmRuntime | null) => Promise<number>,
  ) =>
    withApp(async (app) => {
      const engine = chooseEngine(app.config, { offline: Boolean(options.offline) });
      const deps = await openEdition(app, { rubricPath: options.rubric, engine });
      return deps.ok ? fn(deps.value, engine.model) : report(deps);
    });

  program
    .command('stories')
    .description('stories (articles about one event, across outlets, languages and days), newest first')
    .addOption(dayOption('--date <YYYY-MM-DD>', 'only stories with coverage that day'))
    .option('--json', 'as JSON')
    .action(async (opts: { date?: string; json?: boolean }) =>
      withEdition({}, async (deps) => {
        const stories = await listStories({ stories: deps.stories }, { date: opts.date ?? null });
        if (!stories.ok) return report(stories);
        io.out(opts.json ? `${JSON.stringify(stories.value, null, 2)}\n` : renderStoryList(stories.value));
        return 0;
      }),
    );

  program
    .command('digest')
    .description("the day's digest: one item per story in priority tiers, verified against its sources")
    .addOption(dayOption('--date <YYYY-MM-DD>', 'the day (default: the latest day with coverage)'))
    .addOption(langOption())
    .addOption(formatOption())
    .option('--rubric <file>', 'tier and confidence rubric (YAML); default: the bundled one')
    .option('--offline', 'use the offline engine even when a model is configured')
    .action(async (opts: { date?: string; lang: Face; format: Format; rubric?: string; offline?: boolean }) =>
      withEdition({ rubric: opts.rubric, offline: opts.offline }, async (deps, model) => {
        const day = await editionDay(deps, opts.date);
        if (!day.ok) return report(day);
        const date = day.value;
        if (date === null) {
          io.err('tidings: the store has no articles yet; run `tidings ingest` or `tidings run` first\n');
          return EXIT_CODES.empty_input;
        }
        const digest = await digestFor(deps, date, opts.lang);
        reportModel(io, model);
        if (!digest.ok) return report(digest);
        io.out(opts.format === 'json' ? `${JSON.stringify(digest.value, null, 2)}\n` : renderDigest(digest.value));
        return 0;
      }),
    );

  program
    .command('card')
    .description('the summary card of one article, verified against it')
    .argument('<article>', 'article id (a unique prefix is enough)')
    .addOption(new Option('--lang <lang>', "face (default: the article's language)").choices(['en', 'zh']))
    .addOption(formatOption())
    .option('--offline', 'use the offline engine even when a model is configured')
    .action(async (id: string, opts: { lang?: Face; format: Format; offline?: boolean }) =>
      withEdition({ offline: opts.offline }, async (deps, model) => {
        const card = await cardFor(deps, id, opts.lang ?? null);
        reportModel(io, model);
        if (!card.ok) return report(card);
        io.out(opts.format === 'json' ? `${JSON.stringify(card.value, null, 2)}\n` : renderCard(card.value));
        return 0;
      }),
    );

  program
    .command('post')
    .description('a commentary post on one story: hook, numbered takeaways, credits')
    .argument('<story>', 'story id (or the id of one of its articles)')
    .addOption(langOption())
    .addOption(formatOption())
    .option('--offline', 'use the offline engine even when a model is configured')
    .action(async (id: string, opts: { lang: Face; format: Format; offline?: boolean }) =>
      withEdition({ offline: opts.offline }, async (deps, model) => {
        const post = await postFor(deps, id, opts.lang);
        reportModel(io, model);
        if (!post.ok) return report(post);
        io.out(opts.format === 'json' ? `${JSON.stringify(post.value, null, 2)}\n` : renderPost(post.value));
        return 0;
      }),
    );

  program
    .command('explain')
    .description('why a story got its tier and confidence: publishers, official sources, figures, audiences')
    .argument('<story>', 'story id (or the id of one of its articles)')
    .option('--rubric <file>', 'tier and confidence rubric (YAML)')
    .option('--json', 'the ranking as JSON')
    .action(async (id: string, opts: { rubric?: string; json?: boolean }) =>
      withEdition({ rubric: opts.rubric }, async (deps) => {
        const story = await rankedStoryById(deps, id);
        if (!story.ok) return report(story);
        const { ranking } = story.value.input;
        io.out(
          opts.json
            ? `${JSON.stringify(ranking, null, 2)}\n`
            : renderExplanation(story.value.story.title ?? story.value.story.id, ranking),
        );
        return 0;
      }),
    );

  program
    .command('similar')
    .description('how similar two stored articles are, and why; or the score of each text pair of a CSV (--pairs)')
    .argument('[a]', 'article id')
    .argument('[b]', 'article id')
    .option(
      '--pairs <file>',
      'CSV with a header holding pair_id (or id), text1, text2 and optionally lang1, lang2: one score per pair per line',
    )
    .option('--json', 'with --pairs: one {"id", "score"} JSON object per line')
    .action(async (a: string | undefined, b: string | undefined, opts: { pairs?: string; json?: boolean }) => {
      if (opts.pairs !== undefined) {
        if (a !== undefined) {
          io.err('tidings: [usage_error] give either two article ids or --pairs FILE.csv, not both\n');
          setCode(EXIT_CODES.usage_error);
          return;
        }
        setCode(await similarPairs(opts.pairs, Boolean(opts.json), io));
        return;
      }
      if (a === undefined || b === undefined) {
        io.err('tidings: [usage_error] similar needs two article ids, or --pairs FILE.csv\n');
        setCode(EXIT_CODES.usage_error);
        return;
      }
      if (opts.json) {
        io.err('tidings: [usage_error] --json goes with --pairs\n');
        setCode(EXIT_CODES.usage_error);
        return;
      }
      await withEdition({}, async (deps) => {
        const explained = await explainSimilarity({ articles: deps.articles, stories: deps.stories }, a, b);
        if (!explained.ok) return report(explained);
        io.out(renderSimilarity(explained.value));
        return 0;
      });
    });

  program
    .command('verify')
    .description('check that every quote, figure and name in a digest or card (written by anything) is in its sources')
    .argument('<file>', 'the digest, card or post (text, Markdown or Tidings JSON)')
    .option(
      '--sources <refs...>',
      'source files (text, Markdown, HTML) or stored article ids; default: the articles a Tidings JSON output cites',
    )
    .option('--json', 'the report as JSON')
    .action(async (file: string, opts: { sources?: string[]; json?: boolean }) =>
      withApp(async (app) => {
        const { translations } = storesOf(app);
        const readSource = async (ref: string): Promise<Result<SourceText>> => {
          // "<id>#zh": the other-language side folded into an article, as Tidings' JSON cites it.
          const side = /^(.+)#(en|zh)$/.exec(ref);
          const found = await findArticle({ articles: app.store, translations }, side ? side[1]! : ref);
          if (!found.ok)
            return found.code === 'not_found' ? fail('not_found', `no stored article "${ref}"`, ref) : found;
          const { article, foldedInto } = found.value;
          const texts = sourcesOf([article]);
          if (side) {
            const text = texts.find((t) => t.id === `${article.id}#${side[2]}`);
            return text
              ? ok(text)
              : fail(
                  'not_found',
                  `article ${article.id} has no ${side[2] === 'zh' ? 'Chinese' : 'English'} translation folded into it`,
                  ref,
                );
          }
          return ok(
            foldedInto === null
              ? texts[0]!
              : { ...texts[0]!, label: `${texts[0]!.label} (a translation folded into ${foldedInto})` },
          );
        };
        const sources = opts.sources ?? (await citedArticles(file));
        return verifyCommand(file, sources, { out: io.out, err: io.err, readSource, json: Boolean(opts.json) });
      }),
    );
}

/**
 * `similar --pairs FILE.csv`: each pair's score, one per line ("id<TAB>score", or JSON with
 * --json), in the file's order. Rows that cannot be scored are named on stderr and the others
 * still printed; the exit code is then 1.
 */
async function similarPairs(file: string, json: boolean, io: Io): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const f =
      code === 'ENOENT'
        ? fail('not_found', `${file}: no such file`, file)
        : fail('bad_input', `${file}: cannot be read (${code ?? String(e)})`, file);
    io.err(`tidings: ${renderFailure(f)}\n`);
    return EXIT_CODES[f.code];
  }
  const read = readPairs(text, file);
  if (!read.ok) {
    io.err(`tidings: ${renderFailure(read)}\n`);
    return EXIT_CODES[read.code];
  }
  for (const p of read.value.problems) io.err(`tidings: [bad_input] ${p}\n`);
  for (const { id, score } of scorePairs(read.value.pairs))
    io.out(json ? `${JSON.stringify({ id, score })}\n` : `${id}\t${score.toFixed(3)}\n`);
  if (read.value.pairs.length === 0) io.err(`tidings: [empty_input] ${file}: no pair could be scored\n`);
  return read.value.problems.length > 0 || read.value.pairs.length === 0 ? EXIT_CODES.bad_input : 0;
}

/** The article ids a Tidings JSON output cites (its sources), so `verify out.json` needs no --sources. */
async function citedArticles(file: string): Promise<string[]> {
  try {
    const ids = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === 'articleId' && typeof v === 'string') ids.add(v);
          else walk(v);
        }
      }
    };
    walk(JSON.parse(await readFile(file, 'utf8')));
    return [...ids];
  } catch {
    return [];
  }
}
