/** The Settings → AI contract: argument validation and handlers that never hand a key back. */
import { afterEach, describe, expect, it } from 'vitest';
import { aiSettingsRequests } from '../../src/shared/contracts/aiSettings';
import { createAiSettingsHandlers } from '../../src/main/ai/settingsHandlers';
import { routerFixture, type RouterFixture } from './routerHarness';

let f: RouterFixture;
afterEach(() => f?.close());

describe('ai settings contract', () => {
  it('validates arguments strictly', () => {
    const save = aiSettingsRequests['ai.providers.save'].args;
    expect(save.safeParse({ kind: 'openai', name: 'O', key: 'sk-1' }).success).toBe(true);
    expect(save.safeParse({ kind: 'openai', name: 'O', apiKey: 'sk-1' }).success).toBe(false);
    expect(save.safeParse({ kind: 'mistral', name: 'O' }).success).toBe(false);
    const settings = aiSettingsRequests['ai.settings.save'].args;
    expect(settings.safeParse({ defaults: { ask: { provider: 'p', model: 'm' } }, dailyCapUsd: null }).success).toBe(true);
    expect(settings.safeParse({ defaults: { nope: { provider: 'p', model: 'm' } } }).success).toBe(false);
    expect(settings.safeParse({ dailyCapUsd: -1 }).success).toBe(false);
  });

  it('round-trips providers, settings, prices, usage, log and cache through the handlers', async () => {
    f = routerFixture();
    const h = createAiSettingsHandlers(f.router);
    const saved = await h['ai.providers.save']({ kind: 'gemini', name: 'G', models: ['gemini-2.5-flash'], key: 'gk-handler-SECRET' });
    expect(saved).toMatchObject({ kind: 'gemini', hasKey: true, local: false });
    expect(JSON.stringify(await h['ai.providers.list']({}))).not.toContain('SECRET');
    const s = await h['ai.settings.save']({ defaults: { ask: { provider: saved.id, model: 'gemini-2.5-flash' } }, monthlyCapUsd: 3 });
    expect(s).toMatchObject({ defaults: { ask: { provider: saved.id, model: 'gemini-2.5-flash' } }, monthlyCapUsd: 3, dailyCapUsd: null, localOnly: false });
    expect((await h['ai.settings.get']({})).monthlyCapUsd).toBe(3);
    const prices = await h['ai.prices.save']({ prices: [{ model: 'gemini-2.5-flash', inputPerM: 9, outputPerM: 9, cachedPerM: null }] });
    expect(prices.find((p) => p.model === 'gemini-2.5-flash')).toMatchObject({ inputPerM: 9, source: 'user' });
    const reset = await h['ai.prices.save']({ remove: ['gemini-2.5-flash'] });
    expect(reset.find((p) => p.model === 'gemini-2.5-flash')?.source).toBe('default');
    expect(await h['ai.usage']({})).toMatchObject({ today: { requests: 0, costUsd: 0 }, monthlyCapUsd: 3 });
    expect(await h['ai.log.list']({})).toEqual({ entries: [], total: 0 });
    await expect(h['ai.log.get']({ id: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await h['ai.cache.clear']({})).toEqual({ deleted: 0 });
    expect(await h['ai.providers.delete']({ id: saved.id })).toEqual({ deleted: true });
    expect((await h['ai.settings.get']({})).defaults.ask).toBeUndefined();
  });

  it('refuses a base URL that is not http(s)', async () => {
    f = routerFixture();
    const h = createAiSettingsHandlers(f.router);
    await expect(h['ai.providers.save']({ kind: 'openai-compatible', name: 'X', baseUrl: 'file:///etc/passwd' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
