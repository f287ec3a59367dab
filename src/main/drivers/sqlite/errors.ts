/** Maps better-sqlite3 errors to AppError codes with advice. Pure: no native module needed. */
import { AppError } from '../../../shared/errors';
import { positionAt } from '../common/position';

/** The shape of a better-sqlite3 `SqliteError` (its class lives in the native module). */
interface SqliteLikeError {
  message: string;
  code?: string;
}

function isSqliteLike(err: unknown): err is SqliteLikeError {
  return typeof err === 'object' && err !== null && typeof (err as SqliteLikeError).message === 'string';
}

/**
 * Finds where SQLite's `near "X": syntax error` points in the statement. SQLite gives no offset,
 * so this is best effort: the first occurrence of the token as a whole word, else anywhere.
 */
export function locateNearToken(sql: string, token: string): number | null {
  if (!token) return null;
  const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const word = /^\w/.test(token) && /\w$/.test(token) ? new RegExp(`(^|[^\\w])(${escaped})(?![\\w])`) : null;
  if (word) {
    const m = word.exec(sql);
    if (m) return m.index + m[1]!.length;
  }
  const i = sql.indexOf(token);
  return i >= 0 ? i : null;
}

/** Maps an error thrown while running `sql` (or opening `file`) to an AppError. */
export function mapSqliteError(err: unknown, sql?: string): AppError {
  if (err instanceof AppError) return err;
  if (!isSqliteLike(err)) return new AppError('INTERNAL', String(err));
  const code = err.code ?? '';
  const message = err.message;
  const detail = { engineCode: code || undefined, ...(sql ? { statement: sql.slice(0, 500) } : {}) };

  const near = /near "([\s\S]*?)": syntax error/.exec(message);
  if (near || /incomplete input|unrecognized token/.test(message)) {
    let offset: number | null = null;
    if (near && sql) offset = locateNearToken(sql, near[1]!);
    else if (sql && /incomplete input/.test(message)) offset = sql.trimEnd().length;
    else if (sql) {
      const tok = /unrecognized token: "([\s\S]*?)"/.exec(message);
      if (tok) offset = locateNearToken(sql, tok[1]!);
    }
    return new AppError('SYNTAX_ERROR', `Syntax error: ${message}. Check the SQL near the marked position.`, {
      ...detail,
      ...(offset !== null && sql ? { position: positionAt(sql, offset) } : {}),
    });
  }
  if (code.startsWith('SQLITE_READONLY') || /readonly database|query_only/i.test(message)) {
    return new AppError(
      'READ_ONLY_VIOLATION',
      `The connection is read-only: ${message}. Open it read-write to change data.`,
      detail,
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new AppError('NOT_FOUND', `Cannot open the SQLite file: ${message}. Check the path and its permissions.`, detail);
  }
  if (code === 'SQLITE_NOTADB') {
    return new AppError('QUERY_ERROR', 'The file is not a SQLite database (or it is encrypted). Choose another file.', detail);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('QUERY_ERROR', `${message}. Another connection holds a lock; retry when it has finished.`, detail);
  }
  if (/contains more than one statement/.test(message)) {
    return new AppError('QUERY_ERROR', 'Run one statement at a time (the script runner splits scripts).', detail);
  }
  const missing = /no such (?:column|table|function): ([\w.]+)/.exec(message);
  if (missing && sql) {
    const name = missing[1]!.split('.').pop()!;
    const offset = locateNearToken(sql, name);
    if (offset !== null) return new AppError('QUERY_ERROR', message, { ...detail, position: positionAt(sql, offset) });
  }
  return new AppError('QUERY_ERROR', message, detail);
}
