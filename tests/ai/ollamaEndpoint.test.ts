/** The Ollama endpoint as a saved setting: validated, persisted, used by detection and by compatible providers without a base URL; QG_OLLAMA_URL overrides it. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aiSettingsRequests, DEFAULT_OLLAMA_URL, OLLAMA_URL_ENV } from '../../src/shared/contracts/aiSettings';
import { createRouter } from '../../src/main/ai/router';
import { createAiSettingsHandlers } from '../../src/main/ai/settingsHandlers';
import { startAiStandIn, type AiStandIn } from '../harness/aiStandIn';
import { startAppWithStandIn, type AppWithStandIn } from '../harness/appWithStandIn';
import { routerFixture, type RouterFixture } from './routerHarness';

let s: AiStandIn;
let s2: AiStandIn;
let f: RouterFixture | undefined;
let a: AppWithStandIn | undefined;

beforeAll(async () => {
  [s, s2] = await Promise.all([startAiStandIn(), startAiStandIn()]);
});
afterAll(async () => {
  await Promise.all([s.close(), s2.close()]);
});
afterEach(async () => {
  s.reset();
  s2.reset();
  f?.close();
  f = undefined;
  await a?.stop();
  a = undefined;
});

describe('Ollama endpoint setting', () => {
  it('accepts only http(s) URLs', () => {
    const save = aiSettingsRequests['ai.settings.save'].args;
    for (const ok of ['http://localhost:11434', 'https://gpu-box.lan:8443/ollama', 'http://127.0.0.1:11434/']) expect(save.safeParse({ ollamaUrl: ok }).success, ok).toBe(true);
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'localhost:11434', 'ftp://host', '', 'http://']) expect(save.safeParse({ ollamaUrl: bad }).success, bad).toBe(false);
    const detect = aiSettingsRequests['ai.ollama.detect'].args;
    expect(detect.safeParse({}).success).toBe(true);
    expect(detect.safeParse({ url: 'file:///etc/passwd' }).success).toBe(false);
  });

  it('is saved in the app db and used by detection and by a compatible provider without a base URL', async () => {
    f = routerFixture();
    const h = createAiSettingsHandlers(f.router);
    expect(await h['ai.settings.get']({})).toMatchObject({ ollamaUrl: DEFAULT_OLLAMA_URL, ollamaUrlFromEnv: null });

    expect((await h['ai.settings.save']({ ollamaUrl: `${s.ollamaUrl}/` })).ollamaUrl).toBe(s.ollamaUrl);
    s.script('ollama.tags', { models: ['llama3.2:latest', 'qwen2.5-coder:7b'] });
    expect(await h['ai.ollama.detect']({})).toEqual({ found: true, url: s.ollamaUrl, models: ['llama3.2:latest', 'qwen2.5-coder:7b'] });
    expect(s.requestsFor('ollama.tags')).toHaveLength(1);
    // Persisted: another router on the same database sees it.
    expect(createRouter({ db: f.db, secrets: f.secrets }).settings().ollamaUrl).toBe(s.ollamaUrl);

    // A provider saved without a base URL follows the endpoint: test, complete, and "local".
    const ollama = await h['ai.providers.save']({ kind: 'openai-compatible', name: 'Ollama', baseUrl: null, models: ['llama3.2:latest'] });
    expect(ollama).toMatchObject({ baseUrl: null, local: true });
    s.script('openai.models', { models: ['llama3.2:latest'] });
    expect(await h['ai.providers.test']({ id: ollama.id })).toMatchObject({ ok: true, models: ['llama3.2:latest'] });
    s.script('openai.chat', { text: 'SELECT 1;' });
    expect((await f.router.complete({ task: 'ask', provider: ollama.id, messages: [{ role: 'user', content: 'one?' }] })).text).toBe('SELECT 1;');
    expect(s.requestsFor('openai.chat')).toHaveLength(1);

    // Moving the endpoint moves the provider with it.
    await h['ai.settings.save']({ ollamaUrl: s2.ollamaUrl });
    s2.script('openai.chat', { text: 'SELECT 2;' });
    expect((await f.router.complete({ task: 'ask', provider: ollama.id, messages: [{ role: 'user', content: 'two?' }] })).text).toBe('SELECT 2;');
    expect(s2.requestsFor('openai.chat')).toHaveLength(1);
    expect(s.requestsFor('openai.chat')).toHaveLength(1);
  });

  it('lets the override (QG_OLLAMA_URL in the app) win over the saved endpoint, and says so', async () => {
    f = routerFixture({ ollamaUrl: s2.ollamaUrl });
    const h = createAiSettingsHandlers(f.router);
    const saved = await h['ai.settings.save']({ ollamaUrl: s.ollamaUrl });
    expect(saved).toMatchObject({ ollamaUrl: s.ollamaUrl, ollamaUrlFromEnv: s2.ollamaUrl });
    expect((await h['ai.ollama.detect']({})).url).toBe(s2.ollamaUrl);
    expect(s2.requestsFor('ollama.tags')).toHaveLength(1);
    expect(s.requestsFor('ollama.tags')).toHaveLength(0);
  });

  it('works through the app handlers, and the app reads QG_OLLAMA_URL', async () => {
    a = await startAppWithStandIn('qg-ai-ollama-url-');
    const h = a.app.handlers;
    await h['ai.settings.save']({ ollamaUrl: a.standIn.ollamaUrl });
    a.standIn.script('ollama.tags', { models: ['llama3.2:latest'] });
    expect(await h['ai.ollama.detect']({})).toEqual({ found: true, url: a.standIn.ollamaUrl, models: ['llama3.2:latest'] });
    expect((await h['ai.settings.get']({})).ollamaUrlFromEnv).toBeNull();
    await a.stop();
    a = undefined;

    process.env[OLLAMA_URL_ENV] = s2.ollamaUrl;
    try {
      a = await startAppWithStandIn('qg-ai-ollama-env-');
    } finally {
      delete process.env[OLLAMA_URL_ENV];
    }
    expect(await a.app.handlers['ai.settings.get']({})).toMatchObject({ ollamaUrl: DEFAULT_OLLAMA_URL, ollamaUrlFromEnv: s2.ollamaUrl });
    expect((await a.app.handlers['ai.ollama.detect']({})).url).toBe(s2.ollamaUrl);
    expect(s2.requestsFor('ollama.tags')).toHaveLength(1);
  });
});
