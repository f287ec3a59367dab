/** The MySQL/MariaDB dialect: quoting, capabilities and mechanisms, declared once as data. */
import type { Dialect } from '../types';

/** MySQL and MariaDB, as the rest of the app sees them. */
export const mysqlDialect: Dialect = {
  engine: 'mysql',
  displayName: 'MySQL / MariaDB',
  quoteIdentifier: (name) => `\`${name.replace(/`/g, '``')}\``,
  capabilities: {
    schemas: false,
    materializedViews: false,
    enums: true,
    routines: true,
    transactionalDdl: false,
    explainAnalyze: true,
    cancel: true,
    multipleResultSets: true,
    returning: false,
    comments: true,
  },
  readOnlyMechanism: 'SET SESSION TRANSACTION READ ONLY',
  splitter: 'mysql',
  codemirrorDialect: 'MySQL',
  parserDatabase: 'mysql',
  defaultSchema: null,
};
