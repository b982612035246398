import type { Face } from '../../article.js';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fail } from '../../errors.js';
import type { LlmRequest } from '../../llm/client.js';
import { withCache } from '../../llm/reliable.js';
import { createResponseCache } from '../../llm/response-cache.js';
import { writeCard } from '../card.js';
import { writeDigestItem } from '../digest-item.js';
import { writePost } from '../post.js';
import { cardSchema, digestItemSchema, postSchema, type DigestItem } from '../schemas.js';
import { BRIGHTLINE_NEWS, BRIGHTLINE_OFFICIAL, brightlineStory, soloStory } from '../story.fixture.js';
import { writeCardWithModel, writeDigestItemWithModel, writePostWithModel } from './engine.js';
import { modelDown, scriptedClient, type ScriptStep } from './scripted-client.fixture.js';

const story = brightlineStory();

const GOOD_EN = {
  headline: 'Anthropic takes all 150MW of Brightline Compute’s Ohio campus in a $2 billion deal',
  keyPoints: {
    lead: 'Anthropic will take all 150MW of Brightline Compute’s new Ohio campus under a three-year agreement worth $2 billion.',
    points: [
      'The first 50MW is due to enter service in September.',
      'The contract will be about 70% of Brightline Compute’s revenue.',
    ],
  },
  impact: [
    { audience: 'Investor', text: 'Brightline Compute depends on one tenant for about 70% of its revenue.' },
    { audience: 'Developer', text: 'Faster capacity should cut waiting times at peak hours.' },
  ],
  pros: ['The capacity arrives faster than the large clouds can offer.'],
  cons: ['Concentration risk: one contract is about 70% of revenue.'],
  quickStart: ['Read the announcement: https://a1-official.example/story'],
  recommendation: 'Investors should watch the concentration risk; developers should test whether waiting times fall.',
};

const GOOD_ZH = {
  headline: 'Anthropic 以 20 亿美元包下 Brightline Compute 俄亥俄园区全部 150 兆瓦算力',
  keyPoints: {
    lead: 'Anthropic 将在三年内包下 Brightline Compute 俄亥俄园区的全部 150 兆瓦算力，合同价值 20 亿美元。',
    points: ['首批 50 兆瓦预计于 9 月投入使用。'],
  },
  impact: [{ audience: 'Investor', text: '这份合同约占该公司收入的 70%，客户集中度风险不容忽视。' }],
  pros: ['算力交付速度快于大型云厂商。'],
  cons: ['客户集中度高：一份合同约占收入的 70%。'],
  quickStart: ['阅读官方公告：https://a1-official.example/story'],
  recommendation: '投资者应关注客户集中度风险；开发者可以测试高峰时段的响应是否变快。',
};

const json = (x: unknown): string => JSON.stringify(x);
const withField = (patch: Partial<typeof GOOD_EN>): string => json({ ...GOOD_EN, ...patch });
const offlineItem =
  (face: Face = 'en') =>
  (): DigestItem =>
    writeDigestItem(story, face);

async function item(steps: ScriptStep[], face: Face = 'en') {
  const client = scriptedClient(steps);
  const result = await writeDigestItemWithModel(story, face, { client, offline: offlineItem(face) });
  assert.doesNotThrow(() => digestItemSchema.parse(result.item), 'the output keeps the digest item schema');
  return { ...result, requests: client.requests };
}

const lastUser = (r: LlmRequest): string => r.messages.at(-1)?.content ?? '';

