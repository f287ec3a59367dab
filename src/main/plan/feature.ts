/** The plan feature's handlers, built from the shared services. */
import type { Feature, FeatureDeps, MethodsOf } from '../app/feature';

/** Builds the feature. */
export function createPlanFeature(deps: FeatureDeps): Feature<MethodsOf<'plan.'>> {
  void deps;
  return { handlers: {}, access: undefined };
}
