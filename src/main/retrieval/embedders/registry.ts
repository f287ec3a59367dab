/** The built-in embedder by name (provider embedders go through the AI router). */
import { AppError } from '../../../shared/errors';
import { BuiltinEmbedder } from './builtin';
import type { Embedder } from './types';

/** Names accepted by `--embedder`. */
export const EMBEDDER_NAMES = ['builtin'] as const;

/** The embedder for a name. Provider embedders need the AI router: the CLI builds them in commands/retrieval.ts, the app in retrieval/feature.ts. */
export function createEmbedder(name = 'builtin'): Embedder {
  if (name === 'builtin') return new BuiltinEmbedder();
  if (['openai', 'gemini', 'ollama'].includes(name)) {
    throw new AppError('UNSUPPORTED', `The "${name}" embedder runs through the AI settings: use "querygenie index --embedder ${name}" or choose it in the app.`);
  }
  throw new AppError('BAD_REQUEST', `Unknown embedder "${name}". Use one of: ${EMBEDDER_NAMES.join(', ')}.`);
}
