/**
 * Doc targets: `schema.table` and `schema.table.column`. Names may themselves contain dots, so
 * targets are never parsed; they are built from a snapshot and looked up in the index below.
 */
import type { DocTarget } from '../../shared/docs';
import type { ColumnInfo, SchemaSnapshot, TableInfo } from '../../shared/schema';

/** The target of a table. */
export const tableTarget = (schema: string, table: string): DocTarget => `${schema}.${table}`;

/** The target of a column. */
export const columnTarget = (schema: string, table: string, column: string): DocTarget => `${schema}.${table}.${column}`;

/** What a target points at in a snapshot. */
export type ResolvedTarget =
  | { kind: 'table'; schema: string; table: TableInfo }
  | { kind: 'column'; schema: string; table: TableInfo; column: ColumnInfo };

/** Every table and column target of a snapshot (partial, names-only tables contribute their name only). */
export function targetIndex(snapshot: SchemaSnapshot): Map<DocTarget, ResolvedTarget> {
  const index = new Map<DocTarget, ResolvedTarget>();
  for (const s of snapshot.schemas) {
    for (const t of s.tables) {
      index.set(tableTarget(s.name, t.name), { kind: 'table', schema: s.name, table: t });
      for (const c of t.columns) index.set(columnTarget(s.name, t.name, c.name), { kind: 'column', schema: s.name, table: t, column: c });
    }
  }
  return index;
}

/** Descriptions whose target is not in the snapshot. */
export function orphanTargets(snapshot: SchemaSnapshot, targets: Iterable<DocTarget>): DocTarget[] {
  const index = targetIndex(snapshot);
  return [...targets].filter((t) => !index.has(t)).sort();
}

/** True when a text has something in it besides white space. */
export const hasText = (s: string | null | undefined): boolean => typeof s === 'string' && s.trim().length > 0;
