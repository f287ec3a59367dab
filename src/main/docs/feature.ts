/** The docs feature's handlers, built from the shared services. */
import type { Feature, FeatureDeps, MethodsOf } from '../app/feature';
import type { DocsAccess } from './access';
import { DocsService } from './docsService';
import { DocsStore } from './store';

/** Builds the feature. */
export function createDocsFeature(deps: FeatureDeps): Feature<MethodsOf<'docs.'>, DocsAccess> {
  const docs = new DocsService(new DocsStore(deps.db), deps.schemas, deps.sessions, deps.store, deps.events.emit);
  return {
    handlers: {
      'docs.bundle': async ({ connectionId, refresh }) => docs.bundle(connectionId, refresh ?? false),
      'docs.describe.list': async ({ connectionId }) => docs.listDescriptions(connectionId),
      'docs.describe.save': async ({ connectionId, target, text }) => docs.saveDescription(connectionId, target, text),
      'docs.glossary.list': async ({ connectionId }) => docs.glossary(connectionId),
      'docs.glossary.save': async ({ connectionId, term, definition, previousTerm }) => docs.saveTerm(connectionId, term, definition, previousTerm),
      'docs.glossary.delete': async ({ connectionId, term }) => docs.deleteTerm(connectionId, term),
      'docs.lint.settings.get': async ({ connectionId }) => docs.lintSettings(connectionId),
      'docs.lint.settings.save': async ({ connectionId, disabled }) => docs.saveLintSettings(connectionId, disabled),
      'docs.snapshots.list': async ({ connectionId, limit }) => docs.snapshots(connectionId, limit),
      'docs.diff': async ({ connectionId, from, to }) => docs.diff(connectionId, from, to),
      'docs.comments.preview': async ({ connectionId, targets }) => docs.previewComments(connectionId, targets),
      'docs.comments.apply': async ({ connectionId, targets, confirmed }) => docs.applyComments(connectionId, targets, confirmed ?? false),
    },
    access: docs,
  };
}
