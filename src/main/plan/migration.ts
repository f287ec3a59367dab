/** The app-database migration of this feature (its number is fixed: see app/migrations.ts). */
import type { Migration } from '../app/migrations';

/** Migration 9: plan advisor audit of applied suggestions. */
export const PLAN_MIGRATION: Migration = {
  version: 9,
  name: 'plan advisor audit of applied suggestions',
  // One row per applied (or failed) suggestion: what ran, what undoes it, how it ended.
  // Refused attempts (read-only, unconfirmed prod) run nothing and are not recorded.
  sql: `
    CREATE TABLE plan_audit (
      id INTEGER PRIMARY KEY,
      connection_id TEXT NOT NULL,
      applied_at TEXT NOT NULL,
      sql TEXT NOT NULL,
      rollback_sql TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'failed')),
      error TEXT,
      duration_ms INTEGER
    );
    CREATE INDEX plan_audit_by_connection ON plan_audit (connection_id, applied_at);
  `,
};
