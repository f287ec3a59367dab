/**
 * Inserts generated rows into a live connection: multi-row parameterised INSERTs sized to the
 * engine's bind-parameter limit, all inside ONE transaction (a failure or cancel rolls back).
 */
import type { Engine } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import type { ColumnInfo } from '../../shared/schema';
import { Decimal, type CellValue, type Row } from '../../shared/values';
import type { DriverConnection, RowSink } from '../drivers/types';
import { quoteTable, select } from './existing';
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
  let restoreCache: number | undefined;
  const restore = async (): Promise<void> => {
    if (restoreCache !== undefined) await exec(`PRAGMA cache_size = ${Math.trunc(restoreCache)}`);
    restoreCache = undefined;
  };
  const exec = (sql: string, params?: unknown[]): Promise<unknown> => conn.execute(sql, discard, params ? { params } : {});

  const cached = (k: string, make: () => string): string => {
    let sql = sqlCache.get(k);
    if (!sql) sqlCache.set(k, (sql = make()));
    return sql;
  };
  const head = (p: PlannedTable, columns: ColumnInfo[]): string => {
    const overriding = engine === 'postgres' && columns.some((c) => c.autoIncrement) ? ' OVERRIDING SYSTEM VALUE' : '';
    return `INSERT INTO ${quoteTable(conn, p.key)} (${columns.map((c) => q(c.name)).join(', ')})${overriding}`;
  };
  const jsonInsertSql = (p: PlannedTable, columns: ColumnInfo[]): string =>
    cached(`${p.key}|json`, () => `${head(p, columns)} SELECT ${columns.map((_c, i) => `json_extract(value, '$[${i}]')`).join(', ')} FROM json_each(?)`);
  const unnestSql = (p: PlannedTable, columns: ColumnInfo[]): string =>
    cached(`${p.key}|unnest`, () => `${head(p, columns)} SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.dataType}[]`).join(', ')})`);

  const insertSql = (p: PlannedTable, columns: ColumnInfo[], n: number): string =>
    cached(`${p.key}|${n}`, () => {
      const tuples: string[] = [];
      let i = 1;
      for (let r = 0; r < n; r++) tuples.push(`(${columns.map(() => limits.placeholder(i++)).join(', ')})`);
      return `${head(p, columns)} VALUES ${tuples.join(', ')}`;
    });

  return {
    batchRows: (columnCount) => (engine === 'sqlite' || engine === 'postgres' ? 10_000 : rowsPerInsert(engine, columnCount)),
    async begin() {
      if (opts.readOnly)
        throw new AppError('READ_ONLY_VIOLATION', 'This connection is read-only, so no mock data was inserted. Use a connection without the read-only option, or write the rows to a file with --out.');
      if (engine === 'sqlite') {
        // A bigger page cache for this session keeps a large transaction from spilling to disk
        // mid-way; the connection's own size is restored at the end.
        const [row] = await select(conn, 'PRAGMA cache_size');
        restoreCache = Number(row?.[0] ?? -2000);
        await exec('PRAGMA cache_size = -131072');
      }
      await exec(limits.begin);
      open = true;
    },
    async rows(p, columns, rows: Row[]) {
      if (engine === 'sqlite' && !rows.some((r) => r.some((v) => v instanceof Uint8Array))) {
        // One JSON parameter per batch: SQLite parses it in C, and the statement stays tiny.
        await exec(jsonInsertSql(p, columns), [JSON.stringify(rows, (_k, v: unknown) => (v instanceof Decimal ? v.text : v))]);
        return;
      }
      if (engine === 'postgres' && !columns.some((c) => c.dataType.endsWith(']'))) {
        // One array parameter per column (unnest): far cheaper to parse and plan than VALUES lists.
        const arrays = columns.map((_c, ci) => rows.map((r) => {
          const v = r[ci]!;
          return v instanceof Decimal ? v.text : v;
        }));
        await exec(unnestSql(p, columns), arrays);
        return;
      }
      const per = rowsPerInsert(engine, columns.length);
      for (let start = 0; start < rows.length; start += per) {
        const chunk = rows.slice(start, start + per);
        const params: CellValue[] = new Array<CellValue>(chunk.length * columns.length);
        let i = 0;
        // Drivers bind Decimal inconsistently (pg would JSON-encode it): send its exact text.
        for (const r of chunk) for (const v of r) params[i++] = v instanceof Decimal ? v.text : v;
        await exec(insertSql(p, columns, chunk.length), params);
      }
    },
    async update(p, setCols, keyCols, rows) {
      const t = quoteTable(conn, p.key);
      const cols = [...setCols, ...keyCols];
      const alias = (i: number): string => q(`v${i}`);
      const set = setCols.map((c, i) => `${q(c)} = v.${alias(i)}`).join(', ');
      const on = keyCols.map((c, i) => `${t}.${q(c)} = v.${alias(setCols.length + i)}`).join(' AND ');
      const plain = rows.map((r) => r.map((v) => (v instanceof Decimal ? v.text : v)));
      if (engine === 'sqlite') {
        const pick = cols.map((_c, i) => `json_extract(value, '$[${i}]') AS ${alias(i)}`).join(', ');
        await exec(`UPDATE ${t} SET ${set} FROM (SELECT ${pick} FROM json_each(?)) AS v WHERE ${on}`, [JSON.stringify(plain)]);
      } else if (engine === 'postgres') {
        const typeOf = (c: string): string => p.table.columns.find((x) => x.name === c)!.dataType;
        const arrays = cols.map((_c, i) => plain.map((r) => r[i]));
        const unnest = cols.map((c, i) => `$${i + 1}::${typeOf(c)}[]`).join(', ');
        await exec(`UPDATE ${t} SET ${set} FROM unnest(${unnest}) AS v(${cols.map((_c, i) => alias(i)).join(', ')}) WHERE ${on}`, arrays);
      } else if (engine === 'mysql') {
        // A derived table of the new values joined on the key: one statement per batch.
        const first = `SELECT ${cols.map((_c, i) => `? AS ${alias(i)}`).join(', ')}`;
        const more = ` UNION ALL SELECT ${cols.map(() => '?').join(', ')}`;
        const sql = `UPDATE ${t} JOIN (${first}${more.repeat(plain.length - 1)}) AS v ON ${on} SET ${setCols.map((c, i) => `${t}.${q(c)} = v.${alias(i)}`).join(', ')}`;
        await exec(sql, plain.flat());
      } else {
        let n = 1;
        const assign = setCols.map((c) => `${q(c)} = ${limits.placeholder(n++)}`).join(', ');
        const where = keyCols.map((c) => `${q(c)} = ${limits.placeholder(n++)}`).join(' AND ');
        for (const r of plain) await exec(`UPDATE ${t} SET ${assign} WHERE ${where}`, r);
      }
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
      await restore();
    },
    async rollback() {
      if (open) await exec('ROLLBACK');
      open = false;
      await restore();
    },
  };
}
