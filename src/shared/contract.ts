/**
 * THE contract between the renderer and main: every request (method → args → result) and every
 * event, declared once. The Electron binding, the web-mode binding, the preload and the renderer
 * client are all derived from this object; nobody types a channel name by hand.
 *
 * Arguments are validated with zod at the boundary (after the value codec decoded them).
 * Results are typed only (main is trusted).
 */
import { z } from 'zod';
import {
  EVENT_NAMES,
  METHOD_NAMES,
  eventChannel,
  requestChannel,
  type EventNameLiteral,
  type MethodName,
} from './contractNames';
import type { ConnectionParams, Engine } from './connection';
import type { ColumnMeta, ExplainResult, ExportFormat, ResultPage, StatementOutcome } from './query';
import type { SchemaSnapshot } from './schema';
import type { HistoryEntry, HistoryPage, SavedQuery, SavedQueryDiff, SavedQueryVersion } from './history';
import { aiRequests, aiEvents } from './contracts/ai';
import { aiSettingsRequests, aiSettingsEvents } from './contracts/aiSettings';
import { event, id, request, type EventDef, type RequestDef } from './contracts/define';
import { docsRequests, docsEvents } from './contracts/docs';
import { docsSiteRequests, docsSiteEvents } from './contracts/docsSite';
import { erdRequests, erdEvents } from './contracts/erd';
import { mockRequests, mockEvents } from './contracts/mock';
import { planRequests, planEvents } from './contracts/plan';
import { retrievalRequests, retrievalEvents } from './contracts/retrieval';
import { runToFileRequests, runToFileEvents } from './contracts/runToFile';

export type { EventDef, RequestDef };
export type * from './contracts/mock';

/** What the shell shows about the running app. */
export interface AppInfo {
  name: string;
  version: string;
  /** Where the app database and files live. */
  dataDir: string;
  mode: 'electron' | 'web';
  /** Problems the user should see (e.g. "the app database was corrupt and was moved aside"). */
  warnings: string[];
  /** Where secrets are kept (e.g. "OS keychain"). */
  secretBackend: string;
}

/** A connection as the renderer sees it: never a password, only `hasSecret`. */
export interface ConnectionSummary {
  id: string;
  name: string;
  engine: Engine;
  /** Safe description of the target (no password). */
  target: string;
  readOnly: boolean;
  color: string | null;
  environment: 'local' | 'dev' | 'staging' | 'prod' | null;
  hasSecret: boolean;
  isDemo: boolean;
}

/** A connection with its parameters (never the password) and its URL for "copy as URL". */
export interface ConnectionDetail extends ConnectionSummary {
  params: ConnectionParams;
  url: string;
  /** Which SSH secrets the keychain holds for this profile (never the secrets themselves). */
  sshSecrets?: { password: boolean; passphrase: boolean };
}

const sslArgs = z.strictObject({
  mode: z.enum(['disable', 'prefer', 'require', 'verify-ca', 'verify-full']),
  ca: z.string().max(4096).optional(),
  cert: z.string().max(4096).optional(),
  key: z.string().max(4096).optional(),
});

/** Connection parameters as the renderer may send them: no password field (it travels apart). */
const connectionParamsArgs = z.strictObject({
  host: z.string().max(255).optional(),
  port: z.number().int().min(1).max(65535).optional(),
  database: z.string().max(255).optional(),
  user: z.string().max(255).optional(),
  filePath: z.string().max(4096).optional(),
  ssl: sslArgs.optional(),
  defaultSchema: z.string().max(255).optional(),
  statementTimeoutMs: z.number().int().min(0).max(86_400_000).optional(),
  options: z.record(z.string().max(100), z.string().max(1000)).optional(),
  ssh: z
    .strictObject({
      host: z.string().min(1).max(255),
      port: z.number().int().min(1).max(65535).optional(),
      user: z.string().max(255).optional(),
      auth: z.enum(['password', 'key', 'agent']),
      privateKeyPath: z.string().max(4096).optional(),
      trustedHostKey: z.string().max(200).optional(),
    })
    .optional(),
});

