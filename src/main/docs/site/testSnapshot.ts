/** Hand-built snapshots and bundles for the docs-site unit tests (no database needed). */
import type { DocsBundle } from '../../../shared/docs';
import type { SchemaSnapshot, TableInfo } from '../../../shared/schema';

/** A table with `id` (PK) plus the given columns; `fks` reference `refTable(id)`. */
export function table(name: string, columns: string[] = [], fks: { column: string; refSchema?: string; refTable: string }[] = []): TableInfo {
  const cols = ['id', ...columns];
  return {
    name,
    kind: 'table',
    comment: null,
    rowEstimate: null,
    columns: cols.map((c, i) => ({ name: c, dataType: c === 'id' ? 'integer' : 'text', nullable: c !== 'id', default: null, comment: null, ordinal: i + 1 })),
    primaryKey: ['id'],
    foreignKeys: fks.map((f) => ({ name: `fk_${name}_${f.column}`, columns: [f.column], refSchema: f.refSchema ?? 'public', refTable: f.refTable, refColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })),
    indexes: [],
    constraints: [],
  };
}

/** A snapshot of one or more schemas. */
export function snapshot(schemas: Record<string, TableInfo[]>): SchemaSnapshot {
  return { engine: 'postgres', database: 'shop', capturedAt: '2026-01-01T00:00:00.000Z', schemas: Object.entries(schemas).map(([name, tables]) => ({ name, tables, routines: [], enums: [] })) };
}

/** A bundle around a snapshot with the given descriptions (coverage and lint left simple). */
export function bundleOf(snap: SchemaSnapshot, descriptions: Record<string, string> = {}): DocsBundle {
  const tables = snap.schemas.reduce((n, s) => n + s.tables.length, 0);
  const columns = snap.schemas.reduce((n, s) => n + s.tables.reduce((m, t) => m + t.columns.length, 0), 0);
  return { snapshot: snap, descriptions, glossary: [], coverage: { tables: { documented: 0, total: tables }, columns: { documented: 0, total: columns }, ratio: 0 }, lint: [], generatedAt: '2026-01-01T00:00:00.000Z' };
}
