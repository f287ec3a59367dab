/** Transaction-control statements per engine (manual transaction mode). */
import type { Engine } from '../../shared/connection';

/** BEGIN / COMMIT / ROLLBACK as each engine spells them. */
export const TRANSACTION_SQL: Record<Engine, { begin: string; commit: string; rollback: string }> = {
  sqlite: { begin: 'BEGIN', commit: 'COMMIT', rollback: 'ROLLBACK' },
  postgres: { begin: 'BEGIN', commit: 'COMMIT', rollback: 'ROLLBACK' },
  mysql: { begin: 'START TRANSACTION', commit: 'COMMIT', rollback: 'ROLLBACK' },
  mssql: { begin: 'BEGIN TRANSACTION', commit: 'COMMIT TRANSACTION', rollback: 'ROLLBACK TRANSACTION' },
};
