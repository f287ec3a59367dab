/** The ai feature's handlers, built from the shared services. */
import type { Feature, FeatureDeps, MethodsOf } from '../app/feature';

/** Builds the feature. */
export function createAiFeature(deps: FeatureDeps): Feature<MethodsOf<'ai.'>> {
  void deps;
  return { handlers: {} };
}
