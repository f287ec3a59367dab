/**
 * Just enough reading of SQL and of engines' filter text for the advisor: table references with
 * their aliases, `SELECT *`, columns compared in a predicate, and functions wrapped around
 * columns. Deliberately lexical: the plan already did the real parsing, and a heuristic that
 * misses a case only means one finding fewer.
 */

/** A table named in FROM/JOIN, with its alias when it has one. */
export interface TableRef {
  /** As written, unquoted (may be schema-qualified). */
  name: string;
  alias?: string;
}

const IDENT = String.raw`(?:"[^"]+"|\`[^\`]+\`|\[[^\]]+\]|[A-Za-z_][\w$]*)`;
const QUALIFIED = String.raw`${IDENT}(?:\s*\.\s*${IDENT}){0,2}`;
const NOT_ALIAS = new Set(['where', 'join', 'inner', 'left', 'right', 'full', 'cross', 'on', 'using', 'group', 'order', 'limit', 'natural', 'outer', 'union', 'having', 'window', 'offset', 'fetch', 'for', 'set', 'lateral']);

/** Removes identifier quotes: `"a"`, `` `a` ``, `[a]` → a. */
export function unquote(name: string): string {
  return unquoteText(name.replace(/\s+/g, ''));
}

/** Removes identifier quotes inside a longer text, keeping its spacing. */
function unquoteText(text: string): string {
  return text.replace(/"([^"]*)"|`([^`]*)`|\[([^\]]*)\]/g, (_m, a?: string, b?: string, c?: string) => a ?? b ?? c ?? '');
}

