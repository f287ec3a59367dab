/**
 * Query history and saved queries as the renderer sees them (pure types, shared by main and
 * the renderer).
 */

/** How a recorded execution ended. */
export type HistoryStatus = 'ok' | 'error' | 'cancelled';

/** One recorded execution of a script. */
export interface HistoryEntry {
  id: number;
  connectionId: string;
  sql: string;
  /** ISO timestamp of when the run started. */
  startedAt: string;
  durationMs: number;
  /** Rows returned plus rows affected over the whole script; null when unknown. */
  rowCount: number | null;
  status: HistoryStatus;
  errorMessage: string | null;
}

/** One page of history search results, newest first. */
export interface HistoryPage {
  entries: HistoryEntry[];
  /** How many entries match in total (for "showing 50 of 1,234"). */
  total: number;
}

/** A saved query's latest state. */
export interface SavedQuery {
  id: string;
  name: string;
  /** A slash-separated folder path, '' for the root. */
  folder: string;
  description: string;
  tags: string[];
  connectionId: string | null;
  sql: string;
  /** The latest version number (1-based). */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One stored version of a saved query. */
export interface SavedQueryVersion {
  queryId: string;
  version: number;
  name: string;
  description: string;
  tags: string[];
  sql: string;
  /** Why this version exists, e.g. "Restored from version 2". */
  note: string;
  createdAt: string;
}

/** A unified diff between two versions of a saved query. */
export interface SavedQueryDiff {
  queryId: string;
  from: number;
  to: number;
  /** Unified diff text (headers included). */
  patch: string;
  added: number;
  removed: number;
}
