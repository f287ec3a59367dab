/**
 * Builds a SchemaSnapshot from the catalog queries in `catalog.ts`: about seven round trips in
 * all, whatever the number of tables.
 */
import type {
  ConstraintInfo,
  ForeignKeyInfo,
  IndexInfo,
  SchemaInfo,
  SchemaSnapshot,
  TableInfo,
  TableKind,
} from '../../../shared/schema';
import type { IntrospectOptions } from '../types';
import * as sql from './catalog';

/** Runs one catalog query and returns its rows as objects. */
export type CatalogQuery = <T>(text: string, values?: unknown[]) => Promise<T[]>;

interface RelationRow {
  schema: string;
  name: string;
  kind: string;
  comment: string | null;
  estimate: number | null;
  definition: string | null;
}
interface ColumnRow {
  relid: string;
  schema: string;
  table: string;
  name: string;
  ordinal: number;
  type: string;
  nullable: boolean;
  default: string | null;
  comment: string | null;
  auto: boolean;
  /** pg_attribute.attgenerated: 's' stored, 'v' virtual (PostgreSQL 18), null otherwise. */
  generated: string | null;
}
interface ConstraintRow {
  schema: string;
  table: string;
  name: string;
  type: string;
  relid: string;
  column_nums: number[];
  columns: string[] | null;
  ref_schema: string | null;
  ref_table: string | null;
  ref_relid: string;
  ref_column_nums: number[] | null;
  ref_columns: string[] | null;
  on_update: string;
  on_delete: string;
  definition: string | null;
}
interface IndexRow {
  schema: string;
  table: string;
  name: string;
  unique: boolean;
  primary: boolean;
  relid: string;
  column_nums: number[];
  columns: string[] | null;
}
interface EnumRow {
  schema: string;
  name: string;
  values: string[];
}
interface RoutineRow {
  schema: string;
  name: string;
  kind: string;
  signature: string;
}

const KINDS: Record<string, TableKind> = {
  r: 'table',
  p: 'table',
  v: 'view',
  m: 'materialized_view',
  f: 'foreign_table',
};
const ACTIONS: Record<string, string> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

