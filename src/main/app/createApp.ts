/**
 * The composition root of the services (no Electron): opens the app database, makes sure the
 * demo exists, wires the services and returns the contract's handlers. Electron's `index.ts`,
 * web mode and tests all start the app through here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AppInfo, Handlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { ConnectionService } from '../connections/connectionService';
import { ConnectionStore } from '../connections/store';
import { ensureDemo } from '../demo/ensureDemo';
import { HistoryService, SavedQueryService } from '../history';
import { createAiFeature } from '../ai/feature';
import { createDocsFeature } from '../docs/feature';
import { createDocsSiteHandlers } from '../docs/site/handlers';
import { createErdFeature } from '../erd/feature';
import { GENERATOR_NAMES } from '../mock/generators';
import { MockService } from '../mock/mockService';
import { suggestGenerators } from '../mock/suggest';
import { createPlanFeature } from '../plan/feature';
import { exportRows } from '../query/export';
import { QueryService } from '../query/queryService';
import { ResultRegistry } from '../query/resultRegistry';
import { SessionManager } from '../query/sessions';
import { cleanupStaleSpills, MemoryBudget } from '../query/spool';
import { createRetrievalFeature } from '../retrieval/feature';
import { createRunToFileFeature } from '../query/toFile/feature';
import { SchemaService } from '../schema/schemaService';
import { chooseSecretStore } from '../secrets/chooseSecretStore';
import { TabService } from '../tabs/tabService';
import type { SecretStore } from '../secrets/secretStore';
import { openAppDatabase } from './appDb';
import type { FeatureDeps } from './feature';
import type { RetrievalAccess } from '../retrieval/access';
import { EventBus } from './events';
import { appPaths } from './paths';
import { APP_VERSION } from './version';

/** Options for starting the services. */
export interface CreateAppOptions {
  /** The data folder. */
  home: string;
  mode: AppInfo['mode'];
  /** Where secrets live; default: the OS keychain, else `secretFallback`, else memory with a warning. */
  secrets?: SecretStore;
  /** Electron's safeStorage-backed store, used when no keychain works (null when too weak). */
  secretFallback?: SecretStore | null;
  /** Memory bound of all result spools together, in bytes (default 256 MB). */
  spoolMemoryBytes?: number;
}

/** The running services. */
export interface App {
  handlers: Handlers;
  /** Retrieval for in-process callers (tests, the AI tasks). */
  retrieval: RetrievalAccess;
  events: EventBus;
  info: AppInfo;
  close(): Promise<void>;
}

