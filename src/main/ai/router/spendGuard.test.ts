import { describe, expect, it } from 'vitest';
import type { AiPrice } from '../../../shared/contracts/aiSettings';
import type { AiLedger } from './ledger';
import { estimateCompletionUsd, SpendGuard } from './spendGuard';
import { DEFAULT_MAX_TOKENS } from './providers/types';

const prices: AiPrice[] = [{ model: 'm', inputPerM: 1, outputPerM: 10, cachedPerM: null, source: 'default' }];
const msgs = [{ role: 'user' as const, content: 'x'.repeat(400) }];

/** A ledger whose logged spend the test sets. */
const ledgerWith = (spent: { usd: number }): AiLedger => ({ totals: () => ({ costUsd: spent.usd, requests: 0, inputTokens: 0, outputTokens: 0, cachedTokens: 0 }) }) as unknown as AiLedger;

describe('spend estimate', () => {
  it('prices the prompt estimate plus the output budget, the default budget when none is set', () => {
    const withBudget = estimateCompletionUsd(prices, 'm', msgs, 100);
    const withDefault = estimateCompletionUsd(prices, 'm', msgs, undefined);
    expect(withDefault - withBudget).toBeCloseTo(((DEFAULT_MAX_TOKENS - 100) * 10) / 1e6, 12);
    // 400 characters ≈ 100 tokens (+ framing): more than 100 and far less than 400 input tokens.
    const input = withBudget - (100 * 10) / 1e6;
    expect(input * 1e6).toBeGreaterThanOrEqual(100);
    expect(input * 1e6).toBeLessThan(400);
    expect(estimateCompletionUsd(prices, 'unknown-model', msgs, 100)).toBe(0);
  });
});

describe('SpendGuard', () => {
  it('counts held reservations and refuses what would pass the cap; release is idempotent', () => {
    const spent = { usd: 0.5 };
    const g = new SpendGuard(ledgerWith(spent), () => Date.now());
    const caps = { dailyCapUsd: 1, monthlyCapUsd: null };
    const a = g.admit(0.3, caps);
    expect(g.reservedUsd()).toBeCloseTo(0.3, 12);
    expect(() => g.admit(0.3, caps)).toThrow(expect.objectContaining({ code: 'AI_SPEND_CAP' }));
    expect(g.reservedUsd()).toBeCloseTo(0.3, 12);
    a.release();
    a.release();
    expect(g.reservedUsd()).toBe(0);
    g.admit(0.3, caps).release();
    // Spend at the cap refuses even a request with no known price.
    spent.usd = 1;
    expect(() => g.admit(0, caps)).toThrow(expect.objectContaining({ code: 'AI_SPEND_CAP' }));
    expect(() => g.admit(0, { dailyCapUsd: null, monthlyCapUsd: 0.9 })).toThrow(/monthly cap/);
    expect(g.admit(5, { dailyCapUsd: null, monthlyCapUsd: null }).estimateUsd).toBe(5);
  });
});
