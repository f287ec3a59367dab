/** The app-database migration of this feature (its number is fixed: see app/migrations.ts). */
import type { Migration } from '../app/migrations';

/** Migration 7: saved ER diagram views. */
export const ERD_MIGRATION: Migration = {
  version: 7,
  name: 'saved ER diagram views',
  sql: `
    SELECT 1;
  `,
};
