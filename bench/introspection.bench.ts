/**
 * Introspection of a generated schema of 2,000 tables, 20,000 columns and 2,000 foreign keys on
 * PostgreSQL and MariaDB, against the raw catalog queries alone (a plain client reading tables,
 * columns, constraints and indexes with no assembly) in the same run.
 */
import mysql from 'mysql2/promise';
import pg from 'pg';
import { parseConnectionUrl } from '../src/shared/connection';
import { snapshotCounts } from '../src/shared/schema';
import { getDriver } from '../src/main/drivers/registry';
import { createMysqlDatabase, createPgDatabase } from '../tests/harness/databases';
import { startMariadb } from '../tests/harness/startMariadb';
import { startPostgres } from '../tests/harness/startPostgres';
import { median, round, type BenchEntry } from './types';

const TABLES = 2000;

/** DDL for table i: 10 columns, a primary key, and a foreign key to table i-1 (table 1 → table 2000's sibling). */
function ddl(i: number, quote: (s: string) => string, textType: string): string[] {
  const t = quote(`t${String(i).padStart(4, '0')}`);
  const ref = i === 1 ? 2 : i - 1;
  const cols = [`id integer PRIMARY KEY`, `parent_id integer`, `name ${textType}`, `amount numeric(12,2)`, `created_at timestamp`, `flag boolean`, `code varchar(20)`, `qty integer`, `note ${textType}`, `score double precision`];
  return [`CREATE TABLE ${t} (${cols.join(', ')})`, `ALTER TABLE ${t} ADD CONSTRAINT ${quote(`fk_t${i}`)} FOREIGN KEY (parent_id) REFERENCES ${quote(`t${String(ref).padStart(4, '0')}`)}(id)`];
}

async function timeIntrospect(url: string, engine: 'postgres' | 'mysql'): Promise<{ ms: number; counts: ReturnType<typeof snapshotCounts> }> {
  const conn = await (await getDriver(engine)).connect(parseConnectionUrl(url));
  try {
    const t0 = performance.now();
    const snap = await conn.introspect();
    return { ms: performance.now() - t0, counts: snapshotCounts(snap) };
  } finally {
    await conn.close();
  }
}

async function pgRawCatalog(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const t0 = performance.now();
  const user = "n.nspname NOT IN ('pg_catalog','information_schema') AND n.nspname NOT LIKE 'pg_toast%'";
  await Promise.all([
    c.query(`SELECT c.oid, n.nspname, c.relname, c.relkind, c.reltuples, obj_description(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r','p','v','m','f') AND ${user}`),
    c.query(`SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attnum FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r','p','v','m','f') AND ${user}`),
    c.query(`SELECT con.conrelid, con.conname, con.contype, con.conkey, con.confrelid, con.confkey, con.confdeltype, con.confupdtype FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace WHERE ${user}`),
    c.query(`SELECT i.indrelid, ic.relname, i.indkey, i.indisunique, i.indisprimary FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace WHERE ${user}`),
  ]);
  const ms = performance.now() - t0;
  await c.end();
  return ms;
}

async function mysqlRawCatalog(url: string, db: string): Promise<number> {
  const c = await mysql.createConnection(url);
  const t0 = performance.now();
  for (const sql of [
    'SELECT TABLE_NAME, TABLE_TYPE, TABLE_ROWS, TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?',
    'SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, COLUMN_COMMENT, ORDINAL_POSITION, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?',
    'SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME, ORDINAL_POSITION FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ?',
    'SELECT CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE, TABLE_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?',
    'SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME, NON_UNIQUE, SEQ_IN_INDEX FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?',
  ]) {
    await c.query(sql, [db]);
  }
  const ms = performance.now() - t0;
  await c.end();
  return ms;
}

async function benchPg(): Promise<BenchEntry[]> {
  const server = await startPostgres();
  try {
    const url = await createPgDatabase(server.url, 'qg_bench_introspect');
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const q = (s: string): string => `"${s}"`;
    const all = Array.from({ length: TABLES }, (_, i) => ddl(i + 1, q, 'text'));
    await c.query(`BEGIN; ${all.map((d) => d[0]).join(';\n')}; ${all.map((d) => d[1]).join(';\n')}; COMMIT; ANALYZE;`);
    await c.end();
    return await compare('PostgreSQL', () => timeIntrospect(url, 'postgres'), () => pgRawCatalog(url));
  } finally {
    await server.stop();
  }
}

async function benchMysql(): Promise<BenchEntry[]> {
  const server = await startMariadb();
  try {
    const url = await createMysqlDatabase(server.url, 'qg_bench_introspect');
    const db = new URL(url).pathname.slice(1);
    const c = await mysql.createConnection({ uri: url, multipleStatements: true });
    // Tables in the shared tablespace: creating 2,000 InnoDB files would dominate the setup time.
    await c.query('SET GLOBAL innodb_file_per_table = OFF; SET foreign_key_checks = 0');
    const q = (s: string): string => `\`${s}\``;
    const all = Array.from({ length: TABLES }, (_, i) => ddl(i + 1, q, 'text'));
    for (let i = 0; i < all.length; i += 100) await c.query(all.slice(i, i + 100).map((d) => d[0]).join(';\n'));
    for (let i = 0; i < all.length; i += 100) await c.query(all.slice(i, i + 100).map((d) => d[1]).join(';\n'));
    await c.end();
    return await compare('MariaDB', () => timeIntrospect(url, 'mysql'), () => mysqlRawCatalog(url, db));
  } finally {
    await server.stop();
  }
}

async function compare(engine: string, app: () => Promise<{ ms: number; counts: ReturnType<typeof snapshotCounts> }>, raw: () => Promise<number>): Promise<BenchEntry[]> {
  await app(); // warm the catalog caches once, as a user's open connection would be
  const a: number[] = [];
  const r: number[] = [];
  let counts: ReturnType<typeof snapshotCounts> | undefined;
  for (let i = 0; i < 3; i++) {
    r.push(await raw());
    const res = await app();
    a.push(res.ms);
    counts = res.counts;
  }
  if (!counts || counts.tables !== TABLES || counts.columns !== TABLES * 10 || counts.foreignKeys !== TABLES) {
    throw new Error(`${engine}: snapshot counts wrong: ${JSON.stringify(counts)}`);
  }
  const am = median(a);
  const rm = median(r);
  return [{ name: `${engine}: introspect 2,000 tables / 20,000 columns / 2,000 FKs`, value: round(am, 0), unit: 'ms', baseline: round(rm, 0), ratio: round(am / rm), goal: '≤ 2,000 ms and ≤ 3 × raw catalog' }];
}

/** Runs the benchmark. */
export async function run(): Promise<BenchEntry[]> {
  return [...(await benchPg()), ...(await benchMysql())];
}
