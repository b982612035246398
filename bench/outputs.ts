// Feeds, newsletters and post exports at the scale of the issue (30 days of 20 stories, both
// faces): render time and bytes per kind. Then the choice of writing the feed XML by hand, side by
// side with feedsmith's generator on the same daily RSS feed: time, size, and how many titles
// (hostile ones included) our own feed reader reads back exactly.
//   node --import tsx bench/outputs.ts [--days 30] [--stories 20]

import { performance } from 'node:perf_hooks';
import { generateRssFeed } from 'feedsmith';
import { dailyFeedSpec, rssFeed, type FeedSpec } from '../src/publish/outputs/feeds.js';
import { HOSTILE, makeDigest, makeItem, makePost } from '../src/publish/outputs/outputs.fixture.js';
import { storyTopics, type PublishInput } from '../src/publish/outputs/publish-input.js';
import { renderOutputs } from '../src/publish/outputs/write-outputs.js';
import { parseFeed } from '../src/sources/feed.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const DAYS = arg('days', 30);
const STORIES = arg('stories', 20);
const TOPICS = ['Anthropic', 'OpenAI', 'data centers', 'chips', 'funding', 'open models'];
const TITLES = [
  'Brightline leases Ohio to Anthropic',
  HOSTILE,
  'A & B <merge> "quoted"',
  'Title with ]]> inside',
  '数据中心 150MW 协议',
  'Long '.repeat(100).trim(),
];

function input(): PublishInput {
  const days: PublishInput['days'] = [];
  const posts: PublishInput['posts'] = [];
  for (let d = 0; d < DAYS; d++) {
    const date = new Date(Date.UTC(2026, 4, 30 - d)).toISOString().slice(0, 10);
    const ids = Array.from({ length: STORIES }, (_, s) => `d${d}s${s}`);
    days.push({
      date,
      digest: {
        en: makeDigest(
          'en',
          date,
          ids.map((id, s) => makeItem('en', id, TITLES[s % TITLES.length]!)),
        ),
        zh: makeDigest(
          'zh',
          date,
          ids.map((id, s) => makeItem('zh', id, TITLES[(s + 4) % TITLES.length]!)),
        ),
      },
    });
    ids.forEach((id, s) => {
      const t = [TOPICS[s % TOPICS.length]!, TOPICS[(s + d) % TOPICS.length]!];
      posts.push({
        storyId: id,
        date,
        post: { en: makePost('en', id), zh: makePost('zh', id) },
        topics: storyTopics(t, t),
      });
    });
  }
  return { baseUrl: 'http://127.0.0.1:8080/', generatedAt: `${days[0]!.date}T12:00:00Z`, days, posts };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time<T>(runs: number, fn: () => T): { ms: number; value: T } {
  let value!: T;
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = fn();
    ms.push(performance.now() - t0);
  }
  return { ms: median(ms), value };
}

const data = input();
console.log(
  `Outputs for ${DAYS} days x ${STORIES} stories (${data.posts.length} stories, both faces); median of 5 runs`,
);
const all = time(5, () => renderOutputs(data));
const kinds = new Map<string, { files: number; bytes: number; max: number }>();
for (const f of all.value.files) {
  const kind = f.path.startsWith('feeds/')
    ? f.path.includes('/topics/')
      ? 'topic feed'
      : 'daily feed'
    : f.path.startsWith('newsletter/')
      ? f.path.endsWith('.txt')
        ? 'newsletter text'
        : 'newsletter html'
      : `export ${f.path
          .split('/')
          .pop()!
          .replace(/^x\.(en|zh)\.txt$/, 'x thread')}`;
  const k = kinds.get(kind) ?? { files: 0, bytes: 0, max: 0 };
  const bytes = Buffer.byteLength(f.content);
  kinds.set(kind, { files: k.files + 1, bytes: k.bytes + bytes, max: Math.max(k.max, bytes) });
}
console.log(`render all: ${all.ms.toFixed(0)} ms for ${all.value.files.length} files`);
console.log(`  ${'kind'.padEnd(18)} ${'files'.padStart(6)} ${'total KB'.padStart(10)} ${'max KB'.padStart(8)}`);
for (const [k, v] of [...kinds].sort())
  console.log(
    `  ${k.padEnd(18)} ${String(v.files).padStart(6)} ${(v.bytes / 1024).toFixed(1).padStart(10)} ${(v.max / 1024).toFixed(1).padStart(8)}`,
  );

/** The same spec through feedsmith's RSS generator. */
function feedsmithRss(spec: FeedSpec): string {
  return generateRssFeed({
    title: spec.title,
    link: spec.siteUrl,
    description: spec.description,
    language: 'en',
    items: spec.entries.map((e) => ({
      title: e.title,
      link: e.link,
      guid: { value: e.link, isPermaLink: true },
      pubDate: new Date(`${e.published}T00:00:00Z`),
      description: e.summary ?? e.title,
      content: { encoded: e.html },
    })),
  } as never);
}

// Feed titles of the comparison: each entry titled with one of TITLES (the daily feed's own
// titles are dates, which every writer gets right).
const base = dailyFeedSpec(data, 'en');
const spec: FeedSpec = { ...base, entries: base.entries.map((e, i) => ({ ...e, title: TITLES[i % TITLES.length]! })) };
const expected = spec.entries.map((e) =>
  e.title
    .replace(/[\u0001\u0008\ufffe]/g, '')
    .replace(/\s+/g, ' ')
    .trim(),
);
console.log(
  `\nDaily RSS feed (${spec.entries.length} entries, titles incl. markup, "]]>", controls, emoji, RTL), median of 20 runs:`,
);
console.log(
  `  ${'writer'.padEnd(22)} ${'ms'.padStart(7)} ${'KB'.padStart(7)} ${'titles read back exactly'.padStart(26)}`,
);
for (const [name, write] of [
  ['hand-written (ours)', rssFeed],
  ['feedsmith generateRssFeed', feedsmithRss],
] as const) {
  const r = time(20, () => write(spec));
  const parsed = parseFeed(r.value, { name });
  const exact = parsed.ok ? parsed.value.items.filter((it, i) => it.title === expected[i]).length : 0;
  console.log(
    `  ${name.padEnd(22)} ${r.ms.toFixed(2).padStart(7)} ${(Buffer.byteLength(r.value) / 1024).toFixed(1).padStart(7)} ${`${exact}/${spec.entries.length}${parsed.ok ? '' : ' (unreadable)'}`.padStart(26)}`,
  );
}
