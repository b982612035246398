import { FACES } from '../../article.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFeed } from '../../sources/feed.js';
import { stripMarkup } from '../../sources/strip-markup.js';
import { validateAtom, validateJsonFeed, validateRss } from './feed-validator.js';
import { atomFeed, dailyFeedSpec, FEED_LIMIT, jsonFeed, rssFeed, topicFeedSpecs, type FeedSpec } from './feeds.js';
import { HOSTILE, makeDigest, makeInput, makeItem } from './outputs.fixture.js';
import { topicSlug, type PublishInput } from './publish-input.js';

const FORMATS = [
  { name: 'RSS 2.0', render: rssFeed, validate: validateRss, format: 'rss2' },
  { name: 'Atom', render: atomFeed, validate: validateAtom, format: 'atom' },
  { name: 'JSON Feed', render: jsonFeed, validate: validateJsonFeed, format: 'jsonfeed' },
] as const;

const collapse = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

function allSpecs(input: PublishInput): Array<{ label: string; spec: FeedSpec }> {
  return FACES.flatMap((face) => [
    { label: `daily ${face}`, spec: dailyFeedSpec(input, face) },
    ...topicFeedSpecs(input, face).map(({ topic, spec }) => ({ label: `topic ${topic.slug} ${face}`, spec })),
  ]);
}

describe('feeds: valid against their specifications', () => {
  const input = makeInput();
  for (const { label, spec } of allSpecs(input)) {
    for (const f of FORMATS) {
      it(`${f.name}, ${label}`, () => assert.deepEqual(f.validate(f.render(spec)), []));
    }
  }
  const empty: PublishInput = { ...input, days: [], posts: [] };
  for (const f of FORMATS)
    it(`${f.name} with no entries`, () => assert.deepEqual(f.validate(f.render(dailyFeedSpec(empty, 'en'))), []));
});

describe('feeds: the validator catches what the specifications require', () => {
  const spec = dailyFeedSpec(makeInput(), 'en');
  const cases: Array<{ name: string; validate: (s: string) => string[]; doc: string; expect: RegExp }> = [
    {
      name: 'RSS pubDate in ISO form',
      validate: validateRss,
      doc: rssFeed(spec).replace(/<pubDate>[^<]*</, '<pubDate>2026-05-10T00:00:00Z<'),
      expect: /pubDate .* not RFC 822/,
    },
    {
      name: 'RSS channel without description',
      validate: validateRss,
      doc: rssFeed(spec).replace(/<description>[^<]*<\/description>/, ''),
      expect: /channel has no <description>/,
    },
    {
      name: 'RSS without atom:link self',
      validate: validateRss,
      doc: rssFeed(spec).replace(/<atom:link[^>]*\/>/, ''),
      expect: /atom:link rel="self"/,
    },
    {
      name: 'RSS with a control character',
      validate: validateRss,
      doc: rssFeed(spec).replace('<title>', '<title>\u0001'),
      expect: /XML 1\.0 forbids/,
    },
    {
      name: 'RSS not well-formed',
      validate: validateRss,
      doc: rssFeed(spec).replace('</title>', ''),
      expect: /not well-formed/,
    },
    {
      name: 'Atom updated in RFC 822',
      validate: validateAtom,
      doc: atomFeed(spec).replace(/<updated>[^<]*</, '<updated>Sun, 10 May 2026 00:00:00 GMT<'),
      expect: /feed updated .* not RFC 3339/,
    },
    {
      name: 'Atom entry without id',
      validate: validateAtom,
      doc: atomFeed(spec).replace(/<entry>\n\s*<id>[^<]*<\/id>/, '<entry>'),
      expect: /entry 1 id/,
    },
    {
      name: 'Atom without xml:lang',
      validate: validateAtom,
      doc: atomFeed(spec).replace(/ xml:lang="[^"]*"/, ''),
      expect: /xml:lang/,
    },
    {
      name: 'Atom without any author',
      validate: validateAtom,
      doc: atomFeed(spec).replace(/<author>.*<\/author>/, ''),
      expect: /no author/,
    },
    {
      name: 'JSON Feed 1.0 version',
      validate: validateJsonFeed,
      doc: jsonFeed(spec).replace('version/1.1', 'version/1'),
      expect: /version/,
    },
    {
      name: 'JSON Feed item date in RFC 822',
      validate: validateJsonFeed,
      doc: jsonFeed(spec).replace(/"date_published": "[^"]*"/, '"date_published": "Sun, 10 May 2026 00:00:00 GMT"'),
      expect: /item 1 date_published/,
    },
  ];
  for (const c of cases) it(c.name, () => assert.match(c.validate(c.doc).join('\n'), c.expect));
});

