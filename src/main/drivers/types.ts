/**
 * The driver interface every engine implements (one folder per engine), and its declarative
 * dialect object. Drivers execute ONE statement at a time; splitting scripts, the read-only
 * guard, spooling and history live in `query/`.
 */
import type { ConnectionParams, Engine } from '../../shared/connection';
import type { ColumnMeta, ExplainResult, ServerMessage } from '../../shared/query';
import type { SchemaSnapshot } from '../../shared/schema';
import type { Row } from '../../shared/values';

/** Capabilities, declared once per engine as data. */
export interface DialectCapabilities {
  schemas: boolean;
  materializedViews: boolean;
  enums: boolean;
  routines: boolean;
  transactionalDdl: boolean;
  explainAnalyze: boolean;
  /** Server-side cancel of a running statement. */
  cancel: boolean;
  multipleResultSets: boolean;
  returning: boolean;
  comments: boolean;
}

/** How a statement splitter should treat this dialect (options for dbgate-query-splitter). */
export type SplitterDialect = 'sqlite' | 'postgres' | 'mysql' | 'mssql';

/** The declarative description of an engine's SQL dialect. */
export interface Dialect {
  engine: Engine;
  displayName: string;
  /** Quote an identifier (`"a"`, `` `a` ``, `[a]`). */
  quoteIdentifier(name: string): string;
  capabilities: DialectCapabilities;
  /** How read-only is enforced by the database itself (shown to the user). */
  readOnlyMechanism: string;
  splitter: SplitterDialect;
  /** The CodeMirror `@codemirror/lang-sql` dialect name. */
  codemirrorDialect: 'SQLite' | 'PostgreSQL' | 'MySQL' | 'MariaSQL' | 'MSSQL';
  /** node-sql-parser database option for the guard. */
  parserDatabase: 'sqlite' | 'postgresql' | 'mysql' | 'mariadb' | 'transactsql';
  defaultSchema: string | null;
}

/**
 * Receives the rows of one statement as they arrive. A driver calls `beginResultSet` once per
 * result set, then `rows` with batches (awaiting it is the backpressure), then `endResultSet`.
 */
export interface RowSink {
  beginResultSet(columns: ColumnMeta[]): void | Promise<void>;
  rows(batch: Row[]): void | Promise<void>;
  /**
   * Optional: a batch of `rowCount` rows already in the spool's chunk format (`encodeChunk` in
   * query/spool/chunkCodec.ts). A driver that holds encoded rows may call it instead of `rows`
   * when the sink has it (and must decode and call `rows` when it does not).
   */
  encodedRows?(chunk: Buffer, rowCount: number): void | Promise<void>;
  endResultSet(): void | Promise<void>;
}

/** Options for one statement. */
export interface ExecuteOptions {
  /** Positional or named parameters. */
  params?: unknown[] | Record<string, unknown>;
  /** Preferred batch size for `RowSink.rows`. */
  batchSize?: number;
}

/** What a statement returned besides rows. */
export interface StatementSummary {
  rowsAffected: number | null;
  messages: ServerMessage[];
}

/** Options for introspection. */
export interface IntrospectOptions {
  /** Names-first mode: tables and views with names and kinds only, `partial: true`. */
  namesOnly?: boolean;
  /** Restrict to these schemas. */
  schemas?: string[];
  /** Restrict detail to these tables (qualified `schema.table`), for lazy loading. */
  tables?: string[];
}

/** One open session with a database. Not safe for concurrent `execute` calls. */
export interface DriverConnection {
  readonly dialect: Dialect;
  /** Server version string, e.g. `PostgreSQL 17.1`. */
  serverVersion(): Promise<string>;
  /** Runs one statement, streaming rows into `sink`. Rejects with AppError. */
  execute(sql: string, sink: RowSink, options?: ExecuteOptions): Promise<StatementSummary>;
  /**
   * Cancels the statement running now, if any. Resolves once the cancel was delivered; the
   * pending `execute` then rejects with QUERY_CANCELLED and the connection stays usable.
   */
  cancel(): Promise<void>;
  /** Builds a SchemaSnapshot with a few set-based catalog queries. */
  introspect(options?: IntrospectOptions): Promise<SchemaSnapshot>;
  /** The engine's plan; with `analyze`, runs inside a rolled-back transaction. */
  explain(sql: string, options?: { analyze?: boolean }): Promise<ExplainResult>;
  /** True when a transaction is open (manual mode). */
  inTransaction(): boolean;
  /**
   * Optional (PostgreSQL): runs a `COPY … TO STDOUT` statement and pipes the server's output
   * into `out` (ending it). `cancel()` stops it on the server. Resolves with the rows copied.
   */
  copyOut?(sql: string, out: NodeJS.WritableStream): Promise<{ rows: number }>;
  close(): Promise<void>;
}

/** An engine: its dialect and a way to connect. */
export interface Driver {
  readonly dialect: Dialect;
  connect(params: ConnectionParams): Promise<DriverConnection>;
}
