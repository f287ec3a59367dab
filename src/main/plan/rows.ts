/** Runs one statement on a driver connection and returns its rows as objects (small catalog/statistics reads only). */
import type { DriverConnection, RowSink } from '../drivers/types';
import type { CellValue } from '../../shared/values';

/** The first result set of `sql` as objects keyed by column name. */
export async function queryObjects(conn: DriverConnection, sql: string): Promise<Array<Record<string, CellValue>>> {
  let columns: string[] | null = null;
  const out: Array<Record<string, CellValue>> = [];
  const sink: RowSink = {
    beginResultSet(cols) {
      columns ??= cols.map((c) => c.name);
    },
    rows(batch) {
      if (!columns) return;
      for (const r of batch) out.push(Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null])));
    },
    endResultSet() {},
  };
  await conn.execute(sql, sink);
  return out;
}

/** A cell as a number (bigint, numeric text and Decimal included), 0 when it is not one. */
export function toNumber(v: CellValue | undefined): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v === null || v === undefined) return 0;
  const n = Number(String(v));
  return Number.isFinite(n) ? n : 0;
}
