/**
 * The pure model of a data-dictionary page, shared by the static-site exporters (main) and the
 * in-app Docs view (renderer): table lookup, key markers per column, the "referenced by" index
 * and the direct neighbours a small diagram shows. One model, several renderers (as tbls does).
 */
import type { DocsBundle, DocTarget } from './docs';
import type { ForeignKeyInfo, SchemaSnapshot, TableInfo } from './schema';

/** A table located in a snapshot. */
export interface TableEntry {
  schema: string;
  table: TableInfo;
  /** `schema.table`, the DocTarget of the table. */
  target: DocTarget;
}

/** A foreign key pointing at a table, seen from the referenced side. */
export interface IncomingKey {
  schema: string;
  table: string;
  fk: ForeignKeyInfo;
}

/** The key markers a column can carry. */
export type KeyMarker = 'PK' | 'FK' | 'UQ';

/** `schema.table` (or `schema.table.column`), the way descriptions are keyed. */
export function docTarget(schema: string, table: string, column?: string): DocTarget {
  return column === undefined ? `${schema}.${table}` : `${schema}.${table}.${column}`;
}

// Internal map key: a NUL cannot appear in an identifier, so dots in names cannot collide.
const k = (schema: string, table: string): string => `${schema}\u0000${table}`;

/** Every table of a snapshot in schema/name order, with a lookup by (schema, table). */
export class TableIndex {
  readonly entries: TableEntry[] = [];
  private readonly byKey = new Map<string, TableEntry>();
  private readonly incoming = new Map<string, IncomingKey[]>();

  constructor(readonly snapshot: SchemaSnapshot) {
    for (const s of snapshot.schemas) {
      for (const t of s.tables) {
        const e: TableEntry = { schema: s.name, table: t, target: docTarget(s.name, t.name) };
        this.entries.push(e);
        this.byKey.set(k(s.name, t.name), e);
      }
    }
    for (const e of this.entries) {
      for (const fk of e.table.foreignKeys) {
        const key = k(fk.refSchema, fk.refTable);
        const list = this.incoming.get(key) ?? [];
        list.push({ schema: e.schema, table: e.table.name, fk });
        this.incoming.set(key, list);
      }
    }
  }

  /** The table, or undefined. */
  get(schema: string, table: string): TableEntry | undefined {
    return this.byKey.get(k(schema, table));
  }

  /** Finds a table by its `schema.table` target (names may themselves contain dots). */
  find(target: string): TableEntry | undefined {
    for (let i = target.indexOf('.'); i >= 0; i = target.indexOf('.', i + 1)) {
      const hit = this.get(target.slice(0, i), target.slice(i + 1));
      if (hit) return hit;
    }
    // A bare table name: the first schema that has it.
    return this.entries.find((e) => e.table.name === target);
  }

  /** The table a target is about: `schema.table` or `schema.table.column` (no bare-name guessing). */
  tableOf(target: string): TableEntry | undefined {
    for (let i = target.indexOf('.'); i >= 0; i = target.indexOf('.', i + 1)) {
      const hit = this.get(target.slice(0, i), target.slice(i + 1));
      if (hit) return hit;
    }
    const cut = target.lastIndexOf('.');
    return cut > 0 ? this.tableOf(target.slice(0, cut)) : undefined;
  }

  /** The foreign keys of other tables (or itself) that reference this table. */
  referencedBy(schema: string, table: string): IncomingKey[] {
    return this.incoming.get(k(schema, table)) ?? [];
  }

  /**
   * The tables this one references or is referenced by (one hop), itself first, at most `max`
   * tables so a hub table's diagram stays small and readable.
   */
  neighbours(schema: string, table: string, max = 12): TableEntry[] {
    const self = this.get(schema, table);
    if (!self) return [];
    const seen = new Set<string>([k(schema, table)]);
    const out: TableEntry[] = [self];
    const add = (s: string, t: string): void => {
      const key = k(s, t);
      if (seen.has(key) || out.length >= max) return;
      const e = this.byKey.get(key);
      if (!e) return;
      seen.add(key);
      out.push(e);
    };
    for (const fk of self.table.foreignKeys) add(fk.refSchema, fk.refTable);
    for (const inc of this.referencedBy(schema, table)) add(inc.schema, inc.table);
    return out;
  }

  /** A snapshot holding only the given tables (for a neighbour diagram). */
  subSnapshot(tables: TableEntry[]): SchemaSnapshot {
    const bySchema = new Map<string, TableInfo[]>();
    for (const e of tables) bySchema.set(e.schema, [...(bySchema.get(e.schema) ?? []), e.table]);
    return {
      ...this.snapshot,
      schemas: [...bySchema].map(([name, ts]) => ({ name, tables: ts, routines: [], enums: [] })),
    };
  }
}

/** PK / FK / UQ markers per column name. */
export function columnKeys(table: TableInfo): Map<string, KeyMarker[]> {
  const out = new Map<string, KeyMarker[]>();
  const mark = (col: string, m: KeyMarker): void => {
    const list = out.get(col) ?? [];
    if (!list.includes(m)) list.push(m);
    out.set(col, list);
  };
  for (const c of table.primaryKey) mark(c, 'PK');
  for (const fk of table.foreignKeys) for (const c of fk.columns) mark(c, 'FK');
  for (const c of table.constraints) if (c.kind === 'unique' && c.columns.length === 1) mark(c.columns[0]!, 'UQ');
  for (const ix of table.indexes) if (ix.unique && !ix.primary && ix.columns.length === 1) mark(ix.columns[0]!, 'UQ');
  return out;
}

/** The user's description of a target ('' when there is none). */
export function descriptionOf(bundle: Pick<DocsBundle, 'descriptions'>, target: DocTarget): string {
  return bundle.descriptions[target]?.trim() ?? '';
}

/** Row estimate as text ("~12,345 rows", "row count unknown"). */
export function rowEstimateText(n: number | null): string {
  if (n === null || n < 0) return 'row count unknown';
  return `~${n.toLocaleString('en-US')} rows`;
}

/** Coverage ratio as a percentage text ("73%"). */
export function percent(documented: number, total: number): string {
  return total === 0 ? '—' : `${Math.round((documented / total) * 100)}%`;
}
