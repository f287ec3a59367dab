/**
 * One MySQL/MariaDB session on mysql2's callback API. Rows arrive as events; every full batch
 * pauses the socket until the sink has taken it (backpressure), so memory stays bounded.
 */
import mysql from 'mysql2';
import type { Connection, SslOptions as MysqlSsl } from 'mysql2';
import { AppError } from '../../../shared/errors';
import type { ConnectionParams } from '../../../shared/connection';
import type { ExplainResult, ServerMessage } from '../../../shared/query';
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
import { mysqlOptions, mysqlSsl } from './config';
import { mysqlDialect } from './dialect';
import { mapMysqlError } from './errors';
import { explainMysql } from './explain';
import { introspectMysql, type MysqlQuery } from './introspect';
import { streamQuery } from './stream';

const DEFAULT_BATCH = 1000;
const SERVER_STATUS_IN_TRANS = 1;

/** Server facts read once at connect. */
interface ServerInfo {
  threadId: number;
  version: string;
  mariadb: boolean;
}

/** Opens a session: connects, applies read-only and timeout settings, reads the thread id. */
export async function connectMysql(params: ConnectionParams): Promise<DriverConnection> {
  const { session: conn, tls: ssl } = await openWithSslMode(params.ssl, {
    tls: mysqlSsl,
    plain: undefined,
    open: (tls) => open(params, tls),
    serverHasNoTls: (err) => (err as { code?: string }).code === 'HANDSHAKE_NO_SSL_SUPPORT',
    mapError: (err) => mapMysqlError(err, { params }),
  });
  try {
    const [info] = await simpleQuery<{ id: string; version: string; comment: string }>(
      conn,
      'SELECT CONNECTION_ID() AS id, VERSION() AS version, @@version_comment AS comment',
    );
    const server: ServerInfo = {
      threadId: Number(info!.id),
      version: info!.version,
      mariadb: /mariadb/i.test(`${info!.version} ${info!.comment}`),
    };
    if (params.readOnly) await simpleQuery(conn, 'SET SESSION TRANSACTION READ ONLY');
    if (params.statementTimeoutMs) {
      const ms = Math.max(0, Math.floor(params.statementTimeoutMs));
      // MariaDB counts seconds (max_statement_time), MySQL milliseconds (max_execution_time, SELECT only).
      await simpleQuery(
        conn,
        server.mariadb
          ? `SET SESSION max_statement_time = ${ms / 1000}`
          : `SET SESSION max_execution_time = ${ms}`,
      );
    }
    return new MysqlConnection(conn, params, ssl, server);
  } catch (err) {
    conn.destroy();
    throw mapMysqlError(err, { params });
  }
}

function open(params: ConnectionParams, ssl: MysqlSsl | undefined): Promise<Connection> {
  const conn = mysql.createConnection(mysqlOptions(params, ssl));
  // A session that dies while idle must not crash the app; the next call reports it.
  conn.on('error', () => undefined);
  return new Promise((resolve, reject) =>
    conn.connect((err) => (err ? reject(err) : resolve(conn))),
  );
}

/** Runs one query and returns its rows as objects (catalog and helper queries). */
function simpleQuery<T>(conn: Connection, sql: string, values?: unknown[]): Promise<T[]> {
  return new Promise((resolve, reject) => {
    conn.query({ sql, values: values as never }, (err, rows) =>
      err ? reject(err) : resolve(rows as T[]),
    );
  });
}

class MysqlConnection implements DriverConnection {
  readonly dialect = mysqlDialect;
  private readonly gate = new StatementGate((err, sql, cancelRequested) =>
    mapMysqlError(err, { params: this.params, sql, cancelRequested }),
  );
  private closed = false;
  private inTrans = false;
  private lost = false;

  constructor(
    private readonly conn: Connection,
    private readonly params: ConnectionParams,
    private readonly ssl: MysqlSsl | undefined,
    private readonly server: ServerInfo,
  ) {
    // mysql2 reports a dead connection on the connection, not on the next query: remember it.
    conn.on('error', (err: { fatal?: boolean }) => {
      if (err.fatal) this.lost = true;
    });
    conn.on('end', () => (this.lost = true));
  }

  async serverVersion(): Promise<string> {
    return this.server.mariadb
      ? `MariaDB ${this.server.version.replace(/-MariaDB.*$/i, '')}`
      : `MySQL ${this.server.version}`;
  }

  async execute(
    sql: string,
    sink: RowSink,
    options: ExecuteOptions = {},
  ): Promise<StatementSummary> {
    if (this.closed || this.lost) throw connectionGoneError(this.closed ? 'closed' : 'lost');
    return this.gate.run(async () => {
      const outcome = await streamQuery(
        {
          conn: this.conn,
          sink,
          batchSize: Math.max(1, options.batchSize ?? DEFAULT_BATCH),
          isCancelled: () => this.gate.cancelRequested,
          // The caller gave up on the rows: stop the server instead of draining them all.
          abort: () => void this.killQuery().catch(() => undefined),
          onStatus: (status) => (this.inTrans = (status & SERVER_STATUS_IN_TRANS) !== 0),
        },
        sql,
        options.params,
      );
      const messages: ServerMessage[] = outcome.warnings ? await this.fetchWarnings() : [];
      if (this.gate.cancelRequested)
        throw new AppError('QUERY_CANCELLED', 'The statement was cancelled.');
      return { rowsAffected: outcome.rowsAffected, messages };
    }, sql);
  }

  private async fetchWarnings(): Promise<ServerMessage[]> {
    const rows = await simpleQuery<{ Level: string; Code: number; Message: string }>(
      this.conn,
      'SHOW WARNINGS',
    );
    return rows.map((w) => ({
      severity: w.Level === 'Error' ? 'error' : w.Level === 'Note' ? 'notice' : 'warning',
      message: w.Message,
      code: String(w.Code),
    }));
  }

  async cancel(): Promise<void> {
    if (!this.gate.requestCancel()) return;
    await this.killQuery();
  }

  /** KILL QUERY from a second short session: stops the statement, keeps our connection. */
  private async killQuery(): Promise<void> {
    let other: Connection | null = null;
    try {
      other = await open(this.params, this.ssl);
      await simpleQuery(other, `KILL QUERY ${this.server.threadId}`);
    } catch (err) {
      throw mapMysqlError(err, { params: this.params });
    } finally {
      other?.destroy();
    }
  }

  private catalogQuery: MysqlQuery = <T>(sql: string, values?: unknown[]) =>
    simpleQuery<T>(this.conn, sql, values);

  async introspect(options: IntrospectOptions = {}): Promise<SchemaSnapshot> {
    return this.gate.run(async () => {
      const snapshot = await introspectMysql(this.catalogQuery, this.server.mariadb, options);
      snapshot.serverVersion = await this.serverVersion();
      return snapshot;
    });
  }

  async explain(sql: string, options: { analyze?: boolean } = {}): Promise<ExplainResult> {
    return this.gate.run(
      () =>
        explainMysql(this.catalogQuery, sql, {
          analyze: !!options.analyze,
          mariadb: this.server.mariadb,
          inTransaction: this.inTrans,
        }),
      sql,
    );
  }

  inTransaction(): boolean {
    return this.inTrans;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await new Promise<void>((resolve) => this.conn.end(() => resolve()));
  }
}
