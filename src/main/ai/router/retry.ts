/** Retry timing: exponential backoff with jitter, or the provider's Retry-After (capped). */

/** How hard the router retries one provider before falling back. */
export interface RetryPolicy {
  /** Attempts per provider, first call included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is cut to it (a provider asking for an hour should not hang the UI). */
  maxRetryAfterMs: number;
  /** An attempt with no answer (or, streaming, no token) for this long is abandoned and retried; generous, as reasoning models think before the first token. */
  idleTimeoutMs: number;
}

/** Defaults for interactive use. */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 20_000, idleTimeoutMs: 120_000 };

/** Delay before retry number `retry` (1 = first retry): Retry-After when sent, else half-jittered exponential. */
export function retryDelay(retry: number, policy: RetryPolicy, random: () => number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return exp / 2 + random() * (exp / 2);
}

/** Sleeps `ms`, rejecting as soon as `signal` aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
