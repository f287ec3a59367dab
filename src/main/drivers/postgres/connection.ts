/**
 * One PostgreSQL session on `pg`. Rows are read through a server-side portal (`pg-cursor`) in
 * large pages and handed to the sink in batches; awaiting the sink is the backpressure.
 */
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { ConnectionOptions } from 'node:tls';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { AppError } from '../../../shared/errors';
import type { ConnectionParams } from '../../../shared/connection';
import type { ColumnMeta, ExplainResult, ServerMessage } from '../../../shared/query';
import type { SchemaSnapshot } from '../../../shared/schema';
import type {
  DriverConnection,
  ExecuteOptions,
  IntrospectOptions,
  RowSink,
  StatementSummary,
} from '../types';
import { connectionGoneError, StatementGate } from '../common/statementGate';
import { openWithSslMode } from '../common/tls';
import { pgClientConfig, pgSsl } from './config';
import { postgresDialect } from './dialect';
import { mapPgError } from './errors';
import { explainPostgres } from './explain';
import { introspectPostgres, type CatalogQuery } from './introspect';
import { runSimple, streamCursor, type FieldLike, type StreamContext } from './stream';
import { resultTypes, TYPE_NAMES_SQL } from './types';

const DEFAULT_BATCH = 1000;

/** Opens a session: connects, applies read-only and timeout settings, reads the backend pid. */
export async function connectPostgres(params: ConnectionParams): Promise<DriverConnection> {
  const { session: client, tls: ssl } = await openWithSslMode(params.ssl, {
    tls: pgSsl,
    plain: false as const,
    open: (tls) => open(params, tls),
    serverHasNoTls: (err) => /does not support SSL/i.test(String((err as Error).message)),
    mapError: (err) => mapPgError(err, { params }),
  });
  try {
    const setup: string[] = [];
    if (params.readOnly) setup.push('SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY');
    if (params.statementTimeoutMs)
      setup.push(`SET statement_timeout = ${Math.max(0, Math.floor(params.statementTimeoutMs))}`);
    setup.push("SELECT pg_backend_pid() AS pid, current_setting('server_version') AS version");
    const results = await client.query(setup.join(';\n'));
    const last = Array.isArray(results) ? (results[results.length - 1] as pg.QueryResult) : results;
    const info = last.rows[0] as { pid: number; version: string };
    const types = await client.query<{ oid: number; name: string }>(TYPE_NAMES_SQL);
    const typeNames = new Map(types.rows.map((r) => [r.oid, r.name]));
    return new PostgresConnection(client, params, ssl, info.pid, info.version, typeNames);
  } catch (err) {
    await client.end().catch(() => undefined);
    throw mapPgError(err, { params });
  }
}

