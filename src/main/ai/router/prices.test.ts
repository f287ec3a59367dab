/** Costs from usage: fresh input, cached reads (cheaper) and cache writes (dearer) priced apart. */
import { describe, expect, it } from 'vitest';
import type { AiPrice } from '../../../shared/contracts/aiSettings';
import { CACHE_WRITE_FACTOR, costOf, priceFor } from './prices';

const table: AiPrice[] = [
  { model: 'claude-sonnet-4', inputPerM: 3, outputPerM: 15, cachedPerM: 0.3, source: 'default' },
  { model: 'gpt-4o', inputPerM: 2.5, outputPerM: 10, cachedPerM: null, source: 'default' },
];

describe('costOf', () => {
  it('prices cache reads at the cached price and cache writes above the input price', () => {
    const usage = { inputTokens: 1_000_000, outputTokens: 100_000, cachedInputTokens: 400_000, cacheWriteInputTokens: 500_000 };
    const { costUsd } = costOf(table, 'claude-sonnet-4-20250514', usage, false);
    expect(costUsd).toBeCloseTo((100_000 * 3 + 400_000 * 0.3 + 500_000 * 3 * CACHE_WRITE_FACTOR + 100_000 * 15) / 1_000_000, 9);
  });

  it('never counts more cached or written tokens than the input had', () => {
    const { costUsd } = costOf(table, 'claude-sonnet-4', { inputTokens: 10, outputTokens: 0, cachedInputTokens: 8, cacheWriteInputTokens: 8 }, false);
    expect(costUsd).toBeCloseTo((8 * 0.3 + 2 * 3 * CACHE_WRITE_FACTOR) / 1_000_000, 12);
  });

  it('uses the input price for cached tokens without a cached price; local and unknown models cost nothing', () => {
    expect(costOf(table, 'gpt-4o', { inputTokens: 1000, outputTokens: 0, cachedInputTokens: 1000 }, false).costUsd).toBeCloseTo(0.0025, 9);
    expect(costOf(table, 'gpt-4o', { inputTokens: 1000, outputTokens: 10 }, true).costUsd).toBe(0);
    const unknown = costOf(table, 'mystery-1', { inputTokens: 1000, outputTokens: 10 }, false);
    expect(unknown.costUsd).toBe(0);
    expect(unknown.note).toMatch(/Settings → AI → Prices/);
    expect(priceFor(table, 'models/gpt-4o-2024-08-06')?.model).toBe('gpt-4o');
  });
});
