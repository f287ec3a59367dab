/** The retrieval feature: the app's per-connection indexes, their contract handlers, and RetrievalAccess for the AI. */
import { AppError } from '../../shared/errors';
import type { Feature, FeatureDeps, MethodsOf } from '../app/feature';
import type { AiRouter } from '../ai/types';
import type { DocsAccess } from '../docs/access';
import type { RetrievalAccess } from './access';
import { AppRetrieval } from './appRetrieval';
import { BuiltinEmbedder } from './embedders/builtin';
import { createProviderEmbedder } from './embedders/provider';
import type { Embedder } from './embedders/types';

/** Other features retrieval uses: the user's docs for the chunks, the AI router for provider embedders (created later, hence a getter). */
export interface RetrievalLinks {
  docs: DocsAccess;
  router: () => AiRouter | undefined;
}

/** Builds the feature. */
export function createRetrievalFeature(deps: FeatureDeps, links: RetrievalLinks): Feature<MethodsOf<'retrieval.'>, RetrievalAccess> {
  const builtin = new BuiltinEmbedder();
  const providerEmbedders = new Map<string, Promise<Embedder>>();
  const embedderFor = async (connectionId: string): Promise<Embedder> => {
    const choice = retrieval.embedderChoice(connectionId);
    if (!choice) return builtin;
    const router = links.router();
    if (!router) throw new AppError('AI_NO_PROVIDER', 'Provider embeddings need the AI settings; choose the built-in embedder or add a provider in Settings → AI.');
    const key = `${choice.provider}\0${choice.model}`;
    let made = providerEmbedders.get(key);
    if (!made) {
      made = createProviderEmbedder(router, choice.provider, choice.model);
      providerEmbedders.set(key, made);
      made.catch(() => providerEmbedders.delete(key)); // a failed probe is retried next time
    }
    return made;
  };
  const retrieval: AppRetrieval = new AppRetrieval({
    home: deps.paths.home,
    db: deps.db,
    schemas: deps.schemas,
    sessions: deps.sessions,
    saved: deps.saved,
    docs: links.docs,
    embedder: embedderFor,
    onProgress: (connectionId, buildId, p) => deps.events.emit('retrieval.progress', { connectionId, buildId, ...p }),
  });
  return {
    handlers: {
      'retrieval.status': async ({ connectionId }) => retrieval.status(connectionId),
      'retrieval.build': async ({ connectionId, buildId, refreshSchema }) => retrieval.build(connectionId, { buildId, refreshSchema }),
      'retrieval.cancel': async ({ buildId }) => ({ cancelled: retrieval.cancel(buildId) }),
      'retrieval.options.save': async ({ connectionId, valueSamples, embedder }) => {
        if (valueSamples !== undefined) retrieval.setValueSamples(connectionId, valueSamples);
        if (embedder !== undefined) retrieval.setEmbedder(connectionId, embedder);
        return retrieval.status(connectionId);
      },
      'retrieval.search': async ({ connectionId, question, k }) => retrieval.search(connectionId, question, k ?? 10),
    },
    access: retrieval,
    close: () => retrieval.close(),
  };
}
