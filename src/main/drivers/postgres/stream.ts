/**
 * Reading a statement's rows into a RowSink: a server-side portal (`pg-cursor`) read in large
 * pages with one page of read-ahead, handed to the sink in batches (awaiting the sink is the
 * backpressure); plus the simple-protocol path for strings holding several statements.
 */
import type pg from 'pg';
import Cursor from 'pg-cursor';
import { AppError } from '../../../shared/errors';
import type { ColumnMeta } from '../../../shared/query';
import type { Row } from '../../../shared/values';
import type { RowSink } from '../types';
import { resultTypes } from './types';

/** Rows per portal fetch: large pages keep round trips negligible next to parsing. */
const PAGE_ROWS = 5000;
const COUNTED_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'COPY', 'MOVE', 'FETCH']);

/**
 * pg-cursor lacks the COPY hooks pg's own Query has; without them `COPY … FROM STDIN` would throw
 * inside a socket handler. COPY IN is refused with a clear reason, COPY OUT data is skipped.
 */
class PortalCursor extends Cursor<Row> {
  handleCopyInResponse(connection: { sendCopyFail(message: string): void }): void {
    connection.sendCopyFail(
      'QueryGenie does not send local data to COPY … FROM STDIN; use COPY … FROM a server file, or INSERT',
    );
  }
  handleCopyData(): void {}
}

/** A result column as `pg` describes it. */
export interface FieldLike {
  name: string;
  dataTypeID: number;
}

/** What a stream needs from its connection. */
export interface StreamContext {
  client: pg.Client;
  sink: RowSink;
  batchSize: number;
  columnsOf(fields: FieldLike[]): ColumnMeta[];
  /** True once the user asked to cancel; checked between batches. */
  isCancelled(): boolean;
}

/** Runs one statement through a portal; resolves with rows affected (null for queries). */
export async function streamCursor(
  ctx: StreamContext,
  sql: string,
  values: unknown[] | undefined,
): Promise<number | null> {
  const cursor = ctx.client.query(
    new PortalCursor(sql, values, { rowMode: 'array', types: resultTypes }),
  );
  const pageRows = Math.max(PAGE_ROWS, ctx.batchSize);
  // After a server error the portal is already gone and pg syncs by itself: no close then.
  let serverFailed = false;
  const read = (): Promise<{ rows: Row[]; result: pg.QueryResult }> =>
    new Promise((resolve, reject) => {
      cursor.read(pageRows, (err, rows, result) => {
        if (err) {
          serverFailed = true;
          reject(err);
        } else resolve({ rows, result });
      });
    });
  let page = await read();
  const fields = page.result.fields as FieldLike[];
  const hasRows = fields.length > 0;
  try {
    if (hasRows) await ctx.sink.beginResultSet(ctx.columnsOf(fields));
    for (;;) {
      // One page of read-ahead: the server produces the next page while the sink works.
      const next = page.rows.length >= pageRows ? read() : null;
      next?.catch(() => undefined);
      try {
        await deliver(ctx, page.rows);
      } finally {
        // Never leave a read in flight: its outcome decides how the portal is closed.
        await next?.catch(() => undefined);
      }
      if (!next) break;
      if (ctx.isCancelled()) throw cancelled();
      page = await next;
    }
  } catch (err) {
    if (!serverFailed) await cursor.close().catch(() => undefined);
    throw err;
  }
  await cursor.close().catch(() => undefined);
  if (hasRows) await ctx.sink.endResultSet();
  const result = page.result;
  return result.command && COUNTED_COMMANDS.has(result.command) ? result.rowCount : null;
}

/** Runs a string of several statements with the simple protocol; every result set is delivered. */
export async function runSimple(ctx: StreamContext, sql: string): Promise<number | null> {
  const out = (await ctx.client.query({
    text: sql,
    rowMode: 'array',
    types: resultTypes,
  })) as unknown as pg.QueryResult<Row> | pg.QueryResult<Row>[];
  let affected: number | null = null;
  for (const r of Array.isArray(out) ? out : [out]) {
    if (r.fields.length > 0) {
      await ctx.sink.beginResultSet(ctx.columnsOf(r.fields));
      await deliver(ctx, r.rows);
      await ctx.sink.endResultSet();
    }
    if (r.command && COUNTED_COMMANDS.has(r.command))
      affected = (affected ?? 0) + (r.rowCount ?? 0);
  }
  return affected;
}

async function deliver(ctx: StreamContext, rows: Row[]): Promise<void> {
  const size = ctx.batchSize;
  if (rows.length <= size) {
    if (rows.length > 0) await ctx.sink.rows(rows);
    return;
  }
  for (let i = 0; i < rows.length; i += size) {
    if (ctx.isCancelled()) throw cancelled();
    await ctx.sink.rows(rows.slice(i, i + size));
  }
}

function cancelled(): AppError {
  return new AppError('QUERY_CANCELLED', 'The statement was cancelled.');
}
