/**
 * Numbered migrations of the app database. Append only: never edit a migration that shipped.
 * `PRAGMA user_version` records the last applied number. Features keep their migration beside
 * their code (`<feature>/migration.ts`) with the number given here.
 */
import { AI_MIGRATION } from '../ai/migration';
import { AI_TASKS_MIGRATION } from '../ai/tasks/migration';
import { DOCS_MIGRATION } from '../docs/migration';
import { ERD_MIGRATION } from '../erd/migration';
import { PLAN_MIGRATION } from '../plan/migration';

/** One migration: its number and its SQL. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, in order. */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'connections and settings',
    sql: `
      CREATE TABLE connections (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        engine      TEXT NOT NULL CHECK (engine IN ('sqlite','postgres','mysql','mssql')),
        params_json TEXT NOT NULL,          -- ConnectionParams without the password
        color       TEXT,
        environment TEXT CHECK (environment IN ('local','dev','staging','prod')),
        read_only   INTEGER NOT NULL DEFAULT 0,
        is_demo     INTEGER NOT NULL DEFAULT 0,
        created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'schema snapshots',
    sql: `
      CREATE TABLE schema_snapshots (
        id            INTEGER PRIMARY KEY,
        connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
        captured_at   TEXT NOT NULL,
        snapshot_json TEXT NOT NULL
      );
      CREATE INDEX schema_snapshots_by_connection ON schema_snapshots(connection_id, captured_at);
    `,
  },
  {
    version: 3,
    name: 'query history with full-text search',
    sql: `
      CREATE TABLE query_history (
        id            INTEGER PRIMARY KEY,
        connection_id TEXT NOT NULL,          -- kept after the connection is deleted: history is a log
        sql           TEXT NOT NULL,
        started_at    TEXT NOT NULL,
        duration_ms   REAL NOT NULL,
        row_count     INTEGER,
        status        TEXT NOT NULL CHECK (status IN ('ok','error','cancelled')),
        error_message TEXT
      );
      CREATE INDEX query_history_by_time ON query_history(started_at DESC, id DESC);
      CREATE INDEX query_history_by_connection ON query_history(connection_id, started_at DESC);
      CREATE VIRTUAL TABLE query_history_fts USING fts5(
        sql, content='query_history', content_rowid='id', tokenize='unicode61'
      );
      CREATE TRIGGER query_history_ai AFTER INSERT ON query_history BEGIN
        INSERT INTO query_history_fts(rowid, sql) VALUES (new.id, new.sql);
      END;
      CREATE TRIGGER query_history_ad AFTER DELETE ON query_history BEGIN
        INSERT INTO query_history_fts(query_history_fts, rowid, sql) VALUES ('delete', old.id, old.sql);
      END;
    `,
  },
  {
    version: 4,
    name: 'saved queries with versions and full-text search',
    sql: `
      CREATE TABLE saved_queries (
        seq           INTEGER PRIMARY KEY,       -- stable rowid for the FTS index (VACUUM keeps it)
        id            TEXT NOT NULL UNIQUE,
        name          TEXT NOT NULL,
        folder        TEXT NOT NULL DEFAULT '',  -- a path such as 'reports/monthly'
        description   TEXT NOT NULL DEFAULT '',
        tags          TEXT NOT NULL DEFAULT '',  -- space-separated, lower case
        connection_id TEXT,
        sql           TEXT NOT NULL,             -- copy of the latest version, for search and lists
        version_count INTEGER NOT NULL DEFAULT 0,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );
      CREATE TABLE saved_query_versions (
        query_id      TEXT NOT NULL REFERENCES saved_queries(id) ON DELETE CASCADE,
        version       INTEGER NOT NULL,
        sql           TEXT NOT NULL,
        name          TEXT NOT NULL,
        description   TEXT NOT NULL,
        tags          TEXT NOT NULL,
        note          TEXT NOT NULL DEFAULT '',
        created_at    TEXT NOT NULL,
        PRIMARY KEY (query_id, version)
      );
      CREATE VIRTUAL TABLE saved_queries_fts USING fts5(
        name, description, sql, tags, content='saved_queries', content_rowid='seq', tokenize='unicode61'
      );
      CREATE TRIGGER saved_queries_ai AFTER INSERT ON saved_queries BEGIN
        INSERT INTO saved_queries_fts(rowid, name, description, sql, tags)
        VALUES (new.seq, new.name, new.description, new.sql, new.tags);
      END;
      CREATE TRIGGER saved_queries_ad AFTER DELETE ON saved_queries BEGIN
        INSERT INTO saved_queries_fts(saved_queries_fts, rowid, name, description, sql, tags)
        VALUES ('delete', old.seq, old.name, old.description, old.sql, old.tags);
      END;
      CREATE TRIGGER saved_queries_au AFTER UPDATE ON saved_queries BEGIN
        INSERT INTO saved_queries_fts(saved_queries_fts, rowid, name, description, sql, tags)
        VALUES ('delete', old.seq, old.name, old.description, old.sql, old.tags);
        INSERT INTO saved_queries_fts(rowid, name, description, sql, tags)
        VALUES (new.seq, new.name, new.description, new.sql, new.tags);
      END;
    `,
  },
  {
    version: 5,
    name: 'editor tabs restored after restart',
    sql: `
      CREATE TABLE editor_tabs (
        id             TEXT PRIMARY KEY,
        connection_id  TEXT NOT NULL,
        title          TEXT NOT NULL,
        sql            TEXT NOT NULL DEFAULT '',
        saved_query_id TEXT,
        position       INTEGER NOT NULL,
        updated_at     TEXT NOT NULL
      );
      CREATE INDEX editor_tabs_by_position ON editor_tabs(position);
    `,
  },
  DOCS_MIGRATION,
  ERD_MIGRATION,
  AI_MIGRATION,
  PLAN_MIGRATION,
  AI_TASKS_MIGRATION,
];
