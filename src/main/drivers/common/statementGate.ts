/** What the server drivers share about one session: one call at a time, cancel, a gone session. */
import { AppError } from '../../../shared/errors';

/** Turns whatever a gated call threw into an AppError, knowing its SQL and whether it was cancelled. */
export type GateErrorMapper = (
  err: unknown,
  sql: string | undefined,
  cancelRequested: boolean,
) => AppError;

/**
 * Lets one statement-like call (execute, explain, introspect, …) run at a time on a session, and
 * remembers whether the user asked to cancel it, so the error it ends with can say "cancelled".
 */
export class StatementGate {
  private busy = false;
  private cancelAsked = false;

  constructor(private readonly mapError: GateErrorMapper) {}

  /** True while a call holds the gate. */
  get running(): boolean {
    return this.busy;
  }

  /** True once a cancel was asked of the call that holds the gate. */
  get cancelRequested(): boolean {
    return this.cancelAsked;
  }

  /** Marks the running call as cancelled; false, and nothing marked, when no call runs. */
  requestCancel(): boolean {
    if (!this.busy) return false;
    this.cancelAsked = true;
    return true;
  }

  /** Forgets a cancel the driver asked for itself (the call is to end normally, not as cancelled). */
  forgetCancel(): void {
    this.cancelAsked = false;
  }

  /** Runs `fn` alone on the session; refuses a second call while one runs; maps what it throws. */
  async run<T>(fn: () => Promise<T>, sql?: string): Promise<T> {
    if (this.busy)
      throw new AppError(
        'BAD_REQUEST',
        'A statement is already running on this connection. Wait for it or cancel it.',
      );
    this.busy = true;
    this.cancelAsked = false;
    try {
      return await fn();
    } catch (err) {
      throw this.mapError(err, sql, this.cancelAsked);
    } finally {
      this.busy = false;
    }
  }
}

/** The error for a call on a session that was closed by us or lost (the server or network ended it). */
export function connectionGoneError(how: 'closed' | 'lost'): AppError {
  return new AppError(
    'CONNECTION_LOST',
    how === 'closed'
      ? 'This connection is closed. Reconnect and try again.'
      : 'The connection to the server was lost. Reconnect and try again.',
  );
}
