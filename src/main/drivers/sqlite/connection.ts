/**
 * SqliteConnection: the main-process side of a SQLite connection. Every statement runs in the
 * connection's host process (host.ts, worker.ts), so the main event loop never waits on SQLite.
 * Cancel and statement timeouts kill the host and transparently start a fresh one on the same
 * file, so the connection stays usable.
 */
import path from 'node:path';
import { AppError, toAppError, type ErrorCode } from '../../../shared/errors';
import type { ExplainResult } from '../../../shared/query';
import type { SchemaSnapshot } from '../../../shared/schema';
import { Decimal } from '../../../shared/values';
import { decodeChunk } from '../../query/spool/chunkCodec';
import type { DriverConnection, ExecuteOptions, IntrospectOptions, RowSink, StatementSummary } from '../types';
import { sqliteDialect } from './dialect';
import { planFromRows } from './explain';
import { SqliteHost } from './host';
import type { HostEvent, HostOptions, HostParams, HostRequest, PlanRow } from './protocol';

const DEFAULT_BATCH = 2000;

interface Pending {
  id: number;
  onEvent(event: HostEvent): void;
  fail(error: AppError): void;
}

/** Converts a bind value to what better-sqlite3 accepts (it refuses booleans, Dates, objects). */
function toBindValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Decimal) return v.text;
  if (v instanceof Date) return v.toISOString();
  return v;
}

function toHostParams(params: ExecuteOptions['params']): HostParams | undefined {
  if (params === undefined) return undefined;
  if (Array.isArray(params)) return params.map(toBindValue);
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, toBindValue(v)]));
}

/** A SQLite connection backed by a host process. Use `SqliteConnection.open`. */
export class SqliteConnection implements DriverConnection {
  readonly dialect = sqliteDialect;
  private host: SqliteHost | null = null;
  private starting: Promise<void> | null = null;
  private version = '';
  private nextId = 1;
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private txOpen = false;
  private closed = false;

  private constructor(
    private readonly options: HostOptions,
    private readonly timeoutMs: number,
  ) {}

  /** Opens a connection: starts the host and waits until the database file is open. */
  static async open(options: HostOptions, timeoutMs = 0): Promise<SqliteConnection> {
    const conn = new SqliteConnection(options, timeoutMs);
    await conn.ensureHost();
    return conn;
  }

  private ensureHost(): Promise<void> {
    if (this.closed) return Promise.reject(new AppError('CONNECTION_LOST', 'The connection is closed. Open it again.'));
    if (this.host) return this.starting ?? Promise.resolve();
    const host: SqliteHost = new SqliteHost(
      this.options,
      (e) => {
        if (host === this.host) this.pending?.onEvent(e);
      },
      () => this.onHostExit(host),
    );
    this.host = host;
    this.starting = host.ready.then(
      (v) => {
        this.version = v;
        this.starting = null;
      },
      (err: AppError) => {
        if (this.host === host) this.host = null;
        this.starting = null;
        throw err;
      },
    );
    return this.starting;
  }

  private onHostExit(host: SqliteHost): void {
    if (host !== this.host) return; // a host we killed on purpose
    this.host = null;
    const p = this.pending;
    this.pending = null;
    this.txOpen = false;
    p?.fail(new AppError('CONNECTION_LOST', 'The SQLite worker stopped unexpectedly. Run the statement again.'));
  }

