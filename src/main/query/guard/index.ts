/**
 * The read-only guard: classifies statements with a real parser per dialect (libpg-query for
 * PostgreSQL, node-sql-parser for the others, plus keyword rules for what that parser lacks)
 * and refuses anything that is not a pure read on a read-only connection. Text that cannot be
 * parsed is refused: the guard fails closed.
 */
import type { Engine } from '../../../shared/connection';
import { AppError } from '../../../shared/errors';
import type { Dialect } from '../../drivers/types';
import { classifyGeneric, loadGenericParser } from './generic';
import { classifyPostgres } from './postgres';
import type { GenericDatabase } from './rules';
import type { StatementClassification } from './verdict';

export type { StatementClassification } from './verdict';

/** A guard dialect: an engine, or a dialect's `parserDatabase`. */
export type GuardDialect = Dialect['parserDatabase'] | Engine;

type ParserKey = 'postgres' | GenericDatabase;

function parserKey(dialect: GuardDialect): ParserKey {
  switch (dialect) {
    case 'postgres':
    case 'postgresql':
      return 'postgres';
    case 'mssql':
    case 'transactsql':
      return 'transactsql';
    default:
      return dialect;
  }
}

/** Loads the parser for `dialect` ahead of time (optional: the first classification loads it). */
export function loadGuard(dialect: GuardDialect): void {
  const key = parserKey(dialect);
  if (key !== 'postgres') loadGenericParser(key);
}

/**
 * Classifies one statement (several are judged together: the first refused one wins).
 * `readOnlySafe` says whether it may run on a read-only connection.
 */
export function classifyStatement(sql: string, dialect: GuardDialect): StatementClassification {
  const key = parserKey(dialect);
  return key === 'postgres' ? classifyPostgres(sql) : classifyGeneric(sql, key);
}

/**
 * Throws READ_ONLY_VIOLATION unless `sql` may run on a read-only connection: pure reads,
 * transaction control that stays read-only, and harmless session settings.
 */
export function assertReadOnlyAllowed(sql: string, dialect: GuardDialect): StatementClassification {
  const verdict = classifyStatement(sql, dialect);
  if (!verdict.readOnlySafe) {
    const statement = sql.trim();
    const shown = statement.length > 80 ? `${statement.slice(0, 77)}…` : statement;
    throw new AppError(
      'READ_ONLY_VIOLATION',
      `This connection is read-only, so "${shown}" was not run: ${verdict.reason}. ` +
        'Use a connection without the read-only option to change data.',
      { statement: statement.slice(0, 1000), kind: verdict.kind, reason: verdict.reason },
    );
  }
  return verdict;
}