describe('model engine: digest items', () => {
  it('a valid answer becomes an llm item; computed parts come from the offline analysis', async () => {
    const r = await item([json(GOOD_EN)]);
    const offline = writeDigestItem(story, 'en');
    assert.equal(r.engine, 'llm');
    assert.equal(r.item.engine, 'llm');
    assert.equal(r.requests.length, 1);
    assert.equal(r.item.headline, GOOD_EN.headline);
    assert.deepEqual(r.item.impact, GOOD_EN.impact);
    assert.deepEqual(r.item.tier, offline.tier);
    assert.equal(r.item.confidence, offline.confidence);
    assert.deepEqual(r.item.sources, offline.sources);
    assert.equal(r.item.verification?.ok, true);
    assert.deepEqual(r.notes, []);
    // Provenance points at the source sentences the model's text rests on.
    const lead = r.item.provenance.find((p) => p.path === 'keyPoints.lead');
    assert.ok(lead?.spans.some((s) => s.articleId === 'a1-official' && s.field === 'text'));
  });

  it('the request: article text only in the user message as DATA, instructions in the system, JSON schema attached', async () => {
    const r = await item([json(GOOD_EN)]);
    const req = r.requests[0]!;
    assert.equal(req.promptVersion, 'digest-item@2');
    assert.equal(req.purpose, 'digest-item');
    assert.equal(req.temperature, 0);
    assert.equal(req.schema?.name, 'digest_item');
    assert.ok(!req.system.includes('Dana Whitcombe'), 'no article text in the system prompt');
    const user = lastUser(req);
    assert.match(
      user,
      /BEGIN DATA-[0-9a-f]{12} id="a1-official" outlet="Brightline Compute" type="Official" language="en"/,
    );
    assert.match(user, /Never use 1500 兆瓦: it is the minority figure/);
    assert.match(user, /Audiences for impact lines: Investor, Developer/);
  });

  const retryCases: Array<{ name: string; bad: string; error: RegExp }> = [
    { name: 'not JSON', bad: 'Sure! Here is the digest item you asked for.', error: /not valid JSON/ },
    { name: 'a required field missing', bad: json({ ...GOOD_EN, recommendation: undefined }), error: /recommendation/ },
    { name: 'a computed field added (tier)', bad: json({ ...GOOD_EN, tier: 'L1' }), error: /tier|Unrecognized key/ },
    {
      name: 'an audience the ranking did not choose',
      bad: withField({ impact: [{ audience: 'Gamer', text: 'Games may run faster.' }] }),
      error: /impact\.0\.audience/,
    },
    {
      name: 'two impact lines for one audience',
      bad: withField({ impact: [GOOD_EN.impact[0]!, GOOD_EN.impact[0]!] }),
      error: /one impact line per audience/,
    },
    {
      name: 'an empty key point',
      bad: withField({ keyPoints: { lead: '  ', points: ['x'] } }),
      error: /keyPoints\.lead/,
    },
  ];
  for (const c of retryCases) {
    it(`invalid answer (${c.name}) → one retry carrying the errors → valid`, async () => {
      const r = await item([c.bad, json(GOOD_EN)]);
      assert.equal(r.engine, 'llm');
      assert.equal(r.requests.length, 2);
      const retry = r.requests[1]!;
      assert.equal(retry.messages.length, 3);
      assert.equal(retry.messages[1]!.role, 'assistant');
      assert.equal(retry.messages[1]!.content, c.bad);
      assert.match(lastUser(retry), c.error);
      assert.equal(retry.promptVersion, 'digest-item@2+writer-retry@1');
      assert.match(r.notes[0] ?? '', /invalid/);
    });
  }

  it('a fenced JSON answer is accepted without a retry', async () => {
    const r = await item([`\`\`\`json\n${json(GOOD_EN)}\n\`\`\``]);
    assert.equal(r.engine, 'llm');
    assert.equal(r.requests.length, 1);
  });

  it('invalid twice → the offline engine writes the item, marked', async () => {
    const r = await item(['not json', '{"headline": 3}']);
    const offline = writeDigestItem(story, 'en');
    assert.equal(r.requests.length, 2);
    assert.equal(r.engine, 'offline-fallback');
    assert.equal(r.item.engine, 'offline-fallback');
    assert.match(r.item.notice ?? '', /offline engine/);
    assert.equal(r.item.keyPoints.lead, offline.keyPoints.lead);
    assert.ok(r.item.verification, 'the fallback is verified too');
    assert.match(r.notes.join(' '), /invalid twice/);
  });

  it('an answer breaking a slot rule (an impact line that is a dateline, a bare quote) → offline fallback naming the rule', async () => {
    const dateline = withField({
      impact: [
        {
          audience: 'Investor',
          text: 'COLUMBUS, Ohio — Brightline Compute depends on one tenant for about 70% of its revenue.',
        },
      ],
    });
    const r = await item([dateline]);
    assert.equal(r.item.engine, 'offline-fallback');
    assert.match(r.notes.join(' '), /slot rule: impact-dateline \(impact\[0\]\.text\)/);
    // A bare quote as the only impact line: nothing would remain after dropping it.
    const quoted = withField({ impact: [{ audience: 'Investor', text: '“We built Ohio for one large tenant.”' }] });
    const q = await item([quoted]);
    assert.equal(q.item.engine, 'offline-fallback');
    assert.match(q.notes.join(' '), /unattributed-quote/);
  });

  it('a list item breaking a slot rule is dropped when enough remains (repair), recorded; checked again', async () => {
    // A bare quote among the cons (pros remain), a point repeating the lead's figure, a point opening on a reference, an impact line in the first person.
    const broken = withField({
      keyPoints: {
        lead: GOOD_EN.keyPoints.lead,
        points: [
          'Anthropic takes all 150MW of the campus.',
          'It is due to enter service in September.',
          GOOD_EN.keyPoints.points[0]!,
        ],
      },
      impact: [GOOD_EN.impact[0]!, { audience: 'Developer', text: 'We expect waiting times to fall at peak hours.' }],
      cons: ['“We built Ohio for one large tenant.”'],
    });
    const r = await item([broken]);
    assert.equal(r.item.engine, 'llm', r.notes.join(' '));
    assert.deepEqual(r.item.keyPoints.points, [GOOD_EN.keyPoints.points[0]]);
    assert.deepEqual(r.item.impact, [GOOD_EN.impact[0]]);
    assert.deepEqual(r.item.cons, []);
    assert.deepEqual(r.item.pros, GOOD_EN.pros);
    const dropped = (r.item.verification?.repairs ?? []).filter(
      (x) => x.action === 'dropped' && x.reason.startsWith('slot rule'),
    );
    assert.deepEqual(dropped.map((x) => `${x.path} ${x.reason}`).sort(), [
      'cons[0] slot rule: unattributed-quote',
      'impact[1] slot rule: impact-first-person',
      'keyPoints.points[0] slot rule: repeated-figure',
      'keyPoints.points[1] slot rule: dangling-point',
    ]);
    assert.match(r.notes.join(' '), /repaired by dropping/);
    // Provenance follows the repaired text: no entry for a dropped path.
    assert.ok(
      !r.item.provenance.some(
        (p) => p.path === 'keyPoints.points[1]' || p.path === 'impact[1].text' || p.path.startsWith('cons['),
      ),
    );
  });

  it('a violation no drop can repair (the lead opens on a reference, a Chinese face in English) → offline fallback', async () => {
    const dangling = await item([
      withField({
        keyPoints: { lead: 'This deal gives Anthropic 150MW for $2 billion.', points: [GOOD_EN.keyPoints.points[1]!] },
      }),
    ]);
    assert.equal(dangling.item.engine, 'offline-fallback');
    assert.match(dangling.notes.join(' '), /dangling-point \(keyPoints\.lead\)/);
  });

  it('the model unreachable → offline fallback with the cause in the notes, no retry', async () => {
    const r = await item([modelDown()]);
    assert.equal(r.engine, 'offline-fallback');
    assert.equal(r.requests.length, 1);
    assert.match(r.notes.join(' '), /network_error/);
  });

  it('a missing prompt file → offline fallback, no request', async () => {
    const client = scriptedClient([]);
    const r = await writeDigestItemWithModel(story, 'en', {
      client,
      offline: offlineItem(),
      loadPrompt: (id) => fail('not_found', `prompt file ${id}.md does not exist`),
    });
    assert.equal(r.engine, 'offline-fallback');
    assert.equal(client.requests.length, 0);
    assert.match(r.notes.join(' '), /prompt could not be loaded/);
  });

  it('an unsupported figure → one correction request naming it → corrected', async () => {
    const wrong = withField({ pros: ['The deal is worth $3 billion, more than any rival offered.'] });
    const r = await item([wrong, json(GOOD_EN)]);
    assert.equal(r.requests.length, 2);
    const correction = r.requests[1]!;
    assert.equal(correction.promptVersion, 'digest-item@2+writer-correction@1');
    assert.match(lastUser(correction), /pros\[0\]: "\$3 billion"/);
    assert.equal(r.engine, 'llm');
    assert.equal(r.item.verification?.ok, true);
    assert.deepEqual(r.item.pros, GOOD_EN.pros);
    assert.match(r.notes.join(' '), /fixed every problem/);
  });

  it('still unsupported after the correction → the sentence is removed and the record says so', async () => {
    const wrong = withField({
      pros: ['The deal is worth $3 billion.', 'The capacity arrives faster than the large clouds can offer.'],
    });
    const r = await item([wrong, wrong]);
    assert.equal(r.requests.length, 2);
    assert.equal(r.engine, 'llm');
    assert.deepEqual(r.item.pros, ['The capacity arrives faster than the large clouds can offer.']);
    assert.equal(r.item.verification?.ok, false);
    assert.ok(r.item.verification?.problems.some((p) => p.kind === 'figure' && p.surface === '$3 billion'));
    assert.ok(r.item.verification?.repairs.some((x) => x.action === 'dropped' && x.path === 'pros[0]'));
    assert.ok(!r.item.provenance.some((p) => p.path === 'pros[1]'), 'provenance paths follow the removal');
    assert.match(r.notes.join(' '), /still unsupported after the correction: removed/);
  });

  it('a headline with nothing supported after the correction → the offline engine writes the item', async () => {
    const wrong = withField({ headline: 'Brightline Compute sells 900MW to Zephyrine AI' });
    const r = await item([wrong, wrong]);
    assert.equal(r.engine, 'offline-fallback');
    assert.equal(r.item.headline, writeDigestItem(story, 'en').headline);
    assert.match(r.notes.join(' '), /without an essential text/);
  });

  it('an invented quotation is sent back and, if kept, removed', async () => {
    const wrong = withField({
      recommendation:
        'Dana Whitcombe called the deal “a bet on speed over price”. Investors should watch the concentration risk.',
    });
    const r = await item([wrong, wrong]);
    assert.match(lastUser(r.requests[1]!), /recommendation: "a bet on speed over price/);
    assert.equal(r.item.recommendation, 'Investors should watch the concentration risk.');
  });

  const guardCases: Array<{ name: string; text: string; kept: boolean }> = [
    { name: 'the minority figure alone', text: 'The campus will supply 1500 兆瓦.', kept: false },
    {
      name: 'the minority figure beside the agreed one',
      text: 'One outlet reported 1500 兆瓦, but the others agree on 150MW.',
      kept: true,
    },
    {
      name: 'a link that is not a source',
      text: 'Register for updates at https://attacker.example/collect today.',
      kept: false,
    },
    { name: 'a source link', text: 'Compare with the coverage at https://a2-news.example/story.', kept: true },
  ];
  for (const c of guardCases) {
    it(`${c.name} is ${c.kept ? 'kept' : 'sent back, then removed'}`, async () => {
      const answer = withField({ cons: [c.text, 'Concentration risk: one contract is about 70% of revenue.'] });
      const r = await item(c.kept ? [answer] : [answer, answer]);
      assert.equal(r.item.cons.includes(c.text), c.kept);
      assert.equal(r.requests.length, c.kept ? 1 : 2);
    });
  }

  it('Chinese face: an English answer is sent back; the Chinese answer is used and its body is Chinese', async () => {
    const r = await item([json(GOOD_EN), json(GOOD_ZH)], 'zh');
    assert.match(lastUser(r.requests[1]!), /write this in Simplified Chinese/);
    assert.match(r.requests[0]!.system, /Simplified Chinese/);
    assert.equal(r.engine, 'llm');
    assert.equal(r.item.language, 'zh');
    assert.equal(r.item.bodyLanguage, 'zh');
    assert.equal(r.item.notice, null);
    assert.equal(r.item.headline, GOOD_ZH.headline);
    assert.equal(r.item.verification?.ok, true, JSON.stringify(r.item.verification?.problems));
  });

  it('Chinese face of a story with English coverage only: written in Chinese, verified across languages', async () => {
    const english = brightlineStory([BRIGHTLINE_OFFICIAL, BRIGHTLINE_NEWS]);
    const client = scriptedClient([
      json({ ...GOOD_ZH, pros: ['交付速度快于大型云厂商。', '英伟达的芯片供应仍然紧张。'] }),
      json(GOOD_ZH),
    ]);
    const offline = writeDigestItem(english, 'zh');
    assert.notEqual(offline.notice, null, 'the offline face would say its body is untranslated');
    const r = await writeDigestItemWithModel(english, 'zh', { client, offline: () => offline });
    assert.match(
      lastUser(client.requests[1]!),
      /pros\[1\]: "英伟达"/,
      'a name no source mentions, in any language, is sent back',
    );
    assert.equal(r.engine, 'llm');
    assert.equal(r.item.bodyLanguage, 'zh');
    assert.equal(r.item.notice, null);
    assert.equal(r.item.verification?.ok, true, JSON.stringify(r.item.verification?.problems));
  });

  it('the same story gives the same request bytes, whatever the order of its articles (cache-friendly)', async () => {
    const a = await item([json(GOOD_EN)]);
    const b = await item([json(GOOD_EN)]);
    assert.equal(JSON.stringify(a.requests), JSON.stringify(b.requests));
    const reordered = { ...story, articles: [...story.articles].reverse() };
    const client = scriptedClient([json(GOOD_EN)]);
    await writeDigestItemWithModel(reordered, 'en', { client, offline: () => writeDigestItem(reordered, 'en') });
    assert.equal(JSON.stringify(client.requests[0]), JSON.stringify(a.requests[0]));
  });
});

describe('model engine: re-runs', () => {
  it('a re-run through the response cache makes no request and gives the same item (correction round included)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tidings-llm-engine-'));
    try {
      const cache = createResponseCache(dir);
      const wrong = withField({ pros: ['The deal is worth $3 billion, more than any rival offered.'] });
      const first = scriptedClient([wrong, json(GOOD_EN)]);
      const a = await writeDigestItemWithModel(story, 'en', {
        client: withCache(first, cache),
        offline: offlineItem(),
      });
      assert.equal(first.requests.length, 2);
      const second = scriptedClient([]);
      const b = await writeDigestItemWithModel(story, 'en', {
        client: withCache(second, cache),
        offline: offlineItem(),
      });
      assert.equal(second.requests.length, 0);
      assert.deepEqual(b.item, a.item);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('model engine: cards and posts', () => {
  const GOOD_CARD = {
    summary:
      'Anthropic has agreed to rent all 150MW of Brightline Compute’s Ohio campus for $2 billion over three years. Analysts said the price is high. The contract will be about 70% of Brightline Compute’s revenue.',
    keyTakeaway: 'If you invest in Brightline Compute, watch how much of its revenue rests on this one contract.',
    keyInsight: 'Speed of delivery can matter more than price.',
    principles: ['Concentration on one customer is a risk.'],
    inPractice: ['Read the full article: https://a2-news.example/story'],
  };

  it('a card: the model sees its article alone; computed parts from the offline card', async () => {
    const client = scriptedClient([json(GOOD_CARD)]);
    const offline = writeCard(BRIGHTLINE_NEWS, story, { language: 'en' });
    const r = await writeCardWithModel(BRIGHTLINE_NEWS, story, 'en', { client, offline: () => offline });
    assert.doesNotThrow(() => cardSchema.parse(r.card));
    assert.equal(r.engine, 'llm');
    assert.equal(r.card.summary, GOOD_CARD.summary);
    assert.deepEqual(r.card.topics, offline.topics);
    assert.deepEqual(r.card.bestFor, offline.bestFor);
    assert.deepEqual(r.card.source, offline.source);
    assert.equal(r.card.verification?.ok, true, JSON.stringify(r.card.verification?.problems));
    const user = lastUser(client.requests[0]!);
    assert.match(user, /id="a2-news"/);
    assert.ok(
      !user.includes('id="a1-official"') && !user.includes(BRIGHTLINE_OFFICIAL.text),
      'only the card’s own article is data',
    );
    assert.equal(client.requests[0]!.promptVersion, 'card@2');
  });

  it('a card that claims what only another article says is corrected against its own article', async () => {
    const wrong = { ...GOOD_CARD, keyInsight: 'Dana Whitcombe built Ohio for one large tenant.' };
    const client = scriptedClient([json(wrong), json(wrong)]);
    const r = await writeCardWithModel(BRIGHTLINE_NEWS, story, 'en', {
      client,
      offline: () => writeCard(BRIGHTLINE_NEWS, story, { language: 'en' }),
    });
    assert.equal(client.requests.length, 2);
    // The insight withheld leaves the section empty: a slot rule no drop repairs, so the offline engine writes the card.
    assert.equal(r.engine, 'offline-fallback');
    assert.match(r.notes.join(' '), /empty-section \(keyInsight\)/);
    assert.notEqual(r.card.keyInsight, '');
  });

  it('a post: valid answer → llm post with the offline credits', async () => {
    const post = {
      headline: 'Speed of delivery now beats price in the race for compute.',
      hook: 'Anthropic is taking all 150MW of Brightline Compute’s Ohio campus for $2 billion over three years.',
      takeaways: [
        'The first 50MW is due to enter service in September.',
        'The contract will be about 70% of Brightline Compute’s revenue.',
      ],
      closing: 'Watch whether the rest arrives by the end of the year.',
    };
    const client = scriptedClient([json(post)]);
    const offline = writePost(story, 'en');
    const r = await writePostWithModel(story, 'en', { client, offline: () => offline });
    assert.doesNotThrow(() => postSchema.parse(r.post));
    assert.equal(r.engine, 'llm');
    assert.equal(r.post.hook, post.hook);
    assert.deepEqual(r.post.credits, offline.credits);
    assert.equal(client.requests[0]!.promptVersion, 'post@2');
  });

  it('a post with one takeaway is invalid (2–5 required): retried, then offline', async () => {
    const bad = json({ headline: 'h', hook: 'Anthropic rents capacity.', takeaways: ['one'], closing: 'c' });
    const client = scriptedClient([bad, bad]);
    const r = await writePostWithModel(soloStory(), 'en', { client, offline: () => writePost(soloStory(), 'en') });
    assert.equal(r.engine, 'offline-fallback');
    assert.match(lastUser(client.requests[1]!), /takeaways/);
  });

  it('a Chinese card of an English article is written in Chinese', async () => {
    const zhCard = {
      summary:
        'Anthropic 同意以 20 亿美元在三年内租下 Brightline Compute 俄亥俄园区的全部 150 兆瓦算力。分析人士认为价格偏高。',
      keyTakeaway: '如果你是投资者，请关注这份合同约占该公司收入的 70%。',
      keyInsight: '交付速度可能比价格更重要。',
      principles: ['客户过于集中是一种风险。'],
      inPractice: ['阅读原文：https://a2-news.example/story'],
    };
    const client = scriptedClient([json(zhCard)]);
    const r = await writeCardWithModel(BRIGHTLINE_NEWS, story, 'zh', {
      client,
      offline: () => writeCard(BRIGHTLINE_NEWS, story, { language: 'zh' }),
    });
    assert.equal(r.card.language, 'zh');
    assert.equal(r.card.bodyLanguage, 'zh');
    assert.equal(r.engine, 'llm');
    assert.equal(client.requests.length, 1, JSON.stringify(r.card.verification?.problems));
    assert.equal(r.card.verification?.ok, true);
  });
});
