import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fail, ok, type Result } from '../errors.js';
import type { ExchangeResponse } from './http-exchange.js';
import { loadRobotsPolicy, policyForResponse } from './robots-loader.js';

const body = (text: string): Uint8Array => new TextEncoder().encode(text);

const policies: Array<[name: string, status: number, text: string | null, kind: string]> = [
  ['200 with rules', 200, 'User-agent: *\nDisallow: /x\n', 'rules'],
  ['200 empty', 200, '', 'rules'],
  ['404', 404, null, 'allow-all'],
  ['401', 401, null, 'allow-all'],
  ['429', 429, null, 'disallow-all'],
  ['500', 500, null, 'disallow-all'],
  ['503', 503, null, 'disallow-all'],
];
for (const [name, status, text, kind] of policies) {
  test(`policyForResponse: ${name}`, () => {
    const policy = policyForResponse('http://n.example/robots.txt', status, text === null ? null : body(text));
    assert.equal(policy.kind, kind);
    if (policy.kind !== 'rules')
      assert.match(policy.reason, new RegExp(`n\\.example/robots\\.txt answered HTTP ${status}`));
  });
}

function scripted(answers: Record<string, Result<ExchangeResponse>>) {
  const asked: string[] = [];
  const get = async (url: URL): Promise<Result<ExchangeResponse>> => {
    asked.push(url.href);
    return answers[url.href] ?? ok({ status: 404, headers: {}, body: null });
  };
  return { asked, get };
}

test('loadRobotsPolicy: follows a redirect to another host', async () => {
  const { asked, get } = scripted({
    'http://n.example/robots.txt': ok({
      status: 301,
      headers: { location: 'https://www.n.example/robots.txt' },
      body: null,
    }),
    'https://www.n.example/robots.txt': ok({ status: 200, headers: {}, body: body('User-agent: *\nDisallow: /\n') }),
  });
  const policy = await loadRobotsPolicy(new URL('http://n.example/a/b?c'), get);
  assert.ok(policy.ok);
  assert.equal(policy.value.kind, 'rules');
  assert.deepEqual(asked, ['http://n.example/robots.txt', 'https://www.n.example/robots.txt']);
});

test('loadRobotsPolicy: more than five redirects means unavailable (allow all)', async () => {
  const answers: Record<string, Result<ExchangeResponse>> = {};
  for (let i = 0; i < 10; i++)
    answers[`http://n.example/r${i === 0 ? 'obots.txt' : i}`] = ok({
      status: 302,
      headers: { location: `/r${i + 1}` },
      body: null,
    });
  const { asked, get } = scripted(answers);
  const policy = await loadRobotsPolicy(new URL('http://n.example/'), get);
  assert.ok(policy.ok);
  assert.equal(policy.value.kind, 'allow-all');
  assert.equal(asked.length, 6);
});

test('loadRobotsPolicy: a network failure is returned, not turned into a policy', async () => {
  const { get } = scripted({
    'http://n.example/robots.txt': fail('network_error', 'http://n.example/robots.txt could not be fetched: refused'),
  });
  const policy = await loadRobotsPolicy(new URL('http://n.example/x'), get);
  assert.equal(policy.ok, false);
  if (!policy.ok) assert.equal(policy.code, 'network_error');
});
