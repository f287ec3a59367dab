/**
 * PostgreSQL and network errors → AppError with a stable code, a message that says what to do,
 * and the SQLSTATE as `engineCode`. Messages never contain the password.
 */
import { AppError, type ErrorDetail } from '../../../shared/errors';
import type { ConnectionParams } from '../../../shared/connection';
import { describeTarget } from '../../../shared/connection';
import { mapNetworkError } from '../common/networkErrors';
import { positionAt } from '../common/position';

interface PgErrorLike {
  message?: string;
  code?: string;
  position?: string;
  detail?: string;
  hint?: string;
}

/** What the error mapper knows about the failing call. */
export interface PgErrorContext {
  params?: ConnectionParams;
  /** The statement that failed (positions are relative to it). */
  sql?: string;
  /** True when the user asked to cancel the running statement. */
  cancelRequested?: boolean;
}

/** Maps anything thrown by `pg` (or the socket) to an AppError. */
export function mapPgError(err: unknown, ctx: PgErrorContext = {}): AppError {
  if (err instanceof AppError) return err;
  const e = (
    typeof err === 'object' && err !== null ? err : { message: String(err) }
  ) as PgErrorLike;
  const raw = scrub(e.message ?? 'Unknown PostgreSQL error', ctx.params?.password);
  const code = e.code;
  const target = ctx.params ? describeTarget(ctx.params) : 'the server';
  const detail: ErrorDetail = {};
  if (code) detail.engineCode = code;
  if (e.hint) detail.hint = e.hint;
  if (ctx.sql) detail.statement = ctx.sql.slice(0, 500);

  const network = mapNetworkError(code, target, 'PostgreSQL', detail);
  if (network) return network;
  switch (code) {
    case 'ECONNRESET':
      return new AppError(
        'CONNECTION_REFUSED',
        `Cannot reach ${target} (${code}). Check the host and port, and that PostgreSQL is running and accepts TCP connections.`,
        detail,
      );
    case '28P01':
      return new AppError(
        'AUTH_FAILED',
        `PostgreSQL rejected the password for ${target}. Check the user name and password.`,
        detail,
      );
    case '28000':
      if (/no encryption|SSL off/i.test(raw))
        return new AppError(
          'TLS_REQUIRED',
          `${target} only accepts encrypted connections. Set SSL mode to "require" (sslmode=require).`,
          detail,
        );
      return new AppError(
        'AUTH_FAILED',
        `PostgreSQL refused the login for ${target}: ${raw}. Ask the administrator to allow this user and host (pg_hba.conf).`,
        detail,
      );
    case '3D000':
      return new AppError(
        'UNKNOWN_DATABASE',
        `${raw}. Check the database name, or connect to "postgres" to see which databases exist.`,
        detail,
      );
    case '57014':
      if (ctx.cancelRequested || /user request/i.test(raw))
        return new AppError('QUERY_CANCELLED', 'The statement was cancelled.', detail);
      if (/statement timeout/i.test(raw))
        return new AppError(
          'TIMEOUT',
          `${raw}. The statement ran longer than the connection's statement timeout; raise the timeout or narrow the query.`,
          detail,
        );
      break;
    case '25006':
      return new AppError(
        'READ_ONLY_VIOLATION',
        `The database refused to write because this connection is read-only (${raw}).`,
        detail,
      );
    case '57P01':
    case '57P02':
    case '57P03':
      return new AppError('CONNECTION_LOST', `${raw}. Reconnect and try again.`, detail);
  }
  if (/connection timeout|timeout expired/i.test(raw))
    return new AppError(
      'TIMEOUT',
      `Connecting to ${target} timed out. Check the host, port and any firewall in between.`,
      detail,
    );
  if (/does not support SSL/i.test(raw))
    return new AppError(
      'TLS_REQUIRED',
      `${target} does not offer TLS. Set SSL mode to "disable" or "prefer", or enable SSL on the server.`,
      detail,
    );
  if (/self[- ]signed|certificate|SSL|TLS/i.test(raw) && !code?.match(/^[0-9A-Z]{5}$/))
    return new AppError(
      'TLS_REQUIRED',
      `TLS handshake with ${target} failed: ${raw}. Check the SSL mode and certificate settings.`,
      detail,
    );
  if (
    /Connection terminated|connection is closed|Client has encountered a connection error/i.test(
      raw,
    )
  )
    return new AppError(
      'CONNECTION_LOST',
      `The connection to ${target} was lost. Reconnect and try again.`,
      detail,
    );

  if (e.position && ctx.sql) detail.position = positionAt(ctx.sql, Number(e.position) - 1);
  else if (e.position) {
    const offset = Number(e.position) - 1;
    detail.position = { line: 1, column: offset + 1, offset };
  }
  if (e.detail) detail.serverDetail = e.detail;
  if (code === '42601') return new AppError('SYNTAX_ERROR', raw, detail);
  return new AppError('QUERY_ERROR', raw, detail);
}

/** Removes a password from a message, in case a library echoed a connection string. */
function scrub(message: string, password: string | undefined): string {
  return password ? message.split(password).join('****') : message;
}
