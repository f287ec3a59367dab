/**
 * SchemaSnapshot: the one model of a database's structure that the explorer, autocomplete, ERD,
 * docs, lint, diff and AI context all read. JSON-serialisable and stable (sorted by name), so
 * the CLI can emit it and a later snapshot can be diffed against it.
 */
import type { Engine } from './connection';

/** What kind of relation a table entry is. */
export type TableKind = 'table' | 'view' | 'materialized_view' | 'foreign_table';

/** One column of a table or view. */
export interface ColumnInfo {
  name: string;
  /** The engine's type as a user would write it, e.g. `varchar(80)`, `numeric(10,2)`. */
  dataType: string;
  nullable: boolean;
  /** The default expression as the engine reports it, or null. */
  default: string | null;
  comment: string | null;
  /** 1-based position in the table. */
  ordinal: number;
  /** True for identity / auto-increment / serial columns. */
  autoIncrement?: boolean;
  /** A generated (computed) column: the engine computes it, an INSERT or UPDATE may not set it. */
  generated?: 'stored' | 'virtual';
}

/** A foreign key (composite keys list several columns, in matching order). */
export interface ForeignKeyInfo {
  name: string;
  columns: string[];
  refSchema: string;
  refTable: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
}

/** An index on a table. */
export interface IndexInfo {
  name: string;
  /** Column names, or expressions in parentheses for expression indexes. */
  columns: string[];
  unique: boolean;
  primary?: boolean;
}

/** A UNIQUE or CHECK constraint. */
export interface ConstraintInfo {
  name: string;
  kind: 'unique' | 'check';
  columns: string[];
  /** For CHECK constraints: the expression. */
  definition?: string;
}

/** A table, view or materialized view. */
export interface TableInfo {
  name: string;
  kind: TableKind;
  comment: string | null;
  /** The engine's row estimate (statistics, not a count); null when unknown. */
  rowEstimate: number | null;
  columns: ColumnInfo[];
  /** Primary key column names in key order; empty when there is none. */
  primaryKey: string[];
  foreignKeys: ForeignKeyInfo[];
  indexes: IndexInfo[];
  constraints: ConstraintInfo[];
  /** View definition, when the engine exposes it. */
  definition?: string;
  /** True when only the name was loaded (names-first mode); details come later. */
  partial?: boolean;
}

/** A function or procedure. */
export interface RoutineInfo {
  name: string;
  kind: 'function' | 'procedure';
  /** Arguments and return type as text, e.g. `(a integer, b text) returns integer`. */
  signature: string;
}

/** An enum type (PostgreSQL) or an enum column's value list (MySQL). */
export interface EnumInfo {
  name: string;
  values: string[];
}

/** One schema (PostgreSQL/SQL Server schema; the database itself on MySQL and SQLite). */
export interface SchemaInfo {
  name: string;
  tables: TableInfo[];
  routines: RoutineInfo[];
  enums: EnumInfo[];
}

/** The whole structure of one database. */
export interface SchemaSnapshot {
  engine: Engine;
  database: string;
  serverVersion?: string;
  /** ISO timestamp of when the snapshot was taken. */
  capturedAt: string;
  schemas: SchemaInfo[];
}

/** Counts of a snapshot, for summaries and tests. */
export function snapshotCounts(s: SchemaSnapshot): {
  tables: number;
  views: number;
  columns: number;
  foreignKeys: number;
  indexes: number;
} {
  let tables = 0;
  let views = 0;
  let columns = 0;
  let foreignKeys = 0;
  let indexes = 0;
  for (const schema of s.schemas) {
    for (const t of schema.tables) {
      if (t.kind === 'table') tables++;
      else views++;
      columns += t.columns.length;
      foreignKeys += t.foreignKeys.length;
      indexes += t.indexes.length;
    }
  }
  return { tables, views, columns, foreignKeys, indexes };
}
