/** Reads what already exists in the target database: key pools, taken unique values, max keys. */
import type { ColumnMeta } from '../../shared/query';
import type { Row } from '../../shared/values';
import type { DriverConnection, RowSink } from '../drivers/types';
import type { MockPlan } from './plan';
import { normalizeExisting, tupleKey, type KeyState } from './state';
import { uniqueSets } from './tableGen';

/** Caps how many existing keys are read per column set (memory stays bounded on huge tables). */
const MAX_EXISTING = 1_000_000;

/** Runs a query and returns its rows with bind-friendly values. */
export async function select(conn: DriverConnection, sql: string): Promise<Row[]> {
  const rows: Row[] = [];
  const sink: RowSink = {
    beginResultSet: (_c: ColumnMeta[]) => undefined,
    rows: (b) => void rows.push(...b.map((r) => r.map(normalizeExisting))),
    endResultSet: () => undefined,
  };
  await conn.execute(sql, sink, { batchSize: 10_000 });
  return rows;
}

/** The quoted `schema.table` of a plan key for this connection. */
export function quoteTable(conn: DriverConnection, key: string): string {
  const dot = key.indexOf('.');
  const q = conn.dialect.quoteIdentifier;
  return `${q(key.slice(0, dot))}.${q(key.slice(dot + 1))}`;
}

/** Fills `keys` from the database for every table the plan touches. */
export async function loadExistingKeys(conn: DriverConnection, plan: MockPlan, keys: KeyState): Promise<void> {
  const q = conn.dialect.quoteIdentifier;
  const limit = (sql: string): string => (conn.dialect.engine === 'mssql' ? sql.replace(/^SELECT/, `SELECT TOP ${MAX_EXISTING}`) : `${sql} LIMIT ${MAX_EXISTING}`);
  for (const p of plan.tables) {
    const t = quoteTable(conn, p.key);
    const any = await select(conn, conn.dialect.engine === 'mssql' ? `SELECT TOP 1 1 FROM ${t}` : `SELECT 1 FROM ${t} LIMIT 1`);
    if (!any.length) continue;
    keys.nonEmpty.add(p.key);
    for (const set of uniqueSets(p)) {
      const seen = keys.seenSet(p.key, set);
      const cols = set.map(q).join(', ');
      for (const r of await select(conn, limit(`SELECT ${cols} FROM ${t}`))) seen.add(tupleKey(r));
      if (set.length === 1) {
        const [m] = await select(conn, `SELECT MAX(${q(set[0]!)}) FROM ${t}`);
        const n = Number(m?.[0]);
        if (typeof m?.[0] !== 'boolean' && Number.isFinite(n) && Number.isInteger(n)) keys.maxInt.set(`${p.key}|${set[0]}`, n);
      }
    }
  }
  for (const [k, pool] of keys.pools) {
    const bar = k.lastIndexOf('|');
    const table = k.slice(0, bar);
    const cols = k.slice(bar + 1).split(',');
    const notNull = cols.map((c) => `${q(c)} IS NOT NULL`).join(' AND ');
    const list = cols.map(q).join(", ");
    const rows = await select(conn, limit(`SELECT DISTINCT ${list} FROM ${quoteTable(conn, table)} WHERE ${notNull} ORDER BY ${list}`));
    for (const r of rows) pool.push(r);
  }
}
