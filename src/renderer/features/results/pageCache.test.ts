import { describe, expect, it } from 'vitest';
import type { ResultPage } from '../../../shared/query';
import { AppError } from '../../../shared/errors';
import { PageCache, pageErrorMessage } from './pageCache';

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

  it('reports a closed result once, with what to do, and stops asking for it', async () => {
    let calls = 0;
    const cache = new PageCache(
      () => {
        calls++;
        return Promise.reject(new AppError('NOT_FOUND', 'No result r1.'));
      },
      { blockSize: 100 },
    );
    let changes = 0;
    cache.subscribe(() => changes++);
    cache.setCount(1_000, true);
    cache.want(0, 10, 0);
    await new Promise((r) => setTimeout(r, 0));
    expect(changes).toBeGreaterThan(1);
    expect(pageErrorMessage(cache.error)).toBe('This result is no longer available — run the query again to see its rows.');
    const asked = calls;
    cache.want(500, 510);
    expect(calls).toBe(asked);
  });

  it('explains other read failures and clears them after a successful read', async () => {
    expect(pageErrorMessage(new AppError('TIMEOUT', 'The server did not answer in time.'))).toBe(
      'Could not load these rows: The server did not answer in time.',
    );
    const s = spool(1_000);
    let fail = true;
    const cache = new PageCache(
      (o, l) => (fail ? Promise.reject(new AppError('CONNECTION_LOST', 'Lost.')) : s.fetch(o, l)),
      { blockSize: 500 },
    );
    cache.setCount(1_000, true);
    cache.want(0, 10, 0);
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.error).not.toBeNull();
    fail = false;
    cache.want(0, 10, 0);
    await s.flush();
    expect(cache.error).toBeNull();
    expect(cache.row(5)).toEqual([5]);
  });
});
