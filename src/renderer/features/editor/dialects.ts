/** Per-engine editor settings as data: CodeMirror SQL dialect and sql-formatter language. */
import { MSSQL, MySQL, PostgreSQL, SQLite, type SQLDialect } from '@codemirror/lang-sql';
import type { SqlLanguage } from 'sql-formatter';
import type { Engine } from '../../../shared/connection';

interface EngineEditorDialect {
  codemirror: SQLDialect;
  formatter: SqlLanguage;
}

const DIALECTS: Record<Engine, EngineEditorDialect> = {
  sqlite: { codemirror: SQLite, formatter: 'sqlite' },
  postgres: { codemirror: PostgreSQL, formatter: 'postgresql' },
  mysql: { codemirror: MySQL, formatter: 'mariadb' },
  mssql: { codemirror: MSSQL, formatter: 'transactsql' },
};

/** The CodeMirror dialect of an engine. */
export function codemirrorDialect(engine: Engine): SQLDialect {
  return DIALECTS[engine].codemirror;
}

/**
 * Formats SQL in the engine's dialect with upper-case keywords; parameters (`:name`, `$1`, `?`)
 * are kept as they are. Rejects with sql-formatter's error on SQL it cannot parse. The formatter
 * (a quarter of the editor's code) is loaded on first use, not at start-up.
 */
export async function formatSql(sql: string, engine: Engine): Promise<string> {
  const { format } = await import('sql-formatter');
  return format(sql, {
    language: DIALECTS[engine].formatter,
    keywordCase: 'upper',
    tabWidth: 2,
    paramTypes: engine === 'postgres' ? { numbered: ['$'], named: [':'] } : { positional: true, named: [':'] },
  });
}
