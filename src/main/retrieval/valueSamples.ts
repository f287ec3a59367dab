/**
 * Opt-in value samples: distinct values of low-cardinality text columns, so literals in questions
 * ("status is shipped") can be grounded. Only runs when the user enabled it for the connection.
 */
import type { SchemaSnapshot } from '../../shared/schema';
import type { CellValue, Row } from '../../shared/values';
import type { DriverConnection, RowSink } from '../drivers/types';
import { qualifiedName, type TableValueSamples } from './chunks';

/** Limits of sampling. */
export interface SampleOptions {
  /** A column with more distinct values than this is not sampled. */
  maxDistinct?: number;
  /** Tables sampled at most (the first ones by name). */
  maxTables?: number;
  signal?: AbortSignal;
}

const TEXT_TYPE = /char|text|string|enum|clob/i;

/** Collects up to `maxDistinct` distinct values per text column (skipping high-cardinality ones). */
export async function collectValueSamples(conn: DriverConnection, snapshot: SchemaSnapshot, opts: SampleOptions = {}): Promise<TableValueSamples[]> {
  const maxDistinct = opts.maxDistinct ?? 20;
  const q = (n: string): string => conn.dialect.quoteIdentifier(n);
  const out: TableValueSamples[] = [];
  let tables = 0;
  for (const s of snapshot.schemas) {
    for (const t of s.tables) {
      if (tables++ >= (opts.maxTables ?? 200) || opts.signal?.aborted) return out;
      const sample: TableValueSamples = { tableRef: qualifiedName(s.name, t.name), columns: [] };
      for (const c of t.columns.filter((col) => TEXT_TYPE.test(col.dataType))) {
        const from = conn.dialect.defaultSchema === null && conn.dialect.engine !== 'sqlite' ? q(t.name) : `${q(s.name)}.${q(t.name)}`;
        const rows: Row[] = [];
        const sink: RowSink = { beginResultSet: () => undefined, rows: (b) => void rows.push(...b), endResultSet: () => undefined };
        // A LIMIT one past the cap tells "low cardinality" from "too many to list".
        const limit = conn.dialect.engine === 'mssql' ? `SELECT DISTINCT TOP ${maxDistinct + 1} ${q(c.name)} FROM ${from}` : `SELECT DISTINCT ${q(c.name)} FROM ${from} LIMIT ${maxDistinct + 1}`;
        try {
          await conn.execute(limit, sink);
        } catch {
          continue;
        }
        const values = rows.map((r) => r[0]).filter((v): v is Exclude<CellValue, null> => v !== null).map(String).filter((v) => v.length <= 60);
        if (rows.length <= maxDistinct && values.length) sample.columns.push({ column: c.name, values });
      }
      if (sample.columns.length) out.push(sample);
    }
  }
  return out;
}
