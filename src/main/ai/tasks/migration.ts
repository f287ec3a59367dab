/** The app-database migration of the AI tasks (its number is fixed: see app/migrations.ts). */
import type { Migration } from '../../app/migrations';

/** Migration 10: AI threads, answers, feedback, per-connection privacy. */
export const AI_TASKS_MIGRATION: Migration = {
  version: 10,
  name: 'AI threads, answers, feedback and privacy',
  sql: `
    SELECT 1;
  `,
};
