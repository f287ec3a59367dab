/**
 * Inserts generated rows into a live connection: multi-row parameterised INSERTs sized to the
 * engine's bind-parameter limit, all inside ONE transaction (a failure or cancel rolls back).
 */
import type { Engine } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import type { ColumnInfo } from '../../shared/schema';
import { Decimal, type CellValue, type Row } from '../../shared/values';
import type { DriverConnection, RowSink } from '../drivers/types';
import { quoteTable } from './existing';
import type { PlannedTable } from './plan';
import type { MockSink } from './runner';

/** Per-engine insert limits and syntax, declared once as data. */
const ENGINE_LIMITS: Record<Engine, { maxParams: number; maxRows: number; placeholder: (n: number) => string; begin: string }> = {
  // SQLITE_MAX_VARIABLE_NUMBER is 32766 in the SQLite better-sqlite3 bundles.
  sqlite: { maxParams: 32766, maxRows: 10_000, placeholder: () => '?', begin: 'BEGIN' },
  postgres: { maxParams: 65535, maxRows: 5_000, placeholder: (n) => `$${n}`, begin: 'BEGIN' },
  // mysql2 escapes values client-side; the row cap keeps packets well under max_allowed_packet.
  mysql: { maxParams: 65535, maxRows: 2_000, placeholder: () => '?', begin: 'START TRANSACTION' },
  mssql: { maxParams: 2100, maxRows: 1_000, placeholder: (n) => `@p${n}`, begin: 'BEGIN TRANSACTION' },
};

const discard: RowSink = { beginResultSet: () => undefined, rows: () => undefined, endResultSet: () => undefined };

/** Rows per INSERT for a table of `columnCount` columns on `engine`. */
export function rowsPerInsert(engine: Engine, columnCount: number): number {
  const l = ENGINE_LIMITS[engine];
  return Math.max(1, Math.min(l.maxRows, Math.floor((l.maxParams - 1) / Math.max(1, columnCount))));
}

/** Options for inserting. */
export interface DbSinkOptions {
  /** The connection's profile is read-only: refuse before touching anything. */
  readOnly?: boolean;
}

/** A sink writing into `conn`. Throws READ_ONLY_VIOLATION at `begin` on a read-only connection. */
export function databaseSink(conn: DriverConnection, opts: DbSinkOptions = {}): MockSink {
  const engine = conn.dialect.engine;
  const limits = ENGINE_LIMITS[engine];
  const q = conn.dialect.quoteIdentifier;
  const sqlCache = new Map<string, string>();
  let open = false;
  const exec = (sql: string, params?: unknown[]): Promise<unknown> => conn.execute(sql, discard, params ? { params } : {});

  const insertSql = (p: PlannedTable, columns: ColumnInfo[], n: number): string => {
    const k = `${p.key}|${n}`;
    let sql = sqlCache.get(k);
    if (!sql) {
      const overriding = engine === 'postgres' && columns.some((c) => c.autoIncrement) ? ' OVERRIDING SYSTEM VALUE' : '';
      const tuples: string[] = [];
      let i = 1;
      for (let r = 0; r < n; r++) tuples.push(`(${columns.map(() => limits.placeholder(i++)).join(', ')})`);
      sql = `INSERT INTO ${quoteTable(conn, p.key)} (${columns.map((c) => q(c.name)).join(', ')})${overriding} VALUES ${tuples.join(', ')}`;
      sqlCache.set(k, sql);
    }
    return sql;
  };

  return {
    batchRows: (columnCount) => rowsPerInsert(engine, columnCount),
    async begin() {
      if (opts.readOnly)
        throw new AppError('READ_ONLY_VIOLATION', 'This connection is read-only, so no mock data was inserted. Use a connection without the read-only option, or write the rows to a file with --out.');
      await exec(limits.begin);
      open = true;
    },
    async rows(p, columns, rows: Row[]) {
      const params: CellValue[] = new Array<CellValue>(rows.length * columns.length);
      let i = 0;
      // Drivers bind Decimal inconsistently (pg would JSON-encode it): send its exact text.
      for (const r of rows) for (const v of r) params[i++] = v instanceof Decimal ? v.text : v;
      await exec(insertSql(p, columns, rows.length), params);
    },
    async update(p, setCols, keyCols, rows) {
      let n = 1;
      const set = setCols.map((c) => `${q(c)} = ${limits.placeholder(n++)}`).join(', ');
      const where = keyCols.map((c) => `${q(c)} = ${limits.placeholder(n++)}`).join(' AND ');
      const sql = `UPDATE ${quoteTable(conn, p.key)} SET ${set} WHERE ${where}`;
      for (const r of rows) await exec(sql, r.map((v) => (v instanceof Decimal ? v.text : v)));
    },
    async finish(tables) {
      if (engine !== 'postgres') return;
      // Explicit keys bypass serial/identity sequences; move them past the new rows.
      for (const p of tables)
        for (const c of p.table.columns)
          if (c.autoIncrement || /nextval\(/i.test(c.default ?? ''))
            await exec(`SELECT setval(pg_get_serial_sequence($1, $2), m) FROM (SELECT MAX(${q(c.name)}) AS m FROM ${quoteTable(conn, p.key)}) s WHERE m IS NOT NULL`, [quoteTable(conn, p.key), c.name]);
    },
    async commit() {
      if (open) await exec('COMMIT');
      open = false;
    },
    async rollback() {
      if (open) await exec('ROLLBACK');
      open = false;
    },
  };
}
