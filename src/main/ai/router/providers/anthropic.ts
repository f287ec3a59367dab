/**
 * Anthropic through `@anthropic-ai/sdk`. System messages go to `system`; blocks marked
 * `cacheable` (the schema, placed first) carry `cache_control: {type: 'ephemeral'}` so repeated
 * prompts over the same schema are read from Anthropic's prompt cache.
 */
import Anthropic from '@anthropic-ai/sdk';
import type { ChatMessage } from '../../types';
import { DEFAULT_MAX_TOKENS, type ProviderAdapter, type ProviderCall, type ProviderConfig, type ProviderPayload, type ProviderReply } from './types';

type TextBlock = { type: 'text'; text: string; cache_control?: { type: 'ephemeral' } };

const block = (m: ChatMessage): TextBlock => ({ type: 'text', text: m.content, ...(m.cacheable ? { cache_control: { type: 'ephemeral' as const } } : {}) });

/** The Messages API body for a call. */
export function anthropicPayload(call: Omit<ProviderCall, 'signal' | 'onToken'>, stream: boolean): ProviderPayload {
  const system = call.messages.filter((m) => m.role === 'system').map(block);
  // The Messages API wants alternating turns: consecutive messages of one role become one turn of blocks.
  const messages: { role: string; content: string | TextBlock[] }[] = [];
  for (const m of call.messages.filter((x) => x.role !== 'system')) {
    const last = messages.at(-1);
    if (last && last.role === m.role) {
      const prev: TextBlock[] = typeof last.content === 'string' ? [{ type: 'text', text: last.content }] : last.content;
      last.content = [...prev, block(m)];
    } else messages.push({ role: m.role, content: m.cacheable ? [block(m)] : m.content });
  }
  return {
    model: call.model,
    max_tokens: call.maxTokens ?? DEFAULT_MAX_TOKENS,
    ...(system.length > 0 ? { system } : {}),
    messages,
    ...(call.temperature !== undefined ? { temperature: call.temperature } : {}),
    ...(stream ? { stream: true } : {}),
  };
}

/** Builds the adapter. */
export function anthropicAdapter(config: ProviderConfig, key: string | undefined): ProviderAdapter {
  const client = new Anthropic({
    // Always explicit: without it the SDK would go looking for credentials on this machine.
    apiKey: key ?? '',
    ...(config.baseUrl ? { baseURL: config.baseUrl } : {}),
    maxRetries: 0,
    timeout: 10 * 60_000,
  });
  return {
    payload: anthropicPayload,
    async complete(call): Promise<ProviderReply> {
      if (!call.onToken) {
        const body = anthropicPayload(call, false) as unknown as Anthropic.MessageCreateParamsNonStreaming;
        const r = await client.messages.create(body, { signal: call.signal });
        const text = r.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
        return { text, usage: usageOf(r.usage, r.usage.output_tokens) };
      }
      const body = anthropicPayload(call, true) as unknown as Anthropic.MessageCreateParamsStreaming;
      const stream = await client.messages.create(body, { signal: call.signal });
      let text = '';
      let start: Anthropic.Usage | undefined;
      let output = 0;
      for await (const ev of stream) {
        if (ev.type === 'message_start') start = ev.message.usage;
        else if (ev.type === 'content_block_delta' && ev.delta.type === 'text_delta') {
          text += ev.delta.text;
          call.onToken(ev.delta.text);
        } else if (ev.type === 'message_delta') output = ev.usage.output_tokens;
      }
      call.signal.throwIfAborted();
      return { text, usage: usageOf(start, output) };
    },
    embed() {
      return Promise.reject(new Error('Anthropic offers no embeddings API'));
    },
    async listModels(signal) {
      const page = await client.models.list({}, { signal });
      return page.data.map((m) => m.id);
    },
  };
}

/** Anthropic reports cache reads and writes apart from `input_tokens`; we count all input together and keep both shares. */
function usageOf(u: Anthropic.Usage | undefined, output: number): ProviderReply['usage'] {
  const read = u?.cache_read_input_tokens ?? 0;
  const written = u?.cache_creation_input_tokens ?? 0;
  return { inputTokens: (u?.input_tokens ?? 0) + read + written, outputTokens: output, cachedInputTokens: read, ...(written ? { cacheWriteInputTokens: written } : {}) };
}
