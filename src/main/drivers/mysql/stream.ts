/**
 * Streaming one statement's results from mysql2 into a RowSink. Rows arrive as events; each full
 * batch pauses the socket until the sink has taken it (backpressure), so memory stays bounded.
 * A CALL may return several result sets; each gets its own begin/end.
 */
import type { Connection } from 'mysql2';
import { AppError } from '../../../shared/errors';
import type { Row } from '../../../shared/values';
import type { ExecuteOptions, RowSink } from '../types';
import { columnMeta, rowFixer, type MysqlField } from './types';

interface OkPacket {
  affectedRows?: number;
  warningStatus?: number;
  serverStatus?: number;
}

/** What a stream needs from its connection. */
export interface MysqlStreamContext {
  conn: Connection;
  sink: RowSink;
  batchSize: number;
  /** True once the user asked to cancel: remaining rows are dropped, not delivered. */
  isCancelled(): boolean;
  /** Stops the statement on the server (the sink failed). */
  abort(): void;
  /** Receives the server status flags of each OK packet (transaction state). */
  onStatus(status: number): void;
}

/** How a statement ended; `warnings` says whether SHOW WARNINGS is worth asking. */
export interface MysqlStreamOutcome {
  rowsAffected: number | null;
  warnings: boolean;
}

/** Runs one statement and streams its result sets into the sink. */
export function streamQuery(
  ctx: MysqlStreamContext,
  sql: string,
  params: ExecuteOptions['params'],
): Promise<MysqlStreamOutcome> {
  const { conn, sink, batchSize } = ctx;
  return new Promise((resolve, reject) => {
    if (params !== undefined && !Array.isArray(params)) {
      reject(new AppError('UNSUPPORTED', 'MySQL takes positional parameters (?); pass an array.'));
      return;
    }
    let chain: Promise<void> = Promise.resolve();
    let sinkError: unknown = null;
    let queryError: unknown = null;
    let batch: Row[] = [];
    let fix: ((rows: Row[]) => void) | null = null;
    let open = false;
    let resultSets = 0;
    let affected: number | null = null;
    let warnings = false;
    let settled = false;
    const dropping = (): boolean => sinkError !== null || ctx.isCancelled();

    const enqueue = (step: () => void | Promise<void>): void => {
      chain = chain
        .then(() => (dropping() ? undefined : step()))
        .catch((err: unknown) => {
          if (sinkError === null) {
            sinkError = err;
            ctx.abort();
          }
        });
    };
    const flush = (): void => {
      if (batch.length === 0) return;
      const rows = batch;
      batch = [];
      fix?.(rows);
      conn.pause();
      enqueue(() => sink.rows(rows));
      void chain.then(() => conn.resume());
    };
    const closeSet = (): void => {
      if (!open) return;
      flush();
      open = false;
      enqueue(() => sink.endResultSet());
    };
    const finish = (): void => {
      if (settled) return;
      settled = true;
      closeSet();
      void chain.then(() => {
        if (queryError) reject(queryError);
        else if (sinkError) reject(sinkError);
        else
          resolve({
            rowsAffected: resultSets > 0 ? null : affected,
            warnings: warnings || resultSets > 0,
          });
      });
    };

    const q = conn.query({ sql, values: params as never, rowsAsArray: true });
    q.on('fields', (fields: MysqlField[] | undefined) => {
      closeSet();
      if (!fields) return; // an OK packet follows as a 'result'
      open = true;
      resultSets++;
      fix = rowFixer(fields);
      const columns = fields.map(columnMeta);
      enqueue(() => sink.beginResultSet(columns));
    });
    q.on('result', (row: Row | OkPacket) => {
      if (Array.isArray(row)) {
        if (dropping()) return;
        batch.push(row);
        if (batch.length >= batchSize) flush();
        return;
      }
      affected = (affected ?? 0) + (row.affectedRows ?? 0);
      if (row.warningStatus) warnings = true;
      if (typeof row.serverStatus === 'number') ctx.onStatus(row.serverStatus);
    });
    q.on('error', (err: Error & { fatal?: boolean }) => {
      queryError = err;
      if (err.fatal) {
        conn.resume();
        finish();
      }
    });
    q.on('end', finish);
  });
}
