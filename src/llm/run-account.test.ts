import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fail } from '../errors.js';
import type { LlmResponse } from './client.js';
import { createRunAccount } from './run-account.js';

const answer = (inputTokens: number, outputTokens: number, cached = false, model = 'veyra-chat-1'): LlmResponse => ({
  text: '{}',
  usage: { inputTokens, outputTokens },
  cached,
  provider: 'fake',
  model,
});

describe('run account', () => {
  it('reports requests, cache hits, tokens and cost against the budget', () => {
    const account = createRunAccount({
      prices: { 'veyra-chat-1': { input: 1.5, output: 3 } },
      budget: { maxCostUsd: 1 },
    });
    for (let i = 0; i < 9; i++)
      account.record(answer(i === 0 ? 8431 - 8 * 900 : 900, i === 0 ? 2210 - 8 * 200 : 200), 'card');
    for (let i = 0; i < 3; i++) account.record(answer(5000, 5000, true), 'card');
    assert.equal(
      account.report(),
      '12 requests (3 from cache), 8,431 input + 2,210 output tokens, $0.0193; budget $1.00',
    );
    const totals = account.totals();
    assert.equal(totals.byPurpose.card?.calls, 12);
    assert.equal(totals.byPurpose.card?.cached, 3);
    assert.equal(totals.budgetExhausted, false);
    assert.equal(account.budgetFailure(), null);
  });

  it('prices by provider/model before model name; unpriced models are named', () => {
    const account = createRunAccount({
      prices: { 'fake/veyra-chat-1': { input: 10, output: 0 }, 'veyra-chat-1': { input: 1, output: 0 } },
    });
    account.record(answer(1_000_000, 0), 'x');
    account.record(answer(10, 10, false, 'mystery-7b'), 'x');
    assert.equal(account.totals().costUsd, 10);
    assert.match(account.report(), /no price configured for mystery-7b \(cost not counted\)/);
  });

  const budgets: {
    name: string;
    budget: { maxCostUsd?: number; maxTokens?: number };
    calls: number;
    exhausted: boolean;
  }[] = [
    { name: 'cost below the limit', budget: { maxCostUsd: 0.005 }, calls: 2, exhausted: false },
    { name: 'cost past the limit', budget: { maxCostUsd: 0.0059 }, calls: 3, exhausted: true },
    { name: 'tokens at the limit', budget: { maxTokens: 3_000 }, calls: 2, exhausted: true },
    { name: 'tokens below', budget: { maxTokens: 3_001 }, calls: 2, exhausted: false },
  ];
  for (const b of budgets) {
    it(`budget: ${b.name}`, () => {
      // each call: 1,000 in + 500 out = $0.002 at $1/$2 per million
      const account = createRunAccount({ prices: { 'veyra-chat-1': { input: 1, output: 2 } }, budget: b.budget });
      for (let i = 0; i < b.calls; i++) account.record(answer(1_000, 500), 'card');
      assert.equal(account.totals().budgetExhausted, b.exhausted);
      const refusal = account.budgetFailure('card');
      assert.equal(refusal?.code, b.exhausted ? 'budget_exhausted' : undefined);
      if (refusal) assert.match(refusal.message, /budget .* is spent/);
    });
  }

  it('counts refusals, failures and retries in the report', () => {
    const account = createRunAccount({ budget: { maxTokens: 10 } });
    account.record(answer(8, 4), 'card');
    account.recordRetry();
    account.recordFailure(fail('server_error', 'x'), 'card');
    account.recordFailure(fail('budget_exhausted', 'y'), 'card');
    account.recordFailure(fail('budget_exhausted', 'y'), 'card');
    assert.equal(
      account.report(),
      '1 request (0 from cache), 8 input + 4 output tokens, $0.0000 (1 retry, 1 failed); budget 10 tokens reached: 2 calls not made; no price configured for veyra-chat-1 (cost not counted)',
    );
  });
});
