/** The contract handlers of Settings → AI (providers and keys, test, Ollama, settings, usage, prices, log, cache). */
import type { Handlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { AiRouterService } from './router';

/** The methods these handlers serve. */
export type AiSettingsMethod =
  | 'ai.providers.list' | 'ai.providers.save' | 'ai.providers.delete' | 'ai.providers.test' | 'ai.ollama.detect'
  | 'ai.settings.get' | 'ai.settings.save' | 'ai.usage' | 'ai.prices.get' | 'ai.prices.save'
  | 'ai.log.list' | 'ai.log.get' | 'ai.log.clear' | 'ai.cache.clear';

/** Handlers over the router service. Keys go in once and never come back out. */
export function createAiSettingsHandlers(router: AiRouterService): Pick<Handlers, AiSettingsMethod> {
  return {
    'ai.providers.list': async () => router.providers(),
    'ai.providers.save': async (a) => router.saveProvider(a),
    'ai.providers.delete': async ({ id }) => ({ deleted: await router.deleteProvider(id) }),
    'ai.providers.test': async ({ id }) => router.testProvider(id),
    'ai.ollama.detect': async ({ url }) => router.detectOllama(url),
    'ai.settings.get': async () => router.settings(),
    'ai.settings.save': async (a) => router.saveSettings(Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined))),
    'ai.usage': async () => router.usage(),
    'ai.prices.get': async () => router.prices(),
    'ai.prices.save': async ({ prices, remove }) => router.savePrices(prices ?? [], remove ?? []),
    'ai.log.list': async ({ offset, limit }) => router.ledger.list(offset ?? 0, limit ?? 100),
    'ai.log.get': async ({ id }) => {
      const entry = router.ledger.get(id);
      if (!entry) throw new AppError('NOT_FOUND', `There is no AI log entry ${id}; it may have been cleared.`);
      return entry;
    },
    'ai.log.clear': async () => ({ deleted: router.ledger.clearLog() }),
    'ai.cache.clear': async () => ({ deleted: router.ledger.clearCache() }),
  };
}
