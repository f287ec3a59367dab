/**
 * Builds a SchemaSnapshot from information_schema (`catalog.ts`): about seven queries whatever
 * the number of tables. The database is the snapshot's single schema.
 */
import type {
  EnumInfo,
  IndexInfo,
  RoutineInfo,
  SchemaSnapshot,
  TableInfo,
} from '../../../shared/schema';
import type { IntrospectOptions } from '../types';
import * as sql from './catalog';

/** Runs one catalog query and returns its rows as objects. */
export type MysqlQuery = <T>(text: string, values?: unknown[]) => Promise<T[]>;

interface TableRow {
  name: string;
  type: string;
  comment?: string | null;
  estimate?: string | number | null;
  definition?: string | null;
}
interface ColumnRow {
  tbl: string;
  name: string;
  ordinal: string | number;
  type: string;
  dataType: string;
  nullable: string;
  dflt: string | null;
  comment: string;
  extra: string;
}
interface FkRow {
  tbl: string;
  name: string;
  col: string;
  pos: string | number;
  refSchema: string;
  refTable: string;
  refCol: string;
  onUpdate: string;
  onDelete: string;
}
interface IndexRow {
  tbl: string;
  name: string;
  nonUnique: string | number;
  seq: string | number;
  col: string | null;
  subPart: string | number | null;
}
interface CheckRow {
  tbl: string;
  name: string;
  clause: string;
}
interface RoutineRow {
  name: string;
  type: string;
  specificName: string;
  pos: string | number | null;
  paramMode: string | null;
  param: string | null;
  dtd: string | null;
}

const byName = <T extends { name: string }>(a: T, b: T): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** Introspects the current database of the connection. */
export async function introspectMysql(
  query: MysqlQuery,
  mariadb: boolean,
  options: IntrospectOptions = {},
): Promise<SchemaSnapshot> {
  const [cur] = await query<{ db: string | null }>('SELECT DATABASE() AS db');
  const db = cur?.db ?? '';
  const snapshot: SchemaSnapshot = {
    engine: 'mysql',
    database: db,
    capturedAt: new Date().toISOString(),
    schemas: [],
  };
  if (!db || (options.schemas?.length && !options.schemas.includes(db))) return snapshot;
  const tableNames = options.tables?.length
    ? options.tables.map((t) => t.replace(/^[^.]*\./, ''))
    : null;
  // An empty alias means the query cannot be filtered by table (filtered through its partner).
  const run = <T>(text: string, alias: string): Promise<T[]> =>
    tableNames && alias
      ? query<T>(`${text} AND ${alias}.TABLE_NAME IN (?)`, [db, tableNames])
      : query<T>(text, [db]);

  const tableRows = await run<TableRow>(
    options.namesOnly ? sql.TABLE_NAMES_SQL : sql.TABLES_SQL,
    't',
  );
  const tables = new Map<string, TableInfo>();
  for (const r of tableRows) {
    const isView = r.type === 'VIEW';
    const t: TableInfo = {
      name: r.name,
      kind: isView ? 'view' : 'table',
      comment: r.comment && !(isView && r.comment === 'VIEW') ? r.comment : null,
      rowEstimate:
        !isView && r.estimate !== null && r.estimate !== undefined ? Number(r.estimate) : null,
      columns: [],
      primaryKey: [],
      foreignKeys: [],
      indexes: [],
      constraints: [],
    };
    if (r.definition) t.definition = r.definition;
    if (options.namesOnly) t.partial = true;
    tables.set(r.name, t);
  }
  const enums: EnumInfo[] = [];
  let routines: RoutineInfo[] = [];
  if (!options.namesOnly) {
    const columns = await run<ColumnRow>(sql.COLUMNS_SQL, 'c');
    const fks = await foreignKeyRows(run);
    const indexes = await run<IndexRow>(sql.INDEXES_SQL, 's');
    const checks = await checkRows(run, mariadb);
    for (const c of columns) {
      const t = tables.get(c.tbl);
      if (!t) continue;
      const dflt = mariadb && c.dflt === 'NULL' ? null : c.dflt; // MariaDB reports "no default" as the text NULL
      t.columns.push({
        name: c.name,
        dataType: c.type,
        nullable: c.nullable === 'YES',
        default: dflt,
        comment: c.comment || null,
        ordinal: Number(c.ordinal),
        ...(/auto_increment/i.test(c.extra) ? { autoIncrement: true } : {}),
        ...(/STORED GENERATED|PERSISTENT/i.test(c.extra) ? { generated: 'stored' as const } : /VIRTUAL/i.test(c.extra) ? { generated: 'virtual' as const } : {}),
      });
      if (c.dataType === 'enum')
        enums.push({ name: `${c.tbl}.${c.name}`, values: enumValues(c.type) });
    }
    for (const t of tables.values()) t.columns.sort((a, b) => a.ordinal - b.ordinal);
    addForeignKeys(tables, fks);
    addIndexes(tables, indexes);
    for (const c of checks) {
      const t = tables.get(c.tbl);
      if (!t) continue;
      const cols = t.columns
        .map((col) => col.name)
        .filter((n) => new RegExp(`(^|[^\\w$])\`?${escapeRe(n)}\`?([^\\w$]|$)`).test(c.clause));
      t.constraints.push({
        name: c.name,
        kind: 'check',
        columns: cols,
        definition: `CHECK (${c.clause})`,
      });
    }
    if (!tableNames) routines = toRoutines(await query<RoutineRow>(sql.ROUTINES_SQL, [db]));
  }
  const list = [...tables.values()].sort(byName);
  for (const t of list) {
    t.foreignKeys.sort(byName);
    t.indexes.sort(byName);
    t.constraints.sort(byName);
  }
  snapshot.schemas = [{ name: db, tables: list, routines, enums: enums.sort(byName) }];
  return snapshot;
}

