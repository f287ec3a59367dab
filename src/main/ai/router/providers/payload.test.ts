import { describe, expect, it } from 'vitest';
import { anthropicPayload } from './anthropic';
import { geminiPayload } from './gemini';
import { openAiAdapter } from './openai';

const cfg = { id: 'p', name: 'P', baseUrl: null, enabled: true, models: [] };

describe('provider payloads', () => {
  it('Anthropic: system blocks first with cache_control on the cacheable one; same-role turns merged', () => {
    const p = anthropicPayload({ model: 'claude-x', messages: [
      { role: 'system', content: 'schema', cacheable: true },
      { role: 'system', content: 'rules' },
      { role: 'user', content: 'examples', cacheable: true },
      { role: 'user', content: 'question' },
    ] }, true);
    expect(p.system).toEqual([{ type: 'text', text: 'schema', cache_control: { type: 'ephemeral' } }, { type: 'text', text: 'rules' }]);
    expect(p.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'examples', cache_control: { type: 'ephemeral' } }, { type: 'text', text: 'question' }] }]);
    expect(p.stream).toBe(true);
    expect(p.max_tokens).toBeGreaterThan(0);
  });

  it('OpenAI: no temperature for reasoning models; compatible servers get max_tokens', () => {
    const o = openAiAdapter({ ...cfg, kind: 'openai' }, 'k');
    expect(o.payload({ model: 'gpt-5-mini', messages: [], temperature: 0 }, false).temperature).toBeUndefined();
    expect(o.payload({ model: 'gpt-4o-mini', messages: [], temperature: 0, maxTokens: 5 }, true)).toMatchObject({ temperature: 0, max_completion_tokens: 5, stream: true, stream_options: { include_usage: true } });
    const c = openAiAdapter({ ...cfg, kind: 'openai-compatible', baseUrl: 'http://localhost:11434/v1' }, undefined);
    expect(c.payload({ model: 'o1-local', messages: [], temperature: 0.2, maxTokens: 5 }, false)).toMatchObject({ temperature: 0.2, max_tokens: 5 });
  });

  it('Gemini: system messages become systemInstruction, assistant turns are "model"', () => {
    const p = geminiPayload({ model: 'gemini-2.0-flash', messages: [{ role: 'system', content: 's' }, { role: 'user', content: 'u' }, { role: 'assistant', content: 'a' }], maxTokens: 9 });
    expect(p).toEqual({ contents: [{ role: 'user', parts: [{ text: 'u' }] }, { role: 'model', parts: [{ text: 'a' }] }], systemInstruction: { parts: [{ text: 's' }] }, generationConfig: { maxOutputTokens: 9 } });
  });
});
