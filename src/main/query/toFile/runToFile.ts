/**
 * "Run to file" (DataGrip's "execute to file"): runs ONE statement straight into a CSV file, with
 * no grid and no spool. On PostgreSQL a read whose columns all print the same way (copyPlan.ts)
 * is written by the server itself through `COPY … TO STDOUT (FORMAT csv)`; anything else (other
 * types, other engines, writes with RETURNING) streams driver rows through our CSV writer. Both
 * produce the same bytes. The file is written as `<out>.part` and renamed only when complete, so
 * a failure or cancel never leaves a half-written file behind.
 */
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, toAppError } from '../../../shared/errors';
import type { ColumnMeta } from '../../../shared/query';
import type { DriverConnection, RowSink } from '../../drivers/types';
import { DESTRUCTIVE_TEXT, looksDestructive } from '../classify';
import { csvWriter } from '../export';
import { openOutput } from '../export/output';
import { assertReadOnlyAllowed, classifyStatement } from '../guard';
import { splitScript } from '../splitter';
import { describeSql, planCopy } from './copyPlan';

/** Rows and bytes written so far (rows are approximate on the COPY path until it ends). */
export interface RunToFileProgress {
  rows: number;
  bytes: number;
}

/** Options of `runToFile`. */
export interface RunToFileOptions {
  /** The final file path; `<out>.part` holds the data until it is complete. */
  out: string;
  readOnly: boolean;
  /** As in runScript: destructive statements, and writes on `prod`, need `confirmed`. Absent: no gate. */
  confirmation?: { environment: string | null; confirmed: boolean };
  /** Aborting stops the statement on the server and removes the partial file. */
  signal?: AbortSignal;
  onProgress?: (p: RunToFileProgress) => void;
  progressIntervalMs?: number;
  /** Never take the COPY path (tests compare both paths; benchmarks). */
  streamingOnly?: boolean;
}

/** What was written, and which path wrote it. */
export interface RunToFileResult {
  path: string;
  rows: number;
  bytes: number;
  /** True when PostgreSQL's COPY wrote the CSV. */
  fastPath: boolean;
  /** Why the streaming path was used (absent on the fast path). */
  fallbackReason?: string;
}

const cancelled = (): AppError => new AppError('QUERY_CANCELLED', 'Run to file cancelled; the partial file was removed.');

