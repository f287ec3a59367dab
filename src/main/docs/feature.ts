/** The docs feature's handlers, built from the shared services. */
import type { Feature, FeatureDeps, MethodsOf } from '../app/feature';

/** Builds the feature. */
export function createDocsFeature(deps: FeatureDeps): Feature<MethodsOf<'docs.'>> {
  void deps;
  return { handlers: {} };
}
