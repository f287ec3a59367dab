/**
 * Session behaviours every server driver must show (PostgreSQL, MySQL/MariaDB). Each engine's
 * test calls them with its own SQL and adds the checks only it can make (SQLSTATEs, messages).
 */
import { expect } from 'vitest';
import type { ConnectionParams } from '../../src/shared/connection';
import { AppError } from '../../src/shared/errors';
import type { Driver, DriverConnection } from '../../src/main/drivers/types';
import { errorOf, rowsOf, run, ScriptedSink } from '../harness/collect';
import { freePort } from '../harness/freePort';

/** An error as `errorOf` returns it. */
type CaughtError = Awaited<ReturnType<typeof errorOf>>;

/**
 * The sink throws on its second batch of `manyRowsSql` (200,000 rows): the sink's own error comes
 * back, no batch after it is read, and the session still answers.
 */
export async function expectSinkFailureStopsReading(
  conn: DriverConnection,
  manyRowsSql: string,
): Promise<void> {
  const sink = new ScriptedSink((i) => {
    if (i === 1) throw new AppError('INTERNAL', 'The result spool is full.');
  });
  const err = await errorOf(conn.execute(manyRowsSql, sink, { batchSize: 1000 }));
  expect(err.code).toBe('INTERNAL');
  expect(err.message).toBe('The result spool is full.');
  expect(sink.rowCount).toBe(2000);
  expect(await rowsOf(conn, 'SELECT 1')).toEqual([[1]]);
}

/**
 * A slow sink cancels after its first batch of `manyRowsSql` (200,000 rows): the statement ends
 * as QUERY_CANCELLED before every row arrived, and the session still answers.
 */
export async function expectCancelDuringSlowConsumer(
  conn: DriverConnection,
  manyRowsSql: string,
): Promise<void> {
  const sink = new ScriptedSink(async (i) => {
    if (i === 0) await conn.cancel();
  }, 20);
  const err = await errorOf(conn.execute(manyRowsSql, sink, { batchSize: 1000 }));
  expect(err.code).toBe('QUERY_CANCELLED');
  expect(sink.rowCount).toBeLessThan(200000);
  expect(await rowsOf(conn, 'SELECT 1')).toEqual([[1]]);
}

/**
 * A transaction opened by `beginSql` is tracked; EXPLAIN ANALYZE of a DELETE inside it keeps the
 * transaction and its writes; ROLLBACK ends it and undoes them. Creates the table `tx_t`.
 */
export async function expectTransactionTracked(
  conn: DriverConnection,
  beginSql: string,
): Promise<void> {
  await run(conn, 'CREATE TABLE tx_t (id INT PRIMARY KEY)');
  await run(conn, beginSql);
  expect(conn.inTransaction()).toBe(true);
  await run(conn, 'INSERT INTO tx_t VALUES (1), (2)');
  await conn.explain('DELETE FROM tx_t', { analyze: true });
  expect(conn.inTransaction()).toBe(true);
  expect(await rowsOf(conn, 'SELECT COUNT(*) FROM tx_t')).toEqual([[2n]]);
  await run(conn, 'ROLLBACK');
  expect(conn.inTransaction()).toBe(false);
  expect(await rowsOf(conn, 'SELECT COUNT(*) FROM tx_t')).toEqual([[0n]]);
}

/**
 * A wrong password, an unknown database, an unknown host and a closed port each fail with their
 * stable code, and the password is in no error. Returns the closed-port error for further checks.
 */
export async function expectConnectFailureCodes(
  driver: Driver,
  params: ConnectionParams,
): Promise<CaughtError> {
  const wrong = await errorOf(driver.connect({ ...params, password: 'sekret-wrong-pw' }));
  expect(wrong.code).toBe('AUTH_FAILED');
  expect(JSON.stringify(wrong)).not.toContain('sekret-wrong-pw');
  const nodb = await errorOf(driver.connect({ ...params, database: 'no_such_db_qg' }));
  expect(nodb.code).toBe('UNKNOWN_DATABASE');
  const nohost = await errorOf(driver.connect({ ...params, host: 'qg-no-such-host.invalid' }));
  expect(nohost.code).toBe('HOST_NOT_FOUND');
  const closed = await errorOf(driver.connect({ ...params, port: await freePort() }));
  expect(closed.code).toBe('CONNECTION_REFUSED');
  return closed;
}

/** `sleepSql` (a 30 s sleep) is cancelled promptly with QUERY_CANCELLED; the session still answers. */
export async function expectPromptCancel(conn: DriverConnection, sleepSql: string): Promise<void> {
  const running = errorOf(run(conn, sleepSql));
  await new Promise((r) => setTimeout(r, 300));
  await conn.cancel();
  const err = await running;
  expect(err.code).toBe('QUERY_CANCELLED');
  expect(await rowsOf(conn, 'SELECT 1')).toEqual([[1]]);
}
