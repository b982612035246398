import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { writeCard } from './card.js';
import { writeDigest } from './digest.js';
import { writeDigestItem } from './digest-item.js';
import { renderCard, renderDigest, renderPost } from './markdown.js';
import { outputFields } from './output-fields.js';
import { writePost } from './post.js';
import { cardSchema, digestSchema, jsonSchemas, postSchema, type ProvenanceEntry } from './schemas.js';
import { inFaceLanguage } from './slot-check.js';
import type { ArticleWithSightings, Face } from '../article.js';
import {
  BRIGHTLINE_NEWS,
  BRIGHTLINE_OFFICIAL,
  BRIGHTLINE_ZH,
  BRIGHTLINE_ZH_MISQUOTE,
  brightlineStory,
  soloStory,
} from './story.fixture.js';

const ALL = [BRIGHTLINE_OFFICIAL, BRIGHTLINE_NEWS, BRIGHTLINE_ZH, BRIGHTLINE_ZH_MISQUOTE];
const byId = new Map<string, ArticleWithSightings>(ALL.map((a) => [a.id, a]));
const HAN = /\p{Script=Han}/u;

/** Every extract entry's spans, sliced from the article, make up the field's text unchanged. */
function assertExtractsVerbatim(
  output: { provenance: ProvenanceEntry[] },
  fields: Array<{ path: string; text: string }>,
): void {
  for (const entry of output.provenance.filter((p) => p.kind === 'extract')) {
    const field = fields.find((f) => f.path === entry.path || f.path.endsWith(`.${entry.path}`));
    assert.ok(field, `a field for ${entry.path}`);
    for (const span of entry.spans) {
      const article = byId.get(span.articleId) ?? soloStory().articles[0]!;
      const slice = article.text.slice(span.start, span.end);
      assert.ok(field.text.includes(slice), `${entry.path} contains its source sentence "${slice}"`);
    }
  }
}

const GOLDEN_SOLO_EN = [
  '# 2026-05-09 AI Summary',
  '',
  '1 update',
  '',
  '## 🟠 L2 - Important Updates',
  '',
  '### Quillmark measures memory use across 6 open models — a single source so far L2',
  '',
  'Confidence: Low',
  '',
  'Key Points: Quillmark Lab published a benchmark on Thursday that measures peak memory across 6 open models during long conversations. In detail: (1) The largest model needed 3x the memory of the smallest at the same context length. (2) Memory, not arithmetic, is the limit for long contexts.',
  '',
  'Impact: For Researchers: Researchers following Quillmark have a new result to examine.',
  '',
  '#### Detailed Analysis',
  '',
  '##### Trade-offs',
  '',
  'Pros:',
  '',
  '- A primary source: published directly by Quillmark Lab Notes.',
  '',
  'Cons:',
  '',
  '- Only one source so far (Quillmark Lab Notes); nothing else confirms it yet.',
  '',
  '#### Quick Start (5-15 minutes)',
  '',
  '1. Read Quillmark Lab Notes\' report "Quillmark measures memory use across 6 open models": https://b1-solo.example/story',
  "2. Before comparing the results with others, check how they were measured (method, data, setup) in Quillmark Lab Notes' report.",
  '3. Look for independent coverage before relying on it: only Quillmark Lab Notes reports it so far.',
  '',
  '#### Recommendation',
  '',
  'Treat this as unconfirmed until another source or an official statement appears. Why low: a single source so far; published by its authors, Quillmark Lab Notes. Researchers should go to the primary source for the method and the numbers.',
  '',
  'Sources: [Quillmark Lab Notes](https://b1-solo.example/story) (Research)',
  '',
].join('\n');

describe('digest', () => {
  it('same input, same bytes', () => {
    const a = writeDigest([brightlineStory(), soloStory()], { date: '2026-05-09', language: 'en' });
    const b = writeDigest([soloStory(), brightlineStory()], { date: '2026-05-09', language: 'en' });
    assert.equal(JSON.stringify(a), JSON.stringify(b));
    assert.equal(renderDigest(a), renderDigest(b));
  });

  it('renders a small story in the layout of FORMATS.md (golden)', () => {
    assert.equal(renderDigest(writeDigest([soloStory()], { date: '2026-05-09', language: 'en' })), GOLDEN_SOLO_EN);
  });

  it('orders tiers highest first', () => {
    const d = writeDigest([soloStory(), brightlineStory()], { date: '2026-05-09', language: 'en' });
    assert.deepEqual(
      d.tiers.map((t) => t.tier.level),
      [1, 2],
    );
    assert.equal(d.count, 2);
  });

  const emptyCases = [
    {
      name: 'English',
      language: 'en' as const,
      expect: ['# 2026-05-09 AI Summary', '0 updates', 'Nothing to report today'],
    },
    { name: 'Chinese', language: 'zh' as const, expect: ['# 2026-05-09 AI 摘要', '0 条更新', '今日暂无'] },
  ];
  for (const c of emptyCases) {
    it(`an empty day says there is nothing today (${c.name})`, () => {
      const d = writeDigest([], { date: '2026-05-09', language: c.language });
      assert.equal(d.count, 0);
      assert.ok(d.notice);
      const md = renderDigest(d);
      for (const s of c.expect) assert.ok(md.includes(s), `has ${s}`);
    });
  }

  it('validates against the zod schema, in both faces', () => {
    for (const language of ['en', 'zh'] as const) {
      const d = writeDigest([brightlineStory(), soloStory()], { date: '2026-05-09', language });
      assert.equal(digestSchema.safeParse(d).success, true);
    }
  });
});