/** Byte-order comparison: stable whatever the locale. */
export const byName = <T extends { name: string }>(a: T, b: T): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** Introspects the database the query function is connected to. */
export async function introspectPostgres(
  query: CatalogQuery,
  options: IntrospectOptions = {},
): Promise<SchemaSnapshot> {
  const schemasFilter = options.schemas?.length ? options.schemas : null;
  const tablesFilter = options.tables?.length ? options.tables : null;
  const both = [schemasFilter, tablesFilter];
  // One query at a time: pg deprecates queueing queries on a busy client.
  const [db] = await query<{ db: string }>('SELECT current_database() AS db');
  const schemaRows = await query<{ name: string }>(sql.SCHEMAS_SQL, [schemasFilter]);
  const relations = await query<RelationRow>(sql.RELATIONS_SQL, [...both, !options.namesOnly]);

  const schemas = new Map<string, SchemaInfo>();
  for (const s of schemaRows)
    schemas.set(s.name, { name: s.name, tables: [], routines: [], enums: [] });
  const tables = new Map<string, TableInfo>();
  for (const r of relations) {
    const t: TableInfo = {
      name: r.name,
      kind: KINDS[r.kind] ?? 'table',
      comment: r.comment,
      rowEstimate: r.estimate === null || r.estimate < 0 ? null : Math.round(r.estimate),
      columns: [],
      primaryKey: [],
      foreignKeys: [],
      indexes: [],
      constraints: [],
    };
    if (r.definition) t.definition = r.definition.trim();
    if (options.namesOnly) t.partial = true;
    tables.set(key(r.schema, r.name), t);
    schemas.get(r.schema)?.tables.push(t);
  }

  if (!options.namesOnly) {
    const columns = await query<ColumnRow>(sql.COLUMNS_SQL, both);
    const constraints = await query<ConstraintRow>(sql.CONSTRAINTS_SQL, both);
    const indexes = await query<IndexRow>(sql.INDEXES_SQL, both);
    const enums = await query<EnumRow>(sql.ENUMS_SQL, [schemasFilter]);
    const routines = await query<RoutineRow>(sql.ROUTINES_SQL, [schemasFilter]);
    // relation oid → attnum → column name, to name key columns given as numbers.
    const attnames = new Map<string, Map<number, string>>();
    for (const c of columns) {
      let m = attnames.get(c.relid);
      if (!m) attnames.set(c.relid, (m = new Map()));
      m.set(c.ordinal, c.name);
    }
    const names = (relid: string, nums: number[] | null): string[] =>
      (nums ?? []).map((n) => attnames.get(relid)?.get(n) ?? `#${n}`);
    for (const c of constraints) {
      c.columns ??= names(c.relid, c.column_nums);
      c.ref_columns ??= names(c.ref_relid, c.ref_column_nums);
    }
    for (const i of indexes) i.columns ??= names(i.relid, i.column_nums);
    for (const c of columns) {
      const t = tables.get(key(c.schema, c.table));
      if (!t) continue;
      t.columns.push({
        name: c.name,
        dataType: c.type,
        nullable: c.nullable,
        default: c.default,
        comment: c.comment,
        ordinal: c.ordinal,
        ...(c.auto ? { autoIncrement: true } : {}),
        ...(c.generated ? { generated: c.generated === 'v' ? ('virtual' as const) : ('stored' as const) } : {}),
        // A generated column's expression is reported as its default by pg_attrdef.
        ...(c.generated ? { default: null } : {}),
      });
    }
    for (const c of constraints) addConstraint(tables.get(key(c.schema, c.table)), c);
    for (const i of indexes) {
      const index: IndexInfo = { name: i.name, columns: i.columns ?? [], unique: i.unique };
      if (i.primary) index.primary = true;
      tables.get(key(i.schema, i.table))?.indexes.push(index);
    }
    // Enums and routines describe a schema, not a table: skip them when loading single tables.
    if (!tablesFilter) {
      for (const e of enums) schemas.get(e.schema)?.enums.push({ name: e.name, values: e.values });
      for (const r of routines)
        schemas.get(r.schema)?.routines.push({
          name: r.name,
          kind: r.kind === 'p' ? 'procedure' : 'function',
          signature: r.signature,
        });
    }
  }

  const list = [...schemas.values()].sort(byName);
  for (const s of list) {
    s.tables.sort(byName);
    s.enums.sort(byName);
    s.routines.sort(
      (a, b) =>
        byName(a, b) || (a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : 0),
    );
    for (const t of s.tables) {
      t.foreignKeys.sort(byName);
      t.indexes.sort(byName);
      t.constraints.sort(byName);
    }
  }
  return {
    engine: 'postgres',
    database: db?.db ?? '',
    capturedAt: new Date().toISOString(),
    schemas: list,
  };
}

function addConstraint(t: TableInfo | undefined, c: ConstraintRow): void {
  if (!t) return;
  const columns = c.columns ?? [];
  if (c.type === 'p') t.primaryKey = columns;
  else if (c.type === 'f') {
    const fk: ForeignKeyInfo = {
      name: c.name,
      columns,
      refSchema: c.ref_schema ?? '',
      refTable: c.ref_table ?? '',
      refColumns: c.ref_columns ?? [],
      onDelete: ACTIONS[c.on_delete] ?? 'NO ACTION',
      onUpdate: ACTIONS[c.on_update] ?? 'NO ACTION',
    };
    t.foreignKeys.push(fk);
  } else {
    const con: ConstraintInfo = {
      name: c.name,
      kind: c.type === 'u' ? 'unique' : 'check',
      columns,
    };
    if (c.definition) con.definition = c.definition;
    t.constraints.push(con);
  }
}

function key(schema: string, table: string): string {
  return `${schema}\u0000${table}`;
}
