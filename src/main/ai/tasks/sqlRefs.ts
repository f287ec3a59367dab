/**
 * Parses generated SQL in its dialect and lists the names it refers to: tables (with aliases),
 * CTE and derived-table names, column references and output names. PostgreSQL uses the real
 * PostgreSQL parser (libpg-query, loaded by the read-only guard); the other engines use
 * node-sql-parser with their database option. The name check (names.ts) works on this neutral shape.
 */
import { parseSync } from 'libpg-query';
import type { Engine } from '../../../shared/connection';
import { loadGenericParser } from '../../query/guard/generic';
// Imported for its side effect too: it awaits libpg-query's WASM module once.
import { classifyPostgres } from '../../query/guard/postgres';

/** A table as the SQL names it. */
export interface TableRef {
  schema?: string;
  name: string;
  alias?: string;
}

/** A column as the SQL names it (`qualifier.name` or just `name`). */
export interface ColumnRef {
  qualifier?: string;
  name: string;
}

/** What a statement refers to. */
export interface SqlRefs {
  statements: number;
  tables: TableRef[];
  /** Names of CTEs (usable as tables). */
  ctes: Set<string>;
  /** Aliases of subqueries, functions and VALUES lists (their columns are not checked). */
  derived: Set<string>;
  /** Output names (`AS x`, CTE column lists) that ORDER BY / outer queries may use. */
  outputNames: Set<string>;
  columns: ColumnRef[];
  /** INSERT/UPDATE target columns, checked against their table. */
  targetColumns: { table: TableRef; name: string }[];
}

/** A parse outcome: the refs, or the parser's message. */
export type ParseOutcome = { ok: true; refs: SqlRefs } | { ok: false; message: string; authoritative: boolean };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function emptyRefs(): SqlRefs {
  return { statements: 0, tables: [], ctes: new Set(), derived: new Set(), outputNames: new Set(), columns: [], targetColumns: [] };
}

/** node-sql-parser's database option for an engine. */
export function parserDatabase(engine: Engine): 'sqlite' | 'mysql' | 'transactsql' | 'postgresql' {
  return engine === 'postgres' ? 'postgresql' : engine === 'mssql' ? 'transactsql' : engine;
}

/**
 * Parses `sql` and collects its references. `authoritative` failures come from the engine's own
 * grammar (PostgreSQL); node-sql-parser failures are not, since it lacks parts of each dialect.
 */
export function parseRefs(sql: string, engine: Engine): ParseOutcome {
  try {
    return { ok: true, refs: engine === 'postgres' ? pgRefs(sql) : genericRefs(sql, engine) };
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 500);
    return { ok: false, message, authoritative: engine === 'postgres' };
  }
}

// ---------- PostgreSQL (libpg-query AST) ----------

const str = (v: unknown): string | undefined => (isObj(v) && isObj(v.String) && typeof v.String.sval === 'string' ? v.String.sval : undefined);

function rangeVarRef(rv: Obj): TableRef {
  const alias = isObj(rv.alias) && typeof rv.alias.aliasname === 'string' ? rv.alias.aliasname : undefined;
  return { schema: typeof rv.schemaname === 'string' ? rv.schemaname : undefined, name: String(rv.relname), alias };
}

