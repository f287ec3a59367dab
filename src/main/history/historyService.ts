/**
 * Records every execution of a script (connection, SQL, time, duration, rows, status) in the app
 * database and searches it with FTS5, newest first.
 */
import type Database from 'better-sqlite3';
import type { RunOutcome } from '../../shared/contract';
import { toAppError } from '../../shared/errors';
import type { HistoryEntry, HistoryPage, HistoryStatus } from '../../shared/history';
import { toFtsMatch } from './ftsQuery';

/** Longest SQL text kept per entry; a pasted 50 MB script should not bloat the app database. */
export const MAX_HISTORY_SQL = 1_000_000;
/** Entries kept; older ones are pruned (history is a log, not an archive). */
export const MAX_HISTORY_ENTRIES = 100_000;

/** What the history search accepts. */
export interface HistorySearch {
  query?: string;
  connectionId?: string;
  status?: HistoryStatus;
  limit?: number;
  offset?: number;
}

interface Row {
  id: number;
  connection_id: string;
  sql: string;
  started_at: string;
  duration_ms: number;
  row_count: number | null;
  status: HistoryStatus;
  error_message: string | null;
}

/** The query history store. */
export class HistoryService {
  private insertsSincePrune = 0;

  constructor(
    private readonly db: Database.Database,
    /** Told about each new entry (the app turns it into the `history.recorded` event). */
    private readonly onRecorded: (entry: HistoryEntry) => void = () => {},
    private readonly maxEntries = MAX_HISTORY_ENTRIES,
  ) {}

  /** Stores one entry and returns its id. */
  record(entry: Omit<HistoryEntry, 'id'>): number {
    const info = this.db
      .prepare(
        `INSERT INTO query_history (connection_id, sql, started_at, duration_ms, row_count, status, error_message)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.connectionId,
        entry.sql.length > MAX_HISTORY_SQL ? entry.sql.slice(0, MAX_HISTORY_SQL) : entry.sql,
        entry.startedAt,
        entry.durationMs,
        entry.rowCount,
        entry.status,
        entry.errorMessage,
      );
    if (++this.insertsSincePrune >= 1000) this.prune();
    const id = Number(info.lastInsertRowid);
    this.onRecorded({ ...entry, id });
    return id;
  }

  /**
   * Records a finished run from its outcome (or the error it threw). A run refused only for want
   * of confirmation is not recorded: nothing executed, and the confirmed re-run will be.
   */
  recordRun(
    run: { connectionId: string; sql: string; startedAt: Date; durationMs: number },
    result: RunOutcome | unknown,
  ): void {
    if (!run.sql.trim()) return;
    const base = {
      connectionId: run.connectionId,
      sql: run.sql,
      startedAt: run.startedAt.toISOString(),
      durationMs: run.durationMs,
    };
    if (!isOutcome(result)) {
      this.record({
        ...base,
        rowCount: null,
        status: 'error',
        errorMessage: toAppError(result).message,
      });
      return;
    }
    const errors = result.statements.filter((s) => s.error);
    if (errors.length > 0 && errors.every((s) => s.error?.code === 'CONFIRMATION_REQUIRED')) return;
    let rows = 0;
    for (const s of result.statements) {
      rows += s.resultSets.reduce((n, r) => n + r.rowCount, 0);
      rows += s.rowsAffected ?? 0;
    }
    const firstError = errors.find((s) => s.error?.code !== 'QUERY_CANCELLED')?.error;
    const status: HistoryStatus = result.cancelled ? 'cancelled' : firstError ? 'error' : 'ok';
    this.record({
      ...base,
      durationMs: result.durationMs,
      rowCount: rows,
      status,
      errorMessage: firstError?.message ?? null,
    });
  }

  /** Entries matching the search, newest first, one page at a time. */
  search(s: HistorySearch): HistoryPage {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const match = s.query ? toFtsMatch(s.query) : null;
    if (match !== null) {
      where.push('h.id IN (SELECT rowid FROM query_history_fts WHERE query_history_fts MATCH ?)');
      params.push(match);
    }
    if (s.connectionId) {
      where.push('h.connection_id = ?');
      params.push(s.connectionId);
    }
    if (s.status) {
      where.push('h.status = ?');
      params.push(s.status);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (
      this.db.prepare(`SELECT count(*) AS n FROM query_history h ${clause}`).get(...params) as {
        n: number;
      }
    ).n;
    const rows = this.db
      .prepare(
        `SELECT h.* FROM query_history h ${clause} ORDER BY h.started_at DESC, h.id DESC LIMIT ? OFFSET ?`,
      )
      .all(...params, s.limit ?? 100, s.offset ?? 0) as Row[];
    return { entries: rows.map(toEntry), total };
  }

  /** Deletes the given entries, or every entry (optionally of one connection) when `ids` is absent. */
  delete(opts: { ids?: number[]; connectionId?: string }): number {
    if (opts.ids) {
      const del = this.db.prepare('DELETE FROM query_history WHERE id = ?');
      return this.db.transaction((ids: number[]) =>
        ids.reduce((n, id) => n + del.run(id).changes, 0),
      )(opts.ids);
    }
    if (opts.connectionId)
      return this.db
        .prepare('DELETE FROM query_history WHERE connection_id = ?')
        .run(opts.connectionId).changes;
    return this.db.prepare('DELETE FROM query_history').run().changes;
  }

  private prune(): void {
    this.insertsSincePrune = 0;
    this.db
      .prepare(
        'DELETE FROM query_history WHERE id <= (SELECT id FROM query_history ORDER BY id DESC LIMIT 1 OFFSET ?)',
      )
      .run(this.maxEntries);
  }
}

function isOutcome(v: unknown): v is RunOutcome {
  return typeof v === 'object' && v !== null && Array.isArray((v as RunOutcome).statements);
}

function toEntry(r: Row): HistoryEntry {
  return {
    id: r.id,
    connectionId: r.connection_id,
    sql: r.sql,
    startedAt: r.started_at,
    durationMs: r.duration_ms,
    rowCount: r.row_count,
    status: r.status,
    errorMessage: r.error_message,
  };
}
