/**
 * A feature plugs into the app as a set of contract handlers built from the shared services.
 * `createApp` builds the services once, hands them to every feature and merges the handlers;
 * a feature never reaches into another feature's internals, only into what `FeatureDeps` offers
 * (and the small access interfaces features export for each other).
 */
import type Database from 'better-sqlite3';
import type { Handlers, Method } from '../../shared/contract';
import type { ConnectionService } from '../connections/connectionService';
import type { ConnectionStore } from '../connections/store';
import type { HistoryService, SavedQueryService } from '../history';
import type { QueryService } from '../query/queryService';
import type { SessionManager } from '../query/sessions';
import type { SchemaService } from '../schema/schemaService';
import type { SecretStore } from '../secrets/secretStore';
import type { EventBus } from './events';
import type { appPaths } from './paths';

/** The shared services every feature may use. */
export interface FeatureDeps {
  db: Database.Database;
  paths: ReturnType<typeof appPaths>;
  store: ConnectionStore;
  connections: ConnectionService;
  sessions: SessionManager;
  schemas: SchemaService;
  queries: QueryService;
  history: HistoryService;
  saved: SavedQueryService;
  secrets: SecretStore;
  events: EventBus;
}

/** Methods whose names start with a prefix, e.g. `MethodsOf<'docs.'>`. */
export type MethodsOf<P extends string> = Extract<Method, `${P}${string}`>;

/** What a feature gives the app: handlers for its methods, what it offers other features, and cleanup on close. */
export interface Feature<M extends Method, Access = undefined> {
  handlers: Pick<Handlers, M>;
  /** The feature's access interface for other features (e.g. DocsAccess), when it has one. */
  access: Access;
  close?(): Promise<void>;
}
