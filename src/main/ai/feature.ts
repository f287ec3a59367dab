/** The AI feature's handlers (settings and tasks), built from the shared services. */
import type { Feature, FeatureDeps, MethodsOf } from '../app/feature';
import type { DocsAccess } from '../docs/access';
import type { RetrievalAccess } from '../retrieval/access';
import type { AiRouter } from './types';

/** Other features the AI uses. */
export interface AiFeatureLinks {
  docs: DocsAccess;
  retrieval: RetrievalAccess;
}

/** Builds the feature; its access is the router (mock-data suggestions and provider embedders use it). */
export function createAiFeature(deps: FeatureDeps, links: AiFeatureLinks): Feature<MethodsOf<'ai.'>, AiRouter | undefined> {
  void deps;
  void links;
  return { handlers: {}, access: undefined };
}
