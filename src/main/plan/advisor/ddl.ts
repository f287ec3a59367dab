/** Engine-correct CREATE INDEX / DROP INDEX pairs and statistics commands for the advisor's suggestions. */
import type { Engine } from '../../../shared/connection';
import type { SuggestedSql } from '../../../shared/plan/types';

/** Quotes an identifier the way the engine does (only when it needs quoting, so the SQL stays readable). */
export function quoteIdent(engine: Engine, name: string): string {
  if (/^[a-z_][a-z0-9_]*$/.test(name) && !RESERVED.has(name)) return name;
  if (engine === 'mysql') return `\`${name.replace(/`/g, '``')}\``;
  if (engine === 'mssql') return `[${name.replace(/]/g, ']]')}]`;
  return `"${name.replace(/"/g, '""')}"`;
}

const RESERVED = new Set(['user', 'order', 'group', 'select', 'table', 'index', 'key', 'default', 'check', 'from', 'to', 'where', 'limit', 'desc', 'asc', 'primary', 'references', 'column', 'values']);

/** A table the suggestion targets. */
export interface IndexTarget {
  schema?: string | null;
  table: string;
}

function qualified(engine: Engine, t: IndexTarget): string {
  const schema = t.schema && !(engine === 'sqlite' && t.schema === 'main') ? `${quoteIdent(engine, t.schema)}.` : '';
  return `${schema}${quoteIdent(engine, t.table)}`;
}

/** `idx_<table>_<cols>`, trimmed to the engine's identifier length (63 on PostgreSQL, 64 on MySQL). */
export function indexName(table: string, parts: string[]): string {
  const base = `idx_${table}_${parts.join('_')}`.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/_+/g, '_').replace(/_$/, '');
  return base.slice(0, 60);
}

/**
 * CREATE INDEX on columns (quoted) or expressions (kept as given, already valid SQL for the
 * engine), and the DROP INDEX that undoes it.
 */
export function indexSql(engine: Engine, target: IndexTarget, keys: Array<{ column: string } | { expression: string; label: string }>): SuggestedSql {
  const name = indexName(target.table, keys.map((k) => ('column' in k ? k.column : k.label)));
  const parts = keys.map((k) => ('column' in k ? quoteIdent(engine, k.column) : engine === 'sqlite' ? k.expression : `(${k.expression})`));
  const on = qualified(engine, target);
  const idx = quoteIdent(engine, name);
  const apply = `CREATE INDEX ${idx} ON ${on} (${parts.join(', ')})`;
  // PostgreSQL and SQLite indexes live in the table's schema; MySQL and SQL Server name them per table.
  const schemaPrefix = target.schema && engine === 'postgres' ? `${quoteIdent(engine, target.schema)}.` : target.schema && engine === 'sqlite' && target.schema !== 'main' ? `${quoteIdent(engine, target.schema)}.` : '';
  const undo = engine === 'mysql' || engine === 'mssql' ? `DROP INDEX ${idx} ON ${on}` : `DROP INDEX ${schemaPrefix}${idx}`;
  return { apply, undo };
}

/** The command that refreshes a table's planner statistics on the engine. */
export function analyzeSql(engine: Engine, target: IndexTarget): string {
  const on = qualified(engine, target);
  if (engine === 'mysql') return `ANALYZE TABLE ${on}`;
  if (engine === 'mssql') return `UPDATE STATISTICS ${on}`;
  if (engine === 'sqlite') return `ANALYZE ${on}`;
  return `ANALYZE ${on}`;
}
