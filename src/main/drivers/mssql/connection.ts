/**
 * MssqlConnection: one SQL Server session over mssql/tedious. The pool holds exactly one
 * connection that never idles out, so SET options, temp tables and transactions persist like a
 * real session. Rows stream in batches; the request is paused while the sink is busy.
 */
import sql from 'mssql';
import { AppError, toAppError } from '../../../shared/errors';
import { describeTarget, type ConnectionParams } from '../../../shared/connection';
import type { ColumnMeta, ExplainResult, ServerMessage } from '../../../shared/query';
import type { SchemaSnapshot } from '../../../shared/schema';
import type { Row } from '../../../shared/values';
import type { DriverConnection, ExecuteOptions, IntrospectOptions, RowSink, StatementSummary } from '../types';
import * as catalog from './catalog';
import { mssqlDialect } from './dialect';
import { mapMssqlError } from './errors';
import { assembleMssqlSnapshot, type MssqlCatalogRows } from './introspect';
import { parseShowplan } from './showplan';
import { columnTypeText, mapRow, type MssqlColumnLike } from './values';

const DEFAULT_BATCH = 2000;
const SHOWPLAN_COLUMN = 'Microsoft SQL Server 2005 XML Showplan';
const TX_STATEMENT = /\b(BEGIN|COMMIT|ROLLBACK|SAVE)\b/i;

/** mssql config from connection params (TLS: `prefer` encrypts without verifying, like libpq). */
export function buildConfig(p: ConnectionParams): sql.config {
  const mode = p.ssl?.mode ?? 'prefer';
  const trustOverride = p.options?.trustServerCertificate;
  return {
    server: p.host ?? 'localhost',
    port: p.port ?? 1433,
    ...(p.database ? { database: p.database } : {}),
    ...(p.user ? { user: p.user } : {}),
    ...(p.password ? { password: p.password } : {}),
    connectionTimeout: 15_000,
    // 0 = no timeout; a timeout is delivered as a TDS attention and reported as TIMEOUT.
    requestTimeout: p.statementTimeoutMs ?? 0,
    pool: { max: 1, min: 1, idleTimeoutMillis: 2_147_483_647 },
    options: {
      encrypt: mode !== 'disable',
      trustServerCertificate: trustOverride !== undefined ? /^(1|true|yes)$/i.test(trustOverride) : mode === 'prefer' || mode === 'require',
      readOnlyIntent: p.readOnly === true,
      useUTC: true,
      appName: 'QueryGenie',
      ...(p.options?.instanceName ? { instanceName: p.options.instanceName } : {}),
    },
  };
}

/** A SQL Server session. Use `MssqlConnection.open`. */
export class MssqlConnection implements DriverConnection {
  readonly dialect = mssqlDialect;
  private current: sql.Request | null = null;
  private txOpen = false;

  private constructor(
    private readonly pool: sql.ConnectionPool,
    private readonly params: ConnectionParams,
    private readonly version: string,
  ) {}

  /** Connects and reads the server version. */
  static async open(params: ConnectionParams): Promise<MssqlConnection> {
    const context = { target: describeTarget(params), ...(params.database ? { database: params.database } : {}) };
    const pool = new sql.ConnectionPool(buildConfig(params));
    pool.on('error', () => undefined); // surfaced by the next request instead
    try {
      await pool.connect();
      const r = await pool.request().query<{ v: string }>('SELECT @@VERSION AS v');
      const version = String(r.recordset[0]?.v ?? 'SQL Server').split('\n')[0]!.trim();
      return new MssqlConnection(pool, params, version);
    } catch (err) {
      await pool.close().catch(() => undefined);
      throw mapMssqlError(err, context);
    }
  }

  /** The first line of `@@VERSION`. */
  async serverVersion(): Promise<string> {
    return this.version;
  }

  private newRequest(options: ExecuteOptions = {}): sql.Request {
    const request = new sql.Request(this.pool);
    const params = options.params;
    if (Array.isArray(params)) params.forEach((v, i) => request.input(`p${i + 1}`, v));
    else if (params) for (const [k, v] of Object.entries(params)) request.input(k.replace(/^@/, ''), v);
    return request;
  }

  /** Runs one batch, streaming every result set into `sink`; positional params are `@p1`, `@p2`, …. */
  async execute(text: string, sink: RowSink, options: ExecuteOptions = {}): Promise<StatementSummary> {
    const request = this.newRequest(options);
    request.stream = true;
    request.arrayRowMode = true;
    const batchSize = options.batchSize ?? DEFAULT_BATCH;
    const messages: ServerMessage[] = [];
    let rowsAffected: number | null = null;
    let columns: MssqlColumnLike[] = [];
    let setOpen = false;
    let batch: Row[] = [];
    let chain: Promise<void> = Promise.resolve();
    let sinkError: unknown = null;
    let requestError: unknown = null;

    const enqueue = (step: () => void | Promise<void>): void => {
      chain = chain.then(async () => {
        if (sinkError === null) await step();
      }).catch((err: unknown) => {
        sinkError ??= err;
        request.cancel();
      });
    };
    const flush = (): void => {
      if (!batch.length) return;
      const rows = batch;
      batch = [];
      request.pause();
      enqueue(async () => {
        await sink.rows(rows);
        request.resume();
      });
    };
    const endSet = (): void => {
      if (!setOpen) return;
      flush();
      setOpen = false;
      enqueue(() => sink.endResultSet());
    };

    request.on('recordset', (cols: MssqlColumnLike[]) => {
      endSet();
      columns = cols;
      setOpen = true;
      const meta: ColumnMeta[] = cols.map((c) => ({ name: c.name, type: columnTypeText(c) }));
      enqueue(() => sink.beginResultSet(meta));
    });
    request.on('row', (row: unknown) => {
      batch.push(mapRow(row, columns));
      if (batch.length >= batchSize) flush();
    });
    // A DONE token after a SELECT carries its row count, which is not "rows affected".
    request.on('rowsaffected', (n: number) => {
      if (setOpen) endSet();
      else rowsAffected = (rowsAffected ?? 0) + n;
    });
    request.on('info', (m: { message: string; number: number; class: number }) => {
      messages.push({ severity: m.class > 10 ? 'warning' : 'info', message: m.message, code: String(m.number) });
    });
    request.on('error', (err: unknown) => (requestError ??= err));

    this.current = request;
    try {
      await new Promise<void>((resolve) => {
        request.on('done', () => resolve());
        // batch keeps session SETs in the session; query (sp_executesql) is needed for parameters.
        (options.params ? request.query(text) : request.batch(text)).catch((err: unknown) => {
          requestError ??= err;
          resolve();
        });
      });
      endSet();
      await chain;
    } finally {
      this.current = null;
    }
    if (sinkError !== null) throw toAppError(sinkError);
    if (requestError !== null) {
      await this.refreshTransactionState();
      throw mapMssqlError(requestError, { sql: text });
    }
    if (TX_STATEMENT.test(text)) await this.refreshTransactionState();
    return { rowsAffected, messages };
  }

