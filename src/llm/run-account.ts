// Usage accounting for one run: calls, cache hits, tokens, cost from configured prices, and the
// run's budget. A plain state object with no I/O and no clock; the reliable layer feeds it.

import { fail, type Failure } from '../errors.js';
import type { LlmResponse } from './client.js';

/** US dollars per million tokens. */
export interface ModelPrice {
  readonly input: number;
  readonly output: number;
}

/** Spending stops at whichever limit is reached first; absent = no limit. */
export interface Budget {
  readonly maxCostUsd?: number | undefined;
  readonly maxTokens?: number | undefined;
}

export interface RunAccountOptions {
  /** Prices by "provider/model" or by model name (the first found wins). */
  readonly prices?: Readonly<Record<string, ModelPrice>>;
  readonly budget?: Budget;
}

export interface PurposeTotals {
  calls: number;
  cached: number;
  inputTokens: number;
  outputTokens: number;
}

export interface UsageTotals {
  /** Calls answered, from the network or the cache. */
  readonly requests: number;
  readonly cached: number;
  readonly failed: number;
  readonly retries: number;
  /** Calls refused because the budget was spent. */
  readonly refused: number;
  /** Tokens spent on the network (cache hits cost nothing). */
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number;
  /** Models that answered without a configured price: their cost is not counted. */
  readonly unpricedModels: readonly string[];
  readonly budgetExhausted: boolean;
  readonly byPurpose: Readonly<Record<string, PurposeTotals>>;
}

export interface RunAccount {
  record(response: LlmResponse, purpose: string): void;
  recordFailure(failure: Failure, purpose: string): void;
  recordRetry(): void;
  /** A budget_exhausted failure when the budget is spent, else null: checked before each network call. */
  budgetFailure(subject?: string): Failure | null;
  totals(): UsageTotals;
  /** "12 requests (3 from cache), 8,431 input + 2,210 output tokens, $0.0191; budget $1.00" */
  report(): string;
}

export function createRunAccount(options: RunAccountOptions = {}): RunAccount {
  const prices = options.prices ?? {};
  const budget = options.budget ?? {};
  let requests = 0;
  let cached = 0;
  let failed = 0;
  let retries = 0;
  let refused = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let costUsd = 0;
  const unpriced = new Set<string>();
  const byPurpose: Record<string, PurposeTotals> = {};
  const purposeOf = (purpose: string): PurposeTotals =>
    (byPurpose[purpose] ??= { calls: 0, cached: 0, inputTokens: 0, outputTokens: 0 });

  const exhausted = (): boolean =>
    (budget.maxCostUsd !== undefined && costUsd >= budget.maxCostUsd) ||
    (budget.maxTokens !== undefined && inputTokens + outputTokens >= budget.maxTokens);

  const totals = (): UsageTotals => ({
    requests,
    cached,
    failed,
    retries,
    refused,
    inputTokens,
    outputTokens,
    costUsd,
    unpricedModels: [...unpriced].sort(),
    budgetExhausted: exhausted(),
    byPurpose: structuredClone(byPurpose),
  });

  return {
    record(response, purpose) {
      requests++;
      const p = purposeOf(purpose);
      p.calls++;
      if (response.cached) {
        cached++;
        p.cached++;
        return;
      }
      inputTokens += response.usage.inputTokens;
      outputTokens += response.usage.outputTokens;
      p.inputTokens += response.usage.inputTokens;
      p.outputTokens += response.usage.outputTokens;
      const price = prices[`${response.provider}/${response.model}`] ?? prices[response.model];
      if (price === undefined) {
        unpriced.add(response.model);
        return;
      }
      costUsd += (response.usage.inputTokens * price.input + response.usage.outputTokens * price.output) / 1_000_000;
    },
    recordFailure(failure) {
      if (failure.code === 'budget_exhausted') refused++;
      else failed++;
    },
    recordRetry() {
      retries++;
    },
    budgetFailure(subject) {
      if (!exhausted()) return null;
      return fail(
        'budget_exhausted',
        `the run's model budget (${describeBudget(budget)}) is spent: ${describeSpent(totals())}; no further model calls this run`,
        subject,
      );
    },
    totals,
    report: () => renderUsage(totals(), budget),
  };
}

export function renderUsage(t: UsageTotals, budget: Budget): string {
  const parts = [
    `${n(t.requests)} request${t.requests === 1 ? '' : 's'} (${n(t.cached)} from cache)`,
    describeSpent(t),
  ];
  let line = parts.join(', ');
  const extras: string[] = [];
  if (t.retries > 0) extras.push(`${n(t.retries)} retr${t.retries === 1 ? 'y' : 'ies'}`);
  if (t.failed > 0) extras.push(`${n(t.failed)} failed`);
  if (extras.length > 0) line += ` (${extras.join(', ')})`;
  const limit = describeBudget(budget);
  if (limit) {
    line += `; budget ${limit}`;
    if (t.budgetExhausted)
      line += ` reached${t.refused > 0 ? `: ${n(t.refused)} call${t.refused === 1 ? '' : 's'} not made` : ''}`;
  }
  if (t.unpricedModels.length > 0)
    line += `; no price configured for ${t.unpricedModels.join(', ')} (cost not counted)`;
  return line;
}

function describeSpent(t: UsageTotals): string {
  return `${n(t.inputTokens)} input + ${n(t.outputTokens)} output tokens, $${t.costUsd.toFixed(4)}`;
}

function describeBudget(budget: Budget): string {
  const parts: string[] = [];
  if (budget.maxCostUsd !== undefined) parts.push(usd(budget.maxCostUsd));
  if (budget.maxTokens !== undefined) parts.push(`${n(budget.maxTokens)} tokens`);
  return parts.join(' or ');
}

/** $1.00 as written; a limit finer than cents keeps its digits ($0.0055). */
const usd = (value: number): string =>
  `$${Number(value.toFixed(2)) === value ? value.toFixed(2) : String(Number(value.toFixed(6)))}`;

const n = (value: number): string => value.toLocaleString('en-US');
