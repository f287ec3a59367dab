/** Maps mssql/tedious errors to AppError codes with advice. Pure: unit-tested with plain objects. */
import { AppError } from '../../../shared/errors';
import type { ErrorPosition } from '../../../shared/errors';
import { offsetOf } from '../common/position';

/** The fields of mssql's ConnectionError/RequestError (and the tedious error under them) we read. */
interface MssqlLikeError {
  message?: string;
  code?: string;
  number?: number;
  lineNumber?: number;
  state?: number;
  class?: number;
  originalError?: MssqlLikeError & { cause?: { code?: string } };
  cause?: { code?: string; message?: string };
}

/** Maps an error from connecting (`target` names the server, never with a password). */
export function mapMssqlError(err: unknown, context: { sql?: string; target?: string; database?: string } = {}): AppError {
  if (err instanceof AppError) return err;
  if (typeof err !== 'object' || err === null) return new AppError('INTERNAL', String(err));
  const e = err as MssqlLikeError;
  const number = e.number ?? e.originalError?.number;
  const code = e.code ?? e.originalError?.code ?? '';
  const socketCode = e.cause?.code ?? e.originalError?.cause?.code ?? '';
  const message = e.message ?? 'SQL Server error';
  const where = context.target ? ` (${context.target})` : '';
  const detail = {
    ...(number !== undefined ? { engineCode: String(number) } : code ? { engineCode: code } : {}),
    ...(context.sql ? { statement: context.sql.slice(0, 500) } : {}),
  };

  if (number === 18456 || (code === 'ELOGIN' && /login failed/i.test(message))) {
    return new AppError('AUTH_FAILED', `Login failed${where}. Check the user name and password.`, detail);
  }
  if (number === 4060 || /cannot open database/i.test(message)) {
    return new AppError('UNKNOWN_DATABASE', `SQL Server cannot open the database${context.database ? ` "${context.database}"` : ''}${where}. Check its name and that this login may use it.`, detail);
  }
  if (code === 'ESOCKET' || code === 'ECONNREFUSED' || socketCode === 'ECONNREFUSED') {
    if (socketCode === 'ENOTFOUND' || /getaddrinfo|ENOTFOUND/.test(message)) {
      return new AppError('HOST_NOT_FOUND', `The SQL Server host cannot be found${where}. Check the host name.`, detail);
    }
    return new AppError('CONNECTION_REFUSED', `SQL Server refused the connection${where}. Check that it runs, listens on TCP and that the port is right.`, detail);
  }
  if (code === 'ETIMEOUT' && !context.sql) {
    return new AppError('TIMEOUT', `Connecting to SQL Server timed out${where}. Check the host, the port and any firewall.`, detail);
  }
  if (code === 'ETIMEOUT') return new AppError('TIMEOUT', 'The statement ran longer than the statement timeout and was stopped.', detail);
  if (code === 'ECANCEL' || /operation was cancel/i.test(message)) {
    return new AppError('QUERY_CANCELLED', 'The query was cancelled.', detail);
  }
  if (code === 'ELOGIN') return new AppError('AUTH_FAILED', `${message}${where}`, detail);
  if (code === 'EENCRYPT' || /encrypt|certificate|TLS|SSL/i.test(message) && !number) {
    return new AppError('TLS_REQUIRED', `${message}. Check the TLS options (encrypt, trustServerCertificate).`, detail);
  }
  if (code === 'ECONNCLOSED' || code === 'ENOTOPEN' || code === 'ECONNRESET') {
    return new AppError('CONNECTION_LOST', 'The connection to SQL Server was lost. Reconnect and run the statement again.', detail);
  }
  if (number === 3906 || number === 3908 || number === 3910) {
    return new AppError('READ_ONLY_VIOLATION', `${message} The database is read-only for this connection.`, detail);
  }
  // 102 "Incorrect syntax near", 105 unclosed quote, 156 keyword, 170 line syntax.
  if (number === 102 || number === 105 || number === 156 || number === 170 || number === 111) {
    const line = e.lineNumber ?? e.originalError?.lineNumber;
    const position = line && context.sql ? syntaxPosition(context.sql, line, message) : undefined;
    return new AppError('SYNTAX_ERROR', `${message}${line ? ` (line ${line})` : ''}`, { ...detail, ...(position ? { position } : {}) });
  }
  return new AppError('QUERY_ERROR', message, detail);
}

/** Line from the server; column from the token in `Incorrect syntax near 'X'` when it is on that line. */
export function syntaxPosition(sql: string, line: number, message: string): ErrorPosition {
  const lineStart = offsetOf(sql, line, 1);
  const lineEnd = sql.indexOf('\n', lineStart);
  const text = sql.slice(lineStart, lineEnd < 0 ? sql.length : lineEnd);
  const token = /near (?:the keyword )?'([^']*)'/.exec(message)?.[1];
  const at = token ? text.toLowerCase().indexOf(token.toLowerCase()) : -1;
  const column = at >= 0 ? at + 1 : 1;
  return { line, column, offset: lineStart + column - 1 };
}
