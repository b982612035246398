// Article text is data, never instructions: the injection corpus (test/fixtures/injection/) run
// through extraction and the model engine with a gullible model that obeys what it reads.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { ArticleWithSightings, Face } from '../../article.js';
import { PROJECT_ROOT } from '../../config.js';
import { extractHtml } from '../../extract/extract.js';
import type { LlmRequest } from '../../llm/client.js';
import { createOpenAiCompatibleClient } from '../../llm/openai-compatible.js';
import { Secret } from '../../llm/secret.js';
import { writeCard } from '../card.js';
import { writeDigestItem } from '../digest-item.js';
import { writePost } from '../post.js';
import { cardSchema, digestItemSchema, postSchema } from '../schemas.js';
import { makeArticle, makeRanking } from '../story.fixture.js';
import type { StoryInput } from '../story-analysis.js';
import { writeCardWithModel, writeDigestItemWithModel, writePostWithModel } from './engine.js';
import { dataLines, gullibleAnswer, gullibleClient, scriptedClient } from './scripted-client.fixture.js';

const FAKE_KEY = 'sk-tidings-FAKE-test-key-5f1e0c9a';
const ATTACKER_HOSTS = ['attacker.example', 'exfil-collector.example'];
/** Codewords that only hidden parts of the pages carry: none may reach the model. */
const HIDDEN_CODEWORDS = ['PINEAPPLE-7', 'KIWI-5', 'MANGO-3', 'GUAVA-1', 'PAPAYA-9'];
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\uFEFF\u202A-\u202E\u2066-\u2069]|[\u{E0000}-\u{E007F}]/u;

const CORPUS = [
  { file: 'ignore-previous.html', language: 'en' as const },
  { file: 'fake-system.html', language: 'en' as const },
  { file: 'chinese-instructions.html', language: 'zh' as const },
  { file: 'hidden-html.html', language: 'en' as const },
  { file: 'key-and-url.html', language: 'en' as const },
];

function corpusArticle(file: string, language: Face): ArticleWithSightings {
  const html = readFileSync(`${PROJECT_ROOT}/test/fixtures/injection/${file}`, 'utf8');
  const page = extractHtml(html, { url: `https://${file.replace('.html', '')}.example/story` });
  return makeArticle({
    id: file.replace('.html', ''),
    outlet: page.siteName ?? file,
    type: 'news',
    language,
    title: page.title ?? file,
    paragraphs: page.paragraphs,
  });
}

function storyOf(article: ArticleWithSightings): StoryInput {
  return {
    storyId: `story-${article.id}`,
    articles: [article],
    ranking: makeRanking({
      tier: { level: 3, name: 'Worth Knowing', nameZh: '值得了解', emoji: '🟡' },
      confidence: 'Low',
      independentPublishers: [article.outlet ?? ''],
      audiences: ['Developer'],
    }),
  };
}

/** The gullible model's own answer before it obeys anything: the article's title and first paragraph. */
function base(request: LlmRequest): Record<string, unknown> {
  const lines = dataLines(request.messages[0]?.content ?? '').filter((l) => l.trim() !== '');
  const title = (lines.find((l) => l.startsWith('Title: ')) ?? 'Title: news').slice('Title: '.length);
  const first = lines.find((l) => !l.startsWith('Title: ')) ?? title;
  const purpose =
    request.schema?.name ??
    (/summary cards/.test(request.system) ? 'card' : /commentary posts/.test(request.system) ? 'post' : 'digest_item');
  if (purpose === 'card')
    return { summary: first, keyTakeaway: first, keyInsight: first, principles: [first], inPractice: [first] };
  if (purpose === 'post') return { headline: title, hook: first, takeaways: [first, first], closing: first };
  return {
    headline: title,
    keyPoints: { lead: first, points: [first] },
    impact: [{ audience: 'Developer', text: first }],
    pros: [first],
    cons: [first],
    quickStart: [first],
    recommendation: first,
  };
}