/** Drops comments and string literals' contents, so keywords inside them are not read. */
export function stripLiterals(sql: string): string {
  return sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ').replace(/'(?:[^']|'')*'/g, "''");
}

/** Tables of FROM and JOIN clauses (comma lists included). */
export function tableRefs(sql: string): TableRef[] {
  const text = stripLiterals(sql);
  const out: TableRef[] = [];
  // The alias must not swallow a keyword (`, o.note FROM t` would otherwise hide the FROM).
  const notKeyword = String.raw`(?!(?:${[...NOT_ALIAS, 'from', 'as'].join('|')})\b)`;
  const re = new RegExp(String.raw`\b(from|join|,)\s+(${QUALIFIED})(?:\s+(?:as\s+)?${notKeyword}(${IDENT}))?`, 'gi');
  for (const m of text.matchAll(re)) {
    const name = unquote(m[2]!);
    if (/^(select|lateral|unnest)$/i.test(name)) continue;
    // A comma only starts a table inside FROM: skip commas of select lists (followed by "(" or an expression).
    if (m[1] === ',' && !/\bfrom\b[^()]*$/i.test(text.slice(0, m.index))) continue;
    const alias = m[3] && !NOT_ALIAS.has(m[3].toLowerCase()) ? unquote(m[3]) : undefined;
    out.push(alias ? { name, alias } : { name });
  }
  return out;
}

/** True when the statement selects `*` or `t.*`. */
export function selectsStar(sql: string): boolean {
  return /\bselect\s+(?:distinct\s+|all\s+|top\s+\d+\s+)?(?:[\w"`[\]]+\s*\.\s*)?\*/i.test(stripLiterals(sql));
}

/** Normalises a filter: no quotes, no casts (`::text`), no qualifiers kept separately. */
function plain(text: string): string {
  const bare = unquoteText(text.replace(/::\s*"?[\w ]+"?(\[\])?/g, ''))
    // SQL Server: `[db].[dbo].[t].[c] as [o].[c]` → `o.c`; other multi-part names keep their last two parts.
    .replace(/(?:\w+\.)+\w+ as (\w+\.\w+)/gi, '$1')
    .replace(/(?:\w+\.)+(\w+\.\w+)/g, '$1');
  return bare.replace(/\s+/g, ' ');
}

/** A column (lower case, unqualified) with its qualifier when one was written. */
export interface ColumnUse {
  column: string;
  qualifier?: string;
  /** 'eq' for =/IN/IS, 'range' for <, >, BETWEEN, LIKE 'x%'. */
  kind: 'eq' | 'range';
}

/** Columns compared with a value in a predicate (`col = 5`, `t.col > $1`, `col IN (…)`). */
export function comparedColumns(filter: string): ColumnUse[] {
  const text = plain(filter);
  const out: ColumnUse[] = [];
  const re = /(?<![\w.(])\(*(?:(\w+)\.)?(\w+)\)*\s*(=|<>|!=|<=|>=|<|>|\bin\b|\bbetween\b|\blike\b|\bis\b)\s*(\(?\s*(?:'|-?\d|\$\d|\?|:|@|null|true|false|\(|const|current_|now)|[A-Za-z_])/gi;
  for (const m of text.matchAll(re)) {
    const column = m[2]!.toLowerCase();
    if (/^\d/.test(column) || ['and', 'or', 'not', 'null', 'true', 'false'].includes(column)) continue;
    const op = m[3]!.toLowerCase();
    if (op === '<>' || op === '!=') continue;
    const use: ColumnUse = { column, kind: op === '=' || op === 'in' || op === 'is' ? 'eq' : 'range' };
    if (m[1]) use.qualifier = m[1].toLowerCase();
    out.push(use);
  }
  return out;
}

/** A function call (or CAST) around a column: `lower(email)`, `CAST(id AS text)`. */
export interface WrappedColumn {
  fn: string;
  column: string;
  qualifier?: string;
  /** The call as written (normalised), for an expression index. */
  expression: string;
}

const NOT_FUNCTIONS = new Set(['in', 'and', 'or', 'not', 'exists', 'any', 'all', 'values', 'using', 'on', 'select', 'where', 'from', 'over']);

/** Functions and casts wrapped directly around a column in a predicate. */
export function wrappedColumns(filter: string): WrappedColumn[] {
  const text = plain(filter);
  const out: WrappedColumn[] = [];
  const re = /\b([A-Za-z_]\w*)\s*\(\s*\(*\s*(?:(\w+)\.)?([A-Za-z_]\w*)\s*\)*\s*(?:\)|,|\bas\b\s+(\w+)\s*\))/gi;
  for (const m of text.matchAll(re)) {
    const fn = m[1]!.toLowerCase();
    if (NOT_FUNCTIONS.has(fn)) continue;
    const column = m[3]!.toLowerCase();
    if (/^(null|true|false)$/.test(column)) continue;
    const w: WrappedColumn = { fn, column, expression: fn === 'cast' ? `CAST(${column} AS ${m[4] ?? 'text'})` : `${fn}(${column})` };
    if (m[2]) w.qualifier = m[2].toLowerCase();
    out.push(w);
  }
  return out;
}

/** The WHERE clause of a statement (up to GROUP/ORDER/LIMIT), or '' — for engines whose plan has no filter text. */
export function whereClause(sql: string): string {
  const m = /\bwhere\b([\s\S]*?)(?:\bgroup\s+by\b|\border\s+by\b|\blimit\b|\bhaving\b|\bunion\b|\bfetch\b|$)/i.exec(sql);
  return m?.[1]?.trim() ?? '';
}

/** Equalities between two qualified columns (`o.customer_id = c.id`), both ways. */
export function joinEqualities(text: string): Array<[ColumnUse, ColumnUse]> {
  const out: Array<[ColumnUse, ColumnUse]> = [];
  const re = /\(*(?:(\w+)\.)?(\w+)\)*\s*=\s*\(*(?:(\w+)\.)(\w+)\)*/g;
  for (const m of plain(stripLiterals(text)).matchAll(re)) {
    const a: ColumnUse = { column: m[2]!.toLowerCase(), kind: 'eq', ...(m[1] ? { qualifier: m[1].toLowerCase() } : {}) };
    const b: ColumnUse = { column: m[4]!.toLowerCase(), kind: 'eq', qualifier: m[3]!.toLowerCase() };
    out.push([a, b]);
  }
  return out;
}
