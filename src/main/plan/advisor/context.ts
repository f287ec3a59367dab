/** What the advisor knows besides the plan: the engine, the SQL, and the schema snapshot when there is one. */
import type { Engine } from '../../../shared/connection';
import type { PlanNode } from '../../../shared/query';
import type { SchemaSnapshot, TableInfo } from '../../../shared/schema';
import { tableRefs, type TableRef } from './sqlText';

/** The advisor's input besides the plan. */
export interface AdviseContext {
  engine: Engine;
  /** The explained statement. */
  sql: string;
  /** Tables, columns, indexes and foreign keys (row estimates too); without it fewer rules apply. */
  snapshot?: SchemaSnapshot;
  /** Row counts by table name when the snapshot has no estimate (e.g. SQLite without ANALYZE). */
  tableRows?: Record<string, number>;
}

/** A table resolved from a plan relation or an alias. */
export interface ResolvedTable {
  schema: string | null;
  name: string;
  info?: TableInfo;
}

/** Resolves relations and aliases against the SQL's FROM list and the snapshot. */
export class TableResolver {
  private readonly refs: TableRef[];

  constructor(private readonly ctx: AdviseContext) {
    this.refs = tableRefs(ctx.sql);
  }

  /** Tables the statement names. */
  statementTables(): ResolvedTable[] {
    const seen = new Set<string>();
    const out: ResolvedTable[] = [];
    for (const r of this.refs) {
      const t = this.byName(r.name);
      const key = `${t.schema ?? ''}.${t.name}`.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        out.push(t);
      }
    }
    return out;
  }

  /** The table a plan node reads (relation may be an alias on MySQL and SQLite), or undefined. */
  ofNode(node: PlanNode): ResolvedTable | undefined {
    if (!node.relation) return undefined;
    const rel = node.relation;
    const byAlias = this.refs.find((r) => r.alias?.toLowerCase() === rel.toLowerCase() && !this.refs.some((o) => o.name.toLowerCase() === rel.toLowerCase()));
    if (byAlias) return this.byName(byAlias.name);
    return this.byName(rel);
  }

  /** The aliases (and names) the statement uses for a table, lower case. */
  namesFor(t: ResolvedTable): Set<string> {
    const out = new Set<string>([t.name.toLowerCase()]);
    for (const r of this.refs) {
      const last = r.name.split('.').pop()!.toLowerCase();
      if (last === t.name.toLowerCase() && r.alias) out.add(r.alias.toLowerCase());
    }
    return out;
  }

  /** Rows in the table: snapshot estimate, then counted rows, else undefined. */
  rows(t: ResolvedTable | undefined): number | undefined {
    if (!t) return undefined;
    const est = t.info?.rowEstimate;
    if (typeof est === 'number' && est >= 0) return est;
    return this.ctx.tableRows?.[t.name] ?? this.ctx.tableRows?.[`${t.schema ?? ''}.${t.name}`];
  }

  /** Resolves `schema.table` or `table` against the snapshot (default schema first). */
  byName(written: string): ResolvedTable {
    const parts = written.split('.');
    const name = parts.pop()!;
    const schema = parts.pop() ?? null;
    const snap = this.ctx.snapshot;
    if (snap) {
      const lower = name.toLowerCase();
      const schemas = schema ? snap.schemas.filter((s) => s.name.toLowerCase() === schema.toLowerCase()) : snap.schemas;
      for (const s of schemas) {
        const info = s.tables.find((t) => t.name.toLowerCase() === lower);
        if (info) return { schema: s.name, name: info.name, info };
      }
    }
    return { schema, name };
  }
}

/** True when some index of the table starts with exactly these columns (in any order). */
export function hasLeadingIndex(info: TableInfo | undefined, columns: string[]): boolean {
  if (!info) return false;
  const want = columns.map((c) => c.toLowerCase()).sort();
  const candidates = [...info.indexes.map((i) => i.columns), info.primaryKey];
  return candidates.some((cols) => {
    if (cols.length < want.length) return false;
    const lead = cols.slice(0, want.length).map((c) => c.toLowerCase()).sort();
    return lead.every((c, i) => c === want[i]);
  });
}

/** True when the column is the first column of some index (so a function around it defeats that index). */
export function isIndexedColumn(info: TableInfo | undefined, column: string): boolean {
  if (!info) return false;
  const c = column.toLowerCase();
  return info.indexes.some((i) => i.columns[0]?.toLowerCase() === c) || info.primaryKey[0]?.toLowerCase() === c;
}

/** True when the table has this column (true without a snapshot: nothing to check against). */
export function hasColumn(info: TableInfo | undefined, column: string): boolean {
  return !info || info.columns.some((c) => c.name.toLowerCase() === column.toLowerCase());
}
