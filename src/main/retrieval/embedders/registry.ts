/** Embedder name (CLI `--embedder`) → instance. Provider embedders are added with the AI issue. */
import { AppError } from '../../../shared/errors';
import { BuiltinEmbedder } from './builtin';
import type { Embedder } from './types';

/** Names accepted by `--embedder`. */
export const EMBEDDER_NAMES = ['builtin'] as const;

/** The embedder for a name; provider names are refused until the AI issue brings their SDKs. */
export function createEmbedder(name = 'builtin'): Embedder {
  if (name === 'builtin') return new BuiltinEmbedder();
  if (['openai', 'gemini', 'ollama'].includes(name)) {
    throw new AppError('UNSUPPORTED', `The "${name}" embedder is not available yet; use --embedder builtin (the offline default).`);
  }
  throw new AppError('BAD_REQUEST', `Unknown embedder "${name}". Use one of: ${EMBEDDER_NAMES.join(', ')}.`);
}