function pgRefs(sql: string): SqlRefs {
  void classifyPostgres; // keeps the import (the WASM module is loaded by that module)
  const parsed = parseSync(sql) as { stmts?: { stmt?: unknown }[] };
  const refs = emptyRefs();
  refs.statements = parsed.stmts?.length ?? 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObj(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (!isObj(value)) {
        walk(value);
        continue;
      }
      // Statement targets (INSERT/UPDATE/DELETE `relation`) are RangeVars without the wrapper key.
      if (key === 'RangeVar' || (key === 'relation' && typeof value.relname === 'string')) refs.tables.push(rangeVarRef(value));
      else if (key === 'CommonTableExpr') {
        if (typeof value.ctename === 'string') refs.ctes.add(value.ctename);
        for (const c of Array.isArray(value.aliascolnames) ? value.aliascolnames : []) if (str(c)) refs.outputNames.add(str(c)!);
      } else if ((key === 'RangeSubselect' || key === 'RangeFunction' || key === 'RangeTableFunc') && isObj(value.alias)) {
        if (typeof value.alias.aliasname === 'string') refs.derived.add(value.alias.aliasname);
        for (const c of Array.isArray(value.alias.colnames) ? value.alias.colnames : []) if (str(c)) refs.outputNames.add(str(c)!);
      } else if (key === 'ColumnRef') {
        const fields = Array.isArray(value.fields) ? value.fields : [];
        const names = fields.map(str);
        if (names.length && names.every((n) => n !== undefined)) {
          const parts = names as string[];
          refs.columns.push(parts.length === 1 ? { name: parts[0] } : { qualifier: parts[parts.length - 2], name: parts[parts.length - 1] });
        }
      } else if (key === 'ResTarget' && typeof value.name === 'string') refs.outputNames.add(value.name);
      else if (key === 'InsertStmt' || key === 'UpdateStmt') {
        const target = isObj(value.relation) ? rangeVarRef(value.relation) : undefined;
        const cols = key === 'InsertStmt' ? value.cols : value.targetList;
        if (target) for (const c of Array.isArray(cols) ? cols : []) if (isObj(c) && isObj(c.ResTarget) && typeof c.ResTarget.name === 'string') refs.targetColumns.push({ table: target, name: c.ResTarget.name });
        // The target columns are not output names: walk the rest without them.
        const { cols: _c, targetList, ...rest } = value;
        void _c;
        if (key === 'UpdateStmt') for (const t of Array.isArray(targetList) ? targetList : []) if (isObj(t) && isObj(t.ResTarget)) walk(t.ResTarget.val);
        walk(rest);
        continue;
      }
      walk(value);
    }
  };
  walk(parsed.stmts);
  return refs;
}

// ---------- MySQL / SQLite / SQL Server (node-sql-parser AST) ----------

function columnName(c: unknown): string | undefined {
  if (typeof c === 'string') return c;
  if (isObj(c) && isObj(c.expr) && typeof c.expr.value === 'string') return c.expr.value;
  return undefined;
}

function genericRefs(sql: string, engine: Engine): SqlRefs {
  const db = parserDatabase(engine) as 'sqlite' | 'mysql' | 'transactsql';
  const ast = loadGenericParser(db).astify(sql, { database: db });
  const list = Array.isArray(ast) ? ast : [ast];
  const refs = emptyRefs();
  refs.statements = list.length;
  const tableOf = (t: Obj): TableRef => ({
    schema: typeof t.schema === 'string' ? t.schema : typeof t.db === 'string' ? t.db : undefined,
    name: String(t.table),
    alias: typeof t.as === 'string' ? t.as : undefined,
  });
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObj(node)) return;
    if (node.type === 'column_ref') {
      const name = columnName(node.column);
      if (name && name !== '*') refs.columns.push({ qualifier: typeof node.table === 'string' ? node.table : undefined, name });
      return;
    }
    if (typeof node.table === 'string' && !('column' in node) && ('as' in node || 'db' in node)) refs.tables.push(tableOf(node));
    if (isObj(node.expr) && typeof node.as === 'string' && ('ast' in node.expr || node.expr.type === 'values')) refs.derived.add(node.as);
    if (typeof node.as === 'string' && 'expr' in node && !('table' in node)) refs.outputNames.add(node.as);
    if (Array.isArray(node.with)) {
      for (const w of node.with) {
        if (!isObj(w)) continue;
        const name = isObj(w.name) ? w.name.value : w.name;
        if (typeof name === 'string') refs.ctes.add(name);
        for (const c of Array.isArray(w.columns) ? w.columns : []) if (columnName(c)) refs.outputNames.add(columnName(c)!);
      }
    }
    if ((node.type === 'insert' || node.type === 'replace') && Array.isArray(node.table) && isObj(node.table[0])) {
      const target = tableOf(node.table[0]);
      for (const c of Array.isArray(node.columns) ? node.columns : []) if (columnName(c)) refs.targetColumns.push({ table: target, name: columnName(c)! });
      const { columns: _c, ...rest } = node;
      void _c;
      for (const v of Object.values(rest)) walk(v);
      return;
    }
    if (node.type === 'update' && Array.isArray(node.set)) {
      const first = Array.isArray(node.table) && isObj(node.table[0]) ? tableOf(node.table[0]) : undefined;
      for (const s of node.set) {
        if (!isObj(s) || !first) continue;
        const name = columnName(s.column);
        if (name) refs.targetColumns.push({ table: typeof s.table === 'string' ? { name: s.table } : first, name });
        walk(s.value);
      }
      const { set: _s, ...rest } = node;
      void _s;
      for (const v of Object.values(rest)) walk(v);
      return;
    }
    for (const v of Object.values(node)) walk(v);
  };
  walk(list);
  return refs;
}