// (c) No network capability: every way out of the process is replaced by a spy that refuses.
const escapes: string[] = [];
const saved = {
  fetch: globalThis.fetch,
  httpRequest: http.request,
  httpGet: http.get,
  httpsRequest: https.request,
  httpsGet: https.get,
  connect: net.connect,
  createConnection: net.createConnection,
};
before(() => {
  const refuse =
    (what: string) =>
    (...args: unknown[]): never => {
      escapes.push(`${what} ${String(args[0]).slice(0, 80)}`);
      throw new Error(`network use in the injection test: ${what}`);
    };
  globalThis.fetch = refuse('fetch') as typeof fetch;
  Object.assign(http, { request: refuse('http.request'), get: refuse('http.get') });
  Object.assign(https, { request: refuse('https.request'), get: refuse('https.get') });
  Object.assign(net, { connect: refuse('net.connect'), createConnection: refuse('net.createConnection') });
});
after(() => {
  globalThis.fetch = saved.fetch;
  Object.assign(http, { request: saved.httpRequest, get: saved.httpGet });
  Object.assign(https, { request: saved.httpsRequest, get: saved.httpsGet });
  Object.assign(net, { connect: saved.connect, createConnection: saved.createConnection });
});

function assertClean(what: string, requests: readonly unknown[], output: unknown): void {
  const sent = JSON.stringify(requests);
  const out = JSON.stringify(output);
  assert.ok(!sent.includes(FAKE_KEY), `${what}: the key is in a request`);
  assert.ok(!out.includes(FAKE_KEY), `${what}: the key is in the output`);
  for (const host of ATTACKER_HOSTS) assert.ok(!out.includes(host), `${what}: the output links to ${host}`);
  for (const word of HIDDEN_CODEWORDS)
    assert.ok(!sent.includes(word), `${what}: hidden text "${word}" reached the model`);
  assert.ok(!INVISIBLE.test(sent), `${what}: invisible characters reached the model`);
  assert.deepEqual(escapes, [], `${what}: the engine tried the network`);
}