describe('feeds: read back by our own feed reader (src/sources/feed.ts)', () => {
  const input = makeInput();
  for (const { label, spec } of allSpecs(input)) {
    for (const f of FORMATS) {
      it(`${f.name}, ${label}: same entries`, () => {
        const parsed = parseFeed(f.render(spec), { name: label, baseUrl: spec.urls.rss });
        assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
        const feed = parsed.value;
        assert.equal(feed.format, f.format);
        assert.deepEqual(feed.problems, []);
        assert.equal(feed.items.length, spec.entries.length);
        spec.entries.forEach((entry, i) => {
          const item = feed.items[i]!;
          assert.equal(item.url, entry.link);
          assert.equal(item.guid, entry.link);
          assert.equal(
            item.published,
            new Date(/T/.test(entry.published) ? entry.published : `${entry.published}T00:00:00Z`).toISOString(),
          );
          assert.equal(item.contentHtml, entry.html);
          // JSON Feed titles are plain text by its specification; our reader still strips markup
          // from them (publishers put HTML there), so a title with tags reads back without them.
          const title = f.format === 'jsonfeed' ? stripMarkup(collapse(entry.title)) : collapse(entry.title);
          assert.equal(item.title, title);
        });
      });
    }
  }
});

describe('feeds: hostile text comes out well-formed and escaped', () => {
  const input = makeInput();
  const spec = topicFeedSpecs(input, 'en').find((t) => t.topic.slug === 'anthropic')!.spec;
  for (const f of FORMATS) {
    it(`${f.name}`, () => {
      const doc = f.render(spec);
      assert.deepEqual(f.validate(doc), []);
      if (f.format === 'jsonfeed') {
        // JSON Feed titles are plain text: the characters stay as they are, JSON quotes them, and
        // no markup exists outside content_html, whose escaping is checked below.
        const feed = JSON.parse(doc) as { items: Array<{ title: string; content_html: string }> };
        assert.equal(feed.items[0]!.title, HOSTILE.replace(/[\u0001\u0008\ufffe]/g, ''));
        assert.ok(!feed.items.some((i) => i.content_html.includes('<script')));
      } else assert.ok(!doc.includes('<script'), 'no live script tag');
      assert.ok(!/[\u0001\u0008\ufffe]/.test(doc), 'illegal controls dropped');
      assert.ok(doc.includes('🚀🤖') && doc.includes('مرحبا بالعالم'), 'emoji and RTL text kept');
      const item = (
        parseFeed(doc, { name: f.name }) as {
          ok: true;
          value: { items: Array<{ title: string | null; contentHtml: string | null }> };
        }
      ).value.items[0]!;
      if (f.format !== 'jsonfeed')
        assert.ok(
          item.title!.includes('</title><script>alert(1)</script> & ]]>'),
          `title read back as text: ${item.title}`,
        );
      assert.ok(!/<script/i.test(item.contentHtml!), 'content HTML carries no script element');
    });
  }
  for (const f of FORMATS) {
    it(`${f.name}: entry HTML holding "]]>" and a control character reads back exactly`, () => {
      const spec = dailyFeedSpec(input, 'en');
      const html = '<p>a ]]> b ]]]]> c\u0001</p>';
      const doc = f.render({ ...spec, entries: [{ ...spec.entries[0]!, html }] });
      assert.deepEqual(f.validate(doc), []);
      const parsed = parseFeed(doc, { name: f.name });
      assert.ok(parsed.ok);
      assert.equal(parsed.value.items[0]!.contentHtml, '<p>a ]]> b ]]]]> c</p>');
    });
  }
  it('the daily digest content escapes the headline inside its HTML', () => {
    const html = dailyFeedSpec(input, 'en').entries[0]!.html;
    assert.ok(html.includes('&lt;/title&gt;&lt;script&gt;'));
    assert.ok(!html.includes('<script'));
  });
});