const saveConnectionArgs = z.strictObject({
  /** Absent: create. */
  id: z.string().min(1).max(200).optional(),
  name: z.string().min(1).max(100),
  engine: z.enum(['sqlite', 'postgres', 'mysql', 'mssql']),
  params: connectionParamsArgs,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).nullable().optional(),
  environment: z.enum(['local', 'dev', 'staging', 'prod']).nullable().optional(),
  readOnly: z.boolean().optional(),
  /** A string sets the password (to the keychain), null deletes it, absent keeps it. */
  password: z.string().max(1024).nullable().optional(),
  /** The SSH password, same rules. */
  sshPassword: z.string().max(1024).nullable().optional(),
  /** The SSH private key's passphrase, same rules. */
  sshPassphrase: z.string().max(1024).nullable().optional(),
});

/** Arguments of `connections.save`. */
export type SaveConnectionArgs = z.infer<typeof saveConnectionArgs>;

/** Result of "Test connection". */
export interface ConnectionTestResult {
  serverVersion: string;
  latencyMs: number;
}

/** Announces a new result set while a script runs. */
export interface ResultSetStarted {
  runId: string;
  statementIndex: number;
  resultId: string;
  columns: ColumnMeta[];
}

/** Progress of a running script, throttled. */
export interface QueryProgress {
  runId: string;
  statementIndex: number;
  resultId: string | null;
  rowCount: number;
  elapsedMs: number;
}

/** How a run ended. */
export interface RunOutcome {
  runId: string;
  statements: StatementOutcome[];
  cancelled: boolean;
  durationMs: number;
}

/** Progress of an export. */
export interface ExportProgress {
  exportId: string;
  rows: number;
  bytes: number;
  done: boolean;
}

