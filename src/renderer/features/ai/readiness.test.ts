import { describe, expect, it } from 'vitest';
import type { AiProviderInfo } from '../../../shared/contracts/aiSettings';
import { readinessOf } from './readiness';

const p = (over: Partial<AiProviderInfo>): AiProviderInfo => ({ id: 'p1', kind: 'openai', name: 'OpenAI', baseUrl: null, enabled: true, models: [], hasKey: true, local: false, ...over });

describe('readinessOf', () => {
  it('needs an enabled provider with a key, or a keyless local/compatible one', () => {
    expect(readinessOf([], null).configured).toBe(false);
    expect(readinessOf([p({ hasKey: false })], null).configured).toBe(false);
    expect(readinessOf([p({ enabled: false })], null).configured).toBe(false);
    expect(readinessOf([p({})], null).configured).toBe(true);
    expect(readinessOf([p({ kind: 'openai-compatible', hasKey: false })], null).configured).toBe(true);
  });
  it('"local only" leaves only local providers, and the preview setting and names come through', () => {
    expect(readinessOf([p({})], { localOnly: true, previewPrompt: false }).configured).toBe(false);
    const r = readinessOf([p({ id: 'o', name: 'Ollama', kind: 'openai-compatible', local: true, hasKey: false })], { localOnly: true, previewPrompt: true });
    expect(r).toEqual({ configured: true, previewBeforeSend: true, providerNames: { o: 'Ollama' } });
  });
});
