/** Builds small SchemaSnapshots tersely, for tests and examples of the docs modules. */
import type { ColumnInfo, SchemaSnapshot, TableInfo } from '../../shared/schema';

/** A column from `name` and a type; `opts` overrides the rest. */
export function col(name: string, dataType = 'integer', opts: Partial<ColumnInfo> = {}): ColumnInfo {
  return { name, dataType, nullable: true, default: null, comment: null, ordinal: 0, ...opts };
}

/** A table with columns (ordinals filled in) and optional keys, indexes and comment. */
export function table(name: string, columns: ColumnInfo[], opts: Partial<TableInfo> = {}): TableInfo {
  return {
    name,
    kind: 'table',
    comment: null,
    rowEstimate: null,
    columns: columns.map((c, i) => ({ ...c, ordinal: i + 1 })),
    primaryKey: [],
    foreignKeys: [],
    indexes: [],
    constraints: [],
    ...opts,
  };
}

/** A snapshot of one or more schemas. */
export function snapshot(schemas: Record<string, TableInfo[]>, opts: Partial<SchemaSnapshot> = {}): SchemaSnapshot {
  return {
    engine: 'postgres',
    database: 'db',
    capturedAt: '2026-01-01T00:00:00.000Z',
    schemas: Object.entries(schemas).map(([name, tables]) => ({ name, tables, routines: [], enums: [] })),
    ...opts,
  };
}
