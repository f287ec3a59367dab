/** Spend caps under concurrency: paid requests reserve their estimated cost at admission, so together they cannot overshoot a cap. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { estimateCompletionUsd } from '../../src/main/ai/router/spendGuard';
import { costOf } from '../../src/main/ai/router/prices';
import type { ChatMessage } from '../../src/main/ai/types';
import { startAiStandIn, type AiStandIn } from '../harness/aiStandIn';
import { routerFixture, type RouterFixture } from './routerHarness';

let s: AiStandIn;
let f: RouterFixture;
const MODEL = 'gpt-4o-mini';
const MAX_TOKENS = 200;

beforeAll(async () => {
  s = await startAiStandIn();
});
afterAll(async () => {
  await s.close();
});
afterEach(() => {
  s.reset();
  f?.close();
});

/** Equal-sized prompts (so every request has the same estimate), distinct so none is a cache hit. */
const question = (i: number): ChatMessage[] => [
  { role: 'system', content: 'SCHEMA: table film(film_id int, title text, length int)', cacheable: true },
  { role: 'user', content: `how many films are longer than ${100 + i} minutes?` },
];

async function openAi(): Promise<string> {
  f = routerFixture({ retry: { maxAttempts: 1 } });
  return (await f.router.saveProvider({ kind: 'openai', name: 'OpenAI', baseUrl: s.openaiBaseUrl, models: [MODEL], key: 'sk-test-spend-cap-0001' })).id;
}

const estimate = (): number => estimateCompletionUsd(f.router.prices(), MODEL, question(0), MAX_TOKENS);

async function settle<T>(p: Promise<T>): Promise<{ ok: T } | { err: AppError }> {
  return p.then((ok) => ({ ok }), (err: unknown) => {
    expect(err).toBeInstanceOf(AppError);
    return { err: err as AppError };
  });
}

describe('AI spend cap under concurrency', () => {
  it('admits only what the cap allows, refuses the rest before any network call, and never overshoots', async () => {
    const provider = await openAi();
    const est = estimate();
    expect(est).toBeGreaterThan(0);
    const allowed = 3;
    const cap = est * (allowed + 0.5);
    f.router.saveSettings({ dailyCapUsd: cap });
    // The provider reports more input tokens than the estimate and fewer output tokens than the budget,
    // close enough to the estimate that exactly `allowed` fit even if some finished before others were admitted.
    const usage = { input: 60, output: 180 };
    s.defaultReply = { text: 'SELECT count(*) FROM film;', usage, delayMs: 200 };
    const n = 8;
    const results = await Promise.all(Array.from({ length: n }, (_, i) => settle(f.router.complete({ task: 'ask', provider, messages: question(i), maxTokens: MAX_TOKENS }))));

    const ok = results.filter((r) => 'ok' in r);
    const refused = results.flatMap((r) => ('err' in r ? [r.err] : []));
    expect(ok).toHaveLength(allowed);
    expect(refused).toHaveLength(n - allowed);
    for (const e of refused) {
      expect(e.code).toBe('AI_SPEND_CAP');
      expect(e.message).toMatch(/daily cap .*raise it in Settings → AI, or use a local model/);
    }
    // Refused requests never reached the provider.
    expect(s.requestsFor('openai.chat')).toHaveLength(allowed);

    const actual = costOf(f.router.prices(), MODEL, { inputTokens: usage.input, outputTokens: usage.output }, false).costUsd;
    expect(actual * allowed + est).toBeGreaterThan(cap);
    const estimateError = Math.max(0, actual - est);
    const spent = f.router.usage().today.costUsd;
    expect(spent).toBeCloseTo(allowed * actual, 12);
    expect(spent).toBeLessThanOrEqual(cap + estimateError);
    expect(f.router.reservedUsd()).toBe(0);
  });

  it('answers from the cache at no cost and without reserving, even when the cap refuses new requests', async () => {
    const provider = await openAi();
    const est = estimate();
    f.router.saveSettings({ dailyCapUsd: est * 1.5 });
    s.defaultReply = { text: 'SELECT 1;', usage: { input: 30, output: 100 } };
    const first = await f.router.complete({ task: 'ask', provider, messages: question(1), maxTokens: MAX_TOKENS });
    expect(first.cached).toBe(false);
    // What is left under the cap is less than one more request's estimate: a new question is refused …
    const refused = await settle(f.router.complete({ task: 'ask', provider, messages: question(2), maxTokens: MAX_TOKENS }));
    expect('err' in refused && refused.err.code).toBe('AI_SPEND_CAP');
    // … but the same question again comes from the cache, free, without a call.
    const again = await f.router.complete({ task: 'ask', provider, messages: question(1), maxTokens: MAX_TOKENS });
    expect(again).toMatchObject({ cached: true, costUsd: 0, text: 'SELECT 1;' });
    expect(s.requestsFor('openai.chat')).toHaveLength(1);
    expect(f.router.usage().today.costUsd).toBeCloseTo(first.costUsd, 12);
    expect(f.router.reservedUsd()).toBe(0);
  });

  it('holds the estimate while a request runs and releases it when the request fails or is cancelled', async () => {
    const provider = await openAi();
    const est = estimate();
    f.router.saveSettings({ dailyCapUsd: est * 1.5 });

    // A refused key: the reservation goes; the failed attempt costs nothing, so the next request is admitted.
    s.script('openai.chat', { status: 401, errorMessage: 'Incorrect API key provided' });
    const failed = await settle(f.router.complete({ task: 'ask', provider, messages: question(1), maxTokens: MAX_TOKENS }));
    expect('err' in failed && failed.err.code).toBe('AI_BAD_KEY');
    expect(f.router.reservedUsd()).toBe(0);

    // A request in flight holds its estimate: a second one does not fit beside it.
    s.script('openai.chat', { hang: true });
    const ac = new AbortController();
    const running = settle(f.router.complete({ task: 'ask', provider, messages: question(2), maxTokens: MAX_TOKENS, signal: ac.signal }));
    await vi.waitFor(() => expect(s.requestsFor('openai.chat')).toHaveLength(2), { timeout: 10_000, interval: 20 });
    expect(f.router.reservedUsd()).toBeCloseTo(est, 12);
    const beside = await settle(f.router.complete({ task: 'ask', provider, messages: question(3), maxTokens: MAX_TOKENS }));
    expect('err' in beside && beside.err.code).toBe('AI_SPEND_CAP');
    expect('err' in beside && beside.err.message).toMatch(/still running/);
    expect(s.requestsFor('openai.chat')).toHaveLength(2);

    ac.abort();
    const cancelled = await running;
    expect('err' in cancelled && cancelled.err.code).toBe('AI_CANCELLED');
    expect(f.router.reservedUsd()).toBe(0);
    // Released: the next request fits again.
    s.script('openai.chat', { text: 'SELECT 3;', usage: { input: 30, output: 100 } });
    const after = await f.router.complete({ task: 'ask', provider, messages: question(3), maxTokens: MAX_TOKENS });
    expect(after.text).toBe('SELECT 3;');
  });
});
