/**
 * What-if: the plan before and after a hypothetical index, leaving nothing behind.
 * PostgreSQL has transactional DDL: CREATE INDEX inside a transaction on a private connection,
 * EXPLAIN, then ROLLBACK (always — and closing the connection rolls back whatever a failure left
 * open). SQLite: the index is created on a temporary copy of the file, which is then deleted.
 * MySQL/MariaDB and SQL Server commit DDL implicitly, so a what-if would change the database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { Engine } from '../../shared/connection';
import type { WhatIfResult } from '../../shared/plan/types';
import { getDriver } from '../drivers/registry';
import type { DriverConnection } from '../drivers/types';
import { queryObjects } from './rows';

/** Only a single CREATE INDEX is accepted as the hypothetical change. */
export function assertCreateIndex(sql: string): string {
  const body = sql.trim().replace(/;\s*$/, '');
  if (!/^create\s+(unique\s+)?index\s/i.test(body) || body.includes(';'))
    throw new AppError('BAD_REQUEST', 'The what-if takes exactly one CREATE INDEX statement. Pick an index suggestion, or write one CREATE INDEX.');
  return body;
}

/** The message of engines where a what-if is impossible. */
export const NOT_TRANSACTIONAL =
  'Not possible without changing the database: DDL is not transactional on this engine (CREATE INDEX commits at once), so an index cannot be tried and rolled back. Apply it on a copy or a staging server to compare plans.';

/** PostgreSQL: before/after plans inside a transaction that is always rolled back. */
export async function whatIfPostgres(conn: DriverConnection, sql: string, createIndex: string, analyze: boolean): Promise<WhatIfResult> {
  const ddl = assertCreateIndex(createIndex);
  await queryObjects(conn, 'BEGIN');
  try {
    // Bound the locks and the time: CREATE INDEX takes a SHARE lock that blocks writers meanwhile.
    await queryObjects(conn, "SET LOCAL lock_timeout = '5s'");
    await queryObjects(conn, "SET LOCAL statement_timeout = '120s'");
    const before = await conn.explain(sql, { analyze });
    await queryObjects(conn, ddl);
    const after = await conn.explain(sql, { analyze });
    return { supported: true, message: 'The index was created inside a transaction, the statement explained again, and everything rolled back: nothing was kept.', before, after };
  } finally {
    await queryObjects(conn, 'ROLLBACK').catch(() => undefined);
  }
}

/** SQLite: before/after plans on a temporary copy of the database file (made with the backup API). */
export async function whatIfSqlite(filePath: string, sql: string, createIndex: string): Promise<WhatIfResult> {
  const ddl = assertCreateIndex(createIndex);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-whatif-'));
  const copy = path.join(dir, 'copy.sqlite');
  let conn: DriverConnection | null = null;
  try {
    const { default: Database } = await import('better-sqlite3');
    const source = new Database(filePath, { readonly: true, fileMustExist: true });
    try {
      await source.backup(copy);
    } finally {
      source.close();
    }
    conn = await (await getDriver('sqlite')).connect({ engine: 'sqlite', filePath: copy });
    const before = await conn.explain(sql);
    await queryObjects(conn, ddl);
    const after = await conn.explain(sql);
    return { supported: true, message: 'The index was created on a temporary copy of the database file, which was then deleted: the original file is unchanged.', before, after };
  } finally {
    await conn?.close().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * SQL Server's DDL is transactional, but its estimated plans (SHOWPLAN) do not execute the
 * CREATE INDEX they follow, and an actual plan would run the query while the index build holds
 * a schema lock on a shared server: not offered, said precisely.
 */
export const MSSQL_WHAT_IF =
  'Not offered on SQL Server: its DDL is transactional, but an estimated plan (SHOWPLAN) does not execute the CREATE INDEX before it, and an actual plan would run the query while the index build holds a schema lock. Apply it on a copy or a staging server to compare plans.';

/** The answer for engines where the what-if would change the database. */
export function whatIfUnsupported(engine: Engine): WhatIfResult {
  if (engine === 'mssql') return { supported: false, message: MSSQL_WHAT_IF };
  const name = engine === 'mysql' ? 'MySQL/MariaDB' : engine;
  return { supported: false, message: `${name}: ${NOT_TRANSACTIONAL}` };
}