/** The core requests (app, connections, schema, query, results, tabs, history, saved). */
const coreRequests = {
  /** The running app: version, data folder, warnings. */
  'app.info': request<AppInfo>()(z.strictObject({})),
  /** Returns its argument: a diagnostic for the transports and the value codec. */
  'app.echo': request<unknown>()(z.strictObject({ value: z.unknown() })),

  /** All connection profiles. */
  'connections.list': request<ConnectionSummary[]>()(z.strictObject({})),
  /** One connection's parameters (no password) and URL. */
  'connections.get': request<ConnectionDetail>()(z.strictObject({ connectionId: id })),
  /** Creates or updates a connection; the password goes to the keychain only. */
  'connections.save': request<ConnectionSummary>()(saveConnectionArgs),
  /** Copies a connection (with its secrets) under a free name. */
  'connections.duplicate': request<ConnectionSummary>()(z.strictObject({ connectionId: id })),
  /** Deletes a connection and its secrets. */
  'connections.delete': request<{ deleted: boolean }>()(z.strictObject({ connectionId: id })),
  /** Writes an export file (secrets only when a passphrase is given, encrypted with it). */
  'connections.export': request<{ path: string; count: number; withSecrets: boolean }>()(
    z.strictObject({ connectionIds: z.array(id).max(10_000).optional(), passphrase: z.string().min(8).max(1024).optional() }),
  ),
  /** Imports an export file's content; secrets only with the right passphrase. */
  'connections.import': request<{ imported: string[]; secretsImported: boolean }>()(
    z.strictObject({ content: z.string().max(10_000_000), passphrase: z.string().max(1024).optional() }),
  ),
  /** Opens a connection and reports the server version and latency. */
  'connections.test': request<ConnectionTestResult>()(z.strictObject({ connectionId: id })),

  /** The connection's SchemaSnapshot (cached; `refresh` re-reads the catalog). */
  'schema.get': request<SchemaSnapshot>()(
    z.strictObject({ connectionId: id, refresh: z.boolean().optional() }),
  ),

  /**
   * Tables and views by name only (fast on very large databases); details come with
   * `schema.details`.
   */
  'schema.names': request<SchemaSnapshot>()(z.strictObject({ connectionId: id })),
  /** Full details of some tables (`schema.table` names), for lazy loading. */
  'schema.details': request<SchemaSnapshot>()(
    z.strictObject({ connectionId: id, tables: z.array(z.string().min(1).max(600)).min(1).max(5_000) }),
  ),
  /** The engine's plan of a statement plus the normalised tree; `analyze` runs it in a rolled-back transaction. */
  'query.explain': request<ExplainResult>()(
    z.strictObject({ connectionId: id, sql: z.string().min(1).max(5_000_000), analyze: z.boolean().optional() }),
  ),
  /** Runs a script; resolves when every statement finished. Rows are read with `result.page`. */
  'query.run': request<RunOutcome>()(
    z.strictObject({
      connectionId: id,
      sql: z.string().max(50_000_000),
      runId: id.optional(),
      /** The user confirmed the destructive / prod-write statements this script holds. */
      confirmed: z.boolean().optional(),
      /** false: not recorded in the history (the grid's sort/filter re-query of a large result). */
      history: z.boolean().optional(),
    }),
  ),
  /** Cancels a running script. */
  'query.cancel': request<{ cancelled: boolean }>()(z.strictObject({ runId: id })),

  /** Manual transaction control on a connection's session (autocommit resumes after commit/rollback). */
  'session.transaction': request<{ inTransaction: boolean }>()(
    z.strictObject({ connectionId: id, action: z.enum(['begin', 'commit', 'rollback']) }),
  ),
  /**
   * Closes a connection's session. With an open transaction it refuses (and says so) unless
   * `force`, which rolls the transaction back.
   */
  'session.close': request<{ closed: boolean; openTransaction: boolean }>()(
    z.strictObject({ connectionId: id, force: z.boolean().optional() }),
  ),

  /** A window of a spooled result. */
  'result.page': request<ResultPage>()(
    z.strictObject({
      resultId: id,
      offset: z.number().int().min(0),
      limit: z.number().int().min(0).max(100_000),
    }),
  ),
  /** Frees a result and its spill file. */
  'result.close': request<{ closed: boolean }>()(z.strictObject({ resultId: id })),
  /** Exports a whole result to a file chosen in main (or a download in web mode). */
  'result.export': request<{ exportId: string; path: string; rows: number; bytes: number; warnings: string[] }>()(
    z.strictObject({
      resultId: id,
      format: z.enum(['csv', 'tsv', 'json', 'ndjson', 'markdown', 'sql', 'xlsx'] satisfies [
        ExportFormat,
        ...ExportFormat[],
      ]),
      exportId: id.optional(),
    }),
  ),
  /** Cancels a running export; its partial file is deleted. */
  'export.cancel': request<{ cancelled: boolean }>()(z.strictObject({ exportId: id })),

  /** The editor tabs saved by `tabs.save`, in tab-strip order (restored after a restart). */
  'tabs.list': request<EditorTabRecord[]>()(z.strictObject({})),
  /** Creates or updates one editor tab (its text, title, place). */
  'tabs.save': request<{ saved: boolean }>()(
    z.strictObject({
      id,
      connectionId: id,
      title: z.string().max(200),
      sql: z.string().max(10_000_000),
      savedQueryId: id.nullable().optional(),
      position: z.number().int().min(0).max(100_000),
    }),
  ),
  /** Forgets a closed editor tab. */
  'tabs.close': request<{ closed: boolean }>()(z.strictObject({ id })),

  /** Past executions matching a text search (FTS5, prefix words) and filters, newest first. */
  'history.search': request<HistoryPage>()(
    z.strictObject({
      query: z.string().max(1000).optional(),
      connectionId: id.optional(),
      status: z.enum(['ok', 'error', 'cancelled']).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
      offset: z.number().int().min(0).optional(),
    }),
  ),
  /** Deletes history entries: the given ids, else all of one connection, else everything. */
  'history.delete': request<{ deleted: number }>()(
    z.strictObject({ ids: z.array(z.number().int()).max(10_000).optional(), connectionId: id.optional() }),
  ),
  /** Saved queries matching a text search (name, description, SQL, tags), folder or tag. */
  'saved.list': request<SavedQuery[]>()(
    z.strictObject({ query: z.string().max(1000).optional(), folder: z.string().max(1000).optional(), tag: z.string().max(100).optional() }),
  ),
  /** Saves a new query (no id) or a new version of one; a version is never overwritten. */
  'saved.save': request<SavedQuery>()(
    z.strictObject({
      id: id.optional(),
      name: z.string().min(1).max(200),
      folder: z.string().max(1000).optional(),
      description: z.string().max(10_000).optional(),
      tags: z.array(z.string().max(100)).max(50).optional(),
      connectionId: id.nullable().optional(),
      sql: z.string().max(5_000_000),
      note: z.string().max(1000).optional(),
    }),
  ),
  /** A saved query's latest state. */
  'saved.get': request<SavedQuery>()(z.strictObject({ id })),
  /** Every version of a saved query, newest first. */
  'saved.versions': request<SavedQueryVersion[]>()(z.strictObject({ id })),
  /** A unified diff of two versions' SQL. */
  'saved.diff': request<SavedQueryDiff>()(
    z.strictObject({ id, from: z.number().int().min(1), to: z.number().int().min(1) }),
  ),
  /** Makes an old version current by saving a new version equal to it. */
  'saved.restore': request<SavedQuery>()(z.strictObject({ id, version: z.number().int().min(1) })),
  /** Deletes a saved query and its versions. */
  'saved.delete': request<{ deleted: boolean }>()(z.strictObject({ id })),

} as const;

