/** The AI stand-in speaks each protocol well enough for the real SDKs (the router tests rely on it). */
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAiStandIn, type AiStandIn } from '../harness/aiStandIn';

let s: AiStandIn;
beforeAll(async () => {
  s = await startAiStandIn();
});
afterAll(async () => {
  await s.close();
});
beforeEach(() => s.reset());

describe('AI stand-in', () => {
  it('speaks OpenAI chat (JSON and SSE with usage), embeddings and models', async () => {
    const c = new OpenAI({ apiKey: 'sk-test', baseURL: s.openaiBaseUrl, maxRetries: 0 });
    s.script('openai.chat', { text: 'hello there', usage: { input: 7, output: 2, cached: 3 } }, { text: 'one two three' });
    const r = await c.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    expect(r.choices[0]?.message.content).toBe('hello there');
    expect(r.usage?.prompt_tokens_details?.cached_tokens).toBe(3);
    const stream = await c.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true, stream_options: { include_usage: true } });
    const deltas: string[] = [];
    let usage: unknown;
    for await (const ch of stream) {
      const d = ch.choices[0]?.delta.content;
      if (d) deltas.push(d);
      if (ch.usage) usage = ch.usage;
    }
    expect(deltas).toEqual(['one ', 'two ', 'three']);
    expect(usage).toMatchObject({ completion_tokens: 3 });
    expect(s.requestsFor('openai.chat')[0]?.headers.authorization).toBe('Bearer sk-test');
    const e = await c.embeddings.create({ model: 'text-embedding-3-small', input: ['a', 'bb'] });
    expect(e.data).toHaveLength(2);
    expect(e.data[0]?.embedding[0]).toBe(1);
    const models = await c.models.list();
    expect(models.data.map((m) => m.id)).toContain('gpt-4o-mini');
  });

  it('speaks Anthropic messages (JSON and SSE) and models', async () => {
    const c = new Anthropic({ apiKey: 'ak-test', baseURL: s.anthropicBaseUrl, maxRetries: 0 });
    s.script('anthropic.messages', { text: 'json answer' }, { text: 'a b c', usage: { input: 50, output: 3, cached: 40 } });
    const r = await c.messages.create({ model: 'claude-x', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] });
    expect(r.content[0]).toMatchObject({ type: 'text', text: 'json answer' });
    const stream = c.messages.stream({ model: 'claude-x', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] });
    const deltas: string[] = [];
    stream.on('text', (t) => deltas.push(t));
    const final = await stream.finalMessage();
    expect(deltas).toEqual(['a ', 'b ', 'c']);
    expect(final.usage).toMatchObject({ output_tokens: 3, cache_read_input_tokens: 40, input_tokens: 10 });
    // @anthropic-ai/sdk 1.x sends the API key as a bearer token.
    expect(s.requestsFor('anthropic.messages')[0]?.headers.authorization).toBe('Bearer ak-test');
    const models = await c.models.list();
    expect(models.data.map((m) => m.id)).toContain('claude-3-5-haiku-latest');
  });

  it('speaks Gemini generateContent, streamGenerateContent and embeddings', async () => {
    const c = new GoogleGenAI({ apiKey: 'gk-test', httpOptions: { baseUrl: s.geminiBaseUrl } });
    s.script('gemini.generate', { text: 'gem json', usage: { input: 5, output: 2 } }, { text: 'x y z' });
    const r = await c.models.generateContent({ model: 'gemini-2.0-flash', contents: 'hi' });
    expect(r.text).toBe('gem json');
    expect(r.usageMetadata?.promptTokenCount).toBe(5);
    const stream = await c.models.generateContentStream({ model: 'gemini-2.0-flash', contents: 'hi' });
    const deltas: string[] = [];
    for await (const ch of stream) deltas.push(ch.text ?? '');
    expect(deltas).toEqual(['x ', 'y ', 'z']);
    expect(s.requestsFor('gemini.generate')[1]?.query.alt).toBe('sse');
    expect(s.requestsFor('gemini.generate')[0]?.headers['x-goog-api-key']).toBe('gk-test');
    const e = await c.models.embedContent({ model: 'text-embedding-004', contents: ['a', 'bb'] });
    expect(e.embeddings).toHaveLength(2);
  });

  it('scripts errors with headers, and lists Ollama models', async () => {
    const c = new OpenAI({ apiKey: 'sk-test', baseURL: s.openaiBaseUrl, maxRetries: 0 });
    s.script('openai.chat', { status: 429, headers: { 'retry-after': '3' } });
    const err = await c.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect((err as InstanceType<typeof OpenAI.APIError>).status).toBe(429);
    expect((err as InstanceType<typeof OpenAI.APIError>).headers?.get('retry-after')).toBe('3');
    s.script('ollama.tags', { models: ['qwen2.5-coder:7b'] });
    const tags = (await (await fetch(`${s.ollamaUrl}/api/tags`)).json()) as { models: { name: string }[] };
    expect(tags.models.map((m) => m.name)).toEqual(['qwen2.5-coder:7b']);
  });

  it('sees the client close a stream early', async () => {
    const c = new OpenAI({ apiKey: 'sk-test', baseURL: s.openaiBaseUrl, maxRetries: 0 });
    s.script('openai.chat', { text: 'a b c d', hangAfterChunks: 2 });
    const ac = new AbortController();
    const stream = await c.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }], stream: true }, { signal: ac.signal });
    const got: string[] = [];
    // The SDK ends the iteration quietly on abort (or throws an abort error); either way the socket closes.
    await (async () => {
      for await (const ch of stream) {
        got.push(ch.choices[0]?.delta.content ?? '');
        if (got.filter(Boolean).length === 2) ac.abort();
      }
    })().catch(() => undefined);
    const rec = s.requestsFor('openai.chat')[0]!;
    await rec.done;
    expect(rec.closedEarly).toBe(true);
    expect(rec.chunksSent).toBe(2);
  });
});