/** Starts the services. */
export async function createApp(opts: CreateAppOptions): Promise<App> {
  const paths = appPaths(opts.home);
  fs.mkdirSync(paths.tempDir, { recursive: true });
  fs.mkdirSync(paths.exportsDir, { recursive: true });
  await cleanupStaleSpills(paths.tempDir);
  const { db, warnings } = openAppDatabase(paths.appDb);
  const store = new ConnectionStore(db);
  await ensureDemo(store, db, paths.demoDb);

  const events = new EventBus();
  let secrets = opts.secrets;
  if (!secrets) {
    const chosen = await chooseSecretStore({ fallback: opts.secretFallback ?? null, service: process.env.QG_KEYCHAIN_SERVICE });
    secrets = chosen.store;
    if (chosen.warning) warnings.push(chosen.warning);
  }
  const connections = new ConnectionService(store, secrets);
  const sessions = new SessionManager(store, secrets, { appKnownHosts: path.join(paths.home, 'known_hosts') }, (connectionId, message) =>
    events.emit('connection.dropped', { connectionId, message }),
  );
  const results = new ResultRegistry();
  const budget = new MemoryBudget(opts.spoolMemoryBytes ?? 256 * 1024 * 1024);
  const history = new HistoryService(db, (entry) => events.emit('history.recorded', entry));
  const saved = new SavedQueryService(db);
  const queries = new QueryService({
    sessions,
    results,
    budget,
    tempDir: paths.tempDir,
    emit: events.emit,
    recordRun: (run, result) => history.recordRun(run, result),
  });
  const schemas = new SchemaService(db, sessions);
  const exportsRunning = new Map<string, AbortController>();
  const editorTabs = new TabService(db);
  const mock = new MockService(sessions, paths.exportsDir, events.emit);
  const deps: FeatureDeps = { db, paths, store, connections, sessions, schemas, queries, history, saved, secrets, events };
  const docs = createDocsFeature(deps);
  const erd = createErdFeature(deps);
  const retrieval = createRetrievalFeature(deps, { docs: docs.access, router: () => ai.access });
  const ai = createAiFeature(deps, { docs: docs.access, retrieval: retrieval.access });
  const plan = createPlanFeature(deps);
  const features = [docs, erd, retrieval, ai, plan];
  const info: AppInfo = { name: 'QueryGenie', version: APP_VERSION, dataDir: paths.home, mode: opts.mode, warnings, secretBackend: secrets.backend };

  const handlers: Handlers = {
    'app.info': async () => info,
    'app.echo': async ({ value }) => value,
    'connections.list': async () => connections.list(),
    'connections.get': async ({ connectionId }) => connections.get(connectionId),
    'connections.save': async (args) => {
      const saved = await connections.save(args);
      if (args.id) await sessions.close(args.id, true); // reconnect with the new settings
      return saved;
    },
    'connections.duplicate': async ({ connectionId }) => connections.duplicate(connectionId),
    'connections.delete': async ({ connectionId }) => {
      await sessions.close(connectionId, true);
      return { deleted: await connections.delete(connectionId) };
    },
    'connections.export': async ({ connectionIds, passphrase }) => {
      const { text, count } = await connections.exportProfiles(connectionIds, passphrase);
      const file = path.join(paths.exportsDir, `connections-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
      fs.writeFileSync(file, text, { mode: 0o600 });
      return { path: file, count, withSecrets: passphrase !== undefined };
    },
    'connections.import': async ({ content, passphrase }) => connections.importProfiles(content, passphrase),
    'connections.test': async ({ connectionId }) => {
      const t0 = performance.now();
      const { conn } = await sessions.openUnshared(connectionId);
      try {
        const serverVersion = await conn.serverVersion();
        return { serverVersion, latencyMs: Math.round(performance.now() - t0) };
      } finally {
        await conn.close();
      }
    },
    'schema.get': async ({ connectionId, refresh }) => schemas.get(connectionId, refresh ?? false),
    'schema.names': async ({ connectionId }) => schemas.names(connectionId),
    'schema.details': async ({ connectionId, tables }) => schemas.details(connectionId, tables),
    'query.explain': async ({ connectionId, sql, analyze }) => queries.explain(connectionId, sql, analyze ?? false),
    'query.run': async (args) => queries.run(args),
    'query.cancel': async ({ runId }) => ({ cancelled: await queries.cancel(runId) }),
    'session.transaction': async ({ connectionId, action }) => queries.transaction(connectionId, action),
    'session.close': async ({ connectionId, force }) => queries.closeSession(connectionId, force ?? false),
    'result.page': async ({ resultId, offset, limit }) => results.page(resultId, offset, limit),
    'result.close': async ({ resultId }) => ({ closed: await results.close(resultId) }),
    'result.export': async ({ resultId, format, exportId }) => {
      const spool = results.get(resultId);
      const id = exportId ?? randomUUID();
      const controller = new AbortController();
      exportsRunning.set(id, controller);
      const file = path.join(paths.exportsDir, `result-${new Date().toISOString().replace(/[:.]/g, '-')}.${format === 'markdown' ? 'md' : format}`);
      const { rows, bytes, warnings: exportWarnings } = await exportRows({
        columns: spool.columns,
        source: spool.iterate(),
        format,
        out: file,
        signal: controller.signal,
        onProgress: (p) => events.emit('export.progress', { exportId: id, ...p, done: false }),
      }).finally(() => exportsRunning.delete(id));
      events.emit('export.progress', { exportId: id, rows, bytes, done: true });
      return { exportId: id, path: file, rows, bytes, warnings: exportWarnings ?? [] };
    },
    'export.cancel': async ({ exportId }) => {
      const c = exportsRunning.get(exportId);
      c?.abort();
      return { cancelled: c !== undefined };
    },
    'history.search': async (args) => history.search(args),
    'history.delete': async (args) => ({ deleted: history.delete(args) }),
    'saved.list': async (args) => saved.list(args),
    'saved.save': async (args) => saved.save(args),
    'saved.get': async ({ id }) => saved.get(id),
    'saved.versions': async ({ id }) => saved.versions(id),
    'saved.diff': async ({ id, from, to }) => saved.diff(id, from, to),
    'saved.restore': async ({ id, version }) => saved.restore(id, version),
    'saved.delete': async ({ id }) => ({ deleted: saved.delete(id) }),
    'tabs.list': async () => editorTabs.list(),
    'tabs.save': async (tab) => {
      editorTabs.save(tab);
      return { saved: true };
    },
    'tabs.close': async ({ id }) => ({ closed: editorTabs.close(id) }),
    'mock.generators': async () => ({ generators: [...GENERATOR_NAMES].sort() }),
    'mock.suggest': async ({ connectionId, tables }) => {
      if (!ai.access) throw new AppError('AI_NO_PROVIDER', 'Add an AI provider in Settings → AI to get suggestions.');
      return suggestGenerators(ai.access, await schemas.get(connectionId), tables, connectionId);
    },
    'mock.plan': async ({ connectionId, tables }) => mock.plan(connectionId, tables),
    'mock.preview': async ({ rows, ...rest }) => mock.preview({ ...rest, rows: rows ?? 5 }),
    'mock.insert': async (args) => mock.insert(args),
    'mock.cancel': async ({ mockId }) => ({ cancelled: mock.cancel(mockId) }),
    'mock.export': async (args) => mock.export(args),
    ...docs.handlers,
    ...createDocsSiteHandlers(deps),
    ...erd.handlers,
    ...retrieval.handlers,
    ...ai.handlers,
    ...plan.handlers,
    ...createRunToFileFeature(deps).handlers,
  };

  return {
    handlers,
    retrieval: retrieval.access,
    events,
    info,
    async close() {
      for (const f of features) await f.close?.();
      await sessions.closeAll();
      await results.closeAll();
      db.close();
    },
  };
}
