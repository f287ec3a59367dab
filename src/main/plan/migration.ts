/** The app-database migration of this feature (its number is fixed: see app/migrations.ts). */
import type { Migration } from '../app/migrations';

/** Migration 9: plan advisor audit of applied suggestions. */
export const PLAN_MIGRATION: Migration = {
  version: 9,
  name: 'plan advisor audit of applied suggestions',
  sql: `
    SELECT 1;
  `,
};
