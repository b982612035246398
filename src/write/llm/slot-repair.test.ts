// The model engine's answers held to the slot rules, through the real OpenAI-compatible client and
// a local fake server (test/support/fake-openai.ts, 127.0.0.1 only): a list item that breaks a rule
// is dropped when enough remains and the drop is recorded; what no drop can repair falls back to
// the offline engine, naming the rule.

import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { chatCompletion, startFakeOpenAi, type FakeServer } from '../../../test/support/fake-openai.js';
import { createOpenAiCompatibleClient } from '../../llm/openai-compatible.js';
import { Secret } from '../../llm/secret.js';
import { writeDigestItem } from '../digest-item.js';
import { writePost } from '../post.js';
import { digestItemSchema, postSchema } from '../schemas.js';
import { brightlineStory } from '../story.fixture.js';
import { writeDigestItemWithModel, writePostWithModel } from './engine.js';

const story = brightlineStory();
const servers: FakeServer[] = [];
after(async () => Promise.all(servers.map((s) => s.close())));

async function clientAnswering(...answers: unknown[]) {
  const server = await startFakeOpenAi(answers.map((a) => chatCompletion(a)));
  servers.push(server);
  const client = createOpenAiCompatibleClient({
    baseUrl: `${server.origin}/v1`,
    apiKey: new Secret('sk-test-0123456789'),
    model: 'fake-1',
    timeoutMs: 2000,
    name: 'fake',
  });
  return { client, server };
}

const ITEM = {
  headline: 'Anthropic takes all 150MW of Brightline Compute’s Ohio campus in a $2 billion deal',
  keyPoints: {
    lead: 'Anthropic will take all 150MW of Brightline Compute’s new Ohio campus under a three-year agreement worth $2 billion.',
    points: ['The first 50MW is due to enter service in September.'],
  },
  impact: [{ audience: 'Investor', text: 'Brightline Compute depends on one tenant for about 70% of its revenue.' }],
  pros: ['The capacity arrives faster than the large clouds can offer.'],
  cons: ['Concentration risk: one contract is about 70% of revenue.'],
  quickStart: ['Read the announcement: https://a1-official.example/story'],
  recommendation: 'Investors should watch the concentration risk.',
};

const POST = {
  headline: 'Speed of delivery now beats price in the race for compute.',
  hook: 'Anthropic is taking all 150MW of Brightline Compute’s Ohio campus for $2 billion over three years.',
  takeaways: [
    'The first 50MW is due to enter service in September.',
    'The contract will be about 70% of Brightline Compute’s revenue.',
  ],
  closing: 'Watch whether the rest arrives by the end of the year.',
};

describe('model answers under the slot rules, through the OpenAI-compatible client', () => {
  it('a key point repeating the lead’s figure and one opening on a reference are dropped; the item stays the model’s, the drops recorded', async () => {
    const answer = {
      ...ITEM,
      keyPoints: {
        lead: ITEM.keyPoints.lead,
        points: [
          'All 150MW go to Anthropic.',
          ITEM.keyPoints.points[0]!,
          'It is the largest deal in Brightline Compute’s history.',
        ],
      },
    };
    const { client, server } = await clientAnswering(answer);
    const r = await writeDigestItemWithModel(story, 'en', { client, offline: () => writeDigestItem(story, 'en') });
    assert.equal(server.requests.length, 1, 'no second request: the repair is ours');
    assert.equal(r.engine, 'llm', r.notes.join(' '));
    assert.doesNotThrow(() => digestItemSchema.parse(r.item));
    assert.deepEqual(r.item.keyPoints.points, ITEM.keyPoints.points);
    const drops = (r.item.verification?.repairs ?? []).filter((x) => x.reason.startsWith('slot rule'));
    assert.deepEqual(
      drops.map((x) => `${x.path}: ${x.reason}`),
      ['keyPoints.points[0]: slot rule: repeated-figure', 'keyPoints.points[2]: slot rule: dangling-point'],
    );
  });

  it('an impact line in a source’s first person as the only one: nothing would remain → the offline engine writes the item', async () => {
    const answer = {
      ...ITEM,
      impact: [{ audience: 'Investor', text: 'We expect one tenant to be about 70% of our revenue.' }],
    };
    const { client } = await clientAnswering(answer);
    const r = await writeDigestItemWithModel(story, 'en', { client, offline: () => writeDigestItem(story, 'en') });
    assert.equal(r.engine, 'offline-fallback');
    assert.match(r.notes.join(' '), /impact-first-person \(impact\[0\]\.text\)/);
    assert.equal(r.item.keyPoints.lead, writeDigestItem(story, 'en').keyPoints.lead);
  });

  it('a post: a dangling takeaway among three is dropped; a hook without the story’s key figure falls back', async () => {
    const three = { ...POST, takeaways: [...POST.takeaways, 'That makes the deal hard to repeat.'] };
    const first = await clientAnswering(three);
    const kept = await writePostWithModel(story, 'en', { client: first.client, offline: () => writePost(story, 'en') });
    assert.equal(kept.engine, 'llm', kept.notes.join(' '));
    assert.doesNotThrow(() => postSchema.parse(kept.post));
    assert.deepEqual(kept.post.takeaways, POST.takeaways);

    const noFigure = { ...POST, hook: 'Anthropic is taking Brightline Compute’s whole Ohio campus for three years.' };
    const second = await clientAnswering(noFigure);
    const fell = await writePostWithModel(story, 'en', {
      client: second.client,
      offline: () => writePost(story, 'en'),
    });
    assert.equal(fell.engine, 'offline-fallback');
    assert.match(fell.notes.join(' '), /hook-no-key-figure \(hook\)/);
  });
});
