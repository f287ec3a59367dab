/** Assembles a SQL Server SchemaSnapshot from sys.* catalog rows (pure; fed with fixtures in tests). */
import type { ColumnInfo, ConstraintInfo, ForeignKeyInfo, IndexInfo, RoutineInfo, SchemaInfo, SchemaSnapshot, TableInfo } from '../../../shared/schema';
import type { IntrospectOptions } from '../types';

type Bit = boolean | number;

/** The rows of the queries in catalog.ts, one array per query. */
export interface MssqlCatalogRows {
  schemas: { schemaName: string }[];
  tables: { schemaName: string; name: string; type: string; comment: string | null; rowEstimate: number | string | null; definition: string | null }[];
  columns: {
    schemaName: string; tableName: string; ordinal: number; name: string; typeName: string; maxLength: number;
    precision: number; scale: number; nullable: Bit; isIdentity: Bit; defaultDef: string | null; computedDef: string | null; computedPersisted?: Bit | null; comment: string | null;
  }[];
  indexes: { schemaName: string; tableName: string; indexName: string; isUnique: Bit; isPrimary: Bit; isUniqueConstraint: Bit; keyOrdinal: number; columnName: string }[];
  foreignKeys: { schemaName: string; tableName: string; name: string; seq: number; columnName: string; refSchema: string; refTable: string; refColumn: string; onDelete: string; onUpdate: string }[];
  checks: { schemaName: string; tableName: string; name: string; definition: string; columnName: string | null }[];
  routines: { schemaName: string; name: string; type: string; params: string | null; returns: string | null }[];
}

/** A column type as SQL Server writes it: `nvarchar(40)`, `decimal(10,2)`, `varbinary(max)`. */
export function formatColumnType(typeName: string, maxLength: number, precision: number, scale: number): string {
  const t = typeName.toLowerCase();
  if (['varchar', 'char', 'varbinary', 'binary'].includes(t)) return `${t}(${maxLength === -1 ? 'max' : maxLength})`;
  if (['nvarchar', 'nchar'].includes(t)) return `${t}(${maxLength === -1 ? 'max' : maxLength / 2})`;
  if (t === 'decimal' || t === 'numeric') return `${t}(${precision},${scale})`;
  if (['datetime2', 'datetimeoffset', 'time'].includes(t)) return `${t}(${scale})`;
  return typeName;
}

const key = (schema: string, table: string): string => `${schema}\u0000${table}`;

function groupBy<T extends { schemaName: string; tableName: string }>(rows: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r.schemaName, r.tableName);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

const action = (desc: string): string => desc.replace(/_/g, ' ');

/** Builds the snapshot; `options` filters schemas, and `namesOnly`/`tables` leave other tables partial. */
export function assembleMssqlSnapshot(rows: MssqlCatalogRows, database: string, options: IntrospectOptions = {}): SchemaSnapshot {
  const wanted = (schema: string): boolean => !options.schemas || options.schemas.includes(schema);
  const detailFor = options.tables ? new Set(options.tables) : null;
  const columns = groupBy(rows.columns);
  const indexes = groupBy(rows.indexes);
  const fks = groupBy(rows.foreignKeys);
  const checks = groupBy(rows.checks);
  const schemas = new Map<string, SchemaInfo>();
  const schemaOf = (name: string): SchemaInfo => {
    let s = schemas.get(name);
    if (!s) {
      s = { name, tables: [], routines: [], enums: [] };
      schemas.set(name, s);
    }
    return s;
  };
  for (const s of rows.schemas) if (wanted(s.schemaName)) schemaOf(s.schemaName);

  for (const t of rows.tables) {
    if (!wanted(t.schemaName)) continue;
    const k = key(t.schemaName, t.name);
    const base: TableInfo = {
      name: t.name, kind: t.type === 'V' ? 'view' : 'table', comment: t.comment,
      rowEstimate: t.rowEstimate === null || t.rowEstimate === undefined ? null : Number(t.rowEstimate),
      columns: [], primaryKey: [], foreignKeys: [], indexes: [], constraints: [],
    };
    if (options.namesOnly || (detailFor && !detailFor.has(`${t.schemaName}.${t.name}`))) {
      schemaOf(t.schemaName).tables.push({ ...base, partial: true });
      continue;
    }
    const cols: ColumnInfo[] = (columns.get(k) ?? []).map((c) => ({
      name: c.name,
      dataType: c.computedDef ? `AS ${c.computedDef}` : formatColumnType(c.typeName, c.maxLength, c.precision, c.scale),
      nullable: Boolean(c.nullable),
      default: c.defaultDef,
      comment: c.comment,
      ordinal: c.ordinal,
      ...(c.isIdentity ? { autoIncrement: true } : {}),
      ...(c.computedDef ? { generated: c.computedPersisted ? ('stored' as const) : ('virtual' as const) } : {}),
    }));
    const indexInfos: IndexInfo[] = [];
    const constraints: ConstraintInfo[] = [];
    let primaryKey: string[] = [];
    for (const r of indexes.get(k) ?? []) {
      let ix = indexInfos.find((x) => x.name === r.indexName);
      if (!ix) {
        ix = { name: r.indexName, columns: [], unique: Boolean(r.isUnique), ...(r.isPrimary ? { primary: true } : {}) };
        indexInfos.push(ix);
        if (r.isUniqueConstraint) constraints.push({ name: r.indexName, kind: 'unique', columns: ix.columns });
      }
      ix.columns.push(r.columnName);
      if (r.isPrimary) primaryKey = ix.columns;
    }
    const byName = new Map<string, ForeignKeyInfo>();
    for (const r of fks.get(k) ?? []) {
      let fk = byName.get(r.name);
      if (!fk) {
        fk = { name: r.name, columns: [], refSchema: r.refSchema, refTable: r.refTable, refColumns: [], onDelete: action(r.onDelete), onUpdate: action(r.onUpdate) };
        byName.set(r.name, fk);
      }
      fk.columns.push(r.columnName);
      fk.refColumns.push(r.refColumn);
    }
    for (const c of checks.get(k) ?? []) {
      constraints.push({ name: c.name, kind: 'check', columns: c.columnName ? [c.columnName] : [], definition: c.definition });
    }
    schemaOf(t.schemaName).tables.push({
      ...base,
      columns: cols,
      primaryKey: [...primaryKey],
      foreignKeys: [...byName.values()],
      indexes: indexInfos,
      constraints,
      ...(t.type === 'V' && t.definition ? { definition: t.definition } : {}),
    });
  }

  for (const r of rows.routines) {
    if (!wanted(r.schemaName)) continue;
    const routine: RoutineInfo = {
      name: r.name,
      kind: r.type === 'P' ? 'procedure' : 'function',
      signature: `(${r.params ?? ''})${r.type === 'P' ? '' : ` returns ${r.type === 'FN' ? (r.returns ?? '') : 'table'}`}`,
    };
    schemaOf(r.schemaName).routines.push(routine);
  }
  const sorted = [...schemas.values()].sort((a, b) => a.name.localeCompare(b.name));
  for (const s of sorted) {
    s.tables.sort((a, b) => a.name.localeCompare(b.name));
    s.routines.sort((a, b) => a.name.localeCompare(b.name));
  }
  return { engine: 'mssql', database, capturedAt: new Date().toISOString(), schemas: sorted };
}
