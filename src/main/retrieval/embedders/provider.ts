/**
 * Provider embeddings for the retrieval index (OpenAI, Gemini, an OpenAI-compatible local
 * endpoint such as Ollama), through the AI router — so keys, retries, the spend cap, "local only"
 * and the request log apply exactly as for chat requests.
 */
import { AppError } from '../../../shared/errors';
import type { AiRouter } from '../../ai/types';
import type { Embedder } from './types';

/** Texts per embeddings request (providers cap the batch; 64 stays under all of them). */
const BATCH = 64;

/** The id an index records for a provider embedder. */
export function providerEmbedderId(provider: string, model: string): string {
  return `provider:${provider}:${model}`;
}

function normalise(v: number[]): Float32Array {
  const out = Float32Array.from(v);
  let sum = 0;
  for (const x of out) sum += x * x;
  const norm = Math.sqrt(sum) || 1;
  for (let i = 0; i < out.length; i++) out[i]! /= norm;
  return out;
}

/**
 * An embedder backed by `router`. Its vector length is learned with one probe request (the index
 * needs it before the first build); a local-only setting refuses remote providers up front.
 */
export async function createProviderEmbedder(router: AiRouter, provider: string, model: string, signal?: AbortSignal): Promise<Embedder> {
  if (router.isBlocked(provider)) {
    throw new AppError('AI_LOCAL_ONLY', `"Local only" is on, so the remote provider "${provider}" cannot embed the schema. Pick a local embedder (Ollama) or the built-in one.`);
  }
  const embedBatch = async (texts: string[], s?: AbortSignal): Promise<Float32Array[]> => {
    const vectors = await router.embed({ provider, model, texts, ...(s ? { signal: s } : {}) });
    if (vectors.length !== texts.length) throw new AppError('AI_UNAVAILABLE', `The provider returned ${vectors.length} embeddings for ${texts.length} texts.`);
    return vectors.map(normalise);
  };
  const [probe] = await embedBatch(['dimension probe'], signal);
  const dimensions = probe?.length ?? 0;
  if (!dimensions) throw new AppError('AI_UNAVAILABLE', `The model "${model}" returned an empty embedding.`);
  return {
    id: providerEmbedderId(provider, model),
    dimensions,
    async embed(texts) {
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += BATCH) {
        const vectors = await embedBatch(texts.slice(i, i + BATCH));
        for (const v of vectors) {
          if (v.length !== dimensions) throw new AppError('AI_UNAVAILABLE', `The model "${model}" changed its vector length (${v.length}, was ${dimensions}); rebuild the index.`);
          out.push(v);
        }
      }
      return out;
    },
  };
}
