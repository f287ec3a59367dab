/**
 * Editor tabs kept in the app database (table `editor_tabs`, migration 5) so a restart — or a
 * page reload in web mode — brings every tab back with its text.
 */
import type Database from 'better-sqlite3';
import type { EditorTabRecord } from '../../shared/contract';

interface TabRow {
  id: string;
  connection_id: string;
  title: string;
  sql: string;
  saved_query_id: string | null;
  position: number;
}

/** Reads and writes the saved editor tabs. */
export class TabService {
  constructor(private readonly db: Database.Database) {}

  /** Every saved tab whose connection still exists, in tab-strip order. */
  list(): EditorTabRecord[] {
    const rows = this.db
      .prepare(
        `SELECT t.id, t.connection_id, t.title, t.sql, t.saved_query_id, t.position
           FROM editor_tabs t JOIN connections c ON c.id = t.connection_id
          ORDER BY t.position, t.updated_at`,
      )
      .all() as TabRow[];
    return rows.map((r) => ({
      id: r.id,
      connectionId: r.connection_id,
      title: r.title,
      sql: r.sql,
      savedQueryId: r.saved_query_id,
      position: r.position,
    }));
  }

  /** Creates or updates one tab. */
  save(tab: Omit<EditorTabRecord, 'savedQueryId'> & { savedQueryId?: string | null }): void {
    this.db
      .prepare(
        `INSERT INTO editor_tabs (id, connection_id, title, sql, saved_query_id, position, updated_at)
         VALUES (@id, @connectionId, @title, @sql, @savedQueryId, @position, @now)
         ON CONFLICT(id) DO UPDATE SET connection_id = excluded.connection_id, title = excluded.title,
           sql = excluded.sql, saved_query_id = excluded.saved_query_id, position = excluded.position,
           updated_at = excluded.updated_at`,
      )
      .run({ ...tab, savedQueryId: tab.savedQueryId ?? null, now: new Date().toISOString() });
  }

  /** Forgets a tab; false when it was not saved. */
  close(id: string): boolean {
    return this.db.prepare('DELETE FROM editor_tabs WHERE id = ?').run(id).changes > 0;
  }
}
