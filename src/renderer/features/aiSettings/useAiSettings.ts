/** Loads what Settings → AI shows and saves changes through the contract. */
import { useCallback, useEffect, useState } from 'react';
import type { AiPrice, AiProviderInfo, AiSettings, AiSettingsView, AiUsage } from '../../../shared/contracts/aiSettings';
import { toAppError } from '../../../shared/errors';
import { useApi } from '../../api/hooks';

/** The loaded state and its actions. */
export interface AiSettingsState {
  providers: AiProviderInfo[] | undefined;
  settings: AiSettingsView | undefined;
  usage: AiUsage | undefined;
  prices: AiPrice[] | undefined;
  error: string | null;
  reload(): void;
  saveSettings(patch: Partial<AiSettings>): Promise<void>;
  /** Runs an action and reports its error in `error`. */
  act<T>(fn: () => Promise<T>): Promise<T | undefined>;
}

/** Settings → AI data. */
export function useAiSettings(): AiSettingsState {
  const api = useApi();
  const [providers, setProviders] = useState<AiProviderInfo[]>();
  const [settings, setSettings] = useState<AiSettingsView>();
  const [usage, setUsage] = useState<AiUsage>();
  const [prices, setPrices] = useState<AiPrice[]>();
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    Promise.all([api.call('ai.providers.list', {}), api.call('ai.settings.get', {}), api.call('ai.usage', {}), api.call('ai.prices.get', {})]).then(
      ([p, s, u, pr]) => {
        if (!live) return;
        setProviders(p);
        setSettings(s);
        setUsage(u);
        setPrices(pr);
      },
      (err: unknown) => live && setError(toAppError(err).message),
    );
    return () => {
      live = false;
    };
  }, [api, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const act = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      setError(null);
      return await fn();
    } catch (err) {
      setError(toAppError(err).message);
      return undefined;
    }
  }, []);
  const saveSettings = useCallback(
    async (patch: Partial<AiSettings>) => {
      const s = await act(() => api.call('ai.settings.save', patch));
      if (s) setSettings(s);
      reload();
    },
    [act, api, reload],
  );
  return { providers, settings, usage, prices, error, reload, saveSettings, act };
}
