/**
 * Pure model of the "confirm before running" dialog: main refuses destructive statements, and
 * every write on a prod connection, with CONFIRMATION_REQUIRED until the run is confirmed.
 */
import type { RunOutcome } from '../../../shared/contract';

/** One statement that needs the user's confirmation. */
export interface ConfirmationItem {
  /** 0-based statement index in the script. */
  index: number;
  reason: string;
  sql: string;
}

/** What the confirmation dialog shows. */
export interface ConfirmationRequest {
  message: string;
  items: ConfirmationItem[];
}

/** The confirmation main asks for in this outcome, or null when the run needs none. */
export function confirmationOf(outcome: RunOutcome): ConfirmationRequest | null {
  const error = outcome.statements.find((s) => s.error?.code === 'CONFIRMATION_REQUIRED')?.error;
  return error ? confirmationFromError(error) : null;
}

/** The request in a CONFIRMATION_REQUIRED error (a run's statement error, or a thrown one as Run to file's). */
export function confirmationFromError(error: { message: string; detail?: Record<string, unknown> }): ConfirmationRequest {
  const raw = error.detail?.statements;
  // The detail crossed a boundary as data: keep only well-formed entries.
  const items = Array.isArray(raw)
    ? raw.flatMap((r: unknown): ConfirmationItem[] => {
        if (typeof r !== 'object' || r === null) return [];
        const { index, reason, sql } = r as Record<string, unknown>;
        if (typeof index !== 'number' || typeof reason !== 'string') return [];
        return [{ index, reason, sql: typeof sql === 'string' ? sql : '' }];
      })
    : [];
  return { message: error.message, items };
}

/** A reason as a sentence: "Statement 2: DELETE without WHERE" (capitalised, no trailing dot). */
export function formatReason(item: ConfirmationItem): string {
  const text = item.reason.trim().replace(/\.$/, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The statement's SQL as the dialog shows it: trimmed, one statement, bounded. */
export function sqlPreview(sql: string, max = 200): string {
  const text = sql.trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The dialog's title, naming prod when the connection is tagged so. */
export function confirmationTitle(count: number, prod: boolean): string {
  const what = count === 1 ? 'this statement' : `these ${count} statements`;
  return prod ? `Run ${what} on PRODUCTION?` : `Run ${what}?`;
}