describe('feeds: order, bounds and links', () => {
  const days = Array.from({ length: 40 }, (_, i) => {
    const date = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
    return {
      date,
      digest: {
        en: makeDigest('en', date, [makeItem('en', `s${i}`, `Story ${i}`)]),
        zh: makeDigest('zh', date, [makeItem('zh', `s${i}`, `报道 ${i}`)]),
      },
    };
  });
  const input: PublishInput = { ...makeInput(), days };
  const cases = [
    { name: 'newest first though given oldest first', days: days, first: days[39]!.date },
    { name: 'newest first given newest first', days: [...days].reverse(), first: days[39]!.date },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const spec = dailyFeedSpec({ ...input, days: c.days }, 'zh');
      assert.equal(spec.entries.length, FEED_LIMIT);
      assert.equal(spec.entries[0]!.link, `http://127.0.0.1:8080/zh/days/${c.first}.html`);
      assert.equal(spec.updated, c.first);
      const dates = spec.entries.map((e) => e.published);
      assert.deepEqual(dates, [...dates].sort().reverse());
    });
  }
  const updates = [
    {
      name: 'built during the newest day: that day is updated at the build time',
      generatedAt: '2026-05-10T06:00:00Z',
      newest: '2026-05-10T06:00:00Z',
      older: '2026-05-09',
    },
    {
      name: 'built on a later day: entries keep their days',
      generatedAt: '2026-05-12T01:00:00Z',
      newest: '2026-05-10',
      older: '2026-05-09',
    },
  ];
  for (const u of updates) {
    it(u.name, () => {
      const spec = dailyFeedSpec({ ...makeInput(), generatedAt: u.generatedAt }, 'en');
      assert.equal(spec.entries[0]!.updated, u.newest);
      assert.equal(spec.entries[1]!.updated, u.older);
      assert.equal(spec.updated, u.newest);
      assert.deepEqual(validateAtom(atomFeed(spec)), []);
      assert.deepEqual(validateJsonFeed(jsonFeed(spec)), []);
    });
  }
  it('topic feeds hold the stories of their topic, linked to their story pages', () => {
    const topics = topicFeedSpecs(makeInput(), 'zh');
    assert.deepEqual(
      topics.map((t) => t.topic.slug),
      ['anthropic', 'data-centers'],
    );
    assert.deepEqual(
      topics[0]!.spec.entries.map((e) => e.link),
      ['http://127.0.0.1:8080/zh/stories/s0.html', 'http://127.0.0.1:8080/zh/stories/s1.html'],
    );
    assert.deepEqual(
      topics[1]!.spec.entries.map((e) => e.link),
      ['http://127.0.0.1:8080/zh/stories/s0.html'],
    );
    assert.equal(topics[1]!.spec.title, 'Tidings：数据中心');
    assert.equal(topics[1]!.spec.urls.atom, 'http://127.0.0.1:8080/feeds/zh/topics/data-centers.atom.xml');
  });
});

describe('topicSlug', () => {
  const cases = [
    { name: 'English words', input: 'Data Centers', expected: 'data-centers' },
    { name: 'accents folded', input: 'Mistral Élan', expected: 'mistral-elan' },
    { name: 'punctuation collapsed', input: '  GPT-5 / o3!! ', expected: 'gpt-5-o3' },
    { name: 'markup is not a path', input: '../<script>', expected: 'script' },
  ];
  for (const c of cases) it(c.name, () => assert.equal(topicSlug(c.input), c.expected));
  it('a Chinese-only name gets a stable hashed slug', () => {
    assert.match(topicSlug('数据中心'), /^t-[0-9a-z]+$/);
    assert.equal(topicSlug('数据中心'), topicSlug('数据中心'));
    assert.notEqual(topicSlug('数据中心'), topicSlug('大模型'));
  });
});
