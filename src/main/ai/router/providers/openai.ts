/** OpenAI and OpenAI-compatible servers (Ollama, LM Studio, llama.cpp, vLLM) through the `openai` SDK. */
import OpenAI from 'openai';
import type { ProviderAdapter, ProviderCall, ProviderConfig, ProviderPayload, ProviderReply } from './types';

/** Builds the adapter. Compatible servers often need no key; the SDK insists on one, so a placeholder is sent. */
export function openAiAdapter(config: ProviderConfig, key: string | undefined): ProviderAdapter {
  const client = new OpenAI({
    apiKey: key ?? 'not-needed',
    ...(config.baseUrl ? { baseURL: config.baseUrl } : {}),
    maxRetries: 0, // the router retries (with Retry-After and fallback)
    timeout: 10 * 60_000, // the router's attempt timeout aborts earlier through the signal
  });
  const compatible = config.kind === 'openai-compatible';

  const payload = (call: Omit<ProviderCall, 'signal' | 'onToken'>, stream: boolean): ProviderPayload => ({
    model: call.model,
    // OpenAI caches prompt prefixes by itself: the schema-first order is what makes that work.
    messages: call.messages.map((m) => ({ role: m.role, content: m.content })),
    // OpenAI's reasoning models (o-series, gpt-5) refuse any temperature but the default.
    ...(call.temperature !== undefined && !(config.kind === 'openai' && /^(o\d|gpt-5)/.test(call.model)) ? { temperature: call.temperature } : {}),
    // OpenAI's current models take max_completion_tokens; compatible servers know max_tokens.
    ...(call.maxTokens !== undefined ? (compatible ? { max_tokens: call.maxTokens } : { max_completion_tokens: call.maxTokens }) : {}),
    ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
  });

  return {
    payload,
    async complete(call): Promise<ProviderReply> {
      if (!call.onToken) {
        const body = payload(call, false) as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming;
        const r = await client.chat.completions.create(body, { signal: call.signal });
        return { text: r.choices[0]?.message.content ?? '', usage: usageOf(r.usage) };
      }
      const body = payload(call, true) as unknown as OpenAI.ChatCompletionCreateParamsStreaming;
      const stream = await client.chat.completions.create(body, { signal: call.signal });
      let text = '';
      let usage: OpenAI.CompletionUsage | undefined;
      for await (const chunk of stream) {
        const delta = chunk.choices[0]?.delta.content;
        if (delta) {
          text += delta;
          call.onToken(delta);
        }
        if (chunk.usage) usage = chunk.usage;
      }
      // The SDK ends the iteration quietly when aborted: make that a cancellation, not a short answer.
      call.signal.throwIfAborted();
      return { text, usage: usageOf(usage) };
    },
    async embed(model, texts, signal) {
      const r = await client.embeddings.create({ model, input: texts, encoding_format: 'float' }, { signal });
      const vectors = [...r.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
      return { vectors, inputTokens: r.usage?.prompt_tokens ?? 0 };
    },
    async listModels(signal) {
      const page = await client.models.list({ signal });
      return page.data.map((m) => m.id);
    },
  };
}

function usageOf(u: OpenAI.CompletionUsage | undefined | null): ProviderReply['usage'] {
  return {
    inputTokens: u?.prompt_tokens ?? 0,
    outputTokens: u?.completion_tokens ?? 0,
    cachedInputTokens: u?.prompt_tokens_details?.cached_tokens ?? 0,
  };
}
