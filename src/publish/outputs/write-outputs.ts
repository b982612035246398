// The thin I/O edge of the outputs: renders feeds, newsletters and post exports with the pure
// functions beside it and writes them under the site directory. One bad story or day is skipped
// (named in the failure list) and never stops the others.

import { FACES } from '../../article.js';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../errors.js';
import { atomFeed, dailyFeedSpec, jsonFeed, rssFeed, topicFeedSpecs, type FeedSpec } from './feeds.js';
import { newsletterHtml, newsletterText } from './newsletter.js';
import { absoluteUrl, isSafeId, sitePaths, type PublishInput } from './publish-input.js';
import { wechatArticle } from './wechat.js';
import { weiboPost } from './weibo.js';
import { xThread, xThreadText } from './x-thread.js';

export type { PublishInput } from './publish-input.js';

/** Every output file as (site-relative path, content); pure, so tests and `tidings build` share it. */
export function renderOutputs(input: PublishInput): {
  files: Array<{ path: string; content: string }>;
  skipped: string[];
} {
  const files: Array<{ path: string; content: string }> = [];
  const skipped: string[] = [];
  const feedFiles = (dir: string, stem: string, spec: FeedSpec): void => {
    files.push({ path: `${dir}/${stem}rss.xml`, content: rssFeed(spec) });
    files.push({ path: `${dir}/${stem}atom.xml`, content: atomFeed(spec) });
    files.push({ path: `${dir}/${stem}feed.json`, content: jsonFeed(spec) });
  };
  for (const face of FACES) {
    feedFiles(`feeds/${face}`, '', dailyFeedSpec(input, face));
    for (const { topic, spec } of topicFeedSpecs(input, face)) {
      if (!isSafeId(topic.slug)) {
        if (face === 'en') skipped.push(`topic "${topic.slug}": the slug is not a safe file name`);
        continue;
      }
      feedFiles(`feeds/${face}/topics`, `${topic.slug}.`, spec);
    }
  }
  const options = { baseUrl: input.baseUrl, ...(input.siteName ? { siteName: input.siteName } : {}) };
  for (const { date, digest } of input.days) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      skipped.push(`day "${date}": not a YYYY-MM-DD date`);
      continue;
    }
    for (const face of FACES) {
      files.push({ path: `newsletter/${date}.${face}.html`, content: newsletterHtml(digest[face], face, options) });
      files.push({ path: `newsletter/${date}.${face}.txt`, content: newsletterText(digest[face], face, options) });
    }
  }
  for (const story of input.posts) {
    if (!isSafeId(story.storyId)) {
      skipped.push(`story "${story.storyId}": the id is not a safe directory name`);
      continue;
    }
    const dir = `exports/${story.storyId}`;
    for (const face of FACES) {
      const url = absoluteUrl(input.baseUrl, sitePaths.story(face, story.storyId));
      files.push({ path: `${dir}/x.${face}.txt`, content: xThreadText(xThread(story.post[face], face, url)) });
    }
    const zhUrl = absoluteUrl(input.baseUrl, sitePaths.story('zh', story.storyId));
    files.push({ path: `${dir}/weibo.txt`, content: `${weiboPost(story.post.zh, story.topics ?? [], zhUrl).text}\n` });
    files.push({ path: `${dir}/wechat.html`, content: wechatArticle(story.post.zh, zhUrl) });
  }
  return { files, skipped };
}

/**
 * Writes every output under outDir; returns the site-relative paths written. A day or story that
 * cannot be written (an id unsafe as a file name) is skipped and named through onSkip.
 */
export async function writeOutputs(
  outDir: string,
  input: PublishInput,
  onSkip: (message: string) => void = () => {},
): Promise<Result<string[]>> {
  if (!/^https?:\/\/.+\/$/.test(input.baseUrl)) {
    return fail(
      'bad_input',
      `base URL "${input.baseUrl}" must be an absolute http(s) URL ending with "/"`,
      input.baseUrl,
    );
  }
  const { files, skipped } = renderOutputs(input);
  skipped.forEach(onSkip);
  try {
    for (const f of files) {
      const target = path.join(outDir, ...f.path.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, f.content);
    }
  } catch (e) {
    return fail('internal_error', `${outDir}: could not write the outputs: ${(e as Error).message}`, outDir);
  }
  return ok(files.map((f) => f.path));
}