  /** Kills the host running `p` and starts a fresh one; `p` fails with `error`. */
  private abort(p: Pending, code: ErrorCode, message: string): void {
    if (this.pending !== p) return;
    const transactionLost = this.txOpen;
    this.pending = null;
    this.txOpen = false;
    const old = this.host;
    this.host = null;
    old?.kill();
    const note = transactionLost
      ? ' The open transaction was rolled back because the statement had to be stopped.'
      : '';
    p.fail(
      new AppError(code, message + note, {
        transactionLost,
        hint: 'The connection was reopened: temporary tables, PRAGMA settings and ATTACHed databases of the session are reset.',
      }),
    );
    // Start the replacement now; the next request waits for it (cancel itself returns at once).
    if (!this.closed) void this.ensureHost().catch(() => undefined);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Sends `req` and routes its events to `onEvent` until it settles. */
  private request<T>(build: (id: number) => HostRequest, onEvent: (e: HostEvent, done: (v: T) => void, fail: (e: AppError) => void) => void, timeoutMs = 0): Promise<T> {
    return this.enqueue(async () => {
      await this.ensureHost();
      const id = this.nextId++;
      return new Promise<T>((resolve, reject) => {
        let timer: NodeJS.Timeout | null = null;
        const settle = (): void => {
          if (timer) clearTimeout(timer);
          if (this.pending === pending) this.pending = null;
        };
        const pending: Pending = {
          id,
          onEvent: (e) => {
            if ('id' in e && e.id === id) onEvent(e, (v) => (settle(), resolve(v)), (err) => (settle(), reject(err)));
          },
          fail: (err) => (settle(), reject(err)),
        };
        this.pending = pending;
        if (timeoutMs > 0) {
          timer = setTimeout(
            () => this.abort(pending, 'TIMEOUT', `The statement ran longer than the ${timeoutMs} ms statement timeout and was stopped.`),
            timeoutMs,
          );
        }
        if (!this.host?.send(build(id))) pending.fail(new AppError('CONNECTION_LOST', 'The SQLite worker is not running. Run the statement again.'));
      });
    });
  }

  /** `SQLite 3.x.y`. */
  async serverVersion(): Promise<string> {
    await this.ensureHost();
    return `SQLite ${this.version}`;
  }

  /** Runs one statement, streaming its rows into `sink` in batches (each batch acknowledged after the sink took it). */
  execute(sql: string, sink: RowSink, options: ExecuteOptions = {}): Promise<StatementSummary> {
    let chain: Promise<void> = Promise.resolve();
    let hasResultSet = false;
    let stopped = false;
    const batchSize = options.batchSize ?? DEFAULT_BATCH;
    return this.request<StatementSummary>(
      (id) => ({ type: 'execute', id, sql, params: toHostParams(options.params), batchSize }),
      (e, done, fail) => {
        const step = async (): Promise<void> => {
          if (stopped) return;
          if (e.type === 'columns') {
            hasResultSet = true;
            await sink.beginResultSet(e.columns);
          } else if (e.type === 'encodedRows') {
            // Sinks without the encoded path (tests, probes) get decoded rows, same batches.
            if (sink.encodedRows) await sink.encodedRows(e.chunk, e.rowCount);
            else await sink.rows(decodeChunk(e.chunk));
            this.host?.send({ type: 'ack', id: e.id });
          } else if (e.type === 'done') {
            if (hasResultSet) await sink.endResultSet();
            this.txOpen = e.inTransaction;
            done({ rowsAffected: e.rowsAffected, messages: [] });
          } else if (e.type === 'error') {
            this.txOpen = e.inTransaction;
            fail(AppError.fromData(e.error));
          }
        };
        chain = chain.then(step).catch((err: unknown) => {
          // The sink failed (e.g. the spool could not write): stop the statement, report the sink's error.
          stopped = true;
          const p = this.pending;
          const appErr = toAppError(err);
          if (p) this.abort(p, appErr.code, appErr.message);
          else fail(appErr);
        });
      },
      this.timeoutMs,
    );
  }

  /** Stops the running statement by killing the host process; the connection reopens at once. */
  async cancel(): Promise<void> {
    const p = this.pending;
    if (p) this.abort(p, 'QUERY_CANCELLED', 'The query was cancelled.');
  }

  /** Introspects with set-based pragma joins in the host process. */
  async introspect(options: IntrospectOptions = {}): Promise<SchemaSnapshot> {
    const database = this.options.file === ':memory:' ? ':memory:' : path.basename(this.options.file);
    const snapshot = await this.request<SchemaSnapshot>(
      (id) => ({ type: 'introspect', id, options, database }),
      (e, done, fail) => {
        if (e.type === 'introspected') done(e.snapshot);
        else if (e.type === 'error') fail(AppError.fromData(e.error));
      },
    );
    return { ...snapshot, serverVersion: await this.serverVersion() };
  }

  /**
   * `EXPLAIN QUERY PLAN` as a tree. SQLite has no EXPLAIN ANALYZE: with `analyze` the estimated
   * plan is returned with a note in `plan.detail`, and the statement is not run.
   */
  async explain(sql: string, options: { analyze?: boolean } = {}): Promise<ExplainResult> {
    const rows = await this.request<PlanRow[]>(
      (id) => ({ type: 'explain', id, sql }),
      (e, done, fail) => {
        if (e.type === 'plan') done(e.rows);
        else if (e.type === 'error') fail(AppError.fromData(e.error));
      },
    );
    return planFromRows(rows, options.analyze === true);
  }

  /** True while a transaction is open (as reported after the last statement). */
  inTransaction(): boolean {
    return this.txOpen;
  }

  /** Closes the database; a running statement fails with CONNECTION_LOST. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const p = this.pending;
    this.pending = null;
    p?.fail(new AppError('CONNECTION_LOST', 'The connection was closed while the statement ran.'));
    const host = this.host;
    this.host = null;
    if (host && p) host.kill();
    else if (host) await host.close();
  }
}
