import { describe, expect, it } from 'vitest';
import { shortTime, capBar, draftFrom, formatUsd, modelChoices, newDraft, ollamaDraft, ollamaEndpoint, parseCap, parseOllamaUrl, usesOllamaEndpoint, parseModels, parsePrice, prettyPayload, saveArgs, tokensLabel, validateDraft, withDefault } from './model';

describe('AI settings model', () => {
  it('requires a key for hosted providers but not for compatible servers, and keeps a stored key', () => {
    const d = newDraft('openai');
    expect(validateDraft(d).key).toBeDefined();
    expect(validateDraft({ ...d, key: 'sk-1' })).toEqual({});
    expect(validateDraft({ ...d, hasKey: true })).toEqual({});
    const local = newDraft('openai-compatible');
    expect(validateDraft({ ...local, modelsText: 'llama3.2' })).toEqual({});
    // No base URL: the provider uses the Ollama endpoint setting.
    expect(validateDraft({ ...local, baseUrl: '', modelsText: 'x' })).toEqual({});
    expect(validateDraft({ ...local, baseUrl: 'ftp://x', modelsText: 'x' }).baseUrl).toBeDefined();
    expect(validateDraft({ ...d, key: 'k', modelsText: ' ,\n' }).models).toBeDefined();
  });

  it('sends the key only when typed, and never shows a stored one', () => {
    const existing = draftFrom({ id: 'p1', kind: 'anthropic', name: 'A', baseUrl: null, enabled: true, models: ['m1', 'm2'], hasKey: true, local: false });
    expect(existing.key).toBe('');
    expect(saveArgs(existing)).toEqual({ id: 'p1', kind: 'anthropic', name: 'A', baseUrl: null, enabled: true, models: ['m1', 'm2'] });
    expect(saveArgs({ ...existing, key: '  sk-new ' }).key).toBe('sk-new');
  });

  it('parses models, builds Ollama drafts and model choices', () => {
    expect(parseModels('a, b\nb\n\n c')).toEqual(['a', 'b', 'c']);
    expect(ollamaDraft(['llama3.2'])).toMatchObject({ baseUrl: '', kind: 'openai-compatible', modelsText: 'llama3.2' });
    const choices = modelChoices([
      { id: 'a', kind: 'openai', name: 'O', baseUrl: null, enabled: true, models: ['x', 'y'], hasKey: true, local: false },
      { id: 'b', kind: 'gemini', name: 'G', baseUrl: null, enabled: false, models: ['z'], hasKey: true, local: false },
    ]);
    expect(choices.map((c) => c.label)).toEqual(['O · x', 'O · y']);
  });

  it('sets and clears task defaults', () => {
    const d = withDefault({}, 'ask', { provider: 'a', model: 'x' });
    expect(d.ask).toEqual({ provider: 'a', model: 'x' });
    expect(withDefault(d, 'ask', null).ask).toBeUndefined();
  });

  it('draws spend against caps', () => {
    expect(capBar(5, 10)).toMatchObject({ percent: 50, tone: 'ok' });
    expect(capBar(9, 10).tone).toBe('warn');
    expect(capBar(12, 10)).toMatchObject({ percent: 100, tone: 'over' });
    expect(capBar(1, null).tone).toBe('none');
    expect(capBar(0, 0).tone).toBe('over');
  });

  it('parses caps and prices, formats money and tokens', () => {
    expect(parseCap('')).toEqual({ value: null });
    expect(parseCap('$5')).toEqual({ value: 5 });
    expect(parseCap('-1')).toHaveProperty('error');
    expect(parsePrice('gpt-x', '1', '2', '')).toEqual({ model: 'gpt-x', inputPerM: 1, outputPerM: 2, cachedPerM: null });
    expect(parsePrice('gpt-x', '', '2', '')).toHaveProperty('error');
    expect(parsePrice(' ', '1', '2', '')).toHaveProperty('error');
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(0.000123)).toBe('$0.00012');
    expect(formatUsd(3.5)).toBe('$3.50');
    expect(tokensLabel({ inputTokens: 1200, outputTokens: 30, cachedTokens: 1000 })).toBe('1,200 in (1,000 cached) · 30 out');
    expect(prettyPayload('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyPayload('not json')).toBe('not json');
  });
});

describe('shortTime', () => {
  it('shows the time today and the date otherwise', () => {
    const now = new Date(2026, 10, 22, 12, 0, 0);
    expect(shortTime(new Date(2026, 10, 22, 9, 5, 7).toISOString(), now)).toBe('09:05:07');
    expect(shortTime(new Date(2026, 10, 20, 9, 5, 7).toISOString(), now)).toBe('2026-11-20 09:05:07');
  });

  it('resolves, recognises and validates the Ollama endpoint', () => {
    expect(ollamaEndpoint({ ollamaUrl: 'http://localhost:11434/', ollamaUrlFromEnv: null })).toBe('http://localhost:11434');
    expect(ollamaEndpoint({ ollamaUrl: 'http://localhost:11434', ollamaUrlFromEnv: 'http://10.0.0.5:11434' })).toBe('http://10.0.0.5:11434');
    const end = 'http://localhost:11434';
    expect(usesOllamaEndpoint({ kind: 'openai-compatible', baseUrl: null }, end)).toBe(true);
    expect(usesOllamaEndpoint({ kind: 'openai-compatible', baseUrl: 'http://localhost:11434/v1/' }, end)).toBe(true);
    expect(usesOllamaEndpoint({ kind: 'openai-compatible', baseUrl: 'http://localhost:1234/v1' }, end)).toBe(false);
    expect(usesOllamaEndpoint({ kind: 'openai', baseUrl: null }, end)).toBe(false);
    expect(parseOllamaUrl(' http://gpu-box:11434/ ')).toEqual({ value: 'http://gpu-box:11434' });
    for (const bad of ['localhost:11434', 'file:///x', '']) expect(parseOllamaUrl(bad)).toHaveProperty('error');
  });
});
