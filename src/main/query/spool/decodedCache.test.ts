import { describe, expect, it } from 'vitest';
import type { Row } from '../../../shared/values';
import { DecodedCache, estimateRowsBytes } from './decodedCache';

const rows = (n: number, text = 'x'): Row[] => Array.from({ length: n }, (_, i) => [i, text]);

describe('DecodedCache', () => {
  it('evicts the least recently used chunk past the entry bound', () => {
    const cache = new DecodedCache<string>(2, Infinity);
    cache.set('a', rows(1));
    cache.set('b', rows(1));
    expect(cache.get('a')).toBeDefined(); // a is now the most recent
    cache.set('c', rows(1));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('stays under its byte bound but always keeps the chunk just read', () => {
    const big = rows(100, 'y'.repeat(100));
    const size = estimateRowsBytes(big);
    const cache = new DecodedCache<string>(10, size * 1.5);
    cache.set('a', big);
    cache.set('b', rows(100, 'z'.repeat(100)));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.bytes).toBeLessThanOrEqual(size * 1.5);
    const tiny = new DecodedCache<string>(10, 1);
    tiny.set('only', big);
    expect(tiny.get('only')).toBe(big);
    tiny.clear();
    expect(tiny.bytes).toBe(0);
  });
});
