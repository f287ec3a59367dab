/**
 * mysql2 and network errors → AppError with a stable code, a message that says what to do, and
 * the MySQL error name/number as `engineCode`. Messages never contain the password.
 */
import { AppError, type ErrorDetail, type ErrorPosition } from '../../../shared/errors';
import { describeTarget, type ConnectionParams } from '../../../shared/connection';
import { mapNetworkError } from '../common/networkErrors';
import { positionAt } from '../common/position';

interface MysqlErrorLike {
  message?: string;
  code?: string;
  errno?: number;
  sqlState?: string;
  sqlMessage?: string;
}

/** What the error mapper knows about the failing call. */
export interface MysqlErrorContext {
  params?: ConnectionParams;
  sql?: string;
  cancelRequested?: boolean;
}

/** Maps anything thrown by mysql2 (or the socket) to an AppError. */
export function mapMysqlError(err: unknown, ctx: MysqlErrorContext = {}): AppError {
  if (err instanceof AppError) return err;
  const e = (
    typeof err === 'object' && err !== null ? err : { message: String(err) }
  ) as MysqlErrorLike;
  const raw = scrub(e.sqlMessage ?? e.message ?? 'Unknown MySQL error', ctx.params?.password);
  // mysql2 names only MySQL's error numbers; MariaDB-only ones (e.g. 1969) come as UNKNOWN_CODE….
  const code =
    e.code && !e.code.startsWith('UNKNOWN_CODE')
      ? e.code
      : e.errno === 1969
        ? 'ER_STATEMENT_TIMEOUT'
        : '';
  const target = ctx.params ? describeTarget(ctx.params) : 'the server';
  const detail: ErrorDetail = {};
  if (code) detail.engineCode = e.errno ? `${code} (${e.errno})` : code;
  else if (e.errno) detail.engineCode = String(e.errno);
  if (e.sqlState) detail.sqlState = e.sqlState;
  if (ctx.sql) detail.statement = ctx.sql.slice(0, 500);

  const network = mapNetworkError(code, target, 'the MySQL/MariaDB server', detail);
  if (network) return network;
  switch (code) {
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR':
    case 'ER_DBACCESS_DENIED_ERROR':
      return new AppError(
        'AUTH_FAILED',
        `${raw}. Check the user name and password, and that this user may connect from this host.`,
        detail,
      );
    case 'ER_BAD_DB_ERROR':
      return new AppError(
        'UNKNOWN_DATABASE',
        `${raw}. Check the database name, or leave it empty and run SHOW DATABASES.`,
        detail,
      );
    case 'ER_SECURE_TRANSPORT_REQUIRED':
      return new AppError(
        'TLS_REQUIRED',
        `${target} only accepts encrypted connections. Set SSL mode to "require" (ssl=true).`,
        detail,
      );
    case 'HANDSHAKE_NO_SSL_SUPPORT':
      return new AppError(
        'TLS_REQUIRED',
        `${target} does not offer TLS. Turn SSL off for this connection, or enable TLS on the server.`,
        detail,
      );
    case 'ER_QUERY_INTERRUPTED':
      return ctx.cancelRequested
        ? new AppError('QUERY_CANCELLED', 'The statement was cancelled.', detail)
        : new AppError(
            'QUERY_CANCELLED',
            'The statement was interrupted by the server (KILL QUERY).',
            detail,
          );
    case 'ER_STATEMENT_TIMEOUT':
    case 'ER_QUERY_TIMEOUT':
      return new AppError(
        'TIMEOUT',
        `${raw}. The statement ran longer than the connection's statement timeout; raise the timeout or narrow the query.`,
        detail,
      );
    case 'ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION':
    case 'ER_OPTION_PREVENTS_STATEMENT':
      return new AppError(
        'READ_ONLY_VIOLATION',
        `The database refused to write because this connection is read-only (${raw}).`,
        detail,
      );
    case 'PROTOCOL_CONNECTION_LOST':
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ER_SERVER_SHUTDOWN':
    case 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR':
      return new AppError(
        'CONNECTION_LOST',
        `The connection to ${target} was lost. Reconnect and try again.`,
        detail,
      );
  }
  if (e.errno === 1317)
    return new AppError('QUERY_CANCELLED', 'The statement was cancelled.', detail);
  if (/ssl|tls|certificate/i.test(raw) && !e.errno)
    return new AppError(
      'TLS_REQUIRED',
      `TLS handshake with ${target} failed: ${raw}. Check the SSL mode and certificate settings.`,
      detail,
    );
  if (code === 'ER_PARSE_ERROR' || e.errno === 1064) {
    const position = ctx.sql ? syntaxErrorPosition(ctx.sql, raw) : undefined;
    if (position) detail.position = position;
    return new AppError('SYNTAX_ERROR', raw, detail);
  }
  return new AppError('QUERY_ERROR', raw, detail);
}

/**
 * Best-effort position of a MySQL syntax error: the message quotes the statement from the error
 * on (`near '…' at line N`), so find that text at or after line N.
 */
export function syntaxErrorPosition(sql: string, message: string): ErrorPosition | undefined {
  const m = /near '([\s\S]*)' at line (\d+)\s*$/.exec(message);
  if (!m) return undefined;
  const near = m[1]!;
  const line = Number(m[2]);
  let lineStart = 0;
  for (let l = 1; l < line; l++) {
    const nl = sql.indexOf('\n', lineStart);
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  if (near === '') return positionAt(sql, sql.replace(/[\s;]+$/, '').length);
  // The quoted text may be cut short by the server; match a prefix of it.
  for (let len = Math.min(near.length, 80); len > 0; len = Math.floor(len / 2)) {
    const at = sql.indexOf(near.slice(0, len), lineStart);
    if (at >= 0) return positionAt(sql, at);
  }
  return undefined;
}

function scrub(message: string, password: string | undefined): string {
  return password ? message.split(password).join('****') : message;
}
