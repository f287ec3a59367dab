/**
 * A small, pure statement splitter for the editor (no Node imports, so the renderer can use it):
 * finds statement boundaries at `;` outside strings, quoted identifiers, comments,
 * PostgreSQL dollar quotes (`$$`, `$tag$`) and SQLite trigger bodies (`BEGIN … END`), at
 * SQL Server `GO` lines, and at MySQL client `DELIMITER` changes. The server keeps its own, fuller
 * splitter (src/main/query/splitter.ts) for execution; this one only decides what to send.
 */

/** Dialects the splitter knows (the engines' names). */
export type CursorDialect = 'sqlite' | 'postgres' | 'mysql' | 'mssql';

/** One statement of a script, by its place in the script. */
export interface EditorStatement {
  /** The statement text, trimmed, without its trailing `;`. */
  sql: string;
  /** 0-based offsets of the statement's first character and one past its last. */
  from: number;
  to: number;
  /** 1-based line and column of its first character. */
  line: number;
  column: number;
}

/** Splits `sql` into statements; blank and comment-only pieces are dropped. */
export function splitStatements(sql: string, dialect: CursorDialect): EditorStatement[] {
  const pieces: Array<[number, number]> = [];
  let start = 0;
  let i = 0;
  const n = sql.length;
  let delimiter = ';';
  // SQLite: the leading words of the current statement, and the BEGIN/CASE … END depth
  // inside a CREATE TRIGGER body, whose own `;` do not end the statement.
  let head: string[] = [];
  let depth = 0;
  const cut = (to: number, next: number): void => {
    pieces.push([start, to]);
    start = next;
    head = [];
    depth = 0;
  };
  while (i < n) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === '-' && next === '-') i = lineEnd(sql, i);
    else if (c === '#' && dialect === 'mysql') i = lineEnd(sql, i);
    else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === "'" || c === '"' || (c === '`' && dialect === 'mysql')) i = quoteEnd(sql, i, c, dialect);
    else if (c === '[' && dialect === 'mssql') {
      const end = sql.indexOf(']', i + 1);
      i = end < 0 ? n : end + 1;
    } else if (c === '$' && dialect === 'postgres' && /[\w$]/.test(sql[i - 1] ?? ' ') === false) {
      const tag = /^\$(?:[A-Za-z_]\w*)?\$/.exec(sql.slice(i, i + 64));
      if (tag) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        i = end < 0 ? n : end + tag[0].length;
      } else i++;
    } else if (dialect === 'mysql' && (c === 'd' || c === 'D') && delimiterCommand(sql, i) !== null) {
      delimiter = delimiterCommand(sql, i)!;
      const end = lineEnd(sql, i);
      cut(i, end);
      i = end;
    } else if (sql.startsWith(delimiter, i)) {
      if (depth > 0) i++;
      else {
        cut(i, i + delimiter.length);
        i += delimiter.length;
      }
    } else if (dialect === 'mssql' && (c === 'g' || c === 'G') && isGoLine(sql, i)) {
      const end = lineEnd(sql, i);
      cut(i, end);
      i = end;
    } else if (dialect === 'sqlite' && /[A-Za-z_]/.test(c)) {
      // Whole words, so `weekend` or `begin_date` never count as END or BEGIN.
      const word = /^[A-Za-z_][\w$]*/.exec(sql.slice(i, i + 128))![0];
      const upper = word.toUpperCase();
      if (head.length < 3) head.push(upper);
      if (isTriggerHead(head)) {
        if (upper === 'BEGIN' || upper === 'CASE') depth++;
        else if (upper === 'END' && depth > 0) depth--;
      }
      i += word.length;
    } else i++;
  }
  pieces.push([start, n]);
  const out: EditorStatement[] = [];
  for (const [from, to] of pieces) {
    const text = sql.slice(from, to);
    const lead = text.length - text.trimStart().length;
    const body = text.trim();
    if (!body || isCommentOnly(body, dialect)) continue;
    const at = from + lead;
    const { line, column } = lineColumnAt(sql, at);
    out.push({ sql: body, from: at, to: at + body.length, line, column });
  }
  return out;
}

/**
 * The statement containing `cursor`, or the last one before it (the cursor sits after a
 * statement's `;`), or the first one when the cursor precedes every statement.
 */
export function statementAt(sql: string, dialect: CursorDialect, cursor: number): EditorStatement | null {
  const statements = splitStatements(sql, dialect);
  let found: EditorStatement | null = null;
  for (const s of statements) {
    if (s.from <= cursor) found = s;
    else break;
  }
  // A cursor on a blank line right before a statement still means "the previous one" unless
  // there is none.
  return found ?? statements[0] ?? null;
}

/** 1-based line and column of a 0-based offset. */
export function lineColumnAt(sql: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, sql.length);
  for (let k = 0; k < end; k++) {
    if (sql.charCodeAt(k) === 10) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The 0-based offset of a 1-based line and column (clamped to the text). */
export function offsetOf(sql: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = sql.indexOf('\n', offset);
    if (nl < 0) return sql.length;
    offset = nl + 1;
  }
  const nl = sql.indexOf('\n', offset);
  const lineEndAt = nl < 0 ? sql.length : nl;
  return Math.min(offset + Math.max(0, column - 1), lineEndAt);
}

function lineEnd(sql: string, i: number): number {
  const nl = sql.indexOf('\n', i);
  return nl < 0 ? sql.length : nl;
}

function quoteEnd(sql: string, i: number, q: string, dialect: CursorDialect): number {
  // MySQL strings take backslash escapes; everyone doubles the quote.
  const backslash = dialect === 'mysql' && q !== '`';
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

/** `CREATE [TEMP|TEMPORARY] TRIGGER`: the statement whose body may hold semicolons. */
function isTriggerHead(head: string[]): boolean {
  if (head[0] !== 'CREATE') return false;
  return head[1] === 'TRIGGER' || ((head[1] === 'TEMP' || head[1] === 'TEMPORARY') && head[2] === 'TRIGGER');
}

/** The new delimiter when a MySQL client `DELIMITER x` line starts at `i`, else null. */
function delimiterCommand(sql: string, i: number): string | null {
  const before = sql.lastIndexOf('\n', i - 1) + 1;
  if (sql.slice(before, i).trim() !== '') return null;
  const m = /^delimiter[ \t]+(\S+)[ \t]*$/i.exec(sql.slice(i, lineEnd(sql, i)).replace(/\r$/, ''));
  return m ? m[1]! : null;
}

function isGoLine(sql: string, i: number): boolean {
  const before = sql.lastIndexOf('\n', i - 1) + 1;
  if (sql.slice(before, i).trim() !== '') return false;
  const rest = sql.slice(i, lineEnd(sql, i));
  return /^go\s*$/i.test(rest);
}

function isCommentOnly(body: string, dialect: CursorDialect): boolean {
  const stripped = body
    .replace(/\/\*[\s\S]*?(\*\/|$)/g, '')
    .replace(dialect === 'mysql' ? /(--|#).*$/gm : /--.*$/gm, '');
  return stripped.trim() === '';
}
