/**
 * The names of every contract method and event, and the IPC channels derived from them — with
 * no dependency (no zod), so the sandboxed preload stays small. `contract.ts` is checked against
 * these lists at compile time: a method or event exists in both or the build fails.
 */

// Each feature lists its names in its own constant (one line to edit per feature).
const MOCK_METHODS = ['mock.generators', 'mock.suggest', 'mock.plan', 'mock.preview', 'mock.insert', 'mock.cancel', 'mock.export'] as const;
const DOCS_METHODS = ['docs.bundle', 'docs.describe.list', 'docs.describe.save', 'docs.glossary.list', 'docs.glossary.save', 'docs.glossary.delete', 'docs.lint.settings.get', 'docs.lint.settings.save', 'docs.snapshots.list', 'docs.diff', 'docs.comments.preview', 'docs.comments.apply'] as const;
const DOCS_SITE_METHODS = ['docsSite.export', 'docsSite.cancel', 'docsSite.diagram'] as const;
const ERD_METHODS = ['erd.graph', 'erd.views.list', 'erd.views.get', 'erd.views.save', 'erd.views.delete', 'erd.export'] as const;
const RETRIEVAL_METHODS = ['retrieval.status', 'retrieval.build', 'retrieval.cancel', 'retrieval.options.save', 'retrieval.search'] as const;
const AI_SETTINGS_METHODS = ['ai.providers.list', 'ai.providers.save', 'ai.providers.delete', 'ai.providers.test', 'ai.ollama.detect', 'ai.settings.get', 'ai.settings.save', 'ai.usage', 'ai.prices.get', 'ai.prices.save', 'ai.log.list', 'ai.log.get', 'ai.log.clear', 'ai.cache.clear'] as const;
const AI_METHODS = ['ai.ask', 'ai.explain', 'ai.fix', 'ai.optimise', 'ai.describe', 'ai.describe.accept', 'ai.cancel', 'ai.preview', 'ai.context', 'ai.threads.list', 'ai.threads.get', 'ai.threads.delete', 'ai.feedback', 'ai.privacy.get', 'ai.privacy.save'] as const;
const PLAN_METHODS = ['plan.advise', 'plan.whatIf', 'plan.workload', 'plan.apply', 'plan.audit.list'] as const;
const RUN_TO_FILE_METHODS = ['query.runToFile', 'query.runToFile.cancel'] as const;

const MOCK_EVENTS = ['mock.progress'] as const;
const DOCS_EVENTS = ['docs.changed'] as const;
const DOCS_SITE_EVENTS = ['docsSite.progress'] as const;
const ERD_EVENTS = [] as const;
const RETRIEVAL_EVENTS = ['retrieval.progress'] as const;
const AI_SETTINGS_EVENTS = [] as const;
const AI_EVENTS = ['ai.token', 'ai.status'] as const;
const PLAN_EVENTS = [] as const;
const RUN_TO_FILE_EVENTS = ['query.runToFile.progress'] as const;

/** Every request method, in declaration order. */
export const METHOD_NAMES = [
  'app.info', 'app.echo',
  'connections.list', 'connections.get', 'connections.save', 'connections.duplicate', 'connections.delete',
  'connections.export', 'connections.import', 'connections.test',
  'schema.get', 'schema.names', 'schema.details',
  'query.explain', 'query.run', 'query.cancel',
  'session.transaction', 'session.close',
  'result.page', 'result.close', 'result.export', 'export.cancel',
  'tabs.list', 'tabs.save', 'tabs.close',
  'history.search', 'history.delete',
  'saved.list', 'saved.save', 'saved.get', 'saved.versions', 'saved.diff', 'saved.restore', 'saved.delete',
  ...MOCK_METHODS,
  ...DOCS_METHODS,
  ...DOCS_SITE_METHODS,
  ...ERD_METHODS,
  ...RETRIEVAL_METHODS,
  ...AI_SETTINGS_METHODS,
  ...AI_METHODS,
  ...PLAN_METHODS,
  ...RUN_TO_FILE_METHODS,
] as const;

/** Every event name. */
export const EVENT_NAMES = [
  'query.resultSet', 'query.progress', 'export.progress', 'connection.dropped', 'history.recorded',
  ...MOCK_EVENTS,
  ...DOCS_EVENTS,
  ...DOCS_SITE_EVENTS,
  ...ERD_EVENTS,
  ...RETRIEVAL_EVENTS,
  ...AI_SETTINGS_EVENTS,
  ...AI_EVENTS,
  ...PLAN_EVENTS,
  ...RUN_TO_FILE_EVENTS,
] as const;

/** A method name. */
export type MethodName = (typeof METHOD_NAMES)[number];
/** An event name. */
export type EventNameLiteral = (typeof EVENT_NAMES)[number];

/** The IPC channel of a method (Electron). Derived, never typed by hand. */
export const requestChannel = (m: MethodName): string => `qg:req:${m}`;
/** The IPC channel of an event (Electron). */
export const eventChannel = (e: EventNameLiteral): string => `qg:evt:${e}`;
