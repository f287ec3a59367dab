/** The app-database migration of this feature (its number is fixed: see app/migrations.ts). */
import type { Migration } from '../app/migrations';

/**
 * Migration 6: descriptions, glossary, doc settings, lint rule switches.
 * Descriptions are keyed by target name (`schema.table[.column]`), not by snapshot, so they
 * survive re-introspection and outlive a dropped table (listed as orphans). Settings are one
 * JSON document per connection so later switches need no new migration.
 */
export const DOCS_MIGRATION: Migration = {
  version: 6,
  name: 'descriptions, glossary, doc settings, lint rule switches',
  sql: `
    CREATE TABLE doc_descriptions (
      connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
      target        TEXT NOT NULL,
      text          TEXT NOT NULL,
      updated_at    TEXT NOT NULL,
      PRIMARY KEY (connection_id, target)
    );
    CREATE TABLE doc_glossary (
      connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
      term          TEXT NOT NULL COLLATE NOCASE,
      definition    TEXT NOT NULL,
      updated_at    TEXT NOT NULL,
      PRIMARY KEY (connection_id, term)
    );
    CREATE TABLE doc_settings (
      connection_id TEXT PRIMARY KEY REFERENCES connections(id) ON DELETE CASCADE,
      settings_json TEXT NOT NULL DEFAULT '{}',
      updated_at    TEXT NOT NULL
    );
  `,
};
