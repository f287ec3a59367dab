/**
 * The contract handlers of the AI tasks, built on the app's shared services. The router feature
 * (`ai/feature.ts`) spreads these into its handlers.
 */
import type { Handlers } from '../../../shared/contract';
import type { FeatureDeps } from '../../app/feature';
import type { DocsAccess } from '../../docs/access';
import type { RetrievalAccess } from '../../retrieval/access';
import type { AiRouter } from '../types';
import { sampleColumns } from './samples';
import { AiTaskService } from './service';
import type { TaskTarget } from './types';

/** The methods these handlers serve. */
export type AiTaskMethod =
  | 'ai.ask' | 'ai.explain' | 'ai.fix' | 'ai.optimise' | 'ai.describe' | 'ai.describe.accept' | 'ai.cancel' | 'ai.preview'
  | 'ai.context' | 'ai.threads.list' | 'ai.threads.get' | 'ai.threads.delete' | 'ai.feedback' | 'ai.privacy.get' | 'ai.privacy.save';

/** Other features the tasks use. */
export interface AiTaskLinks {
  docs: DocsAccess;
  retrieval: RetrievalAccess;
}

/** A connection of the app as a task target: cached schema, EXPLAIN on its session (never ANALYZE), retrieval, docs. */
export function appTarget(deps: FeatureDeps, links: AiTaskLinks, connectionId: string): TaskTarget {
  const profile = deps.store.get(connectionId);
  return {
    engine: profile.engine,
    readOnly: profile.readOnly,
    snapshot: (refresh) => deps.schemas.get(connectionId, refresh ?? false),
    explain: (sql) => deps.queries.explain(connectionId, sql, false),
    context: (question, opts) => links.retrieval.context(connectionId, question, opts),
    descriptions: () => links.docs.descriptions(connectionId),
    glossary: () => links.docs.glossary(connectionId),
    samples: async (columns, signal) => {
      // A separate connection, so sampling never waits behind (or disturbs) the user's session.
      const { conn } = await deps.sessions.openUnshared(connectionId);
      try {
        return await sampleColumns(conn, await deps.schemas.get(connectionId), columns, signal);
      } finally {
        await conn.close().catch(() => undefined);
      }
    },
  };
}

/** The task service on the app's services. */
export function createAiTaskService(deps: FeatureDeps, links: AiTaskLinks, router: AiRouter): AiTaskService {
  return new AiTaskService({
    router,
    db: deps.db,
    target: (connectionId) => appTarget(deps, links, connectionId),
    addExample: (connectionId, question, sql) => links.retrieval.addExample(connectionId, question, sql),
    saveDescriptions: (connectionId, entries) => links.docs.saveDescriptions(connectionId, entries),
    emit: deps.events.emit,
  });
}

/** The contract handlers of the AI tasks (spread into the AI feature's handlers). */
export function createAiTaskHandlers(deps: FeatureDeps, links: AiTaskLinks, router: AiRouter, service = createAiTaskService(deps, links, router)): Pick<Handlers, AiTaskMethod> {
  return {
    'ai.ask': async (a) => service.ask(a),
    'ai.explain': async (a) => service.explain(a),
    'ai.fix': async (a) => service.fix(a),
    'ai.optimise': async (a) => service.optimise(a),
    'ai.describe': async (a) => service.describe(a),
    'ai.describe.accept': async ({ connectionId, entries }) => service.acceptDescriptions(connectionId, entries),
    'ai.cancel': async ({ requestId }) => ({ cancelled: service.cancel(requestId) }),
    'ai.preview': async (a) => service.preview(a),
    'ai.context': async (a) => service.context(a),
    'ai.threads.list': async ({ connectionId }) => service.threads.list(connectionId),
    'ai.threads.get': async ({ threadId }) => service.threads.get(threadId),
    'ai.threads.delete': async ({ threadId }) => ({ deleted: service.threads.delete(threadId) }),
    'ai.feedback': async ({ answerId, vote }) => service.feedback(answerId, vote),
    'ai.privacy.get': async ({ connectionId, detectColumns }) => service.privacyInfo(connectionId, detectColumns ?? false),
    'ai.privacy.save': async (s) => service.savePrivacy(s),
  };
}