  private async refreshTransactionState(): Promise<void> {
    try {
      const r = await this.pool.request().query<{ n: number }>('SELECT @@TRANCOUNT AS n');
      this.txOpen = Number(r.recordset[0]?.n ?? 0) > 0;
    } catch {
      // Keep the last known state when the session is gone.
    }
  }

  /** Sends a TDS attention for the running request; it then fails with QUERY_CANCELLED. */
  async cancel(): Promise<void> {
    this.current?.cancel();
  }

  /** A few set-based sys.* queries, assembled into a SchemaSnapshot. */
  async introspect(options: IntrospectOptions = {}): Promise<SchemaSnapshot> {
    const q = async <T>(text: string): Promise<T[]> => (await this.pool.request().query<T>(text)).recordset as T[];
    try {
      const rows: MssqlCatalogRows = {
        schemas: await q(catalog.SCHEMAS_SQL),
        tables: await q(catalog.TABLES_SQL),
        columns: [], indexes: [], foreignKeys: [], checks: [], routines: [],
      };
      if (!options.namesOnly) {
        rows.columns = await q(catalog.COLUMNS_SQL);
        rows.indexes = await q(catalog.INDEXES_SQL);
        rows.foreignKeys = await q(catalog.FOREIGN_KEYS_SQL);
        rows.checks = await q(catalog.CHECKS_SQL);
        rows.routines = await q(catalog.ROUTINES_SQL);
      }
      const db = (await q<{ db: string }>('SELECT DB_NAME() AS db'))[0]?.db ?? this.params.database ?? '';
      return { ...assembleMssqlSnapshot(rows, db, options), serverVersion: this.version };
    } catch (err) {
      throw mapMssqlError(err, {});
    }
  }

  /** Runs `text` and keeps only the showplan XML result sets (the statement's own rows are dropped). */
  private async showplans(text: string): Promise<string[]> {
    const plans: string[] = [];
    const request = this.newRequest();
    request.stream = true;
    request.arrayRowMode = true;
    let isPlan = false;
    let error: unknown = null;
    request.on('recordset', (cols: MssqlColumnLike[]) => (isPlan = cols[0]?.name === SHOWPLAN_COLUMN));
    request.on('row', (row: unknown[]) => {
      if (isPlan) plans.push(String(row[0]));
    });
    request.on('error', (err: unknown) => (error ??= err));
    this.current = request;
    try {
      await new Promise<void>((resolve) => {
        request.on('done', () => resolve());
        request.batch(text).catch((err: unknown) => ((error ??= err), resolve()));
      });
    } finally {
      this.current = null;
    }
    if (error) throw mapMssqlError(error, { sql: text });
    return plans;
  }

  /**
   * Estimated plan with SHOWPLAN_XML (nothing runs); with `analyze`, the actual plan with
   * STATISTICS XML inside a transaction that is always rolled back.
   */
  async explain(text: string, options: { analyze?: boolean } = {}): Promise<ExplainResult> {
    const run = (s: string): Promise<unknown> => this.pool.request().batch(s);
    let plans: string[];
    if (options.analyze) {
      await run('BEGIN TRANSACTION; SET STATISTICS XML ON;');
      try {
        plans = await this.showplans(text);
      } finally {
        await run('SET STATISTICS XML OFF; IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;').catch(() => undefined);
      }
    } else {
      // SET SHOWPLAN_XML must be alone in its batch.
      await run('SET SHOWPLAN_XML ON');
      try {
        plans = await this.showplans(text);
      } finally {
        await run('SET SHOWPLAN_XML OFF').catch(() => undefined);
      }
    }
    if (!plans.length) throw new AppError('QUERY_ERROR', 'SQL Server returned no plan for this statement.');
    const trees = plans.map(parseShowplan);
    const plan = trees.length === 1 ? trees[0]! : { op: 'Batch', children: trees.flatMap((t) => (t.op === 'Batch' ? t.children : [t])) };
    return { raw: plans.length === 1 ? plans[0] : plans, format: 'xml', plan };
  }

  /** True while `@@TRANCOUNT > 0` (checked after transaction statements and errors). */
  inTransaction(): boolean {
    return this.txOpen;
  }

  /** Closes the session (an open transaction is rolled back by the server). */
  async close(): Promise<void> {
    this.current?.cancel();
    await this.pool.close();
  }
}
