import { describe, expect, it } from 'vitest';
import type { ResultPage } from '../../../shared/query';
import { PageCache } from './pageCache';

/** A fake spool of `total` rows [i] that records the windows asked for. */
function spool(total: number, complete = true) {
  const calls: Array<[number, number]> = [];
  const pending: Array<() => void> = [];
  const state = { total, complete };
  const fetch = (offset: number, limit: number): Promise<ResultPage> => {
    calls.push([offset, limit]);
    return new Promise((resolve) =>
      pending.push(() => {
        const end = Math.min(state.total, offset + limit);
        const rows = Array.from({ length: Math.max(0, end - offset) }, (_, i) => [offset + i]);
        resolve({ resultId: 'r', offset, rows, total: state.total, complete: state.complete });
      }),
    );
  };
  const flush = async () => {
    while (pending.length) {
      pending.shift()!();
      await Promise.resolve();
      await Promise.resolve();
    }
  };
  return { calls, fetch, flush, state };
}

describe('PageCache', () => {
  it('loads the viewport block first, then prefetches around it', async () => {
    const s = spool(1_000_000);
    const cache = new PageCache(s.fetch, { blockSize: 500 });
    cache.setCount(1_000_000, true);
    cache.want(999_990, 999_999);
    await s.flush();
    expect(s.calls[0]).toEqual([999_500, 500]);
    expect(cache.row(999_999)).toEqual([999_999]);
    expect(s.calls).toContainEqual([999_000, 500]);
  });

  it('stays bounded while scrolling through a million rows', async () => {
    const s = spool(1_000_000);
    const cache = new PageCache(s.fetch, { blockSize: 500, maxBlocks: 10 });
    cache.setCount(1_000_000, true);
    for (let r = 0; r < 1_000_000; r += 20_000) {
      cache.want(r, r + 30);
      await s.flush();
    }
    expect(cache.size).toBeLessThanOrEqual(10);
    expect(cache.row(0)).toBeUndefined();
    expect(cache.row(980_010)).toEqual([980_010]);
  });

  it('skips blocks the user scrolled past before they were fetched', async () => {
    const s = spool(100_000);
    const cache = new PageCache(s.fetch, { blockSize: 500, maxInFlight: 1 });
    cache.setCount(100_000, true);
    cache.want(0, 20); // block 0 in flight, block 1 queued
    cache.want(50_000, 50_020); // block 1 is no longer wanted
    await s.flush();
    expect(s.calls.map(([o]) => o)).not.toContain(500);
    expect(cache.row(50_010)).toEqual([50_010]);
  });

  it('re-reads a partial block once the streaming result has grown', async () => {
    const s = spool(120, false);
    const cache = new PageCache(s.fetch, { blockSize: 500 });
    cache.setCount(120, false);
    cache.want(0, 30);
    await s.flush();
    expect(cache.row(200)).toBeUndefined();
    s.state.total = 400;
    cache.setCount(400, false);
    cache.want(0, 30);
    await s.flush();
    expect(cache.row(399)).toEqual([399]);
  });
});
