/**
 * The insert plan: which tables get rows, in which order (parents first), and which foreign keys
 * are filled in a second pass because they close a cycle. Pure: it reads a SchemaSnapshot only.
 */
import { AppError } from '../../shared/errors';
import type { ForeignKeyInfo, SchemaSnapshot, TableInfo } from '../../shared/schema';

/** One table in the plan. */
export interface PlannedTable {
  schema: string;
  table: TableInfo;
  /** `schema.table`, the plan's key for the table. */
  key: string;
  /** True when the user did not choose it but a chosen table needs its rows (filled only if empty). */
  auto: boolean;
  /** Foreign keys filled while inserting (parent rows exist by then, or it is a self-reference). */
  fks: { fk: ForeignKeyInfo; parent: string }[];
  /** Foreign keys inserted as NULL and filled by an UPDATE once every table has rows. */
  deferred: { fk: ForeignKeyInfo; parent: string }[];
}

/** The ordered plan. */
export interface MockPlan {
  tables: PlannedTable[];
}

/** `schema.table` for a foreign key's parent. */
function parentKey(schema: string, fk: ForeignKeyInfo): string {
  return `${fk.refSchema || schema}.${fk.refTable}`;
}

function fkNullable(t: TableInfo, fk: ForeignKeyInfo): boolean {
  return fk.columns.every((c) => t.columns.find((col) => col.name === c)?.nullable !== false);
}

/** Resolves `name` or `schema.name` against the snapshot's tables. */
function findTable(snapshot: SchemaSnapshot, name: string): { schema: string; table: TableInfo } {
  const dot = name.lastIndexOf('.');
  const wantSchema = dot > 0 ? name.slice(0, dot) : undefined;
  const wantTable = dot > 0 ? name.slice(dot + 1) : name;
  for (const s of snapshot.schemas) {
    if (wantSchema !== undefined && s.name !== wantSchema) continue;
    const t = s.tables.find((x) => x.kind === 'table' && x.name === wantTable) ??
      s.tables.find((x) => x.kind === 'table' && x.name.toLowerCase() === wantTable.toLowerCase());
    if (t) return { schema: s.name, table: t };
  }
  throw new AppError('NOT_FOUND', `Table "${name}" was not found. Run \`querygenie introspect\` to list the tables.`);
}

/**
 * Builds the plan for `tables` (every table when omitted). Parents that a chosen table needs
 * through a NOT NULL foreign key are added (as `auto`). Cycles are broken through nullable
 * foreign keys; a cycle of NOT NULL keys cannot be filled and is reported.
 */
export function buildPlan(snapshot: SchemaSnapshot, tables?: string[]): MockPlan {
  const byKey = new Map<string, PlannedTable>();
  const add = (schema: string, table: TableInfo, auto: boolean): void => {
    const key = `${schema}.${table.name}`;
    const existing = byKey.get(key);
    if (existing) {
      if (!auto) existing.auto = false;
      return;
    }
    byKey.set(key, { schema, table, key, auto, fks: [], deferred: [] });
  };
  if (tables && tables.length) {
    for (const name of tables) {
      const f = findTable(snapshot, name);
      add(f.schema, f.table, false);
    }
  } else for (const s of snapshot.schemas) for (const t of s.tables) if (t.kind === 'table') add(s.name, t, false);
  // Pull in required parents transitively.
  const queue = [...byKey.values()];
  while (queue.length) {
    const p = queue.shift()!;
    for (const fk of p.table.foreignKeys) {
      const pk = parentKey(p.schema, fk);
      if (byKey.has(pk) || fkNullable(p.table, fk)) continue;
      const f = findTable(snapshot, pk);
      add(f.schema, f.table, true);
      queue.push(byKey.get(pk)!);
    }
  }
  for (const p of byKey.values())
    for (const fk of p.table.foreignKeys) {
      // A nullable key to a table outside the plan still references that table's existing rows.
      p.fks.push({ fk, parent: parentKey(p.schema, fk) });
    }
  return { tables: order([...byKey.values()], byKey) };
}

/** Kahn's algorithm; when stuck, defers a nullable foreign key inside the remaining cycle. */
function order(all: PlannedTable[], byKey: Map<string, PlannedTable>): PlannedTable[] {
  const done = new Set<string>();
  const out: PlannedTable[] = [];
  const waitingOn = (p: PlannedTable): string[] =>
    p.fks.map((f) => f.parent).filter((k) => k !== p.key && byKey.has(k) && !done.has(k));
  let remaining = [...all];
  while (remaining.length) {
    const ready = remaining.filter((p) => waitingOn(p).length === 0);
    if (ready.length) {
      for (const p of ready) {
        done.add(p.key);
        out.push(p);
      }
      remaining = remaining.filter((p) => !done.has(p.key));
      continue;
    }
    let broke = false;
    for (const p of remaining) {
      const i = p.fks.findIndex((f) => f.parent !== p.key && byKey.has(f.parent) && !done.has(f.parent) && fkNullable(p.table, f.fk));
      if (i >= 0) {
        p.deferred.push(...p.fks.splice(i, 1));
        broke = true;
        break;
      }
    }
    if (!broke)
      throw new AppError(
        'UNSUPPORTED',
        `Tables ${remaining.map((p) => `"${p.key}"`).join(', ')} reference each other through NOT NULL foreign keys, so no insert order works. Make one of those foreign key columns nullable or deferrable, or fill one table by hand first.`,
      );
  }
  return out;
}