type Run = <T>(text: string, alias: string) => Promise<T[]>;

async function foreignKeyRows(run: Run): Promise<FkRow[]> {
  const cols = await run<Omit<FkRow, 'onUpdate' | 'onDelete'>>(sql.FOREIGN_KEY_COLUMNS_SQL, 'k');
  const rules = await run<Pick<FkRow, 'tbl' | 'name' | 'onUpdate' | 'onDelete'>>(
    sql.FOREIGN_KEY_RULES_SQL,
    'r',
  );
  const byKey = new Map(rules.map((r) => [`${r.tbl}\0${r.name}`, r]));
  return cols.map((c) => {
    const rule = byKey.get(`${c.tbl}\0${c.name}`);
    return {
      ...c,
      onUpdate: rule?.onUpdate ?? 'NO ACTION',
      onDelete: rule?.onDelete ?? 'NO ACTION',
    };
  });
}

async function checkRows(run: Run, mariadb: boolean): Promise<CheckRow[]> {
  if (mariadb) return run<CheckRow>(sql.MARIADB_CHECKS_SQL, 'cc');
  const owners = await run<{ tbl: string; name: string }>(sql.MYSQL_CHECK_TABLES_SQL, 'tc');
  if (owners.length === 0) return [];
  // CHECK_CONSTRAINTS has no table column on MySQL; check names are unique per schema there.
  const clauses = await run<{ name: string; clause: string }>(sql.MYSQL_CHECK_CLAUSES_SQL, '');
  const byName = new Map(clauses.map((c) => [c.name, c.clause]));
  return owners.map((o) => ({ tbl: o.tbl, name: o.name, clause: byName.get(o.name) ?? '' }));
}

function addForeignKeys(tables: Map<string, TableInfo>, rows: FkRow[]): void {
  rows.sort((a, b) =>
    a.tbl + '\0' + a.name < b.tbl + '\0' + b.name
      ? -1
      : a.tbl + '\0' + a.name > b.tbl + '\0' + b.name
        ? 1
        : Number(a.pos) - Number(b.pos),
  );
  for (const r of rows) {
    const t = tables.get(r.tbl);
    if (!t) continue;
    let fk = t.foreignKeys.find((f) => f.name === r.name);
    if (!fk) {
      fk = {
        name: r.name,
        columns: [],
        refSchema: r.refSchema,
        refTable: r.refTable,
        refColumns: [],
        onDelete: r.onDelete,
        onUpdate: r.onUpdate,
      };
      t.foreignKeys.push(fk);
    }
    fk.columns.push(r.col);
    fk.refColumns.push(r.refCol);
  }
}

function addIndexes(tables: Map<string, TableInfo>, rows: IndexRow[]): void {
  rows.sort((a, b) => Number(a.seq) - Number(b.seq));
  const byKey = new Map<string, IndexInfo>();
  for (const r of rows) {
    const t = tables.get(r.tbl);
    if (!t) continue;
    const key = `${r.tbl}\0${r.name}`;
    let index = byKey.get(key);
    if (!index) {
      index = { name: r.name, columns: [], unique: Number(r.nonUnique) === 0 };
      if (r.name === 'PRIMARY') index.primary = true;
      byKey.set(key, index);
      t.indexes.push(index);
    }
    const col = r.col ?? '(expression)';
    index.columns.push(r.subPart ? `${col}(${r.subPart})` : col);
    if (r.name === 'PRIMARY') t.primaryKey.push(r.col ?? '');
  }
  // MySQL has no separate UNIQUE constraint object: a unique index is the constraint.
  for (const t of tables.values()) {
    for (const i of t.indexes)
      if (i.unique && !i.primary)
        t.constraints.push({
          name: i.name,
          kind: 'unique',
          columns: i.columns.map((c) => c.replace(/\(\d+\)$/, '')),
        });
  }
}

function toRoutines(rows: RoutineRow[]): RoutineInfo[] {
  const out = new Map<string, { info: RoutineInfo; args: string[]; returns: string | null }>();
  for (const r of rows) {
    let entry = out.get(r.specificName);
    if (!entry) {
      entry = {
        info: {
          name: r.name,
          kind: r.type === 'PROCEDURE' ? 'procedure' : 'function',
          signature: '',
        },
        args: [],
        returns: null,
      };
      out.set(r.specificName, entry);
    }
    if (r.pos === null || r.pos === undefined) continue;
    if (Number(r.pos) === 0) entry.returns = r.dtd;
    else
      entry.args.push(
        [entry.info.kind === 'procedure' ? r.paramMode : null, r.param, r.dtd]
          .filter(Boolean)
          .join(' '),
      );
  }
  return [...out.values()]
    .map(({ info, args, returns }) => ({
      ...info,
      signature: `(${args.join(', ')})${returns ? ` returns ${returns}` : ''}`,
    }))
    .sort(byName);
}

/** `enum('a','b''c')` → ['a', "b'c"]. */
export function enumValues(columnType: string): string[] {
  const inner = /^enum\((.*)\)$/is.exec(columnType)?.[1] ?? '';
  const values: string[] = [];
  const re = /'((?:[^']|'')*)'/g;
  for (let m = re.exec(inner); m; m = re.exec(inner))
    values.push(m[1]!.replace(/''/g, "'").replace(/\\\\/g, '\\'));
  return values;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