async function open(params: ConnectionParams, ssl: false | ConnectionOptions): Promise<pg.Client> {
  const client = new pg.Client({ ...pgClientConfig(params, ssl), types: resultTypes });
  // An idle session that dies must not crash the app; the next call reports CONNECTION_LOST.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

class PostgresConnection implements DriverConnection {
  readonly dialect = postgresDialect;
  private readonly gate = new StatementGate((err, sql, cancelRequested) =>
    mapPgError(err, { params: this.params, sql, cancelRequested }),
  );
  private closed = false;

  constructor(
    private readonly client: pg.Client,
    private readonly params: ConnectionParams,
    private readonly ssl: false | ConnectionOptions,
    private readonly backendPid: number,
    private readonly version: string,
    private readonly typeNames: Map<number, string>,
  ) {}

  async serverVersion(): Promise<string> {
    return `PostgreSQL ${this.version}`;
  }

  async execute(
    sql: string,
    sink: RowSink,
    options: ExecuteOptions = {},
  ): Promise<StatementSummary> {
    if (this.closed) throw connectionGoneError('closed');
    const values = positionalParams(options.params);
    const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
    const messages: ServerMessage[] = [];
    const onNotice = (n: { severity?: string; message?: string; code?: string }): void => {
      const message: ServerMessage = {
        severity: noticeSeverity(n.severity),
        message: n.message ?? '',
      };
      if (n.code) message.code = n.code;
      messages.push(message);
    };
    return this.gate.run(async () => {
      this.client.on('notice', onNotice);
      try {
        const ctx: StreamContext = {
          client: this.client,
          sink,
          batchSize,
          columnsOf: (fields) => this.columnsOf(fields),
          isCancelled: () => this.gate.cancelRequested,
        };
        const rowsAffected = await streamCursor(ctx, sql, values).catch(async (err: unknown) => {
          if (values || !isMultiCommandError(err)) throw err;
          // Several statements in one string: the simple protocol runs them and returns each result.
          return runSimple(ctx, sql);
        });
        return { rowsAffected, messages };
      } finally {
        this.client.off('notice', onNotice);
      }
    }, sql);
  }

  private columnsOf(fields: FieldLike[]): ColumnMeta[] {
    return fields.map((f) => ({ name: f.name, type: this.typeNames.get(f.dataTypeID) ?? '' }));
  }

  async cancel(): Promise<void> {
    if (!this.gate.requestCancel()) return;
    // pg has no public cancel API: a second short session signals our backend.
    const other = new pg.Client(pgClientConfig(this.params, this.ssl));
    other.on('error', () => undefined);
    try {
      await other.connect();
      await other.query('SELECT pg_cancel_backend($1)', [this.backendPid]);
    } catch (err) {
      throw mapPgError(err, { params: this.params });
    } finally {
      await other.end().catch(() => undefined);
    }
  }

  private catalogQuery: CatalogQuery = async <T>(text: string, values?: unknown[]) => {
    const r = await this.client.query({ text, values, types: pg.types });
    return r.rows as T[];
  };

  async introspect(options: IntrospectOptions = {}): Promise<SchemaSnapshot> {
    return this.gate.run(async () => {
      const snapshot = await introspectPostgres(this.catalogQuery, options);
      snapshot.serverVersion = await this.serverVersion();
      return snapshot;
    });
  }

  async explain(sql: string, options: { analyze?: boolean } = {}): Promise<ExplainResult> {
    return this.gate.run(
      () => explainPostgres(this.catalogQuery, sql, !!options.analyze, this.inTransaction()),
      sql,
    );
  }

  async copyOut(sql: string, out: NodeJS.WritableStream): Promise<{ rows: number }> {
    if (this.closed) throw connectionGoneError('closed');
    return this.gate.run(async () => {
      // The server writes the CSV itself; no row ever becomes a JS value (Run to file's fast path).
      const stream = this.client.query(copyTo(sql));
      let outError: unknown = null;
      let stopping: Promise<void> = Promise.resolve();
      const onOutError = (err: unknown): void => {
        if (outError) return;
        outError = err;
        // pg gets its connection back only once the COPY ends: keep reading (to nowhere) and
        // stop the query on the server, instead of destroying the stream, which would hang it.
        stream.unpipe(out as Writable);
        stream.resume();
        stopping = this.cancel().then(
          () => this.gate.forgetCancel(),
          () => undefined,
        );
      };
      out.on('error', onOutError);
      try {
        await new Promise<void>((resolve, reject) => {
          stream.once('error', reject);
          stream.once('end', resolve);
          stream.pipe(out as Writable);
        }).catch((err: unknown) => {
          if (outError) return;
          (out as Writable).destroy();
          throw err;
        });
        await stopping;
        if (outError) throw outError;
        await finished(out);
      } finally {
        out.off('error', onOutError);
      }
      return { rows: stream.rowCount ?? 0 };
    }, sql);
  }

  inTransaction(): boolean {
    const status = this.client.getTransactionStatus();
    return status === 'T' || status === 'E';
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.end().catch(() => undefined);
  }
}

function positionalParams(params: ExecuteOptions['params']): unknown[] | undefined {
  if (params === undefined) return undefined;
  if (Array.isArray(params)) return params;
  throw new AppError(
    'UNSUPPORTED',
    'PostgreSQL takes positional parameters ($1, $2, …); pass an array.',
  );
}

function isMultiCommandError(err: unknown): boolean {
  return /cannot insert multiple commands into a prepared statement/i.test(
    String((err as Error | undefined)?.message),
  );
}

function noticeSeverity(severity: string | undefined): ServerMessage['severity'] {
  switch (severity) {
    case 'WARNING':
      return 'warning';
    case 'INFO':
    case 'LOG':
    case 'DEBUG':
      return 'info';
    default:
      return 'notice';
  }
}
