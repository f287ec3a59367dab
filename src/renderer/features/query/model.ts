/** Pure rules of a query tab that are not the editor's or the results panel's. */
import type { ConnectionSummary } from '../../../shared/contract';

/** The SQL a new tab starts with. */
export function initialSql(
  connection: Pick<ConnectionSummary, 'isDemo' | 'engine'> | undefined,
): string {
  if (connection?.isDemo) return 'SELECT * FROM customers LIMIT 100;';
  return connection?.engine === 'mssql' ? 'SELECT TOP 100 * FROM sys.tables;' : 'SELECT 1;';
}

/** A run id unique enough for one app session. */
export function newRunId(random: () => number = Math.random): string {
  return `run-${Date.now().toString(36)}-${Math.floor(random() * 1e9).toString(36)}`;
}