describe('digest item', () => {
  it('key points are source sentences, whole and unchanged, with provenance; impact is composed from a figure of the sources', () => {
    const item = writeDigestItem(brightlineStory(), 'en');
    assert.ok(item.keyPoints.lead.length > 0);
    assert.ok(item.keyPoints.points.length >= 2);
    const texts = ALL.map((a) => a.text);
    for (const s of [item.keyPoints.lead, ...item.keyPoints.points]) {
      assert.ok(
        texts.some((t) => t.includes(s)),
        `"${s}" is in a source`,
      );
    }
    assert.ok(item.impact.length > 0);
    item.impact.forEach((x, i) => {
      const entry = item.provenance.find((p) => p.path === `impact[${i}].text`)!;
      assert.equal(entry.kind, 'composed');
      // Each span it rests on is a figure of a source, and that figure is in the line.
      for (const span of entry.spans) {
        if (span.field !== 'text') continue;
        const figure = byId.get(span.articleId)!.text.slice(span.start, span.end);
        assert.ok(x.text.includes(figure) || /\d/.test(x.text), `${x.text} carries ${figure}`);
      }
    });
    assertExtractsVerbatim(item, outputFields(item));
  });

  it('never picks the misquote, and names both variants in a plain statement', () => {
    const item = writeDigestItem(brightlineStory(), 'zh');
    const fields = outputFields(item);
    const withMisquote = fields.filter((f) => f.text.includes('1500 兆瓦'));
    assert.ok(withMisquote.length >= 1);
    for (const f of withMisquote) {
      // Only beside the majority variant (in the face's style): the conflict statement (cons) and the check-it-yourself step.
      assert.ok(f.text.includes('150 兆瓦'), f.path);
      assert.ok(f.path.startsWith('cons[') || f.path.startsWith('quickStart['), f.path);
    }
    assert.ok(
      item.cons.some(
        (c) => c.includes('150 兆瓦') && c.includes('1500 兆瓦') && c.includes('算力速递') && c.includes('云端观察'),
      ),
    );
    const misquoteSentence = BRIGHTLINE_ZH_MISQUOTE.understanding.sentences[0]!.text;
    assert.ok(!fields.some((f) => f.text.includes(misquoteSentence)));
  });

  const faceCases = [
    {
      name: 'Chinese face with Chinese coverage',
      story: brightlineStory(),
      face: 'zh' as const,
      body: 'zh',
      notice: false,
    },
    {
      name: 'Chinese face of an English-only story',
      story: soloStory(),
      face: 'zh' as const,
      body: 'zh',
      notice: true,
    },
    {
      name: 'English face with English coverage',
      story: brightlineStory(),
      face: 'en' as const,
      body: 'en',
      notice: false,
    },
    {
      name: 'English face of a Chinese-only story',
      story: brightlineStory([BRIGHTLINE_ZH]),
      face: 'en' as const,
      body: 'en',
      notice: true,
    },
  ];
  for (const c of faceCases) {
    it(c.name, () => {
      const item = writeDigestItem(c.story, c.face);
      assert.equal(item.bodyLanguage, c.body);
      assert.equal(item.notice !== null, c.notice);
      // In the face's language: a composed English lead may name a Chinese-only outlet, no more.
      assert.ok(inFaceLanguage(item.keyPoints.lead, c.body as Face), item.keyPoints.lead);
      if (!c.notice) assert.equal(HAN.test(item.keyPoints.lead), c.body === 'zh');
      const md = renderDigest(writeDigest([c.story], { date: '2026-05-09', language: c.face }));
      if (c.face === 'zh')
        for (const label of [
          '置信度：',
          '要点：',
          '详细分析',
          '权衡',
          '优点',
          '缺点',
          '快速上手（5-15 分钟）',
          '建议',
          '来源：',
        ])
          assert.ok(md.includes(label), label);
      // With no coverage in the face, the body is composed in the face's language from the facts, and says so.
      if (c.notice && c.face === 'zh')
        assert.ok(md.includes('本条目暂无中文报道，以下内容根据其英文报道中的名称与数字写成'));
      if (c.notice)
        assert.ok(item.provenance.filter((p) => p.path.startsWith('keyPoints')).every((p) => p.kind === 'composed'));
    });
  }

  it('a single-source story says so and still has four parts of quick start or fewer, never invented', () => {
    const item = writeDigestItem(soloStory(), 'en');
    assert.ok(item.cons.some((c) => c.startsWith('Only one source so far (Quillmark Lab Notes)')));
    assert.ok(item.quickStart.length >= 3 && item.quickStart.length <= 4);
    assert.ok(item.quickStart[0]!.includes('https://b1-solo.example/story'));
    assert.equal(item.sources.length, 1);
    assert.deepEqual(item.sources[0], {
      articleId: 'b1-solo',
      outlet: 'Quillmark Lab Notes',
      type: 'Research',
      url: 'https://b1-solo.example/story',
      language: 'en',
      title: 'Quillmark measures memory use across 6 open models',
    });
  });

  it('sources are typed and the official comes first', () => {
    const item = writeDigestItem(brightlineStory(), 'en');
    assert.deepEqual(item.sources.map((s) => `${s.outlet} (${s.type})`).slice(0, 2), [
      'Brightline Compute (Official)',
      'Riverside Tech Wire (News)',
    ]);
    assert.ok(item.pros.includes('Confirmed by an official statement from Brightline Compute.'));
  });
});

