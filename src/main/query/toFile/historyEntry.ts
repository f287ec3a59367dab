/**
 * A run to file as a query-history entry. The history table has no column for "where the rows
 * went", so the entry's free-form message carries it ("To CSV file …"); the History pane shows
 * that line under the SQL, muted for a success and red for a failure, like an error of a run.
 */
import path from 'node:path';
import { toAppError } from '../../../shared/errors';
import type { HistoryEntry } from '../../../shared/history';

/** What the feature knows about a finished run to file. */
export interface FileRunRecord {
  connectionId: string;
  sql: string;
  startedAt: Date;
  durationMs: number;
}

/** The start of every run-to-file message, so the History search and a reader recognise them. */
export const FILE_RUN_NOTE = 'To CSV file';

/**
 * The history entry of a run to file from its result (`{ path, rows }`) or the error it threw;
 * null when nothing ran because the statement awaits confirmation (the confirmed re-run is recorded).
 */
export function fileRunHistoryEntry(run: FileRunRecord, result: { path: string; rows: number } | { error: unknown }): Omit<HistoryEntry, 'id'> | null {
  if (!run.sql.trim()) return null;
  const base = { connectionId: run.connectionId, sql: run.sql, startedAt: run.startedAt.toISOString(), durationMs: run.durationMs };
  if ('path' in result) {
    // The name first: the pane cuts the line at its end, and the name is what tells two runs apart.
    const note = `${FILE_RUN_NOTE} ${path.basename(result.path)} in ${path.dirname(result.path)}`;
    return { ...base, rowCount: result.rows, status: 'ok', errorMessage: note };
  }
  const e = toAppError(result.error);
  if (e.code === 'CONFIRMATION_REQUIRED') return null;
  if (e.code === 'QUERY_CANCELLED') {
    return { ...base, rowCount: null, status: 'cancelled', errorMessage: `${FILE_RUN_NOTE}: cancelled; no file was kept.` };
  }
  return { ...base, rowCount: null, status: 'error', errorMessage: `${FILE_RUN_NOTE} failed: ${e.message}` };
}
