/** The explorer tree's pure model: groups of a schema, filtering, and node keys. */
import type { RoutineInfo, SchemaInfo, SchemaSnapshot, TableInfo } from '../../../shared/schema';

/** The groups shown under a schema, in order. */
export type GroupKind = 'tables' | 'views' | 'matviews' | 'routines';

/** One group of a schema with its (filtered) items. */
export interface TreeGroup {
  kind: GroupKind;
  label: string;
  tables: TableInfo[];
  routines: RoutineInfo[];
}

/** A schema with its non-empty groups after filtering. */
export interface TreeSchema {
  name: string;
  groups: TreeGroup[];
  /** Items shown (for the count badge). */
  count: number;
}

const LABELS: Record<GroupKind, string> = {
  tables: 'Tables',
  views: 'Views',
  matviews: 'Materialized views',
  routines: 'Routines',
};

function groupOf(t: TableInfo): GroupKind {
  if (t.kind === 'view') return 'views';
  if (t.kind === 'materialized_view') return 'matviews';
  return 'tables';
}

/** True when `name` contains every whitespace-separated word of the filter (case-insensitive). */
export function matchesFilter(name: string, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const lower = name.toLowerCase();
  return words.every((w) => lower.includes(w));
}

/**
 * Builds the tree under one connection. With a filter, only matching items stay, and a schema
 * whose own name matches keeps all its items.
 */
export function buildTree(snapshot: SchemaSnapshot, filter: string): TreeSchema[] {
  const out: TreeSchema[] = [];
  for (const s of snapshot.schemas) {
    const keepAll = !filter || matchesFilter(s.name, filter);
    const tables = keepAll ? s.tables : s.tables.filter((t) => matchesFilter(t.name, filter));
    const routines = keepAll ? s.routines : s.routines.filter((r) => matchesFilter(r.name, filter));
    const groups = buildGroups(tables, routines);
    if (filter && tables.length + routines.length === 0) continue;
    out.push({ name: s.name, groups, count: tables.length + routines.length });
  }
  return out;
}

function buildGroups(tables: TableInfo[], routines: RoutineInfo[]): TreeGroup[] {
  const byKind = new Map<GroupKind, TableInfo[]>();
  for (const t of tables) {
    const k = groupOf(t);
    byKind.set(k, [...(byKind.get(k) ?? []), t]);
  }
  const groups: TreeGroup[] = [];
  for (const kind of ['tables', 'views', 'matviews'] as const) {
    const items = byKind.get(kind);
    if (items?.length || kind === 'tables')
      groups.push({ kind, label: LABELS[kind], tables: items ?? [], routines: [] });
  }
  if (routines.length)
    groups.push({ kind: 'routines', label: LABELS.routines, tables: [], routines });
  return groups;
}

/** A stable key for an expandable node (connection / schema / group / table). */
export function nodeKey(...parts: string[]): string {
  return parts.map((p) => encodeURIComponent(p)).join('/');
}

/** True when a schema has a single schema the user need not expand (SQLite's `main`, MySQL's database). */
export function isSingleSchema(snapshot: SchemaSnapshot): boolean {
  return snapshot.schemas.length === 1;
}

/** Merges lazily loaded table details into the names-only snapshot. */
export function mergeDetails(base: SchemaSnapshot, details: SchemaSnapshot): SchemaSnapshot {
  const detailed = new Map<string, TableInfo>();
  for (const s of details.schemas) for (const t of s.tables) detailed.set(`${s.name}.${t.name}`, t);
  const schemas: SchemaInfo[] = base.schemas.map((s) => ({
    ...s,
    tables: s.tables.map((t) => detailed.get(`${s.name}.${t.name}`) ?? t),
  }));
  return { ...base, schemas };
}
