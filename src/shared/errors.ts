/**
 * One error type for the whole app. Errors cross every boundary (IPC, WebSocket, CLI) as plain
 * data `{code, message, detail?}` and are rebuilt as `AppError` on the other side.
 */

/** Stable, documented error codes. Renderers and scripts may branch on these. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'INVALID_REQUEST',
  'NOT_FOUND',
  'INTERNAL',
  'UNAUTHORIZED',
  'CONNECTION_REFUSED',
  'HOST_NOT_FOUND',
  'AUTH_FAILED',
  'TLS_REQUIRED',
  'SSH_HOST_UNKNOWN',
  'SSH_HOST_KEY_MISMATCH',
  'UNKNOWN_DATABASE',
  'CONNECTION_LOST',
  'TIMEOUT',
  'QUERY_CANCELLED',
  'QUERY_ERROR',
  'SYNTAX_ERROR',
  'READ_ONLY_VIOLATION',
  'CONFIRMATION_REQUIRED',
  'UNSUPPORTED',
  'APP_DB_CORRUPT',
  'SECRET_UNAVAILABLE',
  'USAGE',
  'AI_BAD_KEY',
  'AI_MODEL_NOT_FOUND',
  'AI_CONTEXT_TOO_LONG',
  'AI_QUOTA',
  'AI_SPEND_CAP',
  'AI_LOCAL_ONLY',
  'AI_NO_PROVIDER',
  'AI_CANCELLED',
  'AI_UNAVAILABLE',
] as const;

/** A stable error code (see ERROR_CODES). */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where in a script an error happened (1-based). */
export interface ErrorPosition {
  line: number;
  column: number;
  /** 0-based character offset in the script, when known. */
  offset?: number;
}

/** Extra, structured information an error may carry. Never a secret. */
export interface ErrorDetail {
  /** The engine's own error code (SQLSTATE, MySQL errno, …). */
  engineCode?: string;
  position?: ErrorPosition;
  /** The statement (or a prefix of it) that failed. */
  statement?: string;
  /** Free-form hint that says what to do. */
  hint?: string;
  [key: string]: unknown;
}

/** The wire shape of an error. */
export interface ErrorData {
  code: ErrorCode;
  message: string;
  detail?: ErrorDetail;
}

/** The application's error: a stable code, a message that says what to do, optional detail. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail?: ErrorDetail;

  constructor(code: ErrorCode, message: string, detail?: ErrorDetail) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (detail !== undefined) this.detail = detail;
  }

  /** Plain data for crossing a boundary. */
  toData(): ErrorData {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }

  /** Rebuilds an AppError from its wire shape. */
  static fromData(data: ErrorData): AppError {
    return new AppError(data.code, data.message, data.detail);
  }
}

/** True when `value` looks like ErrorData (used when decoding a wire message). */
export function isErrorData(value: unknown): value is ErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(v.code) &&
    typeof v.message === 'string'
  );
}

/**
 * Turns anything thrown into an AppError. Unknown errors become INTERNAL with their message only
 * (never a stack), so nothing private leaks to a renderer or a log line.
 */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new AppError('INTERNAL', message || 'Unexpected error');
}
