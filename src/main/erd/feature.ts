/** The erd feature's handlers, built from the shared services. */
import type { Feature, FeatureDeps, MethodsOf } from '../app/feature';

/** Builds the feature. */
export function createErdFeature(deps: FeatureDeps): Feature<MethodsOf<'erd.'>> {
  void deps;
  return { handlers: {}, access: undefined };
}