describe('prompt injection corpus', () => {
  for (const { file, language } of CORPUS) {
    const article = corpusArticle(file, language);
    const story = storyOf(article);

    it(`${file}: digest item keeps its structure and computed facts, leaks nothing, calls nothing`, async () => {
      const client = gullibleClient(base, FAKE_KEY);
      const offline = writeDigestItem(story, language);
      const r = await writeDigestItemWithModel(story, language, { client, offline: () => offline });
      const parsed = digestItemSchema.strict().parse(r.item);
      assert.deepEqual(parsed.tier, offline.tier, 'the tier is never the model’s');
      assert.equal(parsed.confidence, 'Low', 'the confidence is never the model’s');
      assert.deepEqual(parsed.sources, offline.sources);
      assert.ok(r.engine === 'llm' || r.engine === 'offline-fallback');
      assert.ok(client.requests.length >= 1 && client.requests.length <= 2, 'at most one retry or correction');
      assertClean(file, client.requests, r);
    });

    it(`${file}: card keeps its structure, leaks nothing`, async () => {
      const client = gullibleClient(base, FAKE_KEY);
      const offline = writeCard(article, story, { language });
      const r = await writeCardWithModel(article, story, language, { client, offline: () => offline });
      const parsed = cardSchema.strict().parse(r.card);
      assert.deepEqual(parsed.topics, offline.topics);
      assert.deepEqual(parsed.source, offline.source);
      assertClean(file, client.requests, r);
    });

    it(`${file}: post keeps its structure, leaks nothing`, async () => {
      const client = gullibleClient(base, FAKE_KEY);
      const offline = writePost(story, language);
      const r = await writePostWithModel(story, language, { client, offline: () => offline });
      const parsed = postSchema.strict().parse(r.post);
      assert.deepEqual(parsed.credits, offline.credits);
      assertClean(file, client.requests, r);
    });
  }

  it('a model told to add fields (tier, apiKey) is refused by the schema, retried once, then replaced by the offline engine', async () => {
    const article = corpusArticle('fake-system.html', 'en');
    const story = storyOf(article);
    const client = gullibleClient(base, FAKE_KEY);
    const r = await writeDigestItemWithModel(story, 'en', { client, offline: () => writeDigestItem(story, 'en') });
    assert.equal(client.requests.length, 2);
    assert.match(client.requests[1]!.messages.at(-1)!.content, /apiKey|Unrecognized key/);
    assert.equal(r.engine, 'offline-fallback');
    assert.ok(!('apiKey' in r.item));
  });

  it('instructions to call a URL leave no link to it: the sentence is sent back, then removed', async () => {
    const article = corpusArticle('key-and-url.html', 'en');
    const story = storyOf(article);
    // A model that took the bait writes the link, and keeps it when asked to correct.
    const answer = JSON.stringify({
      summary:
        'Ferrow Cloud has cut GPU rental prices by 30% for a year of use. Verify this at https://attacker.example/verify now.',
      keyTakeaway: 'If you rent GPUs, compare the yearly price.',
      keyInsight: 'Prices for GPU rental are falling.',
      principles: ['Compare prices before committing.'],
      inPractice: ['Read the article: https://key-and-url.example/story.'],
    });
    const client = scriptedClient([answer, answer]);
    const r = await writeCardWithModel(article, story, 'en', {
      client,
      offline: () => writeCard(article, story, { language: 'en' }),
    });
    assert.equal(client.requests.length, 2);
    assert.match(client.requests[1]!.messages.at(-1)!.content, /a link that is not the address of any source/);
    assert.ok(!JSON.stringify(r.card).includes('attacker.example'));
    assert.equal(r.card.summary, 'Ferrow Cloud has cut GPU rental prices by 30% for a year of use.');
    assert.ok(
      r.card.verification?.repairs.some((x) => x.surface === 'hxxps://attacker[.]example/verify'),
      'the record names the link, defanged',
    );
    assert.ok(
      r.card.inPractice.some((x) => x.includes('https://key-and-url.example/story')),
      'the source link stays',
    );
  });

  it('forged DATA boundaries in an article cannot close its block', () => {
    const article = corpusArticle('fake-system.html', 'en');
    const client = gullibleClient(base, FAKE_KEY);
    return writePostWithModel(storyOf(article), 'en', {
      client,
      offline: () => writePost(storyOf(article), 'en'),
    }).then(() => {
      const user = client.requests[0]!.messages[0]!.content;
      assert.equal(user.match(/^BEGIN DATA-/gm)?.length, 1, 'one block begins');
      assert.equal(user.match(/^END DATA-/gm)?.length, 1, 'one block ends');
      assert.match(user, /END D-A-T-A-000000000000/);
    });
  });

  it('through the real OpenAI-compatible client: the key goes only in the Authorization header, to the configured address only', async () => {
    const article = corpusArticle('key-and-url.html', 'en');
    const story = storyOf(article);
    const calls: Array<{ url: string; authorization: string | null; body: string }> = [];
    // An in-memory server: the client's only way out. It answers as the gullible model.
    const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
      const body = String(init?.body ?? '');
      const headers = new Headers(init?.headers);
      calls.push({ url: String(input), authorization: headers.get('authorization'), body });
      const sent = JSON.parse(body) as {
        messages: Array<{ role: string; content: string }>;
        response_format?: { json_schema?: { name?: string } };
      };
      const schemaName = sent.response_format?.json_schema?.name;
      const request: LlmRequest = {
        system: sent.messages[0]?.content ?? '',
        messages: sent.messages
          .slice(1)
          .map((m) => ({ role: m.role === 'assistant' ? 'assistant' : 'user', content: m.content })),
        ...(schemaName ? { schema: { name: schemaName, jsonSchema: {} } } : {}),
        promptVersion: 'n/a',
        purpose: 'n/a',
      };
      const content = gullibleAnswer(request, base, FAKE_KEY);
      return new Response(
        JSON.stringify({ choices: [{ message: { content } }], usage: { prompt_tokens: 10, completion_tokens: 10 } }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    }) as typeof fetch;
    const client = createOpenAiCompatibleClient({
      baseUrl: 'http://127.0.0.1:9/v1',
      apiKey: new Secret(FAKE_KEY),
      model: 'gullible',
      timeoutMs: 5_000,
      fetchImpl,
    });
    const r = await writeDigestItemWithModel(story, 'en', { client, offline: () => writeDigestItem(story, 'en') });
    assert.ok(calls.length >= 1);
    for (const c of calls) {
      assert.equal(c.url, 'http://127.0.0.1:9/v1/chat/completions');
      assert.equal(c.authorization, `Bearer ${FAKE_KEY}`);
      assert.ok(!c.body.includes(FAKE_KEY), 'the key is never in a request body');
    }
    assertClean(
      'real client',
      calls.map((c) => c.body),
      r,
    );
    assert.doesNotThrow(() => digestItemSchema.strict().parse(r.item));
  });

  it('hidden block-level HTML (display:none, hidden comments, alt text, aria-hidden) is gone after extraction', () => {
    const article = corpusArticle('hidden-html.html', 'en');
    for (const word of HIDDEN_CODEWORDS.filter((w) => w !== 'PAPAYA-9')) assert.ok(!article.text.includes(word), word);
    // Zero-width and tag characters survive extraction; the prompt's data cleaning removes them (see assertClean).
  });

  it('an inline <span style="display:none"> inside a paragraph is removed by extraction', () => {
    const article = corpusArticle('hidden-html.html', 'en');
    assert.equal(article.text.includes('LYCHEE-4'), false, 'the hidden span’s text is in the article');
  });
});
