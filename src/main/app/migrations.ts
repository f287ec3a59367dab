/**
 * Numbered migrations of the app database. Append only: never edit a migration that shipped.
 * `PRAGMA user_version` records the last applied number.
 */

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
];
