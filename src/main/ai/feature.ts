/** The AI feature's handlers (settings and tasks), built from the shared services. */
import { OLLAMA_URL_ENV } from '../../shared/contracts/aiSettings';
import type { Feature, FeatureDeps, MethodsOf } from '../app/feature';
import type { DocsAccess } from '../docs/access';
import type { RetrievalAccess } from '../retrieval/access';
import { createRouter } from './router';
import { createAiSettingsHandlers } from './settingsHandlers';
import { createAiTaskHandlers } from './tasks/handlers';
import type { AiRouter } from './types';

/** Other features the AI uses. */
export interface AiFeatureLinks {
  docs: DocsAccess;
  retrieval: RetrievalAccess;
}

/** Builds the feature; its access is the router (mock-data suggestions and provider embedders use it). */
export function createAiFeature(deps: FeatureDeps, links: AiFeatureLinks): Feature<MethodsOf<'ai.'>, AiRouter | undefined> {
  // The app reads keys from the keychain only; environment keys are a CLI convenience.
  // QG_OLLAMA_URL overrides the Ollama endpoint saved in Settings → AI (which says so).
  const envOllamaUrl = process.env[OLLAMA_URL_ENV];
  const router = createRouter({ db: deps.db, secrets: deps.secrets, ...(envOllamaUrl ? { ollamaUrl: envOllamaUrl } : {}) });
  return {
    handlers: {
      ...createAiSettingsHandlers(router),
      // AI tasks (ask/explain/fix/optimise/describe …), built on the same router.
      ...createAiTaskHandlers(deps, links, router),
    },
    access: router,
  };
}
