/** Whether the AI can answer at all (a usable provider), and the "preview before every send" setting. */
import type { Api } from '../../../shared/contract';
import type { AiProviderInfo, AiSettings } from '../../../shared/contracts/aiSettings';
import type { AiReadiness } from './types';

/** A provider that can answer: enabled, and a key unless it is keyless (local / OpenAI-compatible). */
export function usableProvider(p: AiProviderInfo, localOnly: boolean): boolean {
  if (!p.enabled) return false;
  if (localOnly && !p.local) return false;
  return p.hasKey || p.local || p.kind === 'openai-compatible';
}

/** Readiness from the providers and the settings. */
export function readinessOf(providers: AiProviderInfo[], settings: Pick<AiSettings, 'localOnly' | 'previewPrompt'> | null): AiReadiness {
  const localOnly = settings?.localOnly ?? false;
  return {
    configured: providers.some((p) => usableProvider(p, localOnly)),
    previewBeforeSend: settings?.previewPrompt ?? false,
    providerNames: Object.fromEntries(providers.map((p) => [p.id, p.name])),
  };
}

/** Reads providers and settings from main. */
export async function readiness(api: Api): Promise<AiReadiness> {
  const [providers, settings] = await Promise.all([
    api.call('ai.providers.list', {}),
    api.call('ai.settings.get', {}).catch(() => null),
  ]);
  return readinessOf(providers, settings);
}
