// Translation through the real OpenAI-compatible client and its reliable stack (retries, disk
// cache), against a scripted local server on 127.0.0.1: the batch answer merges two paragraphs,
// the engine sends them again alone; a re-run is served from the cache with zero requests.

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { chatCompletion, startFakeOpenAi, type FakeRequest } from '../../test/support/fake-openai.js';
import { createOpenAiCompatibleClient } from '../llm/openai-compatible.js';
import { createRunAccount, makeReliable } from '../llm/reliable.js';
import { createResponseCache } from '../llm/response-cache.js';
import { Secret } from '../llm/secret.js';
import { loadGlossary } from './glossary-file.js';
import { itemsOf } from './scripted-client.fixture.js';
import { translateArticle, type ArticleToTranslate } from './translate.js';

const ARTICLE: ArticleToTranslate = {
  id: 'a-http',
  title: 'Veyra opens a data center',
  language: 'en',
  paragraphs: [
    'Veyra Systems opened a data center in Lyon on Monday.',
    'It holds 40,000 GPUs and draws 120MW.',
    'The firm expects to rent compute to',
    'Rivals are watching.',
  ],
};
const ZH: Record<string, string> = {
  'Veyra opens a data center': 'Veyra 开设数据中心',
  'Veyra Systems opened a data center in Lyon on Monday.': 'Veyra Systems 周一在里昂开设了一座数据中心。',
  'It holds 40,000 GPUs and draws 120MW.': '它拥有 4 万块 GPU，耗电 120 兆瓦。',
  'The firm expects to rent compute to': '该公司预计将向',
  'Rivals are watching.': '竞争对手正在观望。',
};

const sentItems = (r: FakeRequest) => {
  const user =
    (r.body.messages as Array<{ role: string; content: string }>).find((m) => m.role === 'user')?.content ?? '';
  return itemsOf({ system: '', messages: [{ role: 'user', content: user }], promptVersion: '', purpose: '' });
};

describe('translateArticle over HTTP', async () => {
  const server = await startFakeOpenAi((request, index) => {
    const items = sentItems(request);
    // The first (batch) answer merges p2 into p1 and drops p2.
    const paragraphs = items
      .filter((i) => index > 0 || i.id !== 'p2')
      .map((i) => ({
        id: i.id,
        text: index === 0 && i.id === 'p1' ? `${ZH[i.text]}${ZH[ARTICLE.paragraphs[1]!]}` : (ZH[i.text] ?? ''),
      }));
    return chatCompletion({ paragraphs });
  });
  after(() => server.close());
  const g = await loadGlossary();
  assert.ok(g.ok);
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'tidings-translate-cache-'));
  const stack = () => {
    const account = createRunAccount();
    const provider = createOpenAiCompatibleClient({
      baseUrl: `${server.origin}/v1`,
      apiKey: new Secret('sk-test-translate'),
      model: 'fake-translator',
      timeoutMs: 2000,
      name: 'fake',
    });
    const client = makeReliable(provider, {
      account,
      cache: createResponseCache(cacheDir),
      retry: { maxAttempts: 2 },
      concurrency: 2,
    });
    return { client, account };
  };

  it('first run: merged paragraphs caught and retried alone', async () => {
    const { client } = stack();
    const r = await translateArticle(ARTICLE, 'zh', { client, glossary: g.value });
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.equal(server.requests.length, 4, 'one batch, then p1, p2 and p3 alone');
    assert.deepEqual(
      r.value.pairs.map((p) => p.status),
      ['retried', 'retried', 'retried', 'ok'],
    );
    assert.deepEqual(
      r.value.pairs.map((p) => p.target),
      [
        'Veyra Systems 周一在里昂开设了一座数据中心。',
        '它拥有 4 万块 GPU，耗电 120 兆瓦。',
        '该公司预计将向',
        '竞争对手正在观望。',
      ],
    );
    assert.equal(r.value.truncatedSource, false);
    assert.ok(r.value.pairs[2]?.notes.includes('glossary: "compute" should read 算力'));
    assert.equal(r.value.model, 'fake-translator');
    assert.equal(r.value.usage.requests, 4);
    assert.equal(server.requests[0]?.body.response_format?.type, 'json_schema');
  });

  it('re-run: served from the cache, zero requests, the same translation', async () => {
    const before = server.requests.length;
    const { client } = stack();
    const r = await translateArticle(ARTICLE, 'zh', { client, glossary: g.value });
    assert.ok(r.ok);
    assert.equal(server.requests.length, before);
    assert.deepEqual(r.value.usage, { requests: 0, cached: 4, inputTokens: 0, outputTokens: 0 });
    assert.deepEqual(
      r.value.pairs.map((p) => p.status),
      ['retried', 'retried', 'retried', 'ok'],
    );
  });
});
