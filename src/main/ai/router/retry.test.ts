import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, retryDelay } from './retry';
import { parseRetryAfter, scrub } from './classify';

describe('retry timing', () => {
  it('grows exponentially with jitter inside [exp/2, exp]', () => {
    const p = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(retryDelay(1, p, () => 0)).toBe(50);
    expect(retryDelay(1, p, () => 1)).toBe(100);
    expect(retryDelay(3, p, () => 0.5)).toBe(300);
    expect(retryDelay(10, p, () => 1)).toBe(1000);
  });
  it('honours Retry-After, capped', () => {
    const p = { ...DEFAULT_RETRY, maxRetryAfterMs: 5000 };
    expect(retryDelay(1, p, () => 0, 2000)).toBe(2000);
    expect(retryDelay(1, p, () => 0, 3_600_000)).toBe(5000);
  });
  it('parses Retry-After seconds, HTTP dates and retry-after-ms', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter(null, 0, '250')).toBe(250);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});

describe('scrub', () => {
  it('removes the key and key-shaped strings', () => {
    const key = 'sk-proj-abcdefghijklmnop';
    const out = scrub(`Incorrect API key provided: ${key}. Also Bearer xyz123 and AIzaSyA1234567890abc and api_key=zzz999`, key);
    expect(out).not.toContain('abcdefghijklmnop');
    expect(out).not.toContain('xyz123');
    expect(out).not.toContain('AIzaSyA1234567890abc');
    expect(out).not.toContain('zzz999');
    expect(out).toContain('Incorrect API key provided');
  });
});
