// The feeds, newsletter and exports (src/publish/outputs) read the same edition as the pages: this
// turns the site's records into their PublishInput. Pure; the clock is the edition's own latest
// activity, so a rebuild of the same store writes the same feeds.

import type { PublishInput, PublishedStory, TopicRef } from '../outputs/publish-input.js';
import { articleTopics } from './build-site.js';
import type { SiteInput } from './site-input.js';

export function publishInputOf(input: SiteInput, baseUrl: string): PublishInput {
  const topicsByStory = new Map<string, Map<string, TopicRef>>();
  for (const a of input.articles) {
    if (!a.storyId) continue;
    const refs = topicsByStory.get(a.storyId) ?? new Map<string, TopicRef>();
    for (const ref of articleTopics(a)) if (!refs.has(ref.slug)) refs.set(ref.slug, ref);
    topicsByStory.set(a.storyId, refs);
  }
  const posts: PublishedStory[] = [];
  for (const s of input.stories) {
    if (!s.post.en || !s.post.zh) continue;
    posts.push({
      storyId: s.story.id,
      date: s.days[0] ?? s.story.lastActive,
      post: { en: s.post.en, zh: s.post.zh },
      topics: [...(topicsByStory.get(s.story.id)?.values() ?? [])],
    });
  }
  const latest = input.stories.reduce((max, s) => (s.story.lastActive > max ? s.story.lastActive : max), '');
  return {
    baseUrl: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`,
    generatedAt: latest || (input.days[0] ? `${input.days[0].date}T23:59:59.000Z` : '1970-01-01T00:00:00.000Z'),
    days: input.days.map((d) => ({ date: d.date, digest: { en: d.digest.en, zh: d.digest.zh } })),
    posts,
    ...(input.siteName ? { siteName: input.siteName } : {}),
  };
}