describe('card', () => {
  it('summarises only its own article, with attribution, and validates', () => {
    const card = writeCard(BRIGHTLINE_NEWS, brightlineStory(), {});
    assert.equal(cardSchema.safeParse(card).success, true);
    for (const span of card.provenance.find((p) => p.path === 'summary')!.spans)
      assert.equal(span.articleId, BRIGHTLINE_NEWS.id);
    const sentences = card.summary.split(/(?<=\.) /);
    assert.ok(sentences.length >= 3 && sentences.length <= 5, `3-5 sentences: ${sentences.length}`);
    // The outlet named once: its feed's title already names it.
    assert.equal(
      card.attribution,
      'Editorial summary, takeaway, and curation by Tidings. Original article published by Riverside Tech Wire — AI.',
    );
    // A sentence about the article, not a formula around one of its sentences.
    assert.ok(card.keyTakeaway.startsWith('Riverside Tech Wire reports that '), card.keyTakeaway);
    assert.ok(!/line to keep/.test(card.keyTakeaway));
    assert.equal(card.principles.length, 3);
    assert.equal(card.inPractice.length, 3);
    assert.ok(card.topics.length >= 1 && card.topics.length <= 6);
    assert.deepEqual(
      card.related.map((r) => r.articleId),
      ['a1-official', 'a3-zh', 'a4-zh-misquote'],
    );
    assertExtractsVerbatim(card, outputFields(card));
    const md = renderCard(card);
    for (const label of [
      '## Summary',
      '## Key takeaway',
      '## Key insights',
      '## Principles',
      '## In practice',
      '## Topics',
      'Best for: Investor, Developer',
      '## Related on Tidings',
    ])
      assert.ok(md.includes(label), label);
    // No audience tagged: no empty "Best for" line.
    const none = renderCard({ ...card, bestFor: [] });
    assert.ok(!none.includes('Best for'), none);
  });

  it('same input, same bytes', () => {
    assert.equal(
      JSON.stringify(writeCard(BRIGHTLINE_ZH, brightlineStory())),
      JSON.stringify(writeCard(BRIGHTLINE_ZH, brightlineStory())),
    );
  });
});

describe('post', () => {
  it('has a hook with the key figure, numbered takeaways, a closing line and credits', () => {
    const post = writePost(brightlineStory(), 'en');
    assert.equal(postSchema.safeParse(post).success, true);
    assert.ok(post.hook.includes('$2 billion') || post.hook.includes('150MW'), post.hook);
    assert.ok(post.takeaways.length >= 2);
    assert.equal(post.credits.length, 4);
    const md = renderPost(post);
    assert.ok(md.includes('First: ') && md.includes('Second: '));
    assert.ok(!md.includes('1500 兆瓦'));
    assertExtractsVerbatim(post, outputFields(post));
  });

  it('the Chinese face uses Chinese coverage and never the misquote', () => {
    const post = writePost(brightlineStory(), 'zh');
    assert.equal(post.bodyLanguage, 'zh');
    assert.ok(HAN.test(post.hook));
    assert.ok(!JSON.stringify(post.takeaways).includes('1500'));
    assert.ok(renderPost(post).includes('第一，'));
  });
});

describe('JSON Schema files', () => {
  it('are up to date with src/write/schemas.ts (regenerate: node --import tsx scripts/write-json-schemas.ts)', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      const onDisk = readFileSync(new URL(`../../schemas/${name}`, import.meta.url), 'utf8');
      assert.equal(onDisk, `${JSON.stringify(schema, null, 2)}\n`, name);
    }
  });
});