/** An editor tab as stored for restoring after a restart. */
export interface EditorTabRecord {
  id: string;
  connectionId: string;
  title: string;
  sql: string;
  /** The saved query the tab was opened from (for the unsaved-changes marker), or null. */
  savedQueryId: string | null;
  /** 0-based place in the tab strip. */
  position: number;
}

/** The core events. */
const coreEvents = {
  'query.resultSet': event<ResultSetStarted>(),
  'query.progress': event<QueryProgress>(),
  'export.progress': event<ExportProgress>(),
  /** A connection (or its SSH tunnel) dropped; the next query reconnects. */
  'connection.dropped': event<{ connectionId: string; message: string }>(),
  /** A run was recorded in the query history (the History panel prepends it). */
  'history.recorded': event<HistoryEntry>(),
} as const;

/** Every request, by method name: the core and each feature's part (`contracts/*.ts`). */
export const requests = {
  ...coreRequests,
  ...mockRequests,
  ...docsRequests,
  ...docsSiteRequests,
  ...erdRequests,
  ...retrievalRequests,
  ...aiSettingsRequests,
  ...aiRequests,
  ...planRequests,
  ...runToFileRequests,
} as const;

/** Every event, by name. */
export const events = {
  ...coreEvents,
  ...mockEvents,
  ...docsEvents,
  ...docsSiteEvents,
  ...erdEvents,
  ...retrievalEvents,
  ...aiSettingsEvents,
  ...aiEvents,
  ...planEvents,
  ...runToFileEvents,
} as const;

// The dependency-free name lists (contractNames.ts) and these objects must match exactly.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _methodsMatch: Exactly<keyof typeof requests, MethodName> = true;
const _eventsMatch: Exactly<keyof typeof events, EventNameLiteral> = true;
void _methodsMatch;
void _eventsMatch;

/** Method names. */
export type Method = keyof typeof requests;
/** Event names. */
export type EventName = keyof typeof events;
/** Arguments of a method (after validation). */
export type ArgsOf<M extends Method> = z.infer<(typeof requests)[M]['args']>;
/** Result of a method. */
export type ResultOf<M extends Method> =
  (typeof requests)[M] extends RequestDef<z.ZodType, infer R> ? R : never;
/** Payload of an event. */
export type PayloadOf<E extends EventName> =
  (typeof events)[E] extends EventDef<infer P> ? P : never;

/** All method names, for deriving channels. */
export const METHODS: readonly Method[] = METHOD_NAMES;
/** All event names, for deriving channels. */
export const EVENTS: readonly EventName[] = EVENT_NAMES;
export { eventChannel, requestChannel };

/** The API the renderer sees: one async function per method, plus event subscription. */
export interface Api {
  call<M extends Method>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>>;
  on<E extends EventName>(event: E, handler: (payload: PayloadOf<E>) => void): () => void;
}

/** Main-side implementation of every method. */
export type Handlers = {
  [M in Method]: (args: ArgsOf<M>) => Promise<ResultOf<M>>;
};

/** Main-side event sink. */
export type EmitEvent = <E extends EventName>(event: E, payload: PayloadOf<E>) => void;

/** The envelope of a request over a message transport. */
export interface WireRequest {
  t: 'req';
  id: number;
  method: string;
  args: unknown;
}
/** The envelope of a response. */
export type WireResponse =
  | { t: 'res'; id: number; ok: true; result: unknown }
  | { t: 'res'; id: number; ok: false; error: unknown };
/** The envelope of an event. */
export interface WireEvent {
  t: 'evt';
  name: string;
  payload: unknown;
}
