/**
 * Checks the names generated SQL uses against the schema snapshot: every table (unless it is a
 * CTE or a system catalog) and every column, through aliases. Unknown names come back with the
 * nearest real names so both the user and the repair round can see what was meant.
 *
 * Scoping is deliberately flat (all sources of the statement together): it never flags a
 * correct query, and a made-up name is still caught because it exists in no source at all.
 */
import type { AiProblem } from '../../../shared/contracts/ai';
import type { SchemaSnapshot, TableInfo } from '../../../shared/schema';
import { nearestNames } from './nearest';
import type { SqlRefs, TableRef } from './sqlRefs';

/** Schemas whose tables are never in the snapshot but are fine to read. */
const SYSTEM_SCHEMAS = new Set(['pg_catalog', 'information_schema', 'sys', 'mysql', 'performance_schema', 'sqlite_master', 'sqlite_schema', 'sqlite_temp_master']);
const SYSTEM_TABLE = /^(pg_|sqlite_)/i;
/** Columns every row has without being declared (SQLite rowid, PostgreSQL system columns). */
const IMPLICIT_COLUMNS = new Set(['rowid', 'oid', '_rowid_', 'ctid', 'xmin', 'xmax', 'cmin', 'cmax', 'tableoid']);

interface KnownTable {
  ref: string;
  info: TableInfo;
  columns: Set<string>;
}

/** The outcome of the name check. */
export interface NameCheck {
  problems: AiProblem[];
  /** Real tables the SQL uses (`schema.table`), in order of appearance. */
  tablesUsed: string[];
}

const lc = (s: string): string => s.toLowerCase();

function indexSnapshot(snapshot: SchemaSnapshot): { byName: Map<string, KnownTable[]>; all: KnownTable[] } {
  const byName = new Map<string, KnownTable[]>();
  const all: KnownTable[] = [];
  for (const s of snapshot.schemas) {
    for (const t of s.tables) {
      const k: KnownTable = { ref: `${s.name}.${t.name}`, info: t, columns: new Set(t.columns.map((c) => lc(c.name))) };
      all.push(k);
      byName.set(lc(t.name), [...(byName.get(lc(t.name)) ?? []), k]);
    }
  }
  return { byName, all };
}

/** Checks `refs` against `snapshot`. */
export function checkNames(refs: SqlRefs, snapshot: SchemaSnapshot): NameCheck {
  const { byName, all } = indexSnapshot(snapshot);
  const problems: AiProblem[] = [];
  const ctes = new Set([...refs.ctes].map(lc));
  const derived = new Set([...refs.derived].map(lc));
  /** alias or table name → the real table, or null for CTEs / unknown tables. */
  const sources = new Map<string, KnownTable | null>();
  const used: KnownTable[] = [];
  const reported = new Set<string>();

  const resolveTable = (t: TableRef): KnownTable | null | 'system' => {
    if (!t.schema && ctes.has(lc(t.name))) return null;
    if ((t.schema && SYSTEM_SCHEMAS.has(lc(t.schema))) || SYSTEM_SCHEMAS.has(lc(t.name)) || SYSTEM_TABLE.test(t.name)) return 'system';
    const candidates = byName.get(lc(t.name)) ?? [];
    const match = t.schema ? candidates.find((c) => lc(c.ref.split('.')[0]) === lc(t.schema!)) : candidates[0];
    return match ?? null;
  };

  for (const t of refs.tables) {
    const found = resolveTable(t);
    const key = lc(t.alias ?? t.name);
    if (found === 'system') {
      derived.add(key);
      continue;
    }
    sources.set(key, found);
    if (t.alias) sources.set(lc(t.name), sources.get(lc(t.name)) ?? found);
    if (found) {
      if (!used.includes(found)) used.push(found);
      continue;
    }
    if (!t.schema && ctes.has(lc(t.name))) continue;
    const shown = t.schema ? `${t.schema}.${t.name}` : t.name;
    if (reported.has(`t:${lc(shown)}`)) continue;
    reported.add(`t:${lc(shown)}`);
    const suggestions = nearestNames(t.name, all.map((k) => k.ref));
    problems.push({ kind: 'table', severity: 'error', name: shown, suggestions, message: `Table "${shown}" does not exist.${didYouMean(suggestions)}` });
  }

  // Columns of every real source, plus the names queries define themselves.
  const visible = new Set<string>([...refs.outputNames].map(lc));
  for (const k of used) for (const c of k.columns) visible.add(c);
  const hasUnknownSource = [...sources.values()].some((v) => v === null) || derived.size > 0 || ctes.size > 0;

  const reportColumn = (name: string, shown: string, inTables: KnownTable[]): void => {
    if (reported.has(`c:${lc(shown)}`)) return;
    reported.add(`c:${lc(shown)}`);
    const own = nearestNames(name, inTables.flatMap((k) => k.info.columns.map((c) => c.name)));
    const elsewhere = all.filter((k) => !inTables.includes(k) && k.columns.has(lc(name))).map((k) => `${k.ref}.${name}`);
    const suggestions = [...own, ...elsewhere].slice(0, 4);
    const where = inTables.length === 1 ? ` in ${inTables[0].ref}` : '';
    problems.push({ kind: 'column', severity: 'error', name: shown, suggestions, message: `Column "${shown}" does not exist${where}.${didYouMean(suggestions)}` });
  };

  for (const c of refs.columns) {
    if (c.qualifier) {
      const q = lc(c.qualifier);
      if (derived.has(q) || (ctes.has(q) && !sources.has(q))) continue;
      if (!sources.has(q)) {
        if (ctes.has(q)) continue;
        const aliases = [...sources.keys()];
        const suggestions = nearestNames(c.qualifier, aliases);
        if (!reported.has(`q:${q}`)) {
          reported.add(`q:${q}`);
          problems.push({ kind: 'table', severity: 'error', name: c.qualifier, suggestions, message: `"${c.qualifier}" is not a table or alias in this query (used in ${c.qualifier}.${c.name}).${didYouMean(suggestions)}` });
        }
        continue;
      }
      const table = sources.get(q);
      if (!table) continue; // a CTE or a table already reported as unknown
      if (!table.columns.has(lc(c.name)) && !IMPLICIT_COLUMNS.has(lc(c.name))) reportColumn(c.name, `${c.qualifier}.${c.name}`, [table]);
      continue;
    }
    if (visible.has(lc(c.name)) || IMPLICIT_COLUMNS.has(lc(c.name))) continue;
    // Unqualified and in no real source: it may come from a CTE or subquery output we cannot list.
    if (hasUnknownSource && refs.outputNames.size === 0 && used.length === 0) continue;
    reportColumn(c.name, c.name, used);
  }

  for (const tc of refs.targetColumns) {
    const table = sources.get(lc(tc.table.alias ?? tc.table.name)) ?? sources.get(lc(tc.table.name));
    if (table && !table.columns.has(lc(tc.name))) reportColumn(tc.name, `${table.info.name}.${tc.name}`, [table]);
  }

  return { problems, tablesUsed: used.map((k) => k.ref) };
}

function didYouMean(suggestions: string[]): string {
  return suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
}
