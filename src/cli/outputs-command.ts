// `tidings export <story> --platform x|weibo|wechat` and `tidings newsletter`: the post exports
// and the e-mail of the site build (src/publish/outputs), printed to stdout for one story or day.
// They read the edition as `post` and `digest` do (a model when configured, else offline).

import type { Face } from '../article.js';
import { Option, type Command } from 'commander';
import { EXIT_CODES, type Failure } from '../errors.js';
import { digestFor, postFor, rankedStoryById } from '../pipeline/edition.js';
import { newsletterHtml, newsletterText } from '../publish/outputs/newsletter.js';
import { absoluteUrl, sitePaths, storyTopics, type TopicRef } from '../publish/outputs/publish-input.js';
import { wechatArticle } from '../publish/outputs/wechat.js';
import { weiboPost } from '../publish/outputs/weibo.js';
import { xThread, xThreadText } from '../publish/outputs/x-thread.js';
import { DEFAULT_BASE_URL } from '../publish/site/publish-site.js';
import { topicsOf } from '../write/card.js';
import { chooseEngine, type App } from './app.js';
import { editionDay, openEdition } from './edition-commands.js';
import type { Io } from './io.js';
import { renderFailure } from './render.js';
import { dayOption } from './options.js';

interface Wiring {
  withApp(fn: (app: App) => Promise<number>): Promise<void>;
  readonly io: Io;
}

type Platform = 'x' | 'weibo' | 'wechat';

/** The base URL as the outputs need it (absolute http(s), ending in '/'), or null. */
export function normaliseBaseUrl(raw: string | undefined): string | null {
  const value = raw ?? DEFAULT_BASE_URL;
  try {
    const u = new URL(value);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.toString().endsWith('/') ? u.toString() : `${u.toString()}/`;
  } catch {
    return null;
  }
}

export function outputsCommand(program: Command, { withApp, io }: Wiring): void {
  const report = (f: Failure): number => {
    io.err(`tidings: ${renderFailure(f)}\n`);
    return EXIT_CODES[f.code];
  };
  // Usage is checked before the store opens (opening it takes seconds): commander's error exits 2.
  const baseUrlOf = (raw: string | undefined, cmd: Command): string => {
    const base = normaliseBaseUrl(raw);
    if (base === null)
      cmd.error(`tidings: --base-url "${raw}" is not an http(s) URL (e.g. ${DEFAULT_BASE_URL})`, {
        exitCode: EXIT_CODES.config_error,
      });
    return base!;
  };

  program
    .command('export')
    .description(
      "a story's commentary post for one platform: an X thread (posts of at most 280), a Weibo post (at most 2,000 characters), a WeChat article",
    )
    .argument('<story>', 'story id (or the id of one of its articles)')
    .addOption(
      new Option('--platform <platform>', 'where it will be posted')
        .choices(['x', 'weibo', 'wechat'])
        .makeOptionMandatory(),
    )
    .addOption(new Option('--lang <lang>', 'face (X: en or zh; Weibo and WeChat are Chinese)').choices(['en', 'zh']))
    .option('--base-url <url>', `the site's public address, for the link to the story (default ${DEFAULT_BASE_URL})`)
    .option('--offline', 'use the offline engine even when a model is configured')
    .action(
      async (
        id: string,
        opts: { platform: Platform; lang?: Face; baseUrl?: string; offline?: boolean },
        cmd: Command,
      ) => {
        const face: Face = opts.lang ?? (opts.platform === 'x' ? 'en' : 'zh');
        if (opts.platform !== 'x' && face !== 'zh')
          cmd.error(`tidings: --platform ${opts.platform} is written from the Chinese face; drop --lang en`, {
            exitCode: EXIT_CODES.config_error,
          });
        const baseUrl = baseUrlOf(opts.baseUrl, cmd);
        return withApp(async (app) => {
          const engine = chooseEngine(app.config, { offline: Boolean(opts.offline) });
          const deps = await openEdition(app, { engine });
          if (!deps.ok) return report(deps);
          const story = await rankedStoryById(deps.value, id);
          if (!story.ok) return report(story);
          const storyId = story.value.input.storyId;
          const model = engine.model;
          const post = await postFor(deps.value, storyId, face);
          if (model) io.err(`${model.description}: ${model.account.report()}\n`);
          if (!post.ok) return report(post);
          const url = absoluteUrl(baseUrl, sitePaths.story(face, storyId));
          switch (opts.platform) {
            case 'x': {
              const thread = xThread(post.value, face, url);
              for (const s of thread.forcedCuts)
                io.err(
                  `tidings: a quoted phrase or figure longer than one post was cut by characters: "${s.slice(0, 60)}…"\n`,
                );
              io.out(xThreadText(thread));
              return 0;
            }
            case 'weibo': {
              const topics = new Map<string, TopicRef>();
              for (const a of story.value.input.articles)
                for (const t of storyTopics(topicsOf(a, 'en'), topicsOf(a, 'zh')))
                  if (!topics.has(t.slug)) topics.set(t.slug, t);
              const weibo = weiboPost(post.value, [...topics.values()], url);
              if (weibo.cutAt)
                io.err(
                  `tidings: over 2,000 characters; cut before "${weibo.cutAt.slice(0, 30)}…" (the post says so and links the story)\n`,
                );
              io.out(`${weibo.text}\n`);
              return 0;
            }
            case 'wechat':
              io.out(wechatArticle(post.value, url));
              return 0;
          }
        });
      },
    );

  program
    .command('newsletter')
    .description(
      "the day's digest as an e-mail: HTML (table layout, inline styles, absolute links) or its plain-text alternative",
    )
    .addOption(dayOption('--date <YYYY-MM-DD>', 'the day (default: the latest day with coverage)'))
    .addOption(new Option('--lang <lang>', 'face').choices(['en', 'zh']).default('en'))
    .addOption(
      new Option('--format <format>', 'HTML or the plain-text alternative').choices(['html', 'text']).default('html'),
    )
    .option('--base-url <url>', `the site's public address, for links (default ${DEFAULT_BASE_URL})`)
    .option('--offline', 'use the offline engine even when a model is configured')
    .action(
      async (
        opts: { date?: string; lang: Face; format: 'html' | 'text'; baseUrl?: string; offline?: boolean },
        cmd: Command,
      ) => {
        const baseUrl = baseUrlOf(opts.baseUrl, cmd);
        return withApp(async (app) => {
          const engine = chooseEngine(app.config, { offline: Boolean(opts.offline) });
          const deps = await openEdition(app, { engine });
          if (!deps.ok) return report(deps);
          const day = await editionDay(deps.value, opts.date);
          if (!day.ok) return report(day);
          const date = day.value;
          if (date === null) {
            io.err('tidings: the store has no articles yet; run `tidings ingest` or `tidings run` first\n');
            return EXIT_CODES.empty_input;
          }
          const model = engine.model;
          const digest = await digestFor(deps.value, date, opts.lang);
          if (model) io.err(`${model.description}: ${model.account.report()}\n`);
          if (!digest.ok) return report(digest);
          const options = { baseUrl };
          io.out(
            opts.format === 'text'
              ? newsletterText(digest.value, opts.lang, options)
              : newsletterHtml(digest.value, opts.lang, options),
          );
          return 0;
        });
      },
    );
}
