/** Google Gemini through `@google/genai` (the Gemini Developer API). */
import { GoogleGenAI } from '@google/genai';
import type { ProviderAdapter, ProviderCall, ProviderConfig, ProviderPayload, ProviderReply } from './types';

type GeminiUsage = { promptTokenCount?: number; candidatesTokenCount?: number; cachedContentTokenCount?: number; thoughtsTokenCount?: number };

/**
 * The generateContent REST body exactly as the SDK sends it (the model and streaming are in the
 * URL): system messages become `systemInstruction`, assistant turns are role "model".
 */
export function geminiPayload(call: Omit<ProviderCall, 'signal' | 'onToken'>, _stream?: boolean): ProviderPayload {
  const system = call.messages.filter((m) => m.role === 'system').map((m) => ({ text: m.content }));
  const contents = call.messages
    .filter((m) => m.role !== 'system')
    .map((m) => ({ parts: [{ text: m.content }], role: m.role === 'assistant' ? 'model' : 'user' }));
  const generationConfig: Record<string, number> = {};
  if (call.temperature !== undefined) generationConfig.temperature = call.temperature;
  if (call.maxTokens !== undefined) generationConfig.maxOutputTokens = call.maxTokens;
  return {
    contents,
    ...(system.length > 0 ? { systemInstruction: { parts: system } } : {}),
    ...(Object.keys(generationConfig).length > 0 ? { generationConfig } : {}),
  };
}

type GeminiBody = { contents: { parts: { text: string }[]; role: string }[]; systemInstruction?: { parts: { text: string }[] }; generationConfig?: Record<string, number> };

/**
 * Builds the adapter. The SDK's ApiError carries no headers, so a fetch wrapper keeps the
 * `Retry-After` of the last failed response and the error is tagged with it for the router.
 */
export function geminiAdapter(config: ProviderConfig, key: string | undefined): ProviderAdapter {
  let retryAfter: string | null = null;
  const fetchKeepingRetryAfter = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const res = await fetch(input, init);
    retryAfter = res.ok ? null : res.headers.get('retry-after');
    return res;
  };
  const client = new GoogleGenAI({
    // Explicit: GOOGLE_GENAI_USE_VERTEXAI in the environment must not switch the API under us.
    vertexai: false,
    apiKey: key ?? '',
    // No retryOptions: the SDK then makes exactly one attempt (the router retries).
    httpOptions: { ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}), fetch: fetchKeepingRetryAfter },
  });
  const tag = (err: unknown): never => {
    if (err instanceof Error && retryAfter !== null) Object.assign(err, { retryAfter });
    throw err;
  };

  return {
    payload: geminiPayload,
    async complete(call): Promise<ProviderReply> {
      const body = geminiPayload(call, false) as GeminiBody;
      const config = { ...(body.systemInstruction ? { systemInstruction: body.systemInstruction } : {}), ...body.generationConfig, abortSignal: call.signal };
      const params = { model: call.model, contents: body.contents, config };
      try {
        if (!call.onToken) {
          const r = await client.models.generateContent(params);
          return { text: r.text ?? '', usage: usageOf(r.usageMetadata) };
        }
        const stream = await client.models.generateContentStream(params);
        let text = '';
        let usage: GeminiUsage | undefined;
        for await (const chunk of stream) {
          const delta = chunk.text;
          if (delta) {
            text += delta;
            call.onToken(delta);
          }
          if (chunk.usageMetadata) usage = chunk.usageMetadata;
        }
        call.signal.throwIfAborted();
        return { text, usage: usageOf(usage) };
      } catch (err) {
        return tag(err);
      }
    },
    async embed(model, texts, signal) {
      try {
        const r = await client.models.embedContent({ model, contents: texts, config: { abortSignal: signal } });
        return { vectors: (r.embeddings ?? []).map((e) => e.values ?? []), inputTokens: 0 };
      } catch (err) {
        return tag(err);
      }
    },
    async listModels(signal) {
      try {
        const pager = await client.models.list({ config: { abortSignal: signal, pageSize: 100 } });
        return pager.page.map((m) => (m.name ?? '').replace(/^models\//, '')).filter(Boolean);
      } catch (err) {
        return tag(err);
      }
    },
  };
}

/** Gemini's promptTokenCount includes cached tokens; thinking tokens are billed as output. */
function usageOf(u: GeminiUsage | undefined): ProviderReply['usage'] {
  return {
    inputTokens: u?.promptTokenCount ?? 0,
    outputTokens: (u?.candidatesTokenCount ?? 0) + (u?.thoughtsTokenCount ?? 0),
    cachedInputTokens: u?.cachedContentTokenCount ?? 0,
  };
}
