/** The SQL Server dialect: quoting, capabilities and how read-only is enforced, as data. */
import type { Dialect } from '../types';

/** SQL Server's declarative dialect. */
export const mssqlDialect: Dialect = {
  engine: 'mssql',
  displayName: 'SQL Server',
  quoteIdentifier: (name) => `[${name.replace(/\]/g, ']]')}]`,
  capabilities: {
    schemas: true,
    materializedViews: false,
    enums: false,
    routines: true,
    transactionalDdl: true,
    explainAnalyze: true,
    cancel: true,
    multipleResultSets: true,
    returning: true,
    comments: true,
  },
  readOnlyMechanism:
    'SQL Server has no read-only session switch: the statement guard refuses writes, and the connection asks for ApplicationIntent=ReadOnly (honoured by read replicas).',
  splitter: 'mssql',
  codemirrorDialect: 'MSSQL',
  parserDatabase: 'transactsql',
  defaultSchema: 'dbo',
};
