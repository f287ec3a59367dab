/** The docs feature's handlers, built from the shared services. */
import type { Feature, FeatureDeps, MethodsOf } from '../app/feature';
import type { DocsAccess } from './access';

/** Builds the feature. */
export function createDocsFeature(deps: FeatureDeps): Feature<MethodsOf<'docs.'>, DocsAccess> {
  void deps;
  return {
    handlers: {},
    access: {
      descriptions: () => new Map(),
      glossary: () => [],
      saveDescriptions: () => undefined,
    },
  };
}
