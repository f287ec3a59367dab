/** The app-database migration of this feature (its number is fixed: see app/migrations.ts). */
import type { Migration } from '../app/migrations';

/** Migration 7: saved ER diagram views. */
export const ERD_MIGRATION: Migration = {
  version: 7,
  name: 'saved ER diagram views',
  sql: `
    CREATE TABLE erd_views (
      id                TEXT PRIMARY KEY,
      connection_id     TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
      name              TEXT NOT NULL,
      tables_json       TEXT NOT NULL,               -- node ids (schema.table), kept even when a table is dropped
      positions_json    TEXT NOT NULL DEFAULT '{}',  -- node id -> {x, y}, manual positions only
      focus             TEXT,                        -- how the view was made ("around this table")
      hops              INTEGER,
      known_tables_json TEXT NOT NULL DEFAULT '[]',  -- every table id of the schema when saved: tells new tables apart
      options_json      TEXT NOT NULL DEFAULT '{}',  -- room for later view settings (viewport, collapsed nodes, ...)
      created_at        TEXT NOT NULL,
      updated_at        TEXT NOT NULL,
      UNIQUE (connection_id, name)
    );
    CREATE INDEX erd_views_by_connection ON erd_views(connection_id, updated_at);
  `,
};
