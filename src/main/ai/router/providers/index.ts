/** Provider adapters by kind. */
import { anthropicAdapter } from './anthropic';
import { geminiAdapter } from './gemini';
import { openAiAdapter } from './openai';
import type { ProviderAdapter, ProviderConfig } from './types';

export type * from './types';

/** Builds the adapter of a provider's protocol with its key (undefined: none needed or none stored). */
export function createAdapter(config: ProviderConfig, key: string | undefined): ProviderAdapter {
  switch (config.kind) {
    case 'openai':
    case 'openai-compatible':
      return openAiAdapter(config, key);
    case 'anthropic':
      return anthropicAdapter(config, key);
    case 'gemini':
      return geminiAdapter(config, key);
  }
}
