/**
 * SQLite introspection: runs the set-based catalog queries (catalog.ts) on a better-sqlite3
 * handle and assembles a SchemaSnapshot. Runs inside the host process, next to the database.
 */
import type { ColumnInfo, ForeignKeyInfo, IndexInfo, SchemaSnapshot, TableInfo } from '../../../shared/schema';
import type { IntrospectOptions } from '../types';
import * as catalog from './catalog';
import { parseCheckConstraints, parseConstraintNames, tokenize } from './checks';

/** The part of a better-sqlite3 Database introspection needs. */
export interface QueryableDb {
  prepare(sql: string): { all(...params: unknown[]): unknown[] };
}

/** Raw catalog rows, as returned by the queries in catalog.ts. */
export interface CatalogRows {
  tables: { name: string; type: string; sql: string | null }[];
  columns: { tbl: string; cid: number; name: string; type: string; notnull: number; dflt: string | null; pk: number; hidden: number }[];
  foreignKeys: { tbl: string; id: number; seq: number; refTable: string; col: string; refCol: string | null; onUpdate: string; onDelete: string }[];
  indexes: { tbl: string; idx: string; isUnique: number; origin: string; seqno: number; cid: number; col: string | null; sql: string | null }[];
  rowEstimates: { tbl: string; rows: number }[];
}

/** Runs the catalog queries. A virtual table whose module is not loaded makes the set-based pragma join fail; then it falls back to one query per table, skipping the ones that fail. */
export function readCatalog(db: QueryableDb, options: IntrospectOptions = {}): CatalogRows {
  const all = <T>(sql: string, ...params: unknown[]): T[] => db.prepare(sql).all(...params) as T[];
  const tables = all<CatalogRows['tables'][number]>(catalog.TABLES_SQL);
  const empty: CatalogRows = { tables, columns: [], foreignKeys: [], indexes: [], rowEstimates: [] };
  if (options.namesOnly) return empty;
  const perKind = <T>(setSql: string, oneSql: string, kinds: string[]): T[] => {
    try {
      return all<T>(setSql);
    } catch (err) {
      // A virtual table whose module is missing, or a view over a dropped table or column: read
      // object by object and skip the unreadable ones rather than fail the whole schema.
      if (!/no such (module|table|column|function)|error in view/i.test(String((err as Error).message))) throw err;
      const rows: T[] = [];
      for (const t of tables.filter((x) => kinds.includes(x.type))) {
        try {
          rows.push(...all<T>(oneSql, t.name, t.name));
        } catch {
          // An unreadable virtual table or broken view keeps its name; its details are skipped.
        }
      }
      return rows;
    }
  };
  return {
    tables,
    columns: perKind(catalog.COLUMNS_SQL, catalog.PER_TABLE.columns, ['table', 'view']),
    foreignKeys: perKind(catalog.FOREIGN_KEYS_SQL, catalog.PER_TABLE.foreignKeys, ['table']),
    indexes: perKind(catalog.INDEXES_SQL, catalog.PER_TABLE.indexes, ['table']),
    rowEstimates: all(catalog.HAS_STAT1_SQL).length ? all(catalog.ROW_ESTIMATES_SQL) : [],
  };
}

function groupBy<T extends { tbl: string }>(rows: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const list = m.get(r.tbl);
    if (list) list.push(r);
    else m.set(r.tbl, [r]);
  }
  return m;
}

/** The nth top-level item of an index's column list, for expression index columns. */
function indexExpression(indexSql: string | null, seqno: number): string {
  if (!indexSql) return '(expression)';
  const tokens = tokenize(indexSql);
  const open = tokens.findIndex((t) => t.text === '(');
  let depth = 0;
  let item = 0;
  let start = open >= 0 ? tokens[open]!.end : 0;
  for (let k = open + 1; k > 0 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'punct') continue;
    if (t.text === '(') depth++;
    else if ((t.text === ')' && depth === 0) || (t.text === ',' && depth === 0)) {
      if (item === seqno) return `(${indexSql.slice(start, t.start).trim()})`;
      item++;
      start = t.end;
      if (t.text === ')') break;
    } else if (t.text === ')') depth--;
  }
  return '(expression)';
}

