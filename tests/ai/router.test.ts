/** The AI router with the REAL SDKs against the loopback stand-in: streaming, retries, fallback, cancel, errors, cache, caps, local only. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import type { ChatMessage } from '../../src/main/ai/types';
import { CACHE_WRITE_FACTOR } from '../../src/main/ai/router/prices';
import { startAiStandIn, type AiStandIn } from '../harness/aiStandIn';
import { routerFixture, type RouterFixture } from './routerHarness';

let s: AiStandIn;
let s2: AiStandIn;
let f: RouterFixture;
const msgs: ChatMessage[] = [
  { role: 'system', content: 'SCHEMA: table film(film_id int, title text)', cacheable: true },
  { role: 'system', content: 'Answer with SQL only.' },
  { role: 'user', content: 'how many films?' },
];

beforeAll(async () => {
  [s, s2] = await Promise.all([startAiStandIn(), startAiStandIn()]);
});
afterAll(async () => {
  await Promise.all([s.close(), s2.close()]);
});
afterEach(() => {
  s.reset();
  s2.reset();
  f?.close();
});

async function caught(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

async function setup(): Promise<{ openai: string; anthropic: string; gemini: string }> {
  f = routerFixture();
  const openai = (await f.router.saveProvider({ kind: 'openai', name: 'OpenAI', baseUrl: s.openaiBaseUrl, models: ['gpt-4o-mini'], key: 'sk-test-openai-key-0001' })).id;
  const anthropic = (await f.router.saveProvider({ kind: 'anthropic', name: 'Anthropic', baseUrl: s.anthropicBaseUrl, models: ['claude-3-5-haiku-latest'], key: 'ak-test-anthropic-key-0002' })).id;
  const gemini = (await f.router.saveProvider({ kind: 'gemini', name: 'Gemini', baseUrl: s.geminiBaseUrl, models: ['gemini-2.0-flash'], key: 'gk-test-gemini-key-0003' })).id;
  return { openai, anthropic, gemini };
}

describe('AI router: streaming and cost', () => {
  it.each([
    ['openai', 'openai.chat'],
    ['anthropic', 'anthropic.messages'],
    ['gemini', 'gemini.generate'],
  ] as const)('streams %s deltas in order and prices the usage', async (kind, route) => {
    const ids = await setup();
    s.script(route, { chunks: ['SELECT ', 'count(*) ', 'FROM ', 'film;'], usage: { input: 1000, output: 200, cached: 400 } });
    const deltas: string[] = [];
    const r = await f.router.complete({ task: 'ask', provider: ids[kind], messages: msgs, onToken: (d) => deltas.push(d) });
    expect(deltas).toEqual(['SELECT ', 'count(*) ', 'FROM ', 'film;']);
    expect(r.text).toBe('SELECT count(*) FROM film;');
    expect(r.usage).toEqual({ inputTokens: 1000, outputTokens: 200, cachedInputTokens: 400 });
    // The most specific entry of the price table prices the model (gpt-4o-mini, not gpt-4o).
    const price = f.router.prices().filter((p) => r.model.startsWith(p.model)).sort((a, b) => b.model.length - a.model.length)[0]!;
    expect(price).toBeDefined();
    expect(r.costUsd).toBeCloseTo((600 * price.inputPerM + 400 * (price.cachedPerM ?? price.inputPerM) + 200 * price.outputPerM) / 1e6, 12);
    expect(r.costUsd).toBeGreaterThan(0);
    expect(f.router.usage().today.costUsd).toBeCloseTo(r.costUsd, 12);
  });

  it('prices Anthropic prompt-cache writes above the input price', async () => {
    const ids = await setup();
    s.script('anthropic.messages', { text: 'SELECT 1;', usage: { input: 3000, output: 100, cached: 0, written: 2000 } });
    const r = await f.router.complete({ task: 'ask', provider: ids.anthropic, messages: msgs });
    expect(r.usage).toEqual({ inputTokens: 3000, outputTokens: 100, cachedInputTokens: 0, cacheWriteInputTokens: 2000 });
    const price = f.router.prices().filter((p) => r.model.startsWith(p.model)).sort((a, b) => b.model.length - a.model.length)[0]!;
    expect(r.costUsd).toBeCloseTo((1000 * price.inputPerM + 2000 * price.inputPerM * CACHE_WRITE_FACTOR + 100 * price.outputPerM) / 1e6, 12);
  });

  it('answers without streaming when no one listens for tokens', async () => {
    const ids = await setup();
    s.script('openai.chat', { text: 'SELECT 1;' });
    const r = await f.router.complete({ task: 'ask', provider: ids.openai, messages: msgs });
    expect(r.text).toBe('SELECT 1;');
    expect((s.requestsFor('openai.chat')[0]!.body as { stream?: boolean }).stream).toBeUndefined();
  });

  it.each([
    ['openai', 'openai.chat'],
    ['anthropic', 'anthropic.messages'],
    ['gemini', 'gemini.generate'],
  ] as const)('logs exactly the %s body the provider received (streamed or not)', async (kind, route) => {
    const ids = await setup();
    const a = await f.router.complete({ task: 'explain', provider: ids[kind], messages: msgs, temperature: 0, maxTokens: 300, connectionId: 'conn-1' });
    const b = await f.router.complete({ task: 'explain', provider: ids[kind], messages: msgs, temperature: 0, maxTokens: 300, bypassCache: true, onToken: () => undefined });
    const got = s.requestsFor(route).map((r) => r.body);
    expect(JSON.parse(f.router.ledger.get(a.logId)!.payloadJson)).toEqual(got[0]);
    expect(JSON.parse(f.router.ledger.get(b.logId)!.payloadJson)).toEqual(got[1]);
    expect(f.router.ledger.get(a.logId)).toMatchObject({ task: 'explain', connectionId: 'conn-1', outcome: 'ok', provider: ids[kind] });
  });

  it('puts the schema first with cache_control on Anthropic', async () => {
    const ids = await setup();
    await f.router.complete({ task: 'ask', provider: ids.anthropic, messages: msgs });
    const body = s.requestsFor('anthropic.messages')[0]!.body as { system: { text: string; cache_control?: unknown }[]; messages: unknown[] };
    expect(body.system[0]).toEqual({ type: 'text', text: msgs[0]!.content, cache_control: { type: 'ephemeral' } });
    expect(body.system[1]!.cache_control).toBeUndefined();
    expect(body.messages).toEqual([{ role: 'user', content: 'how many films?' }]);
  });

  it('prices unknown models at 0 with a note in the log', async () => {
    f = routerFixture();
    const id = (await f.router.saveProvider({ kind: 'openai', name: 'O', baseUrl: s.openaiBaseUrl, models: ['mystery-model'], key: 'sk-x-1234' })).id;
    const r = await f.router.complete({ task: 'ask', provider: id, messages: msgs });
    expect(r.costUsd).toBe(0);
    expect(f.router.ledger.get(r.logId)?.note).toMatch(/No price for "mystery-model"/);
    f.router.savePrices([{ model: 'mystery-model', inputPerM: 1, outputPerM: 2, cachedPerM: null }], []);
    const r2 = await f.router.complete({ task: 'ask', provider: id, messages: msgs, bypassCache: true });
    expect(r2.costUsd).toBeGreaterThan(0);
  });
});

describe('AI router: retries and fallback', () => {
  it('backs off on 429 honouring Retry-After, then succeeds', async () => {
    const ids = await setup();
    s.script('openai.chat', { status: 429, headers: { 'retry-after': '2' } }, { text: 'ok' });
    const r = await f.router.complete({ task: 'ask', provider: ids.openai, messages: msgs });
    expect(r.text).toBe('ok');
    expect(f.sleeps).toEqual([2000]);
    expect(s.requestsFor('openai.chat')).toHaveLength(2);
    const log = f.router.ledger.list(0, 10).entries;
    expect(log.map((e) => e.outcome)).toEqual(['ok', 'error']);
  });

  it('caps a huge Retry-After and retries Gemini 503s with backoff', async () => {
    const ids = await setup();
    s.script('gemini.generate', { status: 429, headers: { 'retry-after': '3600' } }, { status: 503 }, { text: 'fine' });
    const r = await f.router.complete({ task: 'ask', provider: ids.gemini, messages: msgs });
    expect(r.text).toBe('fine');
    expect(f.sleeps[0]).toBe(20_000);
    expect(f.sleeps[1]).toBeGreaterThan(0);
  });

  it('falls back to the next provider in the chain after 500s', async () => {
    const ids = await setup();
    f.router.saveSettings({ defaults: { ask: { provider: ids.openai, model: 'gpt-4o-mini' } }, fallback: [{ provider: ids.anthropic, model: 'claude-3-5-haiku-latest' }] });
    s.script('openai.chat', { status: 500 }, { status: 500 }, { status: 500 });
    s.script('anthropic.messages', { text: 'from claude' });
    const r = await f.router.complete({ task: 'ask', messages: msgs });
    expect(r.provider).toBe(ids.anthropic);
    expect(r.text).toBe('from claude');
    expect(s.requestsFor('openai.chat')).toHaveLength(3);
    expect(f.sleeps).toHaveLength(2);
  });

  it('retries an attempt that hangs, and falls back from an unreachable server', async () => {
    f = routerFixture({ retry: { idleTimeoutMs: 300, maxAttempts: 2 } });
    const dead = (await f.router.saveProvider({ kind: 'openai', name: 'Dead', baseUrl: 'http://127.0.0.1:9/v1', models: ['gpt-4o-mini'], key: 'sk-dead-1234' })).id;
    const slow = (await f.router.saveProvider({ kind: 'openai', name: 'Slow', baseUrl: s.openaiBaseUrl, models: ['gpt-4o-mini'], key: 'sk-slow-1234' })).id;
    f.router.saveSettings({ defaults: { ask: { provider: dead, model: 'gpt-4o-mini' } }, fallback: [{ provider: slow, model: 'gpt-4o-mini' }] });
    s.script('openai.chat', { hang: true }, { text: 'finally' });
    const r = await f.router.complete({ task: 'ask', messages: msgs });
    expect(r.text).toBe('finally');
    expect(r.provider).toBe(slow);
    const first = s.requestsFor('openai.chat')[0]!;
    await first.done;
    expect(first.closedEarly).toBe(true);
  });
});

describe('AI router: cancel and coded errors', () => {
  it.each([
    ['openai', 'openai.chat'],
    ['anthropic', 'anthropic.messages'],
    ['gemini', 'gemini.generate'],
  ] as const)('cancel mid-stream (%s) closes the request and no further tokens arrive', async (kind, route) => {
    const ids = await setup();
    s.script(route, { chunks: ['a', 'b', 'c', 'd'], hangAfterChunks: 2 });
    const ac = new AbortController();
    const tokens: string[] = [];
    const e = await caught(
      f.router.complete({ task: 'ask', provider: ids[kind], messages: msgs, signal: ac.signal, onToken: (d) => { tokens.push(d); if (tokens.length === 2) ac.abort(); } }),
    );
    expect(e.code).toBe('AI_CANCELLED');
    const rec = s.requestsFor(route)[0]!;
    await rec.done;
    expect(rec.closedEarly).toBe(true);
    expect(tokens).toEqual(['a', 'b']);
    expect(s.requestsFor(route)).toHaveLength(1);
    expect(f.router.ledger.list(0, 5).entries[0]?.outcome).toBe('cancelled');
  });

  it.each([
    ['openai', 'openai.chat'],
    ['anthropic', 'anthropic.messages'],
    ['gemini', 'gemini.generate'],
  ] as const)('a refused %s key is AI_BAD_KEY with advice and no key text, and is not retried', async (kind, route) => {
    const ids = await setup();
    const key = `${kind}-SECRET-KEY-value-9876`;
    await f.router.saveProvider({ id: ids[kind], kind, name: kind, baseUrl: kind === 'openai' ? s.openaiBaseUrl : s.url, models: kind === 'openai' ? ['gpt-4o-mini'] : kind === 'anthropic' ? ['claude-3-5-haiku-latest'] : ['gemini-2.0-flash'], key });
    f.router.saveSettings({ fallback: [{ provider: ids.openai === ids[kind] ? ids.anthropic : ids.openai, model: 'x' }] });
    s.script(route, { status: 401, errorMessage: `Incorrect API key provided: ${key}. Bearer ${key}` });
    const e = await caught(f.router.complete({ task: 'ask', provider: ids[kind], messages: msgs }));
    expect(e.code).toBe('AI_BAD_KEY');
    expect(e.message).toMatch(/key was refused; update it in Settings → AI/);
    expect(JSON.stringify(e.toData())).not.toContain('SECRET-KEY');
    expect(s.requests).toHaveLength(1);
  });

  it('maps 404, context-too-long and quota to their codes', async () => {
    const ids = await setup();
    s.script('openai.chat',
      { status: 404, errorType: 'model_not_found', errorMessage: 'The model `gpt-9` does not exist' },
      { status: 400, errorType: 'context_length_exceeded', errorMessage: "This model's maximum context length is 128000 tokens" },
      { status: 429, errorType: 'insufficient_quota', errorMessage: 'You exceeded your current quota, please check your plan and billing details.' });
    expect((await caught(f.router.complete({ task: 'ask', provider: ids.openai, messages: msgs }))).code).toBe('AI_MODEL_NOT_FOUND');
    expect((await caught(f.router.complete({ task: 'ask', provider: ids.openai, messages: msgs }))).code).toBe('AI_CONTEXT_TOO_LONG');
    expect((await caught(f.router.complete({ task: 'ask', provider: ids.openai, messages: msgs }))).code).toBe('AI_QUOTA');
    expect(s.requests).toHaveLength(3);
    expect(f.sleeps).toEqual([]);
  });
});

describe('AI router: cache, caps, local only', () => {
  it('answers a repeated request from the cache without a call; bypassCache calls again', async () => {
    const ids = await setup();
    s.script('openai.chat', { text: 'SELECT 42;' }, { text: 'SELECT 43;' });
    const a = await f.router.complete({ task: 'ask', provider: ids.openai, messages: msgs });
    const tokens: string[] = [];
    const b = await f.router.complete({ task: 'ask', provider: ids.openai, messages: msgs, onToken: (t) => tokens.push(t) });
    expect(a.cached).toBe(false);
    expect(b).toMatchObject({ cached: true, text: 'SELECT 42;', costUsd: 0 });
    expect(tokens).toEqual(['SELECT 42;']);
    expect(s.requestsFor('openai.chat')).toHaveLength(1);
    const c = await f.router.complete({ task: 'ask', provider: ids.openai, messages: msgs, bypassCache: true });
    expect(c).toMatchObject({ cached: false, text: 'SELECT 43;' });
    expect(s.requestsFor('openai.chat')).toHaveLength(2);
    // A different question is a different fingerprint.
    await f.router.complete({ task: 'ask', provider: ids.openai, messages: [...msgs.slice(0, 2), { role: 'user', content: 'other?' }] });
    expect(s.requestsFor('openai.chat')).toHaveLength(3);
  });

  it('refuses past the daily and monthly spend caps, before sending', async () => {
    const ids = await setup();
    s.script('openai.chat', { text: 'paid', usage: { input: 100_000, output: 10_000 } });
    const first = await f.router.complete({ task: 'ask', provider: ids.openai, messages: msgs });
    expect(first.costUsd).toBeGreaterThan(0);
    f.router.saveSettings({ dailyCapUsd: first.costUsd });
    const e = await caught(f.router.complete({ task: 'ask', provider: ids.openai, messages: [{ role: 'user', content: 'again' }] }));
    expect(e.code).toBe('AI_SPEND_CAP');
    expect(e.message).toMatch(/daily cap/);
    f.router.saveSettings({ dailyCapUsd: null, monthlyCapUsd: first.costUsd / 2 });
    expect((await caught(f.router.complete({ task: 'ask', provider: ids.openai, messages: [{ role: 'user', content: 'again' }] }))).message).toMatch(/monthly cap/);
    expect(s.requestsFor('openai.chat')).toHaveLength(1);
  });

  it('local only refuses remote providers but uses an OpenAI-compatible server on 127.0.0.1', async () => {
    const ids = await setup();
    f.router.saveSettings({ localOnly: true });
    expect(f.router.isBlocked(ids.openai)).toBe(true);
    const e = await caught(f.router.complete({ task: 'ask', provider: ids.anthropic, messages: msgs }));
    expect(e.code).toBe('AI_LOCAL_ONLY');
    expect(s.requests).toHaveLength(0);
    const local = await f.router.saveProvider({ kind: 'openai-compatible', name: 'Ollama', baseUrl: s2.openaiBaseUrl, models: ['llama3.2'] });
    expect(local.local).toBe(true);
    expect(f.router.isBlocked(local.id)).toBe(false);
    s2.script('openai.chat', { text: 'local answer', usage: { input: 10, output: 5 } });
    const r = await f.router.complete({ task: 'ask', provider: local.id, messages: msgs });
    expect(r).toMatchObject({ text: 'local answer', costUsd: 0 });
    // No key: the placeholder is sent, never a stored key.
    expect(s2.requestsFor('openai.chat')[0]!.headers.authorization).toBe('Bearer not-needed');
  });
});
