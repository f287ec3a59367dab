/** The app-database migration of the AI tasks (its number is fixed: see app/migrations.ts). */
import type { Migration } from '../../app/migrations';

/** Migration 10: AI threads, answers, feedback, per-connection privacy. */
export const AI_TASKS_MIGRATION: Migration = {
  version: 10,
  name: 'AI threads, answers, feedback and privacy',
  sql: `
    CREATE TABLE ai_threads (
      id            TEXT PRIMARY KEY,
      connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
      title         TEXT NOT NULL,
      created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
    );
    CREATE INDEX ai_threads_by_connection ON ai_threads (connection_id, updated_at);

    -- One answer of a task in a thread: the question (or the SQL asked about), the reply as shown,
    -- what grounded it and what it cost. The exact payload sent lives in the router's request log.
    CREATE TABLE ai_answers (
      id              TEXT PRIMARY KEY,
      thread_id       TEXT NOT NULL REFERENCES ai_threads(id) ON DELETE CASCADE,
      seq             INTEGER NOT NULL,
      task            TEXT NOT NULL,
      question        TEXT NOT NULL,
      sql             TEXT,
      explanation     TEXT NOT NULL DEFAULT '',
      valid           INTEGER NOT NULL DEFAULT 0,
      problems_json   TEXT NOT NULL DEFAULT '[]',
      repairs         INTEGER NOT NULL DEFAULT 0,
      context_json    TEXT NOT NULL DEFAULT '{}',
      input_tokens    INTEGER NOT NULL DEFAULT 0,
      output_tokens   INTEGER NOT NULL DEFAULT 0,
      cached_tokens   INTEGER NOT NULL DEFAULT 0,
      cost_usd        REAL NOT NULL DEFAULT 0,
      provider        TEXT NOT NULL DEFAULT '',
      model           TEXT NOT NULL DEFAULT '',
      created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      UNIQUE (thread_id, seq)
    );

    CREATE TABLE ai_feedback (
      answer_id     TEXT PRIMARY KEY REFERENCES ai_answers(id) ON DELETE CASCADE,
      vote          INTEGER NOT NULL CHECK (vote IN (-1, 1)),
      example_added INTEGER NOT NULL DEFAULT 0,
      note          TEXT,
      created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
    );

    CREATE TABLE ai_privacy (
      connection_id       TEXT PRIMARY KEY REFERENCES connections(id) ON DELETE CASCADE,
      allow_sample_values INTEGER NOT NULL DEFAULT 0,
      allow_result_rows   INTEGER NOT NULL DEFAULT 0,
      columns_json        TEXT NOT NULL DEFAULT '{}',
      updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
    );
  `,
};
