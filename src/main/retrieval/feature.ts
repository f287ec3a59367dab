/** The retrieval feature: the app's per-connection indexes, their contract handlers, and RetrievalAccess for the AI. */
import type { Feature, FeatureDeps, MethodsOf } from '../app/feature';
import type { AiRouter } from '../ai/types';
import type { DocsAccess } from '../docs/access';
import type { RetrievalAccess } from './access';
import { AppRetrieval } from './appRetrieval';
import { BuiltinEmbedder } from './embedders/builtin';

/** Other features retrieval uses: the user's docs for the chunks, the AI router for provider embedders (created later, hence a getter). */
export interface RetrievalLinks {
  docs: DocsAccess;
  router: () => AiRouter | undefined;
}

/** Builds the feature. */
export function createRetrievalFeature(deps: FeatureDeps, links: RetrievalLinks): Feature<MethodsOf<'retrieval.'>, RetrievalAccess> {
  const builtin = new BuiltinEmbedder();
  const retrieval = new AppRetrieval({
    home: deps.paths.home,
    db: deps.db,
    schemas: deps.schemas,
    sessions: deps.sessions,
    saved: deps.saved,
    docs: links.docs,
    embedder: () => builtin,
    onProgress: (connectionId, buildId, p) => deps.events.emit('retrieval.progress', { connectionId, buildId, ...p }),
  });
  return {
    handlers: {
      'retrieval.status': async ({ connectionId }) => retrieval.status(connectionId),
      'retrieval.build': async ({ connectionId, buildId, refreshSchema }) => retrieval.build(connectionId, { buildId, refreshSchema }),
      'retrieval.cancel': async ({ buildId }) => ({ cancelled: retrieval.cancel(buildId) }),
      'retrieval.options.save': async ({ connectionId, valueSamples }) => {
        retrieval.setValueSamples(connectionId, valueSamples);
        return retrieval.status(connectionId);
      },
      'retrieval.search': async ({ connectionId, question, k }) => retrieval.search(connectionId, question, k ?? 10),
    },
    access: retrieval,
    close: () => retrieval.close(),
  };
}
