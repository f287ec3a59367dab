/**
 * Sample values for the prompt, fetched ONLY for the columns privacy allows (callers pass the
 * allowed list): the retrieval sampler runs on a snapshot cut down to exactly those columns, so a
 * column that is not allowed is never even read.
 */
import type { SchemaSnapshot } from '../../../shared/schema';
import type { DriverConnection } from '../../drivers/types';
import { collectValueSamples } from '../../retrieval/valueSamples';
import type { ColumnSamples } from './types';

/** Distinct values (low-cardinality text columns) of the listed `schema.table.column`s. */
export async function sampleColumns(conn: DriverConnection, snapshot: SchemaSnapshot, columns: string[], signal?: AbortSignal): Promise<ColumnSamples> {
  const wanted = new Set(columns);
  const only: SchemaSnapshot = {
    ...snapshot,
    schemas: snapshot.schemas
      .map((s) => ({
        ...s,
        tables: s.tables
          .map((t) => ({ ...t, columns: t.columns.filter((c) => wanted.has(`${s.name}.${t.name}.${c.name}`)) }))
          .filter((t) => t.columns.length > 0),
      }))
      .filter((s) => s.tables.length > 0),
  };
  const out: ColumnSamples = new Map();
  for (const t of await collectValueSamples(conn, only, { maxDistinct: 20, maxTables: 50, signal })) {
    for (const c of t.columns) out.set(`${t.tableRef}.${c.column}`, c.values);
  }
  return out;
}
