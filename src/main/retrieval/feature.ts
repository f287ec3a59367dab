/** The retrieval feature's handlers, built from the shared services. */
import type { Feature, FeatureDeps, MethodsOf } from '../app/feature';
import type { AiRouter } from '../ai/types';
import type { DocsAccess } from '../docs/access';
import type { RetrievalAccess } from './access';

/** Other features retrieval uses: the user's docs for the chunks, the AI router for provider embedders (created later, hence a getter). */
export interface RetrievalLinks {
  docs: DocsAccess;
  router: () => AiRouter | undefined;
}

/** Builds the feature. */
export function createRetrievalFeature(deps: FeatureDeps, links: RetrievalLinks): Feature<MethodsOf<'retrieval.'>, RetrievalAccess> {
  void deps;
  void links;
  return {
    handlers: {},
    access: {
      context: async () => {
        throw new Error('retrieval context: not built yet');
      },
      addExample: async () => undefined,
    },
  };
}
