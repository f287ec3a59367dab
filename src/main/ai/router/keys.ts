/** Where a provider's key comes from: the keychain first, then (CLI only) the usual environment variables. */
import type { SecretStore } from '../../secrets/secretStore';
import type { ProviderKind } from '../types';

/** Environment variables read per provider kind, in order. */
export const ENV_KEY_NAMES: Record<ProviderKind, readonly string[]> = {
  openai: ['OPENAI_API_KEY'],
  anthropic: ['ANTHROPIC_API_KEY'],
  gemini: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
  'openai-compatible': [],
};

/** The SecretStore kind of AI keys (id = provider id). */
export const AI_KEY_KIND = 'ai-key' as const;

/** The key for a provider, or undefined. `env` is only given on the CLI path. */
export async function resolveKey(secrets: SecretStore, provider: { id: string; kind: ProviderKind }, env?: Record<string, string | undefined>): Promise<string | undefined> {
  const stored = await secrets.get(provider.id, AI_KEY_KIND);
  if (stored) return stored;
  for (const name of ENV_KEY_NAMES[provider.kind]) {
    const v = env?.[name];
    if (v) return v;
  }
  return undefined;
}

/** Compatible servers (Ollama, llama.cpp …) usually take no key; the hosted APIs always do. */
export const needsKey = (kind: ProviderKind): boolean => kind !== 'openai-compatible';
