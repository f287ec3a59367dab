/** The PostgreSQL driver (`pg` + `pg-cursor`). */
import type { Driver } from '../types';
import { connectPostgres } from './connection';
import { postgresDialect } from './dialect';

/** PostgreSQL: paged cursor reads, cancel via pg_cancel_backend, catalog introspection. */
export const postgresDriver: Driver = {
  dialect: postgresDialect,
  connect: connectPostgres,
};

export { postgresDialect };