/** Runs one statement of `sql` on `conn` into a CSV file at `opts.out`. */
export async function runToFile(conn: DriverConnection, sql: string, opts: RunToFileOptions): Promise<RunToFileResult> {
  const statements = splitScript(sql, conn.dialect.splitter);
  if (statements.length !== 1) {
    throw new AppError('BAD_REQUEST', statements.length === 0 ? 'There is no statement to run.' : `Run to file takes one statement, not ${statements.length}. Select the one to run.`);
  }
  const statement = statements[0]!.sql;
  const engine = conn.dialect.engine;
  if (opts.readOnly) assertReadOnlyAllowed(statement, engine);
  const verdict = classifyStatement(statement, engine);
  if (opts.confirmation && !opts.confirmation.confirmed) {
    const destructive = looksDestructive(statement, conn.dialect.splitter);
    if (destructive || (opts.confirmation.environment === 'prod' && verdict.kind !== 'read')) {
      const reason = destructive ? DESTRUCTIVE_TEXT[destructive] : `it changes a prod database (${verdict.kind})`;
      // The same detail shape as runScript's, so the editor's confirmation dialog can list it.
      throw new AppError('CONFIRMATION_REQUIRED', `Confirm before running: ${reason}.`, {
        statements: [{ index: 0, reason, sql: statement.slice(0, 200) }],
      });
    }
  }
  const signal = opts.signal;
  if (signal?.aborted) throw cancelled();
  const onAbort = (): void => void conn.cancel().catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  const part = `${opts.out}.part`;
  const progress = throttle(opts);
  try {
    let reason = 'the engine has no COPY';
    if (engine === 'postgres' && conn.copyOut && !opts.streamingOnly) {
      if (verdict.kind === 'read' && verdict.readOnlySafe) {
        const columns = await describe(conn, statement);
        const plan = columns ? planCopy(statement, columns) : { reason: 'the statement cannot be described as a query' };
        if ('copySql' in plan) {
          const { rows, bytes } = await copyToFile(conn, plan.copySql, part, progress);
          if (signal?.aborted) throw cancelled();
          await rename(part, opts.out);
          progress.final({ rows, bytes });
          return { path: opts.out, rows, bytes, fastPath: true };
        }
        reason = plan.reason;
      } else {
        reason = 'the statement is not a plain read';
      }
    } else if (opts.streamingOnly) {
      reason = 'the COPY path was turned off';
    }
    const { rows, bytes } = await streamToFile(conn, statement, part, progress, signal);
    if (signal?.aborted) throw cancelled();
    await rename(part, opts.out);
    progress.final({ rows, bytes });
    return { path: opts.out, rows, bytes, fastPath: false, fallbackReason: reason };
  } catch (err) {
    await unlink(part).catch(() => undefined);
    if (signal?.aborted) throw cancelled();
    const e = toAppError(err);
    // A file-system error (no such folder, disk full) names the file, not just an errno.
    if (e.code === 'INTERNAL' && e.message.includes(part)) {
      throw new AppError('INTERNAL', `Could not write ${opts.out}: ${e.message}`, { path: opts.out });
    }
    throw e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The statement's columns from `SELECT * FROM (…) LIMIT 0`, or null when it is not a query that
 * can be wrapped (SHOW, EXPLAIN, …). Inside a manual transaction a savepoint keeps a failed
 * describe from aborting the user's transaction.
 */
async function describe(conn: DriverConnection, statement: string): Promise<ColumnMeta[] | null> {
  let columns: ColumnMeta[] | null = null;
  const sink: RowSink = { beginResultSet: (c) => void (columns ??= c), rows() {}, endResultSet() {} };
  const inTx = conn.inTransaction();
  if (inTx) await conn.execute('SAVEPOINT qg_run_to_file', IGNORE);
  try {
    await conn.execute(describeSql(statement), sink);
    if (inTx) await conn.execute('RELEASE SAVEPOINT qg_run_to_file', IGNORE);
    return columns;
  } catch (err) {
    if (toAppError(err).code === 'QUERY_CANCELLED') throw err;
    if (inTx) await conn.execute('ROLLBACK TO SAVEPOINT qg_run_to_file', IGNORE);
    return null;
  }
}

const IGNORE: RowSink = { beginResultSet() {}, rows() {}, endResultSet() {} };

/** The fast path: the server's CSV bytes go straight to the file; we only count them. */
async function copyToFile(conn: DriverConnection, copySql: string, part: string, progress: Throttle): Promise<RunToFileProgress> {
  let bytes = 0;
  let lines = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      // Lines minus the header; a value with a line break makes this an estimate until the end.
      progress.tick({ rows: Math.max(0, lines - 1), bytes });
      done(null, chunk);
    },
  });
  const written = pipeline(counter, createWriteStream(part));
  written.catch(() => undefined);
  const { rows } = await conn.copyOut!(copySql, counter);
  await written;
  return { rows, bytes };
}

/** The streaming path: driver rows → CSV writer → file, first result set only. */
async function streamToFile(conn: DriverConnection, statement: string, part: string, progress: Throttle, signal?: AbortSignal): Promise<RunToFileProgress> {
  const output = openOutput(part, signal);
  let writer: ReturnType<typeof csvWriter> | null = null;
  let sets = 0;
  let rows = 0;
  const sink: RowSink = {
    async beginResultSet(columns) {
      if (sets++ > 0) return;
      writer = csvWriter(columns);
      await output.write(Buffer.from(writer.header()));
    },
    async rows(batch) {
      if (sets !== 1 || !writer) return;
      await output.write(Buffer.from(writer.rows(batch)));
      rows += batch.length;
      progress.tick({ rows, bytes: output.bytes });
    },
    endResultSet() {},
  };
  try {
    const summary = await conn.execute(statement, sink);
    if (!writer) {
      const affected = summary.rowsAffected === null ? '' : ` (${summary.rowsAffected} row(s) affected)`;
      throw new AppError('BAD_REQUEST', `The statement ran${affected} but returned no rows, so there was nothing to write. Use Run for statements without a result.`);
    }
    await output.finish();
    return { rows, bytes: output.bytes };
  } catch (err) {
    await output.discard();
    throw err;
  }
}

interface Throttle {
  tick(p: RunToFileProgress): void;
  final(p: RunToFileProgress): void;
}

function throttle(opts: RunToFileOptions): Throttle {
  const interval = opts.progressIntervalMs ?? 100;
  let last = 0;
  return {
    tick(p) {
      const now = performance.now();
      if (!opts.onProgress || now - last < interval) return;
      last = now;
      opts.onProgress(p);
    },
    final: (p) => opts.onProgress?.(p),
  };
}
