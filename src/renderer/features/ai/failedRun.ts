/** Which failed statement "Fix this error" is about, from a tab's run state. */
import type { RunOutcome } from '../../../shared/contract';
import type { ErrorData } from '../../../shared/errors';

/** A statement the engine rejected, with its real error. */
export interface FailedStatement {
  sql: string;
  error: string;
}

/** Errors a changed query cannot fix (the user's own action, or the connection's rules). */
const NOT_FIXABLE = new Set(['QUERY_CANCELLED', 'CONFIRMATION_REQUIRED', 'READ_ONLY_VIOLATION', 'CONNECTION_LOST', 'CONNECTION_REFUSED', 'TIMEOUT', 'AUTH_FAILED']);

/** The run's first fixable failure, or null. Accepts the tab's run state shape. */
export function failedStatement(
  state: { phase: 'done'; outcome: RunOutcome | null } | { phase: 'failed'; error: { toData(): ErrorData } } | { phase: string },
): FailedStatement | null {
  if (state.phase === 'done' && 'outcome' in state && state.outcome) {
    const s = state.outcome.statements.find((x) => x.error && !NOT_FIXABLE.has(x.error.code));
    return s?.error && s.sql.trim() ? { sql: s.sql, error: s.error.message } : null;
  }
  if (state.phase === 'failed' && 'error' in state) {
    const e = state.error.toData();
    const sql = e.detail?.statement;
    return !NOT_FIXABLE.has(e.code) && typeof sql === 'string' && sql.trim() ? { sql, error: e.message } : null;
  }
  return null;
}
