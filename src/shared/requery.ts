/**
 * Re-querying a large result sorted or filtered by the server: the user's SELECT is wrapped as a
 * derived table. Pure (no Node, no DOM): the renderer builds the SQL, tests run it on each engine.
 */
import type { Engine } from './connection';

/** A sort on one result column. */
export interface SortSpec {
  column: number;
  dir: 'asc' | 'desc';
}

/** Per-column "contains" filters (case-insensitive); "NULL" alone matches NULL cells. */
export type Filters = Record<number, string>;

/** Quotes an identifier for `engine`. */
export function quoteIdent(name: string, engine: Engine | undefined): string {
  if (engine === 'mysql') return `\`${name.replace(/`/g, '``')}\``;
  if (engine === 'mssql') return `[${name.replace(/]/g, ']]')}]`;
  return `"${name.replace(/"/g, '""')}"`;
}

/** A SQL string literal. */
export function quoteText(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Wraps a SELECT so the server sorts and filters it: `SELECT * FROM (<sql>) q WHERE … ORDER BY n`.
 * Sorting uses the column ordinal (portable, immune to odd or duplicate names).
 */
export function wrapQuery(
  sql: string,
  columns: string[],
  sort: SortSpec | null,
  filters: Filters,
  engine: Engine | undefined,
): string {
  const inner = sql.trim().replace(/;+\s*$/, '');
  const textType = engine === 'mysql' ? 'CHAR' : engine === 'mssql' ? 'NVARCHAR(MAX)' : 'TEXT';
  const where = Object.entries(filters)
    .filter(([, f]) => f.trim() !== '')
    .map(([c, f]) => {
      const col = `q.${quoteIdent(columns[Number(c)] ?? '', engine)}`;
      const needle = f.trim();
      if (needle.toLowerCase() === 'null') return `${col} IS NULL`;
      // '!' as the LIKE escape: a backslash means different things in MySQL and standard SQL.
      const pattern = quoteText(`%${needle.toLowerCase().replace(/[!%_]/g, (m) => `!${m}`)}%`);
      return `LOWER(CAST(${col} AS ${textType})) LIKE ${pattern} ESCAPE '!'`;
    });
  let out = `SELECT * FROM (\n${inner}\n) q`;
  if (where.length) out += `\nWHERE ${where.join('\n  AND ')}`;
  if (sort) out += `\nORDER BY ${sort.column + 1} ${sort.dir.toUpperCase()}`;
  return out;
}

