/** Settings → AI behind the router: keys in the keychain only, test, Ollama detection, env keys, embeddings, the log. */
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { startAiStandIn, type AiStandIn } from '../harness/aiStandIn';
import { routerFixture, type RouterFixture } from './routerHarness';

let s: AiStandIn;
let f: RouterFixture;
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

describe('AI settings', () => {
  it('keeps keys in the keychain only: never in the app db file, the log, or what the renderer gets', async () => {
    f = routerFixture();
    const key = 'sk-proj-NEVER-STORE-ME-4242';
    const p = await f.router.saveProvider({ kind: 'openai', name: 'OpenAI', baseUrl: s.openaiBaseUrl, models: ['gpt-4o-mini'], key });
    expect(p.hasKey).toBe(true);
    expect(await f.secrets.get(p.id, 'ai-key')).toBe(key);
    expect(JSON.stringify(await f.router.providers())).not.toContain(key);
    s.script('openai.chat', { text: 'SELECT 1;' }, { status: 401, errorMessage: `Incorrect API key provided: ${key}` });
    const ok = await f.router.complete({ task: 'ask', provider: p.id, messages: [{ role: 'user', content: 'one?' }] });
    expect(s.requestsFor('openai.chat')[0]!.headers.authorization).toBe(`Bearer ${key}`);
    await f.router.complete({ task: 'ask', provider: p.id, messages: [{ role: 'user', content: 'two?' }] }).catch(() => undefined);
    const detail = f.router.ledger.get(ok.logId)!;
    expect(JSON.parse(detail.payloadJson)).toMatchObject({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'one?' }] });
    f.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of [f.file, `${f.file}-wal`]) {
      if (!fs.existsSync(file)) continue;
      const bytes = fs.readFileSync(file);
      expect(bytes.includes(Buffer.from('NEVER-STORE-ME'))).toBe(false);
    }
    // The log did record the calls (so the search above looked at real rows).
    expect(f.router.ledger.list(0, 10).total).toBe(2);
  });

  it('removing a key or the provider deletes it from the keychain', async () => {
    f = routerFixture();
    const p = await f.router.saveProvider({ kind: 'anthropic', name: 'A', models: ['claude-3-5-haiku-latest'], key: 'ak-1234567' });
    await f.router.saveProvider({ id: p.id, kind: 'anthropic', name: 'A' });
    expect(await f.secrets.has(p.id, 'ai-key')).toBe(true);
    expect((await f.router.saveProvider({ id: p.id, kind: 'anthropic', name: 'A', key: '' })).hasKey).toBe(false);
    await f.router.saveProvider({ id: p.id, kind: 'anthropic', name: 'A', key: 'ak-again-123' });
    f.router.saveSettings({ defaults: { ask: { provider: p.id, model: 'claude-3-5-haiku-latest' } } });
    expect(await f.router.deleteProvider(p.id)).toBe(true);
    expect(await f.secrets.has(p.id, 'ai-key')).toBe(false);
    expect(f.router.settings().defaults.ask).toBeUndefined();
  });

  it('tests a provider with the cheapest call and reports a refused key', async () => {
    f = routerFixture();
    const o = await f.router.saveProvider({ kind: 'openai', name: 'O', baseUrl: s.openaiBaseUrl, key: 'sk-ok-1234' });
    const a = await f.router.saveProvider({ kind: 'anthropic', name: 'A', baseUrl: s.anthropicBaseUrl, key: 'ak-ok-1234' });
    const g = await f.router.saveProvider({ kind: 'gemini', name: 'G', baseUrl: s.geminiBaseUrl, key: 'gk-ok-1234' });
    s.script('openai.models', { models: ['gpt-4o-mini', 'gpt-4.1'] });
    expect(await f.router.testProvider(o.id)).toMatchObject({ ok: true, models: ['gpt-4o-mini', 'gpt-4.1'] });
    expect(await f.router.testProvider(a.id)).toMatchObject({ ok: true, models: ['claude-3-5-haiku-latest'] });
    expect(await f.router.testProvider(g.id)).toMatchObject({ ok: true, models: ['gemini-2.0-flash'] });
    s.script('openai.models', { status: 401, errorMessage: 'Incorrect API key provided: sk-ok-1234' });
    const bad = await f.router.testProvider(o.id);
    expect(bad).toMatchObject({ ok: false, errorCode: 'AI_BAD_KEY' });
    expect(bad.message).not.toContain('sk-ok-1234');
    // A remote provider without a key is not contacted.
    const nokey = await f.router.saveProvider({ kind: 'gemini', name: 'G2', baseUrl: s.geminiBaseUrl });
    expect(await f.router.testProvider(nokey.id)).toMatchObject({ ok: false, errorCode: 'AI_NO_PROVIDER' });
  });

  it('detects Ollama and its models, and says when it is not there', async () => {
    f = routerFixture({ ollamaUrl: s.ollamaUrl });
    s.script('ollama.tags', { models: ['llama3.2:latest', 'qwen2.5-coder:7b'] });
    expect(await f.router.detectOllama()).toEqual({ found: true, url: s.ollamaUrl, models: ['llama3.2:latest', 'qwen2.5-coder:7b'] });
    expect((await f.router.detectOllama('http://127.0.0.1:9')).found).toBe(false);
  });

  it('falls back to environment keys on the CLI path only', async () => {
    f = routerFixture({ env: { OPENAI_API_KEY: 'sk-from-env-777' } });
    const p = await f.router.saveProvider({ kind: 'openai', name: 'O', baseUrl: s.openaiBaseUrl, models: ['gpt-4o-mini'] });
    expect(p.hasKey).toBe(false);
    await f.router.complete({ task: 'ask', messages: [{ role: 'user', content: 'x' }] });
    expect(s.requestsFor('openai.chat')[0]!.headers.authorization).toBe('Bearer sk-from-env-777');
    f.close();
    f = routerFixture();
    await f.router.saveProvider({ kind: 'openai', name: 'O', baseUrl: s.openaiBaseUrl, models: ['gpt-4o-mini'] });
    const e = await f.router.complete({ task: 'ask', messages: [{ role: 'user', content: 'x' }] }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('AI_NO_PROVIDER');
    expect(s.requestsFor('openai.chat')).toHaveLength(1);
  });

  it('serves the CLI\'s unsaved providers (extraProviders) and embeds through OpenAI and Gemini', async () => {
    f = routerFixture({
      env: { GOOGLE_API_KEY: 'gk-env-1' },
      extraProviders: [
        { id: 'cli-openai', kind: 'openai', name: 'openai', baseUrl: s.openaiBaseUrl, enabled: true, models: ['text-embedding-3-small'] },
        { id: 'cli-gemini', kind: 'gemini', name: 'gemini', baseUrl: s.geminiBaseUrl, enabled: true, models: ['text-embedding-004'] },
      ],
    });
    await f.secrets.set('cli-openai', 'ai-key', 'sk-cli-1');
    const v1 = await f.router.embed({ provider: 'cli-openai', model: 'text-embedding-3-small', texts: ['film', 'actor'] });
    const v2 = await f.router.embed({ provider: 'cli-gemini', model: 'text-embedding-004', texts: ['film', 'actor'] });
    expect(v1).toHaveLength(2);
    expect(v2).toHaveLength(2);
    expect(v1[0]).not.toEqual(v1[1]);
    expect(s.requestsFor('openai.embeddings')[0]!.body).toMatchObject({ input: ['film', 'actor'] });
    expect(s.requestsFor('gemini.embed')[0]!.headers['x-goog-api-key']).toBe('gk-env-1');
  });

  it('refuses an explicit provider without a model instead of silently using another', async () => {
    f = routerFixture();
    const bare = await f.router.saveProvider({ kind: 'openai-compatible', name: 'Bare', baseUrl: s.openaiBaseUrl });
    await f.router.saveProvider({ kind: 'openai-compatible', name: 'Other', baseUrl: s.openaiBaseUrl, models: ['m'] });
    const e = await f.router.complete({ task: 'ask', provider: bare.id, messages: [{ role: 'user', content: 'x' }] }).catch((err: unknown) => err);
    expect((e as AppError).code).toBe('AI_NO_PROVIDER');
    expect(s.requests).toHaveLength(0);
    await f.router.complete({ task: 'ask', provider: bare.id, model: 'given', messages: [{ role: 'user', content: 'x' }] });
    expect(s.requestsFor('openai.chat')[0]!.body).toMatchObject({ model: 'given' });
  });

  it('previews the payload the first provider would get', async () => {
    f = routerFixture();
    const a = await f.router.saveProvider({ kind: 'anthropic', name: 'A', models: ['claude-sonnet-4-5'], key: 'ak-1234' });
    const pv = f.router.preview({ task: 'explain', messages: [{ role: 'system', content: 'schema', cacheable: true }, { role: 'user', content: 'q' }] });
    expect(pv).toMatchObject({ provider: a.id, model: 'claude-sonnet-4-5', payload: { system: [{ text: 'schema', cache_control: { type: 'ephemeral' } }] } });
  });
});
