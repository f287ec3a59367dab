/**
 * Query parameters, pure: finds `:name`, `$1` and `?` placeholders outside strings, quoted
 * identifiers and comments, and substitutes the values the user typed as properly quoted SQL
 * literals. Substitution happens client-side because `query.run` takes a script, not bound
 * values, and a script may hold several statements; the literal rules below keep it safe
 * (quotes doubled, MySQL backslashes escaped) and the user sees exactly what ran in history.
 */
import type { CursorDialect } from '../../../shared/sqlCursor';

/** One placeholder in the SQL text. */
export interface ParamOccurrence {
  /** The key the user fills in: `name` for `:name`, `$1`, or `?1`, `?2`… in order for `?`. */
  key: string;
  start: number;
  end: number;
}

/** Finds the placeholders of a script; each `?` gets its own key, repeated names share one. */
export function findParams(sql: string, dialect: CursorDialect): ParamOccurrence[] {
  const out: ParamOccurrence[] = [];
  let question = 0;
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    const next = sql[i + 1] ?? '';
    if (c === '-' && next === '-') i = until(sql, '\n', i);
    else if (c === '#' && dialect === 'mysql') i = until(sql, '\n', i);
    else if (c === '/' && next === '*') i = until(sql, '*/', i + 2) + 2;
    else if (c === "'" || c === '"' || c === '`') i = skipQuoted(sql, i, c, dialect === 'mysql' && c !== '`');
    else if (c === '[' && dialect === 'mssql') i = until(sql, ']', i) + 1;
    else if (c === '$' && dialect === 'postgres' && /^\$[A-Za-z_]*\$/.test(sql.slice(i, i + 64)) && !/[\w$]/.test(sql[i - 1] ?? ' ')) {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i, i + 64))![0];
      i = until(sql, tag, i + tag.length) + tag.length;
    } else if (c === ':' && /[A-Za-z_]/.test(next) && sql[i - 1] !== ':' && !/[\w]/.test(sql[i - 1] ?? ' ')) {
      const m = /^:[A-Za-z_]\w*/.exec(sql.slice(i, i + 200))!;
      out.push({ key: m[0].slice(1), start: i, end: i + m[0].length });
      i += m[0].length;
    } else if (c === '$' && /\d/.test(next) && (dialect === 'postgres' || dialect === 'sqlite') && !/[\w$]/.test(sql[i - 1] ?? ' ')) {
      const m = /^\$\d+/.exec(sql.slice(i, i + 20))!;
      out.push({ key: m[0], start: i, end: i + m[0].length });
      i += m[0].length;
    } else if (c === '?' && dialect !== 'postgres') {
      // PostgreSQL uses `?` as jsonb operators, so only the other engines take it as a placeholder.
      question++;
      out.push({ key: `?${question}`, start: i, end: i + 1 });
      i++;
    } else i++;
  }
  return out;
}

/** The distinct keys to prompt for, in first-seen order. */
export function paramKeys(occurrences: ParamOccurrence[]): string[] {
  return [...new Set(occurrences.map((o) => o.key))];
}

/**
 * A value as a SQL literal: numbers stay numbers, `NULL` (any case) is NULL, booleans stay
 * booleans where the engine has them, anything else is a quoted string.
 */
export function toLiteral(value: string, dialect: CursorDialect): string {
  const v = value.trim();
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(v)) return v;
  if (/^null$/i.test(v)) return 'NULL';
  if (/^(true|false)$/i.test(v) && (dialect === 'postgres' || dialect === 'mysql')) return v.toUpperCase();
  let body = value.replace(/'/g, "''");
  if (dialect === 'mysql') body = body.replace(/\\/g, '\\\\');
  return dialect === 'mssql' ? `N'${body}'` : `'${body}'`;
}

/** The script with every placeholder replaced by its value's literal. */
export function substituteParams(
  sql: string,
  occurrences: ParamOccurrence[],
  values: Record<string, string>,
  dialect: CursorDialect,
): string {
  let out = '';
  let last = 0;
  for (const o of occurrences) {
    const value = values[o.key];
    if (value === undefined) throw new Error(`No value for the parameter ${o.key}.`);
    out += sql.slice(last, o.start) + toLiteral(value, dialect);
    last = o.end;
  }
  return out + sql.slice(last);
}

function until(sql: string, token: string, from: number): number {
  const at = sql.indexOf(token, from);
  return at < 0 ? sql.length : at;
}

function skipQuoted(sql: string, i: number, q: string, backslash: boolean): number {
  let k = i + 1;
  while (k < sql.length) {
    const c = sql[k];
    if (backslash && c === '\\') k += 2;
    else if (c === q) {
      if (sql[k + 1] === q) k += 2;
      else return k + 1;
    } else k++;
  }
  return sql.length;
}
