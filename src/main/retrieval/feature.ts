/** The retrieval feature's handlers, built from the shared services. */
import type { Feature, FeatureDeps, MethodsOf } from '../app/feature';

/** Builds the feature. */
export function createRetrievalFeature(deps: FeatureDeps): Feature<MethodsOf<'retrieval.'>> {
  void deps;
  return { handlers: {} };
}
