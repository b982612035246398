// The exports and the newsletter over real writer output: the end-to-end fixture corpus
// (test/fixtures/e2e) through the offline engine, every story in both faces.

import { escapeText } from '../../text/escape.js';
import type { Face } from '../../article.js';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildE2eEdition, E2E_DATES, type E2eEdition } from '../../../test/support/e2e-edition.js';
import { digestFor, postFor } from '../../pipeline/edition.js';
import { listStories } from '../../stories/assign.js';
import { parseFigures } from '../../understand/figures.js';
import type { Post } from '../../write/schemas.js';
import { newsletterHtml, newsletterText } from './newsletter.js';
import { weiboLength, xWeight } from './platform-text.js';
import { wechatArticle } from './wechat.js';
import { WEIBO_LIMIT, weiboPost } from './weibo.js';
import { X_LIMIT, xThread } from './x-thread.js';

const BASE = 'http://127.0.0.1:8080/';

function figuresAndQuotes(post: Post): string[] {
  const texts = [post.hook, ...post.takeaways, post.closing];
  return [
    ...new Set(
      texts.flatMap((t) => [
        ...parseFigures(t).map((f) => t.slice(f.start, f.end)),
        ...[...t.matchAll(/“[^”]*”/g)].map((m) => m[0]),
      ]),
    ),
  ];
}

describe('exports of the end-to-end corpus keep every figure and quote', () => {
  let edition: E2eEdition;
  const posts: Array<{ storyId: string; face: Face; post: Post }> = [];
  before(async () => {
    edition = await buildE2eEdition();
    const stories = await listStories({ stories: edition.deps.stories });
    assert.ok(stories.ok);
    for (const s of stories.value) {
      for (const face of ['en', 'zh'] as const) {
        const post = await postFor(edition.deps, s.id, face);
        assert.ok(post.ok, post.ok ? '' : post.message);
        posts.push({ storyId: s.id, face, post: post.value });
      }
    }
  });
  after(() => edition.close());

  it('has stories to check', () => assert.ok(posts.length >= 4, `${posts.length} posts`));

  it('X threads: every post within 280, numbered, every figure and quote whole in one post', () => {
    for (const { storyId, face, post } of posts) {
      const { posts: thread, forcedCuts } = xThread(post, face, `${BASE}${face}/stories/${storyId}.html`);
      assert.deepEqual(forcedCuts, [], storyId);
      thread.forEach((p, i) => {
        assert.ok(xWeight(p) <= X_LIMIT, `${storyId} ${face} post ${i + 1}: ${xWeight(p)}`);
        assert.ok(p.startsWith(`${i + 1}/${thread.length} `));
      });
      for (const kept of figuresAndQuotes(post))
        assert.ok(
          thread.some((p) => p.includes(kept)),
          `${storyId} ${face}: "${kept}"`,
        );
    }
  });

  it('Weibo posts: within 2,000, figures and quotes kept (nothing is cut at this length)', () => {
    for (const { storyId, face, post } of posts.filter((p) => p.face === 'zh')) {
      const w = weiboPost(post, [], `${BASE}${face}/stories/${storyId}.html`);
      assert.ok(weiboLength(w.text) <= WEIBO_LIMIT);
      assert.equal(w.cutAt, null);
      for (const kept of figuresAndQuotes(post)) assert.ok(w.text.includes(kept), `${storyId}: "${kept}"`);
    }
  });

  it('WeChat articles: figures and quotes kept, escaped', () => {
    for (const { storyId, face, post } of posts.filter((p) => p.face === 'zh')) {
      const html = wechatArticle(post, `${BASE}${face}/stories/${storyId}.html`);
      for (const kept of figuresAndQuotes(post)) assert.ok(html.includes(escapeText(kept)), `${storyId}: "${kept}"`);
    }
  });

  it('newsletters: every headline and figure of the digest, in HTML and text', async () => {
    for (const date of E2E_DATES) {
      for (const face of ['en', 'zh'] as const) {
        const digest = await digestFor(edition.deps, date, face);
        assert.ok(digest.ok);
        const html = newsletterHtml(digest.value, face, { baseUrl: BASE });
        const text = newsletterText(digest.value, face, { baseUrl: BASE });
        for (const item of digest.value.tiers.flatMap((t) => t.items)) {
          assert.ok(
            html.includes(escapeText(item.headline)) && text.includes(item.headline.replace(/\s+/g, ' ').trim()),
            item.headline,
          );
          for (const f of parseFigures(item.keyPoints.lead)) {
            const surface = item.keyPoints.lead.slice(f.start, f.end);
            assert.ok(html.includes(escapeText(surface)) && text.includes(surface), surface);
          }
        }
      }
    }
  });
});
