/**
 * A small, dialect-aware SQL tokenizer. It does not parse; it only knows where strings,
 * quoted identifiers, comments and words begin and end, so that keyword-level checks (block
 * merging in the splitter, the guard's rules for statements the parsers do not cover, the
 * destructive-statement prompt) never mistake text inside a string or comment for a keyword.
 */
import type { SplitterDialect } from '../drivers/types';

/** What a token is. */
export type SqlTokenKind = 'word' | 'quoted' | 'string' | 'number' | 'param' | 'punct' | 'comment';

/** One token with its 0-based [start, end) span in the source. */
export interface SqlToken {
  kind: SqlTokenKind;
  /** The source text of the token. */
  text: string;
  /** Upper-cased text for words, the unquoted name for quoted identifiers, else `text`. */
  value: string;
  start: number;
  end: number;
}

/** Options for `tokenizeSql`. */
export interface TokenizeOptions {
  /** Keep comment tokens (default: dropped). */
  comments?: boolean;
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;

/** Splits `sql` into tokens following `dialect`'s rules for strings, identifiers and comments. */
export function tokenizeSql(sql: string, dialect: SplitterDialect, options: TokenizeOptions = {}): SqlToken[] {
  const tokens: SqlToken[] = [];
  const n = sql.length;
  let i = 0;
  // MySQL runs the text of /*! … */ and MariaDB's /*M! … */ comments: tokenize it as code.
  let inExecutableComment = false;
  const push = (kind: SqlTokenKind, start: number, end: number, value?: string): void => {
    if (kind === 'comment' && !options.comments) return;
    const text = sql.slice(start, end);
    tokens.push({ kind, text, value: value ?? text, start, end });
  };
  while (i < n) {
    const ch = sql[i];
    const next = sql[i + 1];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f') {
      i++;
    } else if ((ch === '-' && next === '-' && isLineCommentStart(sql, i, dialect)) || (ch === '#' && dialect === 'mysql')) {
      const end = lineEnd(sql, i);
      push('comment', i, end);
      i = end;
    } else if (inExecutableComment && ch === '*' && next === '/') {
      inExecutableComment = false;
      i += 2;
    } else if (dialect === 'mysql' && ch === '/' && next === '*' && /^\/\*M?!/.test(sql.slice(i, i + 4))) {
      inExecutableComment = true;
      i += sql[i + 2] === 'M' ? 4 : 3;
      while (i < n && /[0-9]/.test(sql[i])) i++;
    } else if (ch === '/' && next === '*') {
      const end = blockCommentEnd(sql, i, dialect === 'postgres' || dialect === 'mssql');
      push('comment', i, end);
      i = end;
    } else if (ch === "'") {
      const backslash = dialect === 'mysql' || isPostgresEscapeString(sql, i, dialect);
      const end = quotedEnd(sql, i, "'", backslash);
      push('string', i, end);
      i = end;
    } else if (ch === '"' && dialect === 'mysql') {
      // MySQL's default sql_mode treats "..." as a string, with backslash escapes.
      const end = quotedEnd(sql, i, '"', true);
      push('string', i, end);
      i = end;
    } else if (ch === '"' || (ch === '`' && dialect !== 'mssql' && dialect !== 'postgres')) {
      const end = quotedEnd(sql, i, ch, false);
      push('quoted', i, end, unquote(sql.slice(i, end), ch));
      i = end;
    } else if (ch === '[' && (dialect === 'mssql' || dialect === 'sqlite')) {
      const close = sql.indexOf(']', i + 1);
      const end = close < 0 ? n : close + 1;
      push('quoted', i, end, sql.slice(i + 1, close < 0 ? n : close));
      i = end;
    } else if (ch === '$' && dialect === 'postgres' && dollarTag(sql, i) !== null) {
      const tag = dollarTag(sql, i) as string;
      const close = sql.indexOf(tag, i + tag.length);
      const end = close < 0 ? n : close + tag.length;
      push('string', i, end);
      i = end;
    } else if (WORD_START.test(ch)) {
      let j = i + 1;
      while (j < n && WORD_PART.test(sql[j])) j++;
      push('word', i, j, sql.slice(i, j).toUpperCase());
      i = j;
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(next ?? ''))) {
      let j = i + 1;
      while (j < n && /[0-9A-Za-z_.]/.test(sql[j])) j++;
      push('number', i, j);
      i = j;
    } else if ((ch === '@' || ch === ':' || ch === '$') && WORD_PART.test(next ?? '') && next !== '$') {
      let j = i + 1;
      if (ch === '@' && next === '@') j++;
      while (j < n && (WORD_PART.test(sql[j]) || sql[j] === '.')) j++;
      push('param', i, j);
      i = j;
    } else {
      push('punct', i, i + 1);
      i++;
    }
  }
  return tokens;
}

/** Splits tokens at top-level `;` into non-empty groups (one per statement). */
export function splitTokensAtSemicolons(tokens: SqlToken[]): SqlToken[][] {
  const groups: SqlToken[][] = [];
  let current: SqlToken[] = [];
  for (const t of tokens) {
    if (t.kind === 'punct' && t.text === ';') {
      if (current.length) groups.push(current);
      current = [];
    } else if (t.kind !== 'comment') {
      current.push(t);
    }
  }
  if (current.length) groups.push(current);
  return groups;
}

/** MySQL only treats `--` as a comment when whitespace or a control character follows. */
function isLineCommentStart(sql: string, at: number, dialect: SplitterDialect): boolean {
  if (dialect !== 'mysql') return true;
  const after = sql.charCodeAt(at + 2);
  return Number.isNaN(after) || after <= 32;
}

function lineEnd(sql: string, from: number): number {
  const nl = sql.indexOf('\n', from);
  return nl < 0 ? sql.length : nl;
}

function blockCommentEnd(sql: string, from: number, nested: boolean): number {
  let depth = 0;
  let i = from;
  while (i < sql.length) {
    if (sql[i] === '/' && sql[i + 1] === '*') {
      depth++;
      i += 2;
    } else if (sql[i] === '*' && sql[i + 1] === '/') {
      depth--;
      i += 2;
      if (depth === 0 || !nested) return i;
    } else {
      i++;
    }
  }
  return sql.length;
}

/** End (exclusive) of a quoted run starting at `from`; a doubled quote is an escaped quote. */
function quotedEnd(sql: string, from: number, quote: string, backslash: boolean): number {
  let i = from + 1;
  while (i < sql.length) {
    const c = sql[i];
    if (backslash && c === '\\') {
      i += 2;
    } else if (c === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i++;
    }
  }
  return sql.length;
}

function unquote(text: string, quote: string): string {
  const inner = text.endsWith(quote) && text.length > 1 ? text.slice(1, -1) : text.slice(1);
  return inner.split(quote + quote).join(quote);
}

/** PostgreSQL E'...' strings take backslash escapes. */
function isPostgresEscapeString(sql: string, quoteAt: number, dialect: SplitterDialect): boolean {
  if (dialect !== 'postgres' || quoteAt === 0) return false;
  const prev = sql[quoteAt - 1];
  return (prev === 'E' || prev === 'e') && (quoteAt < 2 || !WORD_PART.test(sql[quoteAt - 2]));
}

/** The `$tag$` opening a dollar-quoted string at `at`, or null. */
function dollarTag(sql: string, at: number): string | null {
  if (at > 0 && WORD_PART.test(sql[at - 1])) return null;
  const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(at, at + 66));
  return m ? m[0] : null;
}
