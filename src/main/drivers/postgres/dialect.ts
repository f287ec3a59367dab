/** The PostgreSQL dialect: quoting, capabilities and mechanisms, declared once as data. */
import type { Dialect } from '../types';

/** PostgreSQL, as the rest of the app sees it. */
export const postgresDialect: Dialect = {
  engine: 'postgres',
  displayName: 'PostgreSQL',
  quoteIdentifier: (name) => `"${name.replace(/"/g, '""')}"`,
  capabilities: {
    schemas: true,
    materializedViews: true,
    enums: true,
    routines: true,
    transactionalDdl: true,
    explainAnalyze: true,
    cancel: true,
    multipleResultSets: true,
    returning: true,
    comments: true,
  },
  readOnlyMechanism:
    'Session default_transaction_read_only = on (SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY)',
  splitter: 'postgres',
  codemirrorDialect: 'PostgreSQL',
  parserDatabase: 'postgresql',
  defaultSchema: 'public',
};
