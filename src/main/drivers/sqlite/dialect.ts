/** The SQLite dialect: quoting, capabilities and how read-only is enforced, as data. */
import type { Dialect } from '../types';

/** SQLite's declarative dialect. */
export const sqliteDialect: Dialect = {
  engine: 'sqlite',
  displayName: 'SQLite',
  quoteIdentifier: (name) => `"${name.replace(/"/g, '""')}"`,
  capabilities: {
    schemas: false,
    materializedViews: false,
    enums: false,
    routines: false,
    transactionalDdl: true,
    // SQLite has no EXPLAIN ANALYZE; explain returns the estimated plan only.
    explainAnalyze: false,
    // Real cancel: the connection's host process is killed and reopened.
    cancel: true,
    multipleResultSets: false,
    returning: true,
    comments: false,
  },
  readOnlyMechanism: 'The file is opened read-only (SQLITE_OPEN_READONLY) with PRAGMA query_only = ON.',
  splitter: 'sqlite',
  codemirrorDialect: 'SQLite',
  parserDatabase: 'sqlite',
  defaultSchema: 'main',
};