/** Assembles a SchemaSnapshot from catalog rows (pure, unit-tested with fixture rows). */
export function assembleSnapshot(rows: CatalogRows, database: string, options: IntrospectOptions = {}): SchemaSnapshot {
  const snapshot: SchemaSnapshot = { engine: 'sqlite', database, capturedAt: new Date().toISOString(), schemas: [] };
  if (options.schemas && !options.schemas.includes('main')) return snapshot;
  const detailFor = options.tables ? new Set(options.tables.map((t) => t.replace(/^main\./, ''))) : null;
  const columns = groupBy(rows.columns);
  const fks = groupBy(rows.foreignKeys);
  const indexes = groupBy(rows.indexes);
  const estimates = new Map(rows.rowEstimates.map((r) => [r.tbl, Number(r.rows)]));
  const pkOf = (table: string): string[] =>
    (columns.get(table) ?? []).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);

  const tables: TableInfo[] = rows.tables.map((t): TableInfo => {
    const kind = t.type === 'view' ? 'view' : 'table';
    const base: TableInfo = {
      name: t.name, kind, comment: null, rowEstimate: estimates.get(t.name) ?? null,
      columns: [], primaryKey: [], foreignKeys: [], indexes: [], constraints: [],
    };
    if (options.namesOnly || (detailFor && !detailFor.has(t.name))) return { ...base, partial: true };
    const sql = t.sql ?? '';
    const cols = columns.get(t.name) ?? [];
    const primaryKey = pkOf(t.name);
    // An INTEGER PRIMARY KEY column is an alias of the rowid: SQLite assigns it automatically.
    const rowidAlias = primaryKey.length === 1 && !/WITHOUT\s+ROWID\s*$/i.test(sql);
    const columnInfos: ColumnInfo[] = cols.map((c, i) => ({
      name: c.name,
      dataType: c.type || '',
      // Faithful to SQLite: a non-INTEGER PRIMARY KEY column accepts NULL unless declared NOT NULL.
      nullable: c.notnull === 0 && !(rowidAlias && c.pk === 1),
      default: c.dflt,
      comment: null,
      ordinal: i + 1,
      ...(kind === 'table' && rowidAlias && c.pk === 1 && c.type.toUpperCase() === 'INTEGER' ? { autoIncrement: true } : {}),
      // table_xinfo: hidden 2 = virtual generated column, 3 = stored generated column.
      ...(c.hidden === 2 ? { generated: 'virtual' as const } : c.hidden === 3 ? { generated: 'stored' as const } : {}),
    }));
    const names = kind === 'table' ? parseConstraintNames(sql) : new Map<string, string>();
    const byId = new Map<number, ForeignKeyInfo>();
    for (const r of fks.get(t.name) ?? []) {
      let fk = byId.get(r.id);
      if (!fk) {
        fk = { name: '', columns: [], refSchema: 'main', refTable: r.refTable, refColumns: [], onDelete: r.onDelete, onUpdate: r.onUpdate };
        byId.set(r.id, fk);
      }
      fk.columns.push(r.col);
      if (r.refCol !== null) fk.refColumns.push(r.refCol);
    }
    // pragma_foreign_key_list numbers keys last-declared-first; list them in declaration order.
    const foreignKeys = [...byId.entries()].sort((a, b) => b[0] - a[0]).map(([, fk]) => fk);
    for (const fk of foreignKeys) {
      if (fk.refColumns.length === 0) fk.refColumns = pkOf(fk.refTable);
      fk.name = names.get(`foreign:${fk.columns.map((c) => c.toLowerCase()).join(',')}`) ?? `fk_${t.name}_${fk.columns.join('_')}`;
    }
    const indexInfos: IndexInfo[] = [];
    for (const r of indexes.get(t.name) ?? []) {
      let ix = indexInfos.find((x) => x.name === r.idx);
      if (!ix) {
        ix = { name: r.idx, columns: [], unique: r.isUnique === 1, ...(r.origin === 'pk' ? { primary: true } : {}) };
        indexInfos.push(ix);
      }
      ix.columns.push(r.cid === -2 ? indexExpression(r.sql, r.seqno) : (r.col ?? 'rowid'));
    }
    const uniqueConstraints = indexInfos
      .filter((ix) => (indexes.get(t.name) ?? []).some((r) => r.idx === ix.name && r.origin === 'u'))
      .map((ix) => ({
        name: names.get(`unique:${ix.columns.map((c) => c.toLowerCase()).join(',')}`) ?? ix.name,
        kind: 'unique' as const,
        columns: ix.columns,
      }));
    const checks = kind === 'table' ? parseCheckConstraints(t.name, sql, cols.map((c) => c.name)) : [];
    const view = kind === 'view' ? viewDefinition(sql) : undefined;
    return {
      ...base,
      columns: columnInfos,
      primaryKey,
      foreignKeys,
      indexes: indexInfos,
      constraints: [...uniqueConstraints, ...checks],
      ...(view !== undefined ? { definition: view } : {}),
    };
  });
  snapshot.schemas.push({ name: 'main', tables, routines: [], enums: [] });
  return snapshot;
}

/** The SELECT of a CREATE VIEW statement. */
function viewDefinition(sql: string): string {
  const m = /^\s*CREATE\s+(?:TEMP(?:ORARY)?\s+)?VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:"(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]|[\w$.]+)\s*(?:\([^)]*\)\s*)?AS\s+/i.exec(sql);
  return m ? sql.slice(m[0].length).trim() : sql;
}

/** Introspects an open database. */
export function introspectDatabase(db: QueryableDb, database: string, options: IntrospectOptions = {}): SchemaSnapshot {
  return assembleSnapshot(readCatalog(db, options), database, options);
}
